// The FUSE operations. Each handler below handles one request and sends exactly one reply.
// They run inside fs/mount/op_table.cc's guard, which catches any C++ exception and
// replies EIO, so nothing unwinds through libfuse's C frames. Where it is cheap, the work of
// an operation is a Do<Op>(Session&, ...) returning Status, and its handler is a thin
// wrapper that replies: the Do<Op> calls run without a kernel (tests/unit/session_test.cc).
//
// The view's lock (fs/session/view_cache.h) is never held across a database call: an
// operation first loads what it needs (LoadFor), then reads the view under the lock.
#pragma once

#include <fuse_lowlevel.h>

#include <memory>
#include <string>
#include <vector>

#include "core/status.h"
#include "fs/session/session.h"

namespace regfs::ops {

// ---------------------------------------------------------------- shared helpers (ops.cc)

// Entries and attributes may be cached this long: a record's content and size never change
// (a write makes a new record), and the session invalidates what it changes itself and what
// it sees change outside (within the 200 ms poll), so this only bounds staleness should an
// invalidation ever be lost. A file still being written changes size with every write:
// other processes may see its size up to a second late, as on a network filesystem.
inline constexpr double kEntryTimeout = 60.0;
inline constexpr double kAttrTimeout = 60.0;
inline constexpr double kPendingAttrTimeout = 1.0;
double AttrTimeout(const Node& n);

// Replies with the errno for `s` and logs refusals with their reason.
void ReplyError(fuse_req_t req, const Status& s, const char* op);
// Replies with a plain errno and logs `why` (for refusals the adapter decides itself).
void Refuse(fuse_req_t req, int err, const char* op, const std::string& why);

Session& SessionOf(fuse_req_t req);

// Loads what resolving names inside node `n`, or its attributes, need: its directory
// listing, the collections, a collection's members, a folder artifact's stored folder.
// kNotFound when the directory is gone.
Status LoadFor(Session& s, const Node& n) EXCLUDES(s.view().mu());
// Whether what LoadFor(n) loaded is still there (a change may drop it again before the view
// lock is taken; the caller then loads again).
bool LoadedFor(Session& s, const Node& n) REQUIRES_SHARED(s.view().mu());
// How often an operation loads before it takes what is there.
inline constexpr int kLoadAttempts = 3;
// Resolves `name` inside directory node `parent`, from what LoadFor(parent) loaded.
Result<Node> LookupChild(Session& s, const Node& parent, const std::string& name)
    REQUIRES_SHARED(s.view().mu());
// Fills an entry reply for `n` (stat, timeouts) and counts the kernel's new reference.
Status MakeEntry(Session& s, const Node& n, fuse_entry_param* e) REQUIRES_SHARED(s.view().mu());

// A name inside a directory, resolved: the directory's node and the child's.
struct Pair {
  Node parent;
  Node child;
};
// With `entry`, also fills an entry reply for the child (in the same look at the view).
Result<Pair> ResolveChild(Session& s, fuse_ino_t parent, const std::string& name,
                          fuse_entry_param* entry = nullptr) EXCLUDES(s.view().mu());

// ---------------------------------------------------------------- metadata (ops_meta.cc)

Status DoLookup(Session& s, fuse_ino_t parent, const std::string& name, fuse_entry_param* e)
    EXCLUDES(s.view().mu());
// Attributes of `ino`; `h`: the open file the request names, if any (a writer's size).
Status DoGetAttr(Session& s, fuse_ino_t ino, FileHandle* h, struct stat* st, double* timeout)
    EXCLUDES(s.view().mu());
// A directory listing taken at opendir, so readdir offsets stay stable while it changes.
struct DirListing {
  struct Entry {
    std::string name;
    Node node;
    mode_t type;
  };
  std::vector<Entry> entries;
  // Subdirectories it shows that are not loaded yet: read ahead once the reply is sent.
  bool trash = false;
  std::vector<std::string> prefetch;
};
Status DoOpenDir(Session& s, fuse_ino_t ino, DirListing* out) EXCLUDES(s.view().mu());

void Lookup(fuse_req_t req, fuse_ino_t parent, const char* name);
void Forget(fuse_req_t req, fuse_ino_t ino, uint64_t nlookup);
void ForgetMulti(fuse_req_t req, size_t count, fuse_forget_data* forgets);
void GetAttr(fuse_req_t req, fuse_ino_t ino, fuse_file_info* fi);
void SetAttr(fuse_req_t req, fuse_ino_t ino, struct stat* attr, int to_set, fuse_file_info* fi);
void OpenDir(fuse_req_t req, fuse_ino_t ino, fuse_file_info* fi);
void ReadDir(fuse_req_t req, fuse_ino_t ino, size_t size, off_t off, fuse_file_info* fi);
void ReleaseDir(fuse_req_t req, fuse_ino_t ino, fuse_file_info* fi);
void StatFs(fuse_req_t req, fuse_ino_t ino);

// ---------------------------------------------------------------- file contents (ops_io.cc)

void Open(fuse_req_t req, fuse_ino_t ino, fuse_file_info* fi);
void Create(fuse_req_t req, fuse_ino_t parent, const char* name, mode_t mode, fuse_file_info* fi);
void Read(fuse_req_t req, fuse_ino_t ino, size_t size, off_t off, fuse_file_info* fi);
void WriteBuf(fuse_req_t req, fuse_ino_t ino, fuse_bufvec* bufv, off_t off, fuse_file_info* fi);
void Flush(fuse_req_t req, fuse_ino_t ino, fuse_file_info* fi);
void Release(fuse_req_t req, fuse_ino_t ino, fuse_file_info* fi);
void Fsync(fuse_req_t req, fuse_ino_t ino, int datasync, fuse_file_info* fi);
// Truncates the content behind `n` (path truncate, no open handle). Used by SetAttr.
Status TruncatePath(Session& s, const Node& n, uint64_t size);
Status TruncateHandle(Session& s, FileHandle& h, uint64_t size) REQUIRES(h.mu);

// ---------------------------------------------------------------- namespace (ops_ns.cc)

// `*delete_after`: a purge left its stored file to delete once the reply is sent
// (WriterPool::DeleteCommittedFiles).
Status DoUnlink(Session& s, fuse_ino_t parent, const std::string& name, bool* delete_after);
Status DoRmdir(Session& s, fuse_ino_t parent, const std::string& name, bool* delete_after);
Status DoMkdir(Session& s, fuse_ino_t parent, const std::string& name, fuse_entry_param* e);
Status DoRename(Session& s, fuse_ino_t parent, const std::string& name, fuse_ino_t newparent,
                const std::string& newname, unsigned int flags);

void Unlink(fuse_req_t req, fuse_ino_t parent, const char* name);
void Rmdir(fuse_req_t req, fuse_ino_t parent, const char* name);
void Mkdir(fuse_req_t req, fuse_ino_t parent, const char* name, mode_t mode);
void Rename(fuse_req_t req, fuse_ino_t parent, const char* name, fuse_ino_t newparent,
            const char* newname, unsigned int flags);
void Refused(fuse_req_t req, const char* op);  // links, symlinks, device nodes

// ---------------------------------------------------------------- attributes (ops_xattr.cc)

// The value of extended attribute `name` of `ino` (kNotFound: ENODATA).
Status DoGetXattr(Session& s, fuse_ino_t ino, const std::string& name, std::string* value);
// The names of `ino`'s extended attributes, each ending in NUL.
Status DoListXattr(Session& s, fuse_ino_t ino, std::string* list);
Status DoSetXattr(Session& s, fuse_ino_t ino, const std::string& name, const std::string& value);

void SetXattr(fuse_req_t req, fuse_ino_t ino, const char* name, const char* value, size_t size,
              int flags);
void GetXattr(fuse_req_t req, fuse_ino_t ino, const char* name, size_t size);
void ListXattr(fuse_req_t req, fuse_ino_t ino, size_t size);
void RemoveXattr(fuse_req_t req, fuse_ino_t ino, const char* name);

}  // namespace regfs::ops
