// Life-cycle tests of core/registry on the three kinds of instance regfs meets: one made by
// `regfs init`, one from LaminDB 0.73's schema, and LaminDB 2.6's real, shipped database.
#include "core/registry/registry.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "core/clock.h"
#include "core/hash.h"
#include "core/registry/instance.h"
#include "core/registry/schema.h"
#include "core/sql/sqlite_db.h"
#include "core/storage/local_store.h"
#include "core/uid.h"
#include "tests/unit/test_files.h"

namespace regfs {
namespace {

namespace fs = std::filesystem;
using test_files::Exists;
using test_files::Fixture;
using test_files::ReadAll;
using test_files::WriteAll;

// A fresh directory, removed with everything below it.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "regfs-registry-XXXXXX").string();
    path_ = mkdtemp(tmpl.data());
  }
  ~TempDir() {
    // Tests take write permission away; give it back so that everything can go.
    std::error_code ec;
    fs::permissions(path_, fs::perms::owner_all, fs::perm_options::add, ec);
    for (auto it = fs::recursive_directory_iterator(path_, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (it->is_directory(ec))
        fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, ec);
    }
    fs::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

enum class Kind { kInit, kV073Sql, kV26Db };

std::string KindName(Kind k) {
  switch (k) {
    case Kind::kInit: return "Init";
    case Kind::kV073Sql: return "Lamin073Sql";
    case Kind::kV26Db: return "Lamin26Db";
  }
  return "?";
}

void MustExec(SqlDb& c, const std::string& sql) {
  Status st = c.Exec(sql);
  ASSERT_TRUE(st.ok()) << st.ToString();
}

// Builds an instance of `kind` at `root`, with what LaminDB's own setup inserts first
// (fixtures/README.md).
void BuildInstance(Kind kind, const std::string& root) {
  if (kind == Kind::kInit) {
    Status st = InitInstance(root, InitOptions{.layout = LaminDbRelease::k0_73});
    ASSERT_TRUE(st.ok()) << st.ToString();
    return;
  }
  fs::create_directories(root + "/.lamindb");
  std::string db = root + "/.lamindb/lamin.db";
  if (kind == Kind::kV26Db) {
    std::string cmd = "gunzip -c '" + Fixture("lamindb-2.6-empty.db.gz") + "' > '" + db + "'";
    ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
  }
  auto conn = SqliteDb::Open(db, {.read_only = false, .create = true});
  ASSERT_TRUE(conn.ok()) << conn.status().ToString();
  SqlDb& c = **conn;
  std::string now = NowTimestamp();
  if (kind == Kind::kV073Sql) {
    MustExec(c, ReadAll(Fixture("lamindb-0.73-schema.sql")));
    MustExec(c,
             "INSERT INTO lnschema_core_user (id, uid, handle, name, created_at, updated_at) "
             "VALUES (1, 'usr00001', 'testuser', 'Test User', '" +
                 now + "', '" + now + "')");
    MustExec(c,
             "INSERT INTO lnschema_core_storage (created_at, updated_at, uid, root, type, "
             "created_by_id) VALUES ('" +
                 now + "', '" + now + "', 'stor00000001', '" + root + "', 'local', 1)");
  } else {
    MustExec(c,
             "INSERT INTO lamindb_user (id, uid, handle, name) "
             "VALUES (1, 'usr00001', 'testuser', 'Test User')");
    MustExec(c,
             "INSERT INTO lamindb_branch (id, name, uid, created_by_id) VALUES "
             "(-1, 'trash', 'tttttttttttt', 1), (0, 'archive', 'aaaaaaaaaaaa', 1), "
             "(1, 'main', 'mmmmmmmmmmmm', 1)");
    MustExec(c,
             "INSERT INTO lamindb_storage (uid, root, type, created_by_id) "
             "VALUES ('stor00000001', '" +
                 root + "', 'local', 1)");
  }
  WriteAll(root + "/.lamindb/_is_initialized", "stor00000001");
}

class RegistryLifecycle : public ::testing::TestWithParam<Kind> {
 protected:
  void SetUp() override {
    root_ = fs::canonical(tmp_.path()).string() + "/inst";
    ASSERT_NO_FATAL_FAILURE(BuildInstance(GetParam(), root_));
    auto info = OpenInstance(root_, false);
    ASSERT_TRUE(info.ok()) << info.status().ToString();
    info_ = *info;
    auto reg = Registry::Open(info_);
    ASSERT_TRUE(reg.ok()) << reg.status().ToString();
    reg_ = std::move(*reg);
  }

  bool V1() const { return GetParam() == Kind::kV26Db; }
  const Schema& schema() { return reg_->schema(); }
  std::string Art() { return QuoteId(schema().artifact); }

  StagedContent Stage(const std::string& content) {
    int fd = -1;
    auto path = info_->storage->CreateStaging(&fd);
    EXPECT_TRUE(path.ok()) << path.status().ToString();
    EXPECT_EQ(write(fd, content.data(), content.size()), static_cast<ssize_t>(content.size()));
    close(fd);
    return StagedContent{*path, HashBytes(content)};
  }

  Result<SaveOutcome> TrySave(const std::string& content, std::optional<std::string> key) {
    SaveRequest req;
    req.key = key;
    req.suffix = key ? SuffixOf(*key) : ".txt";
    return reg_->Save(Stage(content), req);
  }

  Artifact Add(const std::string& content, std::optional<std::string> key) {
    auto out = TrySave(content, key);
    EXPECT_TRUE(out.ok()) << out.status().ToString();
    return out.ok() ? out->artifact : Artifact{};
  }

  Artifact Get(int64_t id) {
    auto a = reg_->ArtifactById(id);
    EXPECT_TRUE(a.ok()) << a.status().ToString();
    EXPECT_TRUE(a.ok() && a->has_value()) << "artifact id " << id << " is gone";
    return a.ok() && a->has_value() ? **a : Artifact{};
  }

  bool Gone(int64_t id) {
    auto a = reg_->ArtifactById(id);
    return a.ok() && !a->has_value();
  }

  std::string Path(const Artifact& a) {
    auto p = info_->storage->StoredPath(a);
    EXPECT_TRUE(p.ok()) << p.status().ToString();
    return p.ok() ? *p : "";
  }

  int64_t Scalar(const std::string& sql) {
    auto st = reg_->db_for_test().Prepare(sql);
    EXPECT_TRUE(st.ok()) << st.status().ToString();
    if (!st.ok()) return -999;
    auto row = (*st)->Step();
    EXPECT_TRUE(row.ok() && *row) << sql << ": " << row.status().ToString();
    return row.ok() && *row ? (*st)->Int(0) : -999;
  }

  void Exec(const std::string& sql) { MustExec(reg_->db_for_test(), sql); }

  // A collection made as LaminDB would: the row, an optional meta artifact, member links.
  int64_t AddCollection(const std::string& name, std::optional<int64_t> meta,
                        const std::vector<int64_t>& members) {
    const Schema& s = schema();
    std::string now = NowTimestamp();
    std::string sql =
        "INSERT INTO " + QuoteId(s.collection) + " (uid, " + QuoteId(s.collection_name_col) + ", " +
        QuoteId(s.collection_state_col) + ", " + QuoteId(s.collection_meta_col) +
        ", created_at, updated_at, created_by_id" +
        (s.collection_has_is_latest ? ", is_latest" : "") + ") VALUES ('" + NewCollectionUid() +
        "', '" + name + "', 1, " + (meta ? std::to_string(*meta) : "NULL") + ", '" + now + "', '" +
        now + "', 1" + (s.collection_has_is_latest ? ", 1" : "") + ")";
    int64_t id = Scalar(sql + " RETURNING id");
    for (int64_t m : members) {
      Exec("INSERT INTO " + QuoteId(s.collection_artifact) +
           " (created_at, artifact_id, collection_id, created_by_id) VALUES ('" + now + "', " +
           std::to_string(m) + ", " + std::to_string(id) + ", 1)");
    }
    return id;
  }

  // Turns a saved artifact into one whose file lives at ROOT/<key> (a "semantic" key).
  Artifact MakeRealKey(const Artifact& a, const std::string& key) {
    std::string from = Path(a);
    std::string to = root_ + "/" + key;
    fs::create_directories(fs::path(to).parent_path());
    fs::rename(from, to);
    Exec("UPDATE " + Art() + " SET " + QuoteId(schema().key_virtual_col) + " = 0, key = '" + key +
         "' WHERE id = " + std::to_string(a.id));
    return Get(a.id);
  }

  static void Tick() { std::this_thread::sleep_for(std::chrono::milliseconds(3)); }

  TempDir tmp_;
  std::string root_;
  std::shared_ptr<const InstanceInfo> info_;
  std::unique_ptr<Registry> reg_;
};

TEST_P(RegistryLifecycle, DetectsLayout) {
  const Schema& s = schema();
  if (V1()) {
    EXPECT_EQ(s.layout, Layout::kV1);
    EXPECT_EQ(s.artifact, "lamindb_artifact");
    EXPECT_EQ(s.state_col, "branch_id");
    EXPECT_EQ(s.key_virtual_col, "_key_is_virtual");
    EXPECT_EQ(s.real_key_col, "_real_key");
    EXPECT_EQ(s.version_col, "version_tag");
    EXPECT_EQ(s.collection_name_col, "key");
    EXPECT_EQ(s.collection_meta_col, "meta_artifact_id");
    EXPECT_TRUE(s.artifact_has_is_latest);
  } else {
    EXPECT_EQ(s.layout, Layout::kV07);
    EXPECT_EQ(s.artifact, "lnschema_core_artifact");
    EXPECT_EQ(s.state_col, "visibility");
    EXPECT_EQ(s.key_virtual_col, "key_is_virtual");
    EXPECT_EQ(s.version_col, "version");
    EXPECT_EQ(s.collection_name_col, "name");
    EXPECT_EQ(s.collection_meta_col, "artifact_id");
    EXPECT_FALSE(s.artifact_has_is_latest);
  }
  EXPECT_EQ(info_->root, root_);
  EXPECT_GT(info_->storage_id, 0);
  EXPECT_GT(info_->user_id, 0);
  EXPECT_FALSE(info_->read_only);
  // regfs's own bookkeeping exists after a writable open.
  EXPECT_EQ(Scalar("SELECT count(*) FROM sqlite_master WHERE name IN "
                   "('regfs_pending', 'regfs_artifact_key_idx')"),
            2);
}

TEST_P(RegistryLifecycle, SaveMakesAVisibleArtifact) {
  auto out = TrySave("hello", "data/hello.txt");
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(out->kind, SaveOutcome::kCreated);
  const Artifact& a = out->artifact;
  EXPECT_EQ(a.state, kStateVisible);
  EXPECT_EQ(a.uid.size(), 20u);
  EXPECT_TRUE(IsBase62(a.uid));
  EXPECT_EQ(a.key, "data/hello.txt");
  EXPECT_EQ(a.suffix, ".txt");
  EXPECT_TRUE(a.key_is_virtual);
  EXPECT_FALSE(a.version.has_value());
  EXPECT_TRUE(a.is_latest);
  EXPECT_FALSE(a.is_folder);
  EXPECT_EQ(a.size, 5);
  EXPECT_EQ(a.hash, HashBytes("hello").hash);
  EXPECT_EQ(a.hash_type, "md5");
  EXPECT_EQ(a.storage_id, info_->storage_id);
  EXPECT_EQ(a.created_by_id, info_->user_id);
  EXPECT_EQ(a.created_at, a.updated_at);
  std::string path = Path(a);
  EXPECT_EQ(path, root_ + "/.lamindb/" + a.uid + ".txt");
  EXPECT_EQ(ReadAll(path), "hello");
  EXPECT_TRUE(info_->storage->IsManaged(a));

  auto by_key = reg_->ArtifactsByKey("data/hello.txt", kStateVisible);
  ASSERT_TRUE(by_key.ok());
  ASSERT_EQ(by_key->size(), 1u);
  EXPECT_EQ(by_key->front().id, a.id);
  // What Save returns is the row as the database holds it.
  const Artifact& row = by_key->front();
  EXPECT_EQ(row.uid, a.uid);
  EXPECT_EQ(row.key, a.key);
  EXPECT_EQ(row.suffix, a.suffix);
  EXPECT_EQ(row.description, a.description);
  EXPECT_EQ(row.size, a.size);
  EXPECT_EQ(row.hash, a.hash);
  EXPECT_EQ(row.hash_type, a.hash_type);
  EXPECT_EQ(row.version, a.version);
  EXPECT_EQ(row.state, a.state);
  EXPECT_EQ(row.key_is_virtual, a.key_is_virtual);
  EXPECT_EQ(row.real_key, a.real_key);
  EXPECT_EQ(row.n_objects, a.n_objects);
  EXPECT_EQ(row.is_latest, a.is_latest);
  EXPECT_EQ(row.is_folder, a.is_folder);
  EXPECT_EQ(row.storage_id, a.storage_id);
  EXPECT_EQ(row.created_by_id, a.created_by_id);
  EXPECT_EQ(row.created_at, a.created_at);
  EXPECT_EQ(row.updated_at, a.updated_at);
  auto by_uid = reg_->ArtifactByUid(a.uid);
  ASSERT_TRUE(by_uid.ok() && by_uid->has_value());
  EXPECT_EQ((*by_uid)->id, a.id);
  auto visible = reg_->Artifacts(StateFilter::kVisible);
  ASSERT_TRUE(visible.ok());
  EXPECT_EQ(visible->size(), 1u);

  // A key-less save stores under the uid; the same content again is the same record.
  Artifact k = Add("keyless", std::nullopt);
  EXPECT_FALSE(k.key.has_value());
  auto again = TrySave("keyless", std::nullopt);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(again->kind, SaveOutcome::kUnchanged);
  EXPECT_EQ(again->artifact.id, k.id);
}

TEST_P(RegistryLifecycle, SaveManyIsOneTransaction) {
  std::vector<std::pair<StagedContent, SaveRequest>> items;
  items.emplace_back(Stage("one"), SaveRequest{"m/one.txt", std::nullopt, ".txt"});
  items.emplace_back(Stage("two"), SaveRequest{"m/two.txt", "second", ".txt"});
  auto outs = reg_->SaveMany(std::move(items));
  ASSERT_TRUE(outs.ok()) << outs.status().ToString();
  ASSERT_EQ(outs->size(), 2u);
  EXPECT_EQ((*outs)[1].artifact.description, "second");

  // A bad key in the batch: nothing of it is saved and no file is left behind.
  std::vector<std::pair<StagedContent, SaveRequest>> bad;
  bad.emplace_back(Stage("three"), SaveRequest{"m/three.txt", std::nullopt, ".txt"});
  bad.emplace_back(Stage("four"), SaveRequest{"../four.txt", std::nullopt, ".txt"});
  auto failed = reg_->SaveMany(std::move(bad));
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.status().code(), Status::Code::kInvalid);
  auto bad_suffix = reg_->Save(Stage("five"), SaveRequest{"m/five", std::nullopt, "/../x"});
  EXPECT_EQ(bad_suffix.status().code(), Status::Code::kInvalid);
  EXPECT_EQ(Scalar("SELECT count(*) FROM " + Art()), 2);
  int files = 0;
  for (const auto& e : fs::directory_iterator(root_ + "/.lamindb")) {
    if (e.path().extension() == ".txt") ++files;
  }
  EXPECT_EQ(files, 2);
}

TEST_P(RegistryLifecycle, TrashAndRestore) {
  Artifact a = Add("content", "t/a.txt");
  Tick();
  ASSERT_TRUE(reg_->Trash(a.id).ok());
  Artifact t = Get(a.id);
  EXPECT_EQ(t.state, kStateTrash);
  EXPECT_GT(t.updated_at, a.updated_at);
  EXPECT_TRUE(Exists(Path(t))) << "trash never touches the stored file";
  EXPECT_EQ(Scalar("SELECT " + QuoteId(schema().state_col) + " FROM " + Art() +
                   " WHERE id = " + std::to_string(a.id)),
            -1);
  EXPECT_EQ(reg_->Trash(a.id).code(), Status::Code::kInvalid);
  auto trash = reg_->Artifacts(StateFilter::kTrash);
  ASSERT_TRUE(trash.ok());
  EXPECT_EQ(trash->size(), 1u);

  Tick();
  ASSERT_TRUE(reg_->Restore(a.id).ok());
  Artifact r = Get(a.id);
  EXPECT_EQ(r.state, kStateVisible);
  EXPECT_GT(r.updated_at, t.updated_at);
  EXPECT_EQ(reg_->Restore(a.id).code(), Status::Code::kInvalid);
  EXPECT_EQ(reg_->Trash(987654).code(), Status::Code::kNotFound);

  // Restore under a new key.
  ASSERT_TRUE(reg_->Trash(a.id).ok());
  ASSERT_TRUE(reg_->Restore(a.id, RestoreOptions{.new_key = std::string("t2/b.txt")}).ok());
  EXPECT_EQ(Get(a.id).key, "t2/b.txt");
  EXPECT_EQ(Get(a.id).state, kStateVisible);
}

TEST_P(RegistryLifecycle, PurgeRemovesRowAndFile) {
  Artifact a = Add("purge me", "p/a.txt");
  std::string path = Path(a);
  ASSERT_TRUE(Exists(path));
  ASSERT_TRUE(reg_->Trash(a.id).ok());
  auto out = reg_->Purge(a.id);
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(out->uid, a.uid);
  EXPECT_EQ(out->deleted_path, path);
  EXPECT_FALSE(out->kept_path.has_value());
  EXPECT_TRUE(Gone(a.id));
  EXPECT_FALSE(Exists(path));
  EXPECT_EQ(Scalar("SELECT count(*) FROM regfs_pending"), 0);
  EXPECT_EQ(reg_->Purge(a.id).status().code(), Status::Code::kNotFound);

  // A visible record may be purged directly (rm --permanent, -o notrash).
  Artifact b = Add("direct", "p/b.txt");
  ASSERT_TRUE(reg_->Purge(b.id).ok());
  EXPECT_TRUE(Gone(b.id));
}

TEST_P(RegistryLifecycle, ProtectedArtifactsAreNotPurged) {
  Artifact member = Add("member", "c/member.txt");
  Artifact meta = Add("meta", "c/meta.txt");
  int64_t cid = AddCollection("coll", meta.id, {member.id});
  auto c = reg_->CollectionById(cid);
  ASSERT_TRUE(c.ok() && c->has_value());
  ASSERT_TRUE(reg_->Trash(member.id).ok());
  ASSERT_TRUE(reg_->Trash(meta.id).ok());

  auto p1 = reg_->Purge(member.id);
  ASSERT_FALSE(p1.ok());
  EXPECT_EQ(p1.status().code(), Status::Code::kPermission);
  EXPECT_NE(
      p1.status().message().find("purge uid " + member.uid + ": member of collection " + (*c)->uid),
      std::string::npos)
      << p1.status().message();
  auto p2 = reg_->Purge(meta.id);
  ASSERT_FALSE(p2.ok());
  EXPECT_EQ(p2.status().code(), Status::Code::kPermission);
  EXPECT_NE(p2.status().message().find("meta artifact of collection " + (*c)->uid),
            std::string::npos)
      << p2.status().message();
  // Nothing changed.
  EXPECT_EQ(Get(member.id).state, kStateTrash);
  EXPECT_EQ(Get(meta.id).state, kStateTrash);
  EXPECT_TRUE(Exists(Path(member)));
  EXPECT_TRUE(Exists(Path(meta)));
  EXPECT_EQ(Scalar("SELECT count(*) FROM regfs_pending"), 0);
  auto why = reg_->ProtectionReason(Get(member.id));
  ASSERT_TRUE(why.ok() && why->has_value());
  EXPECT_EQ(**why, "member of collection " + (*c)->uid);
}

TEST_P(RegistryLifecycle, NullableReferenceProtects) {
  Artifact a = Add("report", "r/report.html");
  std::string now = NowTimestamp();
  if (V1()) {
    Exec(
        "INSERT INTO lamindb_transform (uid, key, kind, hash, created_by_id, is_latest) "
        "VALUES ('trnsfrm000000000', 'script.py', 'script', 'h', 1, 1)");
    Exec(
        "INSERT INTO lamindb_run (uid, started_at, transform_id, created_by_id, report_id) "
        "VALUES ('run000000000000000a', '" +
        now + "', 1, 1, " + std::to_string(a.id) + ")");
  } else {
    Exec(
        "INSERT INTO lnschema_core_transform (uid, type, created_at, updated_at, "
        "created_by_id, latest_report_id) VALUES ('trnsfrm000000000', 'script', '" +
        now + "', '" + now + "', 1, " + std::to_string(a.id) + ")");
  }
  auto p = reg_->Purge(a.id);
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.status().code(), Status::Code::kPermission);
  std::string want = V1() ? "referenced by lamindb_run.report_id"
                          : "referenced by lnschema_core_transform.latest_report_id";
  EXPECT_NE(p.status().message().find(want), std::string::npos) << p.status().message();
  EXPECT_FALSE(Gone(a.id));
}

TEST_P(RegistryLifecycle, PurgeDeletesLinkRows) {
  if (!V1()) GTEST_SKIP() << "the link table used here exists in LaminDB >= 1.0";
  Artifact a = Add("a", "l/a.txt");
  Artifact b = Add("b", "l/b.txt");
  Exec("INSERT INTO lamindb_artifact__actions (from_artifact_id, to_artifact_id) VALUES (" +
       std::to_string(a.id) + ", " + std::to_string(b.id) + ")");
  auto p = reg_->Purge(a.id);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(Scalar("SELECT count(*) FROM lamindb_artifact__actions"), 0);
  EXPECT_FALSE(Gone(b.id));
}

TEST_P(RegistryLifecycle, CollectionTrashRestorePurge) {
  Artifact m1 = Add("m1", "c/m1.txt");
  Artifact m2 = Add("m2", "c/m2.txt");
  Artifact meta = Add("meta", "c/meta.json");
  int64_t cid = AddCollection("mycoll", meta.id, {m2.id, m1.id});
  auto members = reg_->Members(cid);
  ASSERT_TRUE(members.ok());
  ASSERT_EQ(members->size(), 2u);
  EXPECT_EQ((*members)[0].id, m2.id) << "members come in link order";
  EXPECT_EQ((*members)[1].id, m1.id);

  auto c0 = reg_->CollectionById(cid);
  ASSERT_TRUE(c0.ok() && c0->has_value());
  EXPECT_EQ((*c0)->name, "mycoll");
  EXPECT_EQ((*c0)->meta_artifact_id, meta.id);
  Tick();
  ASSERT_TRUE(reg_->TrashCollection(cid).ok());
  auto c1 = reg_->CollectionById(cid);
  ASSERT_TRUE(c1.ok() && c1->has_value());
  EXPECT_EQ((*c1)->state, kStateTrash);
  EXPECT_GT((*c1)->updated_at, (*c0)->updated_at);
  EXPECT_EQ(Get(m1.id).state, kStateVisible) << "members are untouched";
  EXPECT_EQ(reg_->TrashCollection(cid).code(), Status::Code::kInvalid);
  auto trashed = reg_->Collections(StateFilter::kTrash);
  ASSERT_TRUE(trashed.ok());
  EXPECT_EQ(trashed->size(), 1u);

  // Restoring the collection brings its meta artifact back.
  ASSERT_TRUE(reg_->Trash(meta.id).ok());
  ASSERT_TRUE(reg_->RestoreCollection(cid, std::string("renamed")).ok());
  auto c2 = reg_->CollectionById(cid);
  ASSERT_TRUE(c2.ok() && c2->has_value());
  EXPECT_EQ((*c2)->state, kStateVisible);
  EXPECT_EQ((*c2)->name, "renamed");
  EXPECT_EQ(Get(meta.id).state, kStateVisible);

  ASSERT_TRUE(reg_->TrashCollection(cid).ok());
  ASSERT_TRUE(reg_->PurgeCollection(cid).ok());
  auto c3 = reg_->CollectionById(cid);
  ASSERT_TRUE(c3.ok());
  EXPECT_FALSE(c3->has_value());
  EXPECT_EQ(Scalar("SELECT count(*) FROM " + QuoteId(schema().collection_artifact)), 0);
  EXPECT_FALSE(Gone(m1.id));
  EXPECT_FALSE(Gone(m2.id));
  EXPECT_FALSE(Gone(meta.id));
  EXPECT_TRUE(Exists(Path(m1)));
  // No longer a member: purgeable now.
  EXPECT_TRUE(reg_->Purge(m1.id).ok());
  EXPECT_TRUE(reg_->Purge(meta.id).ok());
}

TEST_P(RegistryLifecycle, SavingAKeyAgainMakesVersions) {
  Artifact v1 = Add("version one", "v/data.csv");
  Tick();
  auto out = TrySave("version two", "v/data.csv");
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(out->kind, SaveOutcome::kNewVersion);
  Artifact v2 = out->artifact;
  EXPECT_EQ(v2.stem(), v1.stem());
  EXPECT_NE(v2.uid, v1.uid);
  if (V1()) {
    // LaminDB >= 1.0 leaves version_tag NULL and touches nothing of the previous version but
    // its is_latest.
    EXPECT_EQ(v2.version, std::nullopt);
    EXPECT_EQ(Get(v1.id).version, std::nullopt);
    EXPECT_EQ(Get(v1.id).updated_at, v1.updated_at);
  } else {
    // LaminDB 0.7x labels them "1", "2" (the first when the second appears).
    EXPECT_EQ(v2.version, "2");
    EXPECT_EQ(Get(v1.id).version, "1");
  }
  EXPECT_TRUE(v2.is_latest);
  EXPECT_FALSE(Get(v1.id).is_latest);
  EXPECT_TRUE(Exists(Path(Get(v1.id)))) << "the older version keeps its file";
  EXPECT_EQ(ReadAll(Path(v2)), "version two");

  auto at_key = reg_->ArtifactsByKey("v/data.csv", kStateVisible);
  ASSERT_TRUE(at_key.ok());
  ASSERT_EQ(at_key->size(), 2u);
  EXPECT_EQ(at_key->front().id, v2.id) << "latest first";

  // Identical content creates nothing and the staged file goes.
  StagedContent same = Stage("version two");
  auto unchanged = reg_->Save(same, SaveRequest{"v/data.csv", std::nullopt, ".csv"});
  ASSERT_TRUE(unchanged.ok()) << unchanged.status().ToString();
  EXPECT_EQ(unchanged->kind, SaveOutcome::kUnchanged);
  EXPECT_EQ(unchanged->artifact.id, v2.id);
  EXPECT_FALSE(Exists(same.path));
  auto fam = reg_->Family(v1.stem());
  ASSERT_TRUE(fam.ok());
  ASSERT_EQ(fam->size(), 2u);
  EXPECT_EQ(fam->front().id, v1.id) << "oldest first";
  auto by_stem = reg_->ArtifactByUid(v1.stem());
  ASSERT_TRUE(by_stem.ok() && by_stem->has_value());
  EXPECT_EQ((*by_stem)->id, v2.id);

  // Back to the first content: a third current version with that content.
  Tick();
  auto back = TrySave("version one", "v/data.csv");
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->kind, SaveOutcome::kNewVersion);
  auto shown = reg_->ArtifactsByKey("v/data.csv", kStateVisible);
  ASSERT_TRUE(shown.ok() && !shown->empty());
  EXPECT_EQ(shown->front().hash, HashBytes("version one").hash);
  EXPECT_EQ(ReadAll(Path(shown->front())), "version one");
}

TEST_P(RegistryLifecycle, TrashingTheLatestPromotesThePrevious) {
  Artifact v1 = Add("one", "v/x.txt");
  Tick();
  Artifact v2 = Add("two", "v/x.txt");
  ASSERT_EQ(v2.stem(), v1.stem());
  std::string latest_sql = "SELECT is_latest FROM " + Art() + " WHERE id = ";

  ASSERT_TRUE(reg_->Trash(v2.id).ok());
  EXPECT_TRUE(Get(v1.id).is_latest);
  if (V1()) {
    EXPECT_EQ(Scalar(latest_sql + std::to_string(v1.id)), 1);
    EXPECT_EQ(Scalar(latest_sql + std::to_string(v2.id)), 0);
  }
  auto shown = reg_->ArtifactsByKey("v/x.txt", kStateVisible);
  ASSERT_TRUE(shown.ok());
  ASSERT_EQ(shown->size(), 1u);
  EXPECT_EQ(shown->front().id, v1.id);

  ASSERT_TRUE(reg_->Restore(v2.id).ok());
  EXPECT_TRUE(Get(v2.id).is_latest);
  EXPECT_FALSE(Get(v1.id).is_latest);
  if (V1()) {
    EXPECT_EQ(Scalar(latest_sql + std::to_string(v1.id)), 0);
    EXPECT_EQ(Scalar(latest_sql + std::to_string(v2.id)), 1);
  }

  // Restoring an older version does not take is_latest.
  ASSERT_TRUE(reg_->Trash(v1.id).ok());
  ASSERT_TRUE(reg_->Restore(v1.id).ok());
  EXPECT_FALSE(Get(v1.id).is_latest);
  EXPECT_TRUE(Get(v2.id).is_latest);

  // Purging the latest promotes too.
  ASSERT_TRUE(reg_->Purge(v2.id).ok());
  EXPECT_TRUE(Get(v1.id).is_latest);
  if (V1()) {
    EXPECT_EQ(Scalar(latest_sql + std::to_string(v1.id)), 1);
  }
}

TEST_P(RegistryLifecycle, RealKeyFileIsKeptUnlessAsked) {
  Artifact a = MakeRealKey(Add("semantic", std::string("tmpkey/a.csv")), "real/a.csv");
  ASSERT_FALSE(a.key_is_virtual);
  std::string path = root_ + "/real/a.csv";
  EXPECT_EQ(Path(a), path);
  EXPECT_FALSE(info_->storage->IsManaged(a));
  ASSERT_TRUE(reg_->Trash(a.id).ok());
  auto out = reg_->Purge(a.id);
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_TRUE(Gone(a.id));
  EXPECT_EQ(out->kept_path, path);
  EXPECT_FALSE(out->deleted_path.has_value());
  EXPECT_TRUE(Exists(path));

  Artifact b = MakeRealKey(Add("semantic b", std::string("tmpkey/b.csv")), "real/b.csv");
  auto out2 = reg_->Purge(b.id, PurgeOptions{.purge_real_keys = true});
  ASSERT_TRUE(out2.ok()) << out2.status().ToString();
  EXPECT_EQ(out2->deleted_path, root_ + "/real/b.csv");
  EXPECT_FALSE(Exists(root_ + "/real/b.csv"));
  EXPECT_TRUE(Exists(path));
}

TEST_P(RegistryLifecycle, Rekey) {
  Artifact a = Add("aaa", "k/a.txt");
  std::string stored = Path(a);
  Tick();
  ASSERT_TRUE(reg_->Rekey(a.id, "k2/renamed.txt").ok());
  Artifact r = Get(a.id);
  EXPECT_EQ(r.key, "k2/renamed.txt");
  // A key edit leaves updated_at as LaminDB does: >= 1.0 never changes it, 0.7x sets it.
  if (V1()) {
    EXPECT_EQ(r.updated_at, a.updated_at);
  } else {
    EXPECT_GT(r.updated_at, a.updated_at);
  }
  EXPECT_EQ(Path(r), stored) << "a virtual key moves no file";
  EXPECT_EQ(reg_->Rekey(a.id, "../escape.txt").code(), Status::Code::kInvalid);
  EXPECT_EQ(reg_->Rekey(a.id, ".lamindb/x.txt").code(), Status::Code::kInvalid);

  Artifact b = Add("bbb", "k/b.txt");
  Status taken = reg_->Rekey(b.id, "k2/renamed.txt");
  EXPECT_EQ(taken.code(), Status::Code::kExists) << taken.ToString();
  EXPECT_EQ(Get(b.id).key, "k/b.txt");
  EXPECT_EQ(Get(a.id).state, kStateVisible);

  ASSERT_TRUE(reg_->Rekey(b.id, "k2/renamed.txt", /*replace=*/true).ok());
  EXPECT_EQ(Get(b.id).key, "k2/renamed.txt");
  EXPECT_EQ(Get(a.id).state, kStateTrash) << "the displaced record goes to the trash";
  EXPECT_EQ(Get(a.id).key, "k2/renamed.txt");

  // A real-key file moves on disk with its key.
  Artifact c = MakeRealKey(Add("ccc", std::string("tmp/c.csv")), "rk/one/c.csv");
  ASSERT_TRUE(reg_->Rekey(c.id, "rk2/c2.csv").ok());
  EXPECT_EQ(Get(c.id).key, "rk2/c2.csv");
  EXPECT_TRUE(Exists(root_ + "/rk2/c2.csv"));
  EXPECT_FALSE(Exists(root_ + "/rk/one/c.csv"));
  EXPECT_FALSE(Exists(root_ + "/rk")) << "emptied real-key directories are pruned";
  EXPECT_EQ(ReadAll(root_ + "/rk2/c2.csv"), "ccc");
  EXPECT_EQ(Scalar("SELECT count(*) FROM regfs_pending"), 0);

  // A real-key target already on disk refuses the re-key, with nothing changed.
  WriteAll(root_ + "/occupied.csv", "x");
  EXPECT_EQ(reg_->Rekey(c.id, "occupied.csv").code(), Status::Code::kExists);
  EXPECT_EQ(Get(c.id).key, "rk2/c2.csv");
  EXPECT_EQ(Scalar("SELECT count(*) FROM regfs_pending"), 0);
}

TEST_P(RegistryLifecycle, RekeyFollowsRealKeyColumn) {
  if (!V1()) GTEST_SKIP() << "_real_key exists in LaminDB >= 1.0 only";
  Artifact a = Add("real", "label/a.csv");
  std::string from = Path(a);
  fs::create_directories(root_ + "/place");
  fs::rename(from, root_ + "/place/a.csv");
  Exec("UPDATE lamindb_artifact SET _real_key = 'place/a.csv' WHERE id = " + std::to_string(a.id));
  ASSERT_EQ(Path(Get(a.id)), root_ + "/place/a.csv");
  ASSERT_TRUE(reg_->Rekey(a.id, "moved/a.csv").ok());
  Artifact r = Get(a.id);
  EXPECT_EQ(r.key, "moved/a.csv");
  EXPECT_EQ(r.real_key, "moved/a.csv");
  EXPECT_EQ(ReadAll(root_ + "/moved/a.csv"), "real");
  EXPECT_FALSE(Exists(root_ + "/place/a.csv"));
}

TEST_P(RegistryLifecycle, RekeyDir) {
  Artifact a = Add("1", "d/1.txt");
  Artifact b = Add("2", "d/sub/2.txt");
  Artifact c = Add("3", "dx/3.txt");  // a sibling whose name merely starts with "d"
  Artifact d = Add("4", "d.txt");
  auto under = reg_->ArtifactsUnder("d", kStateVisible);
  ASSERT_TRUE(under.ok());
  ASSERT_EQ(under->size(), 2u);
  EXPECT_EQ((*under)[0].id, a.id);
  EXPECT_EQ((*under)[1].id, b.id);

  ASSERT_TRUE(reg_->RekeyDir("d", "e/f", kStateVisible).ok());
  EXPECT_EQ(Get(a.id).key, "e/f/1.txt");
  EXPECT_EQ(Get(b.id).key, "e/f/sub/2.txt");
  EXPECT_EQ(Get(c.id).key, "dx/3.txt");
  EXPECT_EQ(Get(d.id).key, "d.txt");
  auto old = reg_->ArtifactsUnder("d", kStateVisible);
  ASSERT_TRUE(old.ok());
  EXPECT_TRUE(old->empty());

  Artifact g = Add("5", "g/1.txt");
  Status st = reg_->RekeyDir("e/f", "g", kStateVisible);
  EXPECT_EQ(st.code(), Status::Code::kExists) << st.ToString();
  EXPECT_EQ(Get(a.id).key, "e/f/1.txt") << "all or nothing";
  EXPECT_EQ(Get(b.id).key, "e/f/sub/2.txt");
  EXPECT_EQ(Get(g.id).key, "g/1.txt");
  EXPECT_EQ(reg_->RekeyDir("nothing", "here", kStateVisible).code(), Status::Code::kNotFound);
  EXPECT_EQ(reg_->RekeyDir("e", "e/inner", kStateVisible).code(), Status::Code::kInvalid);
}

// The mount's directory listing (fs/view.h): records shown directly in a directory and the
// names of its subdirectories, by state; unsafe keys where their key is still safe.
TEST_P(RegistryLifecycle, ListDirShowsOneLevelPerState) {
  Artifact deep = Add("1", "a/b/c.txt");
  Artifact ad = Add("2", "a/d.txt");
  Artifact top = Add("3", "e.txt");
  Artifact keyless = Add("4", std::nullopt);
  Artifact trashed = Add("5", "a/t.txt");
  Artifact only_trash = Add("6", "z/q.txt");
  Artifact unsafe = Add("7", "x/y.txt");
  Exec("UPDATE " + Art() + " SET key = 'x//y.txt' WHERE id = " + std::to_string(unsafe.id));
  ASSERT_TRUE(reg_->Trash(trashed.id).ok());
  ASSERT_TRUE(reg_->Trash(only_trash.id).ok());
  (void)deep;

  auto list = [&](const std::string& dir, int state) {
    std::vector<std::string> out;
    Status st = reg_->ListDir(
        dir, state, [&](const Registry::Listed& l) { out.push_back("f:" + std::to_string(l.id)); },
        [&](std::string_view name) { out.push_back("d:" + std::string(name)); });
    EXPECT_TRUE(st.ok()) << st.ToString();
    std::sort(out.begin(), out.end());
    return out;
  };
  auto f = [](const Artifact& a) { return "f:" + std::to_string(a.id); };
  std::vector<std::string> want_top = {"d:a", "d:x", f(top), f(keyless)};
  std::sort(want_top.begin(), want_top.end());
  EXPECT_EQ(list("", kStateVisible), want_top);  // z/ has trashed records only
  EXPECT_EQ(list("a", kStateVisible), (std::vector<std::string>{"d:b", f(ad)}));
  EXPECT_EQ(list("x", kStateVisible), (std::vector<std::string>{f(unsafe)}));  // x//y.txt
  EXPECT_EQ(list("a/b", kStateVisible), (std::vector<std::string>{f(deep)}));
  EXPECT_EQ(list("", kStateTrash), (std::vector<std::string>{"d:a", "d:z"}));
  EXPECT_EQ(list("a", kStateTrash), (std::vector<std::string>{f(trashed)}));
  EXPECT_TRUE(list("nothing", kStateVisible).empty());
  // "dx" merely starts with "d": never part of "d"'s range.
  Add("8", "dx/1.txt");
  Add("9", "d/1.txt");
  EXPECT_EQ(list("d", kStateVisible).size(), 1u);
}

// The mount batches the clean-up of finished purges: the files go at once, the pending rows
// in one transaction later; a crash in between leaves rows that only name deleted files.
TEST_P(RegistryLifecycle, BatchedPurgesClearTheirPendingRowsLater) {
  reg_->set_batch_pending(true);
  std::vector<std::string> paths;
  for (int i = 0; i < 3; ++i) {
    Artifact a = Add("batch " + std::to_string(i), "b/" + std::to_string(i) + ".txt");
    paths.push_back(Path(a));
    ASSERT_TRUE(reg_->Purge(a.id).ok());
    EXPECT_TRUE(Gone(a.id));
    EXPECT_FALSE(Exists(paths.back()));
  }
  EXPECT_EQ(Scalar("SELECT count(*) FROM regfs_pending"), 3);
  ASSERT_TRUE(reg_->FlushPending().ok());
  EXPECT_EQ(Scalar("SELECT count(*) FROM regfs_pending"), 0);

  // Rows left behind (a crash before the flush) are finished without harm.
  Artifact b = Add("left", "b/left.txt");
  ASSERT_TRUE(reg_->Purge(b.id).ok());
  EXPECT_EQ(Scalar("SELECT count(*) FROM regfs_pending"), 1);
  auto done = reg_->FinishPending();
  ASSERT_TRUE(done.ok()) << done.status().ToString();
  EXPECT_EQ(*done, 1);
  EXPECT_EQ(Scalar("SELECT count(*) FROM regfs_pending"), 0);
}

// A pending delete of a path that a record uses again deletes nothing: a real key purged,
// then taken by another record before the pending row was finished.
TEST_P(RegistryLifecycle, PendingDeleteOfAPathInUseAgainKeepsTheFile) {
  Artifact a = MakeRealKey(Add("new owner", "r/owned.txt"), "r/owned.txt");
  std::string path = root_ + "/r/owned.txt";
  ASSERT_TRUE(Exists(path));
  Exec("INSERT INTO regfs_pending (op, path, path2, created_at) VALUES ('delete', '" + path +
       "', NULL, '" + NowTimestamp() + "')");
  auto done = reg_->FinishPending();
  ASSERT_TRUE(done.ok()) << done.status().ToString();
  EXPECT_TRUE(Exists(path)) << "a live record's file was deleted by a stale pending row";
  EXPECT_EQ(Scalar("SELECT count(*) FROM regfs_pending"), 0);
  EXPECT_EQ(Get(a.id).key, "r/owned.txt");
}

TEST_P(RegistryLifecycle, PendingDeleteSurvivesACrash) {
  Artifact a = Add("crash", "crash/a.txt");
  std::string path = Path(a);
  reg_->after_purge_commit_for_test = [] { return false; };
  auto out = reg_->Purge(a.id);
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_TRUE(Gone(a.id));
  EXPECT_TRUE(Exists(path)) << "the 'crash' came before the file delete";
  EXPECT_EQ(Scalar("SELECT count(*) FROM regfs_pending WHERE op = 'delete'"), 1);

  // What the next mount or fsck finds.
  auto fresh = Registry::Open(info_);
  ASSERT_TRUE(fresh.ok()) << fresh.status().ToString();
  auto report = (*fresh)->Fsck(false);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  ASSERT_EQ(report->pending.size(), 1u);
  EXPECT_NE(report->pending[0].find(path), std::string::npos) << report->pending[0];
  EXPECT_TRUE(report->orphan_files.empty()) << report->orphan_files[0];
  EXPECT_TRUE(Exists(path)) << "fsck without --repair changes nothing";

  auto repaired = (*fresh)->Fsck(true);
  ASSERT_TRUE(repaired.ok()) << repaired.status().ToString();
  EXPECT_EQ(repaired->repaired, 1);
  EXPECT_FALSE(Exists(path));
  EXPECT_EQ(Scalar("SELECT count(*) FROM regfs_pending"), 0);
  auto after = (*fresh)->Fsck(false);
  ASSERT_TRUE(after.ok());
  EXPECT_TRUE(after->clean());
}

TEST_P(RegistryLifecycle, FsckReportsMissingAndOrphanFiles) {
  Artifact a = Add("will vanish", "f/a.txt");
  Add("stays", "f/b.txt");
  fs::remove(Path(a));
  WriteAll(root_ + "/.lamindb/stray.bin", "?");
  auto rep = reg_->Fsck(false);
  ASSERT_TRUE(rep.ok()) << rep.status().ToString();
  ASSERT_EQ(rep->missing_files.size(), 1u);
  EXPECT_EQ(rep->missing_files[0], a.uid + " " + Path(a));
  ASSERT_EQ(rep->orphan_files.size(), 1u);
  EXPECT_EQ(rep->orphan_files[0], root_ + "/.lamindb/stray.bin");
  EXPECT_FALSE(rep->clean());
  auto rep2 = reg_->Fsck(true);
  ASSERT_TRUE(rep2.ok());
  EXPECT_TRUE(Exists(root_ + "/.lamindb/stray.bin")) << "repair deletes nothing else";
  EXPECT_FALSE(Gone(a.id));
}

TEST_P(RegistryLifecycle, PendingMoveIsFinished) {
  // A re-key whose rename did not happen: the row says "moved", the file is still at the
  // old place, and regfs_pending says so.
  Artifact a = MakeRealKey(Add("m", std::string("tmp/m.csv")), "old/m.csv");
  Exec("UPDATE " + Art() + " SET key = 'new/m.csv' WHERE id = " + std::to_string(a.id));
  Exec("INSERT INTO regfs_pending (op, path, path2, created_at) VALUES ('move', '" + root_ +
       "/old/m.csv', '" + root_ + "/new/m.csv', '" + NowTimestamp() + "')");
  auto n = reg_->FinishPending();
  ASSERT_TRUE(n.ok()) << n.status().ToString();
  EXPECT_EQ(*n, 1);
  EXPECT_EQ(ReadAll(root_ + "/new/m.csv"), "m");
  EXPECT_FALSE(Exists(root_ + "/old/m.csv"));
  EXPECT_EQ(Scalar("SELECT count(*) FROM regfs_pending"), 0);
}

TEST_P(RegistryLifecycle, SetDescription) {
  Artifact a = Add("d", "desc.txt");
  ASSERT_TRUE(reg_->SetDescription(a.id, std::string("mydf")).ok());
  EXPECT_EQ(Get(a.id).description, "mydf");
  ASSERT_TRUE(reg_->SetDescription(a.id, std::nullopt).ok());
  EXPECT_FALSE(Get(a.id).description.has_value());
}

// The mount's purges share one transaction (a batch): each is a savepoint of it, and other
// connections see none of them until CommitBatch.
TEST_P(RegistryLifecycle, PurgesInABatchCommitTogether) {
  int ended = 0;
  Status last;
  reg_->set_on_batch_end([&](const Status& st) {
    ++ended;
    last = st;
  });
  auto other = SqliteDb::Open(info_->db_path, {.read_only = true});
  ASSERT_TRUE(other.ok()) << other.status().ToString();
  auto rows_for_other = [&](int64_t id) {
    auto st =
        (*other)->Prepare("SELECT count(*) FROM " + Art() + " WHERE id = " + std::to_string(id));
    EXPECT_TRUE(st.ok());
    auto row = (*st)->Step();
    return row.ok() && *row ? (*st)->Int(0) : -1;
  };
  Artifact a = Add("batch a", "bt/a.txt");
  Artifact b = Add("batch b", "bt/b.txt");
  Artifact v = Add("still visible", "bt/v.txt");
  ASSERT_TRUE(reg_->Trash(a.id).ok());
  ASSERT_TRUE(reg_->Trash(b.id).ok());

  ASSERT_TRUE(reg_->BeginBatch().ok());
  EXPECT_TRUE(reg_->in_batch());
  PurgeOptions opts;
  opts.caller_deletes = true;
  opts.expect_state = kStateTrash;
  auto pa = reg_->Purge(a.id, opts);
  ASSERT_TRUE(pa.ok()) << pa.status().ToString();
  // One that fails is undone alone and leaves the batch open.
  EXPECT_EQ(reg_->Purge(v.id, opts).status().code(), Status::Code::kNotFound);
  auto pb = reg_->Purge(b.id, opts);
  ASSERT_TRUE(pb.ok()) << pb.status().ToString();
  EXPECT_TRUE(reg_->in_batch());
  EXPECT_TRUE(Gone(a.id));  // this connection sees its own batch
  EXPECT_EQ(rows_for_other(a.id), 1) << "another connection saw a purge before the commit";
  EXPECT_EQ(rows_for_other(b.id), 1);
  EXPECT_EQ(ended, 0);

  ASSERT_TRUE(reg_->CommitBatch().ok());
  EXPECT_FALSE(reg_->in_batch());
  EXPECT_EQ(ended, 1);
  EXPECT_TRUE(last.ok()) << last.ToString();
  EXPECT_EQ(rows_for_other(a.id), 0);
  EXPECT_EQ(rows_for_other(b.id), 0);
  EXPECT_EQ(rows_for_other(v.id), 1);
  // The files are the caller's to delete, now that the rows' deletion is committed.
  ASSERT_TRUE(pa->to_delete.has_value());
  EXPECT_TRUE(Exists(*pa->to_delete));
  EXPECT_TRUE(Exists(Path(v)));
}

// A purge that deletes its file itself (a real key) commits the batch before the file goes:
// no file is deleted while a crash could still bring its row back.
TEST_P(RegistryLifecycle, APurgeThatDeletesAtOnceCommitsTheBatchFirst) {
  int ended = 0;
  reg_->set_on_batch_end([&](const Status& st) {
    EXPECT_TRUE(st.ok()) << st.ToString();
    ++ended;
  });
  Artifact a = Add("managed", "bt/m.txt");
  ASSERT_TRUE(reg_->Trash(a.id).ok());
  Artifact r = MakeRealKey(Add("real", std::string("tmpkey/r.csv")), "real/r.csv");
  ASSERT_TRUE(reg_->Trash(r.id).ok());
  ASSERT_TRUE(reg_->BeginBatch().ok());
  PurgeOptions opts;
  opts.caller_deletes = true;
  ASSERT_TRUE(reg_->Purge(a.id, opts).ok());
  EXPECT_TRUE(reg_->in_batch());
  opts.purge_real_keys = true;
  auto pr = reg_->Purge(r.id, opts);
  ASSERT_TRUE(pr.ok()) << pr.status().ToString();
  EXPECT_FALSE(reg_->in_batch());
  EXPECT_EQ(ended, 1);
  EXPECT_EQ(pr->deleted_path, root_ + "/real/r.csv");
  EXPECT_FALSE(Exists(root_ + "/real/r.csv"));
  // Committed: a rollback can no longer bring either row back.
  EXPECT_FALSE(reg_->db_for_test().InTransaction());
  EXPECT_TRUE(Gone(a.id));
  EXPECT_TRUE(Gone(r.id));
}

// LaminDB's foreign keys are deferred: a part of a batch that leaves a reference dangling
// fails alone, at its savepoint, instead of failing the batch's COMMIT.
TEST_P(RegistryLifecycle, ADanglingReferenceFailsItsOwnPartOfABatch) {
  Artifact a = Add("kept", "bt/k.txt");
  int64_t col = AddCollection("c", std::nullopt, {a.id});
  ASSERT_TRUE(reg_->BeginBatch().ok());
  {
    auto txn = Transaction::Begin(reg_->db_for_test());
    ASSERT_TRUE(txn.ok());
    Exec("INSERT INTO " + QuoteId(schema().collection_artifact) +
         " (created_at, artifact_id, collection_id, created_by_id) VALUES ('" + NowTimestamp() +
         "', 999999, " + std::to_string(col) + ", 1)");
    EXPECT_FALSE((*txn)->Commit().ok()) << "a dangling artifact_id was accepted";
  }
  EXPECT_EQ(Scalar("SELECT count(*) FROM " + QuoteId(schema().collection_artifact) +
                   " WHERE artifact_id = 999999"),
            0);
  EXPECT_TRUE(reg_->CommitBatch().ok());
}

// SPEC.md section 3: trashing the only version of a family keeps its is_latest (LaminDB's
// rule, so that a later restore by LaminDB finds a latest version).
TEST_P(RegistryLifecycle, TrashOfTheOnlyVersionKeepsIsLatest) {
  Artifact a = Add("alone", "only/a.txt");
  ASSERT_TRUE(reg_->Trash(a.id).ok());
  EXPECT_TRUE(Get(a.id).is_latest);
  if (V1()) {
    EXPECT_EQ(Scalar("SELECT is_latest FROM " + Art() + " WHERE id = " + std::to_string(a.id)), 1);
  }
  ASSERT_TRUE(reg_->Restore(a.id).ok());
  EXPECT_TRUE(Get(a.id).is_latest);
  // And a new version then demotes it, as LaminDB's would.
  Artifact b = Add("alone, second", "only/a.txt");
  EXPECT_EQ(b.stem(), a.stem());
  EXPECT_FALSE(Get(a.id).is_latest);
}

// LaminDB >= 1.0 writes `_aux` as SQL NULL; its column default is the JSON text 'null'.
TEST_P(RegistryLifecycle, InsertedRowsHaveSqlNullAux) {
  if (!schema().HasArtifactColumn("_aux")) GTEST_SKIP() << "no _aux column in this layout";
  Artifact a = Add("aux", "aux/a.txt");
  EXPECT_EQ(Scalar("SELECT count(*) FROM " + Art() + " WHERE id = " + std::to_string(a.id) +
                   " AND _aux IS NULL"),
            1);
}

// The unique index LaminDB >= 1.0 has on (storage, hash) where the key is NULL never
// surfaces: saving key-less content a key-less record holds returns that record, from the
// trash too (LaminDB 2.9's rule), on every layout.
TEST_P(RegistryLifecycle, KeylessContentAlreadyRegisteredReturnsThatRecord) {
  Artifact a = Add("keyless once", std::nullopt);
  auto again = TrySave("keyless once", std::nullopt);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(again->kind, SaveOutcome::kUnchanged);
  EXPECT_EQ(again->artifact.id, a.id);
  ASSERT_TRUE(reg_->Trash(a.id).ok());
  auto back = TrySave("keyless once", std::nullopt);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->artifact.id, a.id);
  EXPECT_EQ(Get(a.id).state, kStateVisible);
  EXPECT_EQ(Scalar("SELECT count(*) FROM " + Art() + " WHERE key IS NULL"), 1);
  // The same content under a key is a record of its own (deliberate).
  Artifact k = Add("keyless once", "keyed/k.txt");
  EXPECT_NE(k.id, a.id);
}

// SPEC.md section 4: the suffix follows the new key and the stored file is renamed with
// it, after the commit, through the pending journal; a crash in between is finished by
// FinishPending (or fsck).
TEST_P(RegistryLifecycle, RekeyToAnotherSuffixRenamesTheFileCrashSafely) {
  Artifact a = Add("x,y\n", "sfx/k.txt");
  std::string txt = Path(a);
  ASSERT_TRUE(reg_->Rekey(a.id, "sfx/k.csv").ok());
  Artifact r = Get(a.id);
  EXPECT_EQ(r.suffix, ".csv");
  EXPECT_EQ(Path(r), root_ + "/.lamindb/" + a.uid + ".csv");
  EXPECT_TRUE(Exists(Path(r)));
  EXPECT_FALSE(Exists(txt));
  EXPECT_EQ(Scalar("SELECT count(*) FROM regfs_pending"), 0);

  // A crash between the commit and the rename.
  reg_->after_rekey_commit_for_test = [] { return false; };
  ASSERT_TRUE(reg_->Rekey(a.id, "sfx/k.tsv").ok());
  reg_->after_rekey_commit_for_test = nullptr;
  std::string tsv = root_ + "/.lamindb/" + a.uid + ".tsv";
  EXPECT_EQ(Get(a.id).suffix, ".tsv");
  EXPECT_FALSE(Exists(tsv));
  EXPECT_TRUE(Exists(Path(r))) << "the file waits at its old name";
  EXPECT_EQ(Scalar("SELECT count(*) FROM regfs_pending WHERE op = 'move'"), 1);
  auto fresh = Registry::Open(info_);
  ASSERT_TRUE(fresh.ok());
  auto rep = (*fresh)->Fsck(false);
  ASSERT_TRUE(rep.ok());
  EXPECT_EQ(rep->pending.size(), 1u);
  EXPECT_TRUE(rep->orphan_files.empty()) << "the old name is pending, not an orphan";
  auto done = (*fresh)->FinishPending();
  ASSERT_TRUE(done.ok()) << done.status().ToString();
  EXPECT_EQ(*done, 1);
  EXPECT_EQ(ReadAll(tsv), "x,y\n");
  EXPECT_FALSE(Exists(Path(r)));
  auto clean = (*fresh)->Fsck(false);
  ASSERT_TRUE(clean.ok());
  EXPECT_TRUE(clean->clean());
}

// The mount's `mv .trash/artifacts/K artifacts/K2` onto a name another family shows: one
// transaction displaces that record and restores this one, checking that it is still in
// the trash.
TEST_P(RegistryLifecycle, RestoreOntoAnOccupiedKeyDisplacesInOneTransaction) {
  Artifact a = Add("trashed", "occ/a.txt");
  ASSERT_TRUE(reg_->Trash(a.id).ok());
  Artifact b = Add("in the way", "occ/b.txt");
  RestoreOptions opts;
  opts.new_key = "occ/b.txt";
  opts.displace = true;
  opts.expect_state = kStateTrash;
  // Without displacement the key is taken.
  EXPECT_EQ(reg_->Restore(a.id, RestoreOptions{.new_key = std::string("occ/b.txt")}).code(),
            Status::Code::kExists);
  EXPECT_EQ(Get(a.id).state, kStateTrash);
  ASSERT_TRUE(reg_->Restore(a.id, opts).ok());
  EXPECT_EQ(Get(a.id).state, kStateVisible);
  EXPECT_EQ(Get(a.id).key, "occ/b.txt");
  EXPECT_EQ(Get(b.id).state, kStateTrash) << "displaced, not lost";
  // The state the caller saw changed meanwhile (restored already): nothing happens.
  Status lost = reg_->Restore(a.id, opts);
  EXPECT_EQ(lost.code(), Status::Code::kNotFound) << lost.ToString();
  EXPECT_EQ(Get(b.id).state, kStateTrash);
  // A version of the record's own family stays visible.
  Artifact v = Add("newer version", "occ/b.txt");
  ASSERT_TRUE(reg_->Trash(a.id).ok());
  ASSERT_TRUE(reg_->Restore(a.id, opts).ok());
  EXPECT_EQ(Get(v.id).state, kStateVisible);
  EXPECT_TRUE(Get(v.id).is_latest) << "the newer version stays the latest";
}

TEST_P(RegistryLifecycle, RestoreDirIsOneTransaction) {
  Artifact a = Add("a", "rd/a.txt");
  Artifact b = Add("b", "rd/sub/b.txt");
  Artifact keep = Add("keep", "rdx/c.txt");
  ASSERT_TRUE(reg_->Trash(a.id).ok());
  ASSERT_TRUE(reg_->Trash(b.id).ok());
  Artifact other = Add("other family", "rd2/a.txt");
  auto n = reg_->RestoreDir("rd", "rd2");
  ASSERT_TRUE(n.ok()) << n.status().ToString();
  EXPECT_EQ(*n, 2);
  EXPECT_EQ(Get(a.id).key, "rd2/a.txt");
  EXPECT_EQ(Get(b.id).key, "rd2/sub/b.txt");
  EXPECT_EQ(Get(a.id).state, kStateVisible);
  EXPECT_EQ(Get(b.id).state, kStateVisible);
  EXPECT_EQ(Get(other.id).state, kStateTrash) << "displaced by the restore";
  EXPECT_EQ(Get(keep.id).key, "rdx/c.txt") << "a sibling prefix is not below rd/";
  EXPECT_TRUE(reg_->RestoreDir("rd", "rd3").status().IsNotFound());
}

// `regfs trash empty`'s policy, in one transaction: collections first (their purge frees
// their trashed members), protected records skipped, the cut-off by trash time, files after
// the commit.
TEST_P(RegistryLifecycle, EmptyTrashPolicy) {
  Artifact member = Add("member", "et/member.txt");
  Artifact protected_member = Add("kept member", "et/kept.txt");
  Artifact loose = Add("loose", "et/loose.txt");
  int64_t gone = AddCollection("gone", std::nullopt, {member.id});
  AddCollection("stays", std::nullopt, {protected_member.id});
  ASSERT_TRUE(reg_->TrashCollection(gone).ok());
  for (int64_t id : {member.id, protected_member.id, loose.id}) ASSERT_TRUE(reg_->Trash(id).ok());
  std::string loose_file = Path(Get(loose.id));

  auto dry = reg_->EmptyTrash(EmptyTrashOptions{.dry_run = true});
  ASSERT_TRUE(dry.ok()) << dry.status().ToString();
  EXPECT_EQ(dry->purged_collections, 1);
  EXPECT_EQ(dry->purged_artifacts, 1) << "the member is still protected in a dry run";
  EXPECT_FALSE(Gone(loose.id)) << "a dry run changes nothing";
  EXPECT_TRUE(Exists(loose_file));

  // Nothing trashed before a time long past.
  timespec past{1000, 0};
  auto none = reg_->EmptyTrash(EmptyTrashOptions{.trashed_before = past});
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(none->purged_artifacts + none->purged_collections, 0);

  auto rep = reg_->EmptyTrash(EmptyTrashOptions{});
  ASSERT_TRUE(rep.ok()) << rep.status().ToString();
  EXPECT_EQ(rep->purged_collections, 1);
  EXPECT_EQ(rep->purged_artifacts, 2) << "the member of the purged collection goes too";
  EXPECT_EQ(rep->skipped, 1);
  EXPECT_EQ(rep->failed, 0);
  EXPECT_TRUE(Gone(member.id));
  EXPECT_TRUE(Gone(loose.id));
  EXPECT_FALSE(Gone(protected_member.id));
  EXPECT_FALSE(Exists(loose_file));
  EXPECT_EQ(Scalar("SELECT count(*) FROM regfs_pending"), 0);
  bool reported = false;
  for (const auto& item : rep->items) {
    if (item.id == protected_member.id) {
      EXPECT_EQ(item.kind, EmptyTrashReport::Item::kSkipped);
      EXPECT_NE(item.reason.find("member of collection"), std::string::npos) << item.reason;
      reported = true;
    }
  }
  EXPECT_TRUE(reported);
}

TEST_P(RegistryLifecycle, EmptyTrashThatCannotCommitChangesNothing) {
  Artifact a = Add("a", "etc/a.txt");
  ASSERT_TRUE(reg_->Trash(a.id).ok());
  std::string file = Path(Get(a.id));
  ASSERT_TRUE(reg_->FailCommitsForTest(true).ok());
  auto rep = reg_->EmptyTrash(EmptyTrashOptions{});
  ASSERT_TRUE(reg_->FailCommitsForTest(false).ok());
  EXPECT_FALSE(rep.ok());
  EXPECT_FALSE(Gone(a.id));
  EXPECT_TRUE(Exists(file));
  EXPECT_EQ(Scalar("SELECT count(*) FROM regfs_pending"), 0);
}

INSTANTIATE_TEST_SUITE_P(Registry, RegistryLifecycle,
                         ::testing::Values(Kind::kInit, Kind::kV073Sql, Kind::kV26Db),
                         [](const ::testing::TestParamInfo<Kind>& p) { return KindName(p.param); });

// ---------------------------------------------------------------- instances

TEST(RegistryInstance, InitCreatesThe07Layout) {
  TempDir tmp;
  std::string root = fs::canonical(tmp.path()).string() + "/a/b";
  ASSERT_TRUE(InitInstance(root, InitOptions{.layout = LaminDbRelease::k0_73}).ok());
  auto db = FindDatabase(root);
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  std::string name = fs::path(*db).filename().string();
  EXPECT_EQ(name.size(), 32u + 5u);
  EXPECT_EQ(name.substr(32), ".lndb");
  EXPECT_TRUE(fs::is_directory(root + "/.lamindb"));
  auto info = OpenInstance(root, false);
  ASSERT_TRUE(info.ok()) << info.status().ToString();
  EXPECT_EQ(ReadAll(root + "/.lamindb/_is_initialized"), (*info)->storage_uid);
  EXPECT_EQ((*info)->storage_uid.size(), 12u);
  EXPECT_EQ((*info)->schema.layout, Layout::kV07);
  auto reg = Registry::Open(*info);
  ASSERT_TRUE(reg.ok());
  auto st = (*reg)->db_for_test().Prepare(
      "SELECT s.root, s.type, u.handle, length(u.uid) FROM lnschema_core_storage s "
      "JOIN lnschema_core_user u ON u.id = s.created_by_id");
  ASSERT_TRUE(st.ok());
  Statement& row = **st;
  ASSERT_TRUE(*row.Step());
  EXPECT_EQ(row.Text(0), root);
  EXPECT_EQ(row.Text(1), "local");
  EXPECT_FALSE(row.Text(2).empty());
  EXPECT_EQ(row.Int(3), 8);

  EXPECT_EQ(InitInstance(root, InitOptions{.layout = LaminDbRelease::k0_73}).code(), Status::Code::kExists);
}

TEST(RegistryInstance, OpenFindsTheStorageRow) {
  TempDir tmp;
  std::string root = fs::canonical(tmp.path()).string() + "/inst";
  ASSERT_NO_FATAL_FAILURE(BuildInstance(Kind::kV073Sql, root));
  std::string db = root + "/.lamindb/lamin.db";
  {
    auto c = SqliteDb::Open(db, {});
    ASSERT_TRUE(c.ok());
    // A trailing '/' is the same root.
    MustExec(**c, "UPDATE lnschema_core_storage SET root = root || '/'");
  }
  auto info = OpenInstance(root + "/", false);
  ASSERT_TRUE(info.ok()) << info.status().ToString();
  EXPECT_EQ((*info)->storage_uid, "stor00000001");
  {
    auto c = SqliteDb::Open(db, {});
    ASSERT_TRUE(c.ok());
    // A moved instance: the root differs, _is_initialized still names the row.
    MustExec(**c, "UPDATE lnschema_core_storage SET root = '/somewhere/else'");
  }
  info = OpenInstance(root, false);
  ASSERT_TRUE(info.ok()) << info.status().ToString();
  EXPECT_EQ((*info)->storage_uid, "stor00000001");
  EXPECT_EQ((*info)->storage->storage_root(), root);
  WriteAll(root + "/.lamindb/_is_initialized", "otherstorage");
  info = OpenInstance(root, false);
  ASSERT_FALSE(info.ok());
  EXPECT_EQ(info.status().code(), Status::Code::kNotFound);
  EXPECT_NE(info.status().message().find(root), std::string::npos);
}

TEST(RegistryInstance, ReadOnlyDatabaseOpensReadOnly) {
  if (geteuid() == 0) GTEST_SKIP() << "root ignores file permissions";
  TempDir tmp;
  std::string root = fs::canonical(tmp.path()).string() + "/inst";
  ASSERT_NO_FATAL_FAILURE(BuildInstance(Kind::kV073Sql, root));
  {
    auto info = OpenInstance(root, false);  // creates regfs_pending, checkpoints on close
    ASSERT_TRUE(info.ok()) << info.status().ToString();
  }
  fs::permissions(root + "/.lamindb/lamin.db",
                  fs::perms::owner_write | fs::perms::group_write | fs::perms::others_write,
                  fs::perm_options::remove);
  auto info = OpenInstance(root, false);
  ASSERT_TRUE(info.ok()) << info.status().ToString();
  EXPECT_TRUE((*info)->read_only);
  auto reg = Registry::Open(*info);
  ASSERT_TRUE(reg.ok()) << reg.status().ToString();
  auto all = (*reg)->Artifacts(StateFilter::kAll);
  EXPECT_TRUE(all.ok()) << all.status().ToString();

  // A read-only directory: SQLite can make no journal there, so regfs only reads.
  fs::permissions(root + "/.lamindb/lamin.db", fs::perms::owner_write, fs::perm_options::add);
  fs::permissions(root + "/.lamindb",
                  fs::perms::owner_write | fs::perms::group_write | fs::perms::others_write,
                  fs::perm_options::remove);
  auto info2 = OpenInstance(root, false);
  ASSERT_TRUE(info2.ok()) << info2.status().ToString();
  EXPECT_TRUE((*info2)->read_only);
  auto reg2 = Registry::Open(*info2);
  ASSERT_TRUE(reg2.ok()) << reg2.status().ToString();
  auto all2 = (*reg2)->Artifacts(StateFilter::kAll);
  EXPECT_TRUE(all2.ok()) << all2.status().ToString();
}

TEST(RegistryInstance, FindInstanceRoot) {
  auto flag = FindInstanceRoot(std::string("/some/where/"));
  ASSERT_TRUE(flag.ok());
  EXPECT_EQ(*flag, "/some/where");
}

// ---------------------------------------------------------------- versions

TEST(RegistryNextVersion, BumpsTheLastNumber) {
  EXPECT_EQ(NextVersion(std::nullopt), "2");
  EXPECT_EQ(NextVersion(std::string("1")), "2");
  EXPECT_EQ(NextVersion(std::string("9")), "10");
  EXPECT_EQ(NextVersion(std::string("v1.9")), "v1.10");
  EXPECT_EQ(NextVersion(std::string("2.0-rc1")), "2.0-rc2");
  EXPECT_EQ(NextVersion(std::string("v099")), "v100");
  EXPECT_EQ(NextVersion(std::string("beta")), "beta.2");
  EXPECT_EQ(NextVersion(std::string("")), "2");
}

}  // namespace
}  // namespace regfs
