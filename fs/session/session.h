// The state of one mount, in parts that each own one job and one lock (and, where it has
// one, its thread). Operations get everything from here, never from a global, so that the
// naming and record logic runs without a kernel (tests/unit/session_test.cc).
//
//   WriterPool    the writer, read connections, purge batches and their batcher thread
//   ViewCache     what the mount shows: directories, collections, members, folder roots
//   InodeTable    directory and folder-entry inodes, write aliases
//   PendingWrites files being written that are no record yet
//   Handles       open files
//   StagingPool   staging files made ahead (its thread)
//   Notifier      kernel cache invalidations (its thread)
//   Prefetcher    read-ahead of listed directories (its thread)
//   Session       owns the parts, starts and stops them; the change poller (its thread)
//
// Lock order, outer to inner. A thread holding one of these takes only locks further down;
// clang's thread-safety build (scripts/test.sh --thread-safety) checks it: each lock's
// declaration names its neighbour here (ACQUIRED_AFTER / ACQUIRED_BEFORE), and the analysis
// follows the chain.
//    1. FileHandle::mu          one open file (fs/session/file_handle.h)
//    2. WriterPool::mu_         the writer (fs/session/writer_pool.h)
//    3. WriterPool::batch_mu_   files of the purge batch
//    4. WriterPool::pool_mu_    idle read connections
//    5. ViewCache::mu_          what the mount shows, shared for reading (view_cache.h)
//    6. InodeTable::mu_         directory, folder-entry and alias inodes
//    7. PendingWrites::mu_      files being written
//    8. Handles::mu_            open files by number
//    9. StagingPool::mu_        staging files made ahead
//   10. Notifier::mu_           invalidations to send
//   11. Passthrough::mu_        passthrough state per inode (fs/passthrough.h)
//   12. Prefetcher::mu_         directories to read ahead
//   13. Session::mu_            the poller's stop flag
//   14. the log's lock          one line of the daemon log (fs/log.cc): the innermost; taken
//                               only inside log::Write, which calls nothing that locks, so
//                               it carries no annotation (none could ever fire)
// Locks 3, 4 and 6-14 are leaves in practice: held for a few map operations and never across
// a call into another part. Two rules make the order hold with the database as well:
//   - no database call, reader or writer, while ViewCache::mu_ is held: what an operation
//     needs is loaded before it takes the view's lock (ViewCache's Ensure*/Load* calls
//     exclude the lock, its readers require it);
//   - a thread that holds the writer reads through it, never through a read connection,
//     which would first wait for the writer to commit an open purge batch.
#pragma once

#include <sys/stat.h>
#include <sys/types.h>

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <thread>

#include "core/instance.h"
#include "core/sync.h"
#include "fs/options.h"
#include "fs/session/file_handle.h"
#include "fs/session/handles.h"
#include "fs/session/inode_table.h"
#include "fs/session/node.h"
#include "fs/session/notifier.h"
#include "fs/session/pending.h"
#include "fs/session/prefetcher.h"
#include "fs/session/staging_pool.h"
#include "fs/session/view_cache.h"
#include "fs/session/writer_pool.h"
#include "fs/view.h"

struct fuse_session;

namespace regfs {

class Passthrough;

class Session {
 public:
  Session(MountConfig cfg, std::shared_ptr<const InstanceInfo> info);
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  // Opens the writer connection, finishes pending purges, cleans staging, starts the
  // change poller, the notifier, the read-ahead and (writable mounts) the staging pool and
  // the batcher.
  Status Start();
  // Stops every thread, commits an open purge batch and deletes what committed purges
  // left. Idempotent.
  void Stop() EXCLUDES(mu_);
  void set_fuse_session(fuse_session* se) { notifier_.set_fuse_session(se); }

  const MountConfig& config() const { return cfg_; }
  const InstanceInfo& info() const { return *info_; }
  uid_t owner_uid() const { return owner_uid_; }
  gid_t owner_gid() const { return owner_gid_; }

  WriterPool& writers() { return writers_; }
  ViewCache& view() { return view_; }
  InodeTable& inodes() { return inodes_; }
  PendingWrites& pending() { return pending_; }
  Handles& handles() { return handles_; }
  StagingPool& staging() { return staging_; }
  Notifier& notifier() { return notifier_; }
  Prefetcher& prefetcher() { return prefetcher_; }
  // The kernel passthrough of reads (fs/passthrough.h), when this mount has it; else null.
  Passthrough* passthrough() const { return passthrough_; }
  void set_passthrough(Passthrough* pt) { passthrough_ = pt; }

  // ------------------------------------------------------------ nodes (nodes.cc)
  // What an inode number stands for. A record whose directory is not loaded is read from
  // the database (so the view's lock must not be held).
  Result<Node> Resolve(uint64_t ino) EXCLUDES(view().mu());
  uint64_t InoOf(const Node& n);
  // The kernel forgot `n` references to `ino`.
  void Forget(uint64_t ino, uint64_t n);
  // Attributes of a node (attrs.cc), from what is loaded. `detached`: the record of a file
  // node whose directory is not loaded (ViewCache::LoadFileRec).
  Status Stat(const Node& n, struct stat* st, const FileRec* detached = nullptr)
      REQUIRES_SHARED(view().mu());

  // ------------------------------------------------------------ counters
  // Requests by name, logged at unmount so that a benchmark shows where the kernel's round
  // trips went. `op` is a string literal, counted by its address. Lock-free: it runs for
  // every request.
  void CountRequest(const char* op);
  std::string RequestStats();

 private:
  // External changes (CLI, LaminDB, another mount) show within 1 s: looks every 200 ms.
  void PollLoop() EXCLUDES(mu_);

  const MountConfig cfg_;
  const std::shared_ptr<const InstanceInfo> info_;
  const uid_t owner_uid_;
  const gid_t owner_gid_;

  // The parts, in the order they are made (each refers only to those before it).
  WriterPool writers_;
  InodeTable inodes_;
  PendingWrites pending_;
  Handles handles_;
  Notifier notifier_;
  StagingPool staging_;
  ViewCache view_;
  Prefetcher prefetcher_;
  Passthrough* passthrough_ = nullptr;

  // One slot per kind of request, claimed by its first request (more than the ~30 kinds).
  struct RequestSlot {
    std::atomic<const char*> op{nullptr};
    std::atomic<uint64_t> n{0};
  };
  std::array<RequestSlot, 64> requests_;

  // Lock order: above.
  Mutex mu_ ACQUIRED_AFTER(Prefetcher::mu_);
  CondVar cv_;
  bool stopping_ GUARDED_BY(mu_) = false;
  std::thread poller_;
};

}  // namespace regfs
