// Kernel cache invalidations (names and inodes that now mean something else), queued by
// whoever changes the view and sent from a thread of their own: libfuse must never be asked
// to notify the kernel from inside a request handler.
#pragma once

#include <atomic>
#include <cstdint>
#include <deque>
#include <string>
#include <thread>

#include "core/sync.h"
#include "fs/passthrough.h"

struct fuse_session;

namespace regfs {

class Notifier {
 public:
  Notifier() = default;
  ~Notifier() { Stop(); }
  Notifier(const Notifier&) = delete;
  Notifier& operator=(const Notifier&) = delete;

  void Start();
  // Stops the thread; what is still queued is dropped (the mount is going away).
  void Stop() EXCLUDES(mu_);
  // Where invalidations go; null (before the mount and after it): they are counted only.
  void set_fuse_session(fuse_session* se) { se_.store(se); }

  void InvalEntry(uint64_t parent, const std::string& name) EXCLUDES(mu_);
  void InvalInode(uint64_t ino) EXCLUDES(mu_);
  // Invalidations taken off the queue so far.
  uint64_t sent() EXCLUDES(mu_);

 private:
  friend class StagingPool;  // names mu_ in its lock-order annotation
  void Loop() EXCLUDES(mu_);

  std::atomic<fuse_session*> se_{nullptr};
  // Lock order: fs/session/session.h.
  Mutex mu_ ACQUIRED_BEFORE(Passthrough::mu_);
  CondVar cv_;
  struct Inval {
    uint64_t parent_or_ino;
    std::string name;  // empty: inode invalidation
  };
  std::deque<Inval> q_ GUARDED_BY(mu_);
  uint64_t sent_ GUARDED_BY(mu_) = 0;
  bool stop_ GUARDED_BY(mu_) = false;
  std::thread thread_;
};

}  // namespace regfs
