// SqlDb on a PostgreSQL database over libpq (LaminDB's multi-user registries).
//
// Connecting. The location is a URL as libpq parses it (postgresql://user[:password]@host:port/db
// ?params; a unix socket directory as `host=/dir` or a percent-encoded host). The password comes
// from the URL, PGPASSWORD or ~/.pgpass, as libpq finds it, and never appears in a message:
// name() is the URL with its password masked, and connection errors are scrubbed of it. Defaults
// the URL may override: connect_timeout 10 s, TCP keepalives (idle 10 s, then 3 probes 5 s
// apart) and tcp_user_timeout 25 s, application_name "regfs". The session is set to
// TimeZone UTC, standard_conforming_strings on, lock_timeout 10 s (SQLite's busy timeout), and
// the server side of the connection gets the same keepalive bounds, so that either end notices
// a dead peer within about 25 s and a dead host's transactions and advisory locks are released.
// A read-only open sets default_transaction_read_only: every write fails with kReadOnly.
//
// Lost connections. A call that finds the connection gone fails with kIO ("connection ... lost")
// and the connection is re-established by the next call (at most one attempt per second; the
// calls between fail at once with the attempt's error); cached statements are prepared again
// there. A connection lost inside a transaction leaves the transaction failed: every call fails
// until the caller ends it (RollbackTxn, or CommitTxn, which reports the loss), so no statement
// of that transaction can run outside it on a new connection.
//
// Statements. ?N placeholders become $N once per statement text (outside literals, quoted
// identifiers and comments; a `?` not followed by a digit is left alone, it is a jsonb
// operator). Cached() statements are named prepared statements of the connection; Prepare()
// statements are parsed with each execution (PQexecParams), so they hold nothing on the
// server. Parameters are sent as text and typed by the server from their use (a column they are
// compared with or stored in, a function's argument); a parameter with no such use (`?1 IS
// NULL`) fails with "could not determine data type" and needs a CAST in the SQL, which SQLite
// accepts too. A statement's rows are fetched when it is first stepped, all at once: another
// statement may run before they are read.
// A failed statement inside a transaction aborts the transaction (PostgreSQL's rule; SQLite
// keeps it): the caller can only roll back to a savepoint taken before it, or roll back; a
// CommitTxn of such a transaction rolls it back and returns the first error.
//
// Transactions. kWrite is READ COMMITTED, the isolation LaminDB's own writes use: it does not
// fail because another writer came first (an UPDATE waits for a row another transaction
// holds, then applies to its new version), and every statement sees what committed before it,
// so a statement after LockFamily reads what the family's previous holder committed. It does
// not take a database-wide write lock as SQLite does: writers of different families run side
// by side. kRead is REPEATABLE READ READ ONLY: one snapshot, taken at its first statement, for
// every query, and never a serialization failure.
// ReleaseSavepoint first checks the deferred constraints (SET CONSTRAINTS ALL IMMEDIATE, then
// back to DEFERRED), so a part that left a foreign key dangling fails alone, as SQLite's
// check of its deferred-violation counter does; as there, the check covers the whole
// transaction's pending constraints. A database with a DEFERRABLE INITIALLY IMMEDIATE
// constraint (LaminDB has none) is checked in a nested savepoint that is rolled back instead,
// so its mode is kept.
//
// Change token. PostgreSQL tells nobody about commits (LaminDB sends no notifications and does
// not maintain updated_at), so ChangeToken compares transaction snapshots: between two
// pg_current_snapshot() values, the transactions that finished are (xip_old + [xmax_old,
// xmax_new)) - xip_new (xmax is one past the newest finished transaction; xip lists those
// still running below it). When one of them is not a write transaction of this connection,
// the token moves. Its own ids are collected as its transactions end, in the same round trip:
// pg_current_xact_id_if_assigned() with COMMIT and ROLLBACK, and a savepoint's own id from
// pg_locks with its RELEASE or ROLLBACK TO (a subtransaction's id is not in any snapshot, and
// its lock on the id goes when it ends; reading pg_locks adds about 45 us to a release). One
// query per poll, no lock, no id consumed, whatever the table sizes. Transaction ids are the 64-bit
// xid8 (epoch and counter): no wraparound. False positives, which cost the caller one needless
// re-read: transactions that rolled back, transactions of other databases on the same server
// (ids are server-wide), subtransaction ids of other running transactions (pg_snapshot lists
// top-level ids only), autovacuum's ANALYZE, writes of this connection outside a transaction,
// a savepoint of its own rolled back after a failed statement (an aborted subtransaction runs
// no query that could read its id), a reconnect. A snapshot older than the last one (another
// server) also moves it.
//
// Threading: as every SqlDb, one thread at a time; there is no lock inside.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/sql/sql_db.h"

struct pg_conn;
struct pg_result;

namespace regfs {

// Parts of the backend that need no server, for unit tests.
namespace pg {

// `sql` with every ?N placeholder outside string literals ('..', E'..', $tag$..$tag$), quoted
// identifiers and comments (-- and nested /* */) written as $N; *max_index is the highest N (0
// when none). kInvalid for ?0.
Result<std::string> RewritePlaceholders(std::string_view sql, int* max_index);

// A connection URL for messages: the password of its user part and any password= or
// sslpassword= parameter replaced by "***". Parsed as libpq does (the user part ends at the
// first '@' before the first '/').
std::string MaskPassword(std::string_view url);

// A pg_snapshot ("xmin:xmax:xip,xip,..."), ids in ascending order.
struct Snapshot {
  uint64_t xmin = 0;
  uint64_t xmax = 0;
  std::vector<uint64_t> xip;
};
std::optional<Snapshot> ParseSnapshot(std::string_view text);
// True when a transaction that is not in `own` finished between `before` and `after`, or when
// `after` is older than `before`.
bool OthersFinished(const Snapshot& before, const Snapshot& after,
                    const std::vector<uint64_t>& own);

// The advisory lock key of a version family: a 64-bit FNV-1a hash of "regfs.family:" + stem.
// Every regfs version on one server must compute the same key.
int64_t FamilyLockKey(std::string_view stem);

}  // namespace pg

class PostgresDialect final : public Dialect {
 public:
  // `bytewise_default`: the database's collation compares bytes (libc "C" or "POSIX"), so a
  // plain column already orders as Bytewise wants and its indexes serve such comparisons.
  // (LaminDB's columns have no collation of their own.)
  explicit PostgresDialect(bool bytewise_default = false) : bytewise_default_(bytewise_default) {}
  SqlFamily family() const override { return SqlFamily::kPostgres; }
  // The planner has statistics: no trick needed.
  std::string Unindexed(std::string_view col) const override { return std::string(col); }
  std::string Bytewise(std::string_view col) const override;
  // Columns are typed: a varchar column holds text or NULL.
  std::string TextOrNull(std::string_view col) const override { return std::string(col); }
  std::string NotText(std::string_view col) const override;
  std::string TextUpperBound(std::string_view col) const override;
  // to_char in UTC with microseconds: "YYYY-MM-DD HH:MM:SS.ffffff" whatever the session zone.
  std::string TimeText(std::string_view col) const override;
  std::string PrefixEnd(std::string_view expr) const override {
    return std::string(expr) + " || chr(127)";
  }
  std::string AutoIdColumn() const override {
    return "bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY";
  }
  bool bytewise_default() const { return bytewise_default_; }

 private:
  bool bytewise_default_;
};

class PostgresDb final : public SqlDb {
 public:
  struct Options {
    bool read_only = false;
  };
  // Connects to `url`. kIO when the server cannot be reached or refuses the connection (the
  // message says why: a connection limit reached names which, a password refused, ...),
  // kUnsupported for a server older than PostgreSQL 13 (pg_current_snapshot).
  static Result<std::unique_ptr<PostgresDb>> Open(const std::string& url, const Options& opts);
  ~PostgresDb() override;

  const Dialect& dialect() const override { return dialect_; }
  const std::string& name() const override { return name_; }
  bool read_only() const override { return read_only_; }

  Status Exec(std::string_view sql) override;

  Status BeginTxn(TxnKind kind) override;
  Status CommitTxn() override;
  Status RollbackTxn() override;
  bool InTransaction() const override;
  Status Savepoint(std::string_view name) override;
  Status ReleaseSavepoint(std::string_view name) override;
  Status RollbackToSavepoint(std::string_view name) override;
  // pg_advisory_xact_lock(pg::FamilyLockKey(stem)); kInvalid outside a transaction.
  Status LockFamily(std::string_view stem) override;

  Result<std::string> ChangeToken() override;
  // PostgreSQL checkpoints by itself.
  Status Checkpoint(bool) override { return Status(); }
  // Timeouts per role (kept across reconnects): lock_timeout 10 s for every role; the mount's
  // writer and poller also get statement_timeout 60 s and idle_in_transaction_session_timeout
  // 60 s, so a hung mount cannot hold rows or locks that other hosts wait for.
  Status Tune(SqlRole role) override;

  // Tables of the schemas on the search path (as unqualified names in queries resolve them).
  Result<std::vector<std::string>> TableNames() override;
  Result<bool> TableExists(std::string_view table) override;
  Result<std::vector<std::string>> Columns(std::string_view table) override;
  Result<std::vector<ForeignKeyRef>> ReferencesTo(std::string_view table) override;

  // Every later commit of a write transaction fails at COMMIT on a deferred foreign key (a
  // temporary table's row inserted just before it), so the server rolls the transaction back
  // as it would for a real violation. Read transactions commit.
  Status FailCommitsForTest(bool on) override;

  // The server's backend process of this connection (0 when not connected); for tests.
  int BackendPid() const;

 protected:
  Result<std::unique_ptr<Statement>> PrepareImpl(std::string_view sql, bool persistent) override;

 private:
  friend class PgStatement;
  PostgresDb(std::string url, const Options& opts);

  // Connects, or reconnects after a loss, and sets the session up.
  Status Connect();
  // OK when the connection can take a statement (reconnecting first if it was lost); kIO
  // while a transaction lost with its connection has not been ended.
  Status Ready(std::string_view context);
  // The Status for a failed result (or none: nullptr), with `context`; notes a lost connection
  // and the first error of a transaction.
  Status Failure(const pg_result* res, std::string_view context);
  Status Lost(std::string_view context, std::string_view why);
  // Runs `sql` (one or more statements, no parameters) and passes each result with rows to
  // `on_rows`; the first failure is returned.
  template <typename F>
  Status Run(const std::string& sql, std::string_view context, F&& on_rows);
  Status Run(const std::string& sql, std::string_view context);
  // The SQL that reads this transaction's top-level id, and what notes it (with its
  // subtransactions' ids) as this connection's own.
  std::string OwnXidsQuery() const;
  void NoteOwnXids(const pg_result* res);
  // Notes the ids of a pg_locks list (top-level and open subtransactions) as this
  // transaction's.
  void NoteHeldXids(const pg_result* res);
  // The open transaction's ids, given its top-level id.
  std::vector<uint64_t> TxnXids(uint64_t top) const;
  // Connected, and no error has shown the session gone.
  bool Usable() const;
  void EndTxn();
  std::string Scrub(std::string msg) const;
  std::string TuneSql() const;

  pg_conn* conn_ = nullptr;
  const std::string url_;  // with its password: never in a message
  std::string name_;
  std::vector<std::string> secrets_;  // password spellings scrubbed from messages
  bool read_only_;
  PostgresDialect dialect_;
  bool dialect_known_ = false;
  bool broken_ = false;      // an error said the session is gone: reconnect before the next use
  uint64_t generation_ = 0;  // counts connections: a statement prepared in an older one re-prepares
  uint64_t statements_ = 0;  // names prepared statements
  std::optional<SqlRole> role_;
  Status connect_error_;  // the last failed reconnect, and when
  std::chrono::steady_clock::time_point connect_failed_at_;

  bool txn_open_ = false;
  TxnKind txn_kind_ = TxnKind::kWrite;
  bool txn_lost_ = false;              // the connection went down inside it
  bool committing_ = false;            // its COMMIT is on the way
  std::vector<uint32_t> txn_subxids_;  // its subtransactions' ids (32-bit, from pg_locks)
  Status txn_error_;                   // the first failure inside it
  std::optional<bool> deferred_only_;  // every deferrable constraint is initially deferred

  std::optional<pg::Snapshot> last_snapshot_;
  std::vector<uint64_t> own_xids_;  // write transactions this connection ended since then
  uint64_t changes_ = 0;
  bool fail_commits_ = false;
};

}  // namespace regfs
