#include "fs/mount/op_table.h"

#include <exception>
#include <string>

#include "fs/log.h"
#include "fs/ops.h"
#include "fs/session/session.h"

namespace regfs {

namespace {

// Runs one operation; no C++ exception may unwind through libfuse's C frames.
template <typename F>
void Guard(fuse_req_t req, const char* op, F&& fn, bool reply_none = false) {
  try {
    static_cast<Session*>(fuse_req_userdata(req))->CountRequest(op);
    fn();
  } catch (const std::exception& e) {
    log::Error(std::string(op) + ": internal error: " + e.what());
    if (reply_none)
      fuse_reply_none(req);
    else
      fuse_reply_err(req, EIO);
  } catch (...) {
    log::Error(std::string(op) + ": internal error");
    if (reply_none)
      fuse_reply_none(req);
    else
      fuse_reply_err(req, EIO);
  }
}

void OnInit(void* userdata, fuse_conn_info* conn) {
  auto* s = static_cast<Session*>(userdata);
  if (conn->capable & FUSE_CAP_ATOMIC_O_TRUNC) conn->want |= FUSE_CAP_ATOMIC_O_TRUNC;
  // No readdirplus: with the kernel's 1 MiB readdir buffers, its first call would carry a
  // whole directory with attributes, and the kernel then builds an inode for every entry.
  // Measured on 100k artifacts in 1,000 directories, `find` took 2.0x as long with it (550
  // vs 270 ms), while `ls -lR`, which then looks each name up, stays far below bindfs.
  conn->want &= ~(FUSE_CAP_READDIRPLUS | FUSE_CAP_READDIRPLUS_AUTO);
  if (conn->capable & FUSE_CAP_SPLICE_WRITE) conn->want |= FUSE_CAP_SPLICE_WRITE;
  if (conn->capable & FUSE_CAP_SPLICE_MOVE) conn->want |= FUSE_CAP_SPLICE_MOVE;
  // Stored content is immutable per inode; the kernel need not drop pages on mtime changes.
  conn->want &= ~FUSE_CAP_AUTO_INVAL_DATA;
  conn->max_write = 1u << 20;
  conn->max_readahead = conn->max_readahead > (1u << 20) ? conn->max_readahead : (1u << 20);
  conn->max_background = 64;
  conn->congestion_threshold = 48;
  log::Info(
      "serving " + s->info().root + " (" +
      (s->info().schema.layout == Layout::kV07 ? "LaminDB 0.7x layout" : "LaminDB >= 1.0 layout") +
      ") on " + s->config().mountpoint);
}

}  // namespace

fuse_lowlevel_ops MakeOpTable() {
  fuse_lowlevel_ops o{};
  o.init = OnInit;
  o.lookup = [](fuse_req_t r, fuse_ino_t p, const char* n) {
    Guard(r, "lookup", [&] { ops::Lookup(r, p, n); });
  };
  o.forget = [](fuse_req_t r, fuse_ino_t i, uint64_t n) {
    Guard(
        r, "forget", [&] { ops::Forget(r, i, n); }, true);
  };
  o.forget_multi = [](fuse_req_t r, size_t c, fuse_forget_data* f) {
    Guard(
        r, "forget", [&] { ops::ForgetMulti(r, c, f); }, true);
  };
  o.getattr = [](fuse_req_t r, fuse_ino_t i, fuse_file_info* fi) {
    Guard(r, "getattr", [&] { ops::GetAttr(r, i, fi); });
  };
  o.setattr = [](fuse_req_t r, fuse_ino_t i, struct stat* a, int t, fuse_file_info* fi) {
    Guard(r, "setattr", [&] { ops::SetAttr(r, i, a, t, fi); });
  };
  o.opendir = [](fuse_req_t r, fuse_ino_t i, fuse_file_info* fi) {
    Guard(r, "opendir", [&] { ops::OpenDir(r, i, fi); });
  };
  o.readdir = [](fuse_req_t r, fuse_ino_t i, size_t s, off_t off, fuse_file_info* fi) {
    Guard(r, "readdir", [&] { ops::ReadDir(r, i, s, off, fi); });
  };
  o.releasedir = [](fuse_req_t r, fuse_ino_t i, fuse_file_info* fi) {
    Guard(r, "releasedir", [&] { ops::ReleaseDir(r, i, fi); });
  };
  o.statfs = [](fuse_req_t r, fuse_ino_t i) { Guard(r, "statfs", [&] { ops::StatFs(r, i); }); };
  o.open = [](fuse_req_t r, fuse_ino_t i, fuse_file_info* fi) {
    Guard(r, "open", [&] { ops::Open(r, i, fi); });
  };
  o.create = [](fuse_req_t r, fuse_ino_t p, const char* n, mode_t m, fuse_file_info* fi) {
    Guard(r, "create", [&] { ops::Create(r, p, n, m, fi); });
  };
  o.read = [](fuse_req_t r, fuse_ino_t i, size_t s, off_t off, fuse_file_info* fi) {
    Guard(r, "read", [&] { ops::Read(r, i, s, off, fi); });
  };
  o.write_buf = [](fuse_req_t r, fuse_ino_t i, fuse_bufvec* b, off_t off, fuse_file_info* fi) {
    Guard(r, "write", [&] { ops::WriteBuf(r, i, b, off, fi); });
  };
  o.flush = [](fuse_req_t r, fuse_ino_t i, fuse_file_info* fi) {
    Guard(r, "flush", [&] { ops::Flush(r, i, fi); });
  };
  o.release = [](fuse_req_t r, fuse_ino_t i, fuse_file_info* fi) {
    Guard(r, "release", [&] { ops::Release(r, i, fi); });
  };
  o.fsync = [](fuse_req_t r, fuse_ino_t i, int d, fuse_file_info* fi) {
    Guard(r, "fsync", [&] { ops::Fsync(r, i, d, fi); });
  };
  o.unlink = [](fuse_req_t r, fuse_ino_t p, const char* n) {
    Guard(r, "unlink", [&] { ops::Unlink(r, p, n); });
  };
  o.rmdir = [](fuse_req_t r, fuse_ino_t p, const char* n) {
    Guard(r, "rmdir", [&] { ops::Rmdir(r, p, n); });
  };
  o.mkdir = [](fuse_req_t r, fuse_ino_t p, const char* n, mode_t m) {
    Guard(r, "mkdir", [&] { ops::Mkdir(r, p, n, m); });
  };
  o.rename = [](fuse_req_t r, fuse_ino_t p, const char* n, fuse_ino_t np, const char* nn,
                unsigned int f) { Guard(r, "rename", [&] { ops::Rename(r, p, n, np, nn, f); }); };
  o.link = [](fuse_req_t r, fuse_ino_t, fuse_ino_t, const char*) {
    Guard(r, "link", [&] { ops::Refused(r, "link"); });
  };
  o.symlink = [](fuse_req_t r, const char*, fuse_ino_t, const char*) {
    Guard(r, "symlink", [&] { ops::Refused(r, "symlink"); });
  };
  o.mknod = [](fuse_req_t r, fuse_ino_t, const char*, mode_t, dev_t) {
    Guard(r, "mknod", [&] { ops::Refused(r, "mknod"); });
  };
  o.setxattr = [](fuse_req_t r, fuse_ino_t i, const char* n, const char* v, size_t s, int f) {
    Guard(r, "setxattr", [&] { ops::SetXattr(r, i, n, v, s, f); });
  };
  o.getxattr = [](fuse_req_t r, fuse_ino_t i, const char* n, size_t s) {
    Guard(r, "getxattr", [&] { ops::GetXattr(r, i, n, s); });
  };
  o.listxattr = [](fuse_req_t r, fuse_ino_t i, size_t s) {
    Guard(r, "listxattr", [&] { ops::ListXattr(r, i, s); });
  };
  o.removexattr = [](fuse_req_t r, fuse_ino_t i, const char* n) {
    Guard(r, "removexattr", [&] { ops::RemoveXattr(r, i, n); });
  };
  return o;
}

}  // namespace regfs
