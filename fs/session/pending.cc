#include "fs/session/pending.h"

namespace regfs {

// live_ indexes the files being written that still own their name (neither saved nor
// unlinked) by directory and name: lookups and listings of a directory that received many
// files must not walk every file written since the mount.
void PendingWrites::Index(const PendingFile& p, bool add) {
  if (add) {
    if (!p.committed_id && !p.unlinked) live_[p.dir][p.name] = p.seq;
    return;
  }
  auto d = live_.find(p.dir);
  if (d == live_.end()) return;
  auto n = d->second.find(p.name);
  if (n != d->second.end() && n->second == p.seq) d->second.erase(n);
  if (d->second.empty()) live_.erase(d);
}

uint64_t PendingWrites::Add(const std::string& dir, const std::string& name) {
  MutexLock lk(&mu_);
  PendingFile p;
  p.seq = next_++;
  p.dir = dir;
  p.name = name;
  clock_gettime(CLOCK_REALTIME, &p.mtime);
  Index(p, true);
  uint64_t seq = p.seq;
  files_[seq] = std::move(p);
  return seq;
}

std::optional<PendingFile> PendingWrites::Get(uint64_t seq) {
  MutexLock lk(&mu_);
  auto it = files_.find(seq);
  if (it == files_.end()) return std::nullopt;
  return it->second;
}

std::optional<uint64_t> PendingWrites::At(const std::string& dir, const std::string& name) {
  MutexLock lk(&mu_);
  auto d = live_.find(dir);
  if (d == live_.end()) return std::nullopt;
  auto n = d->second.find(name);
  if (n == d->second.end()) return std::nullopt;
  return n->second;
}

std::vector<PendingFile> PendingWrites::In(const std::string& dir) {
  std::vector<PendingFile> out;
  MutexLock lk(&mu_);
  auto d = live_.find(dir);
  if (d == live_.end()) return out;
  for (const auto& [name, seq] : d->second) out.push_back(files_.at(seq));
  return out;
}

void PendingWrites::Update(uint64_t seq, const std::function<void(PendingFile&)>& fn) {
  MutexLock lk(&mu_);
  auto it = files_.find(seq);
  if (it == files_.end()) return;
  Index(it->second, false);
  fn(it->second);
  Index(it->second, true);
}

void PendingWrites::Drop(uint64_t seq) {
  MutexLock lk(&mu_);
  auto it = files_.find(seq);
  if (it == files_.end()) return;
  Index(it->second, false);
  files_.erase(it);
}

void PendingWrites::Forget(uint64_t seq) {
  MutexLock lk(&mu_);
  auto it = files_.find(seq);
  // A committed or unlinked file is forgotten with its last kernel reference (neither is in
  // live_ any more).
  if (it != files_.end() && (it->second.committed_id || it->second.unlinked)) files_.erase(it);
}

}  // namespace regfs
