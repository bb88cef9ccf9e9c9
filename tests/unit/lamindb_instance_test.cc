// `regfs init` against what LaminDB itself made: the ids lamindb-setup derives, the marker and
// settings files byte for byte, the embedded schema and seed scripts, and InitInstance's
// refusals and clean-up. The full schema and row comparison with the fixture instances is
// tests/cli/init_lamindb.sh (sqlite3 .schema / .dump).
#include "core/registry/lamindb_instance.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "core/registry/instance.h"
#include "core/registry/lamindb_sql.h"
#include "core/registry/schema.h"
#include "core/sql/sqlite_db.h"

namespace regfs {
namespace {

namespace fs = std::filesystem;

std::string Fixture(const std::string& name) {
  return std::string(REGFS_FIXTURES) + "/" + name;
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool Exists(const std::string& path) {
  struct stat st;
  return lstat(path.c_str(), &st) == 0;
}

class TempDir {
 public:
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "regfs-lamindb-init-XXXXXX").string();
    path_ = fs::canonical(mkdtemp(tmpl.data())).string();
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Sets an environment variable for one test, and puts the old value back.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, std::optional<std::string> value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    if (value) {
      setenv(name, value->c_str(), 1);
    } else {
      unsetenv(name);
    }
  }
  ~ScopedEnv() {
    if (old_) {
      setenv(name_, old_->c_str(), 1);
    } else {
      unsetenv(name_);
    }
  }

 private:
  const char* name_;
  std::optional<std::string> old_;
};

// Unpacks a fixture tarball into `dir`.
void Unpack(const std::string& tarball, const std::string& dir) {
  fs::create_directories(dir);
  std::string cmd = "tar xzf '" + Fixture(tarball) + "' -C '" + dir + "'";
  ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
}

LaminDbInstanceIds DemoIds(const std::string& storage_uid) {
  LaminDbInstanceIds ids;
  ids.owner = "anonymous";
  ids.name = "lamindemo";
  ids.id_hex = LaminDbInstanceId("anonymous/lamindemo");
  ids.uid = LaminDbInstanceUid(ids.id_hex);
  ids.storage_uid = storage_uid;
  ids.storage_root = "/data/lamindemo";
  ids.now = "2026-12-04 03:39:45.952000";
  return ids;
}

std::string Query1(SqlDb& c, const std::string& sql) {
  auto st = c.Prepare(sql);
  EXPECT_TRUE(st.ok()) << sql;
  if (!st.ok()) return "";
  auto row = (*st)->Step();
  EXPECT_TRUE(row.ok() && *row) << sql;
  return row.ok() && *row ? (*st)->Text(0) : "";
}

// The instance the demo fixtures name: anonymous/lamindemo, instance id
// 0088f8a3dd1b5657a48d24591fc09add and uid 1KawfWtF54y6, as LaminDB wrote them into both
// demo instances (fixtures/README.md).
TEST(LaminDbIds, InstanceIdAndUidAreLaminDbs) {
  EXPECT_EQ(LaminDbInstanceId("anonymous/lamindemo"), "0088f8a3dd1b5657a48d24591fc09add");
  EXPECT_EQ(LaminDbInstanceUid("0088f8a3dd1b5657a48d24591fc09add"), "1KawfWtF54y6");
  // Python's uuid.uuid5(uuid.NAMESPACE_URL, "anonymous/lab").hex, and a digest that starts
  // with a zero byte (md5 00469dcf...), which the base62 encoding LaminDB uses writes as "01".
  EXPECT_EQ(LaminDbInstanceId("anonymous/lab"), "281d3f1a48a65bf5954c9f06dcae4783");
  EXPECT_EQ(LaminDbInstanceUid("281d3f1a48a65bf5954c9f06dcae4783"), "6nVIFwXh4FTx");
  EXPECT_EQ(LaminDbInstanceId("anonymous/z153"), "09392d1db3c25c8b84320d9b7e7e68d6");
  EXPECT_EQ(LaminDbInstanceUid("09392d1db3c25c8b84320d9b7e7e68d6"), "01WGqoUyS8LT");
}

TEST(LaminDbIds, NamesAsLaminDbInfersThem) {
  EXPECT_EQ(DefaultInstanceName("/home/me/MyLab"), "mylab");
  EXPECT_EQ(DefaultInstanceName("/home/me/lab/"), "lab");
  EXPECT_EQ(DefaultInstanceName("/"), "");
  EXPECT_TRUE(ValidateInstanceName("lamindemo").ok());
  EXPECT_TRUE(ValidateInstanceName("my lab-2").ok());
  for (const std::string& bad :
       std::vector<std::string>{"", ".", "..", "a/b", "a\nb", std::string(201, 'x')}) {
    EXPECT_EQ(ValidateInstanceName(bad).code(), Status::Code::kInvalid) << bad;
  }
}

TEST(LaminDbFiles, MarkersAreByteForByteLaminDbs) {
  TempDir tmp;
  ASSERT_NO_FATAL_FAILURE(Unpack("lamindb-2.9-sqlite-demo.tar.gz", tmp.path() + "/v2_9"));
  ASSERT_NO_FATAL_FAILURE(Unpack("lamindb-0.73-sqlite-demo.tar.gz", tmp.path() + "/v0_73"));
  EXPECT_EQ(LaminDbMarkerFile(LaminDbRelease::k2_9), ".lamindb/storage_uid.txt");
  EXPECT_EQ(LaminDbMarkerFile(LaminDbRelease::k0_73), ".lamindb/_is_initialized");
  EXPECT_EQ(LaminDbMarkerText(LaminDbRelease::k2_9, DemoIds("MyDwGh2K3K4Q")),
            ReadAll(tmp.path() + "/v2_9/.lamindb/storage_uid.txt"));
  EXPECT_EQ(LaminDbMarkerText(LaminDbRelease::k0_73, DemoIds("rJo943tZsDm8")),
            ReadAll(tmp.path() + "/v0_73/.lamindb/_is_initialized"));
  // The 0.73 database is named by the instance id.
  EXPECT_TRUE(Exists(tmp.path() + "/v0_73/" +
                     LaminDbSqliteFile(LaminDbRelease::k0_73, DemoIds("rJo943tZsDm8"))));
  EXPECT_TRUE(Exists(tmp.path() + "/v2_9/" +
                     LaminDbSqliteFile(LaminDbRelease::k2_9, DemoIds("MyDwGh2K3K4Q"))));
}

// The lines fixtures/README.md lists for ~/.lamin/instance--anonymous--lamindemo.env.
TEST(LaminDbFiles, SettingsFileHasLaminDbsLines) {
  LaminDbInstanceIds ids = DemoIds("MyDwGh2K3K4Q");
  const std::string first9 =
      "lamindb_instance_owner=anonymous\n"
      "lamindb_instance_name=lamindemo\n"
      "lamindb_instance_storage_root=/data/lamindemo\n"
      "lamindb_instance_storage_region=null\n"
      "lamindb_instance_db=null\n"
      "lamindb_instance_schema_str=null\n"
      "lamindb_instance_id=0088f8a3dd1b5657a48d24591fc09add\n"
      "lamindb_instance_git_repo=null\n"
      "lamindb_instance_keep_artifacts_local=False\n";
  auto v073 = LaminDbSettingsText(LaminDbRelease::k0_73, ids);
  ASSERT_TRUE(v073.ok());
  EXPECT_EQ(*v073, first9);
  auto v29 = LaminDbSettingsText(LaminDbRelease::k2_9, ids);
  ASSERT_TRUE(v29.ok());
  EXPECT_EQ(*v29, first9 +
                      "lamindb_instance_api_url=null\n"
                      "lamindb_instance_schema_id=null\n"
                      "lamindb_instance_fine_grained_access=False\n"
                      "lamindb_instance_db_permissions=null\n"
                      "lamindb_instance_is_clone=False\n");
  {
    ScopedEnv env("LAMIN_ENV", std::nullopt);
    EXPECT_EQ(LaminDbSettingsFileName(ids), "instance--anonymous--lamindemo.env");
  }
  {
    ScopedEnv env("LAMIN_ENV", std::string("staging"));
    EXPECT_EQ(LaminDbSettingsFileName(ids), "staging--instance--anonymous--lamindemo.env");
  }
  {
    ScopedEnv env("LAMIN_SETTINGS_DIR", std::string("/tmp/x"));
    EXPECT_EQ(*LaminDbSettingsDir(), "/tmp/x/.lamin");
  }
  // Roots python-dotenv would not read back as written.
  for (const char* root : {"/a\nb", "/my #1", "/a${HOME}", "/x ", "'/q"}) {
    ids.storage_root = root;
    EXPECT_EQ(LaminDbSettingsText(LaminDbRelease::k2_9, ids).status().code(),
              Status::Code::kInvalid)
        << root;
  }
}

TEST(LaminDbScripts, EveryFileIsEmbedded) {
  for (const char* name :
       {"sqlite_2_9_schema.sql", "sqlite_2_9_seed.sql", "sqlite_0_73_schema.sql",
        "sqlite_0_73_seed.sql", "postgres_2_9_schema.sql", "postgres_2_9_seed.sql"}) {
    auto data = LaminDbSqlFile(name);
    ASSERT_TRUE(data) << name;
    EXPECT_GT(data->size(), 1000u) << name;
  }
  EXPECT_FALSE(LaminDbSqlFile("nope.sql"));
}

TEST(LaminDbScripts, PostgresSchemaIsTheFixtureWithoutSessionLines) {
  auto schema = LaminDbSchemaScript(LaminDbRelease::k2_9, SqlBackend::kPostgres);
  ASSERT_TRUE(schema.ok());
  std::string fixture = ReadAll(Fixture("lamindb-2.9-postgres-schema.sql"));
  // Dropped: psql meta-commands and session settings; every other line stays, in order.
  std::istringstream mine(*schema), theirs(fixture);
  std::string want, got;
  size_t dropped = 0, kept = 0;
  // Our header comment, then the fixture's lines, which begin with a bare "--".
  while (std::getline(mine, got) && got != "--") EXPECT_EQ(got.rfind("-- ", 0), 0u) << got;
  ASSERT_TRUE(std::getline(theirs, want));
  ASSERT_EQ(got, want);
  while (std::getline(theirs, want)) {
    if (want.rfind("\\restrict ", 0) == 0 || want.rfind("\\unrestrict ", 0) == 0 ||
        want.rfind("SET ", 0) == 0 ||
        want == "SELECT pg_catalog.set_config('search_path', '', false);") {
      ++dropped;
      continue;
    }
    ASSERT_TRUE(std::getline(mine, got)) << "missing: " << want;
    ASSERT_EQ(got, want);
    ++kept;
  }
  EXPECT_FALSE(std::getline(mine, got)) << "extra: " << got;
  EXPECT_EQ(dropped, 14u);  // 2 meta-commands, 11 SET, 1 set_config
  EXPECT_GT(kept, 12000u);
  EXPECT_EQ(LaminDbSchemaScript(LaminDbRelease::k0_73, SqlBackend::kPostgres).status().code(),
            Status::Code::kUnsupported);
}

TEST(LaminDbScripts, SeedValuesBecomeQuotedLiterals) {
  LaminDbInstanceIds ids = DemoIds("MyDwGh2K3K4Q");
  ids.storage_root = "/data/it's; DROP TABLE x; --";
  for (auto [release, backend] : {std::pair{LaminDbRelease::k2_9, SqlBackend::kSqlite},
                                  std::pair{LaminDbRelease::k0_73, SqlBackend::kSqlite},
                                  std::pair{LaminDbRelease::k2_9, SqlBackend::kPostgres}}) {
    auto seed = LaminDbSeedScript(release, backend, ids);
    ASSERT_TRUE(seed.ok()) << seed.status().ToString();
    EXPECT_EQ(seed->find("@ROOT@"), std::string::npos);
    EXPECT_EQ(seed->find("@NOW@"), std::string::npos);
    EXPECT_NE(seed->find("'/data/it''s; DROP TABLE x; --'"), std::string::npos);
    EXPECT_NE(seed->find("'1KawfWtF54y6'"), std::string::npos);
    EXPECT_NE(seed->find("'MyDwGh2K3K4Q'"), std::string::npos);
  }
  ids.storage_root = std::string("/a\0b", 4);
  EXPECT_EQ(LaminDbSeedScript(LaminDbRelease::k2_9, SqlBackend::kSqlite, ids).status().code(),
            Status::Code::kInvalid);
}

// Records what CreateLaminDbDatabase sends, and fails the statement script number `fail_at`.
class RecordingExecutor : public SqlScriptExecutor {
 public:
  explicit RecordingExecutor(int fail_at) : fail_at_(fail_at) {}
  Status Exec(std::string_view script) override {
    calls.emplace_back(script.substr(0, 40));
    if (static_cast<int>(calls.size()) == fail_at_) return Status::IO("disk on fire");
    return Status();
  }
  std::vector<std::string> calls;

 private:
  int fail_at_;
};

TEST(LaminDbScripts, OneTransactionRolledBackOnFailure) {
  LaminDbInstanceIds ids = DemoIds("MyDwGh2K3K4Q");
  RecordingExecutor ok(0);
  ASSERT_TRUE(CreateLaminDbDatabase(ok, LaminDbRelease::k2_9, SqlBackend::kPostgres, ids).ok());
  ASSERT_EQ(ok.calls.size(), 4u);
  EXPECT_EQ(ok.calls[0], "BEGIN");
  EXPECT_EQ(ok.calls[1].rfind("-- LaminDB 2.9.1 on PostgreSQL", 0), 0u) << ok.calls[1];
  EXPECT_EQ(ok.calls[2].rfind("-- The rows LaminDB 2.9.1's init", 0), 0u) << ok.calls[2];
  EXPECT_EQ(ok.calls[3], "COMMIT");

  RecordingExecutor bad(3);  // the seed rows fail
  Status st = CreateLaminDbDatabase(bad, LaminDbRelease::k2_9, SqlBackend::kSqlite, ids);
  EXPECT_EQ(st.code(), Status::Code::kIO);
  EXPECT_NE(st.message().find("seed rows"), std::string::npos) << st.ToString();
  EXPECT_NE(st.message().find("disk on fire"), std::string::npos) << st.ToString();
  ASSERT_EQ(bad.calls.size(), 4u);
  EXPECT_EQ(bad.calls[3], "ROLLBACK");
}

class InitTest : public ::testing::TestWithParam<LaminDbRelease> {};

TEST_P(InitTest, CreatesAnInstanceRegfsOpens) {
  TempDir tmp;
  std::string root = tmp.path() + "/My Lab's";
  InitOptions opts;
  opts.layout = GetParam();
  InitReport report;
  Status st = InitInstance(root, opts, &report);
  ASSERT_TRUE(st.ok()) << st.ToString();
  std::string id = LaminDbInstanceId("anonymous/my lab's");
  EXPECT_EQ(report.root, root);
  EXPECT_EQ(report.slug, "anonymous/my lab's");
  EXPECT_EQ(report.settings_path, "");
  std::string db =
      root + (GetParam() == LaminDbRelease::k2_9 ? "/.lamindb/lamin.db" : "/" + id + ".lndb");
  EXPECT_EQ(report.db_path, db);
  EXPECT_EQ(*FindDatabase(root), db);
  // Rollback-journal mode, as LaminDB leaves its file; no journal or WAL files beside it.
  for (const char* tail : {"-wal", "-shm", "-journal"}) EXPECT_FALSE(Exists(db + tail)) << tail;
  {
    auto c = SqliteDb::Open(db, {.read_only = true});
    ASSERT_TRUE(c.ok());
    EXPECT_EQ(Query1(**c, "PRAGMA journal_mode"), "delete");
    EXPECT_EQ(Query1(**c, "PRAGMA integrity_check"), "ok");
    std::string prefix = GetParam() == LaminDbRelease::k2_9 ? "lamindb_" : "lnschema_core_";
    // The root, quote included, as written; the anonymous user; the instance uid.
    EXPECT_EQ(
        Query1(**c, "SELECT root || '|' || type || '|' || instance_uid FROM " + prefix + "storage"),
        root + "|local|" + LaminDbInstanceUid(id));
    EXPECT_EQ(Query1(**c, "SELECT uid || '|' || handle FROM " + prefix + "user"),
              "00000000|anonymous");
    // No regfs bookkeeping yet: the file is LaminDB's alone until regfs opens it for writing.
    EXPECT_EQ(Query1(**c, "SELECT count(*) FROM sqlite_master WHERE name LIKE 'regfs%'"), "0");
  }
  std::string marker = ReadAll(root + "/" + LaminDbMarkerFile(GetParam()));
  EXPECT_EQ(marker.substr(0, 12).size(), 12u);
  EXPECT_EQ(marker.find('\n') == std::string::npos ? marker : marker.substr(0, marker.find('\n')),
            marker.substr(0, 12));

  auto info = OpenInstance(root, false);
  ASSERT_TRUE(info.ok()) << info.status().ToString();
  EXPECT_EQ((*info)->schema.layout,
            GetParam() == LaminDbRelease::k2_9 ? Layout::kV1 : Layout::kV07);
  EXPECT_EQ((*info)->storage_uid, marker.substr(0, 12));
  EXPECT_EQ((*info)->user_id, 1);

  // A second init changes nothing.
  std::string before = ReadAll(db);
  Status again = InitInstance(root, opts);
  EXPECT_EQ(again.code(), Status::Code::kExists) << again.ToString();
  EXPECT_NE(again.message().find(root), std::string::npos) << again.ToString();
  EXPECT_EQ(ReadAll(db), before);
}

TEST_P(InitTest, WritesLaminDbSettingsOnlyWhenAsked) {
  TempDir tmp;
  ScopedEnv dir("LAMIN_SETTINGS_DIR", tmp.path() + "/settings");
  ScopedEnv env("LAMIN_ENV", std::nullopt);
  InitOptions opts;
  opts.layout = GetParam();
  opts.name = "lamindemo";
  opts.write_lamin_settings = true;
  InitReport report;
  ASSERT_TRUE(InitInstance(tmp.path() + "/a", opts, &report).ok());
  std::string path = tmp.path() + "/settings/.lamin/instance--anonymous--lamindemo.env";
  EXPECT_EQ(report.settings_path, path);
  LaminDbInstanceIds ids = DemoIds("unused");
  ids.storage_root = tmp.path() + "/a";
  EXPECT_EQ(ReadAll(path), *LaminDbSettingsText(GetParam(), ids));

  // The same name again: refused before anything is made, the first settings kept.
  Status st = InitInstance(tmp.path() + "/b", opts);
  EXPECT_EQ(st.code(), Status::Code::kExists) << st.ToString();
  EXPECT_NE(st.message().find("anonymous/lamindemo"), std::string::npos) << st.ToString();
  EXPECT_FALSE(Exists(tmp.path() + "/b/.lamindb"));
  EXPECT_EQ(ReadAll(path), *LaminDbSettingsText(GetParam(), ids));
}

TEST_P(InitTest, LeavesNothingBehindWhenAStepFails) {
  TempDir tmp;
  // The settings folder cannot be made (a file is in the way): the last step fails.
  std::ofstream(tmp.path() + "/blocker") << "x";
  ScopedEnv dir("LAMIN_SETTINGS_DIR", tmp.path() + "/blocker");
  InitOptions opts;
  opts.layout = GetParam();
  opts.write_lamin_settings = true;
  std::string root = tmp.path() + "/inst";
  fs::create_directories(root);
  std::ofstream(root + "/data.csv") << "a,b\n";
  Status st = InitInstance(root, opts);
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("init " + root), std::string::npos) << st.ToString();
  // What was there stays; what init made is gone.
  std::vector<std::string> left;
  for (const auto& e : fs::directory_iterator(root)) left.push_back(e.path().filename());
  EXPECT_EQ(left, std::vector<std::string>{"data.csv"});
  EXPECT_EQ(ReadAll(tmp.path() + "/blocker"), "x");
  // And a later init there works.
  opts.write_lamin_settings = false;
  EXPECT_TRUE(InitInstance(root, opts).ok());
}

TEST_P(InitTest, RefusesBadNamesAndMarkedStorage) {
  TempDir tmp;
  InitOptions opts;
  opts.layout = GetParam();
  opts.name = "a/b";
  EXPECT_EQ(InitInstance(tmp.path() + "/x", opts).code(), Status::Code::kInvalid);
  EXPECT_FALSE(Exists(tmp.path() + "/x/.lamindb"));
  // A directory LaminDB already marked as storage (either release's marker) is not
  // initialised again.
  opts.name = "";
  for (const char* marker : {"/.lamindb/_is_initialized", "/.lamindb/storage_uid.txt"}) {
    std::string root = tmp.path() + "/m" + std::to_string(marker[10]);
    fs::create_directories(root + "/.lamindb");
    std::ofstream(root + marker) << "abcdefghijkl";
    EXPECT_EQ(InitInstance(root, opts).code(), Status::Code::kExists) << marker;
    EXPECT_FALSE(FindDatabase(root).ok()) << marker;
  }
}

INSTANTIATE_TEST_SUITE_P(Layouts, InitTest,
                         ::testing::Values(LaminDbRelease::k2_9, LaminDbRelease::k0_73),
                         [](const ::testing::TestParamInfo<LaminDbRelease>& p) {
                           return p.param == LaminDbRelease::k2_9 ? "V2_9" : "V0_73";
                         });

}  // namespace
}  // namespace regfs
