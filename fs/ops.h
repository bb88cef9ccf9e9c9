// The FUSE operations. Each do_* function handles one request and sends exactly one reply.
// They run inside fs/fuse_ops.cc's guard, which catches any C++ exception and replies EIO,
// so nothing unwinds through libfuse's C frames.
#pragma once

#include <fuse_lowlevel.h>

#include <string>

#include "core/status.h"
#include "fs/session.h"

namespace regfs::ops {

// Replies with the errno for `s` and logs refusals with their reason.
void ReplyError(fuse_req_t req, const Status& s, const char* op);
// Replies with a plain errno and logs `why` (for refusals the adapter decides itself).
void Refuse(fuse_req_t req, int err, const char* op, const std::string& why);

Session& SessionOf(fuse_req_t req);
// Fills an entry reply for `n` (stat, timeouts) and counts the kernel's new reference.
Status MakeEntry(Session& s, const Node& n, fuse_entry_param* e);
// Loads what resolving names inside node `n` needs (its directory listing, or the
// collections). Call without holding the view lock. kNotFound when the directory is gone.
Status LoadFor(Session& s, const Node& n);
// Resolves `name` inside directory node `parent` (LoadFor(parent) first). Caller holds the
// view lock shared.
Result<Node> LookupChild(Session& s, const Node& parent, const std::string& name);

// Metadata (ops_meta.cc).
void Lookup(fuse_req_t req, fuse_ino_t parent, const char* name);
void Forget(fuse_req_t req, fuse_ino_t ino, uint64_t nlookup);
void ForgetMulti(fuse_req_t req, size_t count, fuse_forget_data* forgets);
void GetAttr(fuse_req_t req, fuse_ino_t ino, fuse_file_info* fi);
void SetAttr(fuse_req_t req, fuse_ino_t ino, struct stat* attr, int to_set, fuse_file_info* fi);
void OpenDir(fuse_req_t req, fuse_ino_t ino, fuse_file_info* fi);
void ReadDir(fuse_req_t req, fuse_ino_t ino, size_t size, off_t off, fuse_file_info* fi);
void ReleaseDir(fuse_req_t req, fuse_ino_t ino, fuse_file_info* fi);
void StatFs(fuse_req_t req, fuse_ino_t ino);

// File contents (ops_io.cc).
void Open(fuse_req_t req, fuse_ino_t ino, fuse_file_info* fi);
void Create(fuse_req_t req, fuse_ino_t parent, const char* name, mode_t mode, fuse_file_info* fi);
void Read(fuse_req_t req, fuse_ino_t ino, size_t size, off_t off, fuse_file_info* fi);
void WriteBuf(fuse_req_t req, fuse_ino_t ino, fuse_bufvec* bufv, off_t off, fuse_file_info* fi);
void Flush(fuse_req_t req, fuse_ino_t ino, fuse_file_info* fi);
void Release(fuse_req_t req, fuse_ino_t ino, fuse_file_info* fi);
void Fsync(fuse_req_t req, fuse_ino_t ino, int datasync, fuse_file_info* fi);
// Truncates the content behind `ino` (path truncate, no open handle). Used by SetAttr.
Status TruncatePath(Session& s, const Node& n, uint64_t size);
Status TruncateHandle(Session& s, FileHandle& h, uint64_t size);

// Namespace changes (ops_ns.cc).
void Unlink(fuse_req_t req, fuse_ino_t parent, const char* name);
void Rmdir(fuse_req_t req, fuse_ino_t parent, const char* name);
void Mkdir(fuse_req_t req, fuse_ino_t parent, const char* name, mode_t mode);
void Rename(fuse_req_t req, fuse_ino_t parent, const char* name, fuse_ino_t newparent,
            const char* newname, unsigned int flags);
void Refused(fuse_req_t req, const char* op);  // links, symlinks, device nodes

// Extended attributes (ops_xattr.cc).
void SetXattr(fuse_req_t req, fuse_ino_t ino, const char* name, const char* value, size_t size,
              int flags);
void GetXattr(fuse_req_t req, fuse_ino_t ino, const char* name, size_t size);
void ListXattr(fuse_req_t req, fuse_ino_t ino, size_t size);
void RemoveXattr(fuse_req_t req, fuse_ino_t ino, const char* name);

}  // namespace regfs::ops
