#include "fs/cli/args.h"

namespace regfs::cli {

namespace {

// Flags every command accepts.
constexpr FlagSpec kGlobalFlags[] = {
    {"-C", true}, {"-h", false}, {"--help", false}, {"--version", false}};

const FlagSpec* LookupFlag(std::string_view name, const std::vector<FlagSpec>& spec) {
  for (const auto& f : spec) {
    if (f.name == name) return &f;
  }
  for (const auto& f : kGlobalFlags) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

}  // namespace

std::optional<std::string> Args::Last(std::string_view name) const {
  auto it = flags.find(name);
  if (it == flags.end() || it->second.empty()) return std::nullopt;
  return it->second.back();
}

std::vector<std::string> Args::All(std::string_view name) const {
  auto it = flags.find(name);
  return it == flags.end() ? std::vector<std::string>{} : it->second;
}

std::optional<std::string> ParseArgs(const std::vector<std::string>& args,
                                     const std::vector<FlagSpec>& spec, Args* out) {
  bool flags_done = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (flags_done || arg.size() < 2 || arg[0] != '-') {
      out->positional.push_back(arg);
      continue;
    }
    if (arg == "--") {
      flags_done = true;
      continue;
    }
    std::string name = arg;
    std::optional<std::string> inline_value;
    if (arg.rfind("--", 0) == 0) {
      size_t eq = arg.find('=');
      if (eq != std::string::npos) {
        name = arg.substr(0, eq);
        inline_value = arg.substr(eq + 1);
      }
    } else if (arg.size() > 2) {
      // "-oVALUE" / "-CROOT": a short flag with its value attached.
      name = arg.substr(0, 2);
      inline_value = arg.substr(2);
    }
    const FlagSpec* f = LookupFlag(name, spec);
    if (f == nullptr) return "unknown option " + arg;
    if (!f->takes_value) {
      if (inline_value) return "option " + name + " takes no value";
      out->flags[name].push_back("");
      continue;
    }
    if (!inline_value) {
      if (i + 1 >= args.size()) return "option " + name + " needs a value";
      inline_value = args[++i];
    }
    out->flags[name].push_back(*inline_value);
  }
  return std::nullopt;
}

const std::vector<CommandHelp>& Commands() {
  static const std::vector<CommandHelp> commands = {
      {"init", "regfs init [ROOT] [--layout 2.9|0.73] [--name NAME] [--lamin-settings]",
       "create at ROOT the complete instance LaminDB's own init creates (today's layout, or "
       "LaminDB 0.73's); --lamin-settings also writes LaminDB's settings file for it"},
      {"add", "regfs add FILE... [--key KEY | --key-from-path] [--description TEXT]",
       "save files as artifacts (one transaction); --key-from-path keys each file by its "
       "relative path"},
      {"ls", "regfs ls [--trash | --all] [--collections] [--format table|csv|json]",
       "list artifacts (default: visible ones), or collections"},
      {"describe", "regfs describe UID|KEY|NAME [--format table|json]",
       "show one record: every column, its stored path; a collection's members in order"},
      {"versions", "regfs versions UID|KEY [--format table|csv|json]",
       "list the versions of a record's family, oldest first"},
      {"path", "regfs path UID|KEY", "print where a record's content is stored"},
      {"rm", "regfs rm UID|KEY|NAME... [--permanent] [--purge-real-keys]",
       "move records to the trash, or delete trashed records permanently"},
      {"restore", "regfs restore UID|KEY|NAME...", "bring trashed records back"},
      {"trash", "regfs trash empty [--older-than DAYS] [--dry-run]",
       "permanently delete trashed records"},
      {"fsck", "regfs fsck [--repair]", "check rows against stored files"},
      {"mount", "regfs mount [-C ROOT] MOUNTPOINT [-f] [-o OPTION[,OPTION...]]",
       "mount the instance as a filesystem"},
      {"umount", "regfs umount MOUNTPOINT", "unmount a regfs mount"},
  };
  return commands;
}

const CommandHelp* FindCommand(std::string_view name) {
  for (const auto& c : Commands()) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

int UsageError(std::string_view command, const std::string& message) {
  std::string line = "regfs: ";
  if (!command.empty()) {
    line += command;
    line += ": ";
  }
  line += message;
  line += "\n";
  const CommandHelp* c = FindCommand(command);
  if (c != nullptr) {
    line += "usage: ";
    line += c->synopsis;
    line += "\n";
  } else {
    line += "usage: regfs [-C ROOT] COMMAND [ARGS...]  (regfs --help lists the commands)\n";
  }
  std::fputs(line.c_str(), stderr);
  return kExitUsage;
}

std::string OneLine(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char ch : text) out += (ch == '\n' || ch == '\r') ? ' ' : ch;
  return out;
}

void PrintError(std::string_view context, std::string_view message) {
  std::string line = "regfs: ";
  if (!context.empty()) {
    line += OneLine(context);
    line += ": ";
  }
  line += OneLine(message);
  line += "\n";
  std::fputs(line.c_str(), stderr);
}

void PrintError(std::string_view context, const Status& st) {
  PrintError(context, st.message().empty() ? std::string(CodeName(st.code())) : st.message());
}

int Fail(std::string_view context, const Status& st) {
  PrintError(context, st);
  return kExitFailure;
}

int Fail(std::string_view context, std::string_view message) {
  PrintError(context, message);
  return kExitFailure;
}

void Out(std::string_view text) {
  std::fwrite(text.data(), 1, text.size(), stdout);
}

bool Confirm(const std::string& question) {
  std::fflush(stdout);
  std::string prompt = question + " (y/n) ";
  std::fputs(prompt.c_str(), stderr);
  std::fflush(stderr);
  char buf[256];
  if (std::fgets(buf, sizeof buf, stdin) == nullptr) {
    std::fputs("\n", stderr);
    return false;
  }
  std::string answer(buf);
  while (!answer.empty() && (answer.back() == '\n' || answer.back() == '\r' ||
                             answer.back() == ' ' || answer.back() == '\t')) {
    answer.pop_back();
  }
  size_t start = answer.find_first_not_of(" \t");
  answer = start == std::string::npos ? "" : answer.substr(start);
  return answer == "y";
}

}  // namespace regfs::cli
