#include "fs/session/notifier.h"

#include <fuse_lowlevel.h>

namespace regfs {

void Notifier::Start() {
  thread_ = std::thread([this] { Loop(); });
}

void Notifier::Stop() {
  {
    MutexLock lk(&mu_);
    stop_ = true;
    cv_.SignalAll();
  }
  if (thread_.joinable()) thread_.join();
}

void Notifier::InvalEntry(uint64_t parent, const std::string& name) {
  MutexLock lk(&mu_);
  q_.push_back(Inval{parent, name});
  cv_.Signal();
}

void Notifier::InvalInode(uint64_t ino) {
  MutexLock lk(&mu_);
  q_.push_back(Inval{ino, ""});
  cv_.Signal();
}

uint64_t Notifier::sent() {
  MutexLock lk(&mu_);
  return sent_;
}

void Notifier::Loop() {
  mu_.Lock();
  for (;;) {
    while (!stop_ && q_.empty()) cv_.Wait(&mu_);
    if (stop_) break;
    Inval item = std::move(q_.front());
    q_.pop_front();
    ++sent_;
    mu_.Unlock();
    if (fuse_session* se = se_.load()) {
      // ENOENT just means the kernel had nothing cached: not an error.
      if (item.name.empty())
        fuse_lowlevel_notify_inval_inode(se, item.parent_or_ino, 0, 0);
      else
        fuse_lowlevel_notify_inval_entry(se, item.parent_or_ino, item.name.c_str(),
                                         item.name.size());
    }
    mu_.Lock();
  }
  mu_.Unlock();
}

}  // namespace regfs
