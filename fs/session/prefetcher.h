// Metadata read-ahead: after a directory was listed, its subdirectories are loaded in the
// background in listing order (find, du, rsync, tar and file managers go there next), as
// long as the view holds fewer than kBudget records. A request that needs one of them first
// simply loads it itself.
#pragma once

#include <deque>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "core/sync.h"
#include "fs/passthrough.h"
#include "fs/session/view_cache.h"

namespace regfs {

class Prefetcher {
 public:
  static constexpr size_t kBudget = 150000;

  explicit Prefetcher(ViewCache& view) : view_(view) {}
  ~Prefetcher() { Stop(); }
  Prefetcher(const Prefetcher&) = delete;
  Prefetcher& operator=(const Prefetcher&) = delete;

  void Start();
  void Stop() EXCLUDES(mu_);
  // Queues the subdirectories a listing showed (not loaded yet), first one first.
  void Add(bool trash, std::vector<std::string> dirs) EXCLUDES(mu_, view_.mu());

 private:
  friend class Session;  // names mu_ in its lock-order annotation
  void Loop() EXCLUDES(mu_, view_.mu());
  bool Full() EXCLUDES(view_.mu());

  ViewCache& view_;
  // Lock order: fs/session/session.h.
  Mutex mu_ ACQUIRED_AFTER(Passthrough::mu_);
  CondVar cv_;
  std::deque<std::pair<bool, std::string>> q_ GUARDED_BY(mu_);  // next first
  bool stop_ GUARDED_BY(mu_) = false;
  std::thread thread_;
};

}  // namespace regfs
