// The mount's database connections: the single writer, a pool of read connections, a
// maintenance connection for checkpoints, and the purge batches that share the writer's
// transactions.
//
// Purge batches. A purge writes some 20 database pages (LaminDB's artifact table has 19
// indexes), and committing each purge alone made `rm -rf .trash/*` take 2.5x the `rm -r`
// that filled the trash. Purges that come back to back therefore share one write
// transaction (Registry::BeginBatch): each is answered once its statements ran, and the
// mount shows it gone at once. A purge that follows no other (within kBatchIdle) commits
// alone, so a single `rm` is committed when it returns. The batch commits when the purges
// pause for kBatchIdle, after kBatchMax purges or kBatchAge, before any other write (kAlone),
// read connection or rmdir of the mount (so `rm -r` of a directory returns with its purges
// committed), and at unmount. Until then other processes still see those records in the
// trash, and a crash rolls them back into it. No stored file is deleted before its record's
// deletion is committed, so a purge can be undone by a crash but never loses content. The
// batcher thread commits paused batches and deletes the files of committed purges.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <thread>
#include <vector>

#include "core/instance.h"
#include "core/registry.h"
#include "core/sync.h"
#include "fs/session/file_handle.h"

namespace regfs {

class WriterPool {
 public:
  WriterPool(std::shared_ptr<const InstanceInfo> info, bool read_only, bool sync_writes);
  ~WriterPool();
  WriterPool(const WriterPool&) = delete;
  WriterPool& operator=(const WriterPool&) = delete;

  // Opens the writer (and, when writable, the maintenance connection), finishes the file
  // operations a crash left pending, and notes where the registry stands, so that later
  // external changes are noticed.
  Status Open() EXCLUDES(mu_);
  // Starts the batcher thread (writable mounts).
  void StartBatcher();
  // Stops the batcher, commits an open batch, deletes what committed purges left, clears
  // their pending rows and checkpoints. Call once no request runs any more.
  void Stop() EXCLUDES(mu_, batch_mu_);

  const InstanceInfo& info() const { return *info_; }
  // The writer lock, for annotations: a Writer holds it.
  Mutex& mu() RETURN_CAPABILITY(mu_) { return mu_; }

  // How a writer is used. kBatch: for a purge, which may share one transaction with the
  // purges around it. kAlone, for every other change, first commits an open batch, so that
  // the operation is ordered after every purge before it. kRead: reads that no change may
  // interleave with (listing a directory the mount keeps changing, reloading the view); an
  // open batch stays open and they see it.
  enum class Use { kAlone, kBatch, kRead };
  // Holds the single write connection for its scope. Registry calls go through it
  // (w->Purge(...)); functions that need the writer held take a Writer& as the proof. Its
  // PRAGMA data_version changes only when another connection commits, which is how external
  // changes are noticed (an external commit seen here makes the poller reload the view).
  // A thread holding a Writer reads through it, never through a Reader.
  class SCOPED_CAPABILITY Writer {
   public:
    explicit Writer(WriterPool* pool, Use use = Use::kAlone) ACQUIRE(pool->mu());
    ~Writer() RELEASE();
    Writer(const Writer&) = delete;
    Writer& operator=(const Writer&) = delete;
    Registry* operator->() { return r_; }
    Registry& operator*() { return *r_; }

   private:
    WriterPool* pool_;
    Registry* r_;
  };

  // A pooled read connection (never used for writes); back to the pool when destroyed.
  class Reader {
   public:
    Reader(WriterPool* pool, std::unique_ptr<Registry> r) : pool_(pool), r_(std::move(r)) {}
    Reader(Reader&&) = default;
    ~Reader();
    Registry* operator->() { return r_.get(); }
    Registry& operator*() { return *r_; }

   private:
    WriterPool* pool_;
    std::unique_ptr<Registry> r_;
  };
  // A read connection. It does not see an open batch, so the batch is committed first
  // (SettleBatch): what is read then agrees with the view. May wait for the writer.
  Result<Reader> AcquireReader() EXCLUDES(mu_, batch_mu_, pool_mu_);

  // ------------------------------------------------------------ purge batches
  static constexpr int kBatchMax = 256;
  static constexpr std::chrono::microseconds kBatchIdle{500};
  static constexpr std::chrono::milliseconds kBatchAge{20};
  // Tests: a longer pause, so that purges a slow (sanitized) test makes still form a run.
  void set_batch_idle_for_test(std::chrono::microseconds idle) {
    batch_idle_ns_ = std::chrono::nanoseconds(idle).count();
  }
  // Tests: runs when a thread is about to wait for the writer to commit an open batch
  // (SettleBatch). Set before the threads that may settle run.
  void set_settle_wait_hook_for_test(std::function<void()> fn) { settle_hook_ = std::move(fn); }

  // Hands over the file a purge with PurgeOptions::caller_deletes left (outcome.to_delete):
  // it is deleted after the batch commits, by the batcher thread; with no batch open it is
  // deleted by DeleteCommittedFiles, and then the result is true.
  bool QueuePurgedFile(PurgeOutcome outcome) REQUIRES(mu_) EXCLUDES(batch_mu_);
  // Deletes the stored files of committed purges, after the request was answered: the file
  // system work (tens of microseconds per file) then costs the caller nothing. Takes the
  // writer for the bookkeeping only.
  void DeleteCommittedFiles() EXCLUDES(mu_, batch_mu_);
  // Commits an open batch now.
  void CloseBatch() REQUIRES(mu_);
  // The same for a caller without the writer: a no-op when no batch is open.
  void SettleBatch() EXCLUDES(mu_, batch_mu_);

  // ------------------------------------------------------------ external changes
  // The poller's look (never waits for the writer: a busy writer is looked at next time):
  // clears the rows of finished purges and reports whether another process committed since
  // the last look, or a reload was asked for (WantReload, a rolled-back batch).
  bool PollChanges() EXCLUDES(mu_);
  void WantReload() { reload_wanted_ = true; }
  // Copies the write-ahead log into the database once it has grown past SQLite's usual
  // threshold (the writer's own automatic checkpoints are off). Poller thread only.
  void MaybeCheckpoint();

 private:
  friend class ViewCache;  // names pool_mu_ in its lock-order annotation

  // The writer side of Writer's constructor: notes external changes, commits or begins a
  // batch as `use` asks, and returns the connection.
  Registry* Enter(Use use) REQUIRES(mu_) EXCLUDES(batch_mu_);
  // Registry::on_batch_end of the writer.
  void OnBatchEnd(const Status& st) REQUIRES(mu_) EXCLUDES(batch_mu_);
  void BatchLoop() EXCLUDES(mu_, batch_mu_);

  const std::shared_ptr<const InstanceInfo> info_;
  const bool read_only_;
  const bool sync_writes_;

  // The writer. Lock order: fs/session/session.h.
  Mutex mu_ ACQUIRED_AFTER(FileHandle::mu);
  std::unique_ptr<Registry> writer_ GUARDED_BY(mu_);
  // The writer's connection for what needs no lock: Registry::DeleteFileOf touches no
  // database and is const (set by Open, then never changed).
  const Registry* files_ = nullptr;
  std::unique_ptr<Registry> checkpointer_;  // poller thread only (and Stop); null when read-only
  int batch_ops_ GUARDED_BY(mu_) = 0;       // purges in the open batch

  // Steady-clock nanoseconds, written under the writer and read by the batcher without it.
  std::atomic<int64_t> last_purge_ns_{0};  // when the last purge took the writer
  std::atomic<int64_t> batch_started_ns_{0};
  std::atomic<int64_t> batch_idle_ns_{std::chrono::nanoseconds(kBatchIdle).count()};
  std::atomic<bool> batch_open_{false};
  std::atomic<bool> reload_wanted_{false};
  std::function<void()> settle_hook_;
  std::atomic<bool> stopped_{false};

  Mutex batch_mu_ ACQUIRED_AFTER(mu_);
  CondVar batch_cv_;
  std::vector<PurgeOutcome> uncommitted_files_ GUARDED_BY(batch_mu_);  // purges of the open batch
  std::vector<PurgeOutcome> committed_files_ GUARDED_BY(batch_mu_);    // to delete
  bool batch_stop_ GUARDED_BY(batch_mu_) = false;
  std::thread batcher_;

  Mutex pool_mu_ ACQUIRED_AFTER(batch_mu_);
  std::vector<std::unique_ptr<Registry>> pool_ GUARDED_BY(pool_mu_);
};

}  // namespace regfs
