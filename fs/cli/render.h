// Tables as the CLI prints them: aligned text, CSV or JSON.
//
//   table: aligned columns, numbers right-aligned, NULL empty, control characters escaped
//          (newlines shown as \n), so every row is one line;
//   csv:   RFC 4180 quoting, LF line ends, NULL as an empty field;
//   json:  an array of objects, NULL as null, numbers as numbers, invalid UTF-8 replaced by
//          U+FFFD.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace regfs::cli {

enum class Format { kTable, kCsv, kJson };

// "table", "csv", "json"; nullopt for anything else.
std::optional<Format> ParseFormat(std::string_view text);

struct Cell {
  std::optional<std::string> text;  // nullopt: NULL
  bool numeric = false;
};
Cell Str(const std::string& s);
Cell Str(const std::optional<std::string>& s);
Cell Num(int64_t v);
Cell Num(const std::optional<int64_t>& v);

struct Table {
  std::vector<std::string_view> columns;
  std::vector<std::vector<Cell>> rows;  // each row has one cell per column
};

std::string Render(const Table& t, Format format);
// One record as "column: value" lines (table), or as one JSON object.
std::string RenderRecord(const Table& t, Format format);

// A JSON string literal; bytes that are not UTF-8 become U+FFFD.
std::string JsonString(std::string_view s);

}  // namespace regfs::cli
