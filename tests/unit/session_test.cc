// The mount's session without a kernel (fs/session.h): the view is loaded one directory at
// a time, listed directories' subdirectories are read ahead, a change made by another
// process reaches what is loaded, and new files get staging files made ahead of time.
#include "fs/session.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <shared_mutex>
#include <thread>

#include "core/hash.h"
#include "core/instance.h"
#include "core/registry.h"
#include "core/storage.h"
#include "fs/inodes.h"

namespace regfs {
namespace {

namespace fs = std::filesystem;

class SessionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = (fs::temp_directory_path() /
             ("regfs-session-" + std::to_string(getpid()) + "-" +
              ::testing::UnitTest::GetInstance()->current_test_info()->name()))
                .string();
    fs::remove_all(root_);
    ASSERT_TRUE(InitInstance(root_).ok());
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
      auto w = session_->AcquireWriter(Session::WriterUse::kBatch);
      ASSERT_TRUE(w.ok()) << w.status().ToString();
      PurgeOptions opts;
      opts.caller_deletes = true;
      opts.expect_state = kStateTrash;
      auto out = (*w)->Purge(id, opts);
      ASSERT_TRUE(out.ok()) << out.status().ToString();
      EXPECT_EQ((*w)->in_batch(), batched);
      // While this thread holds the writer, a batch cannot commit: no one else sees the
      // purge, and its file is still there. Alone, it is committed already.
      EXPECT_EQ(OthersSee(id), batched) << "another process's view of the purge";
      ASSERT_TRUE(out->to_delete.has_value());
      EXPECT_TRUE(fs::exists(*out->to_delete)) << *out->to_delete << " went before the answer";
      delete_after = session_->QueuePurgedFile(*out);
      EXPECT_EQ(delete_after, !batched) << "a batched purge's file is the batcher's";
    }
    if (delete_after) session_->DeleteCommittedFiles();
  }

  void StartSession() {
    MountConfig cfg;
    cfg.instance_root = root_;
    session_ = std::make_unique<Session>(cfg, info_);
    Status st = session_->Start();
    ASSERT_TRUE(st.ok()) << st.ToString();
  }

  bool Loaded(const std::string& dir) {
    std::shared_lock<std::shared_mutex> lk(session_->view_mu());
    return session_->area(false).Loaded(dir);
  }
  bool Shows(const std::string& dir, const std::string& name) {
    std::shared_lock<std::shared_mutex> lk(session_->view_mu());
    return session_->area(false).Lookup(dir, name).has_value();
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
};

TEST_F(SessionTest, DirectoriesAreLoadedWhenUsedAndReadAhead) {
  for (int d = 0; d < 3; ++d)
    for (int f = 0; f < 5; ++f)
      Add("d" + std::to_string(d) + "/f" + std::to_string(f) + ".txt", "x");
  Add("top.txt", "t");
  StartSession();
  EXPECT_FALSE(Loaded(""));  // nothing is read at mount
  ASSERT_TRUE(session_->EnsureDir(false, "").ok());
  EXPECT_TRUE(Loaded(""));
  EXPECT_TRUE(Shows("", "top.txt"));
  EXPECT_TRUE(Shows("", "d1"));
  EXPECT_FALSE(Loaded("d1"));
  {
    std::shared_lock<std::shared_mutex> lk(session_->view_mu());
    EXPECT_EQ(session_->area(false).size(), 1u);  // only what the top shows
  }
  EXPECT_EQ(session_->EnsureDir(false, "missing").code(), Status::Code::kNotFound);
  // What a listing of the top would do next: its subdirectories are loaded in the background.
  session_->Prefetch(false, {"d0", "d1", "d2"});
  EXPECT_TRUE(Within(std::chrono::seconds(5),
                     [&] { return Loaded("d0") && Loaded("d1") && Loaded("d2"); }));
  EXPECT_TRUE(Shows("d2", "f4.txt"));
}

TEST_F(SessionTest, AnotherProcessesChangeReachesWhatIsLoaded) {
  Add("d/old.txt", "o");
  StartSession();
  ASSERT_TRUE(session_->EnsureDir(false, "").ok());
  ASSERT_TRUE(session_->EnsureDir(false, "d").ok());
  // The kernel holds d/ (a lookup reference): it stays loaded and is listed again; the top
  // (always held) too.
  uint64_t dino = session_->DirIno(false, "d");
  session_->AddLookup(dino);
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
  ASSERT_TRUE(session_->EnsureDir(false, "d").ok());
  Add("d/new.txt", "n");
  // No kernel reference: instead of being listed again it is dropped, and the next use
  // lists it afresh.
  EXPECT_TRUE(Within(std::chrono::seconds(1), [&] { return !Loaded("d"); }));
  ASSERT_TRUE(session_->EnsureDir(false, "d").ok());
  EXPECT_TRUE(Shows("d", "new.txt"));
}

// Purges through the mount share one transaction, committed when they pause; the stored
// files go only after that commit.
TEST_F(SessionTest, PurgesShareATransactionCommittedWhenTheyPause) {
  std::vector<Artifact> recs;
  for (int i = 0; i < 3; ++i) {
    recs.push_back(AddRecord("t/f" + std::to_string(i) + ".txt", "content " + std::to_string(i)));
    ASSERT_TRUE(cli_->Trash(recs.back().id).ok());
  }
  std::vector<std::string> files;
  for (const Artifact& a : recs) files.push_back(*info_->storage->StoredPath(a));
  StartSession();
  session_->set_batch_idle_for_test(std::chrono::milliseconds(500));
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
  Artifact a = AddRecord("t/a.txt", "a");
  Artifact b = AddRecord("t/b.txt", "b");
  ASSERT_TRUE(cli_->Trash(a.id).ok());
  ASSERT_TRUE(cli_->Trash(b.id).ok());
  Artifact c = AddRecord("t/c.txt", "c");
  ASSERT_TRUE(cli_->Trash(c.id).ok());
  StartSession();
  session_->set_batch_idle_for_test(std::chrono::milliseconds(500));
  PurgeThroughMount(c.id, /*batched=*/false);
  PurgeThroughMount(a.id, /*batched=*/true);
  {
    auto w = session_->AcquireWriter();  // a trash, a save, a rename: kAlone
    ASSERT_TRUE(w.ok());
    EXPECT_FALSE((*w)->in_batch());
    EXPECT_FALSE(OthersSee(a.id));
  }
  PurgeThroughMount(b.id, /*batched=*/true);  // still in the run: a new batch
  // A read connection would not see the batch: it is committed before one is used.
  auto loaded = session_->LoadArtifact(b.id);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_FALSE(loaded->has_value()) << "a read connection saw a record purged in the batch";
  EXPECT_FALSE(OthersSee(b.id));
}

// A batch whose commit fails (a full disk, say) is rolled back whole: its records are in the
// trash again for everyone, and their files are never deleted.
TEST_F(SessionTest, ABatchThatFailsToCommitKeepsItsRecordsAndFiles) {
  Artifact a = AddRecord("t/a.txt", "a");
  Artifact b = AddRecord("t/b.txt", "b");
  ASSERT_TRUE(cli_->Trash(a.id).ok());
  ASSERT_TRUE(cli_->Trash(b.id).ok());
  std::string b_file = *info_->storage->StoredPath(b);
  StartSession();
  session_->set_batch_idle_for_test(std::chrono::milliseconds(500));
  PurgeThroughMount(a.id, /*batched=*/false);
  // From here every commit of the writer fails (the hook turns COMMIT into a rollback, as a
  // failed write would): the batch b joins cannot commit, whoever closes it.
  auto hook = [this](bool on) {
    auto w = session_->AcquireWriter();
    ASSERT_TRUE(w.ok());
    ASSERT_TRUE((*w)->FailCommitsForTest(on).ok());
  };
  hook(true);
  PurgeThroughMount(b.id, /*batched=*/true);
  hook(false);  // its acquisition closes the batch, if the batcher has not
  session_->DeleteCommittedFiles();
  EXPECT_FALSE(OthersSee(a.id)) << "the purge committed alone must stay done";
  EXPECT_TRUE(OthersSee(b.id)) << "a rolled-back purge's record is gone";
  EXPECT_TRUE(fs::exists(b_file)) << "a rolled-back purge's file was deleted";
  auto row = cli_->ArtifactById(b.id);
  ASSERT_TRUE(row.ok() && row->has_value());
  EXPECT_EQ((*row)->state, kStateTrash);
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
  EXPECT_TRUE(Within(std::chrono::seconds(2), [&] { return count() >= Session::kStagingPool; }));
  int fd = -1;
  auto path = session_->TakeStaging(&fd);
  ASSERT_TRUE(path.ok()) << path.status().ToString();
  EXPECT_EQ(fs::path(*path).parent_path(), fs::path(staging));
  EXPECT_EQ(fs::file_size(*path), 0u);
  ASSERT_EQ(write(fd, "abc", 3), 3);
  close(fd);
  // A pooled file removed under the pool (fsck --repair clears the directory) is never
  // handed out.
  for (const auto& e : fs::directory_iterator(staging))
    if (e.path() != *path) fs::remove(e.path());
  auto again = session_->TakeStaging(&fd);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(fs::exists(*again));
  close(fd);
  session_->Stop();
  // Stop removes what it made and did not hand out; the two taken files are their users'.
  EXPECT_EQ(count(), 2u);
}

}  // namespace
}  // namespace regfs
