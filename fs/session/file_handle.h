// An open file of the mount (what fuse_file_info::fh names, through fs/session/handles.h).
#pragma once

#include <unistd.h>

#include <cstdint>
#include <memory>
#include <string>

#include "core/hash.h"
#include "core/sync.h"

namespace regfs {

struct FileHandle {
  // The first lock of the mount's order (fs/session/session.h): a request on an open file
  // holds it while it writes, commits (which takes the writer) or reports the size.
  Mutex mu;
  bool writable = false;                   // set at open, never changed
  uint64_t pending_seq = 0;                // new files: the PendingFile; set at open, never changed
  uint64_t ino = 0;                        // the inode opened; set at open, never changed
  bool append = false;                     // O_APPEND: every write goes to this handle's own end
  int fd GUARDED_BY(mu) = -1;              // stored file (reads) or staging file (writes)
  int64_t artifact_id GUARDED_BY(mu) = 0;  // the record read from / the version being replaced
  bool materialized GUARDED_BY(mu) = false;  // writes: the staging file holds the full content
  bool dirty GUARDED_BY(mu) = false;         // writes: content changed since the last commit
  // A write or truncate arrived since the last commit. flush() commits only then: a shell's
  // `>` opens with O_TRUNC and closes a dup'd descriptor before writing, and that first
  // close must not record an empty version. release() commits anything still dirty.
  bool written GUARDED_BY(mu) = false;
  bool failed GUARDED_BY(mu) = false;  // a write failed (ENOSPC...): the content is never saved
  // The record this handle saved at an earlier close of a duplicated descriptor. When the
  // same handle saves again, that provisional record is replaced, so that the content of
  // the last close is one record ("on the last close", SPEC.md section 4).
  int64_t provisional_id GUARDED_BY(mu) = 0;
  std::string staging GUARDED_BY(mu);  // writes: staging path
  std::unique_ptr<StreamHasher> hasher GUARDED_BY(mu);
  uint64_t size GUARDED_BY(mu) = 0;  // writes: current size

  ~FileHandle() {
    if (fd >= 0) close(fd);
    // A staging file that was never committed (discarded write, unlinked pending file).
    if (!staging.empty()) unlink(staging.c_str());
  }
};

}  // namespace regfs
