// Kernel FUSE passthrough for reads of stored files (Linux >= 6.9, CONFIG_FUSE_PASSTHROUGH).
//
// With passthrough the kernel serves read(2) and mmap(2) of an open file straight from a
// "backing" file the daemon registered, so reads of stored content cost no FUSE round trip
// and no copy through the daemon. libfuse 3.14 has no API for it, so this class speaks the
// missing parts of the protocol itself, through libfuse's custom I/O hooks on the /dev/fuse
// descriptor (fuse_session_custom_io, installed after fuse_session_mount and before INIT):
//   - read hook: notes the `unique` of each request in a thread-local (libfuse processes a
//     request, and sends its reply, in the thread that read it) and whether INIT offers
//     FUSE_PASSTHROUGH;
//   - writev hook: adds FUSE_PASSTHROUGH and max_stack_depth to the INIT reply, and the
//     FOPEN_PASSTHROUGH flag and backing id to the reply of an open that MarkReply() named;
//   - splice_send: plain splice(2), so read replies of cached-mode files keep being spliced.
//     There is deliberately no splice_receive: with it libfuse would turn on splice for
//     receiving, and requests would then bypass the read hook.
// Backing ids come from the FUSE_DEV_IOC_BACKING_OPEN ioctl (CAP_SYS_ADMIN needed).
//
// Rules the kernel enforces per inode, which OnOpen() follows:
//   - while an inode is open in passthrough, every other open of it must be passthrough with
//     the same backing id, else that open fails with EIO: one refcounted backing id per
//     inode, opened at the first passthrough open and closed at the RELEASE of the last one
//     (the kernel sends RELEASE for every open reply it received, even one it then failed);
//   - while an inode is open in cached mode, a passthrough open of it fails with EIO: a read
//     open of an inode with cached-mode opens stays cached;
//   - a passthrough open writes into the backing file even for O_WRONLY, and stored files
//     are immutable: a write open is never passthrough. A write open of an inode held open
//     in passthrough is answered ESTALE (kRetryOnAlias): the caller gives the record a new
//     inode number (InodeTable::RenumberForWrite) and the VFS, which retries an open that got
//     ESTALE with a revalidating path walk, looks the name up again and opens the new inode.
//   - passthrough cannot be combined with FUSE_WRITEBACK_CACHE (regfs does not use it).
// The daemon learns that the kernel dropped an open only at RELEASE, after the kernel did, so
// its counts are never below the kernel's: a decision made from them is always allowed.
//
// Lock rule: mu_ guards the per-inode state and is never held while replying to the kernel.
// The writev hook takes no lock at all (the pending backing id is thread-local), so a reply
// sent from any context cannot deadlock on it.
#pragma once

#include <sys/types.h>
#include <sys/uio.h>

#include <atomic>
#include <cstdint>
#include <string>
#include <unordered_map>

#include "core/status.h"
#include "core/sync.h"

struct fuse_session;

namespace regfs {

class Passthrough {
 public:
  // `storage_root`: where the stored files live; its filesystem decides the stacking depth
  // the kernel is told (a backing file on overlayfs needs 2, else 1 keeps the mount usable
  // as an overlayfs layer).
  explicit Passthrough(const std::string& storage_root);
  Passthrough(const Passthrough&) = delete;
  Passthrough& operator=(const Passthrough&) = delete;

  // Why this process cannot use passthrough at all (no CAP_SYS_ADMIN, kernel before 6.9),
  // or "" when it may: then the hooks are worth installing.
  static std::string Unavailable();

  // Installs the hooks on a session that is mounted but has not read INIT yet. libfuse
  // passes the hooks the session's userdata: it must be the regfs Session whose
  // passthrough() is this object.
  Status Install(fuse_session* se);

  // True once INIT negotiated passthrough and no BACKING_OPEN refused it since.
  bool enabled() const { return enabled_.load(std::memory_order_relaxed); }

  enum class Mode {
    kCached,        // a normal open: reads reach the daemon (or its page cache)
    kPassthrough,   // reply with FOPEN_PASSTHROUGH and `backing_id` (MarkReply)
    kRetryOnAlias,  // a write open of an inode open in passthrough: renumber, reply ESTALE
  };
  struct Decision {
    Mode mode = Mode::kCached;
    int32_t backing_id = 0;
  };
  // Decides the io mode of open `fh` of inode `ino` (the stored file is `fd`, which stays
  // the caller's) and counts it until OnRelease(fh). `eligible`: the inode shows immutable
  // stored content (never a file being written or a write alias); opens of other inodes are
  // always cached and not counted. Call right before replying, once the open cannot fail
  // otherwise; kRetryOnAlias is not counted.
  Decision OnOpen(uint64_t fh, uint64_t ino, int fd, bool write, bool eligible) EXCLUDES(mu_);
  // The kernel released open `fh` (or never got it). Closes the inode's backing id with its
  // last passthrough open. Unknown handles are ignored.
  void OnRelease(uint64_t fh) EXCLUDES(mu_);
  // The open reply about to be sent from this thread gets FOPEN_PASSTHROUGH and this id.
  void MarkReply(int32_t backing_id);

  // Reply and io hooks (libfuse calls them; public only for the C function table).
  static ssize_t HookRead(int fd, void* buf, size_t len, void* userdata);
  static ssize_t HookWritev(int fd, struct iovec* iov, int count, void* userdata);
  static ssize_t HookSpliceSend(int fdin, off_t* offin, int fdout, off_t* offout, size_t len,
                                unsigned int flags, void* userdata);

 private:
  void SawInit(const void* init_in, size_t len);
  void PatchInitReply(void* init_out, size_t len);
  friend class Notifier;    // name mu_ in their lock-order annotations
  friend class Prefetcher;  // (fs/session/session.h)

  // After a BACKING_OPEN failure that would fail every later one too.
  void Disable(int err) REQUIRES(mu_);

  uint32_t max_stack_depth_ = 1;
  int dev_fd_ = -1;
  std::atomic<bool> offered_{false};  // INIT offered FUSE_PASSTHROUGH
  std::atomic<bool> enabled_{false};

  struct InodeState {
    int32_t backing_id = 0;    // while `passthrough` > 0
    uint32_t passthrough = 0;  // opens in passthrough mode
    uint32_t cached = 0;       // opens in cached mode (reads or writes)
  };
  struct OpenRec {
    uint64_t ino;
    bool passthrough;
  };
  Mutex mu_;  // lock order: fs/session/session.h
  std::unordered_map<uint64_t, InodeState> inodes_ GUARDED_BY(mu_);
  std::unordered_map<uint64_t, OpenRec> opens_ GUARDED_BY(mu_);  // handle -> its open
};

}  // namespace regfs
