#include "core/sql/sqlite_db.h"

#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <climits>
#include <cstdio>
#include <cstdlib>
#include <map>

#include "core/sql/wal_vfs.h"
#include "core/sync.h"

namespace regfs {

namespace {

// ---------------------------------------------------------------- dialect

class SqliteDialect final : public Dialect {
 public:
  SqlFamily family() const override { return SqlFamily::kSqlite; }
  std::string Unindexed(std::string_view col) const override { return "+" + std::string(col); }
  // BINARY, SQLite's default collation, compares bytes.
  std::string Bytewise(std::string_view col) const override { return std::string(col); }
  std::string TextOrNull(std::string_view col) const override {
    std::string c(col);
    return "CASE WHEN typeof(" + c + ") = 'text' THEN " + c + " END";
  }
  // Numbers sort before every text and blobs after it: written as comparisons, the key's
  // index serves the condition.
  std::string NotText(std::string_view col) const override {
    std::string c(col);
    return "(" + c + " IS NULL OR " + c + " < '' OR " + c + " >= X'')";
  }
  std::string TextUpperBound(std::string_view col) const override {
    return std::string(col) + " < X''";
  }
  // LaminDB's SQLite datetimes are text already.
  std::string TimeText(std::string_view col) const override { return std::string(col); }
  std::string PrefixEnd(std::string_view expr) const override {
    return std::string(expr) + " || char(127)";
  }
  std::string AutoIdColumn() const override { return "INTEGER PRIMARY KEY"; }
};

const SqliteDialect kDialect;

// ---------------------------------------------------------------- statements

// The statements the registry writes as `INSERT ... RETURNING id` (one row each). SQLite
// runs RETURNING as a trigger, and a statement with a trigger keeps a statement journal of
// every page it changes: for a row of LaminDB's artifact table, whose 19 indexes make an
// insert change some 20 pages, that copied 80 KiB per insert (`regfs add` of 20,000 files:
// 40% more CPU). Such a statement is prepared without the clause and answers the rowid of
// its one row, as RETURNING would.
constexpr std::string_view kReturningId = " RETURNING id";

bool ReturnsRowid(std::string_view sql) {
  return sql.size() > kReturningId.size() && sql.substr(0, 7) == "INSERT " &&
         sql.substr(sql.size() - kReturningId.size()) == kReturningId;
}

class SqliteStatement final : public Statement {
 public:
  SqliteStatement(sqlite3_stmt* stmt, std::string sql, bool returns_rowid)
      : stmt_(stmt), sql_(std::move(sql)), returns_rowid_(returns_rowid) {}
  ~SqliteStatement() override { sqlite3_finalize(stmt_); }

  void BindInt64(int i, int64_t v) override { Check(sqlite3_bind_int64(stmt_, i, v)); }
  void BindText(int i, std::string_view v) override {
    Check(sqlite3_bind_text64(stmt_, i, v.data(), v.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
  }
  // SQLite's booleans are the integers 0 and 1 (LaminDB's `bool` columns hold them).
  void BindBool(int i, bool v) override { Check(sqlite3_bind_int(stmt_, i, v ? 1 : 0)); }
  void BindNull(int i) override { Check(sqlite3_bind_null(stmt_, i)); }

  Result<bool> Step() override {
    if (!bind_error_.ok()) return bind_error_;
    if (returns_rowid_) return StepReturningRowid();
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    return Status::FromSqlite(rc, sql_, sqlite3_errmsg(sqlite3_db_handle(stmt_)));
  }
  void Reset() override {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    bind_error_ = Status();
    rowid_state_ = RowidState::kNotRun;
  }

  bool IsNull(int col) const override {
    if (returns_rowid_) return false;
    return sqlite3_column_type(stmt_, col) == SQLITE_NULL;
  }
  int64_t Int(int col) const override {
    if (returns_rowid_) return rowid_;
    return sqlite3_column_int64(stmt_, col);
  }
  bool Bool(int col) const override { return Int(col) != 0; }
  std::string_view TextView(int col) const override {
    if (returns_rowid_) return {};
    const unsigned char* p = sqlite3_column_text(stmt_, col);
    if (!p) return {};
    return std::string_view(reinterpret_cast<const char*>(p),
                            static_cast<size_t>(sqlite3_column_bytes(stmt_, col)));
  }
  int ColumnCount() const override { return returns_rowid_ ? 1 : sqlite3_column_count(stmt_); }
  std::string ColumnName(int col) const override {
    if (returns_rowid_) return "id";
    const char* n = sqlite3_column_name(stmt_, col);
    return n ? n : "";
  }
  const std::string& sql() const override { return sql_; }

 private:
  enum class RowidState { kNotRun, kRow, kDone };

  // The one row RETURNING id would give: the rowid of the row the insert made.
  Result<bool> StepReturningRowid() {
    if (rowid_state_ == RowidState::kRow) {
      rowid_state_ = RowidState::kDone;
      return false;
    }
    if (rowid_state_ == RowidState::kDone) return false;
    sqlite3* db = sqlite3_db_handle(stmt_);
    int rc = sqlite3_step(stmt_);
    if (rc != SQLITE_DONE) {
      if (rc == SQLITE_ROW) return Status::IO(sql_ + ": an insert returned rows");
      return Status::FromSqlite(rc, sql_, sqlite3_errmsg(db));
    }
    if (sqlite3_changes(db) != 1) {
      return Status::IO(sql_ + ": RETURNING id needs an insert of one row");
    }
    rowid_ = sqlite3_last_insert_rowid(db);
    rowid_state_ = RowidState::kRow;
    return true;
  }

  void Check(int rc) {
    if (rc != SQLITE_OK && bind_error_.ok()) bind_error_ = Status::FromSqlite(rc, "bind " + sql_);
  }
  sqlite3_stmt* stmt_;
  std::string sql_;
  Status bind_error_;
  const bool returns_rowid_;
  RowidState rowid_state_ = RowidState::kNotRun;
  int64_t rowid_ = 0;
};

// ---------------------------------------------------------------- open files of this process

// Every file this process has open, with the journal mode to put back when its last
// connection closes (empty: nothing to put back). Opening and closing are rare; the lock is
// held across the switch back, so that no connection of this process opens the file while
// its mode changes.
struct OpenFile {
  int connections = 0;
  std::string restore_mode;
};
Mutex g_files_mu;
std::map<std::string, OpenFile>& Files() REQUIRES(g_files_mu) {
  static std::map<std::string, OpenFile> files;
  return files;
}

// One spelling per file: the canonical path when it exists.
std::string FileKey(const std::string& path) {
  char* real = realpath(path.c_str(), nullptr);
  if (!real) return path;
  std::string out(real);
  free(real);
  return out;
}

// "file:" URI for `path`, with the characters URIs give a meaning percent-encoded.
std::string FileUri(const std::string& path, const char* query) {
  std::string uri = "file:";
  for (char c : path) {
    if (c == '%' || c == '?' || c == '#') {
      char buf[4];
      snprintf(buf, sizeof buf, "%%%02X", static_cast<unsigned char>(c));
      uri += buf;
    } else {
      uri += c;
    }
  }
  return uri + "?" + query;
}

Status ExecOn(sqlite3* db, const std::string& sql) {
  char* err = nullptr;
  int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    std::string detail = err ? err : sqlite3_errstr(rc);
    sqlite3_free(err);
    return Status::FromSqlite(rc, sql, detail);
  }
  return Status();
}

// The first column of the first row of `sql` as text ("" when there is none).
Result<std::string> QueryText(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* st = nullptr;
  int rc = sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr);
  if (rc != SQLITE_OK) return Status::FromSqlite(rc, sql, sqlite3_errmsg(db));
  rc = sqlite3_step(st);
  std::string out;
  if (rc == SQLITE_ROW) {
    const unsigned char* p = sqlite3_column_text(st, 0);
    if (p) out = reinterpret_cast<const char*>(p);
  }
  sqlite3_finalize(st);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) return Status::FromSqlite(rc, sql, sqlite3_errmsg(db));
  return out;
}

bool IsRollbackMode(const std::string& mode) {
  return mode == "delete" || mode == "truncate" || mode == "persist";
}

// Puts the file `db` has open back into `mode`. Fails at once (busy timeout 0) while any
// other connection, of any process, has the file open: the last of them does it instead.
void SwitchBack(sqlite3* db, const std::string& mode) {
  sqlite3_busy_timeout(db, 0);
  (void)ExecOn(db, "PRAGMA journal_mode = " + mode);
}

constexpr const char* kMetaTable = "regfs_meta";

}  // namespace

// ---------------------------------------------------------------- SqliteDb

SqliteDb::SqliteDb(sqlite3* db, std::string path, bool read_only)
    : db_(db), path_(std::move(path)), read_only_(read_only) {}

Result<std::unique_ptr<SqliteDb>> SqliteDb::Open(const std::string& path, const Options& opts) {
  auto db = OpenOnce(path, path, opts, 0);
  if (!db.ok() && opts.read_only) {
    // A WAL database in a directory this process cannot write: SQLite cannot create the
    // shared-memory file a reader needs. Nobody can be writing it through this directory
    // either, so read it as immutable.
    auto code = db.status().code();
    if ((code == Status::Code::kNotFound || code == Status::Code::kIO ||
         code == Status::Code::kReadOnly || code == Status::Code::kAccess) &&
        access(path.c_str(), R_OK) == 0) {
      db = OpenOnce(FileUri(path, "immutable=1"), path, opts, SQLITE_OPEN_URI);
    }
  }
  if (!db.ok()) return db.status();
  std::unique_ptr<SqliteDb> conn = std::move(*db);
  std::string restore;
  if (!conn->read_only_) {
    // Statement journals (an UPDATE of several rows inside a transaction keeps one) stay in
    // memory: on disk, past 64 KiB, each is two writes per page it saves.
    REGFS_RETURN_IF_ERROR(conn->Exec("PRAGMA temp_store = MEMORY"));
    if (!opts.keep_journal_mode) {
      auto mode = conn->UseWal();
      if (!mode.ok()) return mode.status().Annotate("open " + path);
      restore = std::move(*mode);
    }
  }
  MutexLock lk(&g_files_mu);
  OpenFile& f = Files()[FileKey(path)];
  ++f.connections;
  if (!restore.empty()) f.restore_mode = restore;
  conn->counted_ = true;
  return conn;
}

Result<std::unique_ptr<SqliteDb>> SqliteDb::OpenOnce(const std::string& name,
                                                     const std::string& path, const Options& opts,
                                                     int extra_flags) {
  sqlite3* db = nullptr;
  int flags = SQLITE_OPEN_NOMUTEX | extra_flags;  // one thread per connection
  flags |= opts.read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
  if (opts.create && !opts.read_only) flags |= SQLITE_OPEN_CREATE;
  // Every connection goes through the WAL write-coalescing VFS, or SQLite's default where it
  // could not be registered.
  int rc = sqlite3_open_v2(name.c_str(), &db, flags, WalCoalescingVfs());
  if (rc != SQLITE_OK) {
    std::string detail = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close_v2(db);
    return Status::FromSqlite(rc, "open database " + path, detail);
  }
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, opts.busy_timeout_ms);
  std::unique_ptr<SqliteDb> conn(new SqliteDb(db, path, opts.read_only));
  // Reading the schema proves that this is a database at all (SQLITE_NOTADB otherwise).
  REGFS_RETURN_IF_ERROR(conn->Exec("SELECT count(*) FROM sqlite_master"));
  REGFS_RETURN_IF_ERROR(conn->Exec("PRAGMA foreign_keys = ON"));
  return conn;
}

Result<std::string> SqliteDb::UseWal() {
  REGFS_ASSIGN_OR_RETURN(std::string mode, QueryText(db_, "PRAGMA journal_mode"));
  std::string restore;
  if (mode == "wal") {
    // In WAL already: another regfs has it open, one crashed, or it was WAL before regfs.
    REGFS_ASSIGN_OR_RETURN(std::string remembered, RememberedJournalMode());
    if (IsRollbackMode(remembered)) restore = remembered;
  } else if (IsRollbackMode(mode)) {
    // Remembered before the switch, in the file's own mode: a crash right after it leaves a
    // file in WAL that the next regfs knows to put back.
    REGFS_ASSIGN_OR_RETURN(std::string remembered, RememberedJournalMode());
    if (remembered != mode) {
      REGFS_RETURN_IF_ERROR(
          Exec(std::string("BEGIN IMMEDIATE; CREATE TABLE IF NOT EXISTS ") + kMetaTable +
               " (name TEXT PRIMARY KEY, value TEXT NOT NULL); "
               "INSERT OR REPLACE INTO " +
               kMetaTable + " (name, value) VALUES ('journal_mode', '" + mode + "'); COMMIT")
              .Annotate("remember the journal mode"));
    }
    REGFS_ASSIGN_OR_RETURN(std::string now, QueryText(db_, "PRAGMA journal_mode = WAL"));
    if (now != "wal") return std::string();  // no shared memory here: stay as found
    restore = mode;
  } else {
    return std::string();  // memory, off: nothing regfs switches
  }
  REGFS_RETURN_IF_ERROR(Exec("PRAGMA synchronous = NORMAL"));
  return restore;
}

Result<std::string> SqliteDb::RememberedJournalMode() {
  REGFS_ASSIGN_OR_RETURN(bool has, TableExists(kMetaTable));
  if (!has) return std::string();
  return QueryText(db_,
                   std::string("SELECT value FROM ") + kMetaTable + " WHERE name = 'journal_mode'");
}

void SqliteDb::CloseAndRestoreJournalMode() {
  MutexLock lk(&g_files_mu);
  std::string mode;
  if (counted_) {
    auto& files = Files();
    auto it = files.find(FileKey(path_));
    if (it != files.end() && --it->second.connections == 0) {
      mode = std::move(it->second.restore_mode);
      files.erase(it);
    }
  }
  if (!mode.empty() && !read_only_) SwitchBack(db_, mode);
  sqlite3_close_v2(db_);
  db_ = nullptr;
  if (mode.empty() || !read_only_) return;
  // The last connection was a reader, and a writer of this process had switched the file:
  // this process may write it. The reader is closed first, or it would keep the file busy.
  sqlite3* w = nullptr;
  if (sqlite3_open_v2(path_.c_str(), &w, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
                      WalCoalescingVfs()) == SQLITE_OK) {
    SwitchBack(w, mode);
  }
  sqlite3_close_v2(w);
}

SqliteDb::~SqliteDb() {
  DropCachedStatements();  // finalized before the connection closes
  if (InTransaction()) (void)ExecOn(db_, "ROLLBACK");
  CloseAndRestoreJournalMode();
}

const Dialect& SqliteDb::dialect() const {
  return kDialect;
}

Status SqliteDb::Exec(std::string_view sql) {
  return ExecOn(db_, std::string(sql));
}

Result<std::unique_ptr<Statement>> SqliteDb::PrepareImpl(std::string_view sql, bool persistent) {
  const bool returns_rowid = ReturnsRowid(sql);
  std::string_view run = returns_rowid ? sql.substr(0, sql.size() - kReturningId.size()) : sql;
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v3(db_, run.data(), static_cast<int>(run.size()),
                              persistent ? SQLITE_PREPARE_PERSISTENT : 0, &stmt, nullptr);
  if (rc != SQLITE_OK) return Status::FromSqlite(rc, std::string(sql), sqlite3_errmsg(db_));
  return std::unique_ptr<Statement>(new SqliteStatement(stmt, std::string(sql), returns_rowid));
}

// ---------------------------------------------------------------- transactions

Status SqliteDb::BeginTxn(TxnKind kind) {
  return Exec(kind == TxnKind::kWrite ? "BEGIN IMMEDIATE" : "BEGIN");
}

Status SqliteDb::CommitTxn() {
  Status st = Exec("COMMIT");
  // A failed COMMIT (a full disk, say) may leave the transaction open: undo all of it.
  if (!st.ok() && InTransaction()) (void)Exec("ROLLBACK");
  return st;
}

Status SqliteDb::RollbackTxn() {
  return Exec("ROLLBACK");
}

bool SqliteDb::InTransaction() const {
  return sqlite3_get_autocommit(db_) == 0;
}

Status SqliteDb::Savepoint(std::string_view name) {
  return Exec("SAVEPOINT " + QuoteId(name));
}

Status SqliteDb::ReleaseSavepoint(std::string_view name) {
  // LaminDB's foreign keys are deferred: the outer COMMIT would find a reference this part
  // left dangling and fail the whole transaction. It fails here, alone.
  int now = 0, high = 0;
  if (sqlite3_db_status(db_, SQLITE_DBSTATUS_DEFERRED_FKS, &now, &high, 0) == SQLITE_OK && now > 0)
    return Status::FromSqlite(SQLITE_CONSTRAINT_FOREIGNKEY, "RELEASE " + std::string(name),
                              "FOREIGN KEY constraint failed");
  return Exec("RELEASE " + QuoteId(name));
}

Status SqliteDb::RollbackToSavepoint(std::string_view name) {
  std::string q = QuoteId(name);
  return Exec("ROLLBACK TO " + q + "; RELEASE " + q);
}

// ---------------------------------------------------------------- changes, maintenance

Result<std::string> SqliteDb::ChangeToken() {
  REGFS_ASSIGN_OR_RETURN(auto st, Cached("PRAGMA data_version"));
  REGFS_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return Status::IO("PRAGMA data_version returned no row");
  return std::string(st->TextView(0));
}

Status SqliteDb::Checkpoint(bool only_if_large) {
  if (read_only_) return Status();
  if (only_if_large) {
    // SQLite's own threshold (1,000 pages of 4 KiB).
    constexpr off_t kWalLimit = 4 << 20;
    struct stat st;
    if (stat((path_ + "-wal").c_str(), &st) != 0 || st.st_size < kWalLimit) return Status();
  }
  return Exec("PRAGMA wal_checkpoint(PASSIVE)").Annotate("checkpoint of " + path_);
}

Status SqliteDb::Tune(SqlRole role) {
  switch (role) {
    case SqlRole::kDefault: return Status();
    case SqlRole::kBulk: return Exec("PRAGMA cache_size = -65536");
    case SqlRole::kMountWriter:
      if (read_only_) return Status();
      return Exec(
          "PRAGMA wal_autocheckpoint = 0; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -16384");
    case SqlRole::kMaintenance: return Exec("PRAGMA wal_autocheckpoint = 0");
  }
  return Status();
}

Status SqliteDb::FailCommitsForTest(bool on) {
  int (*fail)(void*) = [](void*) { return 1; };
  sqlite3_commit_hook(db_, on ? fail : nullptr, nullptr);
  return Status();
}

// ---------------------------------------------------------------- catalog

Result<std::vector<std::string>> SqliteDb::TableNames() {
  REGFS_ASSIGN_OR_RETURN(
      auto st, Prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"));
  std::vector<std::string> names;
  for (;;) {
    REGFS_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) return names;
    names.push_back(st->Text(0));
  }
}

Result<bool> SqliteDb::TableExists(std::string_view table) {
  REGFS_ASSIGN_OR_RETURN(auto st,
                         Prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1"));
  st->Bind(1, table);
  return st->Step();
}

Result<std::vector<std::string>> SqliteDb::Columns(std::string_view table) {
  REGFS_ASSIGN_OR_RETURN(auto st, Prepare("SELECT name FROM pragma_table_info(?1)"));
  st->Bind(1, table);
  std::vector<std::string> cols;
  for (;;) {
    REGFS_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) return cols;
    cols.push_back(st->Text(0));
  }
}

Result<std::vector<ForeignKeyRef>> SqliteDb::ReferencesTo(std::string_view table) {
  REGFS_ASSIGN_OR_RETURN(auto st,
                         Prepare("SELECT m.name, f.\"from\", i.\"notnull\" FROM sqlite_master m "
                                 "JOIN pragma_foreign_key_list(m.name) f "
                                 "JOIN pragma_table_info(m.name) i ON i.name = f.\"from\" "
                                 "WHERE m.type = 'table' AND lower(f.\"table\") = lower(?1) "
                                 "ORDER BY m.name, f.\"from\""));
  st->Bind(1, table);
  std::vector<ForeignKeyRef> refs;
  for (;;) {
    REGFS_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) return refs;
    refs.push_back(ForeignKeyRef{st->Text(0), st->Text(1), st->Int(2) != 0});
  }
}

}  // namespace regfs
