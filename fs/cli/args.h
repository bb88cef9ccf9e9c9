// The command line's arguments, messages and usage errors.
//
// Arguments are parsed by hand: the global `-C ROOT` may appear before or after the command
// word, every other flag belongs to the command. Errors reach the user as exactly one line,
// "regfs: <context>: <message>", with exit status 1; usage errors print a short usage line
// and exit with 2.
#pragma once

#include <cstdio>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace regfs::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

struct FlagSpec {
  std::string_view name;  // "--key", "-o"
  bool takes_value;
};

struct Args {
  std::vector<std::string> positional;
  std::map<std::string, std::vector<std::string>, std::less<>> flags;

  bool Has(std::string_view name) const { return flags.find(name) != flags.end(); }
  std::optional<std::string> Last(std::string_view name) const;
  std::vector<std::string> All(std::string_view name) const;
};

// Parses `args` against `spec` (plus the global flags -C, -h, --help, --version). Accepted
// forms: "--name VALUE", "--name=VALUE", "-x VALUE", "-xVALUE"; "--" ends the flags; a lone
// "-" is positional. Returns an error message, or nullopt on success.
std::optional<std::string> ParseArgs(const std::vector<std::string>& args,
                                     const std::vector<FlagSpec>& spec, Args* out);

// One line per command for the help and usage texts.
struct CommandHelp {
  std::string_view name;
  std::string_view synopsis;
  std::string_view summary;
};
const std::vector<CommandHelp>& Commands();
const CommandHelp* FindCommand(std::string_view name);

// A usage error: the message, then the command's usage line; returns kExitUsage.
int UsageError(std::string_view command, const std::string& message);

// Messages stay on one line whatever a file name or database text holds.
std::string OneLine(std::string_view text);
void PrintError(std::string_view context, std::string_view message);
void PrintError(std::string_view context, const Status& st);
// PrintError, then kExitFailure.
int Fail(std::string_view context, const Status& st);
int Fail(std::string_view context, std::string_view message);
// Reports go to stdout.
void Out(std::string_view text);
// Asks on the terminal (stderr); true only for the answer "y".
bool Confirm(const std::string& question);

}  // namespace regfs::cli
