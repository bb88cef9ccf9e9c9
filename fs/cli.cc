// The `regfs` command line (SPEC.md section 5).
//
// Each command is one function taking its parsed arguments. Arguments are parsed by hand:
// the global `-C ROOT` may appear before or after the command word, every other flag belongs
// to the command. Errors reach the user as exactly one line, "regfs: <context>: <message>",
// with exit status 1; usage errors print a short usage line and exit with 2.
#include "fs/cli.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <variant>
#include <vector>

#include "core/clock.h"
#include "core/hash.h"
#include "core/instance.h"
#include "core/records.h"
#include "core/registry.h"
#include "core/status.h"
#include "core/storage.h"
#include "core/uid.h"
#include "fs/mount.h"
#include "fs/scratch.h"

namespace regfs {
namespace {

constexpr std::string_view kVersion = "0.1.0";

constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;

// ------------------------------------------------------------------------- usage texts

struct CommandHelp {
  std::string_view name;
  std::string_view synopsis;
  std::string_view summary;
};

constexpr CommandHelp kCommands[] = {
    {"init", "regfs init [ROOT] [--layout 2.9|0.73] [--name NAME] [--lamin-settings]",
     "create at ROOT the complete instance LaminDB's own init creates (today's layout, or "
     "LaminDB 0.73's); --lamin-settings also writes LaminDB's settings file for it"},
    {"add", "regfs add FILE... [--key KEY | --key-from-path] [--description TEXT]",
     "save files as artifacts (one transaction); --key-from-path keys each file by its "
     "relative path"},
    {"ls", "regfs ls [--trash | --all] [--format table|csv|json]",
     "list artifacts (default: visible ones)"},
    {"rm", "regfs rm UID|KEY... [--permanent] [--purge-real-keys]",
     "move records to the trash, or delete trashed records permanently"},
    {"restore", "regfs restore UID|KEY...", "bring trashed records back"},
    {"trash", "regfs trash empty [--older-than DAYS]", "permanently delete trashed records"},
    {"fsck", "regfs fsck [--repair]", "check rows against stored files"},
    {"mount", "regfs mount [-C ROOT] MOUNTPOINT [-f] [-o OPTION[,OPTION...]]",
     "mount the instance as a filesystem"},
    {"umount", "regfs umount MOUNTPOINT", "unmount a regfs mount"},
};

const CommandHelp* FindCommand(std::string_view name) {
  for (const auto& c : kCommands) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

void PrintHelp(FILE* out) {
  std::string text =
      "usage: regfs [-C ROOT] COMMAND [ARGS...]\n"
      "\n"
      "Mounts a LaminDB artifact registry as a filesystem, and manages it from the shell.\n"
      "\n"
      "commands:\n";
  for (const auto& c : kCommands) {
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

// A usage error: the message, then the command's usage line, exit status 2.
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

// ------------------------------------------------------------------------- error output

// Messages must stay on one line whatever a file name or database text holds.
std::string OneLine(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    if (ch == '\n' || ch == '\r') {
      out += ' ';
    } else {
      out += ch;
    }
  }
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

// ------------------------------------------------------------------------- argument parsing

struct FlagSpec {
  std::string_view name;  // "--key", "-o"
  bool takes_value;
};

struct Args {
  std::vector<std::string> positional;
  std::map<std::string, std::vector<std::string>, std::less<>> flags;

  bool Has(std::string_view name) const { return flags.find(name) != flags.end(); }
  std::optional<std::string> Last(std::string_view name) const {
    auto it = flags.find(name);
    if (it == flags.end() || it->second.empty()) return std::nullopt;
    return it->second.back();
  }
  std::vector<std::string> All(std::string_view name) const {
    auto it = flags.find(name);
    return it == flags.end() ? std::vector<std::string>{} : it->second;
  }
};

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

// Parses `args` against `spec` (plus the global flags). Accepted forms: "--name VALUE",
// "--name=VALUE", "-x VALUE", "-xVALUE"; "--" ends the flags; a lone "-" is positional.
// Returns an error message, or nullopt on success.
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

// ------------------------------------------------------------------------- instance access

struct Context {
  std::optional<std::string> root_flag;  // -C ROOT
};

struct Opened {
  std::string root;
  std::shared_ptr<const InstanceInfo> info;
  std::unique_ptr<Registry> reg;
};

Result<Opened> OpenRegistry(const Context& ctx, bool read_only) {
  Opened o;
  REGFS_ASSIGN_OR_RETURN(o.root, FindInstanceRoot(ctx.root_flag));
  REGFS_ASSIGN_OR_RETURN(o.info, OpenInstance(o.root, read_only));
  REGFS_ASSIGN_OR_RETURN(o.reg, Registry::Open(o.info, read_only));
  return o;
}

// What "moved to trash (visibility = -1)" calls the state column in this database.
std::string StateColumn(const Registry& reg) {
  const std::string& col = reg.schema().state_col;
  return col.empty() ? std::string("visibility") : col;
}

// ------------------------------------------------------------------------- record lookup

using Record = std::variant<Artifact, Collection>;

enum class Prefer { kVisibleFirst, kTrashFirst };

// Among trashed artifacts sharing a key, the one trashed most recently (the one the mount
// shows under the plain name in .trash/).
std::optional<Artifact> MostRecentlyTrashed(const std::vector<Artifact>& list) {
  // Timestamps are compared as times (LaminDB 2.x writes milliseconds, 0.7x microseconds);
  // an unreadable one counts as oldest. On a tie the registry's order (latest first) wins.
  auto when = [](const Artifact& a) {
    timespec ts{};
    if (!ParseTimestamp(a.updated_at, &ts)) return std::pair<int64_t, long>(INT64_MIN, 0);
    return std::pair<int64_t, long>(static_cast<int64_t>(ts.tv_sec), ts.tv_nsec);
  };
  std::optional<Artifact> best;
  for (const auto& a : list) {
    if (!best || when(a) > when(*best)) best = a;
  }
  return best;
}

// Resolves a command-line operand: an artifact uid (20 chars), a uid stem (16 chars, the
// latest of that family), a collection uid, or an artifact key. A key names the latest
// visible artifact with that key, else the most recently trashed one (`restore` asks for
// the trashed one first).
Result<std::optional<Record>> Resolve(Registry& reg, const std::string& operand, Prefer prefer) {
  if (LooksLikeUid(operand, /*allow_stem=*/true)) {
    REGFS_ASSIGN_OR_RETURN(auto art, reg.ArtifactByUid(operand));
    if (art) return std::optional<Record>(std::move(*art));
    REGFS_ASSIGN_OR_RETURN(auto col, reg.CollectionByUid(operand));
    if (col) return std::optional<Record>(std::move(*col));
    // Not a uid after all: it may still be a key that happens to look like one.
  }
  REGFS_ASSIGN_OR_RETURN(auto visible, reg.ArtifactsByKey(operand, kStateVisible));
  REGFS_ASSIGN_OR_RETURN(auto trashed, reg.ArtifactsByKey(operand, kStateTrash));
  std::optional<Artifact> first_visible;
  if (!visible.empty()) first_visible = visible.front();
  std::optional<Artifact> recent_trash = MostRecentlyTrashed(trashed);
  std::optional<Artifact> pick;
  if (prefer == Prefer::kVisibleFirst) {
    pick = first_visible ? first_visible : recent_trash;
  } else {
    pick = recent_trash ? recent_trash : first_visible;
  }
  if (pick) return std::optional<Record>(std::move(*pick));
  return std::optional<Record>();
}

std::string Describe(const Artifact& a) {
  std::string s = "artifact " + a.uid;
  if (a.key) s += " (" + *a.key + ")";
  return s;
}

std::string Describe(const Collection& c) {
  return "collection " + c.uid + " (" + c.name + ")";
}

// ------------------------------------------------------------------------- confirmation

// Asks on the terminal; true only for the answer "y".
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

// ------------------------------------------------------------------------- init

int CmdInit(const Context& ctx, const Args& args) {
  if (args.positional.size() > 1) return UsageError("init", "too many arguments");
  InitOptions options;
  if (auto layout = args.Last("--layout")) {
    auto release = ParseLaminDbRelease(*layout);
    if (!release.ok()) return UsageError("init", "--layout: " + release.status().message());
    options.layout = *release;
  }
  if (auto name = args.Last("--name")) {
    Status valid = ValidateInstanceName(*name);
    if (!valid.ok()) return UsageError("init", "--name: " + OneLine(valid.message()));
    options.name = *name;
  }
  options.write_lamin_settings = args.Has("--lamin-settings");
  std::string root;
  if (!args.positional.empty()) {
    root = args.positional[0];
  } else if (ctx.root_flag) {
    root = *ctx.root_flag;
  } else if (const char* env = std::getenv("REGFS_INSTANCE"); env != nullptr && *env != '\0') {
    root = env;
  } else {
    root = ".";
  }
  std::error_code ec;
  std::filesystem::path abs = std::filesystem::absolute(root, ec);
  if (ec) return Fail("init " + root, ec.message());
  abs = abs.lexically_normal();
  std::string abs_text = abs.string();
  if (abs_text.size() > 1 && abs_text.back() == '/') abs_text.pop_back();
  InitReport report;
  Status st = InitInstance(abs_text, options, &report);
  // The status names the root already ("init ROOT: ...").
  if (!st.ok()) return Fail("", st);
  std::string text = "initialized LaminDB " + std::string(LaminDbReleaseName(options.layout)) +
                     " instance " + report.slug + " at " + report.root + "\n";
  if (!report.settings_path.empty()) {
    text +=
        "wrote LaminDB settings " + report.settings_path + " (lamin connect " + report.slug + ")\n";
  }
  Out(text);
  return kExitOk;
}

// ------------------------------------------------------------------------- add

std::string BaseName(const std::string& path) {
  std::string p = path;
  while (p.size() > 1 && p.back() == '/') p.pop_back();
  size_t slash = p.rfind('/');
  return slash == std::string::npos ? p : p.substr(slash + 1);
}

// Copies `src` into a new staging file while hashing it.
Result<StagedContent> StageFile(const Storage& storage, const std::string& src) {
  int in = ::open(src.c_str(), O_RDONLY | O_CLOEXEC);
  if (in < 0) return Status::FromErrno(errno, "open " + src);
  int out = -1;
  auto staged = storage.CreateStaging(&out);
  if (!staged.ok()) {
    ::close(in);
    return staged.status();
  }
  const std::string staged_path = *staged;
  auto abandon = [&](Status st) -> Status {
    ::close(in);
    if (out >= 0) ::close(out);
    ::unlink(staged_path.c_str());
    return st;
  };

  StreamHasher hasher;
  constexpr size_t kBuf = 1 << 20;
  char* buf = Scratch(kBuf);
  uint64_t offset = 0;
  for (;;) {
    ssize_t n = ::read(in, buf, kBuf);
    if (n < 0) {
      if (errno == EINTR) continue;
      return abandon(Status::FromErrno(errno, "read " + src));
    }
    if (n == 0) break;
    hasher.Update(offset, buf, static_cast<size_t>(n));
    size_t done = 0;
    while (done < static_cast<size_t>(n)) {
      ssize_t w = ::write(out, buf + done, static_cast<size_t>(n) - done);
      if (w < 0) {
        if (errno == EINTR) continue;
        return abandon(Status::FromErrno(errno, "write " + staged_path));
      }
      done += static_cast<size_t>(w);
    }
    offset += static_cast<uint64_t>(n);
  }
  ::close(in);
  in = -1;
  if (::close(out) != 0) {
    int err = errno;
    out = -1;
    ::unlink(staged_path.c_str());
    return Status::FromErrno(err, "close " + staged_path);
  }
  out = -1;
  auto hash = hasher.Finish(staged_path, offset);
  if (!hash.ok()) {
    ::unlink(staged_path.c_str());
    return hash.status();
  }
  return StagedContent{staged_path, *hash};
}

int CmdAdd(const Context& ctx, const Args& args) {
  if (args.positional.empty()) return UsageError("add", "missing FILE");
  std::optional<std::string> key = args.Last("--key");
  std::optional<std::string> description = args.Last("--description");
  const bool key_from_path = args.Has("--key-from-path");
  if (key && args.positional.size() != 1) {
    return UsageError("add", "--key needs exactly one FILE");
  }
  if (key && key_from_path) {
    return UsageError("add", "--key and --key-from-path exclude each other");
  }
  if (key_from_path) {
    // Bulk import of a tree: `cd src && regfs add --key-from-path d1/a.csv d2/b.csv`.
    for (const auto& file : args.positional) {
      Status st = ValidateKey(file);
      if (!st.ok())
        return Fail("add " + file, st.Annotate("--key-from-path needs a relative path"));
    }
  }
  if (key) {
    Status st = ValidateKey(*key);
    if (!st.ok()) return Fail("add: key " + *key, st);
  }

  // Check every file before anything is staged, so a typo costs nothing.
  for (const auto& file : args.positional) {
    struct stat sb;
    if (::stat(file.c_str(), &sb) != 0) {
      return Fail("add " + file, Status::FromErrno(errno, "stat"));
    }
    if (S_ISDIR(sb.st_mode)) return Fail("add " + file, "folders are not supported by add yet");
    if (!S_ISREG(sb.st_mode)) return Fail("add " + file, "not a regular file");
  }
  std::string file_suffix_for_key;
  if (key) {
    // LaminDB requires a key to end with the suffix of the file it names.
    std::string file_suffix = SuffixOf(BaseName(args.positional[0]));
    std::string key_suffix = SuffixOf(*key);
    if (file_suffix != key_suffix) {
      return Fail(
          "add " + args.positional[0],
          "key suffix '" + key_suffix + "' does not match the file's suffix '" + file_suffix + "'");
    }
  }

  auto opened = OpenRegistry(ctx, /*read_only=*/false);
  if (!opened.ok()) return Fail("add", opened.status());
  Registry& reg = *opened->reg;

  // Copying and hashing the files (into the staging directory) is independent per file:
  // done by one thread per core, while the registry's transaction below takes them in order.
  const size_t n_files = args.positional.size();
  std::vector<std::optional<Result<StagedContent>>> staged_all(n_files);
  {
    std::atomic<size_t> next{0};
    std::atomic<bool> failed{false};
    auto stage = [&] {
      for (size_t i = next++; i < n_files && !failed; i = next++) {
        staged_all[i] = StageFile(reg.storage(), args.positional[i]);
        if (!staged_all[i]->ok()) failed = true;
      }
    };
    unsigned n_threads =
        std::min<size_t>(std::max(1u, std::thread::hardware_concurrency()), n_files);
    std::vector<std::thread> workers;
    for (unsigned t = 1; t < n_threads; ++t) workers.emplace_back(stage);
    stage();
    for (auto& w : workers) w.join();
  }
  std::vector<std::pair<StagedContent, SaveRequest>> items;
  std::vector<std::string> staged_paths;
  for (const auto& st : staged_all)
    if (st && st->ok()) staged_paths.push_back((*st)->path);
  auto drop_staged = [&]() {
    for (const auto& p : staged_paths) ::unlink(p.c_str());
  };
  // The first failure in argument order (files after a failure may not have been staged).
  for (size_t i = 0; i < n_files; ++i) {
    if (staged_all[i] && !staged_all[i]->ok()) {
      drop_staged();
      return Fail("add " + args.positional[i], staged_all[i]->status());
    }
  }
  // None failed, so every file was staged.
  for (size_t i = 0; i < n_files; ++i) {
    const std::string& file = args.positional[i];
    auto& staged = *staged_all[i];
    SaveRequest req;
    req.key = key_from_path ? std::optional<std::string>(file) : key;
    req.description = description;
    req.suffix = SuffixOf(req.key ? *req.key : BaseName(file));
    items.emplace_back(std::move(*staged), std::move(req));
  }
  // One transaction for every file: SQLite's default 2 MiB page cache would spill it and
  // read the indexes back again and again (measured on 100k artifacts, 10k files added:
  // 26,100 pwrite and 25,700 pread calls; with 64 MiB, 3,000 and 4,600).
  Status cache = reg.Tune(Registry::Role::kBulk);
  if (!cache.ok()) return Fail("add", cache);
  auto saved = reg.SaveMany(std::move(items));
  if (!saved.ok()) {
    drop_staged();  // Save moves or removes what it took; leftovers are ours.
    return Fail("add", saved.status());
  }
  std::string text;
  for (size_t i = 0; i < saved->size(); ++i) {
    const SaveOutcome& o = (*saved)[i];
    const Artifact& a = o.artifact;
    const std::string& file = args.positional[i];
    switch (o.kind) {
      case SaveOutcome::kCreated:
        text += "added " + file + " as artifact " + a.uid;
        if (a.key) text += " (key " + *a.key + ")";
        text += "\n";
        break;
      case SaveOutcome::kNewVersion:
        text += "added " + file + " as artifact " + a.uid + ", version " + a.version.value_or("?") +
                " of key " + a.key.value_or("") + "\n";
        break;
      case SaveOutcome::kUnchanged:
        text += "unchanged: artifact " + a.uid + " already holds the content of " + file + "\n";
        break;
    }
  }
  Out(text);
  return kExitOk;
}

// ------------------------------------------------------------------------- ls

enum class Format { kTable, kCsv, kJson };

struct Cell {
  std::optional<std::string> text;  // nullopt: NULL
  bool numeric = false;
};

constexpr std::string_view kLsColumns[] = {"uid",
                                           "version",
                                           "description",
                                           "key",
                                           "suffix",
                                           "accessor",
                                           "size",
                                           "hash",
                                           "hash_type",
                                           "n_objects",
                                           "n_observations",
                                           "visibility",
                                           "key_is_virtual",
                                           "storage_id",
                                           "transform_id",
                                           "run_id",
                                           "created_by_id",
                                           "updated_at"};
constexpr size_t kLsColumnCount = sizeof(kLsColumns) / sizeof(kLsColumns[0]);

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

std::vector<Cell> LsRow(const Artifact& a) {
  return {Str(a.uid),
          Str(a.version),
          Str(a.description),
          Str(a.key),
          Str(a.suffix),
          Str(a.accessor),
          Num(a.size),
          Str(a.hash),
          Str(a.hash_type),
          Num(a.n_objects),
          Num(a.n_observations),
          Num(static_cast<int64_t>(a.state)),
          Num(static_cast<int64_t>(a.key_is_virtual ? 1 : 0)),
          Num(a.storage_id),
          Num(a.transform_id),
          Num(a.run_id),
          Num(a.created_by_id),
          Str(a.updated_at)};
}

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

std::string CsvField(const Cell& c) {
  if (!c.text) return "";
  const std::string& s = *c.text;
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
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

// A JSON string literal; bytes that are not UTF-8 become U+FFFD so the output stays valid.
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

std::string RenderTable(const std::vector<std::vector<Cell>>& rows) {
  std::vector<std::vector<std::string>> text;
  text.reserve(rows.size());
  std::vector<size_t> width(kLsColumnCount);
  for (size_t c = 0; c < kLsColumnCount; ++c) width[c] = kLsColumns[c].size();
  for (const auto& row : rows) {
    std::vector<std::string> line;
    for (size_t c = 0; c < kLsColumnCount; ++c) {
      line.push_back(TableText(row[c]));
      width[c] = std::max(width[c], DisplayWidth(line.back()));
    }
    text.push_back(std::move(line));
  }
  auto emit = [&](std::string& out, auto cell_at, auto numeric_at) {
    std::string line;
    for (size_t c = 0; c < kLsColumnCount; ++c) {
      std::string_view cell = cell_at(c);
      size_t pad = width[c] - DisplayWidth(cell);
      if (c > 0) line += "  ";
      if (numeric_at(c)) {
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
  std::string out;
  std::vector<bool> numeric(kLsColumnCount, false);
  if (!rows.empty()) {
    for (size_t c = 0; c < kLsColumnCount; ++c) numeric[c] = rows[0][c].numeric;
  }
  emit(
      out, [&](size_t c) { return kLsColumns[c]; }, [&](size_t c) { return bool(numeric[c]); });
  for (const auto& line : text) {
    emit(
        out, [&](size_t c) { return std::string_view(line[c]); },
        [&](size_t c) { return bool(numeric[c]); });
  }
  return out;
}

std::string RenderCsv(const std::vector<std::vector<Cell>>& rows) {
  std::string out;
  for (size_t c = 0; c < kLsColumnCount; ++c) {
    if (c > 0) out += ',';
    out += kLsColumns[c];
  }
  out += '\n';
  for (const auto& row : rows) {
    for (size_t c = 0; c < kLsColumnCount; ++c) {
      if (c > 0) out += ',';
      out += CsvField(row[c]);
    }
    out += '\n';
  }
  return out;
}

std::string RenderJson(const std::vector<std::vector<Cell>>& rows) {
  if (rows.empty()) return "[]\n";
  std::string out = "[\n";
  for (size_t r = 0; r < rows.size(); ++r) {
    out += "  {";
    for (size_t c = 0; c < kLsColumnCount; ++c) {
      if (c > 0) out += ", ";
      out += JsonString(kLsColumns[c]);
      out += ": ";
      const Cell& cell = rows[r][c];
      if (!cell.text) {
        out += "null";
      } else if (cell.numeric) {
        out += *cell.text;
      } else {
        out += JsonString(*cell.text);
      }
    }
    out += r + 1 < rows.size() ? "},\n" : "}\n";
  }
  out += "]\n";
  return out;
}

int CmdLs(const Context& ctx, const Args& args) {
  if (!args.positional.empty())
    return UsageError("ls", "unexpected argument " + args.positional[0]);
  if (args.Has("--trash") && args.Has("--all")) {
    return UsageError("ls", "--trash and --all exclude each other");
  }
  StateFilter filter = StateFilter::kVisible;
  if (args.Has("--trash")) filter = StateFilter::kTrash;
  if (args.Has("--all")) filter = StateFilter::kAll;
  Format format = Format::kTable;
  if (auto f = args.Last("--format")) {
    if (*f == "table") {
      format = Format::kTable;
    } else if (*f == "csv") {
      format = Format::kCsv;
    } else if (*f == "json") {
      format = Format::kJson;
    } else {
      return UsageError("ls", "unknown format " + *f + " (table, csv or json)");
    }
  }

  auto opened = OpenRegistry(ctx, /*read_only=*/true);
  if (!opened.ok()) return Fail("ls", opened.status());
  std::vector<std::vector<Cell>> rows;
  Status st =
      opened->reg->ForEachArtifact(filter, [&](const Artifact& a) { rows.push_back(LsRow(a)); });
  if (!st.ok()) return Fail("ls", st);
  switch (format) {
    case Format::kTable: Out(RenderTable(rows)); break;
    case Format::kCsv: Out(RenderCsv(rows)); break;
    case Format::kJson: Out(RenderJson(rows)); break;
  }
  return kExitOk;
}

// ------------------------------------------------------------------------- rm

std::string PurgeReport(const Artifact& a, const PurgeOutcome& o, bool purge_real_keys) {
  std::string s = "permanently deleted " + Describe(a);
  if (o.deleted_path) s += "; deleted " + *o.deleted_path;
  if (o.kept_path) {
    s += "; kept file " + *o.kept_path;
    if (!purge_real_keys && !a.key_is_virtual) s += " (real key; --purge-real-keys deletes it)";
  }
  return s + "\n";
}

// What `rm` does to one record.
enum class RmAction { kTrash, kPurge, kKeep, kRefused };

// A visible (or hidden) record goes to the trash; a trashed one, or any with --permanent,
// is purged. Purging a trashed record without --permanent needs a "y" on a terminal, and is
// refused (with an error line) when there is no terminal.
RmAction DecideRm(int state, const std::string& what, const std::string& ctx, bool permanent,
                  bool interactive) {
  if (permanent) return RmAction::kPurge;
  if (state != kStateTrash) return RmAction::kTrash;
  if (!interactive) {
    PrintError(ctx, what + " is already in the trash; use --permanent to delete it permanently");
    return RmAction::kRefused;
  }
  if (Confirm(what + " is already in the trash. Are you sure you want to permanently delete it?")) {
    return RmAction::kPurge;
  }
  Out("kept " + what + "\n");
  return RmAction::kKeep;
}

// Removes one artifact. Returns false after printing an error line.
bool RmArtifact(Registry& reg, const std::string& operand, const Artifact& a, bool permanent,
                const PurgeOptions& popts, bool interactive) {
  const std::string ctx = "rm " + operand;
  switch (DecideRm(a.state, Describe(a), ctx, permanent, interactive)) {
    case RmAction::kRefused: return false;
    case RmAction::kKeep: return true;
    case RmAction::kTrash: {
      Status st = reg.Trash(a.id);
      if (!st.ok()) {
        PrintError(ctx, st);
        return false;
      }
      Out("moved artifact to trash (" + StateColumn(reg) + " = -1)\n");
      return true;
    }
    case RmAction::kPurge: break;
  }
  auto res = reg.Purge(a.id, popts);
  if (!res.ok()) {
    PrintError(ctx, res.status());
    return false;
  }
  Out(PurgeReport(a, *res, popts.purge_real_keys));
  return true;
}

// Removes one collection (never its members). Returns false after printing an error line.
bool RmCollection(Registry& reg, const std::string& operand, const Collection& c, bool permanent,
                  bool interactive) {
  const std::string ctx = "rm " + operand;
  switch (DecideRm(c.state, Describe(c), ctx, permanent, interactive)) {
    case RmAction::kRefused: return false;
    case RmAction::kKeep: return true;
    case RmAction::kTrash: {
      Status st = reg.TrashCollection(c.id);
      if (!st.ok()) {
        PrintError(ctx, st);
        return false;
      }
      Out("moved collection to trash (" + StateColumn(reg) + " = -1)\n");
      return true;
    }
    case RmAction::kPurge: break;
  }
  Status st = reg.PurgeCollection(c.id);
  if (!st.ok()) {
    PrintError(ctx, st);
    return false;
  }
  Out("permanently deleted " + Describe(c) + " (member artifacts kept)\n");
  return true;
}

// Resolves every operand before changing anything: a typo in the third operand must not
// leave the first two half-done.
Result<std::vector<Record>> ResolveAll(Registry& reg, const std::string& cmd,
                                       const std::vector<std::string>& operands, Prefer prefer) {
  std::vector<Record> records;
  for (const auto& op : operands) {
    auto r = Resolve(reg, op, prefer);
    if (!r.ok()) return r.status().Annotate(cmd + " " + op);
    if (!*r) {
      return Status::NotFound(cmd + " " + op + ": no artifact or collection with uid or key " + op);
    }
    records.push_back(std::move(**r));
  }
  return records;
}

int CmdRm(const Context& ctx, const Args& args) {
  if (args.positional.empty()) return UsageError("rm", "missing UID or KEY");
  const bool permanent = args.Has("--permanent");
  PurgeOptions popts;
  popts.purge_real_keys = args.Has("--purge-real-keys");
  const bool interactive = ::isatty(STDIN_FILENO) == 1;

  auto opened = OpenRegistry(ctx, /*read_only=*/false);
  if (!opened.ok()) return Fail("rm", opened.status());
  Registry& reg = *opened->reg;
  auto records = ResolveAll(reg, "rm", args.positional, Prefer::kVisibleFirst);
  if (!records.ok()) return Fail("", records.status());

  bool all_ok = true;
  for (size_t i = 0; i < records->size(); ++i) {
    const std::string& op = args.positional[i];
    const Record& rec = (*records)[i];
    bool ok;
    if (const auto* a = std::get_if<Artifact>(&rec)) {
      ok = RmArtifact(reg, op, *a, permanent, popts, interactive);
    } else {
      ok = RmCollection(reg, op, std::get<Collection>(rec), permanent, interactive);
    }
    all_ok = all_ok && ok;
  }
  return all_ok ? kExitOk : kExitFailure;
}

// ------------------------------------------------------------------------- restore

int CmdRestore(const Context& ctx, const Args& args) {
  if (args.positional.empty()) return UsageError("restore", "missing UID or KEY");
  auto opened = OpenRegistry(ctx, /*read_only=*/false);
  if (!opened.ok()) return Fail("restore", opened.status());
  Registry& reg = *opened->reg;
  auto records = ResolveAll(reg, "restore", args.positional, Prefer::kTrashFirst);
  if (!records.ok()) return Fail("", records.status());

  bool all_ok = true;
  for (size_t i = 0; i < records->size(); ++i) {
    const std::string ctx_text = "restore " + args.positional[i];
    const Record& rec = (*records)[i];
    Status st;
    std::string what;
    int state;
    if (const auto* a = std::get_if<Artifact>(&rec)) {
      what = Describe(*a);
      state = a->state;
      if (state == kStateTrash) st = reg.Restore(a->id);
    } else {
      const auto& c = std::get<Collection>(rec);
      what = Describe(c);
      state = c.state;
      if (state == kStateTrash) st = reg.RestoreCollection(c.id);
    }
    if (state != kStateTrash) {
      // Nothing to do is not a failure: the record is already where restore would put it.
      Out(what + " is not in the trash; nothing to restore\n");
      continue;
    }
    if (!st.ok()) {
      PrintError(ctx_text, st);
      all_ok = false;
      continue;
    }
    Out("restored " + what + " (" + StateColumn(reg) + " = 1)\n");
  }
  return all_ok ? kExitOk : kExitFailure;
}

// ------------------------------------------------------------------------- trash empty

// Parses a non-negative number of days ("30", "0.5").
std::optional<double> ParseDays(const std::string& text) {
  if (text.empty()) return std::nullopt;
  char* end = nullptr;
  errno = 0;
  double v = std::strtod(text.c_str(), &end);
  if (errno != 0 || end == text.c_str() || *end != '\0' || !std::isfinite(v) || v < 0) {
    return std::nullopt;
  }
  return v;
}

// True when `updated_at` lies before `cutoff`. Unreadable timestamps are never old enough.
bool OlderThan(const std::string& updated_at, const timespec& cutoff, bool* readable) {
  timespec ts{};
  *readable = ParseTimestamp(updated_at, &ts);
  if (!*readable) return false;
  if (ts.tv_sec != cutoff.tv_sec) return ts.tv_sec < cutoff.tv_sec;
  return ts.tv_nsec < cutoff.tv_nsec;
}

int CmdTrash(const Context& ctx, const Args& args) {
  if (args.positional.empty()) return UsageError("trash", "missing subcommand (empty)");
  if (args.positional[0] != "empty") {
    return UsageError("trash", "unknown subcommand " + args.positional[0]);
  }
  if (args.positional.size() > 1) {
    return UsageError("trash", "unexpected argument " + args.positional[1]);
  }
  std::optional<timespec> cutoff;
  if (auto days_text = args.Last("--older-than")) {
    auto days = ParseDays(*days_text);
    if (!days) return UsageError("trash", "--older-than needs a number of days, got " + *days_text);
    timespec now{};
    ::clock_gettime(CLOCK_REALTIME, &now);
    double back = *days * 86400.0;
    double whole = std::floor(back);
    timespec c{};
    c.tv_sec = now.tv_sec - static_cast<time_t>(whole);
    long nsec = now.tv_nsec - static_cast<long>((back - whole) * 1e9);
    if (nsec < 0) {
      nsec += 1000000000L;
      c.tv_sec -= 1;
    }
    c.tv_nsec = nsec;
    cutoff = c;
  }

  auto opened = OpenRegistry(ctx, /*read_only=*/false);
  if (!opened.ok()) return Fail("trash empty", opened.status());
  Registry& reg = *opened->reg;

  int purged_artifacts = 0, purged_collections = 0, skipped = 0, failed = 0;
  std::string text;
  auto old_enough = [&](const std::string& updated_at, const std::string& what) {
    if (!cutoff) return true;
    bool readable = true;
    bool old = OlderThan(updated_at, *cutoff, &readable);
    if (!readable) {
      text += "skipped " + what + ": unreadable updated_at '" + updated_at + "'\n";
      ++skipped;
    }
    return old;
  };

  // Collections first: purging a trashed collection drops its link rows, which may be all
  // that protects its trashed members.
  auto collections = reg.Collections(StateFilter::kTrash);
  if (!collections.ok()) return Fail("trash empty", collections.status());
  for (const auto& c : *collections) {
    if (!old_enough(c.updated_at, Describe(c))) continue;
    Status st = reg.PurgeCollection(c.id);
    if (st.ok()) {
      ++purged_collections;
      text += "permanently deleted " + Describe(c) + "\n";
    } else if (st.code() == Status::Code::kPermission) {
      ++skipped;
      text += "skipped " + Describe(c) + ": " + OneLine(st.message()) + "\n";
    } else {
      ++failed;
      Out(text);
      text.clear();
      PrintError("trash empty: " + Describe(c), st);
    }
  }

  auto artifacts = reg.Artifacts(StateFilter::kTrash);
  if (!artifacts.ok()) return Fail("trash empty", artifacts.status());
  // Many purges: their pending rows are cleared in batches (and at the end, below).
  reg.set_batch_pending(true);
  for (const auto& a : *artifacts) {
    if (!old_enough(a.updated_at, Describe(a))) continue;
    auto reason = reg.ProtectionReason(a);
    if (reason.ok() && *reason) {
      ++skipped;
      text += "skipped " + Describe(a) + ": " + OneLine(**reason) + "\n";
      continue;
    }
    auto res = reg.Purge(a.id, PurgeOptions{});
    if (res.ok()) {
      ++purged_artifacts;
      text += PurgeReport(a, *res, false);
    } else if (res.status().code() == Status::Code::kPermission) {
      ++skipped;
      text += "skipped " + Describe(a) + ": " + OneLine(res.status().message()) + "\n";
    } else {
      ++failed;
      Out(text);
      text.clear();
      PrintError("trash empty: " + Describe(a), res.status());
    }
  }
  if (Status flushed = reg.FlushPending(); !flushed.ok()) {
    ++failed;
    PrintError("trash empty: finishing the deletions", flushed);
  }
  text += "purged " + std::to_string(purged_artifacts) + " artifact(s) and " +
          std::to_string(purged_collections) + " collection(s)";
  if (skipped > 0) text += "; skipped " + std::to_string(skipped);
  if (failed > 0) text += "; " + std::to_string(failed) + " failed";
  text += "\n";
  Out(text);
  // Protected records are expected in a trash (members of live collections): skipping them
  // is not a failure. Any other error is.
  return failed == 0 ? kExitOk : kExitFailure;
}

// ------------------------------------------------------------------------- fsck

int CmdFsck(const Context& ctx, const Args& args) {
  if (!args.positional.empty()) {
    return UsageError("fsck", "unexpected argument " + args.positional[0]);
  }
  const bool repair = args.Has("--repair");
  auto opened = OpenRegistry(ctx, /*read_only=*/false);
  if (!opened.ok()) return Fail("fsck", opened.status());
  Registry& reg = *opened->reg;

  std::string text;
  // Finishing a pending delete is always safe (its row is gone and committed), and SPEC.md
  // asks `regfs fsck` to do it, so plain fsck does it too.
  auto finished = reg.FinishPending();
  if (!finished.ok()) return Fail("fsck: finish pending operations", finished.status());
  if (*finished > 0) {
    text += "finished " + std::to_string(*finished) +
            " pending file operation(s) left by an interrupted run\n";
  }
  auto report = reg.Fsck(repair);
  if (!report.ok()) return Fail("fsck", report.status());
  const FsckReport& r = *report;
  for (const auto& m : r.missing_files) text += "missing file: " + OneLine(m) + "\n";
  for (const auto& o : r.orphan_files) text += "orphan file: " + OneLine(o) + "\n";
  for (const auto& p : r.pending) text += "pending: " + OneLine(p) + "\n";
  if (repair) text += "repaired " + std::to_string(r.repaired) + " pending operation(s)\n";
  const bool pending_left =
      !r.pending.empty() && !(repair && r.repaired >= static_cast<int>(r.pending.size()));
  const bool problems = !r.missing_files.empty() || !r.orphan_files.empty() || pending_left;
  if (!problems) {
    text += "clean\n";
  } else {
    text += std::to_string(r.missing_files.size()) + " missing file(s), " +
            std::to_string(r.orphan_files.size()) + " orphan file(s), " +
            std::to_string(pending_left ? r.pending.size() : 0) + " pending operation(s)\n";
  }
  Out(text);
  return problems ? kExitFailure : kExitOk;
}

// ------------------------------------------------------------------------- mount, umount

std::string AbsolutePath(const std::string& path) {
  char* real = ::realpath(path.c_str(), nullptr);
  if (real != nullptr) {
    std::string out(real);
    std::free(real);
    return out;
  }
  std::error_code ec;
  auto abs = std::filesystem::absolute(path, ec);
  return ec ? path : abs.lexically_normal().string();
}

int CmdMount(const Context& ctx, const Args& args) {
  if (args.positional.empty()) return UsageError("mount", "missing MOUNTPOINT");
  if (args.positional.size() > 1) {
    return UsageError("mount", "unexpected argument " + args.positional[1]);
  }
  MountConfig cfg;
  auto root = FindInstanceRoot(ctx.root_flag);
  if (!root.ok()) return Fail("mount", root.status());
  cfg.instance_root = AbsolutePath(*root);
  cfg.mountpoint = AbsolutePath(args.positional[0]);
  cfg.foreground = args.Has("-f") || args.Has("--foreground");
  for (const auto& opt : args.All("-o")) {
    Status st = ParseMountOptions(opt, &cfg);
    if (!st.ok()) return UsageError("mount", "-o " + opt + ": " + OneLine(st.message()));
  }
  std::fflush(stdout);
  return RunMount(cfg);
}

int CmdUmount(const Context&, const Args& args) {
  if (args.positional.empty()) return UsageError("umount", "missing MOUNTPOINT");
  if (args.positional.size() > 1) {
    return UsageError("umount", "unexpected argument " + args.positional[1]);
  }
  std::fflush(stdout);
  return RunUmount(AbsolutePath(args.positional[0]));
}

// ------------------------------------------------------------------------- dispatch

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
      {"ls", CmdLs, {{"--trash", false}, {"--all", false}, {"--format", true}}},
      {"rm", CmdRm, {{"--permanent", false}, {"--purge-real-keys", false}}},
      {"restore", CmdRestore, {}},
      {"trash", CmdTrash, {{"--older-than", true}}},
      {"fsck", CmdFsck, {{"--repair", false}}},
      {"mount", CmdMount, {{"-f", false}, {"--foreground", false}, {"-o", true}}},
      {"umount", CmdUmount, {}},
  };
  return table;
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
