#include "fs/session.h"

#include <fuse_lowlevel.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>

#include "core/clock.h"
#include "fs/inodes.h"
#include "fs/log.h"

namespace regfs {

namespace {

timespec g_mount_time = [] {
  timespec ts{};
  clock_gettime(CLOCK_REALTIME, &ts);
  return ts;
}();

CollectionRec MakeCollectionRec(const Collection& c) {
  CollectionRec r;
  r.id = c.id;
  r.uid = c.uid;
  r.name = c.name;
  r.state = c.state;
  ParseTimestamp(c.created_at, &r.mtime);
  ParseTimestamp(c.updated_at, &r.ctime);
  return r;
}

}  // namespace

FileHandle::~FileHandle() {
  if (fd >= 0) close(fd);
  // A staging file that was never committed (discarded write, unlinked pending file).
  if (!staging.empty()) unlink(staging.c_str());
}

Session::Session(MountConfig cfg, std::shared_ptr<const InstanceInfo> info)
    : cfg_(std::move(cfg)), info_(std::move(info)), owner_uid_(getuid()), owner_gid_(getgid()) {}

Session::~Session() {
  Stop();
}

Status Session::Start() {
  REGFS_ASSIGN_OR_RETURN(writer_, Registry::Open(info_, cfg_.read_only));
  writer_->set_sync_writes(cfg_.sync);
  writer_->set_batch_pending(true);  // cleared by the poller when idle, and at unmount
  if (!cfg_.read_only) {
    // Checkpoints run on the poller's registry (MaybeCheckpoint), not inside a commit of a
    // request: copying the log into the database and syncing it costs a request nothing.
    REGFS_RETURN_IF_ERROR(writer_->Tune(Registry::Role::kMountWriter));
    REGFS_ASSIGN_OR_RETURN(checkpointer_, Registry::Open(info_));
    REGFS_RETURN_IF_ERROR(checkpointer_->Tune(Registry::Role::kMaintenance));
  }
  if (!cfg_.read_only) {
    auto done = writer_->FinishPending();
    if (!done.ok()) {
      log::Error("finishing pending file operations: " + done.status().ToString());
    } else if (*done > 0) {
      log::Info("finished " + std::to_string(*done) + " pending file operation(s) left by a crash");
    }
    Status cs = info_->storage->CleanStaging();
    if (!cs.ok()) log::Warn("cleaning staging files: " + cs.ToString());
  }
  REGFS_RETURN_IF_ERROR(writer_->ChangedElsewhere().status());  // remembers where it stands
  poller_ = std::thread([this] { PollLoop(); });
  notifier_ = std::thread([this] { NotifyLoop(); });
  prefetcher_ = std::thread([this] { PrefetchLoop(); });
  if (!cfg_.read_only) {
    stager_ = std::thread([this] { StagingLoop(); });
    writer_->set_on_batch_end([this](const Status& st) { OnBatchEnd(st); });
    batcher_ = std::thread([this] { BatchLoop(); });
  }
  return Status();
}

void Session::Stop() {
  {
    std::lock_guard<std::mutex> lk(notify_mu_);
    if (stopping_) return;
    stopping_ = true;
  }
  notify_cv_.notify_all();
  {
    std::lock_guard<std::mutex> lk(prefetch_mu_);
    prefetch_stop_ = true;
  }
  prefetch_cv_.notify_all();
  {
    std::lock_guard<std::mutex> lk(staging_mu_);
    staging_stop_ = true;
  }
  staging_cv_.notify_all();
  {
    std::lock_guard<std::mutex> lk(batch_mu_);
    batch_stop_ = true;
  }
  batch_cv_.notify_all();
  if (batcher_.joinable()) batcher_.join();
  if (poller_.joinable()) poller_.join();
  if (notifier_.joinable()) notifier_.join();
  if (prefetcher_.joinable()) prefetcher_.join();
  if (stager_.joinable()) stager_.join();
  for (auto& [path, fd] : staging_pool_) {
    close(fd);
    unlink(path.c_str());
  }
  staging_pool_.clear();
  if (writer_) {
    {
      std::lock_guard<std::mutex> lk(writer_mu_);
      CloseBatch();
    }
    DeleteCommittedFiles();
    std::lock_guard<std::mutex> lk(writer_mu_);
    Status flushed = writer_->FlushPending();
    if (!flushed.ok()) log::Warn("clearing finished purges at unmount: " + flushed.ToString());
  }
  if (checkpointer_) {
    Status s = checkpointer_->Checkpoint(/*only_if_large=*/false);
    if (!s.ok()) log::Warn("checkpoint at unmount: " + s.ToString());
  }
}

// ---------------------------------------------------------------- connections

Session::Reader::~Reader() {
  if (!r_) return;
  std::lock_guard<std::mutex> lk(s_->pool_mu_);
  s_->pool_.push_back(std::move(r_));
}

namespace {
// Whether this thread holds the writer (through a Writer): it must not wait for it again.
thread_local bool t_holds_writer = false;

int64_t SteadyNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}
}  // namespace

Session::Writer::Writer(std::unique_lock<std::mutex> lk, Registry* r) : lk_(std::move(lk)), r_(r) {
  t_holds_writer = true;
}

Session::Writer::~Writer() {
  if (lk_.owns_lock()) t_holds_writer = false;
}

void Session::SettleBatch() {
  if (!batch_open_.load() || t_holds_writer) return;
  std::lock_guard<std::mutex> lk(writer_mu_);
  CloseBatch();
}

Result<Session::Reader> Session::AcquireReader() {
  // A read connection does not see the open batch: commit it, so that what is read
  // agrees with the view (a record purged in the batch would show again).
  SettleBatch();
  {
    std::lock_guard<std::mutex> lk(pool_mu_);
    if (!pool_.empty()) {
      auto r = std::move(pool_.back());
      pool_.pop_back();
      return Reader(this, std::move(r));
    }
  }
  REGFS_ASSIGN_OR_RETURN(auto reg, Registry::Open(info_, /*read_only=*/true));
  return Reader(this, std::move(reg));
}

Result<Session::Writer> Session::AcquireWriter(WriterUse use) {
  if (cfg_.read_only) return Status::ReadOnly("the mount is read-only (-o ro)");
  std::unique_lock<std::mutex> lk(writer_mu_);
  // An external commit since we last looked: make sure the view is reloaded afterwards.
  auto changed = writer_->ChangedElsewhere();
  if (changed.ok() && *changed) reload_wanted_ = true;
  int64_t now = SteadyNs();
  if (use == WriterUse::kAlone || batch_ops_ >= kBatchMax ||
      now - batch_started_ns_.load() >= std::chrono::nanoseconds(kBatchAge).count())
    CloseBatch();
  if (use == WriterUse::kBatch) {
    // A purge that follows no other commits alone, before its answer: a single `rm` is
    // committed when it returns. A batch begins with the second purge of a run.
    bool in_run = now - last_purge_ns_.exchange(now) < batch_idle_ns_.load();
    if (!writer_->in_batch() && in_run) {
      // When the batch cannot begin (another process holds the write lock beyond the busy
      // timeout), the purge runs alone and reports what its own transaction meets.
      Status begun = writer_->BeginBatch();
      if (begun.ok()) {
        batch_started_ns_ = now;
        {
          std::lock_guard<std::mutex> bl(batch_mu_);
          batch_open_ = true;
        }
        batch_cv_.notify_all();
      } else {
        log::Debug("purge batch: " + begun.ToString());
      }
    }
    if (writer_->in_batch()) ++batch_ops_;
  }
  return Writer(std::move(lk), writer_.get());
}

void Session::CloseBatch() {
  if (writer_ && writer_->in_batch()) (void)writer_->CommitBatch();  // OnBatchEnd reports
}

void Session::OnBatchEnd(const Status& st) {
  batch_ops_ = 0;
  {
    std::lock_guard<std::mutex> lk(batch_mu_);
    batch_open_ = false;
    if (st.ok()) {
      for (auto& o : uncommitted_files_) committed_files_.push_back(std::move(o));
    } else {
      // Nothing of the batch happened: the records are in the trash again, with their
      // files, and the view must show them.
      log::Error("a batch of " + std::to_string(uncommitted_files_.size()) +
                 " purge(s) was rolled back, its records are back in the trash with their "
                 "files: " +
                 st.ToString());
      reload_wanted_ = true;
    }
    uncommitted_files_.clear();
  }
  batch_cv_.notify_all();
}

bool Session::QueuePurgedFile(PurgeOutcome outcome) {
  if (!outcome.to_delete) return false;
  std::lock_guard<std::mutex> lk(batch_mu_);
  bool batched = writer_->in_batch();
  (batched ? uncommitted_files_ : committed_files_).push_back(std::move(outcome));
  return !batched;
}

void Session::BatchLoop() {
  std::unique_lock<std::mutex> lk(batch_mu_);
  for (;;) {
    batch_cv_.wait(lk, [this] { return batch_stop_ || batch_open_ || !committed_files_.empty(); });
    if (batch_stop_) return;  // Stop() commits and deletes what is left
    if (!committed_files_.empty()) {
      lk.unlock();
      DeleteCommittedFiles();
      lk.lock();
      continue;
    }
    auto due = [this] {
      return std::min(last_purge_ns_.load() + batch_idle_ns_.load(),
                      batch_started_ns_.load() + std::chrono::nanoseconds(kBatchAge).count());
    };
    int64_t wait = due() - SteadyNs();
    if (wait > 0) {
      batch_cv_.wait_for(lk, std::chrono::nanoseconds(wait));
      continue;
    }
    lk.unlock();
    {
      std::lock_guard<std::mutex> wl(writer_mu_);
      if (writer_->in_batch() && due() <= SteadyNs()) CloseBatch();
    }
    lk.lock();
  }
}

// ---------------------------------------------------------------- view

namespace {

FileRec FromListed(const Registry::Listed& l) {
  return MakeFileRec(l.id, l.uid, l.key, l.suffix, l.size, l.created_at, l.updated_at, l.state,
                     l.is_latest, l.is_folder);
}

// Runs `fn` in one read snapshot, so that several statements see one state.
Status InReadSnapshot(Registry& reg, const std::function<Status()>& fn) {
  return reg.InReadSnapshot(fn);
}

}  // namespace

Status Session::ListDir(Registry& reg, bool trash, const std::string& dir, AreaView::Listing* out) {
  out->files.clear();
  out->subdirs.clear();
  return reg.ListDir(
      dir, trash ? kStateTrash : kStateVisible,
      [&](const Registry::Listed& l) {
        FileRec r = FromListed(l);
        // The registry's scan and the view agree on where a key is shown (KeyDir); a record
        // that would land elsewhere is left out rather than filed in the wrong directory.
        if (r.dir != dir) {
          log::Warn("listing " + dir + ": record id " + std::to_string(r.id) +
                    " belongs to directory '" + r.dir + "'; not shown here");
          return;
        }
        out->files.push_back(std::move(r));
      },
      [&](std::string_view name) { out->subdirs.emplace_back(name); });
}

Status Session::EnsureDir(bool trash, const std::string& dir) {
  {
    std::shared_lock<std::shared_mutex> lk(view_mu_);
    if (area(trash).Loaded(dir)) return Status();
  }
  AreaView::Listing listing;
  auto install = [&]() -> Status {
    if (area(trash).Install(dir, std::move(listing))) return Status();
    return Status::NotFound(std::string(trash ? ".trash/artifacts/" : "artifacts/") + dir);
  };
  for (int attempt = 0; attempt < 2; ++attempt) {
    uint64_t before = epoch_.load();
    {
      REGFS_ASSIGN_OR_RETURN(auto reader, AcquireReader());
      REGFS_RETURN_IF_ERROR(
          InReadSnapshot(*reader, [&] { return ListDir(*reader, trash, dir, &listing); }));
    }
    std::unique_lock<std::shared_mutex> lk(view_mu_);
    if (area(trash).Loaded(dir)) return Status();
    // A change of the mount's own landed while listing: the listing may predate it.
    if (epoch_.load() == before) return install();
  }
  // Changes keep landing: list under the writer, which they wait for.
  std::lock_guard<std::mutex> wl(writer_mu_);
  REGFS_RETURN_IF_ERROR(
      InReadSnapshot(*writer_, [&] { return ListDir(*writer_, trash, dir, &listing); }));
  std::unique_lock<std::shared_mutex> lk(view_mu_);
  if (area(trash).Loaded(dir)) return Status();
  return install();
}

void Session::Prefetch(bool trash, std::vector<std::string> dirs) {
  if (dirs.empty()) return;
  {
    std::shared_lock<std::shared_mutex> lk(view_mu_);
    if (visible_.size() + trash_.size() >= kPrefetchBudget) return;
  }
  std::lock_guard<std::mutex> lk(prefetch_mu_);
  // The newest listing goes first, its first subdirectory first: the order a depth-first
  // walk visits them.
  for (auto it = dirs.rbegin(); it != dirs.rend(); ++it)
    prefetch_q_.emplace_front(trash, std::move(*it));
  prefetch_cv_.notify_one();
}

void Session::PrefetchLoop() {
  std::unique_lock<std::mutex> lk(prefetch_mu_);
  for (;;) {
    prefetch_cv_.wait(lk, [this] { return prefetch_stop_ || !prefetch_q_.empty(); });
    if (prefetch_stop_) return;
    auto [trash, dir] = std::move(prefetch_q_.front());
    prefetch_q_.pop_front();
    lk.unlock();
    bool full;
    {
      std::shared_lock<std::shared_mutex> vlk(view_mu_);
      full = visible_.size() + trash_.size() >= kPrefetchBudget;
    }
    if (!full) {
      // A directory that is gone by now (kNotFound) or fails to list is simply not loaded:
      // the request that needs it reports what is wrong.
      Status st = EnsureDir(trash, dir);
      if (!st.ok() && !st.IsNotFound()) log::Debug("read-ahead of " + dir + ": " + st.ToString());
    }
    lk.lock();
    if (full) prefetch_q_.clear();
  }
}

Status Session::LoadCollections(Registry& reg) {
  REGFS_ASSIGN_OR_RETURN(auto cols, reg.Collections(StateFilter::kAll));
  std::vector<CollectionRec> vis, tr;
  for (const auto& c : cols) {
    if (c.state == kStateVisible)
      vis.push_back(MakeCollectionRec(c));
    else if (c.state == kStateTrash)
      tr.push_back(MakeCollectionRec(c));
  }
  // Names the kernel may hold that change meaning: every collection name and member name
  // shown so far (collections are few).
  for (const auto& [name, id] : CollectionNames(visible_cols_, false))
    InvalEntry(ino::kCollections, name);
  for (const auto& [name, id] : CollectionNames(trash_cols_, true))
    InvalEntry(ino::kTrashCollections, name);
  {
    std::lock_guard<std::mutex> mlk(members_mu_);
    for (const auto& [cid, members] : members_) {
      uint64_t col_ino = ino::Make(ino::Tag::kCollection, static_cast<uint64_t>(cid));
      for (const std::string& name : MemberNames(members)) InvalEntry(col_ino, name);
    }
    members_.clear();
  }
  visible_cols_ = std::move(vis);
  trash_cols_ = std::move(tr);
  cols_loaded_ = true;
  return Status();
}

Status Session::EnsureCollections() {
  {
    std::shared_lock<std::shared_mutex> lk(view_mu_);
    if (cols_loaded_) return Status();
  }
  std::lock_guard<std::mutex> wl(writer_mu_);  // rare: once per mount
  std::unique_lock<std::shared_mutex> lk(view_mu_);
  if (cols_loaded_) return Status();
  return LoadCollections(*writer_);
}

Status Session::ReloadAll() {
  std::lock_guard<std::mutex> wl(writer_mu_);
  epoch_++;
  reloads++;
  // What the kernel may hold names of: the loaded directories whose inode it has. The
  // others are forgotten and listed again when used.
  struct Before {
    bool trash;
    std::string dir;
    uint64_t ino;
    std::map<std::string, AreaView::Child> names;
    std::unordered_map<int64_t, std::pair<int64_t, timespec>> attrs;  // id -> size, ctime
  };
  std::vector<Before> before;
  std::vector<std::pair<bool, std::string>> forget;
  bool cols;
  {
    std::shared_lock<std::shared_mutex> lk(view_mu_);
    cols = cols_loaded_;
    for (bool trash : {false, true}) {
      for (const std::string& dir : area(trash).LoadedDirs()) {
        uint64_t dino = KnownDirIno(trash, dir);
        if (dino == 0) {
          forget.emplace_back(trash, dir);
          continue;
        }
        Before b{trash, dir, dino, *area(trash).Names(dir), {}};
        for (const auto& [name, child] : b.names) {
          if (child.is_dir) continue;
          if (const FileRec* r = area(trash).Rec(child.id)) b.attrs[child.id] = {r->size, r->ctime};
        }
        before.push_back(std::move(b));
      }
    }
  }
  std::vector<AreaView::Listing> listings(before.size());
  REGFS_RETURN_IF_ERROR(InReadSnapshot(*writer_, [&]() -> Status {
    for (size_t i = 0; i < before.size(); ++i)
      REGFS_RETURN_IF_ERROR(ListDir(*writer_, before[i].trash, before[i].dir, &listings[i]));
    return Status();
  }));
  std::unique_lock<std::shared_mutex> lk(view_mu_);
  for (const auto& [trash, dir] : forget) area(trash).Evict(dir);
  // Everything is installed before anything is compared: a record that moved from one
  // directory to another leaves the first only when the second is installed.
  for (size_t i = 0; i < before.size(); ++i)
    area(before[i].trash).Install(before[i].dir, std::move(listings[i]));
  for (const Before& b : before) {
    const AreaView& a = area(b.trash);
    const auto* now = a.Names(b.dir);
    bool changed = !now || now->size() != b.names.size();
    for (const auto& [name, child] : b.names) {
      bool same = false;
      if (now) {
        auto it = now->find(name);
        same = it != now->end() && it->second.is_dir == child.is_dir && it->second.id == child.id;
        if (same && !child.is_dir) {
          const FileRec* r = a.Rec(child.id);
          auto old = b.attrs.find(child.id);
          same = r && old != b.attrs.end() && r->size == old->second.first &&
                 r->ctime.tv_sec == old->second.second.tv_sec &&
                 r->ctime.tv_nsec == old->second.second.tv_nsec;
        }
      }
      if (!same) {
        changed = true;
        InvalEntry(b.ino, name);
        if (!child.is_dir) InvalInode(ino::FileIno(b.trash, child.id));
      }
    }
    if (changed) InvalInode(b.ino);  // its attributes and any listing the kernel keeps
  }
  if (cols) REGFS_RETURN_IF_ERROR(LoadCollections(*writer_));
  epoch_++;
  return Status();
}

Status Session::RefreshKeys(Registry& reg, const std::vector<std::string>& keys,
                            const std::vector<int64_t>& ids, const KernelDid* kernel_did) {
  // What the registry has now at these keys and for these ids, read before the view lock.
  std::unordered_map<int64_t, FileRec> now;
  std::vector<int64_t> touched(ids);
  for (const std::string& key : keys) {
    REGFS_RETURN_IF_ERROR(reg.ListedAt(key, [&](const Registry::Listed& l) {
      touched.push_back(l.id);
      now.emplace(l.id, FromListed(l));
    }));
  }
  for (int64_t id : ids) {
    if (now.count(id)) continue;
    REGFS_RETURN_IF_ERROR(
        reg.ListedById(id, [&](const Registry::Listed& l) { now.emplace(l.id, FromListed(l)); })
            .status());
  }

  std::unique_lock<std::shared_mutex> lk(view_mu_);
  epoch_++;
  // Records the view shows at these keys (some may have left them).
  for (const std::string& key : keys) {
    if (!IsSafeKey(key)) continue;
    std::string dir = KeyDir(key);
    std::string base = key.substr(dir.empty() ? 0 : dir.size() + 1);
    for (bool trash : {false, true})
      for (int64_t id : area(trash).IdsAt(dir, base)) touched.push_back(id);
  }
  std::sort(touched.begin(), touched.end());
  touched.erase(std::unique(touched.begin(), touched.end()), touched.end());

  // Where each touched record is shown, before and after: the kernel is told only about
  // names that now mean something else (a new name has nothing cached to forget), except
  // the one it just changed itself, and about records whose attributes changed under the
  // same name.
  struct Shown {
    uint64_t parent;
    std::string name;
    timespec ctime;
    int64_t size;
  };
  auto shown = [&](bool trash, int64_t id) -> std::optional<Shown> {
    const FileRec* r = area(trash).Rec(id);
    if (!r) return std::nullopt;
    std::string name = area(trash).ShownName(id);
    if (name.empty()) return std::nullopt;
    uint64_t parent = KnownDirIno(trash, r->dir);
    if (parent == 0) return std::nullopt;  // the kernel holds no name in that directory
    return Shown{parent, name, r->ctime, r->size};
  };
  std::vector<std::optional<Shown>> before;
  for (int64_t id : touched) {
    before.push_back(shown(false, id));
    before.push_back(shown(true, id));
  }

  // Directories that records leave through the mount stay until rmdir, as on any
  // filesystem: `rm -r` must still find them when it comes to remove them.
  std::vector<std::pair<bool, std::string>> left;
  for (int64_t id : touched) {
    if (const FileRec* r = visible_.Rec(id); r && !r->dir.empty()) left.emplace_back(false, r->dir);
    if (const FileRec* r = trash_.Rec(id); r && !r->dir.empty()) left.emplace_back(true, r->dir);
    auto it = now.find(id);
    bool stays_visible = it != now.end() && it->second.state == kStateVisible;
    bool stays_trash = it != now.end() && it->second.state == kStateTrash;
    // A record that stays in its area is replaced in place (Put), so that its directory is
    // never dropped and made again in between.
    if (!stays_visible) visible_.Remove(id);
    if (!stays_trash) trash_.Remove(id);
    if (stays_visible) visible_.Put(it->second);
    if (stays_trash) trash_.Put(it->second);
  }
  for (size_t i = 0; i < touched.size(); ++i) {
    for (bool trash : {false, true}) {
      const auto& was = before[2 * i + (trash ? 1 : 0)];
      if (!was) continue;
      auto is = shown(trash, touched[i]);
      if (!is || is->parent != was->parent || is->name != was->name) {
        bool kernel_knows =
            kernel_did && kernel_did->parent == was->parent && kernel_did->name == was->name;
        if (!kernel_knows) InvalEntry(was->parent, was->name);
      } else if (is->size != was->size || is->ctime.tv_sec != was->ctime.tv_sec ||
                 is->ctime.tv_nsec != was->ctime.tv_nsec) {
        InvalInode(ino::FileIno(trash, touched[i]));
      }
    }
  }
  for (const auto& [trash, dir] : left)
    if (!area(trash).HasDir(dir)) area(trash).KeepDir(dir);
  return Status();
}

void Session::RefreshTree(bool trash, const std::string& dir) {
  std::unique_lock<std::shared_mutex> lk(view_mu_);
  epoch_++;
  AreaView& a = area(trash);
  for (const std::string& d : a.LoadedDirs())
    if (AtOrBelow(d, dir)) a.Evict(d);
  // Its parent lists it (or no longer does) when it is listed again.
  a.Evict(ParentOf(dir));
}

Status Session::RefreshCollections(Registry& reg) {
  std::unique_lock<std::shared_mutex> lk(view_mu_);
  epoch_++;
  return LoadCollections(reg);
}

Result<std::vector<MemberRec>> Session::Members(int64_t collection_id) {
  {
    std::lock_guard<std::mutex> lk(members_mu_);
    auto it = members_.find(collection_id);
    if (it != members_.end()) return it->second;
  }
  REGFS_ASSIGN_OR_RETURN(auto reader, AcquireReader());
  REGFS_ASSIGN_OR_RETURN(auto links, reader->MemberLinks(collection_id));
  std::vector<MemberRec> out;
  for (auto& l : links) {
    MemberRec m;
    m.link_id = l.link_id;
    m.file = MakeFileRec(l.artifact);  // named by the last component of its key
    out.push_back(std::move(m));
  }
  std::lock_guard<std::mutex> lk(members_mu_);
  members_[collection_id] = out;
  return out;
}

Result<std::optional<Artifact>> Session::LoadArtifact(int64_t id) {
  REGFS_ASSIGN_OR_RETURN(auto reader, AcquireReader());
  return reader->ArtifactById(id);
}

Result<std::optional<FileRec>> Session::LoadFileRec(int64_t id) {
  REGFS_ASSIGN_OR_RETURN(auto reader, AcquireReader());
  std::optional<FileRec> out;
  REGFS_RETURN_IF_ERROR(
      reader->ListedById(id, [&](const Registry::Listed& l) { out = FromListed(l); }).status());
  return out;
}

// ---------------------------------------------------------------- inodes

// The slot of a directory path in dir_inos_: its inode number, and whether it is there
// (else the number it gets when added). Open addressing on the (astronomically rare) hash
// collision. Caller holds dirs_mu_.
std::pair<uint64_t, bool> Session::DirSlot(bool trash, const std::string& path) const {
  ino::Tag tag = trash ? ino::Tag::kTrashDir : ino::Tag::kDir;
  for (uint64_t h = ino::PathHash(path);; h = (h + 1) & ino::kLowMask) {
    uint64_t i = ino::Make(tag, h);
    auto it = dir_inos_.find(i);
    if (it == dir_inos_.end()) return {i, false};
    if (it->second.path == path && it->second.trash == trash) return {i, true};
  }
}

uint64_t Session::DirIno(bool trash, const std::string& path) {
  if (path.empty()) return trash ? ino::kTrashArtifacts : ino::kArtifacts;
  std::lock_guard<std::mutex> lk(dirs_mu_);
  auto [i, known] = DirSlot(trash, path);
  if (!known) dir_inos_.emplace(i, DirRef{trash, path, 0});
  return i;
}

Result<std::string> Session::TakeStaging(int* fd) {
  {
    std::lock_guard<std::mutex> lk(staging_mu_);
    while (!staging_pool_.empty()) {
      auto [path, f] = std::move(staging_pool_.back());
      staging_pool_.pop_back();
      staging_cv_.notify_one();
      // `regfs fsck --repair` may have cleared the staging directory meanwhile.
      struct stat st;
      if (fstat(f, &st) == 0 && st.st_nlink > 0) {
        *fd = f;
        return path;
      }
      close(f);
    }
  }
  staging_cv_.notify_one();
  return info_->storage->CreateStaging(fd);
}

void Session::StagingLoop() {
  std::unique_lock<std::mutex> lk(staging_mu_);
  for (;;) {
    // Refill once half the pool is used: files are made in bursts, not one by one.
    staging_cv_.wait(lk,
                     [this] { return staging_stop_ || staging_pool_.size() <= kStagingPool / 2; });
    if (staging_stop_) return;
    while (!staging_stop_ && staging_pool_.size() < kStagingPool) {
      lk.unlock();
      int fd = -1;
      auto made = info_->storage->CreateStaging(&fd);
      lk.lock();
      if (!made.ok()) {
        // A full disk, say: the write that needs one reports it when it makes its own.
        log::Debug("staging pool: " + made.status().ToString());
        staging_cv_.wait_for(lk, std::chrono::seconds(1), [this] { return staging_stop_; });
        break;
      }
      staging_pool_.emplace_back(std::move(*made), fd);
    }
  }
}

void Session::DeleteCommittedFiles() {
  std::vector<PurgeOutcome> todo;
  {
    std::lock_guard<std::mutex> lk(batch_mu_);
    todo.swap(committed_files_);
  }
  if (todo.empty()) return;
  // The pending rows keep this crash-safe until DeleteDone clears them.
  std::vector<std::pair<const PurgeOutcome*, bool>> done;
  for (const PurgeOutcome& o : todo) {
    auto deleted = writer_->DeleteFileOf(o);
    if (!deleted.ok()) {
      log::Error("purge uid " + o.uid + ": " + deleted.status().message());
      continue;
    }
    if (!*deleted)
      log::Warn("purge uid " + o.uid + ": kept " + *o.to_delete + " (a symlink on its way)");
    done.emplace_back(&o, *deleted);
  }
  std::lock_guard<std::mutex> lk(writer_mu_);
  for (const auto& [o, deleted] : done) {
    Status st = writer_->DeleteDone(*o, deleted);
    if (!st.ok()) log::Warn("purge uid " + o->uid + ": clearing its pending row: " + st.ToString());
  }
}

uint64_t Session::RenumberForWrite(int64_t id) {
  std::lock_guard<std::mutex> lk(alias_mu_);
  // An older alias keeps resolving: the kernel may still hold it.
  uint64_t alias = ino::Make(ino::Tag::kFileAlias, next_alias_++);
  alias_of_[id] = alias;
  alias_rec_[alias] = id;
  has_aliases_.store(true, std::memory_order_release);
  return alias;
}

uint64_t Session::KnownDirIno(bool trash, const std::string& path) {
  if (path.empty()) return trash ? ino::kTrashArtifacts : ino::kArtifacts;
  std::lock_guard<std::mutex> lk(dirs_mu_);
  auto [i, known] = DirSlot(trash, path);
  return known && dir_inos_.at(i).nlookup > 0 ? i : 0;
}

void Session::RetargetDirs(bool from_trash, const std::string& from, const std::string& to) {
  std::lock_guard<std::mutex> lk(dirs_mu_);
  for (auto& [i, ref] : dir_inos_) {
    if (ref.trash != from_trash) continue;
    if (AtOrBelow(ref.path, from)) {
      ref.path = to + ref.path.substr(from.size());
      ref.trash = false;
    }
  }
}

void Session::AddLookup(uint64_t i) {
  ino::Tag tag = ino::TagOf(i);
  if (tag == ino::Tag::kFolderEntry) {
    std::lock_guard<std::mutex> lk(dirs_mu_);
    auto it = folder_inos_.find(i);
    if (it != folder_inos_.end()) it->second.nlookup++;
    return;
  }
  if (tag != ino::Tag::kDir && tag != ino::Tag::kTrashDir) return;
  std::lock_guard<std::mutex> lk(dirs_mu_);
  auto it = dir_inos_.find(i);
  if (it != dir_inos_.end()) it->second.nlookup++;
}

void Session::Forget(uint64_t i, uint64_t n) {
  ino::Tag tag = ino::TagOf(i);
  if (tag == ino::Tag::kPending) {
    std::lock_guard<std::mutex> lk(pending_mu_);
    auto it = pending_.find(ino::LowOf(i));
    // A committed or unlinked pending file is forgotten with its last kernel reference
    // (neither is in live_ any more).
    if (it != pending_.end() && (it->second.committed_id || it->second.unlinked))
      pending_.erase(it);
    return;
  }
  if (tag == ino::Tag::kFolderEntry) {
    std::lock_guard<std::mutex> lk(dirs_mu_);
    auto it = folder_inos_.find(i);
    if (it == folder_inos_.end()) return;
    it->second.nlookup = it->second.nlookup > n ? it->second.nlookup - n : 0;
    if (it->second.nlookup == 0) folder_inos_.erase(it);
    return;
  }
  if (tag != ino::Tag::kDir && tag != ino::Tag::kTrashDir) return;
  std::lock_guard<std::mutex> lk(dirs_mu_);
  auto it = dir_inos_.find(i);
  if (it == dir_inos_.end()) return;
  it->second.nlookup = it->second.nlookup > n ? it->second.nlookup - n : 0;
  if (it->second.nlookup == 0) dir_inos_.erase(it);
}

Result<Node> Session::Resolve(uint64_t i) {
  Node n;
  switch (i) {
    case ino::kRoot: n.kind = Node::kRoot; return n;
    case ino::kArtifacts: n.kind = Node::kDir; return n;
    case ino::kCollections: n.kind = Node::kCollectionsTop; return n;
    case ino::kTrash: n.kind = Node::kTrashTop; return n;
    case ino::kTrashArtifacts:
      n.kind = Node::kDir;
      n.trash = true;
      return n;
    case ino::kTrashCollections: n.kind = Node::kTrashCollectionsTop; return n;
    default: break;
  }
  uint64_t low = ino::LowOf(i);
  switch (ino::TagOf(i)) {
    case ino::Tag::kArtifact:
    case ino::Tag::kTrashArtifact: {
      n.kind = Node::kFile;
      n.id = static_cast<int64_t>(low);
      n.trash = ino::TagOf(i) == ino::Tag::kTrashArtifact;
      {
        std::shared_lock<std::shared_mutex> lk(view_mu_);
        // The area the inode was handed out for first. After a rename between the areas the
        // kernel keeps the inode it had, so the other area is the record's new place.
        const FileRec* r = area(n.trash).Rec(n.id);
        if (!r) {
          r = area(!n.trash).Rec(n.id);
          if (r) n.trash = !n.trash;
        }
        if (r) {
          if (r->is_folder) n.kind = Node::kFolder;
          return n;
        }
      }
      // Its directory is not loaded (say another process moved the record there).
      REGFS_ASSIGN_OR_RETURN(auto rec, LoadFileRec(n.id));
      if (!rec) return Status::NotFound("artifact id " + std::to_string(n.id) + " is not shown");
      n.trash = rec->state == kStateTrash;
      if (rec->is_folder) n.kind = Node::kFolder;
      return n;
    }
    case ino::Tag::kFileAlias: {
      int64_t id;
      {
        std::lock_guard<std::mutex> lk(alias_mu_);
        auto it = alias_rec_.find(i);
        if (it == alias_rec_.end()) return Status::NotFound("inode " + std::to_string(i));
        id = it->second;
      }
      // Served as the record's visible file inode.
      return Resolve(ino::FileIno(false, id));
    }
    case ino::Tag::kCollection: {
      n.kind = Node::kCollection;
      n.id = static_cast<int64_t>(low);
      std::shared_lock<std::shared_mutex> lk(view_mu_);
      for (const auto& c : visible_cols_)
        if (c.id == n.id) return n;
      for (const auto& c : trash_cols_)
        if (c.id == n.id) {
          n.trash = true;
          return n;
        }
      return Status::NotFound("collection id " + std::to_string(n.id));
    }
    case ino::Tag::kMember: {
      n.kind = Node::kMember;
      n.id = static_cast<int64_t>(low);
      std::lock_guard<std::mutex> lk(members_mu_);
      for (const auto& [cid, members] : members_)
        for (const auto& m : members)
          if (m.link_id == n.id) {
            n.artifact = m.file.id;
            return n;
          }
      return Status::NotFound("collection link id " + std::to_string(n.id));
    }
    case ino::Tag::kDir:
    case ino::Tag::kTrashDir: {
      std::lock_guard<std::mutex> lk(dirs_mu_);
      auto it = dir_inos_.find(i);
      if (it == dir_inos_.end()) return Status::NotFound("directory inode " + std::to_string(i));
      n.kind = Node::kDir;
      n.trash = it->second.trash;
      n.path = it->second.path;
      return n;
    }
    case ino::Tag::kFolderEntry: {
      std::lock_guard<std::mutex> lk(dirs_mu_);
      auto it = folder_inos_.find(i);
      if (it == folder_inos_.end())
        return Status::NotFound("folder entry inode " + std::to_string(i));
      n.kind = Node::kFolder;
      n.id = it->second.artifact;
      n.path = it->second.path;
      return n;
    }
    case ino::Tag::kPending: {
      n.kind = Node::kPending;
      n.id = static_cast<int64_t>(low);
      std::lock_guard<std::mutex> lk(pending_mu_);
      auto it = pending_.find(low);
      if (it == pending_.end())
        return Status::NotFound("file being written " + std::to_string(low));
      if (it->second.unlinked && !it->second.committed_id)
        return Status::NotFound("file being written was removed or failed");
      if (it->second.committed_id) {
        // The write became a record: this inode now shows it.
        n.kind = Node::kFile;
        n.id = *it->second.committed_id;
      }
      return n;
    }
    default: break;
  }
  return Status::NotFound("inode " + std::to_string(i));
}

uint64_t Session::InoOf(const Node& n) {
  switch (n.kind) {
    case Node::kRoot: return ino::kRoot;
    case Node::kCollectionsTop: return ino::kCollections;
    case Node::kTrashTop: return ino::kTrash;
    case Node::kTrashCollectionsTop: return ino::kTrashCollections;
    case Node::kDir: return DirIno(n.trash, n.path);
    case Node::kFile: {
      if (!n.trash && has_aliases_.load(std::memory_order_acquire)) {
        std::lock_guard<std::mutex> lk(alias_mu_);
        auto it = alias_of_.find(n.id);
        if (it != alias_of_.end()) return it->second;
      }
      return ino::FileIno(n.trash, n.id);
    }
    case Node::kCollection: return ino::Make(ino::Tag::kCollection, n.id);
    case Node::kMember: return ino::Make(ino::Tag::kMember, n.id);
    case Node::kPending: return ino::Make(ino::Tag::kPending, n.id);
    case Node::kFolder: {
      if (n.path.empty()) return ino::FileIno(n.trash, n.id);
      uint64_t h = ino::PathHash(std::to_string(n.id) + "/" + n.path);
      std::lock_guard<std::mutex> lk(dirs_mu_);
      for (;; h = (h + 1) & ino::kLowMask) {
        uint64_t i = ino::Make(ino::Tag::kFolderEntry, h);
        auto it = folder_inos_.find(i);
        if (it == folder_inos_.end()) {
          folder_inos_.emplace(i, FolderRef{n.id, n.path, 0});
          return i;
        }
        if (it->second.artifact == n.id && it->second.path == n.path) return i;
      }
    }
  }
  return 0;
}

Status Session::Stat(const Node& n, struct stat* st, const FileRec* detached) {
  *st = {};
  st->st_uid = owner_uid_;
  st->st_gid = owner_gid_;
  st->st_blksize = 1 << 20;  // cp and friends size their buffers by this
  st->st_atim = st->st_mtim = st->st_ctim = g_mount_time;
  auto dir = [&](mode_t mode) {
    st->st_mode = S_IFDIR | mode;
    st->st_nlink = 2;
  };
  auto file = [&](const FileRec& r, mode_t mode) {
    st->st_mode = S_IFREG | mode;
    st->st_nlink = 1;
    st->st_size = r.size;
    st->st_blocks = (r.size + 511) / 512;
    st->st_mtim = r.mtime;
    st->st_atim = r.mtime;
    st->st_ctim = r.ctime;
  };
  const mode_t writable = cfg_.read_only ? 0555 : 0755;
  st->st_ino = InoOf(n);
  switch (n.kind) {
    case Node::kRoot:
    case Node::kCollectionsTop:
    case Node::kTrashTop:
    case Node::kTrashCollectionsTop: dir(writable); return Status();
    case Node::kDir:
      if (!area(n.trash).HasDir(n.path)) return Status::NotFound("directory " + n.path);
      dir(writable);
      return Status();
    case Node::kCollection: {
      for (const auto* list : {&visible_cols_, &trash_cols_})
        for (const auto& c : *list)
          if (c.id == n.id) {
            dir(0555);
            st->st_mtim = st->st_atim = c.mtime;
            st->st_ctim = c.ctime;
            return Status();
          }
      return Status::NotFound("collection id " + std::to_string(n.id));
    }
    case Node::kFile: {
      const FileRec* r = area(n.trash).Rec(n.id);
      if (!r) r = area(!n.trash).Rec(n.id);
      if (!r && detached && detached->id == n.id) r = detached;
      if (!r) return Status::NotFound("artifact id " + std::to_string(n.id));
      bool can_write = !cfg_.read_only && r->state == kStateVisible && r->key_is_path;
      file(*r, can_write ? 0644 : 0444);
      return Status();
    }
    case Node::kMember: {
      std::lock_guard<std::mutex> lk(members_mu_);
      for (const auto& [cid, members] : members_)
        for (const auto& m : members)
          if (m.link_id == n.id) {
            file(m.file, 0444);
            return Status();
          }
      return Status::NotFound("collection link id " + std::to_string(n.id));
    }
    case Node::kFolder: {
      if (n.path.empty()) {
        const FileRec* r = area(n.trash).Rec(n.id);
        if (!r) r = area(!n.trash).Rec(n.id);
        if (!r && detached && detached->id == n.id) r = detached;
        if (!r) return Status::NotFound("artifact id " + std::to_string(n.id));
        dir(0555);
        st->st_mtim = st->st_atim = r->mtime;
        st->st_ctim = r->ctime;
        return Status();
      }
      REGFS_ASSIGN_OR_RETURN(std::string path, FolderPath(n.id, n.path));
      struct stat under;
      if (lstat(path.c_str(), &under) != 0)
        return Status::FromErrno(errno, "folder entry " + n.path);
      if (S_ISDIR(under.st_mode)) {
        dir(0555);
      } else if (S_ISREG(under.st_mode)) {
        st->st_mode = S_IFREG | 0444;
        st->st_nlink = 1;
        st->st_size = under.st_size;
        st->st_blocks = under.st_blocks;
      } else {
        return Status::NotFound("folder entry " + n.path + " is neither a file nor a directory");
      }
      st->st_mtim = st->st_atim = under.st_mtim;
      st->st_ctim = under.st_ctim;
      return Status();
    }
    case Node::kPending: {
      std::lock_guard<std::mutex> lk(pending_mu_);
      auto it = pending_.find(static_cast<uint64_t>(n.id));
      if (it == pending_.end()) return Status::NotFound("file being written");
      FileRec r;
      r.size = static_cast<int64_t>(it->second.size);
      r.mtime = r.ctime = it->second.mtime;
      file(r, 0644);
      return Status();
    }
  }
  return Status::NotFound("inode");
}

Result<std::string> Session::FolderPath(int64_t artifact_id, const std::string& inner) {
  std::string root;
  {
    std::lock_guard<std::mutex> lk(folder_roots_mu_);
    auto it = folder_roots_.find(artifact_id);
    if (it != folder_roots_.end()) root = it->second;
  }
  if (root.empty()) {
    REGFS_ASSIGN_OR_RETURN(auto a, LoadArtifact(artifact_id));
    if (!a) return Status::NotFound("artifact id " + std::to_string(artifact_id));
    REGFS_ASSIGN_OR_RETURN(root, info_->storage->StoredPath(*a));
    std::lock_guard<std::mutex> lk(folder_roots_mu_);
    folder_roots_[artifact_id] = root;
  }
  // `inner` is built from names the kernel looked up one by one (no '/', '.', '..' in a
  // component), and each component was checked not to be a symlink when it was looked up.
  return inner.empty() ? root : root + "/" + inner;
}

// ---------------------------------------------------------------- pending writes

// live_ indexes the files being written that still own their name (neither saved nor
// unlinked) by directory and name: lookups and listings of a directory that received many
// files must not walk every file written since the mount. Caller holds pending_mu_.
void Session::IndexPending(const PendingFile& p, bool add) {
  auto d = live_.find(p.dir);
  if (add) {
    if (!p.committed_id && !p.unlinked) live_[p.dir][p.name] = p.seq;
    return;
  }
  if (d == live_.end()) return;
  auto n = d->second.find(p.name);
  if (n != d->second.end() && n->second == p.seq) d->second.erase(n);
  if (d->second.empty()) live_.erase(d);
}

uint64_t Session::AddPending(const std::string& dir, const std::string& name) {
  std::lock_guard<std::mutex> lk(pending_mu_);
  PendingFile p;
  p.seq = next_pending_++;
  p.dir = dir;
  p.name = name;
  clock_gettime(CLOCK_REALTIME, &p.mtime);
  IndexPending(p, true);
  pending_[p.seq] = std::move(p);
  return next_pending_ - 1;
}

std::optional<PendingFile> Session::Pending(uint64_t seq) {
  std::lock_guard<std::mutex> lk(pending_mu_);
  auto it = pending_.find(seq);
  if (it == pending_.end()) return std::nullopt;
  return it->second;
}

std::optional<uint64_t> Session::PendingAt(const std::string& dir, const std::string& name) {
  std::lock_guard<std::mutex> lk(pending_mu_);
  auto d = live_.find(dir);
  if (d == live_.end()) return std::nullopt;
  auto n = d->second.find(name);
  if (n == d->second.end()) return std::nullopt;
  return n->second;
}

std::vector<PendingFile> Session::PendingIn(const std::string& dir) {
  std::vector<PendingFile> out;
  std::lock_guard<std::mutex> lk(pending_mu_);
  auto d = live_.find(dir);
  if (d == live_.end()) return out;
  for (const auto& [name, seq] : d->second) out.push_back(pending_.at(seq));
  return out;
}

void Session::UpdatePending(uint64_t seq, const std::function<void(PendingFile&)>& fn) {
  std::lock_guard<std::mutex> lk(pending_mu_);
  auto it = pending_.find(seq);
  if (it == pending_.end()) return;
  IndexPending(it->second, false);
  fn(it->second);
  IndexPending(it->second, true);
}

void Session::DropPending(uint64_t seq) {
  std::lock_guard<std::mutex> lk(pending_mu_);
  auto it = pending_.find(seq);
  if (it == pending_.end()) return;
  IndexPending(it->second, false);
  pending_.erase(it);
}

// ---------------------------------------------------------------- handles

uint64_t Session::AddHandle(std::unique_ptr<FileHandle> h) {
  std::lock_guard<std::mutex> lk(handles_mu_);
  uint64_t fh = next_handle_++;
  handles_[fh] = std::move(h);
  return fh;
}

FileHandle* Session::GetHandle(uint64_t fh) {
  std::lock_guard<std::mutex> lk(handles_mu_);
  auto it = handles_.find(fh);
  return it == handles_.end() ? nullptr : it->second.get();
}

std::unique_ptr<FileHandle> Session::TakeHandle(uint64_t fh) {
  std::lock_guard<std::mutex> lk(handles_mu_);
  auto it = handles_.find(fh);
  if (it == handles_.end()) return nullptr;
  auto h = std::move(it->second);
  handles_.erase(it);
  return h;
}

// ---------------------------------------------------------------- kernel caches

void Session::InvalEntry(uint64_t parent, const std::string& name) {
  std::lock_guard<std::mutex> lk(notify_mu_);
  notify_q_.push_back(Inval{parent, name});
  notify_cv_.notify_all();  // the poller shares this condition variable
}

void Session::InvalInode(uint64_t i) {
  std::lock_guard<std::mutex> lk(notify_mu_);
  notify_q_.push_back(Inval{i, ""});
  notify_cv_.notify_all();  // the poller shares this condition variable
}

void Session::CountRequest(const char* op) {
  for (RequestSlot& slot : requests_) {
    const char* held = slot.op.load(std::memory_order_acquire);
    if (held == nullptr && slot.op.compare_exchange_strong(held, op)) held = op;
    if (held == op) {
      slot.n.fetch_add(1, std::memory_order_relaxed);
      return;
    }
  }
}

std::string Session::RequestStats() {
  // By name: two copies of one literal may have taken two slots.
  std::map<std::string, uint64_t> by_name;
  for (const RequestSlot& slot : requests_)
    if (const char* op = slot.op.load(std::memory_order_acquire)) by_name[op] += slot.n.load();
  std::string out;
  for (const auto& [op, n] : by_name)
    out += (out.empty() ? "" : ", ") + op + " " + std::to_string(n);
  std::lock_guard<std::mutex> lk(notify_mu_);
  return (out.empty() ? "none" : out) + "; invalidations sent " + std::to_string(notified_);
}

void Session::NotifyLoop() {
  std::unique_lock<std::mutex> lk(notify_mu_);
  for (;;) {
    notify_cv_.wait(lk, [this] { return stopping_ || !notify_q_.empty(); });
    if (stopping_) return;
    Inval item = std::move(notify_q_.front());
    notify_q_.pop_front();
    ++notified_;
    lk.unlock();
    if (se_) {
      // ENOENT just means the kernel had nothing cached: not an error.
      if (item.name.empty())
        fuse_lowlevel_notify_inval_inode(se_, item.parent_or_ino, 0, 0);
      else
        fuse_lowlevel_notify_inval_entry(se_, item.parent_or_ino, item.name.c_str(),
                                         item.name.size());
    }
    lk.lock();
  }
}

void Session::MaybeCheckpoint() {
  if (!checkpointer_) return;
  Status s = checkpointer_->Checkpoint(/*only_if_large=*/true);
  if (!s.ok()) log::Warn(s.ToString());
}

void Session::PollLoop() {
  // External changes (CLI, LaminDB, another mount) show within 1 s: look every 200 ms.
  using namespace std::chrono_literals;
  std::unique_lock<std::mutex> lk(notify_mu_);
  while (!notify_cv_.wait_for(lk, 200ms, [this] { return stopping_; })) {
    lk.unlock();
    bool changed = false;
    {
      std::unique_lock<std::mutex> wlk(writer_mu_, std::try_to_lock);
      if (wlk.owns_lock()) {
        Status flushed = writer_->FlushPending();
        if (!flushed.ok()) log::Warn("clearing finished purges: " + flushed.ToString());
        auto v = writer_->ChangedElsewhere();
        changed = v.ok() && *v;
      }
    }
    if (changed || reload_wanted_.exchange(false)) {
      Status s = ReloadAll();
      if (!s.ok()) {
        log::Error("reloading after an external change: " + s.ToString());
        reload_wanted_ = true;  // try again at the next poll
      }
    }
    MaybeCheckpoint();  // after the reload: an external change is never kept waiting by it
    lk.lock();
  }
}

}  // namespace regfs
