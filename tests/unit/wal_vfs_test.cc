// The WAL write-coalescing VFS (core/sql/wal_vfs.h): fewer writes, the same database.
#include "core/sql/wal_vfs.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <string>

#include "core/sql/sqlite_db.h"

namespace regfs {
namespace {

namespace fs = std::filesystem;

class WalVfsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("regfs-walvfs-" + std::to_string(getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    path_ = (dir_ / "t.db").string();
    auto c = SqliteDb::Open(path_, {.create = true});
    ASSERT_TRUE(c.ok()) << c.status().ToString();
    conn_ = std::move(*c);
    // A table with several indexes, so that one row dirties several pages.
    ASSERT_TRUE(
        conn_
            ->Exec("CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, b TEXT, c TEXT, d TEXT);"
                   "CREATE INDEX ta ON t(a); CREATE INDEX tb ON t(b);"
                   "CREATE INDEX tc ON t(c); CREATE INDEX td ON t(d);")
            .ok());
  }
  void TearDown() override {
    conn_.reset();
    fs::remove_all(dir_);
  }
  Status Insert(SqlDb& c, int i) {
    std::string v = "'" + std::to_string(i * 7919 % 10007) + std::string(200, 'x') + "'";
    return c.Exec("INSERT INTO t (id, a, b, c, d) VALUES (" + std::to_string(i) + ", " + v + ", " +
                  v + " || 'b', " + v + " || 'c', " + v + " || 'd')");
  }
  // A connection through SQLite's own default VFS: it reads the files as another process
  // would, never through this process's buffers.
  static sqlite3* OpenPlain(const std::string& path) {
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    return db;
  }
  static int64_t CountPlain(sqlite3* db) {
    sqlite3_stmt* st = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db, "SELECT count(*) FROM t", -1, &st, nullptr), SQLITE_OK);
    EXPECT_EQ(sqlite3_step(st), SQLITE_ROW);
    int64_t n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return n;
  }

  fs::path dir_;
  std::string path_;
  std::unique_ptr<SqliteDb> conn_;
};

TEST_F(WalVfsTest, IsInUse) {
  ASSERT_NE(WalCoalescingVfs(), nullptr);
  sqlite3_vfs* vfs = nullptr;
  ASSERT_EQ(sqlite3_file_control(conn_->raw(), "main", SQLITE_FCNTL_VFS_POINTER, &vfs), SQLITE_OK);
  ASSERT_NE(vfs, nullptr);
  EXPECT_STREQ(vfs->zName, WalCoalescingVfs());
}

TEST_F(WalVfsTest, OneCommitIsOneWrite) {
  ASSERT_TRUE(Insert(*conn_, 0).ok());  // the WAL exists from here on
  uint64_t before = WalVfsWritesForTest();
  for (int i = 1; i <= 50; ++i) ASSERT_TRUE(Insert(*conn_, i).ok());
  uint64_t writes = WalVfsWritesForTest() - before;
  // Each commit dirties the table and four index pages (ten writes without the VFS); an
  // automatic checkpoint may add a few more writes of the WAL header.
  EXPECT_GE(writes, 50u);
  EXPECT_LE(writes, 55u) << "commits were not written as one run each";
}

TEST_F(WalVfsTest, EveryCommitIsOnDiskForOtherReaders) {
  sqlite3* plain = OpenPlain(path_);
  for (int i = 1; i <= 200; ++i) {
    ASSERT_TRUE(Insert(*conn_, i).ok());
    ASSERT_EQ(CountPlain(plain), i) << "a reader through the file saw the commit incomplete";
  }
  sqlite3_close(plain);
}

TEST_F(WalVfsTest, SpilledAndRolledBackTransactionsLeaveTheDatabaseWhole) {
  // A tiny page cache makes SQLite write frames of an open transaction to the WAL before
  // its commit; the transaction is then rolled back and another one commits.
  ASSERT_TRUE(conn_->Exec("PRAGMA cache_size = 10").ok());
  ASSERT_TRUE(conn_->Exec("BEGIN").ok());
  for (int i = 1; i <= 2000; ++i) ASSERT_TRUE(Insert(*conn_, i).ok());
  ASSERT_TRUE(conn_->Exec("ROLLBACK").ok());
  ASSERT_TRUE(conn_->Exec("BEGIN").ok());
  for (int i = 5000; i < 5300; ++i) ASSERT_TRUE(Insert(*conn_, i).ok());
  ASSERT_TRUE(conn_->Exec("COMMIT").ok());
  sqlite3* plain = OpenPlain(path_);
  EXPECT_EQ(CountPlain(plain), 300);
  sqlite3_stmt* st = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(plain, "PRAGMA integrity_check", -1, &st, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)), "ok");
  sqlite3_finalize(st);
  sqlite3_close(plain);
  // And after a checkpoint (which reads the WAL back) everything is in the database file.
  ASSERT_TRUE(conn_->Exec("PRAGMA wal_checkpoint(TRUNCATE)").ok());
  conn_.reset();
  plain = OpenPlain(path_);
  EXPECT_EQ(CountPlain(plain), 300);
  sqlite3_close(plain);
}

}  // namespace
}  // namespace regfs
