// The open files of the mount, by the number the kernel keeps in fuse_file_info::fh.
#pragma once

#include <cstdint>
#include <memory>
#include <unordered_map>

#include "core/sync.h"
#include "fs/session/file_handle.h"
#include "fs/session/staging_pool.h"

namespace regfs {

class Handles {
 public:
  uint64_t Add(std::unique_ptr<FileHandle> h) EXCLUDES(mu_);
  // The handle, or null. It stays valid until Take(fh): the kernel sends no request on an
  // open file after its RELEASE.
  FileHandle* Get(uint64_t fh) EXCLUDES(mu_);
  std::unique_ptr<FileHandle> Take(uint64_t fh) EXCLUDES(mu_);

 private:
  friend class PendingWrites;  // names mu_ in its lock-order annotation
  // Lock order: fs/session/session.h.
  Mutex mu_ ACQUIRED_BEFORE(StagingPool::mu_);
  uint64_t next_ GUARDED_BY(mu_) = 1;
  std::unordered_map<uint64_t, std::unique_ptr<FileHandle>> handles_ GUARDED_BY(mu_);
};

}  // namespace regfs
