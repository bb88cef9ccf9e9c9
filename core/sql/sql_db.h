// The database behind a registry, as an interface: statements, transactions, a change token,
// maintenance and the SQL dialect. SQLite (core/sql/sqlite_db.h) is the first implementation;
// the registry writes every query so that it also runs on PostgreSQL:
//   - placeholders are ?N in the SQL text (an implementation may rewrite them, e.g. to $N);
//   - booleans are bound with BindBool and compared with TRUE/FALSE, never with 1/0;
//   - new ids come from `INSERT ... RETURNING id`;
//   - whatever only one family understands (SQLite's unary `+col`, `X''`, `typeof`) comes
//     from the Dialect, and so does every comparison that must follow byte order (uids,
//     keys): a locale collation would order base62 uids and key ranges wrongly;
//   - timestamps are selected through Dialect::TimeText, so that C++ always reads the text
//     forms core/clock parses.
//
// Threading: an SqlDb and its statements are used by one thread at a time (the mount opens
// one per thread that needs one). Errors are Status values with the SQL and the database's
// message as context.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "core/status.h"

namespace regfs {

enum class SqlFamily { kSqlite, kPostgres };

// What differs in the SQL text between database families. Every function returns a fragment
// of SQL to splice into a statement; `col` is an expression (usually a column reference).
class Dialect {
 public:
  virtual ~Dialect() = default;
  virtual SqlFamily family() const = 0;
  // `col` as an operand the planner should not serve from its index (SQLite without
  // statistics otherwise picks the state or storage index, where nearly every row matches,
  // over the selective key/uid/hash ones): SQLite `+col`, elsewhere `col`.
  virtual std::string Unindexed(std::string_view col) const = 0;
  // `col` compared and ordered byte by byte (uids in base62 order, key ranges such as
  // [dir/, dir0)): SQLite's BINARY collation already does, PostgreSQL needs COLLATE "C".
  virtual std::string Bytewise(std::string_view col) const = 0;
  // `col` when it holds text, else NULL (SQLite columns may hold any storage class).
  virtual std::string TextOrNull(std::string_view col) const = 0;
  // True where `col` holds no text: NULL, or (SQLite) a number or blob.
  virtual std::string NotText(std::string_view col) const = 0;
  // True for every text value of `col`: with a lower bound `col >= ?`, the range of all text
  // keys from there on, in Bytewise order (SQLite: below X'', where blobs begin).
  virtual std::string TextUpperBound(std::string_view col) const = 0;
  // A datetime column as text "YYYY-MM-DD HH:MM:SS[.fraction]" in UTC (core/clock parses
  // every such form; PostgreSQL's timestamptz is formatted to it).
  virtual std::string TimeText(std::string_view col) const = 0;
  // An expression just above every base62 string that starts with the text of `expr`:
  // `x >= p AND x < PrefixEnd(p)` (Bytewise) is the range of uids with prefix p. SQLite
  // `expr || char(127)`, PostgreSQL `expr || chr(127)`.
  virtual std::string PrefixEnd(std::string_view expr) const = 0;
  // The column definition of a table's own id that the database numbers (regfs's tables):
  // SQLite `INTEGER PRIMARY KEY`, PostgreSQL an identity column.
  virtual std::string AutoIdColumn() const = 0;
};

// A prepared statement. Bind indices are 1-based and match ?N in the SQL; column indices are
// 0-based. A failed bind is reported by the next Step().
class Statement {
 public:
  virtual ~Statement() = default;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  virtual void BindInt64(int i, int64_t v) = 0;
  virtual void BindText(int i, std::string_view v) = 0;
  virtual void BindBool(int i, bool v) = 0;
  virtual void BindNull(int i) = 0;

  // Chainable binds. A bool binds as a boolean only when it is one: a pointer or an integer
  // never converts to it here (a string literal would otherwise become `true`).
  Statement& Bind(int i, int64_t v) {
    BindInt64(i, v);
    return *this;
  }
  Statement& Bind(int i, int v) { return Bind(i, static_cast<int64_t>(v)); }
  Statement& Bind(int i, std::string_view v) {
    BindText(i, v);
    return *this;
  }
  Statement& Bind(int i, const char* v) { return Bind(i, std::string_view(v)); }
  Statement& Bind(int i, const std::string& v) { return Bind(i, std::string_view(v)); }
  Statement& Bind(int i, std::nullopt_t) {
    BindNull(i);
    return *this;
  }
  Statement& Bind(int i, const std::optional<std::string>& v) {
    return v ? Bind(i, std::string_view(*v)) : Bind(i, std::nullopt);
  }
  Statement& Bind(int i, const std::optional<int64_t>& v) {
    return v ? Bind(i, *v) : Bind(i, std::nullopt);
  }
  template <typename B>
  requires std::is_same_v<B, bool> Statement& Bind(int i, B v) {
    BindBool(i, v);
    return *this;
  }

  // Steps once: true when a row is available, false when done.
  virtual Result<bool> Step() = 0;
  // Steps to the end, ignoring rows (INSERT/UPDATE/DELETE).
  Status Run();
  // Runs `INSERT ... RETURNING id` to the end and returns the id of the row it inserted.
  Result<int64_t> RunReturningId();
  // Resets the statement and clears its bindings.
  virtual void Reset() = 0;

  virtual bool IsNull(int col) const = 0;
  virtual int64_t Int(int col) const = 0;
  virtual bool Bool(int col) const = 0;
  // The text of a column without a copy, valid until the next Step() or Reset(); empty for
  // NULL (use IsNull to tell them apart).
  virtual std::string_view TextView(int col) const = 0;
  std::string Text(int col) const { return std::string(TextView(col)); }
  std::optional<std::string> OptText(int col) const;
  std::optional<int64_t> OptInt(int col) const;
  virtual int ColumnCount() const = 0;
  virtual std::string ColumnName(int col) const = 0;
  virtual const std::string& sql() const = 0;

 protected:
  Statement() = default;
};

// Connection tuning for what a connection is used for.
enum class SqlRole {
  kDefault,      // the CLI's one-off commands
  kBulk,         // `regfs add` of many files: a large page cache for its one transaction
  kMountWriter,  // the mount's single writer: no automatic checkpoints (the kMaintenance
                 // connection makes them), statement journals in memory (a purge in a batch
                 // is a savepoint), a 16 MiB page cache
  kMaintenance,  // the mount's poller: checkpoints, off the request path
};

// A column holding a foreign key to some table.
struct ForeignKeyRef {
  std::string table;
  std::string column;
  bool not_null = false;  // the referencing column's own NOT NULL
};

class SqlDb {
 public:
  virtual ~SqlDb();
  SqlDb(const SqlDb&) = delete;
  SqlDb& operator=(const SqlDb&) = delete;

  virtual const Dialect& dialect() const = 0;
  // The database for messages: a file path, or a URL without its password.
  virtual const std::string& name() const = 0;
  virtual bool read_only() const = 0;

  // ---------------------------------------------------------------- statements
  // Runs one or more statements that take no parameters and return no rows.
  virtual Status Exec(std::string_view sql) = 0;
  // A statement owned by the caller.
  Result<std::unique_ptr<Statement>> Prepare(std::string_view sql) {
    return PrepareImpl(sql, false);
  }

  // A statement prepared once and kept as long as the connection; Use resets it (and clears
  // its bindings) when it goes out of scope, so hot paths never parse SQL twice. A cached
  // statement must not be stepped again while a caller still reads it (collect rows first).
  class Use {
   public:
    explicit Use(Statement* s) : s_(s) {}
    Use(Use&& o) noexcept : s_(o.s_) { o.s_ = nullptr; }
    Use(const Use&) = delete;
    Use& operator=(const Use&) = delete;
    ~Use() {
      if (s_) s_->Reset();
    }
    Statement* operator->() { return s_; }
    Statement& operator*() { return *s_; }

   private:
    Statement* s_;
  };
  Result<Use> Cached(const std::string& sql);

  // ---------------------------------------------------------------- transactions
  // Prefer the Transaction guard below; these are its primitives.
  enum class TxnKind {
    kWrite,  // takes the write lock up front (SQLite BEGIN IMMEDIATE), so a transaction never
             // fails half-way because another writer came first
    kRead,   // one consistent snapshot for several queries
  };
  virtual Status BeginTxn(TxnKind kind) = 0;
  // A failed commit leaves no transaction open (it is rolled back).
  virtual Status CommitTxn() = 0;
  virtual Status RollbackTxn() = 0;
  virtual bool InTransaction() const = 0;
  // Savepoints of the open transaction. ReleaseSavepoint fails, and leaves the savepoint in
  // place for RollbackToSavepoint, when the part since the savepoint left a deferred
  // constraint violated: that part fails alone, as its own commit would have.
  // RollbackToSavepoint undoes the part since the savepoint and ends the savepoint.
  virtual Status Savepoint(std::string_view name) = 0;
  virtual Status ReleaseSavepoint(std::string_view name) = 0;
  virtual Status RollbackToSavepoint(std::string_view name) = 0;

  // Serializes, across every connection and host, the transactions that create a version of
  // the family `stem` or move its is_latest. Called inside the write transaction, before the
  // family is read; held until that transaction ends. A no-op where the write lock is global
  // (SQLite); PostgreSQL takes an advisory transaction lock of the stem.
  virtual Status LockFamily(std::string_view stem) = 0;

  // ---------------------------------------------------------------- changes, maintenance
  // A value that differs between two calls when another connection (process, host) committed
  // in between. A backend that cannot tell its own commits from others' may change it after
  // its own as well; that costs the caller a needless re-read, never a missed change.
  virtual Result<std::string> ChangeToken() = 0;
  // Copies committed changes from a write-ahead log into the database: always, or only once
  // the log has grown past the usual threshold. Never waits for readers or writers. A no-op
  // where there is no such log.
  virtual Status Checkpoint(bool only_if_large) = 0;
  virtual Status Tune(SqlRole role) = 0;

  // ---------------------------------------------------------------- the catalog
  virtual Result<std::vector<std::string>> TableNames() = 0;
  virtual Result<bool> TableExists(std::string_view table) = 0;
  // Column names of `table` (empty when it does not exist), in the table's order.
  virtual Result<std::vector<std::string>> Columns(std::string_view table) = 0;
  // Every column of every table holding a foreign key to `table` (compared without regard
  // to case), ordered by table and column.
  virtual Result<std::vector<ForeignKeyRef>> ReferencesTo(std::string_view table) = 0;

  // Tests: from now on every commit of this connection fails (and is rolled back), as a
  // failed write would make it. kUnsupported where a backend cannot do it.
  virtual Status FailCommitsForTest(bool on);

 protected:
  SqlDb() = default;
  virtual Result<std::unique_ptr<Statement>> PrepareImpl(std::string_view sql, bool persistent) = 0;
  // Cached statements must go before the connection they belong to: an implementation
  // calls this first in its destructor.
  void DropCachedStatements() { cache_.clear(); }

 private:
  std::map<std::string, std::unique_ptr<Statement>, std::less<>> cache_;
};

// A write (or read) transaction for the scope of the guard: rolled back in the destructor
// unless Commit() succeeded. Begun while the connection is inside a transaction already (a
// batch, Registry::BeginBatch), it is a savepoint of it instead: Commit() releases it into
// the outer transaction, and the destructor undoes only this part.
class Transaction {
 public:
  static Result<std::unique_ptr<Transaction>> Begin(SqlDb& db,
                                                    SqlDb::TxnKind kind = SqlDb::TxnKind::kWrite);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  Status Commit();
  bool nested() const { return nested_; }

 private:
  Transaction(SqlDb& db, bool nested) : db_(db), nested_(nested) {}
  SqlDb& db_;
  bool nested_;
  bool done_ = false;
};

// Quotes an identifier ("name", inner quotes doubled): the same in both families.
std::string QuoteId(std::string_view name);

}  // namespace regfs
