// Inode numbers. They are derived from records, not handed out in order, so they are stable
// across remounts: the top 4 bits name the kind, the rest is a database id or a path hash.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace regfs::ino {

inline constexpr uint64_t kRoot = 1;              // FUSE_ROOT_ID
inline constexpr uint64_t kArtifacts = 2;         // artifacts/
inline constexpr uint64_t kCollections = 3;       // collections/
inline constexpr uint64_t kTrash = 4;             // .trash/
inline constexpr uint64_t kTrashArtifacts = 5;    // .trash/artifacts/
inline constexpr uint64_t kTrashCollections = 6;  // .trash/collections/

enum class Tag : uint64_t {
  kFixed = 0,
  kArtifact = 1,       // low bits: artifact id
  kCollection = 2,     // low bits: collection id
  kMember = 3,         // low bits: collectionartifact link id
  kDir = 4,            // low bits: hash of the directory path in artifacts/
  kTrashDir = 5,       // low bits: hash of the directory path in .trash/artifacts/
  kPending = 6,        // low bits: sequence number of a file being written
  kFolderEntry = 7,    // low bits: hash of (artifact id, path inside a folder artifact)
  kTrashArtifact = 8,  // low bits: artifact id, as shown in .trash/ (see FileIno)
  kFileAlias = 9,      // low bits: sequence number of a write alias (InodeTable::RenumberForWrite)
};

inline constexpr int kTagShift = 60;
inline constexpr uint64_t kLowMask = (uint64_t{1} << kTagShift) - 1;

inline uint64_t Make(Tag tag, uint64_t low) {
  return (static_cast<uint64_t>(tag) << kTagShift) | (low & kLowMask);
}
inline Tag TagOf(uint64_t ino) {
  return static_cast<Tag>(ino >> kTagShift);
}
inline uint64_t LowOf(uint64_t ino) {
  return ino & kLowMask;
}

// A record's inode in artifacts/ and in .trash/ differ: were they one inode, the kernel
// would take `mv .trash/X artifacts/X` of an already restored X (a stale name) for a rename
// between two links of one file, and report success without asking the daemon.
inline uint64_t FileIno(bool trash, int64_t id) {
  return Make(trash ? Tag::kTrashArtifact : Tag::kArtifact, static_cast<uint64_t>(id));
}

// FNV-1a over the path, never 0 (0 would collide with the fixed inodes' tag).
inline uint64_t PathHash(std::string_view path) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : path) {
    h ^= c;
    h *= 1099511628211ull;
  }
  h &= kLowMask;
  return h == 0 ? 1 : h;
}

}  // namespace regfs::ino
