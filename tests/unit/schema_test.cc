// Layout detection on LaminDB's real schemas and on made-up ones, and the tables regfs
// creates itself.
#include "core/registry/schema.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "core/registry/instance.h"
#include "core/sql/sqlite_db.h"
#include "tests/unit/test_files.h"

namespace regfs {
namespace {

namespace fs = std::filesystem;
using test_files::Fixture;
using test_files::ReadAll;

class SchemaTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "regfs-schema-XXXXXX").string();
    dir_ = mkdtemp(tmpl.data());
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  // A new database file in the temp dir, with `sql` run in it.
  std::unique_ptr<SqliteDb> Db(const std::string& name, const std::string& sql = "") {
    auto c = SqliteDb::Open(dir_ + "/" + name, {.read_only = false, .create = true});
    EXPECT_TRUE(c.ok()) << c.status().ToString();
    if (!c.ok()) return nullptr;
    if (!sql.empty()) {
      Status st = (*c)->Exec(sql);
      EXPECT_TRUE(st.ok()) << st.ToString();
    }
    return std::move(*c);
  }

  std::unique_ptr<SqliteDb> V26() {
    std::string path = dir_ + "/v26.db";
    std::string cmd = "gunzip -c '" + Fixture("lamindb-2.6-empty.db.gz") + "' > '" + path + "'";
    EXPECT_EQ(std::system(cmd.c_str()), 0) << cmd;
    auto c = SqliteDb::Open(path, {});
    EXPECT_TRUE(c.ok()) << c.status().ToString();
    return c.ok() ? std::move(*c) : nullptr;
  }

  static std::map<std::string, std::string> Objects(SqlDb& c) {
    std::map<std::string, std::string> out;
    auto st = c.Prepare(
        "SELECT name, coalesce(sql, '') FROM sqlite_master "
        "WHERE name NOT LIKE 'sqlite_%'");
    EXPECT_TRUE(st.ok());
    while (st.ok() && *(*st)->Step()) out[(*st)->Text(0)] = (*st)->Text(1);
    return out;
  }

  std::string dir_;
};

bool HasRef(const std::vector<Schema::Ref>& refs, const std::string& table,
            const std::string& column, bool not_null) {
  return std::any_of(refs.begin(), refs.end(), [&](const Schema::Ref& r) {
    return r.table == table && r.column == column && r.not_null == not_null;
  });
}

bool HasRefTo(const std::vector<Schema::Ref>& refs, const std::string& table,
              const std::string& column) {
  return HasRef(refs, table, column, true) || HasRef(refs, table, column, false);
}

TEST_F(SchemaTest, Detects073FromItsMigrations) {
  auto c = Db("v073.db", ReadAll(Fixture("lamindb-0.73-schema.sql")));
  ASSERT_TRUE(c);
  auto s = DetectSchema(*c);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->layout, Layout::kV07);
  EXPECT_EQ(s->artifact, "lnschema_core_artifact");
  EXPECT_EQ(s->collection, "lnschema_core_collection");
  EXPECT_EQ(s->collection_artifact, "lnschema_core_collectionartifact");
  EXPECT_EQ(s->storage, "lnschema_core_storage");
  EXPECT_EQ(s->user, "lnschema_core_user");
  EXPECT_EQ(s->state_col, "visibility");
  EXPECT_EQ(s->key_virtual_col, "key_is_virtual");
  EXPECT_EQ(s->real_key_col, "");
  EXPECT_EQ(s->n_objects_col, "n_objects");
  EXPECT_EQ(s->folder_flag_col, "");
  EXPECT_EQ(s->version_col, "version");
  EXPECT_EQ(s->hash_type_col, "hash_type");
  EXPECT_EQ(s->accessor_col, "accessor");
  EXPECT_EQ(s->transform_col, "transform_id");
  EXPECT_FALSE(s->artifact_has_is_latest);
  EXPECT_EQ(s->collection_name_col, "name");
  EXPECT_EQ(s->collection_state_col, "visibility");
  EXPECT_EQ(s->collection_version_col, "version");
  EXPECT_EQ(s->collection_meta_col, "artifact_id");
  EXPECT_FALSE(s->collection_has_is_latest);
  EXPECT_TRUE(s->HasArtifactColumn("n_observations"));
  EXPECT_FALSE(s->HasArtifactColumn("is_latest"));

  // Link tables die with the artifact; nullable references protect it.
  EXPECT_TRUE(HasRef(s->artifact_refs, "lnschema_core_artifact_input_of", "artifact_id", true));
  EXPECT_TRUE(HasRef(s->artifact_refs, "lnschema_core_artifactulabel", "artifact_id", true));
  EXPECT_TRUE(HasRef(s->artifact_refs, "lnschema_core_transform", "latest_report_id", false));
  EXPECT_TRUE(HasRef(s->artifact_refs, "lnschema_core_run", "report_id", false));
  // Membership and the meta artifact are rules of their own.
  EXPECT_FALSE(HasRefTo(s->artifact_refs, "lnschema_core_collectionartifact", "artifact_id"));
  EXPECT_FALSE(HasRefTo(s->artifact_refs, "lnschema_core_collection", "artifact_id"));
  EXPECT_TRUE(HasRef(s->collection_refs, "lnschema_core_collectionulabel", "collection_id", true));
  EXPECT_FALSE(HasRefTo(s->collection_refs, "lnschema_core_collectionartifact", "collection_id"));
}

TEST_F(SchemaTest, DetectsNewestLaminDB) {
  auto c = Db("v210.db", ReadAll(Fixture("lamindb-2.10-schema.sql")));
  ASSERT_TRUE(c);
  auto s = DetectSchema(*c);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->layout, Layout::kV1);
  EXPECT_EQ(s->artifact, "lamindb_artifact");
  EXPECT_EQ(s->state_col, "branch_id");
  EXPECT_EQ(s->key_virtual_col, "_key_is_virtual");
  EXPECT_EQ(s->real_key_col, "_real_key");
  EXPECT_EQ(s->n_objects_col, "n_files");
  EXPECT_EQ(s->folder_flag_col, "_overwrite_versions");
  EXPECT_EQ(s->version_col, "version_tag");
  EXPECT_EQ(s->hash_type_col, "_hash_type");
  EXPECT_EQ(s->accessor_col, "otype");
  EXPECT_EQ(s->transform_col, "");
  EXPECT_TRUE(s->artifact_has_is_latest);
  EXPECT_EQ(s->collection_name_col, "key");
  EXPECT_EQ(s->collection_state_col, "branch_id");
  EXPECT_EQ(s->collection_version_col, "version_tag");
  EXPECT_EQ(s->collection_meta_col, "meta_artifact_id");
  EXPECT_TRUE(s->collection_has_is_latest);
  EXPECT_TRUE(HasRef(s->artifact_refs, "lamindb_artifact__actions", "from_artifact_id", true));
  EXPECT_TRUE(HasRef(s->artifact_refs, "lamindb_artifact__actions", "to_artifact_id", true));
  EXPECT_TRUE(HasRef(s->artifact_refs, "lamindb_run", "report_id", false));
  EXPECT_FALSE(HasRefTo(s->artifact_refs, "lamindb_collection", "meta_artifact_id"));
  EXPECT_FALSE(HasRefTo(s->artifact_refs, "lamindb_collectionartifact", "artifact_id"));
  for (const auto& r : s->artifact_refs) EXPECT_NE(r.table, "lamindb_artifact");
}

TEST_F(SchemaTest, DetectsTheShipped26Database) {
  auto c = V26();
  ASSERT_TRUE(c);
  auto s = DetectSchema(*c);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->layout, Layout::kV1);
  EXPECT_EQ(s->state_col, "branch_id");
  // Optional modules' tables count too.
  EXPECT_TRUE(HasRef(s->artifact_refs, "bionty_artifactgene", "artifact_id", true));
  EXPECT_TRUE(HasRef(s->artifact_refs, "bionty_source", "dataframe_artifact_id", false));
}

TEST_F(SchemaTest, DetectsBranchCode) {
  // LaminDB 1.x before `branch_id`: the state column was `_branch_code`.
  auto c = Db("v1x.db",
              "CREATE TABLE lamindb_user (id integer PRIMARY KEY, uid varchar(8), handle text);"
              "CREATE TABLE lamindb_storage (id integer PRIMARY KEY, uid text, root text);"
              "CREATE TABLE lamindb_artifact (id integer PRIMARY KEY, uid text, key text, "
              "suffix text, hash text, size bigint, storage_id integer, created_by_id integer, "
              "created_at datetime, updated_at datetime, _branch_code smallint, "
              "_key_is_virtual bool, n_files bigint, version text, _hash_type text, "
              "is_latest bool, _overwrite_versions bool);"
              "CREATE TABLE lamindb_collection (id integer PRIMARY KEY, uid text, key text, "
              "_branch_code smallint, meta_artifact_id integer REFERENCES lamindb_artifact (id),"
              " created_at datetime, updated_at datetime);"
              "CREATE TABLE lamindb_collectionartifact (id integer PRIMARY KEY, "
              "artifact_id integer NOT NULL REFERENCES lamindb_artifact (id), "
              "collection_id integer NOT NULL REFERENCES lamindb_collection (id));");
  ASSERT_TRUE(c);
  auto s = DetectSchema(*c);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->layout, Layout::kV1);
  EXPECT_EQ(s->state_col, "_branch_code");
  EXPECT_EQ(s->collection_state_col, "_branch_code");
  EXPECT_EQ(s->version_col, "version");
  EXPECT_EQ(s->accessor_col, "");
  EXPECT_TRUE(s->artifact_refs.empty());
  EXPECT_TRUE(s->collection_refs.empty());
}

TEST_F(SchemaTest, UnknownLayoutsAreUnsupported) {
  auto empty = Db("empty.db");
  ASSERT_TRUE(empty);
  auto s0 = DetectSchema(*empty);
  ASSERT_FALSE(s0.ok());
  EXPECT_EQ(s0.status().code(), Status::Code::kUnsupported);
  EXPECT_NE(s0.status().message().find("unknown LaminDB layout"), std::string::npos);

  // A newer LaminDB whose artifact table has a state column this build does not know.
  auto future = Db("future.db",
                   "CREATE TABLE lamindb_user (id integer PRIMARY KEY);"
                   "CREATE TABLE lamindb_storage (id integer PRIMARY KEY);"
                   "CREATE TABLE lamindb_collection (id integer PRIMARY KEY);"
                   "CREATE TABLE lamindb_collectionartifact (id integer PRIMARY KEY);"
                   "CREATE TABLE lamindb_artifact (id integer PRIMARY KEY, uid text, key text, "
                   "lifecycle_state smallint)");
  ASSERT_TRUE(future);
  auto s1 = DetectSchema(*future);
  ASSERT_FALSE(s1.ok());
  EXPECT_EQ(s1.status().code(), Status::Code::kUnsupported);
  EXPECT_NE(s1.status().message().find("unknown LaminDB layout"), std::string::npos);
  EXPECT_NE(s1.status().message().find("lifecycle_state"), std::string::npos)
      << "says what it found: " << s1.status().message();

  auto old = Db("old.db",
                "CREATE TABLE lnschema_core_artifact (id integer PRIMARY KEY, uid text);"
                "CREATE TABLE lnschema_core_collection (id integer PRIMARY KEY);"
                "CREATE TABLE lnschema_core_collectionartifact (id integer PRIMARY KEY);"
                "CREATE TABLE lnschema_core_storage (id integer PRIMARY KEY);"
                "CREATE TABLE lnschema_core_user (id integer PRIMARY KEY);");
  ASSERT_TRUE(old);
  auto s2 = DetectSchema(*old);
  ASSERT_FALSE(s2.ok());
  EXPECT_EQ(s2.status().code(), Status::Code::kUnsupported);
}

TEST_F(SchemaTest, UnknownLayoutIsNotWritten) {
  // OpenInstance on such a database fails before regfs creates anything in it.
  std::string root = dir_ + "/inst";
  fs::create_directories(root + "/.lamindb");
  {
    auto c = SqliteDb::Open(root + "/.lamindb/lamin.db", {.read_only = false, .create = true});
    ASSERT_TRUE(c.ok());
    ASSERT_TRUE(
        (*c)->Exec("CREATE TABLE lamindb_artifact (id integer PRIMARY KEY, key text)").ok());
  }
  std::string before = ReadAll(root + "/.lamindb/lamin.db");
  auto info = OpenInstance(root, false);
  ASSERT_FALSE(info.ok());
  EXPECT_EQ(info.status().code(), Status::Code::kUnsupported);
  EXPECT_EQ(ReadAll(root + "/.lamindb/lamin.db"), before) << "not one byte changed";
  auto c = SqliteDb::Open(root + "/.lamindb/lamin.db", {.read_only = true});
  ASSERT_TRUE(c.ok());
  auto objects = Objects(**c);
  EXPECT_EQ(objects.count("regfs_pending"), 0u);
  EXPECT_EQ(objects.count("regfs_artifact_key_idx"), 0u);
}

TEST_F(SchemaTest, NotADatabaseIsCorrupt) {
  std::string root = dir_ + "/inst";
  fs::create_directories(root + "/.lamindb");
  {
    std::ofstream out(root + "/.lamindb/lamin.db", std::ios::binary);
    for (int i = 0; i < 512; ++i) out << "this is not an SQLite database. ";
  }
  auto c = SqliteDb::Open(root + "/.lamindb/lamin.db", {.read_only = true});
  if (c.ok()) {
    auto s = DetectSchema(**c);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.status().code(), Status::Code::kCorrupt);
  } else {
    EXPECT_EQ(c.status().code(), Status::Code::kCorrupt);
  }
  auto info = OpenInstance(root, false);
  ASSERT_FALSE(info.ok());
  EXPECT_EQ(info.status().code(), Status::Code::kCorrupt) << info.status().ToString();
}

TEST_F(SchemaTest, EnsureRegfsObjectsIsIdempotentAndPrefixed) {
  auto c = V26();
  ASSERT_TRUE(c);
  auto s = DetectSchema(*c);
  ASSERT_TRUE(s.ok());
  auto before = Objects(*c);
  ASSERT_TRUE(EnsureRegfsObjects(*c, *s).ok());
  ASSERT_TRUE(EnsureRegfsObjects(*c, *s).ok());
  auto after = Objects(*c);
  EXPECT_EQ(after.size(), before.size() + 2);
  for (const auto& [name, sql] : after) {
    if (!before.count(name)) {
      EXPECT_EQ(name.rfind("regfs_", 0), 0u) << name;
    }
  }
  EXPECT_EQ(after.count("regfs_pending"), 1u);
  EXPECT_EQ(after.count("regfs_artifact_key_idx"), 1u);
  // The key range query of ArtifactsUnder is served by an index.
  auto plan = c->Prepare(
      "EXPLAIN QUERY PLAN SELECT id FROM lamindb_artifact "
      "WHERE key >= 'a/' AND key < 'a0'");
  ASSERT_TRUE(plan.ok());
  std::string detail;
  while (*(*plan)->Step()) detail += (*plan)->Text(3) + "\n";
  EXPECT_NE(detail.find("INDEX"), std::string::npos) << detail;
}

}  // namespace
}  // namespace regfs
