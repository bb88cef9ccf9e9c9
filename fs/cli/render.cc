#include "fs/cli/render.h"

#include <algorithm>
#include <cstdio>

namespace regfs::cli {

namespace {

// Number of terminal columns a UTF-8 string takes (one per code point).
size_t DisplayWidth(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) {
    if ((c & 0xC0) != 0x80) ++n;
  }
  return n;
}

// Table cells are single-line: control characters are shown escaped.
std::string TableText(const Cell& c) {
  if (!c.text) return "";
  std::string out;
  for (char ch : *c.text) {
    if (ch == '\n') {
      out += "\\n";
    } else if (ch == '\t') {
      out += "\\t";
    } else if (ch == '\r') {
      out += "\\r";
    } else if (static_cast<unsigned char>(ch) < 0x20) {
      out += '?';
    } else {
      out += ch;
    }
  }
  return out;
}

std::string CsvField(std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char ch : s) {
    if (ch == '"') out += '"';
    out += ch;
  }
  out += '"';
  return out;
}

// Length of the valid UTF-8 sequence starting at s[i], or 0 when it is not valid.
size_t Utf8SeqLen(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  size_t len;
  uint32_t min;
  uint32_t cp;
  if (c < 0x80) return 1;
  if ((c & 0xE0) == 0xC0) {
    len = 2;
    min = 0x80;
    cp = c & 0x1F;
  } else if ((c & 0xF0) == 0xE0) {
    len = 3;
    min = 0x800;
    cp = c & 0x0F;
  } else if ((c & 0xF8) == 0xF0) {
    len = 4;
    min = 0x10000;
    cp = c & 0x07;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  for (size_t k = 1; k < len; ++k) {
    unsigned char cc = static_cast<unsigned char>(s[i + k]);
    if ((cc & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (cc & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

std::string JsonValue(const Cell& cell) {
  if (!cell.text) return "null";
  if (cell.numeric) return *cell.text;
  return JsonString(*cell.text);
}

std::string JsonObject(const Table& t, const std::vector<Cell>& row) {
  std::string out = "{";
  for (size_t c = 0; c < t.columns.size(); ++c) {
    if (c > 0) out += ", ";
    out += JsonString(t.columns[c]);
    out += ": ";
    out += JsonValue(row[c]);
  }
  return out + "}";
}

std::string RenderTable(const Table& t) {
  const size_t n = t.columns.size();
  std::vector<std::vector<std::string>> text;
  text.reserve(t.rows.size());
  std::vector<size_t> width(n);
  for (size_t c = 0; c < n; ++c) width[c] = t.columns[c].size();
  for (const auto& row : t.rows) {
    std::vector<std::string> line;
    for (size_t c = 0; c < n; ++c) {
      line.push_back(TableText(row[c]));
      width[c] = std::max(width[c], DisplayWidth(line.back()));
    }
    text.push_back(std::move(line));
  }
  // A column is numeric when its first row's cell is (every row of a column has one type).
  std::vector<bool> numeric(n, false);
  if (!t.rows.empty()) {
    for (size_t c = 0; c < n; ++c) numeric[c] = t.rows[0][c].numeric;
  }
  std::string out;
  auto emit = [&](auto cell_at) {
    std::string line;
    for (size_t c = 0; c < n; ++c) {
      std::string_view cell = cell_at(c);
      size_t pad = width[c] - DisplayWidth(cell);
      if (c > 0) line += "  ";
      if (numeric[c]) {
        line.append(pad, ' ');
        line += cell;
      } else {
        line += cell;
        line.append(pad, ' ');
      }
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line;
    out += '\n';
  };
  emit([&](size_t c) { return t.columns[c]; });
  for (const auto& line : text) emit([&](size_t c) { return std::string_view(line[c]); });
  return out;
}

std::string RenderCsv(const Table& t) {
  std::string out;
  for (size_t c = 0; c < t.columns.size(); ++c) {
    if (c > 0) out += ',';
    out += t.columns[c];
  }
  out += '\n';
  for (const auto& row : t.rows) {
    for (size_t c = 0; c < t.columns.size(); ++c) {
      if (c > 0) out += ',';
      if (row[c].text) out += CsvField(*row[c].text);
    }
    out += '\n';
  }
  return out;
}

std::string RenderJson(const Table& t) {
  if (t.rows.empty()) return "[]\n";
  std::string out = "[\n";
  for (size_t r = 0; r < t.rows.size(); ++r) {
    out += "  " + JsonObject(t, t.rows[r]);
    out += r + 1 < t.rows.size() ? ",\n" : "\n";
  }
  return out + "]\n";
}

}  // namespace

std::optional<Format> ParseFormat(std::string_view text) {
  if (text == "table") return Format::kTable;
  if (text == "csv") return Format::kCsv;
  if (text == "json") return Format::kJson;
  return std::nullopt;
}

Cell Str(const std::string& s) {
  return Cell{s, false};
}
Cell Str(const std::optional<std::string>& s) {
  return Cell{s, false};
}
Cell Num(int64_t v) {
  return Cell{std::to_string(v), true};
}
Cell Num(const std::optional<int64_t>& v) {
  return Cell{v ? std::optional<std::string>(std::to_string(*v)) : std::nullopt, true};
}

std::string Render(const Table& t, Format format) {
  switch (format) {
    case Format::kTable: return RenderTable(t);
    case Format::kCsv: return RenderCsv(t);
    case Format::kJson: return RenderJson(t);
  }
  return "";
}

std::string RenderRecord(const Table& t, Format format) {
  if (t.rows.empty()) return format == Format::kJson ? "null\n" : "";
  if (format == Format::kJson) return JsonObject(t, t.rows[0]) + "\n";
  if (format == Format::kCsv) return RenderCsv(t);
  size_t width = 0;
  for (auto c : t.columns) width = std::max(width, c.size());
  std::string out;
  for (size_t c = 0; c < t.columns.size(); ++c) {
    out += t.columns[c];
    out += ':';
    out.append(width - t.columns[c].size() + 1, ' ');
    out += TableText(t.rows[0][c]);
    out += '\n';
  }
  return out;
}

std::string JsonString(std::string_view s) {
  std::string out = "\"";
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t len = Utf8SeqLen(s, i);
    if (len == 0) {
      out += "\\ufffd";
      ++i;
      continue;
    }
    if (len > 1) {
      out.append(s.substr(i, len));
      i += len;
      continue;
    }
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20 || c == 0x7F) {
          char esc[8];
          std::snprintf(esc, sizeof esc, "\\u%04x", c);
          out += esc;
        } else {
          out += static_cast<char>(c);
        }
    }
    ++i;
  }
  out += '"';
  return out;
}

}  // namespace regfs::cli
