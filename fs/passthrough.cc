// FUSE passthrough on top of libfuse 3.14: see passthrough.h for what and why.
#include "fs/passthrough.h"

#include <fcntl.h>
#include <fuse_lowlevel.h>
#include <linux/capability.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <sys/vfs.h>
#include <unistd.h>

#include <cerrno>
#include <cstddef>
#include <cstdio>
#include <cstring>

#include "fs/log.h"
#include "fs/session/session.h"

namespace regfs {

namespace {

// ---- Kernel ABI (FUSE protocol 7.40). The installed headers (libfuse 3.14, linux 7.38)
// predate passthrough, so the few layouts and numbers used here are spelled out.
struct InHeader {
  uint32_t len;
  uint32_t opcode;
  uint64_t unique;
  uint64_t nodeid;
  uint32_t uid, gid, pid;
  uint16_t total_extlen;
  uint16_t padding;
};
struct OutHeader {
  uint32_t len;
  int32_t error;
  uint64_t unique;
};
struct InitIn {  // the part of fuse_init_in that is read
  uint32_t major, minor, max_readahead, flags, flags2;
};
struct InitOut {  // the part of fuse_init_out that is patched
  uint32_t major, minor, max_readahead, flags;
  uint16_t max_background, congestion_threshold;
  uint32_t max_write, time_gran;
  uint16_t max_pages, map_alignment;
  uint32_t flags2, max_stack_depth;
};
struct OpenOut {
  uint64_t fh;
  uint32_t open_flags;
  int32_t backing_id;
};
struct BackingMap {
  int32_t fd;
  uint32_t flags;
  uint64_t padding;
};
static_assert(sizeof(InHeader) == 40);
static_assert(sizeof(OutHeader) == 16);
static_assert(offsetof(InitIn, flags2) == 16);
static_assert(offsetof(InitOut, flags) == 12 && offsetof(InitOut, max_write) == 20);
static_assert(offsetof(InitOut, flags2) == 32 && offsetof(InitOut, max_stack_depth) == 36);
static_assert(sizeof(OpenOut) == 16 && offsetof(OpenOut, backing_id) == 12);
static_assert(sizeof(BackingMap) == 16);

constexpr uint32_t kOpInit = 26;
constexpr uint32_t kInitExt = 1u << 30;          // FUSE_INIT_EXT: flags2 is valid
constexpr uint32_t kWritebackCache = 1u << 16;   // FUSE_WRITEBACK_CACHE
constexpr uint32_t kPassthroughFlag2 = 1u << 5;  // FUSE_PASSTHROUGH (bit 37) in flags2
constexpr uint32_t kFopenDirectIo = 1u << 0;
constexpr uint32_t kFopenPassthrough = 1u << 7;
constexpr uint32_t kFopenNoFlush = 1u << 5;
constexpr uint32_t kFopenParallelDirectWrites = 1u << 6;
// The only open flags the kernel accepts together with FOPEN_PASSTHROUGH.
constexpr uint32_t kPassthroughOpenMask =
    kFopenPassthrough | kFopenDirectIo | kFopenParallelDirectWrites | kFopenNoFlush;
constexpr unsigned long kIocBackingOpen = _IOW(229, 1, BackingMap);
constexpr unsigned long kIocBackingClose = _IOW(229, 2, uint32_t);

// Filesystems that stack on another (their s_stack_depth is 1): a backing file there needs
// a stack depth of 2.
constexpr long kOverlayfsMagic = 0x794c7630;
constexpr long kEcryptfsMagic = 0xf15f;
constexpr long kFuseMagic = 0x65735546;

// The request this thread is processing. libfuse's worker threads each read a request,
// handle it and send its reply before reading the next, so the reply hook finds here what
// the read hook and the open handler left: no lock, and no way for a reply to be patched
// with another request's backing id (the unique must match).
struct ThreadRequest {
  uint64_t unique = 0;
  uint32_t opcode = 0;
  int32_t backing_id = 0;  // MarkReply: patch the open reply with this id
};
thread_local ThreadRequest t_request;

Passthrough* Of(void* userdata) {
  return userdata ? static_cast<Session*>(userdata)->passthrough() : nullptr;
}

}  // namespace

Passthrough::Passthrough(const std::string& storage_root) {
  struct statfs sfs;
  if (statfs(storage_root.c_str(), &sfs) == 0) {
    long type = static_cast<long>(sfs.f_type);
    if (type == kOverlayfsMagic || type == kEcryptfsMagic || type == kFuseMagic)
      max_stack_depth_ = 2;
  }
}

std::string Passthrough::Unavailable() {
  struct utsname u;
  if (uname(&u) == 0) {
    int major = 0, minor = 0;
    if (sscanf(u.release, "%d.%d", &major, &minor) == 2 && (major < 6 || (major == 6 && minor < 9)))
      return std::string("Linux ") + u.release + " has no FUSE passthrough (it needs 6.9 or later)";
  }
  // BACKING_OPEN needs CAP_SYS_ADMIN; without it every open would only find that out.
  __user_cap_header_struct hdr{_LINUX_CAPABILITY_VERSION_3, 0};
  __user_cap_data_struct caps[_LINUX_CAPABILITY_U32S_3] = {};
  if (syscall(SYS_capget, &hdr, caps) != 0 ||
      !(caps[CAP_SYS_ADMIN / 32].effective & (1u << (CAP_SYS_ADMIN % 32))))
    return "it needs CAP_SYS_ADMIN (mount as root)";
  return "";
}

Status Passthrough::Install(fuse_session* se) {
  fuse_custom_io io{};
  io.read = &Passthrough::HookRead;
  io.writev = &Passthrough::HookWritev;
  io.splice_send = &Passthrough::HookSpliceSend;
  dev_fd_ = fuse_session_fd(se);
  if (dev_fd_ < 0 || fuse_session_custom_io(se, &io, dev_fd_) != 0) {
    dev_fd_ = -1;
    return Status::IO("libfuse refused the custom I/O hooks");
  }
  return Status();
}

ssize_t Passthrough::HookRead(int fd, void* buf, size_t len, void* userdata) {
  ssize_t n = read(fd, buf, len);
  if (n < static_cast<ssize_t>(sizeof(InHeader))) return n;  // errno as read(2) left it
  InHeader h;
  memcpy(&h, buf, sizeof(h));
  t_request = ThreadRequest{h.unique, h.opcode, 0};
  if (h.opcode == kOpInit) {
    if (Passthrough* pt = Of(userdata))
      pt->SawInit(static_cast<const char*>(buf) + sizeof(h), static_cast<size_t>(n) - sizeof(h));
  }
  return n;
}

ssize_t Passthrough::HookWritev(int fd, struct iovec* iov, int count, void* userdata) {
  ThreadRequest& t = t_request;
  // Notifications have unique 0; only replies to this thread's request are looked at.
  if (t.unique != 0 && count >= 2 && iov[0].iov_len >= sizeof(OutHeader)) {
    OutHeader oh;
    memcpy(&oh, iov[0].iov_base, sizeof(oh));
    if (oh.unique == t.unique && oh.error == 0) {
      if (t.backing_id > 0 && iov[1].iov_len == sizeof(OpenOut)) {
        OpenOut out;
        memcpy(&out, iov[1].iov_base, sizeof(out));
        out.open_flags = (out.open_flags & kPassthroughOpenMask) | kFopenPassthrough;
        out.backing_id = t.backing_id;
        memcpy(iov[1].iov_base, &out, sizeof(out));
      } else if (t.opcode == kOpInit) {
        if (Passthrough* pt = Of(userdata)) pt->PatchInitReply(iov[1].iov_base, iov[1].iov_len);
      }
      t.backing_id = 0;
    }
  }
  return writev(fd, iov, count);
}

ssize_t Passthrough::HookSpliceSend(int fdin, off_t* offin, int fdout, off_t* offout, size_t len,
                                    unsigned int flags, void*) {
  return splice(fdin, offin, fdout, offout, len, flags);
}

void Passthrough::SawInit(const void* init_in, size_t len) {
  if (len < sizeof(InitIn)) return;
  InitIn in;
  memcpy(&in, init_in, sizeof(in));
  offered_.store(in.major == 7 && (in.flags & kInitExt) && (in.flags2 & kPassthroughFlag2));
}

void Passthrough::PatchInitReply(void* init_out, size_t len) {
  if (!offered_.load()) {
    log::Info(
        "FUSE passthrough off: the kernel does not offer it (CONFIG_FUSE_PASSTHROUGH); "
        "reads go through the daemon");
    return;
  }
  if (len < sizeof(InitOut)) {
    log::Warn("FUSE passthrough off: unexpected INIT reply from libfuse");
    return;
  }
  InitOut out;
  memcpy(&out, init_out, sizeof(out));
  if (out.flags & kWritebackCache) {
    log::Warn("FUSE passthrough off: it cannot be combined with the writeback cache");
    return;
  }
  out.flags |= kInitExt;
  out.flags2 |= kPassthroughFlag2;
  out.max_stack_depth = max_stack_depth_;
  memcpy(init_out, &out, sizeof(out));
  enabled_.store(true);
  log::Info("FUSE passthrough on: the kernel reads stored files directly");
}

void Passthrough::Disable(int err) {
  if (!enabled_.exchange(false)) return;
  log::Warn(std::string("FUSE passthrough off for the rest of this mount: registering a stored "
                        "file with the kernel failed: ") +
            strerror(err) + "; reads go through the daemon");
}

Passthrough::Decision Passthrough::OnOpen(uint64_t fh, uint64_t ino, int fd, bool write,
                                          bool eligible) {
  Decision d;
  if (!eligible) return d;
  // Only a regular file can back an open (the kernel says EINVAL otherwise); a stored path
  // that is something else is served through the daemon, which reports it.
  struct stat st;
  bool regular = !write && fd >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
  MutexLock lk(&mu_);
  InodeState& in = inodes_[ino];
  if (write && in.passthrough > 0) {
    d.mode = Mode::kRetryOnAlias;
    return d;
  }
  bool pass = !write && in.passthrough > 0;  // every open of it must share the backing id
  if (!write && !pass && in.cached == 0 && regular && enabled()) {
    BackingMap map{fd, 0, 0};
    int id = ioctl(dev_fd_, kIocBackingOpen, &map);
    if (id > 0) {
      in.backing_id = id;
      pass = true;
    } else {
      int err = errno;
      // EPERM (no CAP_SYS_ADMIN in the kernel's view), ENOTTY (no such ioctl), ELOOP (stack
      // too deep) and EOPNOTSUPP hold for every file: stop asking.
      if (err == EPERM || err == ENOTTY || err == ELOOP || err == EOPNOTSUPP)
        Disable(err);
      else
        log::Warn(std::string("FUSE passthrough: cannot register a stored file: ") + strerror(err));
    }
  }
  if (pass) {
    ++in.passthrough;
    d.mode = Mode::kPassthrough;
    d.backing_id = in.backing_id;
  } else {
    ++in.cached;
  }
  opens_[fh] = OpenRec{ino, pass};
  return d;
}

void Passthrough::OnRelease(uint64_t fh) {
  MutexLock lk(&mu_);
  auto open = opens_.find(fh);
  if (open == opens_.end()) return;
  auto it = inodes_.find(open->second.ino);
  if (it != inodes_.end()) {
    InodeState& in = it->second;
    if (open->second.passthrough) {
      // The kernel drops its own reference to the backing file when its last passthrough
      // open of the inode goes, before it sends this RELEASE: the id can go now. (Closing it
      // any earlier, say right after the open reply, races the kernel's use of the id.)
      if (in.passthrough > 0 && --in.passthrough == 0) {
        uint32_t id = static_cast<uint32_t>(in.backing_id);
        if (ioctl(dev_fd_, kIocBackingClose, &id) != 0)
          log::Warn(std::string("FUSE passthrough: closing backing id failed: ") + strerror(errno));
        in.backing_id = 0;
      }
    } else if (in.cached > 0) {
      --in.cached;
    }
    if (in.passthrough == 0 && in.cached == 0) inodes_.erase(it);
  }
  opens_.erase(open);
}

void Passthrough::MarkReply(int32_t backing_id) {
  t_request.backing_id = backing_id;
}

}  // namespace regfs
