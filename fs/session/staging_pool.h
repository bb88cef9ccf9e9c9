// Staging files made ahead of the writes that need them.
//
// A new, empty staging file for a write is taken from a small pool that a background thread
// keeps filled, so that creating a file through the mount does not wait for the filesystem
// to allocate an inode: on ext4 without a journal that allocation skips past every recently
// freed inode and can cost far more than the rest of a create. Made on the spot when the
// pool is empty.
#pragma once

#include <memory>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "core/instance.h"
#include "core/sync.h"
#include "fs/session/notifier.h"

namespace regfs {

class StagingPool {
 public:
  static constexpr size_t kSize = 32;

  explicit StagingPool(std::shared_ptr<const InstanceInfo> info) : info_(std::move(info)) {}
  ~StagingPool() { Stop(); }
  StagingPool(const StagingPool&) = delete;
  StagingPool& operator=(const StagingPool&) = delete;

  void Start();
  // Stops the thread and removes the files it made that were not handed out.
  void Stop() EXCLUDES(mu_);
  // A new, empty staging file: its path, and *fd open read-write (the caller's).
  Result<std::string> Take(int* fd) EXCLUDES(mu_);

 private:
  friend class Handles;  // names mu_ in its lock-order annotation
  void Loop() EXCLUDES(mu_);

  const std::shared_ptr<const InstanceInfo> info_;
  // Lock order: fs/session/session.h.
  Mutex mu_ ACQUIRED_BEFORE(Notifier::mu_);
  CondVar cv_;
  std::vector<std::pair<std::string, int>> pool_ GUARDED_BY(mu_);  // path, fd
  bool stop_ GUARDED_BY(mu_) = false;
  std::thread thread_;
};

}  // namespace regfs
