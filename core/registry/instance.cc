#include "core/registry/instance.h"

#include <dirent.h>
#include <fcntl.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <vector>

#include "core/path.h"
#include "core/registry/lamindb_instance.h"
#include "core/sql/open.h"
#include "core/storage/layout.h"

namespace regfs {

namespace {

bool IsDir(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

bool IsRegular(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

Result<std::string> Cwd() {
  std::vector<char> buf(PATH_MAX);
  if (!getcwd(buf.data(), buf.size())) return Status::FromErrno(errno, "getcwd");
  return std::string(buf.data());
}

// `path` made absolute against the working directory (lexically; it need not exist yet).
Result<std::string> Absolute(const std::string& path) {
  if (path.empty()) return Status::Invalid("empty instance path");
  if (path.front() == '/') return path::StripTrailingSlashes(path);
  REGFS_ASSIGN_OR_RETURN(std::string cwd, Cwd());
  return path::StripTrailingSlashes(cwd + "/" + path);
}

Result<std::string> RealPath(const std::string& path) {
  char* p = realpath(path.c_str(), nullptr);
  if (!p) return Status::FromErrno(errno, "resolve instance path " + path);
  std::string out(p);
  free(p);
  return out;
}

// mkdir -p.
Status MakeDirs(const std::string& path) {
  if (path.empty() || IsDir(path)) return Status();
  REGFS_RETURN_IF_ERROR(MakeDirs(path::DirName(path)));
  if (mkdir(path.c_str(), 0777) != 0 && errno != EEXIST) {
    return Status::FromErrno(errno, "mkdir " + path);
  }
  return Status();
}

// The name LaminDB records as the user's handle: the login name of the effective user.
std::string LoginName() {
  if (struct passwd* pw = getpwuid(geteuid()); pw && pw->pw_name && *pw->pw_name) {
    return pw->pw_name;
  }
  if (const char* u = std::getenv("USER"); u && *u) return u;
  return "uid" + std::to_string(geteuid());
}

// Creates `path` holding `content`, flushed to disk. Never replaces a file: kExists when
// `path` exists (as anything, a symlink included).
Status CreateFileDurably(const std::string& path, const std::string& content) {
  int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0666);
  if (fd < 0) return Status::FromErrno(errno, "create " + path);
  size_t done = 0;
  int err = 0;
  while (done < content.size()) {
    ssize_t n = write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      err = n < 0 ? errno : EIO;
      break;
    }
    done += static_cast<size_t>(n);
  }
  if (err == 0 && fsync(fd) != 0) err = errno;
  close(fd);
  if (err != 0) {
    unlink(path.c_str());
    return Status::FromErrno(err, "write " + path);
  }
  return Status();
}

// fsync of a file or directory that exists: makes its content, or a directory's entries,
// durable.
Status SyncPath(const std::string& path) {
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) return Status::FromErrno(errno, "open " + path);
  int err = fsync(fd) == 0 ? 0 : errno;
  close(fd);
  if (err != 0) return Status::FromErrno(err, "fsync " + path);
  return Status();
}

bool Exists(const std::string& path) {
  struct stat st;
  return lstat(path.c_str(), &st) == 0;
}

// Instance creation runs its scripts on the new database's one connection.
class DbExecutor final : public SqlScriptExecutor {
 public:
  explicit DbExecutor(SqlDb& db) : db_(db) {}
  Status Exec(std::string_view script) override { return db_.Exec(script); }

 private:
  SqlDb& db_;
};

// The storage uid of a marker file (layout::StorageUidOfMarker); "" when it is absent.
std::string ReadMarker(const std::string& path) {
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) return "";
  char buf[512];
  ssize_t n = read(fd, buf, sizeof(buf));
  close(fd);
  if (n <= 0) return "";
  return layout::StorageUidOfMarker(std::string_view(buf, static_cast<size_t>(n)));
}

void RemoveDbFiles(const std::string& db) {
  for (const char* tail : {"", "-wal", "-shm", "-journal"}) unlink((db + tail).c_str());
}

// Fills the storage and user fields of `info` from the open database.
Status FindRows(SqlDb& db, InstanceInfo& info) {
  const Schema& s = info.schema;
  REGFS_ASSIGN_OR_RETURN(
      auto st, db.Prepare("SELECT id, uid, root FROM " + QuoteId(s.storage) + " ORDER BY id"));
  struct Row {
    int64_t id;
    std::string uid, root;
  };
  std::vector<Row> rows;
  for (;;) {
    REGFS_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    rows.push_back({st->Int(0), st->Text(1), st->Text(2)});
  }
  const Row* found = nullptr;
  // The row whose root is this directory, written with or without a trailing '/' or through
  // a symlink; failing that, the row named by _is_initialized (an instance directory that
  // was moved or copied keeps its storage uid).
  for (const Row& r : rows) {
    if (path::StripTrailingSlashes(r.root) == info.root) {
      found = &r;
      break;
    }
  }
  if (!found) {
    for (const Row& r : rows) {
      if (r.root.empty() || r.root.front() != '/') continue;  // s3://, gs:// ...
      auto real = RealPath(r.root);
      if (real.ok() && *real == info.root) {
        found = &r;
        break;
      }
    }
  }
  if (!found) {
    // The markers LaminDB writes: storage_uid.txt (>= 1.x), _is_initialized (0.7x).
    for (const std::string& marker : {ReadMarker(layout::StorageMarkerPath(info.root)),
                                      ReadMarker(layout::LegacyMarkerPath(info.root))}) {
      for (const Row& r : rows) {
        if (!found && !marker.empty() && r.uid == marker) found = &r;
      }
    }
  }
  if (!found) {
    std::string roots;
    for (const Row& r : rows) roots += (roots.empty() ? "" : ", ") + r.root;
    return Status::NotFound("no storage row in " + info.db_path + " has root " + info.root +
                            " or the uid in a storage marker of .lamindb/ (roots: " +
                            (roots.empty() ? "none" : roots) + ")");
  }
  info.storage_id = found->id;
  info.storage_uid = found->uid;

  REGFS_ASSIGN_OR_RETURN(auto us, db.Prepare("SELECT id FROM " + QuoteId(s.user) +
                                             " ORDER BY (handle = ?1) DESC, id LIMIT 1"));
  us->Bind(1, LoginName());
  REGFS_ASSIGN_OR_RETURN(bool has_user, us->Step());
  // No user row at all still allows reading; a write then fails on the foreign key.
  info.user_id = has_user ? us->Int(0) : 0;
  // The row denotes this directory (exactly, through a symlink, or by uid after a move), so
  // every stored path is built from the canonical ROOT: one spelling for all path checks.
  auto local = std::make_unique<LocalStore>(info.root, info.storage_id);
  info.storage = local.get();
  info.store = std::move(local);
  return Status();
}

}  // namespace

Result<std::string> FindInstanceRoot(const std::optional<std::string>& flag_root) {
  if (flag_root) return Absolute(*flag_root);
  if (const char* env = std::getenv("REGFS_INSTANCE"); env && *env) return Absolute(env);
  REGFS_ASSIGN_OR_RETURN(std::string dir, Cwd());
  for (;;) {
    if (IsDir(layout::ManagedDirPath(dir))) return dir;
    if (dir == "/") break;
    dir = path::DirName(dir);
  }
  return Status::NotFound(
      "no LaminDB instance here: no directory above the working directory holds .lamindb/; "
      "use -C ROOT or set REGFS_INSTANCE");
}

Result<std::string> FindDatabase(const std::string& root) {
  std::string db = layout::DbPath(root);
  if (IsRegular(db)) return db;
  DIR* d = opendir(root.c_str());
  if (!d) return Status::FromErrno(errno, "look for a database in " + root);
  std::vector<std::string> found;
  while (struct dirent* e = readdir(d)) {
    std::string name = e->d_name;
    if (layout::IsLegacyDbName(name) && IsRegular(root + "/" + name)) {
      found.push_back(root + "/" + name);
    }
  }
  closedir(d);
  if (found.empty()) {
    return Status::NotFound("no LaminDB database in " + root +
                            " (looked for .lamindb/lamin.db and *.lndb)");
  }
  if (found.size() > 1) {
    std::string list;
    for (const auto& f : found) list += (list.empty() ? "" : ", ") + f;
    return Status::Invalid("several LaminDB databases in " + root + ": " + list);
  }
  return found.front();
}

namespace {

// InitInstance without its context: `abs` is the absolute root.
Status Init(const std::string& abs, const InitOptions& options, InitReport* report) {
  REGFS_RETURN_IF_ERROR(MakeDirs(abs));
  REGFS_ASSIGN_OR_RETURN(std::string root, RealPath(abs));
  if (auto existing = FindDatabase(root);
      existing.ok() || existing.status().code() == Status::Code::kInvalid) {
    return Status::Exists("already holds a LaminDB instance" +
                          (existing.ok() ? " (" + *existing + ")" : ""));
  }
  // Either release's marker means LaminDB already manages this directory as storage (LaminDB
  // itself refuses to init there: "already marked with uid ...").
  for (LaminDbRelease r : {LaminDbRelease::k0_73, LaminDbRelease::k2_9}) {
    std::string marker = root + "/" + LaminDbMarkerFile(r);
    if (Exists(marker)) return Status::Exists("already LaminDB storage (" + marker + " exists)");
  }

  std::string name = options.name.empty() ? DefaultInstanceName(root) : options.name;
  if (name.empty()) return Status::Invalid("no instance name to derive from " + root);
  REGFS_RETURN_IF_ERROR(ValidateInstanceName(name));
  LaminDbInstanceIds ids = NewLaminDbInstanceIds("anonymous", name, root);
  const LaminDbRelease layout = options.layout;

  // Everything that can refuse is checked before anything is made.
  std::string settings_dir, settings_path, settings_text;
  if (options.write_lamin_settings) {
    REGFS_ASSIGN_OR_RETURN(settings_dir, LaminDbSettingsDir());
    REGFS_ASSIGN_OR_RETURN(settings_text, LaminDbSettingsText(layout, ids));
    settings_path = settings_dir + "/" + LaminDbSettingsFileName(ids);
    if (Exists(settings_path)) {
      return Status::Exists("LaminDB already knows an instance " + ids.slug() + " (" +
                            settings_path + " exists); choose another --name");
    }
  }
  std::string managed = layout::ManagedDirPath(root);
  std::string db = root + "/" + LaminDbSqliteFile(layout, ids);
  std::string marker = root + "/" + LaminDbMarkerFile(layout);
  if (Exists(db)) return Status::Exists(db + " exists");

  bool made_managed = !IsDir(managed);
  bool made_db = false, made_marker = false, made_settings = false;
  Status st = [&]() -> Status {
    REGFS_RETURN_IF_ERROR(MakeDirs(managed));
    {
      // Claimed with O_EXCL first (SQLite takes an empty file as an empty database), so that
      // a concurrent init of the same root fails here instead of sharing, and then removing,
      // this one's file.
      REGFS_RETURN_IF_ERROR(CreateFileDurably(db, ""));
      made_db = true;
      // In the rollback-journal mode LaminDB leaves its file in, from the first write: the new
      // database (5 MiB for 2.9) is written once, not into the log and then again into the
      // file, so init needs no more free space than the database takes; and nothing of
      // regfs's own is added to what LaminDB's init makes.
      REGFS_ASSIGN_OR_RETURN(
          auto conn,
          OpenSqlDb(db, {.read_only = false, .create = true, .keep_journal_mode = true}));
      DbExecutor exec(*conn);
      REGFS_RETURN_IF_ERROR(CreateLaminDbDatabase(exec, layout, SqlBackend::kSqlite, ids));
    }
    REGFS_RETURN_IF_ERROR(SyncPath(db));
    REGFS_RETURN_IF_ERROR(CreateFileDurably(marker, LaminDbMarkerText(layout, ids)));
    made_marker = true;
    if (options.write_lamin_settings) {
      REGFS_RETURN_IF_ERROR(MakeDirs(settings_dir));
      REGFS_RETURN_IF_ERROR(CreateFileDurably(settings_path, settings_text));
      made_settings = true;
      REGFS_RETURN_IF_ERROR(SyncPath(settings_dir));
    }
    REGFS_RETURN_IF_ERROR(SyncPath(managed));
    return SyncPath(root);
  }();
  if (!st.ok()) {
    // Only what this call made goes; CreateFileDurably never replaced anything.
    if (made_settings) unlink(settings_path.c_str());
    if (made_marker) unlink(marker.c_str());
    if (made_db) RemoveDbFiles(db);
    if (made_managed) rmdir(managed.c_str());
    return st;
  }
  if (report != nullptr) {
    *report = InitReport{root, ids.slug(), db, marker, settings_path};
  }
  return Status();
}

}  // namespace

Status InitInstance(const std::string& root, const InitOptions& options, InitReport* report) {
  REGFS_ASSIGN_OR_RETURN(std::string abs, Absolute(root));
  return Init(abs, options, report).Annotate("init " + abs);
}

Result<std::shared_ptr<const InstanceInfo>> OpenInstance(const std::string& root_arg,
                                                         bool read_only) {
  auto info = std::make_shared<InstanceInfo>();
  REGFS_ASSIGN_OR_RETURN(info->root, RealPath(root_arg));
  REGFS_ASSIGN_OR_RETURN(info->db_path, FindDatabase(info->root));
  // SQLite needs to write the database and, for its journal/WAL, the directory holding it;
  // an instance we may only read is opened read-only rather than refused.
  if (!read_only && (access(info->db_path.c_str(), W_OK) != 0 ||
                     access(path::DirName(info->db_path).c_str(), W_OK) != 0)) {
    read_only = true;
  }
  std::string ctx = "open instance " + info->root;
  {
    // Detection reads only: a database regfs does not understand is never touched, not
    // even by the switch to WAL mode that a writable connection makes.
    auto conn = OpenSqlDb(info->db_path, {.read_only = true});
    if (!conn.ok()) return conn.status().Annotate(ctx);
    auto schema = DetectSchema(**conn);
    if (!schema.ok()) return schema.status().Annotate(ctx);
    info->schema = std::move(*schema);
    REGFS_RETURN_IF_ERROR(FindRows(**conn, *info).Annotate(ctx));
  }
  if (!read_only) {
    auto conn = OpenSqlDb(info->db_path, {.read_only = false});
    Status st = conn.ok() ? EnsureRegfsObjects(**conn, info->schema) : conn.status();
    // Writable by mode bits but refused by the filesystem (a read-only mount): read instead.
    if (st.code() == Status::Code::kReadOnly) {
      read_only = true;
    } else if (!st.ok()) {
      return st.Annotate(ctx);
    } else {
      // Kept open for the instance's life: the database's journal mode goes back to the one
      // it was found in when the last connection of this process closes (core/sql/sqlite_db.h),
      // so one switch to WAL and back serves every registry of the instance.
      info->anchor = std::move(*conn);
    }
  }
  info->read_only = read_only;
  return std::shared_ptr<const InstanceInfo>(std::move(info));
}

}  // namespace regfs
