// SqliteDb (core/sql/sqlite_db.h): statements and transactions through the SqlDb interface,
// and the journal mode a LaminDB file is left in.
#include "core/sql/sqlite_db.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <string>

namespace regfs {
namespace {

namespace fs = std::filesystem;

class SqliteDbTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "regfs-sqlitedb-XXXXXX").string();
    dir_ = mkdtemp(tmpl.data());
    path_ = dir_ + "/lamin.db";
    // A database as LaminDB leaves it: rollback journal.
    sqlite3* db = Plain();
    Run(db, "CREATE TABLE t (id INTEGER PRIMARY KEY, b bool, s TEXT)");
    sqlite3_close(db);
    ASSERT_EQ(Mode(), "delete");
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  // A connection of "another process": SQLite's default VFS, not known to SqliteDb.
  sqlite3* Plain() {
    sqlite3* db = nullptr;
    EXPECT_EQ(
        sqlite3_open_v2(path_.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr),
        SQLITE_OK);
    return db;
  }
  static std::string Query(sqlite3* db, const std::string& sql) {
    sqlite3_stmt* st = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr), SQLITE_OK) << sql;
    std::string out;
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
      out = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return out;
  }
  static void Run(sqlite3* db, const std::string& sql) {
    EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK) << sql;
  }
  // The mode recorded in the file's header, as any reader of the file sees it.
  std::string Mode() {
    sqlite3* db = Plain();
    std::string m = Query(db, "PRAGMA journal_mode");
    sqlite3_close(db);
    return m;
  }
  bool WalFileExists() { return fs::exists(path_ + "-wal"); }

  std::unique_ptr<SqliteDb> Open(bool read_only = false) {
    auto db = SqliteDb::Open(path_, {.read_only = read_only});
    EXPECT_TRUE(db.ok()) << db.status().ToString();
    return db.ok() ? std::move(*db) : nullptr;
  }

  std::string dir_, path_;
};

TEST_F(SqliteDbTest, BindsBooleansAndNullAndReturnsIds) {
  auto db = Open();
  ASSERT_TRUE(db);
  auto ins = db->Prepare("INSERT INTO t (b, s) VALUES (?1, ?2) RETURNING id");
  ASSERT_TRUE(ins.ok());
  (*ins)->Bind(1, true).Bind(2, "x");
  auto id1 = (*ins)->RunReturningId();
  ASSERT_TRUE(id1.ok()) << id1.status().ToString();
  (*ins)->Reset();
  (*ins)->Bind(1, false).Bind(2, std::nullopt);
  auto id2 = (*ins)->RunReturningId();
  ASSERT_TRUE(id2.ok());
  EXPECT_EQ(*id2, *id1 + 1);
  // Compared with TRUE, as PostgreSQL's booleans require.
  auto q = db->Cached("SELECT id, b, s FROM t WHERE b = TRUE");
  ASSERT_TRUE(q.ok());
  ASSERT_TRUE(*(*q)->Step());
  EXPECT_EQ((*q)->Int(0), *id1);
  EXPECT_TRUE((*q)->Bool(1));
  EXPECT_EQ((*q)->TextView(2), "x");
  EXPECT_FALSE(*(*q)->Step());
  auto n = db->Cached("SELECT s FROM t WHERE id = ?1");
  ASSERT_TRUE(n.ok());
  (*n)->Bind(1, *id2);
  ASSERT_TRUE(*(*n)->Step());
  EXPECT_TRUE((*n)->IsNull(0));
  EXPECT_FALSE((*n)->OptText(0).has_value());
  // RETURNING id is for an insert of one row: one of several cannot answer one id, and is
  // reported rather than answered with a wrong one.
  auto many = db->Prepare("INSERT INTO t (b, s) SELECT b, s FROM t RETURNING id");
  ASSERT_TRUE(many.ok());
  EXPECT_FALSE((*many)->RunReturningId().ok());
}

TEST_F(SqliteDbTest, TransactionsRollBackUnlessCommittedAndNestAsSavepoints) {
  auto db = Open();
  ASSERT_TRUE(db);
  {
    auto txn = Transaction::Begin(*db);
    ASSERT_TRUE(txn.ok());
    ASSERT_TRUE(db->Exec("INSERT INTO t (s) VALUES ('gone')").ok());
  }
  {
    auto outer = Transaction::Begin(*db);
    ASSERT_TRUE(outer.ok());
    ASSERT_TRUE(db->Exec("INSERT INTO t (s) VALUES ('kept')").ok());
    {
      auto inner = Transaction::Begin(*db);
      ASSERT_TRUE(inner.ok());
      EXPECT_TRUE((*inner)->nested());
      ASSERT_TRUE(db->Exec("INSERT INTO t (s) VALUES ('undone')").ok());
    }
    ASSERT_TRUE((*outer)->Commit().ok());
  }
  EXPECT_FALSE(db->InTransaction());
  sqlite3* other = Plain();
  EXPECT_EQ(Query(other, "SELECT group_concat(s) FROM t"), "kept");
  sqlite3_close(other);
}

TEST_F(SqliteDbTest, ChangeTokenMovesWithOtherConnectionsCommits) {
  auto db = Open();
  ASSERT_TRUE(db);
  auto t0 = db->ChangeToken();
  ASSERT_TRUE(t0.ok());
  ASSERT_TRUE(db->Exec("INSERT INTO t (s) VALUES ('own')").ok());
  auto t1 = db->ChangeToken();
  ASSERT_TRUE(t1.ok());
  EXPECT_EQ(*t0, *t1) << "its own commit";
  sqlite3* other = Plain();
  Run(other, "INSERT INTO t (s) VALUES ('other')");
  sqlite3_close(other);
  auto t2 = db->ChangeToken();
  ASSERT_TRUE(t2.ok());
  EXPECT_NE(*t1, *t2) << "another connection's commit";
}

TEST_F(SqliteDbTest, WalWhileOpenTheFoundModeAfterTheLastClose) {
  auto a = Open();
  ASSERT_TRUE(a);
  EXPECT_EQ(Mode(), "wal");
  auto remembered = a->RememberedJournalMode();
  ASSERT_TRUE(remembered.ok());
  EXPECT_EQ(*remembered, "delete");
  ASSERT_TRUE(a->Exec("INSERT INTO t (s) VALUES ('committed in WAL')").ok());
  auto b = Open();
  auto r = Open(/*read_only=*/true);
  ASSERT_TRUE(b && r);
  a.reset();
  EXPECT_EQ(Mode(), "wal") << "others of this process still have it open";
  b.reset();
  EXPECT_EQ(Mode(), "wal") << "a reader of this process still has it open";
  r.reset();  // the last one out is a reader: the mode goes back all the same
  EXPECT_EQ(Mode(), "delete");
  EXPECT_FALSE(WalFileExists());
  // A copy of the database file alone holds every commit.
  fs::copy_file(path_, dir_ + "/copy.db");
  sqlite3* copy = nullptr;
  ASSERT_EQ(sqlite3_open_v2((dir_ + "/copy.db").c_str(), &copy, SQLITE_OPEN_READONLY, nullptr),
            SQLITE_OK);
  EXPECT_EQ(Query(copy, "SELECT s FROM t"), "committed in WAL");
  sqlite3_close(copy);
}

TEST_F(SqliteDbTest, AnotherProcessHoldingTheFileKeepsItInWalWithoutWaiting) {
  auto a = Open();
  ASSERT_TRUE(a);
  sqlite3* other = Plain();  // as LaminDB next to regfs
  Query(other, "SELECT count(*) FROM t");
  auto start = std::chrono::steady_clock::now();
  a.reset();
  auto took = std::chrono::steady_clock::now() - start;
  EXPECT_LT(took, std::chrono::seconds(2)) << "the switch back waited for the other process";
  EXPECT_EQ(Mode(), "wal");
  sqlite3_close(other);
  // The next regfs to be the last one out puts it back.
  auto b = Open();
  ASSERT_TRUE(b);
  b.reset();
  EXPECT_EQ(Mode(), "delete");
}

TEST_F(SqliteDbTest, AFileACrashedRegfsLeftInWalIsPutBack) {
  {
    auto a = Open();  // remembers "delete"
    ASSERT_TRUE(a);
  }
  // What a crash leaves: the file in WAL (set here by another connection), the record kept.
  sqlite3* crashed = Plain();
  EXPECT_EQ(Query(crashed, "PRAGMA journal_mode = WAL"), "wal");
  sqlite3_close(crashed);
  ASSERT_EQ(Mode(), "wal");
  auto b = Open();
  ASSERT_TRUE(b);
  b.reset();
  EXPECT_EQ(Mode(), "delete");
}

TEST_F(SqliteDbTest, AFileThatWasInWalBeforeStaysInWal) {
  sqlite3* user = Plain();
  EXPECT_EQ(Query(user, "PRAGMA journal_mode = WAL"), "wal");
  sqlite3_close(user);
  auto a = Open();
  ASSERT_TRUE(a);
  auto remembered = a->RememberedJournalMode();
  ASSERT_TRUE(remembered.ok());
  EXPECT_EQ(*remembered, "");
  a.reset();
  EXPECT_EQ(Mode(), "wal");
}

TEST_F(SqliteDbTest, AReadOnlyOpenChangesNothing) {
  auto r = Open(/*read_only=*/true);
  ASSERT_TRUE(r);
  EXPECT_EQ(Mode(), "delete");
  r.reset();
  sqlite3* db = Plain();
  EXPECT_EQ(Query(db, "SELECT count(*) FROM sqlite_master WHERE name = 'regfs_meta'"), "0");
  sqlite3_close(db);
}

}  // namespace
}  // namespace regfs
