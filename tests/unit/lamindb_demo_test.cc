// Agreement with the real LaminDB, row by row: the instances LaminDB 2.9.1 and 0.73.0 made
// themselves (fixtures/lamindb-2.9-sqlite-demo, lamindb-0.73-sqlite-demo), changed through
// the registry, must hold the rows LaminDB itself writes for the same steps (fixtures/README.md
// "What the demo instance holds, and what LaminDB wrote at each step"), except where SPEC.md
// says "deliberate".
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/hash.h"
#include "core/registry/instance.h"
#include "core/registry/registry.h"
#include "core/storage/local_store.h"
#include "tests/unit/test_files.h"

namespace regfs {
namespace {

namespace fs = std::filesystem;
using test_files::Fixture;
using test_files::ReadAll;

// Reads the database as another process would: SQLite's own VFS, read-only.
class Db {
 public:
  explicit Db(const std::string& path) {
    EXPECT_EQ(sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr), SQLITE_OK);
    sqlite3_busy_timeout(db_, 5000);
  }
  ~Db() { sqlite3_close(db_); }
  // Every row of `sql` as "a|b|c" (NULL as "NULL"), one string per row.
  std::vector<std::string> Rows(const std::string& sql) {
    std::vector<std::string> out;
    sqlite3_stmt* st = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db_, sql.c_str(), -1, &st, nullptr), SQLITE_OK)
        << sql << ": " << sqlite3_errmsg(db_);
    while (st && sqlite3_step(st) == SQLITE_ROW) {
      std::string row;
      for (int c = 0; c < sqlite3_column_count(st); ++c) {
        if (c) row += '|';
        const unsigned char* t = sqlite3_column_text(st, c);
        row += t ? reinterpret_cast<const char*>(t) : "NULL";
      }
      out.push_back(row);
    }
    sqlite3_finalize(st);
    return out;
  }
  std::string One(const std::string& sql) {
    auto rows = Rows(sql);
    EXPECT_EQ(rows.size(), 1u) << sql;
    return rows.empty() ? "" : rows.front();
  }
  void Exec(const std::string& sql) {
    EXPECT_EQ(sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK)
        << sql << ": " << sqlite3_errmsg(db_);
  }

 private:
  sqlite3* db_ = nullptr;
};

// The demo instance unpacked into a temp dir, its storage root set to it (fixtures/README.md
// "Using them in a test").
class DemoInstance {
 public:
  DemoInstance(const std::string& tarball, const std::string& db_file,
               const std::string& storage_table) {
    std::string tmpl = (fs::temp_directory_path() / "regfs-demo-XXXXXX").string();
    dir_ = mkdtemp(tmpl.data());
    root_ = fs::canonical(dir_).string() + "/lamindemo";
    fs::create_directories(root_);
    std::string cmd = "tar xzf '" + Fixture(tarball) + "' -C '" + root_ + "'";
    EXPECT_EQ(std::system(cmd.c_str()), 0) << cmd;
    db_path_ = root_ + "/" + db_file;
    Db(db_path_).Exec("UPDATE " + storage_table + " SET root = '" + root_ + "' WHERE id = 1");
  }
  ~DemoInstance() {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  const std::string& root() const { return root_; }
  const std::string& db_path() const { return db_path_; }

 private:
  std::string dir_, root_, db_path_;
};

class Demo : public ::testing::Test {
 protected:
  void Open(const std::string& tarball, const std::string& db_file, const std::string& prefix) {
    demo_ = std::make_unique<DemoInstance>(tarball, db_file, prefix + "storage");
    art_ = prefix + "artifact";
    auto info = OpenInstance(demo_->root(), false);
    ASSERT_TRUE(info.ok()) << info.status().ToString();
    info_ = *info;
    auto reg = Registry::Open(info_);
    ASSERT_TRUE(reg.ok()) << reg.status().ToString();
    reg_ = std::move(*reg);
  }
  void Close() {
    reg_.reset();
    info_.reset();
  }
  Db Sql() { return Db(demo_->db_path()); }

  Artifact ByUid(const std::string& uid) {
    auto a = reg_->ArtifactByUid(uid);
    EXPECT_TRUE(a.ok() && a->has_value()) << uid;
    return a.ok() && a->has_value() ? **a : Artifact{};
  }
  Result<SaveOutcome> Save(const std::string& content, std::optional<std::string> key,
                           const std::string& source_name = "file.txt") {
    int fd = -1;
    auto path = info_->storage->CreateStaging(&fd);
    EXPECT_TRUE(path.ok());
    EXPECT_EQ(write(fd, content.data(), content.size()), static_cast<ssize_t>(content.size()));
    close(fd);
    SaveRequest req;
    req.key = key;
    req.suffix = SuffixOf(key ? *key : source_name);
    req.source_name = source_name;
    return reg_->Save(StagedContent{*path, HashBytes(content)}, req);
  }
  // The columns of a row that do not name or date it: what LaminDB wrote for any artifact
  // of the same kind.
  std::string Shape(Db& db, const std::string& uid) {
    return db.One(
        "SELECT version_tag, is_locked, quote(_aux), _real_key, suffix, kind, otype, n_files, "
        "n_observations, _hash_type, _key_is_virtual, _overwrite_versions, branch_id, "
        "created_on_id, run_id, schema_id, space_id, storage_id, created_by_id, extra_data "
        "FROM lamindb_artifact WHERE uid = '" +
        uid + "'");
  }

  std::unique_ptr<DemoInstance> demo_;
  std::string art_;
  std::shared_ptr<const InstanceInfo> info_;
  std::unique_ptr<Registry> reg_;
};

// ------------------------------------------------------------------------- LaminDB 2.9.1

TEST_F(Demo, Lamin29InstanceIsCleanForFsck) {
  ASSERT_NO_FATAL_FAILURE(Open("lamindb-2.9-sqlite-demo.tar.gz", ".lamindb/lamin.db", "lamindb_"));
  ASSERT_TRUE(fs::exists(demo_->root() + "/.lamindb/storage_uid.txt"));
  auto rep = reg_->Fsck(false);
  ASSERT_TRUE(rep.ok()) << rep.status().ToString();
  EXPECT_TRUE(rep->clean()) << (rep->orphan_files.empty() ? "" : rep->orphan_files.front())
                            << (rep->missing_files.empty() ? "" : rep->missing_files.front());
}

TEST_F(Demo, Lamin29NewVersionWritesWhatLaminDBWrites) {
  ASSERT_NO_FATAL_FAILURE(Open("lamindb-2.9-sqlite-demo.tar.gz", ".lamindb/lamin.db", "lamindb_"));
  Db db = Sql();
  // LaminDB's own second version of data/v.txt (no version_tag), before anything changes.
  std::string laminDB_version = Shape(db, "E5AC8P3pW4YIP3ho0001");
  std::string head_before = db.One("SELECT * FROM lamindb_artifact WHERE id = 6");

  auto v4 = Save("version four\n", std::string("data/v.txt"));
  ASSERT_TRUE(v4.ok()) << v4.status().ToString();
  EXPECT_EQ(v4->kind, SaveOutcome::kNewVersion);
  // The next suffix after the family's highest, as LaminDB 2.9.1 gave it ("…0003").
  EXPECT_EQ(v4->artifact.uid, "E5AC8P3pW4YIP3ho0003");
  EXPECT_EQ(Shape(db, v4->artifact.uid), laminDB_version)
      << "every column but name, content and dates as LaminDB writes them (version_tag and "
         "_aux NULL)";
  EXPECT_EQ(db.One("SELECT typeof(_aux), is_latest FROM lamindb_artifact WHERE uid = '" +
                   v4->artifact.uid + "'"),
            "null|1");
  // The previous head: only is_latest changed (its version_tag "3" and updated_at stay).
  std::string head_after = db.One("SELECT * FROM lamindb_artifact WHERE id = 6");
  std::string want = head_before;
  ASSERT_EQ(want.substr(0, 4), "3|1|");
  want[2] = '0';
  EXPECT_EQ(head_after, want);
  EXPECT_EQ(db.One("SELECT count(*) FROM lamindb_artifact WHERE key = 'data/v.txt' AND "
                   "branch_id = 1 AND is_latest"),
            "1");
}

TEST_F(Demo, Lamin29ATableGetsItsOtypeAsLaminDBGivesIt) {
  ASSERT_NO_FATAL_FAILURE(Open("lamindb-2.9-sqlite-demo.tar.gz", ".lamindb/lamin.db", "lamindb_"));
  Db db = Sql();
  auto t = Save("a,b\n1,2\n", std::string("tables/u.csv"));
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(Shape(db, t->artifact.uid), Shape(db, "ejTU2P8l08pMfaV70000"))
      << "the same columns as LaminDB's own tables/t.csv, otype DataFrame included";
  auto keyless = Save("keyless table\n", std::nullopt, "plain.csv");
  ASSERT_TRUE(keyless.ok());
  EXPECT_EQ(
      db.One("SELECT otype, key FROM lamindb_artifact WHERE uid = '" + keyless->artifact.uid + "'"),
      "DataFrame|NULL");
}

TEST_F(Demo, Lamin29TrashAndRestoreKeepTheOnlyVersionLatest) {
  ASSERT_NO_FATAL_FAILURE(Open("lamindb-2.9-sqlite-demo.tar.gz", ".lamindb/lamin.db", "lamindb_"));
  Db db = Sql();
  Artifact f1 = ByUid("1QNjg3m2ib8oS35n0000");  // data/f1.txt, one version
  ASSERT_TRUE(reg_->Trash(f1.id).ok());
  // As LaminDB's own trashed data/trashme.txt: branch -1, is_latest stays 1.
  EXPECT_EQ(db.One("SELECT branch_id, is_latest FROM lamindb_artifact WHERE id = " +
                   std::to_string(f1.id)),
            db.One("SELECT branch_id, is_latest FROM lamindb_artifact WHERE id = 10"));
  ASSERT_TRUE(reg_->Restore(f1.id).ok());
  // As LaminDB's own restored data/restoreme.txt: branch 1, is_latest 1.
  EXPECT_EQ(db.One("SELECT branch_id, is_latest FROM lamindb_artifact WHERE id = " +
                   std::to_string(f1.id)),
            db.One("SELECT branch_id, is_latest FROM lamindb_artifact WHERE id = 12"));
  // LaminDB can make a new version of it afterwards: there is a latest to demote.
  auto v2 = Save("alpha two\n", std::string("data/f1.txt"));
  ASSERT_TRUE(v2.ok()) << v2.status().ToString();
  EXPECT_EQ(db.One("SELECT group_concat(is_latest, '') FROM (SELECT is_latest FROM "
                   "lamindb_artifact WHERE key = 'data/f1.txt' ORDER BY id)"),
            "01");
}

TEST_F(Demo, Lamin29TrashingTheHeadPromotesTheNewestRemaining) {
  ASSERT_NO_FATAL_FAILURE(Open("lamindb-2.9-sqlite-demo.tar.gz", ".lamindb/lamin.db", "lamindb_"));
  Db db = Sql();
  Artifact head = ByUid("E5AC8P3pW4YIP3ho0002");
  ASSERT_TRUE(reg_->Trash(head.id).ok());
  // LaminDB's rule: the newest remaining version on the branch (created_at, then id) takes
  // is_latest; the trashed row gets 0.
  EXPECT_EQ(db.Rows("SELECT uid, branch_id, is_latest FROM lamindb_artifact WHERE key = "
                    "'data/v.txt' ORDER BY id"),
            (std::vector<std::string>{"E5AC8P3pW4YIP3ho0000|1|0", "E5AC8P3pW4YIP3ho0001|1|1",
                                      "E5AC8P3pW4YIP3ho0002|-1|0"}));
  // Restoring the newer version takes is_latest back (deliberate: LaminDB 2.9 leaves the
  // older one the head); one head per family and branch either way.
  ASSERT_TRUE(reg_->Restore(head.id).ok());
  EXPECT_EQ(db.Rows("SELECT uid, branch_id, is_latest FROM lamindb_artifact WHERE key = "
                    "'data/v.txt' ORDER BY id"),
            (std::vector<std::string>{"E5AC8P3pW4YIP3ho0000|1|0", "E5AC8P3pW4YIP3ho0001|1|0",
                                      "E5AC8P3pW4YIP3ho0002|1|1"}));
}

TEST_F(Demo, Lamin29RekeyToAnotherSuffixRenamesTheStoredFile) {
  ASSERT_NO_FATAL_FAILURE(Open("lamindb-2.9-sqlite-demo.tar.gz", ".lamindb/lamin.db", "lamindb_"));
  Db db = Sql();
  const std::string uid = "ejTU2P8l08pMfaV70000";
  const std::string before =
      db.One("SELECT updated_at FROM lamindb_artifact WHERE uid = '" + uid + "'");
  std::string old_file = demo_->root() + "/.lamindb/" + uid + ".csv";
  std::string new_file = demo_->root() + "/.lamindb/" + uid + ".tsv";
  int reader = open(old_file.c_str(), O_RDONLY);
  ASSERT_GE(reader, 0);
  ASSERT_TRUE(reg_->Rekey(ByUid(uid).id, "tables/t.tsv").ok());
  EXPECT_EQ(
      db.One("SELECT key, suffix, updated_at FROM lamindb_artifact WHERE uid = '" + uid + "'"),
      "tables/t.tsv|.tsv|" + before)
      << "the suffix follows the key; a key edit leaves updated_at (as LaminDB)";
  EXPECT_TRUE(fs::exists(new_file));
  EXPECT_FALSE(fs::exists(old_file));
  EXPECT_EQ(ReadAll(new_file), "x,y\n1,2\n3,4\n");
  char buf[32] = {};
  EXPECT_EQ(pread(reader, buf, sizeof buf, 0), 12) << "a reader of the old name keeps reading";
  EXPECT_EQ(std::string(buf, 12), "x,y\n1,2\n3,4\n");
  close(reader);
  EXPECT_EQ(db.One("SELECT count(*) FROM regfs_pending"), "0");
  auto rep = reg_->Fsck(false);
  ASSERT_TRUE(rep.ok());
  EXPECT_TRUE(rep->clean());
}

TEST_F(Demo, Lamin29KeylessContentAlreadyRegisteredReturnsThatRecord) {
  ASSERT_NO_FATAL_FAILURE(Open("lamindb-2.9-sqlite-demo.tar.gz", ".lamindb/lamin.db", "lamindb_"));
  Db db = Sql();
  const std::string uid = "DH3owgz0X4kKPcic0000";  // "no key here\n", key NULL
  auto again = Save("no key here\n", std::nullopt, "nokey.txt");
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(again->kind, SaveOutcome::kUnchanged);
  EXPECT_EQ(again->artifact.uid, uid);
  // Trashed, it comes back from the trash (LaminDB 2.9: "restored artifact with same hash
  // from trash"); the unique index on (storage, hash) where the key is NULL never fires.
  ASSERT_TRUE(reg_->Trash(ByUid(uid).id).ok());
  auto restored = Save("no key here\n", std::nullopt, "nokey.txt");
  ASSERT_TRUE(restored.ok()) << restored.status().ToString();
  EXPECT_EQ(restored->artifact.uid, uid);
  EXPECT_EQ(db.One("SELECT branch_id, is_latest FROM lamindb_artifact WHERE uid = '" + uid + "'"),
            "1|1");
  EXPECT_EQ(db.One("SELECT count(*) FROM lamindb_artifact WHERE key IS NULL"), "1");
}

TEST_F(Demo, Lamin29FileIsLeftInRollbackJournalMode) {
  ASSERT_NO_FATAL_FAILURE(Open("lamindb-2.9-sqlite-demo.tar.gz", ".lamindb/lamin.db", "lamindb_"));
  ASSERT_TRUE(Save("new content\n", std::string("data/new.txt")).ok());
  EXPECT_EQ(Sql().One("PRAGMA journal_mode"), "wal") << "WAL while regfs has it open";
  Close();
  Db db = Sql();
  EXPECT_EQ(db.One("PRAGMA journal_mode"), "delete");
  EXPECT_FALSE(fs::exists(demo_->db_path() + "-wal"));
  EXPECT_EQ(db.One("PRAGMA integrity_check"), "ok");
  EXPECT_TRUE(db.Rows("PRAGMA foreign_key_check").empty());
  EXPECT_EQ(db.One("SELECT count(*) FROM lamindb_artifact WHERE key = 'data/new.txt'"), "1");
}

TEST_F(Demo, Lamin29PurgeDeletesRowLinksAndFile) {
  ASSERT_NO_FATAL_FAILURE(Open("lamindb-2.9-sqlite-demo.tar.gz", ".lamindb/lamin.db", "lamindb_"));
  Db db = Sql();
  Artifact t = ByUid("Pdicg0xXs0wSUCL00000");  // trashed by LaminDB
  std::string file = demo_->root() + "/.lamindb/Pdicg0xXs0wSUCL00000.txt";
  ASSERT_TRUE(fs::exists(file));
  auto out = reg_->Purge(t.id);
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(out->deleted_path, file);
  EXPECT_FALSE(fs::exists(file));
  EXPECT_EQ(db.One("SELECT count(*) FROM lamindb_artifact WHERE id = " + std::to_string(t.id)),
            "0");
  // A collection member is protected, as LaminDB's PROTECT foreign key would refuse it.
  Artifact c1 = ByUid("vsL2ZQVCtkXcpatj0000");
  ASSERT_TRUE(reg_->Trash(c1.id).ok());
  EXPECT_EQ(reg_->Purge(c1.id).status().code(), Status::Code::kPermission);
  EXPECT_TRUE(db.Rows("PRAGMA foreign_key_check").empty());
}

// ------------------------------------------------------------------------- LaminDB 0.73.0

TEST_F(Demo, Lamin073InstanceIsCleanForFsck) {
  ASSERT_NO_FATAL_FAILURE(Open("lamindb-0.73-sqlite-demo.tar.gz",
                               "0088f8a3dd1b5657a48d24591fc09add.lndb", "lnschema_core_"));
  auto rep = reg_->Fsck(false);
  ASSERT_TRUE(rep.ok()) << rep.status().ToString();
  EXPECT_TRUE(rep->clean());
}

TEST_F(Demo, Lamin073NewVersionIsLabelledAsLaminDBLabelsIt) {
  ASSERT_NO_FATAL_FAILURE(Open("lamindb-0.73-sqlite-demo.tar.gz",
                               "0088f8a3dd1b5657a48d24591fc09add.lndb", "lnschema_core_"));
  Db db = Sql();
  auto shape = [&](const std::string& uid) {
    return db.One(
        "SELECT suffix, accessor, n_objects, n_observations, hash_type, visibility, "
        "key_is_virtual, run_id, storage_id, transform_id, created_by_id FROM "
        "lnschema_core_artifact WHERE uid = '" +
        uid + "'");
  };
  auto v4 = Save("version four\n", std::string("data/v.txt"));
  ASSERT_TRUE(v4.ok()) << v4.status().ToString();
  EXPECT_EQ(v4->kind, SaveOutcome::kNewVersion);
  EXPECT_EQ(v4->artifact.uid.substr(0, 16), "17hBcwSgI9A5tdLk") << "the family's stem";
  // LaminDB 0.73.0 gave its fourth version the label "4" (fixtures/README.md).
  EXPECT_EQ(
      db.One("SELECT version FROM lnschema_core_artifact WHERE uid = '" + v4->artifact.uid + "'"),
      "4");
  EXPECT_EQ(shape(v4->artifact.uid), shape("17hBcwSgI9A5tdLk2Xna"));
  // The newest created_at is the latest (0.73 has no is_latest).
  auto shown = reg_->ArtifactsByKey("data/v.txt", kStateVisible);
  ASSERT_TRUE(shown.ok() && !shown->empty());
  EXPECT_EQ(shown->front().uid, v4->artifact.uid);
  // The CSV keeps accessor NULL, as 0.73 leaves it.
  auto t = Save("a,b\n", std::string("tables/u.csv"));
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(shape(t->artifact.uid), shape("fdq7F7c2EuyyVp5tqO9w"));
}

TEST_F(Demo, Lamin073TrashAndRestoreSetVisibilityAndUpdatedAt) {
  ASSERT_NO_FATAL_FAILURE(Open("lamindb-0.73-sqlite-demo.tar.gz",
                               "0088f8a3dd1b5657a48d24591fc09add.lndb", "lnschema_core_"));
  {
    Db db = Sql();
    Artifact f1 = ByUid("VO2vPuSn237Mnv6tjPvZ");
    ASSERT_TRUE(reg_->Trash(f1.id).ok());
    EXPECT_EQ(
        db.One("SELECT visibility FROM lnschema_core_artifact WHERE id = " + std::to_string(f1.id)),
        "-1");
    ASSERT_TRUE(reg_->Restore(f1.id).ok());
    auto row = db.One("SELECT visibility, updated_at > '" + f1.updated_at +
                      "' FROM lnschema_core_artifact WHERE id = " + std::to_string(f1.id));
    EXPECT_EQ(row, "1|1") << "0.73 maintains updated_at on every save, as LaminDB 0.73 does";
  }
  Close();  // the last connection: the file goes back to rollback-journal mode
  EXPECT_EQ(Sql().One("PRAGMA journal_mode"), "delete");
}

}  // namespace
}  // namespace regfs
