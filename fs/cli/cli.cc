// The `regfs` command line (SPEC.md section 5): finds the command word, parses its
// arguments (fs/cli/args.h) and runs it (fs/cli/commands.h).
#include "fs/cli.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fs/cli/args.h"
#include "fs/cli/commands.h"

namespace regfs {

namespace {

using namespace cli;  // NOLINT: the command line's own parts

constexpr std::string_view kVersion = "0.1.0";

using CommandFn = int (*)(const Context&, const Args&);

struct CommandEntry {
  std::string_view name;
  CommandFn fn;
  std::vector<FlagSpec> flags;
};

const std::vector<CommandEntry>& CommandTable() {
  static const std::vector<CommandEntry> table = {
      {"init", CmdInit, {{"--layout", true}, {"--name", true}, {"--lamin-settings", false}}},
      {"add", CmdAdd, {{"--key", true}, {"--key-from-path", false}, {"--description", true}}},
      {"ls",
       CmdLs,
       {{"--trash", false}, {"--all", false}, {"--collections", false}, {"--format", true}}},
      {"describe", CmdDescribe, {{"--format", true}}},
      {"versions", CmdVersions, {{"--format", true}}},
      {"path", CmdPath, {}},
      {"rm", CmdRm, {{"--permanent", false}, {"--purge-real-keys", false}}},
      {"restore", CmdRestore, {}},
      {"trash", CmdTrash, {{"--older-than", true}, {"--dry-run", false}}},
      {"fsck", CmdFsck, {{"--repair", false}}},
      {"mount", CmdMount, {{"-f", false}, {"--foreground", false}, {"-o", true}}},
      {"umount", CmdUmount, {}},
  };
  return table;
}

void PrintHelp(FILE* out) {
  std::string text =
      "usage: regfs [-C ROOT] COMMAND [ARGS...]\n"
      "\n"
      "Mounts a LaminDB artifact registry as a filesystem, and manages it from the shell.\n"
      "\n"
      "commands:\n";
  for (const auto& c : Commands()) {
    text += "  ";
    text += c.synopsis;
    text += "\n      ";
    text += c.summary;
    text += "\n";
  }
  text +=
      "\n"
      "global options:\n"
      "  -C ROOT        the instance directory (else $REGFS_INSTANCE, else the nearest\n"
      "                 ancestor of the working directory that holds .lamindb/)\n"
      "  -h, --help     show this help (also: regfs COMMAND --help)\n"
      "  --version      show the version\n"
      "\n"
      "mount options (-o): notrash, ro, allow_other, purge_real_keys, nopassthrough, "
      "max_threads=N, debug\n"
      "exit status: 0 success, 1 failure, 2 usage error. See regfs(1).\n";
  std::fputs(text.c_str(), out);
}

void PrintCommandHelp(const CommandHelp& c) {
  std::string text = "usage: ";
  text += c.synopsis;
  text += "\n  ";
  text += c.summary;
  text += "\n  global option: -C ROOT (the instance). See regfs(1) for details.\n";
  Out(text);
}

}  // namespace

int RunCli(int argc, char** argv) {
  std::vector<std::string> all(argv + 1, argv + argc);

  // Find the command word, skipping the global options that may precede it.
  std::optional<size_t> command_at;
  bool want_help = false;
  bool want_version = false;
  for (size_t i = 0; i < all.size(); ++i) {
    const std::string& a = all[i];
    if (a == "-C") {
      ++i;  // its value
      if (i >= all.size()) return UsageError("", "option -C needs a value");
      continue;
    }
    if (a.rfind("-C", 0) == 0) continue;  // -CROOT
    if (a == "-h" || a == "--help") {
      want_help = true;
      continue;
    }
    if (a == "--version") {
      want_version = true;
      continue;
    }
    if (a == "--") {
      if (i + 1 < all.size()) command_at = i + 1;
      break;
    }
    if (!a.empty() && a[0] == '-') return UsageError("", "unknown option " + a);
    command_at = i;
    break;
  }
  if (!command_at) {
    if (want_version) {
      Out("regfs " + std::string(kVersion) + "\n");
      return kExitOk;
    }
    if (want_help) {
      PrintHelp(stdout);
      return kExitOk;
    }
    PrintHelp(stderr);
    return kExitUsage;
  }
  const std::string command = all[*command_at];
  if (command == "help") {
    if (*command_at + 1 < all.size()) {
      if (const CommandHelp* c = FindCommand(all[*command_at + 1])) {
        PrintCommandHelp(*c);
        return kExitOk;
      }
    }
    PrintHelp(stdout);
    return kExitOk;
  }
  if (command == "version") {
    Out("regfs " + std::string(kVersion) + "\n");
    return kExitOk;
  }

  const CommandEntry* entry = nullptr;
  for (const auto& e : CommandTable()) {
    if (e.name == command) entry = &e;
  }
  if (entry == nullptr) return UsageError("", "unknown command " + command);

  std::vector<std::string> rest;
  for (size_t i = 0; i < all.size(); ++i) {
    if (i == *command_at) continue;
    if (i + 1 == *command_at && all[i] == "--") continue;
    rest.push_back(all[i]);
  }
  Args args;
  if (auto err = ParseArgs(rest, entry->flags, &args)) return UsageError(command, *err);
  if (args.Has("-h") || args.Has("--help")) {
    PrintCommandHelp(*FindCommand(command));
    return kExitOk;
  }
  if (args.Has("--version")) {
    Out("regfs " + std::string(kVersion) + "\n");
    return kExitOk;
  }
  Context ctx;
  if (auto root = args.Last("-C")) {
    if (root->empty()) return UsageError(command, "option -C needs a non-empty value");
    ctx.root_flag = *root;
  }

  int rc = entry->fn(ctx, args);
  if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
    if (errno != EPIPE) PrintError("write to standard output", std::strerror(errno));
    return kExitFailure;
  }
  return rc;
}

}  // namespace regfs
