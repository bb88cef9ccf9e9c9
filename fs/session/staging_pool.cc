#include "fs/session/staging_pool.h"

#include <sys/stat.h>
#include <unistd.h>

#include <chrono>

#include "fs/log.h"

namespace regfs {

void StagingPool::Start() {
  thread_ = std::thread([this] { Loop(); });
}

void StagingPool::Stop() {
  {
    MutexLock lk(&mu_);
    stop_ = true;
    cv_.SignalAll();
  }
  if (thread_.joinable()) thread_.join();
  MutexLock lk(&mu_);
  for (auto& [path, fd] : pool_) {
    close(fd);
    unlink(path.c_str());
  }
  pool_.clear();
}

Result<std::string> StagingPool::Take(int* fd) {
  {
    MutexLock lk(&mu_);
    while (!pool_.empty()) {
      auto [path, f] = std::move(pool_.back());
      pool_.pop_back();
      cv_.Signal();
      // `regfs fsck --repair` may have cleared the staging directory meanwhile.
      struct stat st;
      if (fstat(f, &st) == 0 && st.st_nlink > 0) {
        *fd = f;
        return path;
      }
      close(f);
    }
    cv_.Signal();
  }
  return info_->storage->CreateStaging(fd);
}

void StagingPool::Loop() {
  mu_.Lock();
  while (!stop_) {
    // Refill once half the pool is used: files are made in bursts, not one by one.
    if (pool_.size() > kSize / 2) {
      cv_.Wait(&mu_);
      continue;
    }
    while (!stop_ && pool_.size() < kSize) {
      mu_.Unlock();
      int fd = -1;
      auto made = info_->storage->CreateStaging(&fd);
      mu_.Lock();
      if (!made.ok()) {
        // A full disk, say: the write that needs one reports it when it makes its own.
        log::Debug("staging pool: " + made.status().ToString());
        if (!stop_) cv_.WaitFor(&mu_, std::chrono::seconds(1));
        break;
      }
      pool_.emplace_back(std::move(*made), fd);
    }
  }
  mu_.Unlock();
}

}  // namespace regfs
