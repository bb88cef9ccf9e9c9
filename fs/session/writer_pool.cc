#include "fs/session/writer_pool.h"

#include <algorithm>

#include "fs/log.h"

namespace regfs {

namespace {

// Whether this thread holds the writer (through a Writer): it must not wait for it again.
// A thread holding the writer reads through it; this guards SettleBatch against a Reader
// asked for all the same.
thread_local bool t_holds_writer = false;

int64_t SteadyNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

}  // namespace

WriterPool::WriterPool(std::shared_ptr<const InstanceInfo> info, bool read_only, bool sync_writes)
    : info_(std::move(info)), read_only_(read_only), sync_writes_(sync_writes) {}

WriterPool::~WriterPool() {
  Stop();
}

Status WriterPool::Open() {
  MutexLock lk(&mu_);
  REGFS_ASSIGN_OR_RETURN(writer_, Registry::Open(info_, read_only_));
  files_ = writer_.get();
  writer_->set_sync_writes(sync_writes_);
  writer_->set_batch_pending(true);  // cleared by the poller when idle, and at unmount
  if (!read_only_) {
    // Checkpoints run on the poller's registry (MaybeCheckpoint), not inside a commit of a
    // request: copying the log into the database and syncing it costs a request nothing.
    REGFS_RETURN_IF_ERROR(writer_->Tune(Registry::Role::kMountWriter));
    REGFS_ASSIGN_OR_RETURN(checkpointer_, Registry::Open(info_));
    REGFS_RETURN_IF_ERROR(checkpointer_->Tune(Registry::Role::kMaintenance));
    auto done = writer_->FinishPending();
    if (!done.ok()) {
      log::Error("finishing pending file operations: " + done.status().ToString());
    } else if (*done > 0) {
      log::Info("finished " + std::to_string(*done) + " pending file operation(s) left by a crash");
    }
  }
  return writer_->ChangedElsewhere().status();  // remembers where it stands
}

void WriterPool::StartBatcher() {
  {
    MutexLock lk(&mu_);
    // Runs inside CommitBatch (or a purge that commits the batch), which only the holder of
    // the writer calls.
    writer_->set_on_batch_end([this](const Status& st) {
      mu_.AssertHeld();
      OnBatchEnd(st);
    });
  }
  batcher_ = std::thread([this] { BatchLoop(); });
}

void WriterPool::Stop() {
  if (stopped_.exchange(true)) return;
  {
    MutexLock lk(&batch_mu_);
    batch_stop_ = true;
    batch_cv_.SignalAll();
  }
  if (batcher_.joinable()) batcher_.join();
  bool open;
  {
    MutexLock lk(&mu_);
    open = writer_ != nullptr;
    if (open) CloseBatch();
  }
  if (open) {
    DeleteCommittedFiles();
    MutexLock lk(&mu_);
    Status flushed = writer_->FlushPending();
    if (!flushed.ok()) log::Warn("clearing finished purges at unmount: " + flushed.ToString());
  }
  if (checkpointer_) {
    Status s = checkpointer_->Checkpoint(/*only_if_large=*/false);
    if (!s.ok()) log::Warn("checkpoint at unmount: " + s.ToString());
    checkpointer_.reset();
  }
}

// ---------------------------------------------------------------- connections

WriterPool::Writer::Writer(WriterPool* pool, Use use) : pool_(pool) {
  pool_->mu_.Lock();
  t_holds_writer = true;
  r_ = pool_->Enter(use);
}

WriterPool::Writer::~Writer() {
  t_holds_writer = false;
  pool_->mu_.Unlock();
}

Registry* WriterPool::Enter(Use use) {
  if (use == Use::kRead) return writer_.get();
  // An external commit since we last looked: make sure the view is reloaded afterwards.
  auto changed = writer_->ChangedElsewhere();
  if (changed.ok() && *changed) reload_wanted_ = true;
  int64_t now = SteadyNs();
  if (use == Use::kAlone || batch_ops_ >= kBatchMax ||
      now - batch_started_ns_.load() >= std::chrono::nanoseconds(kBatchAge).count())
    CloseBatch();
  if (use == Use::kBatch) {
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
          MutexLock bl(&batch_mu_);
          batch_open_ = true;
          batch_cv_.SignalAll();
        }
      } else {
        log::Debug("purge batch: " + begun.ToString());
      }
    }
    if (writer_->in_batch()) ++batch_ops_;
  }
  return writer_.get();
}

WriterPool::Reader::~Reader() {
  if (!r_) return;
  MutexLock lk(&pool_->pool_mu_);
  pool_->pool_.push_back(std::move(r_));
}

Result<WriterPool::Reader> WriterPool::AcquireReader() {
  SettleBatch();
  {
    MutexLock lk(&pool_mu_);
    if (!pool_.empty()) {
      auto r = std::move(pool_.back());
      pool_.pop_back();
      return Reader(this, std::move(r));
    }
  }
  REGFS_ASSIGN_OR_RETURN(auto reg, Registry::Open(info_, /*read_only=*/true));
  return Reader(this, std::move(reg));
}

// ---------------------------------------------------------------- purge batches

void WriterPool::SettleBatch() {
  if (!batch_open_.load() || t_holds_writer) return;
  if (settle_hook_) settle_hook_();
  MutexLock lk(&mu_);
  CloseBatch();
}

void WriterPool::CloseBatch() {
  if (writer_ && writer_->in_batch()) (void)writer_->CommitBatch();  // OnBatchEnd reports
}

void WriterPool::OnBatchEnd(const Status& st) {
  batch_ops_ = 0;
  MutexLock lk(&batch_mu_);
  batch_open_ = false;
  if (st.ok()) {
    for (auto& o : uncommitted_files_) committed_files_.push_back(std::move(o));
  } else {
    // Nothing of the batch happened: the records are in the trash again, with their files,
    // and the view must show them.
    log::Error("a batch of " + std::to_string(uncommitted_files_.size()) +
               " purge(s) was rolled back, its records are back in the trash with their "
               "files: " +
               st.ToString());
    reload_wanted_ = true;
  }
  uncommitted_files_.clear();
  batch_cv_.SignalAll();
}

bool WriterPool::QueuePurgedFile(PurgeOutcome outcome) {
  if (!outcome.to_delete) return false;
  bool batched = writer_->in_batch();
  MutexLock lk(&batch_mu_);
  (batched ? uncommitted_files_ : committed_files_).push_back(std::move(outcome));
  return !batched;
}

void WriterPool::BatchLoop() {
  auto due = [this] {
    return std::min(last_purge_ns_.load() + batch_idle_ns_.load(),
                    batch_started_ns_.load() + std::chrono::nanoseconds(kBatchAge).count());
  };
  batch_mu_.Lock();
  for (;;) {
    while (!batch_stop_ && !batch_open_ && committed_files_.empty()) batch_cv_.Wait(&batch_mu_);
    if (batch_stop_) break;  // Stop() commits and deletes what is left
    if (!committed_files_.empty()) {
      batch_mu_.Unlock();
      DeleteCommittedFiles();
      batch_mu_.Lock();
      continue;
    }
    int64_t wait = due() - SteadyNs();
    if (wait > 0) {
      batch_cv_.WaitFor(&batch_mu_, std::chrono::nanoseconds(wait));
      continue;
    }
    batch_mu_.Unlock();
    {
      MutexLock wl(&mu_);
      if (writer_->in_batch() && due() <= SteadyNs()) CloseBatch();
    }
    batch_mu_.Lock();
  }
  batch_mu_.Unlock();
}

void WriterPool::DeleteCommittedFiles() {
  std::vector<PurgeOutcome> todo;
  {
    MutexLock lk(&batch_mu_);
    todo.swap(committed_files_);
  }
  if (todo.empty()) return;
  // The pending rows keep this crash-safe until DeleteDone clears them.
  std::vector<std::pair<const PurgeOutcome*, bool>> done;
  for (const PurgeOutcome& o : todo) {
    auto deleted = files_->DeleteFileOf(o);
    if (!deleted.ok()) {
      log::Error("purge uid " + o.uid + ": " + deleted.status().message());
      continue;
    }
    if (!*deleted)
      log::Warn("purge uid " + o.uid + ": kept " + *o.to_delete + " (a symlink on its way)");
    done.emplace_back(&o, *deleted);
  }
  MutexLock lk(&mu_);
  for (const auto& [o, deleted] : done) {
    Status st = writer_->DeleteDone(*o, deleted);
    if (!st.ok()) log::Warn("purge uid " + o->uid + ": clearing its pending row: " + st.ToString());
  }
}

// ---------------------------------------------------------------- external changes

bool WriterPool::PollChanges() {
  bool changed = false;
  if (mu_.TryLock()) {
    Status flushed = writer_->FlushPending();
    if (!flushed.ok()) log::Warn("clearing finished purges: " + flushed.ToString());
    auto v = writer_->ChangedElsewhere();
    changed = v.ok() && *v;
    mu_.Unlock();
  }
  return reload_wanted_.exchange(false) || changed;
}

void WriterPool::MaybeCheckpoint() {
  if (!checkpointer_) return;
  Status s = checkpointer_->Checkpoint(/*only_if_large=*/true);
  if (!s.ok()) log::Warn(s.ToString());
}

}  // namespace regfs
