#include "fs/session/session.h"

#include <unistd.h>

#include <chrono>
#include <map>

#include "fs/log.h"

namespace regfs {

Session::Session(MountConfig cfg, std::shared_ptr<const InstanceInfo> info)
    : cfg_(std::move(cfg)),
      info_(std::move(info)),
      owner_uid_(getuid()),
      owner_gid_(getgid()),
      writers_(info_, cfg_.read_only, cfg_.sync),
      staging_(info_),
      view_(writers_, inodes_, notifier_),
      prefetcher_(view_) {}

Session::~Session() {
  Stop();
}

Status Session::Start() {
  REGFS_RETURN_IF_ERROR(writers_.Open());
  if (!cfg_.read_only) {
    Status cs = info_->storage->CleanStaging();
    if (!cs.ok()) log::Warn("cleaning staging files: " + cs.ToString());
  }
  poller_ = std::thread([this] { PollLoop(); });
  notifier_.Start();
  prefetcher_.Start();
  if (!cfg_.read_only) {
    staging_.Start();
    writers_.StartBatcher();
  }
  return Status();
}

void Session::Stop() {
  {
    MutexLock lk(&mu_);
    if (stopping_) return;
    stopping_ = true;
    cv_.SignalAll();
  }
  if (poller_.joinable()) poller_.join();
  prefetcher_.Stop();
  notifier_.Stop();
  staging_.Stop();
  writers_.Stop();
}

void Session::PollLoop() {
  using Clock = std::chrono::steady_clock;
  mu_.Lock();
  while (!stopping_) {
    auto next = Clock::now() + std::chrono::milliseconds(200);
    while (!stopping_ && Clock::now() < next) cv_.WaitFor(&mu_, next - Clock::now());
    if (stopping_) break;
    mu_.Unlock();
    if (writers_.PollChanges()) {
      Status s = view_.Reload();
      if (!s.ok()) {
        log::Error("reloading after an external change: " + s.ToString());
        writers_.WantReload();  // try again at the next poll
      }
    }
    writers_.MaybeCheckpoint();  // after the reload: an external change is never kept waiting by it
    mu_.Lock();
  }
  mu_.Unlock();
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
  return (out.empty() ? "none" : out) + "; invalidations sent " + std::to_string(notifier_.sent());
}

}  // namespace regfs
