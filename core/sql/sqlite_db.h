// SqlDb on a SQLite file (LaminDB's local registries).
//
// Connections go through regfs's WAL write-coalescing VFS (core/sql/wal_vfs.h), enforce
// foreign keys as LaminDB does, and wait up to a busy timeout for other writers. An `INSERT`
// of one row ending in ` RETURNING id` runs without that clause and answers the rowid of the
// row it made: SQLite implements RETURNING as a trigger, and a trigger makes the statement
// journal every page it changes (some 20 for a row of LaminDB's artifact table).
//
// Journal mode. LaminDB makes its database in rollback-journal mode; a copy of the file
// alone (a backup, LaminDB's cloud sync) is then complete. A writable connection switches
// the file to WAL while regfs uses it (readers and the writer do not block each other), and
// the file goes back to the mode it was found in when the last connection of this process to
// it closes: the log is copied into the database and the mode restored. Another process that
// still has the file open (the CLI next to a mount, LaminDB itself) makes that switch fail at
// once; the file then stays in WAL until the last one out, which switches it back. The mode
// found is remembered durably in the table regfs_meta, before the switch, so that a file a
// crashed regfs left in WAL is put back by the next regfs that closes it. A file found in
// WAL with no such record was in WAL before regfs: it stays so.
#pragma once

#include <memory>
#include <string>

#include "core/sql/sql_db.h"

struct sqlite3;

namespace regfs {

class SqliteDb final : public SqlDb {
 public:
  struct Options {
    bool read_only = false;
    bool create = false;  // create the file when missing (init only)
    // Writable, but the file stays in the journal mode it is in (nothing is remembered,
    // nothing switched): init writes LaminDB's new database in LaminDB's own mode.
    bool keep_journal_mode = false;
    int busy_timeout_ms = 10000;
  };
  // Opens `path`. kCorrupt when the file is not a database, kReadOnly when writing was asked
  // for and the file or its filesystem refuses it. A read-only open of a WAL database in a
  // directory this process cannot write reads it as immutable (nobody writes it through
  // this directory either).
  static Result<std::unique_ptr<SqliteDb>> Open(const std::string& path, const Options& opts);
  ~SqliteDb() override;

  const Dialect& dialect() const override;
  const std::string& name() const override { return path_; }
  bool read_only() const override { return read_only_; }

  Status Exec(std::string_view sql) override;

  Status BeginTxn(TxnKind kind) override;
  Status CommitTxn() override;
  Status RollbackTxn() override;
  bool InTransaction() const override;
  Status Savepoint(std::string_view name) override;
  Status ReleaseSavepoint(std::string_view name) override;
  Status RollbackToSavepoint(std::string_view name) override;
  Status LockFamily(std::string_view) override { return Status(); }  // the write lock is global

  // PRAGMA data_version: changes whenever another connection commits.
  Result<std::string> ChangeToken() override;
  Status Checkpoint(bool only_if_large) override;
  Status Tune(SqlRole role) override;

  Result<std::vector<std::string>> TableNames() override;
  Result<bool> TableExists(std::string_view table) override;
  Result<std::vector<std::string>> Columns(std::string_view table) override;
  Result<std::vector<ForeignKeyRef>> ReferencesTo(std::string_view table) override;

  Status FailCommitsForTest(bool on) override;

  // The journal mode the file was found in before regfs switched it ("delete", "truncate",
  // ...), as remembered in regfs_meta; empty when none is remembered.
  Result<std::string> RememberedJournalMode();
  sqlite3* raw() { return db_; }

 protected:
  Result<std::unique_ptr<Statement>> PrepareImpl(std::string_view sql, bool persistent) override;

 private:
  SqliteDb(sqlite3* db, std::string path, bool read_only);
  // `name` is what SQLite opens (a path or a file: URI); `path` is the file.
  static Result<std::unique_ptr<SqliteDb>> OpenOnce(const std::string& name,
                                                    const std::string& path, const Options& opts,
                                                    int extra_flags);
  // A writable connection: remembers the mode the file is in and switches it to WAL.
  // Returns the mode to put back at the last close ("" for none).
  Result<std::string> UseWal();
  // Closes the connection; the last one of this process to the file puts back the mode the
  // file was found in.
  void CloseAndRestoreJournalMode();

  sqlite3* db_;
  std::string path_;
  bool read_only_;
  bool counted_ = false;  // registered in the process's table of open files
};

}  // namespace regfs
