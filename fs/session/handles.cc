#include "fs/session/handles.h"

namespace regfs {

uint64_t Handles::Add(std::unique_ptr<FileHandle> h) {
  MutexLock lk(&mu_);
  uint64_t fh = next_++;
  handles_[fh] = std::move(h);
  return fh;
}

FileHandle* Handles::Get(uint64_t fh) {
  MutexLock lk(&mu_);
  auto it = handles_.find(fh);
  return it == handles_.end() ? nullptr : it->second.get();
}

std::unique_ptr<FileHandle> Handles::Take(uint64_t fh) {
  MutexLock lk(&mu_);
  auto it = handles_.find(fh);
  if (it == handles_.end()) return nullptr;
  auto h = std::move(it->second);
  handles_.erase(it);
  return h;
}

}  // namespace regfs
