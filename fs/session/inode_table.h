// The inode numbers the daemon must remember (fs/inodes.h derives the others from record
// ids): directories of artifacts/ and .trash/artifacts/ and entries inside folder artifacts,
// which map back to paths while the kernel holds a reference (lookup counts and forget, as
// libfuse's passthrough_hp does), and the write aliases of records (RenumberForWrite).
#pragma once

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

#include "core/sync.h"
#include "fs/inodes.h"
#include "fs/session/pending.h"

namespace regfs {

class InodeTable {
 public:
  // A directory inode (made on first use). The top of an area has its fixed number.
  uint64_t DirIno(bool trash, const std::string& path) EXCLUDES(mu_);
  // The inode of a directory the kernel holds, or 0 when it holds none for that path.
  uint64_t KnownDirIno(bool trash, const std::string& path) EXCLUDES(mu_);
  struct DirPath {
    bool trash;
    std::string path;
  };
  std::optional<DirPath> Dir(uint64_t ino) EXCLUDES(mu_);
  // After a directory rename the kernel keeps the inodes it holds for the moved directory
  // and everything below it: from now on those inode numbers stand for the new paths.
  void RetargetDirs(bool from_trash, const std::string& from, const std::string& to) EXCLUDES(mu_);

  // The inode of `path` inside folder artifact `artifact` (made on first use).
  uint64_t FolderEntryIno(int64_t artifact, const std::string& path) EXCLUDES(mu_);
  struct FolderEntry {
    int64_t artifact;
    std::string path;
  };
  std::optional<FolderEntry> Folder(uint64_t ino) EXCLUDES(mu_);

  // The kernel's references to directory and folder-entry inodes (other inodes: no-op).
  void AddLookup(uint64_t ino) EXCLUDES(mu_);
  void Forget(uint64_t ino, uint64_t n) EXCLUDES(mu_);

  // Gives a visible record's file a new inode number for the rest of the mount and returns
  // it. A write open of an inode that readers hold open in passthrough mode cannot be served
  // on that inode (the kernel refuses a second io mode); it is answered ESTALE, the kernel
  // looks the name up again, finds the new number and opens that instead.
  uint64_t RenumberForWrite(int64_t id) EXCLUDES(mu_);
  // The record behind a write alias.
  std::optional<int64_t> AliasRecord(uint64_t alias) EXCLUDES(mu_);
  // The inode a visible record's file is shown with: its alias when it has one.
  uint64_t VisibleFileIno(int64_t id) EXCLUDES(mu_);
  // True for an inode made by RenumberForWrite (never used for passthrough).
  static bool IsWriteAlias(uint64_t ino) { return ino::TagOf(ino) == ino::Tag::kFileAlias; }

 private:
  friend class ViewCache;  // names mu_ in its lock-order annotation
  // The slot of a directory path: its inode number, and whether it is there (else the
  // number it gets when added).
  std::pair<uint64_t, bool> DirSlot(bool trash, const std::string& path) const REQUIRES(mu_);

  // Lock order: fs/session/session.h.
  Mutex mu_ ACQUIRED_BEFORE(PendingWrites::mu_);
  struct DirRef {
    bool trash;
    std::string path;
    uint64_t nlookup;
  };
  std::unordered_map<uint64_t, DirRef> dirs_ GUARDED_BY(mu_);
  struct FolderRef {
    int64_t artifact;
    std::string path;
    uint64_t nlookup;
  };
  std::unordered_map<uint64_t, FolderRef> folders_ GUARDED_BY(mu_);
  std::atomic<bool> has_aliases_{false};  // set once: listings skip the lock until then
  uint64_t next_alias_ GUARDED_BY(mu_) = 1;
  std::unordered_map<int64_t, uint64_t> alias_of_ GUARDED_BY(mu_);   // record id -> alias
  std::unordered_map<uint64_t, int64_t> alias_rec_ GUARDED_BY(mu_);  // alias -> record id
};

}  // namespace regfs
