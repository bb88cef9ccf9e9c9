// Files being written through the mount that are not records yet (SPEC.md section 4: a
// write becomes a record at the last close). Listed and looked up by directory and name, so
// that a directory receiving many files is never walked file by file.
#pragma once

#include <cstdint>
#include <ctime>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/sync.h"
#include "fs/session/handles.h"

namespace regfs {

// A new file being written through the mount.
struct PendingFile {
  uint64_t seq = 0;
  std::string dir;
  std::string name;
  uint64_t size = 0;
  timespec mtime{};
  std::optional<int64_t> committed_id;  // set once saved: the inode then aliases the record
  bool unlinked = false;
};

class PendingWrites {
 public:
  // A new file `name` in directory `dir` of artifacts/; returns its sequence number.
  uint64_t Add(const std::string& dir, const std::string& name) EXCLUDES(mu_);
  std::optional<PendingFile> Get(uint64_t seq) EXCLUDES(mu_);
  // The file being written that owns this name (neither saved nor unlinked), if any.
  std::optional<uint64_t> At(const std::string& dir, const std::string& name) EXCLUDES(mu_);
  std::vector<PendingFile> In(const std::string& dir) EXCLUDES(mu_);
  // Changes a file in place. `fn` runs under the lock: it only edits the file.
  void Update(uint64_t seq, const std::function<void(PendingFile&)>& fn) EXCLUDES(mu_);
  void Drop(uint64_t seq) EXCLUDES(mu_);
  // The kernel forgot the inode: a saved or unlinked file goes with its last reference.
  void Forget(uint64_t seq) EXCLUDES(mu_);

 private:
  friend class InodeTable;  // names mu_ in its lock-order annotation
  void Index(const PendingFile& p, bool add) REQUIRES(mu_);

  // Lock order: fs/session/session.h.
  Mutex mu_ ACQUIRED_BEFORE(Handles::mu_);
  uint64_t next_ GUARDED_BY(mu_) = 1;
  std::map<uint64_t, PendingFile> files_ GUARDED_BY(mu_);
  // The files that still own their name, by directory and name.
  std::unordered_map<std::string, std::map<std::string, uint64_t>> live_ GUARDED_BY(mu_);
};

}  // namespace regfs
