#include "fs/session/prefetcher.h"

#include "fs/log.h"

namespace regfs {

void Prefetcher::Start() {
  thread_ = std::thread([this] { Loop(); });
}

void Prefetcher::Stop() {
  {
    MutexLock lk(&mu_);
    stop_ = true;
    cv_.SignalAll();
  }
  if (thread_.joinable()) thread_.join();
}

bool Prefetcher::Full() {
  ReaderLock lk(&view_.mu());
  return view_.records() >= kBudget;
}

void Prefetcher::Add(bool trash, std::vector<std::string> dirs) {
  if (dirs.empty() || Full()) return;
  MutexLock lk(&mu_);
  // The newest listing goes first, its first subdirectory first: the order a depth-first
  // walk visits them.
  for (auto it = dirs.rbegin(); it != dirs.rend(); ++it) q_.emplace_front(trash, std::move(*it));
  cv_.Signal();
}

void Prefetcher::Loop() {
  mu_.Lock();
  for (;;) {
    while (!stop_ && q_.empty()) cv_.Wait(&mu_);
    if (stop_) break;
    auto [trash, dir] = std::move(q_.front());
    q_.pop_front();
    mu_.Unlock();
    bool full = Full();
    if (!full) {
      // A directory that is gone by now (kNotFound) or fails to list is simply not loaded:
      // the request that needs it reports what is wrong.
      Status st = view_.EnsureDir(trash, dir);
      if (!st.ok() && !st.IsNotFound()) log::Debug("read-ahead of " + dir + ": " + st.ToString());
    }
    mu_.Lock();
    if (full) q_.clear();
  }
  mu_.Unlock();
}

}  // namespace regfs
