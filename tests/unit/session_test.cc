// The mount's session without a kernel (fs/session/session.h): the view is loaded one directory at
// a time, listed directories' subdirectories are read ahead, a change made by another
// process reaches what is loaded, and new files get staging files made ahead of time.
#include "fs/session/session.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

#include "core/hash.h"
#include "core/instance.h"
#include "core/registry.h"
#include "core/storage.h"
#include "core/sync.h"
#include "fs/inodes.h"
#include "fs/ops.h"

namespace regfs {
namespace {

namespace fs = std::filesystem;

// A one-shot signal between two threads of a test.
class Latch {
 public:
  void Open() {
    MutexLock lk(&mu_);
    open_ = true;
    cv_.SignalAll();
  }
  void Wait() {
    MutexLock lk(&mu_);
    while (!open_) cv_.Wait(&mu_);
  }

 private:
  Mutex mu_;
  CondVar cv_;
  bool open_ GUARDED_BY(mu_) = false;
};

// Fails the test when its scope is not left within `limit`: a thread that waits for a lock
// forever can never be joined, so the watchdog reports what hung and ends the process
// (exit 1) instead of letting the test hang.
class Watchdog {
 public:
  Watchdog(std::chrono::seconds limit, std::string what)
      : thread_([this, limit, what = std::move(what)] {
          MutexLock lk(&mu_);
          auto end = std::chrono::steady_clock::now() + limit;
          while (!done_) {
            auto left = end - std::chrono::steady_clock::now();
            if (left <= std::chrono::steady_clock::duration::zero()) {
              std::fprintf(stderr, "FAIL: deadlock: %s did not finish within %lld s\n",
                           what.c_str(), static_cast<long long>(limit.count()));
              std::fflush(stderr);
              std::_Exit(1);
            }
            cv_.WaitFor(&mu_, left);
          }
        }) {}
  ~Watchdog() {
    {
      MutexLock lk(&mu_);
      done_ = true;
      cv_.SignalAll();
    }
    thread_.join();
  }

 private:
  Mutex mu_;
  CondVar cv_;
  bool done_ GUARDED_BY(mu_) = false;
  std::thread thread_;  // last: it starts once the fields above exist
};

class SessionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = (fs::temp_directory_path() /
             ("regfs-session-" + std::to_string(getpid()) + "-" +
              ::testing::UnitTest::GetInstance()->current_test_info()->name()))
                .string();
    fs::remove_all(root_);
    // The 2024 layout, which the rows these tests insert are written for.
    ASSERT_TRUE(InitInstance(root_, InitOptions{.layout = LaminDbRelease::k0_73}).ok());
    auto info = OpenInstance(root_, false);
    ASSERT_TRUE(info.ok()) << info.status().ToString();
    info_ = *info;
    auto reg = Registry::Open(info_);
    ASSERT_TRUE(reg.ok());
    cli_ = std::move(*reg);  // "another process": a registry of its own
  }
  void TearDown() override {
    if (session_) session_->Stop();
    session_.reset();
    cli_.reset();
    fs::remove_all(root_);
  }

  // Saves `content` at `key` through the separate registry, as the CLI would.
  void Add(const std::string& key, const std::string& content) { AddRecord(key, content); }
  // The same, returning the new record (id 0 after a failure, which is reported).
  Artifact AddRecord(const std::string& key, const std::string& content) {
    Artifact a;
    SaveOneWith(key, content, &a);
    return a;
  }
  // The same, then moved to the trash by that process.
  Artifact AddTrashed(const std::string& key, const std::string& content) {
    Artifact a = AddRecord(key, content);
    Status st = cli_->Trash(a.id);
    EXPECT_TRUE(st.ok()) << st.ToString();
    return a;
  }
  void SaveOneWith(const std::string& key, const std::string& content, Artifact* made) {
    int fd = -1;
    auto staged = info_->storage->CreateStaging(&fd);
    ASSERT_TRUE(staged.ok()) << staged.status().ToString();
    ASSERT_EQ(write(fd, content.data(), content.size()), static_cast<ssize_t>(content.size()));
    close(fd);
    auto hash = HashFile(*staged);
    ASSERT_TRUE(hash.ok());
    SaveRequest req;
    req.key = key;
    req.suffix = SuffixOf(key);
    auto out = cli_->Save(StagedContent{*staged, *hash}, req);
    ASSERT_TRUE(out.ok()) << out.status().ToString();
    *made = out->artifact;
  }
  // Whether the separate registry (another process) still has the row.
  bool OthersSee(int64_t id) {
    auto a = cli_->ArtifactById(id);
    EXPECT_TRUE(a.ok());
    return a.ok() && a->has_value();
  }
  // Purges a trashed record through the mount's writer, as `rm` in .trash does. `batched`:
  // whether it is expected to join a batch (a purge that follows no other commits alone).
  void PurgeThroughMount(int64_t id, bool batched) {
    bool delete_after = false;
    {
      WriterPool::Writer w(&session_->writers(), WriterPool::Use::kBatch);
      PurgeOptions opts;
      opts.caller_deletes = true;
      opts.expect_state = kStateTrash;
      auto out = w->Purge(id, opts);
      ASSERT_TRUE(out.ok()) << out.status().ToString();
      EXPECT_EQ(w->in_batch(), batched);
      // While this thread holds the writer, a batch cannot commit: no one else sees the
      // purge, and its file is still there. Alone, it is committed already.
      EXPECT_EQ(OthersSee(id), batched) << "another process's view of the purge";
      ASSERT_TRUE(out->to_delete.has_value());
      EXPECT_TRUE(fs::exists(*out->to_delete)) << *out->to_delete << " went before the answer";
      delete_after = session_->writers().QueuePurgedFile(*out);
      EXPECT_EQ(delete_after, !batched) << "a batched purge's file is the batcher's";
    }
    if (delete_after) session_->writers().DeleteCommittedFiles();
  }

  // Runs SQL on the instance's database with a connection of its own, as LaminDB would
  // (for what the registry has no call for: collections, folder artifacts).
  void Sql(const std::string& q) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(info_->db_path.c_str(), &db), SQLITE_OK);
    sqlite3_busy_timeout(db, 5000);
    char* err = nullptr;
    int rc = sqlite3_exec(db, q.c_str(), nullptr, nullptr, &err);
    std::string msg = err ? err : "";
    sqlite3_free(err);
    sqlite3_close(db);
    ASSERT_EQ(rc, SQLITE_OK) << msg << " in " << q;
  }
  // A visible collection named `name` whose one member is `member`; returns its id.
  int64_t MakeCollection(const std::string& name, const Artifact& member) {
    const std::string now = "'2024-05-01 00:00:00.000000'";
    Sql("INSERT INTO lnschema_core_collection (version, created_at, updated_at, uid, name,"
        " visibility, artifact_id, created_by_id) VALUES (NULL, " +
        now + ", " + now + ", 'CoLlEcTiOn0123450000', '" + name +
        "', 1, NULL, 1);"
        "INSERT INTO lnschema_core_collectionartifact (created_at, artifact_id, collection_id,"
        " created_by_id) VALUES (" +
        now + ", " + std::to_string(member.id) +
        ", (SELECT id FROM lnschema_core_collection WHERE uid = 'CoLlEcTiOn0123450000'), 1);");
    auto c = cli_->CollectionByUid("CoLlEcTiOn0123450000");
    EXPECT_TRUE(c.ok() && c->has_value());
    return c.ok() && c->has_value() ? (*c)->id : 0;
  }
  // A visible folder artifact at `key` whose stored folder holds `inner` ("x"); returns its id.
  int64_t MakeFolder(const std::string& key, const std::string& inner) {
    const std::string stem = "FoLdEr0123456789";
    fs::create_directories(root_ + "/.lamindb/" + stem);
    std::ofstream(root_ + "/.lamindb/" + stem + "/" + inner) << "x";
    Sql("INSERT INTO lnschema_core_artifact (version, created_at, updated_at, uid, key, suffix,"
        " size, hash, hash_type, n_objects, visibility, key_is_virtual, storage_id,"
        " created_by_id) VALUES (NULL, '2024-05-01 00:00:00.000000',"
        " '2024-05-01 00:00:00.000000', '" +
        stem + "0000', '" + key + "', '', 1, 'DMF1ucDxtqgxw5niaXcmYQ', 'md5-d', 1, 1, 1, 1, 1)");
    auto a = cli_->ArtifactByUid(stem + "0000");
    EXPECT_TRUE(a.ok() && a->has_value());
    return a.ok() && a->has_value() ? (*a)->id : 0;
  }

  // What a lookup request does (ops::Lookup without the reply): the node the entry names.
  Result<Node> LookUp(uint64_t parent, const std::string& name) {
    fuse_entry_param e;
    REGFS_RETURN_IF_ERROR(ops::DoLookup(*session_, parent, name, &e));
    return session_->Resolve(e.ino);
  }

  // The interleaving of issue 11: while a purge of a batch holds the writer, another
  // request looks `name` up inside `parent` and needs the database for it (the members of a
  // collection, the stored folder of a folder artifact: not loaded yet). Once that request
  // waits for the writer, the purge brings the view up to date, as every purge does. The
  // lookup must then finish. When it holds the view's lock while it waits (the deadlock),
  // neither thread ever returns: the watchdog fails the test instead of hanging.
  Result<Node> LookUpWhileAPurgeBatchHoldsTheWriter(uint64_t parent, const std::string& name,
                                                    const Artifact& first, const Artifact& second) {
    session_->writers().set_batch_idle_for_test(std::chrono::seconds(30));  // one batch
    Watchdog dog(std::chrono::seconds(20), "lookup of " + name + " while a purge batch is open");
    PurgeThroughMount(first.id, /*batched=*/false);  // alone: it opens the run
    Result<Node> found = Status::IO("the lookup did not run");
    std::thread looker;
    {
      WriterPool::Writer w(&session_->writers(), WriterPool::Use::kBatch);
      PurgeOptions opts;
      opts.caller_deletes = true;
      opts.expect_state = kStateTrash;
      auto out = w->Purge(second.id, opts);
      EXPECT_TRUE(out.ok()) << out.status().ToString();
      EXPECT_TRUE(w->in_batch()) << "the second purge of a run joins a batch";
      if (out.ok()) session_->writers().QueuePurgedFile(*out);
      looker = std::thread([&] {
        found = LookUp(parent, name);
        needs_writer_.Open();  // (also when it never needed the writer)
      });
      needs_writer_.Wait();
      Status refreshed = session_->view().RefreshKeys(w, {*second.key}, {second.id});
      EXPECT_TRUE(refreshed.ok()) << refreshed.ToString();
    }
    looker.join();
    return found;
  }

  void StartSession() {
    MountConfig cfg;
    cfg.instance_root = root_;
    session_ = std::make_unique<Session>(cfg, info_);
    // Before any thread of the session runs: signalled when a thread is about to wait for
    // the writer to commit an open batch (only the tests that open a batch reach it).
    session_->writers().set_settle_wait_hook_for_test([this] { needs_writer_.Open(); });
    Status st = session_->Start();
    ASSERT_TRUE(st.ok()) << st.ToString();
  }

  bool Loaded(const std::string& dir) {
    ReaderLock lk(&session_->view().mu());
    return session_->view().area(false).Loaded(dir);
  }
  bool Shows(const std::string& dir, const std::string& name) {
    ReaderLock lk(&session_->view().mu());
    return session_->view().area(false).Lookup(dir, name).has_value();
  }
  template <typename F>
  static bool Within(std::chrono::milliseconds limit, F&& cond) {
    auto end = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < end) {
      if (cond()) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return cond();
  }

  std::string root_;
  std::shared_ptr<const InstanceInfo> info_;
  std::unique_ptr<Registry> cli_;
  std::unique_ptr<Session> session_;
  Latch needs_writer_;
};

TEST_F(SessionTest, DirectoriesAreLoadedWhenUsedAndReadAhead) {
  for (int d = 0; d < 3; ++d)
    for (int f = 0; f < 5; ++f)
      Add("d" + std::to_string(d) + "/f" + std::to_string(f) + ".txt", "x");
  Add("top.txt", "t");
  StartSession();
  EXPECT_FALSE(Loaded(""));  // nothing is read at mount
  ASSERT_TRUE(session_->view().EnsureDir(false, "").ok());
  EXPECT_TRUE(Loaded(""));
  EXPECT_TRUE(Shows("", "top.txt"));
  EXPECT_TRUE(Shows("", "d1"));
  EXPECT_FALSE(Loaded("d1"));
  {
    ReaderLock lk(&session_->view().mu());
    EXPECT_EQ(session_->view().area(false).size(), 1u);  // only what the top shows
  }
  EXPECT_EQ(session_->view().EnsureDir(false, "missing").code(), Status::Code::kNotFound);
  // What a listing of the top would do next: its subdirectories are loaded in the background.
  session_->prefetcher().Add(false, {"d0", "d1", "d2"});
  EXPECT_TRUE(Within(std::chrono::seconds(5),
                     [&] { return Loaded("d0") && Loaded("d1") && Loaded("d2"); }));
  EXPECT_TRUE(Shows("d2", "f4.txt"));
}

TEST_F(SessionTest, AnotherProcessesChangeReachesWhatIsLoaded) {
  Add("d/old.txt", "o");
  StartSession();
  ASSERT_TRUE(session_->view().EnsureDir(false, "").ok());
  ASSERT_TRUE(session_->view().EnsureDir(false, "d").ok());
  // The kernel holds d/ (a lookup reference): it stays loaded and is listed again; the top
  // (always held) too.
  uint64_t dino = session_->inodes().DirIno(false, "d");
  session_->inodes().AddLookup(dino);
  Add("d/new.txt", "n");
  Add("e/other.txt", "e");
  EXPECT_TRUE(Within(std::chrono::seconds(1), [&] { return Shows("d", "new.txt"); }))
      << "a new record of another process not in the loaded directory within 1 s";
  EXPECT_TRUE(Within(std::chrono::seconds(1), [&] { return Shows("", "e"); }));
  EXPECT_TRUE(Loaded("d"));
}

TEST_F(SessionTest, DirectoriesTheKernelDoesNotHoldAreForgottenOnAChange) {
  Add("d/old.txt", "o");
  StartSession();
  ASSERT_TRUE(session_->view().EnsureDir(false, "d").ok());
  Add("d/new.txt", "n");
  // No kernel reference: instead of being listed again it is dropped, and the next use
  // lists it afresh.
  EXPECT_TRUE(Within(std::chrono::seconds(1), [&] { return !Loaded("d"); }));
  ASSERT_TRUE(session_->view().EnsureDir(false, "d").ok());
  EXPECT_TRUE(Shows("d", "new.txt"));
}

// Purges through the mount share one transaction, committed when they pause; the stored
// files go only after that commit.
TEST_F(SessionTest, PurgesShareATransactionCommittedWhenTheyPause) {
  std::vector<Artifact> recs;
  for (int i = 0; i < 3; ++i) {
    recs.push_back(AddTrashed("t/f" + std::to_string(i) + ".txt", "content " + std::to_string(i)));
  }
  std::vector<std::string> files;
  for (const Artifact& a : recs) files.push_back(*info_->storage->StoredPath(a));
  StartSession();
  session_->writers().set_batch_idle_for_test(std::chrono::milliseconds(500));
  bool first = true;
  for (const Artifact& a : recs) {
    PurgeThroughMount(a.id, /*batched=*/!first);
    first = false;
  }
  EXPECT_FALSE(OthersSee(recs[0].id)) << "the first purge of a run commits alone";
  EXPECT_TRUE(Within(std::chrono::seconds(2), [&] {
    for (const Artifact& a : recs)
      if (OthersSee(a.id)) return false;
    for (const std::string& f : files)
      if (fs::exists(f)) return false;
    return true;
  })) << "the batch was not committed, or its files not deleted, within 2 s of the last purge";
}

// Any other use of the database by the mount commits an open batch first.
TEST_F(SessionTest, AnotherWriteOrAReadCommitsTheBatchFirst) {
  Artifact a = AddTrashed("t/a.txt", "a");
  Artifact b = AddTrashed("t/b.txt", "b");
  Artifact c = AddTrashed("t/c.txt", "c");
  StartSession();
  session_->writers().set_batch_idle_for_test(std::chrono::milliseconds(500));
  PurgeThroughMount(c.id, /*batched=*/false);
  PurgeThroughMount(a.id, /*batched=*/true);
  {
    WriterPool::Writer w(&session_->writers());  // a trash, a save, a rename: kAlone
    EXPECT_FALSE(w->in_batch());
    EXPECT_FALSE(OthersSee(a.id));
  }
  PurgeThroughMount(b.id, /*batched=*/true);  // still in the run: a new batch
  // A read connection would not see the batch: it is committed before one is used.
  auto loaded = session_->view().LoadArtifact(b.id);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_FALSE(loaded->has_value()) << "a read connection saw a record purged in the batch";
  EXPECT_FALSE(OthersSee(b.id));
}

// A batch whose commit fails (a full disk, say) is rolled back whole: its records are in the
// trash again for everyone, and their files are never deleted.
TEST_F(SessionTest, ABatchThatFailsToCommitKeepsItsRecordsAndFiles) {
  Artifact a = AddTrashed("t/a.txt", "a");
  Artifact b = AddTrashed("t/b.txt", "b");
  std::string b_file = *info_->storage->StoredPath(b);
  StartSession();
  session_->writers().set_batch_idle_for_test(std::chrono::milliseconds(500));
  PurgeThroughMount(a.id, /*batched=*/false);
  // From here every commit of the writer fails (the hook turns COMMIT into a rollback, as a
  // failed write would): the batch b joins cannot commit, whoever closes it.
  auto hook = [this](bool on) {
    WriterPool::Writer w(&session_->writers());
    ASSERT_TRUE(w->FailCommitsForTest(on).ok());
  };
  hook(true);
  PurgeThroughMount(b.id, /*batched=*/true);
  hook(false);  // its acquisition closes the batch, if the batcher has not
  session_->writers().DeleteCommittedFiles();
  EXPECT_FALSE(OthersSee(a.id)) << "the purge committed alone must stay done";
  EXPECT_TRUE(OthersSee(b.id)) << "a rolled-back purge's record is gone";
  EXPECT_TRUE(fs::exists(b_file)) << "a rolled-back purge's file was deleted";
  auto row = cli_->ArtifactById(b.id);
  ASSERT_TRUE(row.ok() && row->has_value());
  EXPECT_EQ((*row)->state, kStateTrash);
}

// Issue 11: a lookup inside a collection whose members are not loaded yet, while a purge
// batch holds the writer (a file manager showing collections/ during `rm -rf .trash/*`).
TEST_F(SessionTest, ALookupInACollectionDuringAPurgeBatchDoesNotDeadlock) {
  Artifact member = AddRecord("m/x.txt", "member");
  Artifact a = AddTrashed("t/a.txt", "a");
  Artifact b = AddTrashed("t/b.txt", "b");
  int64_t col = MakeCollection("col", member);
  StartSession();
  // collections/ was listed: the collections are loaded, the members of col are not.
  auto c = LookUp(ino::kCollections, "col");
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  ASSERT_EQ(c->kind, Node::kCollection);
  auto found =
      LookUpWhileAPurgeBatchHoldsTheWriter(ino::Make(ino::Tag::kCollection, col), "x.txt", a, b);
  ASSERT_TRUE(found.ok()) << found.status().ToString();
  EXPECT_EQ(found->kind, Node::kMember);
  EXPECT_EQ(found->artifact, member.id);
  EXPECT_FALSE(OthersSee(b.id)) << "the batch was not committed after the lookup";
}

// The same for a name inside a folder artifact whose stored folder is not known yet.
TEST_F(SessionTest, ALookupInAFolderArtifactDuringAPurgeBatchDoesNotDeadlock) {
  Artifact a = AddTrashed("t/a.txt", "a");
  Artifact b = AddTrashed("t/b.txt", "b");
  int64_t folder = MakeFolder("fold", "inside.txt");
  StartSession();
  auto f = LookUp(ino::kArtifacts, "fold");  // artifacts/ was listed
  ASSERT_TRUE(f.ok()) << f.status().ToString();
  ASSERT_EQ(f->kind, Node::kFolder);
  auto found =
      LookUpWhileAPurgeBatchHoldsTheWriter(ino::FileIno(false, folder), "inside.txt", a, b);
  ASSERT_TRUE(found.ok()) << found.status().ToString();
  EXPECT_EQ(found->kind, Node::kFolder);
  EXPECT_EQ(found->id, folder);
  EXPECT_EQ(found->path, "inside.txt");
}

TEST_F(SessionTest, StagingFilesAreMadeAheadAndRemovedAtStop) {
  StartSession();
  std::string staging = info_->storage->staging_dir();
  auto count = [&] {
    size_t n = 0;
    if (!fs::exists(staging)) return n;  // made with the first staging file
    for (const auto& e : fs::directory_iterator(staging)) n += e.is_regular_file() ? 1 : 0;
    return n;
  };
  EXPECT_TRUE(Within(std::chrono::seconds(2), [&] { return count() >= StagingPool::kSize; }));
  int fd = -1;
  auto path = session_->staging().Take(&fd);
  ASSERT_TRUE(path.ok()) << path.status().ToString();
  EXPECT_EQ(fs::path(*path).parent_path(), fs::path(staging));
  EXPECT_EQ(fs::file_size(*path), 0u);
  ASSERT_EQ(write(fd, "abc", 3), 3);
  close(fd);
  // A pooled file removed under the pool (fsck --repair clears the directory) is never
  // handed out.
  for (const auto& e : fs::directory_iterator(staging))
    if (e.path() != *path) fs::remove(e.path());
  auto again = session_->staging().Take(&fd);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(fs::exists(*again));
  close(fd);
  session_->Stop();
  // Stop removes what it made and did not hand out; the two taken files are their users'.
  EXPECT_EQ(count(), 2u);
}

}  // namespace
}  // namespace regfs
