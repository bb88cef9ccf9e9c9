#include "fs/cli/commands.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <thread>
#include <vector>

#include "core/clock.h"
#include "core/keys.h"
#include "core/path.h"
#include "core/storage/staging.h"
#include "fs/cli/operands.h"
#include "fs/cli/render.h"
#include "fs/mount.h"

namespace regfs::cli {

Result<Opened> OpenRegistry(const Context& ctx, bool read_only) {
  Opened o;
  REGFS_ASSIGN_OR_RETURN(o.root, FindInstanceRoot(ctx.root_flag));
  REGFS_ASSIGN_OR_RETURN(o.info, OpenInstance(o.root, read_only));
  REGFS_ASSIGN_OR_RETURN(o.reg, Registry::Open(o.info, read_only));
  return o;
}

namespace {

// --format, or `fallback`; false after a usage error was printed.
bool FormatOf(const std::string& command, const Args& args, Format* out) {
  *out = Format::kTable;
  auto text = args.Last("--format");
  if (!text) return true;
  auto f = ParseFormat(*text);
  if (!f) {
    UsageError(command, "unknown format " + *text + " (table, csv or json)");
    return false;
  }
  *out = *f;
  return true;
}

// ------------------------------------------------------------------------- rows

// The columns of LaminDB's `ln.Artifact.df()`, in its order (SPEC.md section 5).
const std::vector<std::string_view> kLsColumns = {"uid",
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

const std::vector<std::string_view> kCollectionColumns = {
    "uid", "name", "description", "version", "hash", "visibility", "created_at", "updated_at"};

std::vector<Cell> CollectionRow(const Collection& c) {
  return {Str(c.uid),        Str(c.name),      Str(c.description),
          Str(c.version),    Str(c.hash),      Num(static_cast<int64_t>(c.state)),
          Str(c.created_at), Str(c.updated_at)};
}

// Where an artifact's content is, for `describe` and `path`.
Result<std::string> StoredAddress(const Registry& reg, const Artifact& a) {
  REGFS_ASSIGN_OR_RETURN(Locator loc, LocateArtifact(a, reg.store().storage_id()));
  return reg.store().Address(loc);
}

// The one operand of a read-only command (`describe`, `versions`, `path`), resolved in a
// registry opened for it. nullopt after the error was printed; *rc is then the exit status.
struct OneRecord {
  Opened opened;
  Record record;
};
std::optional<OneRecord> OpenAndResolve(const Context& ctx, const Args& args,
                                        const std::string& command, int* rc) {
  if (args.positional.size() != 1) {
    *rc = UsageError(command, "needs exactly one UID|KEY");
    return std::nullopt;
  }
  const std::string& op = args.positional[0];
  auto opened = OpenRegistry(ctx, /*read_only=*/true);
  if (!opened.ok()) {
    *rc = Fail(command, opened.status());
    return std::nullopt;
  }
  auto rec = Resolve(*opened->reg, op, Prefer::kVisibleFirst);
  if (!rec.ok() || !*rec) {
    *rc = rec.ok()
              ? Fail(command + " " + op, "no artifact or collection with uid, key or name " + op)
              : Fail(command + " " + op, rec.status());
    return std::nullopt;
  }
  return OneRecord{std::move(*opened), std::move(**rec)};
}

std::string PurgeReport(const std::string& what, bool real_key, const PurgeOutcome& o,
                        bool purge_real_keys) {
  std::string s = "permanently deleted " + what;
  if (o.deleted_path) s += "; deleted " + *o.deleted_path;
  if (o.kept_path) {
    s += "; kept file " + *o.kept_path;
    if (!purge_real_keys && real_key) s += " (real key; --purge-real-keys deletes it)";
  }
  return s + "\n";
}

}  // namespace

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
  if (key) {
    // LaminDB requires a key to end with the suffix of the file it names.
    std::string file_suffix = SuffixOf(path::BaseName(args.positional[0]));
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
        staged_all[i] = StageFile(reg.store(), args.positional[i]);
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
  std::vector<std::pair<StagedContent, SaveRequest>> items;
  for (size_t i = 0; i < n_files; ++i) {
    const std::string& file = args.positional[i];
    SaveRequest req;
    req.key = key_from_path ? std::optional<std::string>(file) : key;
    req.description = description;
    req.suffix = SuffixOf(req.key ? *req.key : path::BaseName(file));
    req.source_name = path::BaseName(file);
    items.emplace_back(std::move(**staged_all[i]), std::move(req));
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
        text += "added " + file + " as artifact " + a.uid + ", a new version of key " +
                a.key.value_or("") + (a.version ? " (version " + *a.version + ")" : "") + "\n";
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

int CmdLs(const Context& ctx, const Args& args) {
  if (!args.positional.empty())
    return UsageError("ls", "unexpected argument " + args.positional[0]);
  if (args.Has("--trash") && args.Has("--all")) {
    return UsageError("ls", "--trash and --all exclude each other");
  }
  StateFilter filter = StateFilter::kVisible;
  if (args.Has("--trash")) filter = StateFilter::kTrash;
  if (args.Has("--all")) filter = StateFilter::kAll;
  Format format;
  if (!FormatOf("ls", args, &format)) return kExitUsage;

  auto opened = OpenRegistry(ctx, /*read_only=*/true);
  if (!opened.ok()) return Fail("ls", opened.status());
  Table t;
  if (args.Has("--collections")) {
    t.columns = kCollectionColumns;
    auto cols = opened->reg->Collections(filter);
    if (!cols.ok()) return Fail("ls", cols.status());
    for (const Collection& c : *cols) t.rows.push_back(CollectionRow(c));
  } else {
    t.columns = kLsColumns;
    Status st = opened->reg->ForEachArtifact(
        filter, [&](const Artifact& a) { t.rows.push_back(LsRow(a)); });
    if (!st.ok()) return Fail("ls", st);
  }
  Out(Render(t, format));
  return kExitOk;
}

// ------------------------------------------------------------------------- describe, versions,
// path

int CmdDescribe(const Context& ctx, const Args& args) {
  Format format;
  if (!FormatOf("describe", args, &format)) return kExitUsage;
  int rc = kExitOk;
  auto one = OpenAndResolve(ctx, args, "describe", &rc);
  if (!one) return rc;
  Registry& reg = *one->opened.reg;
  Table t;
  if (const auto* a = std::get_if<Artifact>(&one->record)) {
    t.columns = kLsColumns;
    std::vector<Cell> row = LsRow(*a);
    for (std::string_view c : {"is_latest", "created_at", "path"}) t.columns.push_back(c);
    row.push_back(Num(static_cast<int64_t>(a->is_latest ? 1 : 0)));
    row.push_back(Str(a->created_at));
    auto where = StoredAddress(reg, *a);
    row.push_back(where.ok() ? Str(*where) : Str(std::nullopt));
    t.rows.push_back(std::move(row));
    Out(RenderRecord(t, format));
    return kExitOk;
  }
  const Collection& c = std::get<Collection>(one->record);
  auto members = reg.Members(c.id);
  if (!members.ok()) return Fail("describe " + args.positional[0], members.status());
  t.columns = kCollectionColumns;
  t.rows.push_back(CollectionRow(c));
  if (format == Format::kJson) {
    // The collection's object, with its members' uids in link order.
    std::string obj = RenderRecord(t, format);
    obj.resize(obj.size() - 2);  // "}\n"
    obj += ", \"members\": [";
    for (size_t i = 0; i < members->size(); ++i) {
      obj += (i ? ", " : "") + JsonString((*members)[i].uid);
    }
    Out(obj + "]}\n");
    return kExitOk;
  }
  Table m;
  m.columns = {"member", "uid", "key"};
  for (size_t i = 0; i < members->size(); ++i) {
    const Artifact& a = (*members)[i];
    m.rows.push_back({Num(static_cast<int64_t>(i + 1)), Str(a.uid), Str(a.key)});
  }
  Out(RenderRecord(t, format) + (format == Format::kTable ? "\n" : "") + Render(m, format));
  return kExitOk;
}

int CmdVersions(const Context& ctx, const Args& args) {
  Format format;
  if (!FormatOf("versions", args, &format)) return kExitUsage;
  int rc = kExitOk;
  auto one = OpenAndResolve(ctx, args, "versions", &rc);
  if (!one) return rc;
  const Artifact* a = std::get_if<Artifact>(&one->record);
  if (!a) return Fail("versions " + args.positional[0], "a collection has no versions here");
  auto family = one->opened.reg->Family(a->stem());
  if (!family.ok()) return Fail("versions " + args.positional[0], family.status());
  Table t;
  t.columns = {"uid",        "version", "key",  "is_latest",  "visibility",
               "created_at", "size",    "hash", "description"};
  for (const Artifact& v : *family) {
    t.rows.push_back({Str(v.uid), Str(v.version), Str(v.key),
                      Num(static_cast<int64_t>(v.is_latest ? 1 : 0)),
                      Num(static_cast<int64_t>(v.state)), Str(v.created_at), Num(v.size),
                      Str(v.hash), Str(v.description)});
  }
  Out(Render(t, format));
  return kExitOk;
}

int CmdPath(const Context& ctx, const Args& args) {
  int rc = kExitOk;
  auto one = OpenAndResolve(ctx, args, "path", &rc);
  if (!one) return rc;
  const Artifact* a = std::get_if<Artifact>(&one->record);
  if (!a) return Fail("path " + args.positional[0], "a collection has no stored content");
  auto where = StoredAddress(*one->opened.reg, *a);
  if (!where.ok()) return Fail("path " + args.positional[0], where.status());
  Out(*where + "\n");
  return kExitOk;
}

// ------------------------------------------------------------------------- rm

namespace {

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
  Out(PurgeReport(Describe(a), !a.key_is_virtual, *res, popts.purge_real_keys));
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

}  // namespace

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

namespace {

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

// Now minus `days`.
timespec DaysAgo(double days) {
  timespec now{};
  ::clock_gettime(CLOCK_REALTIME, &now);
  double back = days * 86400.0;
  double whole = std::floor(back);
  timespec c{};
  c.tv_sec = now.tv_sec - static_cast<time_t>(whole);
  long nsec = now.tv_nsec - static_cast<long>((back - whole) * 1e9);
  if (nsec < 0) {
    nsec += 1000000000L;
    c.tv_sec -= 1;
  }
  c.tv_nsec = nsec;
  return c;
}

}  // namespace

int CmdTrash(const Context& ctx, const Args& args) {
  if (args.positional.empty()) return UsageError("trash", "missing subcommand (empty)");
  if (args.positional[0] != "empty") {
    return UsageError("trash", "unknown subcommand " + args.positional[0]);
  }
  if (args.positional.size() > 1) {
    return UsageError("trash", "unexpected argument " + args.positional[1]);
  }
  EmptyTrashOptions opts;
  opts.dry_run = args.Has("--dry-run");
  if (auto days_text = args.Last("--older-than")) {
    auto days = ParseDays(*days_text);
    if (!days) return UsageError("trash", "--older-than needs a number of days, got " + *days_text);
    opts.trashed_before = DaysAgo(*days);
  }

  auto opened = OpenRegistry(ctx, /*read_only=*/false);
  if (!opened.ok()) return Fail("trash empty", opened.status());
  Registry& reg = *opened->reg;
  auto rep = reg.EmptyTrash(opts);
  if (!rep.ok()) return Fail("trash empty", rep.status());

  const std::string verb = opts.dry_run ? "would permanently delete " : "permanently deleted ";
  std::string text;
  for (const auto& item : rep->items) {
    std::string what = item.collection ? "collection " + item.uid + " (" + item.name + ")"
                                       : "artifact " + item.uid +
                                             (item.name.empty() ? "" : " (" + item.name + ")");
    switch (item.kind) {
      case EmptyTrashReport::Item::kPurged:
        if (item.collection || opts.dry_run) {
          text += verb + what + "\n";
        } else {
          text += PurgeReport(what, item.real_key, item.outcome, false);
        }
        break;
      case EmptyTrashReport::Item::kSkipped:
        text += "skipped " + what + ": " + OneLine(item.reason) + "\n";
        break;
      case EmptyTrashReport::Item::kFailed:
        Out(text);
        text.clear();
        PrintError("trash empty: " + what, item.reason);
        break;
    }
  }
  for (const auto& f : rep->failed_deletes) {
    Out(text);
    text.clear();
    PrintError("trash empty: finishing the deletions", f);
  }
  text += std::string(opts.dry_run ? "would purge " : "purged ") +
          std::to_string(rep->purged_artifacts) + " artifact(s) and " +
          std::to_string(rep->purged_collections) + " collection(s)";
  if (rep->skipped > 0) text += "; skipped " + std::to_string(rep->skipped);
  const size_t failed = static_cast<size_t>(rep->failed) + rep->failed_deletes.size();
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

namespace {

std::string AbsolutePath(const std::string& p) {
  char* real = ::realpath(p.c_str(), nullptr);
  if (real != nullptr) {
    std::string out(real);
    std::free(real);
    return out;
  }
  std::error_code ec;
  auto abs = std::filesystem::absolute(p, ec);
  return ec ? p : abs.lexically_normal().string();
}

}  // namespace

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

}  // namespace regfs::cli
