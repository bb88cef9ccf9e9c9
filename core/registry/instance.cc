#include "core/registry/instance.h"

#include <dirent.h>
#include <fcntl.h>
#include <openssl/rand.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <vector>

#include "core/clock.h"
#include "core/path.h"
#include "core/sql/open.h"
#include "core/storage/layout.h"
#include "core/uid.h"

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

// 32 lowercase hex digits of a random (version 4) UUID, as Python's uuid4().hex.
Result<std::string> Uuid4Hex() {
  unsigned char b[16];
  if (RAND_bytes(b, sizeof(b)) != 1) return Status::IO("RAND_bytes failed for a database name");
  b[6] = static_cast<unsigned char>((b[6] & 0x0f) | 0x40);
  b[8] = static_cast<unsigned char>((b[8] & 0x3f) | 0x80);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : b) {
    out += kHex[c >> 4];
    out += kHex[c & 0x0f];
  }
  return out;
}

Status WriteFileDurably(const std::string& path, const std::string& content) {
  int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0666);
  if (fd < 0) return Status::FromErrno(errno, "create " + path);
  ssize_t n = write(fd, content.data(), content.size());
  int err = n < 0 ? errno : 0;
  if (n >= 0 && static_cast<size_t>(n) != content.size()) err = EIO;
  if (err == 0 && fsync(fd) != 0) err = errno;
  close(fd);
  if (err != 0) return Status::FromErrno(err, "write " + path);
  return Status();
}

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

Status InitInstance(const std::string& root_arg) {
  REGFS_ASSIGN_OR_RETURN(std::string abs, Absolute(root_arg));
  REGFS_RETURN_IF_ERROR(MakeDirs(abs).Annotate("init " + abs));
  REGFS_ASSIGN_OR_RETURN(std::string root, RealPath(abs));
  if (auto existing = FindDatabase(root);
      existing.ok() || existing.status().code() == Status::Code::kInvalid) {
    return Status::Exists("init " + root + ": already holds a LaminDB instance" +
                          (existing.ok() ? " (" + *existing + ")" : ""));
  }
  std::string managed = layout::ManagedDirPath(root);
  const std::string marker = layout::LegacyMarkerPath(root);
  if (IsRegular(marker)) {
    return Status::Exists("init " + root + ": already initialized (" + marker + " exists)");
  }
  REGFS_RETURN_IF_ERROR(MakeDirs(managed).Annotate("init " + root));

  REGFS_ASSIGN_OR_RETURN(std::string hex, Uuid4Hex());
  std::string db = root + "/" + hex + std::string(layout::kLegacyDbExtension);
  std::string storage_uid = NewStorageUid();
  Status st = [&]() -> Status {
    REGFS_ASSIGN_OR_RETURN(auto conn, OpenSqlDb(db, {.read_only = false, .create = true}));
    REGFS_ASSIGN_OR_RETURN(auto txn, Transaction::Begin(*conn));
    REGFS_RETURN_IF_ERROR(CreateV07Tables(*conn));
    REGFS_ASSIGN_OR_RETURN(Schema schema, DetectSchema(*conn));
    std::string now = NowTimestamp();
    REGFS_ASSIGN_OR_RETURN(auto user, conn->Prepare("INSERT INTO " + QuoteId(schema.user) +
                                                    " (uid, handle, name, created_at, updated_at) "
                                                    "VALUES (?1, ?2, NULL, ?3, ?3) RETURNING id"));
    user->Bind(1, NewUserUid()).Bind(2, LoginName()).Bind(3, now);
    REGFS_ASSIGN_OR_RETURN(int64_t user_id, user->RunReturningId());
    REGFS_ASSIGN_OR_RETURN(
        auto storage,
        conn->Prepare("INSERT INTO " + QuoteId(schema.storage) +
                      " (created_at, updated_at, uid, root, description, type, region, "
                      "instance_uid, run_id, created_by_id) "
                      "VALUES (?1, ?1, ?2, ?3, NULL, 'local', NULL, NULL, NULL, ?4)"));
    storage->Bind(1, now).Bind(2, storage_uid).Bind(3, root).Bind(4, user_id);
    REGFS_RETURN_IF_ERROR(storage->Run());
    REGFS_RETURN_IF_ERROR(EnsureRegfsObjects(*conn, schema));
    return txn->Commit();
  }();
  // The marker is written last: its presence means "a complete instance lives here".
  if (st.ok()) st = WriteFileDurably(marker, storage_uid);
  if (!st.ok()) {
    RemoveDbFiles(db);
    unlink(marker.c_str());
    return st.Annotate("init " + root);
  }
  return Status();
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
