// A thin RAII layer over SQLite: Connection, Statement, Transaction.
//
// Threading: a Connection is used by one thread at a time. The FUSE daemon opens one per
// worker thread; WAL mode lets them read while one writes. Statements prepared through
// Connection::Cached() live as long as the connection (SQLITE_PREPARE_PERSISTENT) and are
// reset by their Use guard, so hot paths do not re-parse SQL.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace regfs {

class Connection;

// A prepared statement. Bind indices are 1-based (as in SQLite); column indices 0-based.
class Statement {
 public:
  Statement(Statement&& o) noexcept;
  Statement& operator=(Statement&& o) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  Statement& Bind(int i, int64_t v);
  Statement& Bind(int i, int v) { return Bind(i, static_cast<int64_t>(v)); }
  Statement& Bind(int i, std::string_view v);
  Statement& Bind(int i, const char* v) { return Bind(i, std::string_view(v)); }
  Statement& Bind(int i, const std::string& v) { return Bind(i, std::string_view(v)); }
  Statement& Bind(int i, std::nullopt_t);
  Statement& Bind(int i, const std::optional<std::string>& v);
  Statement& Bind(int i, const std::optional<int64_t>& v);

  // Steps once. Returns true when a row is available, false when done. Errors -> Status.
  Result<bool> Step();
  // Steps to completion, expecting no rows (INSERT/UPDATE/DELETE).
  Status Run();
  void Reset();  // reset and clear bindings

  bool IsNull(int col) const;
  int64_t Int(int col) const;
  std::string Text(int col) const;  // "" for NULL
  std::optional<std::string> OptText(int col) const;
  std::optional<int64_t> OptInt(int col) const;
  std::string ColumnName(int col) const;
  int ColumnCount() const;

  const std::string& sql() const { return sql_; }
  // For column access without copies (text valid until the next Step/Reset).
  sqlite3_stmt* raw() const { return stmt_; }

 private:
  friend class Connection;
  Statement(Connection* conn, sqlite3_stmt* stmt, std::string sql)
      : conn_(conn), stmt_(stmt), sql_(std::move(sql)) {}
  Connection* conn_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
  std::string sql_;
  Status bind_error_;
};

class Connection {
 public:
  struct Options {
    bool read_only = false;
    bool create = false;       // create the file if missing (init only)
    int busy_timeout_ms = 10000;
  };

  // Opens `path`, applies pragmas: foreign_keys=ON (as LaminDB), busy_timeout, and, when
  // writable, journal_mode=WAL and synchronous=NORMAL. Fails with kCorrupt when the file is
  // not a database.
  static Result<std::unique_ptr<Connection>> Open(const std::string& path, const Options& opts);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Runs one or more statements that return no rows.
  Status Exec(std::string_view sql);
  // Prepares a statement owned by the caller.
  Result<Statement> Prepare(std::string_view sql);

  // A cached statement owned by the connection; Use resets it when it goes out of scope.
  class Use {
   public:
    explicit Use(Statement* s) : s_(s) {}
    Use(Use&& o) noexcept : s_(o.s_) { o.s_ = nullptr; }
    Use(const Use&) = delete;
    ~Use() {
      if (s_) s_->Reset();
    }
    Statement* operator->() { return s_; }
    Statement& operator*() { return *s_; }

   private:
    Statement* s_;
  };
  Result<Use> Cached(const std::string& sql);

  int64_t LastInsertId() const;
  int Changes() const;
  // PRAGMA data_version: changes whenever another connection commits.
  Result<int64_t> DataVersion();
  bool read_only() const { return read_only_; }
  // True while a transaction is open on this connection.
  bool InTransaction() const;
  // Names of the columns of `table` (empty when the table does not exist).
  Result<std::vector<std::string>> Columns(std::string_view table);
  Result<bool> TableExists(std::string_view table);
  std::string ErrMsg() const;
  sqlite3* raw() { return db_; }
  const std::string& path() const { return path_; }

 private:
  Connection(sqlite3* db, std::string path, bool ro) : db_(db), path_(std::move(path)), read_only_(ro) {}
  // `name` is what SQLite opens (a path or a file: URI); `path` is the file, for messages.
  static Result<std::unique_ptr<Connection>> OpenOnce(const std::string& name,
                                                      const std::string& path,
                                                      const Options& opts, int extra_flags);
  sqlite3* db_;
  std::string path_;
  bool read_only_;
  std::map<std::string, std::unique_ptr<Statement>, std::less<>> cache_;
};

// BEGIN IMMEDIATE on construction (takes the write lock up front, so the transaction never
// fails half-way with SQLITE_BUSY); ROLLBACK in the destructor unless Commit() succeeded.
// On a connection that is inside a transaction already, a SAVEPOINT instead: Commit()
// releases it into the outer transaction, and the destructor undoes only this part.
class Transaction {
 public:
  static Result<std::unique_ptr<Transaction>> Begin(Connection& conn);
  ~Transaction();
  Status Commit();

 private:
  Transaction(Connection& c, bool nested) : conn_(c), nested_(nested) {}
  Connection& conn_;
  bool nested_;  // a savepoint inside a transaction the caller opened
  bool done_ = false;
};

// Quotes an identifier for SQL ("name" with inner quotes doubled).
std::string QuoteId(std::string_view name);

}  // namespace regfs
