#include "core/db.h"

#include <sqlite3.h>
#include <unistd.h>

#include <cstdio>

#include "core/wal_vfs.h"

namespace regfs {

// ---------------------------------------------------------------- Statement

Statement::Statement(Statement&& o) noexcept
    : conn_(o.conn_),
      stmt_(o.stmt_),
      sql_(std::move(o.sql_)),
      bind_error_(std::move(o.bind_error_)) {
  o.stmt_ = nullptr;
}

Statement& Statement::operator=(Statement&& o) noexcept {
  if (this != &o) {
    if (stmt_) sqlite3_finalize(stmt_);
    conn_ = o.conn_;
    stmt_ = o.stmt_;
    sql_ = std::move(o.sql_);
    bind_error_ = std::move(o.bind_error_);
    o.stmt_ = nullptr;
  }
  return *this;
}

Statement::~Statement() {
  if (stmt_) sqlite3_finalize(stmt_);
}

Statement& Statement::Bind(int i, int64_t v) {
  int rc = sqlite3_bind_int64(stmt_, i, v);
  if (rc != SQLITE_OK && bind_error_.ok()) bind_error_ = Status::FromSqlite(rc, "bind " + sql_);
  return *this;
}

Statement& Statement::Bind(int i, std::string_view v) {
  int rc = sqlite3_bind_text64(stmt_, i, v.data(), v.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  if (rc != SQLITE_OK && bind_error_.ok()) bind_error_ = Status::FromSqlite(rc, "bind " + sql_);
  return *this;
}

Statement& Statement::Bind(int i, std::nullopt_t) {
  int rc = sqlite3_bind_null(stmt_, i);
  if (rc != SQLITE_OK && bind_error_.ok()) bind_error_ = Status::FromSqlite(rc, "bind " + sql_);
  return *this;
}

Statement& Statement::Bind(int i, const std::optional<std::string>& v) {
  return v ? Bind(i, std::string_view(*v)) : Bind(i, std::nullopt);
}

Statement& Statement::Bind(int i, const std::optional<int64_t>& v) {
  return v ? Bind(i, *v) : Bind(i, std::nullopt);
}

Result<bool> Statement::Step() {
  if (!bind_error_.ok()) return bind_error_;
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return Status::FromSqlite(rc, sql_, sqlite3_errmsg(sqlite3_db_handle(stmt_)));
}

Status Statement::Run() {
  for (;;) {
    auto r = Step();
    if (!r.ok()) return r.status();
    if (!*r) return Status();
  }
}

void Statement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  bind_error_ = Status();
}

bool Statement::IsNull(int col) const {
  return sqlite3_column_type(stmt_, col) == SQLITE_NULL;
}
int64_t Statement::Int(int col) const {
  return sqlite3_column_int64(stmt_, col);
}

std::string Statement::Text(int col) const {
  const unsigned char* p = sqlite3_column_text(stmt_, col);
  if (!p) return {};
  return std::string(reinterpret_cast<const char*>(p), sqlite3_column_bytes(stmt_, col));
}

std::optional<std::string> Statement::OptText(int col) const {
  if (IsNull(col)) return std::nullopt;
  return Text(col);
}

std::optional<int64_t> Statement::OptInt(int col) const {
  if (IsNull(col)) return std::nullopt;
  return Int(col);
}

std::string Statement::ColumnName(int col) const {
  const char* n = sqlite3_column_name(stmt_, col);
  return n ? n : "";
}

int Statement::ColumnCount() const {
  return sqlite3_column_count(stmt_);
}

// ---------------------------------------------------------------- Connection

namespace {

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

}  // namespace

Result<std::unique_ptr<Connection>> Connection::Open(const std::string& path, const Options& opts) {
  auto conn = OpenOnce(path, path, opts, 0);
  if (conn.ok() || !opts.read_only) return conn;
  // A WAL database in a directory this process cannot write: SQLite cannot create the
  // shared-memory file a reader needs. Nobody can be writing it through this directory
  // either, so read it as immutable.
  auto code = conn.status().code();
  if (code != Status::Code::kNotFound && code != Status::Code::kIO &&
      code != Status::Code::kReadOnly && code != Status::Code::kAccess) {
    return conn;
  }
  if (access(path.c_str(), R_OK) != 0) return conn;
  return OpenOnce(FileUri(path, "immutable=1"), path, opts, SQLITE_OPEN_URI);
}

Result<std::unique_ptr<Connection>> Connection::OpenOnce(const std::string& name,
                                                         const std::string& path,
                                                         const Options& opts, int extra_flags) {
  sqlite3* db = nullptr;
  int flags = SQLITE_OPEN_NOMUTEX | extra_flags;  // one thread per connection
  flags |= opts.read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
  if (opts.create && !opts.read_only) flags |= SQLITE_OPEN_CREATE;
  // Every connection goes through the WAL write-coalescing VFS (core/wal_vfs.h), or SQLite's
  // default where it could not be registered.
  int rc = sqlite3_open_v2(name.c_str(), &db, flags, WalCoalescingVfs());
  if (rc != SQLITE_OK) {
    std::string detail = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close_v2(db);
    return Status::FromSqlite(rc, "open database " + path, detail);
  }
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, opts.busy_timeout_ms);
  std::unique_ptr<Connection> conn(new Connection(db, path, opts.read_only));
  // Reading the schema proves that this is a database at all (SQLITE_NOTADB otherwise).
  REGFS_RETURN_IF_ERROR(conn->Exec("SELECT count(*) FROM sqlite_master"));
  REGFS_RETURN_IF_ERROR(conn->Exec("PRAGMA foreign_keys = ON"));
  if (!opts.read_only) {
    auto st = conn->Prepare("PRAGMA journal_mode = WAL");
    if (st.ok()) {
      auto r = st->Step();
      if (!r.ok()) return r.status().Annotate("set WAL mode on " + path);
    }
    REGFS_RETURN_IF_ERROR(conn->Exec("PRAGMA synchronous = NORMAL"));
  }
  return conn;
}

Connection::~Connection() {
  cache_.clear();  // finalize statements before closing
  sqlite3_close_v2(db_);
}

Status Connection::Exec(std::string_view sql) {
  std::string s(sql);
  char* err = nullptr;
  int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    std::string detail = err ? err : sqlite3_errstr(rc);
    sqlite3_free(err);
    return Status::FromSqlite(rc, s, detail);
  }
  return Status();
}

Result<Statement> Connection::Prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
  if (rc != SQLITE_OK) return Status::FromSqlite(rc, std::string(sql), sqlite3_errmsg(db_));
  return Statement(this, stmt, std::string(sql));
}

Result<Connection::Use> Connection::Cached(const std::string& sql) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) return Status::FromSqlite(rc, sql, sqlite3_errmsg(db_));
    it = cache_.emplace(sql, std::unique_ptr<Statement>(new Statement(this, stmt, sql))).first;
  }
  return Use(it->second.get());
}

int64_t Connection::LastInsertId() const {
  return sqlite3_last_insert_rowid(db_);
}
int Connection::Changes() const {
  return sqlite3_changes(db_);
}
std::string Connection::ErrMsg() const {
  return sqlite3_errmsg(db_);
}

Result<int64_t> Connection::DataVersion() {
  REGFS_ASSIGN_OR_RETURN(auto st, Cached("PRAGMA data_version"));
  REGFS_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return Status::IO("PRAGMA data_version returned no row");
  return st->Int(0);
}

Result<std::vector<std::string>> Connection::Columns(std::string_view table) {
  REGFS_ASSIGN_OR_RETURN(auto st, Prepare("SELECT name FROM pragma_table_info(?1)"));
  st.Bind(1, table);
  std::vector<std::string> cols;
  for (;;) {
    REGFS_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    cols.push_back(st.Text(0));
  }
  return cols;
}

Result<bool> Connection::TableExists(std::string_view table) {
  REGFS_ASSIGN_OR_RETURN(auto st,
                         Prepare("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?1"));
  st.Bind(1, table);
  return st.Step();
}

// ---------------------------------------------------------------- Transaction

bool Connection::InTransaction() const {
  return sqlite3_get_autocommit(db_) == 0;
}

Result<std::unique_ptr<Transaction>> Transaction::Begin(Connection& conn) {
  // Inside a transaction that is already open (a batch, Registry::BeginBatch): a savepoint
  // of it, so that this operation alone is undone when it fails.
  if (conn.InTransaction()) {
    REGFS_RETURN_IF_ERROR(conn.Exec("SAVEPOINT regfs_op"));
    return std::unique_ptr<Transaction>(new Transaction(conn, /*nested=*/true));
  }
  REGFS_RETURN_IF_ERROR(conn.Exec("BEGIN IMMEDIATE"));
  return std::unique_ptr<Transaction>(new Transaction(conn, /*nested=*/false));
}

Transaction::~Transaction() {
  if (done_) return;
  conn_.Exec(nested_ ? "ROLLBACK TO regfs_op; RELEASE regfs_op" : "ROLLBACK");
}

Status Transaction::Commit() {
  if (nested_) {
    // LaminDB's foreign keys are deferred: the outer COMMIT would find a reference this
    // part left dangling and fail the whole batch. It fails here, alone, as its own COMMIT
    // would have.
    int now = 0, high = 0;
    if (sqlite3_db_status(conn_.raw(), SQLITE_DBSTATUS_DEFERRED_FKS, &now, &high, 0) == SQLITE_OK &&
        now > 0)
      return Status::FromSqlite(SQLITE_CONSTRAINT_FOREIGNKEY, "RELEASE regfs_op",
                                "FOREIGN KEY constraint failed");
  }
  Status s = conn_.Exec(nested_ ? "RELEASE regfs_op" : "COMMIT");
  if (s.ok()) done_ = true;
  return s;
}

std::string QuoteId(std::string_view name) {
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

}  // namespace regfs
