#include "core/storage/staging.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <memory>

#include "core/storage/local_store.h"

namespace regfs {

namespace {

constexpr size_t kCopyBuffer = 1 << 20;

// A per-thread buffer: a fresh 1 MiB allocation per file is an mmap, a memset that faults
// in 256 pages and an munmap each time. Not cleared.
char* CopyBuffer() {
  thread_local std::unique_ptr<char[]> buf(new char[kCopyBuffer]);
  return buf.get();
}

}  // namespace

Result<uint64_t> CopyHashing(ReadHandle& src, int dst_fd, const std::string& dst_what,
                             StreamHasher* hasher) {
  char* buf = CopyBuffer();
  uint64_t copied = 0;
  for (;;) {
    // Up to the handle's size in one read at most; then on until a read comes back empty
    // (the content may have grown since it was opened).
    uint64_t left = src.size() > copied ? src.size() - copied : kCopyBuffer;
    size_t want = static_cast<size_t>(std::min<uint64_t>(kCopyBuffer, left));
    REGFS_ASSIGN_OR_RETURN(size_t n, src.ReadAt(copied, buf, want));
    if (n == 0) return copied;
    hasher->Update(copied, buf, n);
    size_t done = 0;
    while (done < n) {
      ssize_t w = pwrite(dst_fd, buf + done, n - done, static_cast<off_t>(copied + done));
      if (w < 0 && errno == EINTR) continue;
      if (w < 0) return Status::FromErrno(errno, "write " + dst_what);
      done += static_cast<size_t>(w);
    }
    copied += n;
  }
}

Result<StagedContent> StageFile(const BlobStore& store, const std::string& src_path) {
  int in = ::open(src_path.c_str(), O_RDONLY | O_CLOEXEC);
  if (in < 0) return Status::FromErrno(errno, "open " + src_path);
  REGFS_ASSIGN_OR_RETURN(auto src, FdReadHandle::Adopt(in, src_path));
  REGFS_ASSIGN_OR_RETURN(StagingFile staged, store.NewStaging());
  StreamHasher hasher;
  REGFS_ASSIGN_OR_RETURN(uint64_t size, CopyHashing(*src, staged.fd(), staged.path(), &hasher));
  REGFS_RETURN_IF_ERROR(staged.Close());
  REGFS_ASSIGN_OR_RETURN(HashResult hash, hasher.Finish(staged.path(), size));
  return StagedContent{staged.Release(), std::move(hash)};
}

}  // namespace regfs
