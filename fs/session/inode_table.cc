#include "fs/session/inode_table.h"

#include "fs/view.h"

namespace regfs {

// Open addressing on the (astronomically rare) hash collision.
std::pair<uint64_t, bool> InodeTable::DirSlot(bool trash, const std::string& path) const {
  ino::Tag tag = trash ? ino::Tag::kTrashDir : ino::Tag::kDir;
  for (uint64_t h = ino::PathHash(path);; h = (h + 1) & ino::kLowMask) {
    uint64_t i = ino::Make(tag, h);
    auto it = dirs_.find(i);
    if (it == dirs_.end()) return {i, false};
    if (it->second.path == path && it->second.trash == trash) return {i, true};
  }
}

uint64_t InodeTable::DirIno(bool trash, const std::string& path) {
  if (path.empty()) return trash ? ino::kTrashArtifacts : ino::kArtifacts;
  MutexLock lk(&mu_);
  auto [i, known] = DirSlot(trash, path);
  if (!known) dirs_.emplace(i, DirRef{trash, path, 0});
  return i;
}

uint64_t InodeTable::KnownDirIno(bool trash, const std::string& path) {
  if (path.empty()) return trash ? ino::kTrashArtifacts : ino::kArtifacts;
  MutexLock lk(&mu_);
  auto [i, known] = DirSlot(trash, path);
  return known && dirs_.at(i).nlookup > 0 ? i : 0;
}

std::optional<InodeTable::DirPath> InodeTable::Dir(uint64_t ino) {
  MutexLock lk(&mu_);
  auto it = dirs_.find(ino);
  if (it == dirs_.end()) return std::nullopt;
  return DirPath{it->second.trash, it->second.path};
}

void InodeTable::RetargetDirs(bool from_trash, const std::string& from, const std::string& to) {
  MutexLock lk(&mu_);
  for (auto& [i, ref] : dirs_) {
    if (ref.trash != from_trash) continue;
    if (AtOrBelow(ref.path, from)) {
      ref.path = to + ref.path.substr(from.size());
      ref.trash = false;
    }
  }
}

uint64_t InodeTable::FolderEntryIno(int64_t artifact, const std::string& path) {
  uint64_t h = ino::PathHash(std::to_string(artifact) + "/" + path);
  MutexLock lk(&mu_);
  for (;; h = (h + 1) & ino::kLowMask) {
    uint64_t i = ino::Make(ino::Tag::kFolderEntry, h);
    auto it = folders_.find(i);
    if (it == folders_.end()) {
      folders_.emplace(i, FolderRef{artifact, path, 0});
      return i;
    }
    if (it->second.artifact == artifact && it->second.path == path) return i;
  }
}

std::optional<InodeTable::FolderEntry> InodeTable::Folder(uint64_t ino) {
  MutexLock lk(&mu_);
  auto it = folders_.find(ino);
  if (it == folders_.end()) return std::nullopt;
  return FolderEntry{it->second.artifact, it->second.path};
}

void InodeTable::AddLookup(uint64_t i) {
  ino::Tag tag = ino::TagOf(i);
  MutexLock lk(&mu_);
  if (tag == ino::Tag::kFolderEntry) {
    auto it = folders_.find(i);
    if (it != folders_.end()) it->second.nlookup++;
  } else if (tag == ino::Tag::kDir || tag == ino::Tag::kTrashDir) {
    auto it = dirs_.find(i);
    if (it != dirs_.end()) it->second.nlookup++;
  }
}

void InodeTable::Forget(uint64_t i, uint64_t n) {
  ino::Tag tag = ino::TagOf(i);
  auto drop = [n](auto& map, uint64_t key) {
    auto it = map.find(key);
    if (it == map.end()) return;
    it->second.nlookup = it->second.nlookup > n ? it->second.nlookup - n : 0;
    if (it->second.nlookup == 0) map.erase(it);
  };
  MutexLock lk(&mu_);
  if (tag == ino::Tag::kFolderEntry)
    drop(folders_, i);
  else if (tag == ino::Tag::kDir || tag == ino::Tag::kTrashDir)
    drop(dirs_, i);
}

uint64_t InodeTable::RenumberForWrite(int64_t id) {
  MutexLock lk(&mu_);
  // An older alias keeps resolving: the kernel may still hold it.
  uint64_t alias = ino::Make(ino::Tag::kFileAlias, next_alias_++);
  alias_of_[id] = alias;
  alias_rec_[alias] = id;
  has_aliases_.store(true, std::memory_order_release);
  return alias;
}

std::optional<int64_t> InodeTable::AliasRecord(uint64_t alias) {
  MutexLock lk(&mu_);
  auto it = alias_rec_.find(alias);
  if (it == alias_rec_.end()) return std::nullopt;
  return it->second;
}

uint64_t InodeTable::VisibleFileIno(int64_t id) {
  if (has_aliases_.load(std::memory_order_acquire)) {
    MutexLock lk(&mu_);
    auto it = alias_of_.find(id);
    if (it != alias_of_.end()) return it->second;
  }
  return ino::FileIno(false, id);
}

}  // namespace regfs
