// File contents: reads straight from the stored file, writes into a staging file that
// becomes a record (new artifact or new version) when the file is closed.
//
// Invariant: a FileHandle's staging file is never visible as a record until Commit()
// saves it; readers of the key keep seeing the previous version until then.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

#include "core/storage.h"
#include "fs/errno_map.h"
#include "fs/inodes.h"
#include "fs/log.h"
#include "fs/ops.h"
#include "fs/passthrough.h"
#include "fs/scratch.h"

namespace regfs::ops {

namespace {

// Opens the stored content of an artifact for reading. Every failure is EIO for the
// caller, with the path in the log: the daemon keeps serving.
Result<int> OpenStored(Session& s, int64_t artifact_id) {
  REGFS_ASSIGN_OR_RETURN(auto a, s.view().LoadArtifact(artifact_id));
  if (!a) return Status::NotFound("artifact id " + std::to_string(artifact_id));
  auto path = s.info().storage->StoredPath(*a);
  if (!path.ok()) return Status::IO("read uid " + a->uid + ": " + path.status().message());
  auto fd = s.info().storage->OpenBeneath(*path, O_RDONLY);
  if (!fd.ok()) return Status::IO("read uid " + a->uid + ": stored file: " + fd.status().message());
  return *fd;
}

// The record behind a file node as the view shows it, or from the database when its
// directory is not loaded.
Result<std::optional<FileRec>> RecOf(Session& s, int64_t id) EXCLUDES(s.view().mu()) {
  {
    ReaderLock lk(&s.view().mu());
    if (const FileRec* r = s.view().area(false).Rec(id)) return std::optional<FileRec>(*r);
    if (const FileRec* r = s.view().area(true).Rec(id)) return std::optional<FileRec>(*r);
  }
  return s.view().LoadFileRec(id);
}

// Gives the handle a staging file holding the full current content (copied from the
// stored file unless `empty`), feeding the hasher as the bytes pass.
Status Materialize(Session& s, FileHandle& h, bool empty) REQUIRES(h.mu) {
  if (h.materialized) return Status();
  int sfd = -1;
  REGFS_ASSIGN_OR_RETURN(std::string staging, s.staging().Take(&sfd));
  h.hasher = std::make_unique<StreamHasher>();
  uint64_t copied = 0;
  if (!empty && h.artifact_id != 0) {
    int src = h.fd >= 0 ? h.fd : -1;
    bool own_src = false;
    if (src < 0) {
      auto opened = OpenStored(s, h.artifact_id);
      if (!opened.ok()) {
        close(sfd);
        unlink(staging.c_str());
        return opened.status();
      }
      src = *opened;
      own_src = true;
    }
    constexpr size_t kBuf = 1 << 20;
    char* buf = Scratch(kBuf);
    for (;;) {
      ssize_t n = pread(src, buf, kBuf, static_cast<off_t>(copied));
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        Status st = Status::FromErrno(errno, "copy stored content for writing");
        if (own_src) close(src);
        close(sfd);
        unlink(staging.c_str());
        return st;
      }
      if (n == 0) break;
      ssize_t done = 0;
      while (done < n) {
        ssize_t w = pwrite(sfd, buf + done, n - done, static_cast<off_t>(copied + done));
        if (w < 0 && errno == EINTR) continue;
        if (w < 0) {
          Status st = Status::FromErrno(errno, "write staging file " + staging);
          if (own_src) close(src);
          close(sfd);
          unlink(staging.c_str());
          return st;
        }
        done += w;
      }
      h.hasher->Update(copied, buf, static_cast<size_t>(n));
      copied += static_cast<uint64_t>(n);
    }
    if (own_src) close(src);
  }
  if (h.fd >= 0) close(h.fd);
  h.fd = sfd;
  h.staging = staging;
  h.size = copied;
  h.materialized = true;
  return Status();
}

// The key the handle's content is saved under, and its directory/name for invalidation.
struct Target {
  std::string key;
  std::string dir;
  std::string name;
  bool discard = false;  // the pending file was unlinked before it was closed
};

Result<Target> TargetOf(Session& s, WriterPool::Writer& w, FileHandle& h) REQUIRES(h.mu) {
  Target t;
  if (h.pending_seq) {
    auto p = s.pending().Get(h.pending_seq);
    if (!p || p->unlinked) {
      t.discard = true;
      return t;
    }
    t.dir = p->dir;
    t.name = p->name;
  } else {
    REGFS_ASSIGN_OR_RETURN(auto a, w->ArtifactById(h.artifact_id));
    if (!a || !a->key || !IsSafeKey(*a->key))
      return Status::Permission("write: the record has no key to save a new version under");
    t.dir = ParentOf(*a->key);
    t.name = BaseOf(*a->key);
  }
  t.key = Join(t.dir, t.name);
  return t;
}

// Saves the handle's content as a record. After it, the handle reads the new record and a
// further write starts a new staging copy.
Status Commit(Session& s, FileHandle& h) REQUIRES(h.mu) {
  if (!h.dirty) return Status();
  if (h.failed) {
    h.dirty = false;
    return Status::IO("a write to this file failed earlier: its content was not saved");
  }
  if (h.pending_seq) {
    // A new file unlinked before its last close is not worth hashing (checked again below,
    // under the writer, with the rest of TargetOf).
    auto p = s.pending().Get(h.pending_seq);
    if (!p || p->unlinked) {
      h.dirty = false;
      return Status();
    }
  }
  REGFS_RETURN_IF_ERROR(Materialize(s, h, /*empty=*/true));
  REGFS_ASSIGN_OR_RETURN(HashResult hash, h.hasher->Finish(h.staging, h.size));
  close(h.fd);
  h.fd = -1;
  StagedContent content{h.staging, hash};
  Result<SaveOutcome> out = Status::IO("not saved");
  Target t;
  {
    WriterPool::Writer w(&s.writers());
    // Under the writer, so that an unlink or rename of a file still being written (which
    // take the writer too) happens either wholly before this save or after it.
    REGFS_ASSIGN_OR_RETURN(t, TargetOf(s, w, h));
    if (t.discard) {
      h.dirty = false;
      return Status();  // the handle's destructor drops the staging file
    }
    SaveRequest req;
    req.key = t.key;
    req.suffix = SuffixOf(t.name);
    out = w->Save(content, req);
    if (out.ok()) {
      std::vector<int64_t> ids;
      if (h.provisional_id && out->inserted && h.provisional_id != out->artifact.id) {
        // An earlier close of a duplicated descriptor saved part of this content.
        auto purged = w->Purge(h.provisional_id);
        if (!purged.ok()) log::Warn("replacing provisional record: " + purged.status().ToString());
        ids.push_back(h.provisional_id);
      }
      Status r = s.view().RefreshKeys(w, {t.key}, ids);
      if (!r.ok()) log::Error("refresh after saving " + t.key + ": " + r.ToString());
      if (h.pending_seq) {
        int64_t id = out->artifact.id;
        s.pending().Update(h.pending_seq, [id](PendingFile& p) { p.committed_id = id; });
      }
    }
  }
  if (access(h.staging.c_str(), F_OK) != 0) h.staging.clear();  // moved into place or removed
  if (!out.ok()) return out.status().Annotate("save " + t.key);
  const char* what = out->kind == SaveOutcome::kCreated      ? "new artifact"
                     : out->kind == SaveOutcome::kNewVersion ? "new version"
                                                             : "unchanged content, nothing saved";
  log::Info("write " + t.key + ": " + what + " uid " + out->artifact.uid);
  h.dirty = false;
  h.written = false;
  h.materialized = false;
  h.hasher.reset();
  if (!h.staging.empty()) {
    unlink(h.staging.c_str());
    h.staging.clear();
  }
  int64_t old_id = h.artifact_id;
  h.artifact_id = out->artifact.id;
  h.provisional_id = out->inserted ? out->artifact.id : 0;
  // A new file's inode now aliases its record (Session::Resolve), so the kernel's entry
  // stays right. A new version of an existing record is a different inode: the kernel must
  // forget the name, and the size it saw grow on the old inode through this handle.
  if (!h.pending_seq) {
    uint64_t parent = t.dir.empty() ? ino::kArtifacts : s.inodes().DirIno(false, t.dir);
    s.notifier().InvalEntry(parent, t.name);
    if (old_id) s.notifier().InvalInode(ino::FileIno(false, old_id));
    // Opened through a renumbered inode (InodeTable::RenumberForWrite): that is the one the
    // kernel saw grow.
    if (h.ino != 0 && h.ino != ino::FileIno(false, old_id)) s.notifier().InvalInode(h.ino);
  }
  return Status();
}

// Inodes whose reads may go through the kernel's passthrough (fs/passthrough.h): immutable
// stored content, shown as a record (visible or trashed), a collection member or a file
// inside a folder artifact. Never a file being written, never a write alias.
bool MayPassThrough(uint64_t ino) {
  switch (ino::TagOf(ino)) {
    case ino::Tag::kArtifact:
    case ino::Tag::kTrashArtifact:
    case ino::Tag::kMember:
    case ino::Tag::kFolderEntry: return true;
    default: return false;
  }
}

// Registers the open (its checks all passed) and replies. With passthrough, the kernel may
// serve a read open from the stored file itself; a write open of an inode that is open in
// passthrough is answered ESTALE after the record got a new inode number, which the kernel
// finds when it retries the open (see Passthrough).
void FinishOpen(fuse_req_t req, Session& s, fuse_ino_t ino, std::unique_ptr<FileHandle> h,
                fuse_file_info* fi) {
  const bool write = h->writable;
  int fd;
  int64_t id;
  {
    MutexLock lk(&h->mu);
    fd = h->fd;
    id = h->artifact_id;
  }
  fi->fh = s.handles().Add(std::move(h));
  Passthrough* pt = s.passthrough();
  Passthrough::Decision d;
  if (pt) d = pt->OnOpen(fi->fh, ino, fd, write, MayPassThrough(ino));
  switch (d.mode) {
    case Passthrough::Mode::kRetryOnAlias: {
      s.handles().Take(fi->fh);  // drops a staging file O_TRUNC made
      uint64_t alias = s.inodes().RenumberForWrite(id);
      log::Debug("open for writing of inode " + std::to_string(ino) +
                 ", which readers hold open in passthrough: renumbered to " +
                 std::to_string(alias) + ", ESTALE for the kernel to look it up again");
      return (void)fuse_reply_err(req, ESTALE);
    }
    case Passthrough::Mode::kPassthrough:
      // The kernel accepts no page-cache flags with passthrough; and a read-only handle has
      // nothing to flush, so close() need not reach the daemon.
      fi->keep_cache = 0;
      fi->direct_io = 0;
      fi->noflush = 1;
      pt->MarkReply(d.backing_id);
      break;
    case Passthrough::Mode::kCached: break;
  }
  if (fuse_reply_open(req, fi) != 0) {
    // The kernel did not take the reply (the request was aborted): no RELEASE will come.
    if (pt) pt->OnRelease(fi->fh);
    s.handles().Take(fi->fh);
  }
}

// Checks an open of `ino` and readies handle `h` for it (the stored file for reads; for
// writes the staging copy when O_TRUNC asks for it, else later on the first write).
Status PrepareOpen(Session& s, fuse_ino_t ino, fuse_file_info* fi, FileHandle& h) REQUIRES(h.mu) {
  REGFS_ASSIGN_OR_RETURN(Node n, s.Resolve(ino));
  int acc = fi->flags & O_ACCMODE;
  bool want_write = acc != O_RDONLY || (fi->flags & O_TRUNC);
  switch (n.kind) {
    case Node::kFile: h.artifact_id = n.id; break;
    case Node::kMember:
      if (want_write) return Status::Permission("collection members are read-only");
      h.artifact_id = n.artifact;
      break;
    case Node::kPending: return Status::Busy("file is still being written by another handle");
    case Node::kFolder: {
      if (want_write) return Status::Permission("folder artifacts are read-only");
      auto path = s.view().LoadFolderPath(n.id, n.path);
      if (!path.ok()) return Status::IO(path.status().message());
      auto opened = s.info().storage->OpenBeneath(*path, O_RDONLY);
      if (!opened.ok()) return Status::IO("folder artifact file: " + opened.status().message());
      int fd = *opened;
      struct stat st;
      if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        return Status(Status::Code::kIsDir, "is a directory");
      }
      h.fd = fd;
      fi->keep_cache = 1;
      return Status();
    }
    default: return Status(Status::Code::kIsDir, "is a directory");
  }
  if (want_write) {
    if (s.config().read_only) return Status::ReadOnly("the mount is read-only");
    if (n.trash)
      return Status::Permission("records in .trash cannot be written (use mv to restore)");
    REGFS_ASSIGN_OR_RETURN(auto rec, RecOf(s, n.id));
    if (!rec || rec->state != kStateVisible || !rec->key_is_path)
      return Status::Permission("a record without a key cannot get a new version");
    const uint64_t rec_size = static_cast<uint64_t>(rec->size);
    h.writable = true;
    if (fi->flags & O_TRUNC) {
      REGFS_RETURN_IF_ERROR(Materialize(s, h, /*empty=*/true));
      h.dirty = true;
    } else if (acc == O_RDWR) {
      REGFS_ASSIGN_OR_RETURN(h.fd, OpenStored(s, h.artifact_id));
    }
    // Without O_TRUNC the staging copy is made on the first write.
    if (!h.materialized) h.size = rec_size;
    fi->direct_io = 0;
    fi->keep_cache = 0;
  } else {
    REGFS_ASSIGN_OR_RETURN(h.fd, OpenStored(s, h.artifact_id));
    // Stored content never changes in place (a write makes a new record, a new inode).
    fi->keep_cache = 1;
  }
  return Status();
}

}  // namespace

Status TruncateHandle(Session& s, FileHandle& h, uint64_t size) {
  bool empty = size == 0;
  REGFS_RETURN_IF_ERROR(Materialize(s, h, empty));
  if (ftruncate(h.fd, static_cast<off_t>(size)) != 0)
    return Status::FromErrno(errno, "truncate staging file");
  h.hasher->Truncated(size);
  h.size = size;
  h.dirty = true;
  h.written = true;
  if (h.pending_seq) s.pending().Update(h.pending_seq, [size](PendingFile& p) { p.size = size; });
  return Status();
}

Status TruncatePath(Session& s, const Node& n, uint64_t size) {
  if (n.kind == Node::kPending)
    return Status::Busy("truncate of a file that is still being written by another handle");
  {
    REGFS_ASSIGN_OR_RETURN(auto r, RecOf(s, n.id));
    if (!r || r->state != kStateVisible || !r->key_is_path)
      return Status::Permission("truncate: record has no key");
    if (static_cast<uint64_t>(r->size) == size) return Status();  // nothing changes
  }
  FileHandle h;
  h.writable = true;
  h.ino = ino::FileIno(false, n.id);
  MutexLock lk(&h.mu);
  h.artifact_id = n.id;
  REGFS_RETURN_IF_ERROR(TruncateHandle(s, h, size));
  return Commit(s, h);
}

void Open(fuse_req_t req, fuse_ino_t ino, fuse_file_info* fi) {
  Session& s = SessionOf(req);
  auto h = std::make_unique<FileHandle>();
  h->ino = ino;
  h->append = fi->flags & O_APPEND;
  Status st;
  {
    MutexLock lk(&h->mu);
    st = PrepareOpen(s, ino, fi, *h);
  }
  if (!st.ok()) return ReplyError(req, st, "open");
  FinishOpen(req, s, ino, std::move(h), fi);
}

void Create(fuse_req_t req, fuse_ino_t parent, const char* name, mode_t, fuse_file_info* fi) {
  Session& s = SessionOf(req);
  auto p = s.Resolve(parent);
  if (!p.ok()) return ReplyError(req, p.status(), "create");
  if (s.config().read_only) return Refuse(req, EROFS, "create", "the mount is read-only");
  if (p->kind != Node::kDir || p->trash) {
    return Refuse(req, EPERM, "create",
                  std::string(name) + ": files can only be created under artifacts/");
  }
  std::string key = Join(p->path, name);
  Status valid = ValidateKey(key);
  if (!valid.ok()) return ReplyError(req, valid, "create");
  Status loaded = s.view().EnsureDir(false, p->path);
  if (!loaded.ok()) return ReplyError(req, loaded, "create");
  {
    ReaderLock lk(&s.view().mu());
    auto existing = s.view().area(false).Lookup(p->path, name);
    if (existing && existing->is_dir) return Refuse(req, EISDIR, "create", key + " is a directory");
    if (existing && (fi->flags & O_EXCL)) return Refuse(req, EEXIST, "create", key);
  }
  auto h = std::make_unique<FileHandle>();
  h->writable = true;
  h->append = fi->flags & O_APPEND;
  h->pending_seq = s.pending().Add(p->path, name);
  h->ino = ino::Make(ino::Tag::kPending, h->pending_seq);
  {
    MutexLock lk(&h->mu);
    Status st = Materialize(s, *h, /*empty=*/true);
    if (!st.ok()) {
      s.pending().Drop(h->pending_seq);
      return ReplyError(req, st, "create");
    }
    h->dirty = true;  // an empty new file is a record too (touch)
  }
  fuse_entry_param e;
  Node n;
  n.kind = Node::kPending;
  n.id = static_cast<int64_t>(h->pending_seq);
  {
    ReaderLock lk(&s.view().mu());
    Status me = MakeEntry(s, n, &e);
    if (!me.ok()) {
      s.pending().Drop(h->pending_seq);
      return ReplyError(req, me, "create");
    }
  }
  fi->fh = s.handles().Add(std::move(h));
  fuse_reply_create(req, &e, fi);
}

void Read(fuse_req_t req, fuse_ino_t, size_t size, off_t off, fuse_file_info* fi) {
  Session& s = SessionOf(req);
  FileHandle* h = s.handles().Get(fi->fh);
  if (!h) return Refuse(req, EBADF, "read", "unknown handle");
  int fd;
  {
    MutexLock lk(&h->mu);
    if (h->fd < 0 && h->artifact_id) {
      auto opened = OpenStored(s, h->artifact_id);
      if (!opened.ok()) return ReplyError(req, opened.status(), "read");
      h->fd = *opened;
    }
    fd = h->fd;
  }
  if (fd < 0) return (void)fuse_reply_buf(req, nullptr, 0);
  // Hand the kernel the descriptor: libfuse splices when it can, else reads into a buffer.
  fuse_bufvec buf = FUSE_BUFVEC_INIT(size);
  buf.buf[0].flags = static_cast<fuse_buf_flags>(FUSE_BUF_IS_FD | FUSE_BUF_FD_SEEK);
  buf.buf[0].fd = fd;
  buf.buf[0].pos = off;
  fuse_reply_data(req, &buf, FUSE_BUF_SPLICE_MOVE);
}

void WriteBuf(fuse_req_t req, fuse_ino_t, fuse_bufvec* in, off_t off, fuse_file_info* fi) {
  Session& s = SessionOf(req);
  FileHandle* h = s.handles().Get(fi->fh);
  if (!h || !h->writable) return Refuse(req, EBADF, "write", "handle not open for writing");
  MutexLock lk(&h->mu);
  Status st = Materialize(s, *h, /*empty=*/false);
  if (!st.ok()) return ReplyError(req, st, "write");
  size_t len = fuse_buf_size(in);
  // Bring the data into memory once: it is hashed and written from the same buffer.
  char* data = Scratch(len);
  fuse_bufvec mem = FUSE_BUFVEC_INIT(len);
  mem.buf[0].mem = data;
  ssize_t got = fuse_buf_copy(&mem, in, static_cast<fuse_buf_copy_flags>(0));
  if (got < 0) return ReplyError(req, Status::FromErrno(static_cast<int>(-got), "write"), "write");
  size_t n = static_cast<size_t>(got);
  // The kernel computes an append offset from the size it last saw, which another process's
  // stat of the (older) record can lower; the staging file's own end is the truth.
  if (h->append) off = static_cast<off_t>(h->size);
  size_t done = 0;
  while (done < n) {
    ssize_t w = pwrite(h->fd, data + done, n - done, off + static_cast<off_t>(done));
    if (w < 0 && errno == EINTR) continue;
    if (w < 0) {
      // A file that could not be written whole must not become a record on close, nor
      // stay listed as one being written.
      h->failed = true;
      if (h->pending_seq) {
        std::string dir, name;
        s.pending().Update(h->pending_seq, [&](PendingFile& p) {
          p.unlinked = true;
          dir = p.dir;
          name = p.name;
        });
        s.notifier().InvalEntry(dir.empty() ? ino::kArtifacts : s.inodes().DirIno(false, dir),
                                name);
      }
      return ReplyError(req, Status::FromErrno(errno, "write staging file " + h->staging), "write");
    }
    done += static_cast<size_t>(w);
  }
  h->hasher->Update(static_cast<uint64_t>(off), data, n);
  uint64_t end = static_cast<uint64_t>(off) + n;
  if (end > h->size) h->size = end;
  h->dirty = true;
  h->written = true;
  if (h->pending_seq) {
    uint64_t size = h->size;
    s.pending().Update(h->pending_seq, [size](PendingFile& p) { p.size = size; });
  }
  fuse_reply_write(req, n);
}

void Flush(fuse_req_t req, fuse_ino_t, fuse_file_info* fi) {
  Session& s = SessionOf(req);
  FileHandle* h = s.handles().Get(fi->fh);
  if (!h || !h->writable) return (void)fuse_reply_err(req, 0);
  MutexLock lk(&h->mu);
  // close() reports what went wrong (a full disk, say); the record is saved here.
  if (!h->written) return (void)fuse_reply_err(req, 0);
  Status st = Commit(s, *h);
  if (!st.ok()) return ReplyError(req, st, "close");
  fuse_reply_err(req, 0);
}

void Release(fuse_req_t req, fuse_ino_t, fuse_file_info* fi) {
  Session& s = SessionOf(req);
  // The kernel has let go of the open already: it no longer constrains other opens.
  if (Passthrough* pt = s.passthrough()) pt->OnRelease(fi->fh);
  std::unique_ptr<FileHandle> h = s.handles().Take(fi->fh);
  if (h && h->writable) {
    MutexLock lk(&h->mu);
    Status st = Commit(s, *h);
    if (!st.ok()) log::Error("saving on last close failed, content discarded: " + st.ToString());
    if (h->pending_seq) {
      auto p = s.pending().Get(h->pending_seq);
      if (p && !p->committed_id)
        s.pending().Update(h->pending_seq, [](PendingFile& pf) { pf.unlinked = true; });
    }
  }
  fuse_reply_err(req, 0);
}

void Fsync(fuse_req_t req, fuse_ino_t, int datasync, fuse_file_info* fi) {
  Session& s = SessionOf(req);
  FileHandle* h = s.handles().Get(fi->fh);
  if (!h) return (void)fuse_reply_err(req, 0);
  MutexLock lk(&h->mu);
  if (h->writable && h->fd >= 0) {
    int rc = datasync ? fdatasync(h->fd) : fsync(h->fd);
    if (rc != 0) return ReplyError(req, Status::FromErrno(errno, "fsync"), "fsync");
  }
  fuse_reply_err(req, 0);
}

}  // namespace regfs::ops
