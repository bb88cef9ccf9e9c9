// Lookup, attributes and directory listing.
#include <dirent.h>
#include <fcntl.h>
#include <sys/statvfs.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>

#include "fs/errno_map.h"
#include "fs/inodes.h"
#include "fs/log.h"
#include "fs/ops.h"

namespace regfs::ops {

namespace {

// Loads what the attributes of `n` need: a directory exists when its listing (or its
// parent's) says so, a collection's attributes come from the collections, an entry inside
// a folder artifact is found in the stored folder.
Status LoadForAttrs(Session& s, const Node& n) EXCLUDES(s.view().mu()) {
  switch (n.kind) {
    case Node::kDir: return s.view().EnsureDir(n.trash, n.path);
    case Node::kCollectionsTop:
    case Node::kTrashCollectionsTop:
    case Node::kCollection: return s.view().EnsureCollections();
    case Node::kFolder: return n.path.empty() ? Status() : s.view().EnsureFolderRoot(n.id);
    default: return Status();
  }
}

// The entries of a folder artifact's directory `n`, read from the stored folder (no view
// lock is held for it). Symlinks and special files are left out.
Status ListFolder(Session& s, const Node& n, DirListing* out) EXCLUDES(s.view().mu()) {
  auto path = s.view().LoadFolderPath(n.id, n.path);
  if (!path.ok()) return Status::IO(path.status().message());
  DIR* d = opendir(path->c_str());
  if (!d) return Status::IO("folder artifact " + *path + ": " + strerror(errno));
  while (dirent* de = readdir(d)) {
    std::string name = de->d_name;
    if (name == "." || name == "..") continue;
    struct stat st;
    if (fstatat(dirfd(d), de->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0) continue;
    if (!S_ISDIR(st.st_mode) && !S_ISREG(st.st_mode)) continue;
    Node c;
    c.kind = Node::kFolder;
    c.trash = n.trash;
    c.id = n.id;
    c.path = Join(n.path, name);
    out->entries.push_back({name, std::move(c), st.st_mode & S_IFMT});
  }
  closedir(d);
  return Status();
}

// The entries of directory node `n` from the view (LoadFor(n) first).
Status ListLoaded(Session& s, const Node& n, DirListing* out) REQUIRES_SHARED(s.view().mu()) {
  auto add = [&](const std::string& name, Node child, mode_t type) {
    out->entries.push_back({name, std::move(child), type});
  };
  switch (n.kind) {
    case Node::kRoot:
    case Node::kTrashTop:
      for (const char* name : {"artifacts", "collections"}) {
        auto c = LookupChild(s, n, name);
        if (c.ok()) add(name, *c, S_IFDIR);
      }
      if (n.kind == Node::kRoot) add(".trash", Node{Node::kTrashTop}, S_IFDIR);
      return Status();
    case Node::kDir: {
      const auto* names = s.view().area(n.trash).Names(n.path);
      if (!names) return Status::NotFound(n.path);
      for (const auto& [name, child] : *names) {
        Node c;
        c.trash = n.trash;
        bool is_dir = child.is_dir;
        if (child.is_dir) {
          c.kind = Node::kDir;
          c.path = Join(n.path, name);
          if (!s.view().area(n.trash).Loaded(c.path)) out->prefetch.push_back(c.path);
        } else {
          const FileRec* r = s.view().area(n.trash).Rec(child.id);
          is_dir = r && r->is_folder;
          c.kind = is_dir ? Node::kFolder : Node::kFile;
          c.id = child.id;
        }
        add(name, c, is_dir ? S_IFDIR : S_IFREG);
      }
      if (!n.trash) {
        for (const auto& p : s.pending().In(n.path)) {
          if (names->count(p.name)) continue;
          Node c;
          c.kind = Node::kPending;
          c.id = static_cast<int64_t>(p.seq);
          add(p.name, c, S_IFREG);
        }
      }
      out->trash = n.trash;
      return Status();
    }
    case Node::kCollectionsTop:
    case Node::kTrashCollectionsTop: {
      bool trash = n.kind == Node::kTrashCollectionsTop;
      for (const auto& [name, id] : CollectionNames(s.view().collections(trash), trash)) {
        Node c;
        c.kind = Node::kCollection;
        c.trash = trash;
        c.id = id;
        add(name, c, S_IFDIR);
      }
      return Status();
    }
    case Node::kCollection: {
      if (n.trash) return Status();  // a trashed collection is shown empty (see README)
      const std::vector<MemberRec>* members = s.view().members(n.id);
      if (!members) return Status::NotFound("members of collection id " + std::to_string(n.id));
      auto names = MemberNames(*members);
      for (size_t i = 0; i < names.size(); ++i) {
        Node c;
        c.kind = Node::kMember;
        c.id = (*members)[i].link_id;
        c.artifact = (*members)[i].file.id;
        add(names[i], c, S_IFREG);
      }
      return Status();
    }
    default: return Status(Status::Code::kNotDir, "not a directory");
  }
}

}  // namespace

Status DoLookup(Session& s, fuse_ino_t parent, const std::string& name, fuse_entry_param* e) {
  return ResolveChild(s, parent, name, e).status();
}

void Lookup(fuse_req_t req, fuse_ino_t parent, const char* name) {
  fuse_entry_param e;
  Status st = DoLookup(SessionOf(req), parent, name, &e);
  if (!st.ok()) return ReplyError(req, st, "lookup");
  fuse_reply_entry(req, &e);
}

void Forget(fuse_req_t req, fuse_ino_t ino, uint64_t nlookup) {
  SessionOf(req).Forget(ino, nlookup);
  fuse_reply_none(req);
}

void ForgetMulti(fuse_req_t req, size_t count, fuse_forget_data* forgets) {
  Session& s = SessionOf(req);
  for (size_t i = 0; i < count; ++i) s.Forget(forgets[i].ino, forgets[i].nlookup);
  fuse_reply_none(req);
}

Status DoGetAttr(Session& s, fuse_ino_t ino, FileHandle* h, struct stat* st, double* timeout) {
  // An open write handle knows the size the kernel should see.
  if (h && h->writable) {
    MutexLock hl(&h->mu);
    auto n = s.Resolve(ino);
    ReaderLock lk(&s.view().mu());
    if (n.ok() && s.Stat(*n, st).ok()) {
      st->st_size = static_cast<off_t>(h->size);
      st->st_blocks = (h->size + 511) / 512;
      st->st_ino = ino;
      *timeout = kPendingAttrTimeout;  // it changes with every write
      return Status();
    }
  }
  REGFS_ASSIGN_OR_RETURN(Node n, s.Resolve(ino));
  REGFS_RETURN_IF_ERROR(LoadForAttrs(s, n));
  Status r;
  {
    ReaderLock lk(&s.view().mu());
    r = s.Stat(n, st);
  }
  if (r.IsNotFound() && (n.kind == Node::kFile || (n.kind == Node::kFolder && n.path.empty()))) {
    // A record whose directory is not loaded (moved there by another process).
    REGFS_ASSIGN_OR_RETURN(auto rec, s.view().LoadFileRec(n.id));
    if (rec) {
      ReaderLock lk(&s.view().mu());
      r = s.Stat(n, st, &*rec);
    }
  }
  REGFS_RETURN_IF_ERROR(r);
  st->st_ino = ino;  // the number the kernel knows this file by (see RenumberForWrite)
  *timeout = AttrTimeout(n);
  return Status();
}

void GetAttr(fuse_req_t req, fuse_ino_t ino, fuse_file_info* fi) {
  Session& s = SessionOf(req);
  struct stat st;
  double timeout = 0;
  Status r = DoGetAttr(s, ino, fi ? s.handles().Get(fi->fh) : nullptr, &st, &timeout);
  if (!r.ok()) return ReplyError(req, r, "getattr");
  fuse_reply_attr(req, &st, timeout);
}

void SetAttr(fuse_req_t req, fuse_ino_t ino, struct stat* attr, int to_set, fuse_file_info* fi) {
  Session& s = SessionOf(req);
  auto n = s.Resolve(ino);
  if (!n.ok()) return ReplyError(req, n.status(), "setattr");
  if (s.config().read_only) return Refuse(req, EROFS, "setattr", "the mount is read-only");
  bool in_trash = n->trash && (n->kind == Node::kFile || n->kind == Node::kDir);
  if (in_trash) return Refuse(req, EPERM, "setattr", "records in .trash cannot be changed");
  if (n->kind == Node::kMember)
    return Refuse(req, EPERM, "setattr", "collection members are read-only");
  if (n->kind == Node::kFolder && (to_set & FUSE_SET_ATTR_SIZE))
    return Refuse(req, EPERM, "setattr", "folder artifacts are read-only");
  if (to_set & FUSE_SET_ATTR_SIZE) {
    Status st;
    FileHandle* h = fi ? s.handles().Get(fi->fh) : nullptr;
    if (h && h->writable) {
      MutexLock hl(&h->mu);
      st = TruncateHandle(s, *h, static_cast<uint64_t>(attr->st_size));
    } else if (n->kind == Node::kFile || n->kind == Node::kPending) {
      st = TruncatePath(s, *n, static_cast<uint64_t>(attr->st_size));
    } else {
      st = Status(Status::Code::kIsDir, "truncate of a directory");
    }
    if (!st.ok()) return ReplyError(req, st, "truncate");
    if (h && h->writable) {
      // Report the handle's view of the file.
      MutexLock hl(&h->mu);
      struct stat out;
      ReaderLock lk(&s.view().mu());
      Status r = s.Stat(*n, &out);
      if (!r.ok()) return ReplyError(req, r, "setattr");
      out.st_size = static_cast<off_t>(h->size);
      return (void)fuse_reply_attr(req, &out, kPendingAttrTimeout);
    }
  }
  // chmod, chown and utimens are accepted without effect, so `cp -a` and `rsync -a` work.
  auto again = s.Resolve(ino);
  if (!again.ok()) return ReplyError(req, again.status(), "setattr");
  Status loaded = LoadForAttrs(s, *again);
  if (!loaded.ok()) return ReplyError(req, loaded, "setattr");
  struct stat out;
  ReaderLock lk(&s.view().mu());
  Status r = s.Stat(*again, &out);
  if (!r.ok()) return ReplyError(req, r, "setattr");
  fuse_reply_attr(req, &out, AttrTimeout(*again));
}

Status DoOpenDir(Session& s, fuse_ino_t ino, DirListing* out) {
  REGFS_ASSIGN_OR_RETURN(Node n, s.Resolve(ino));
  Node parent;
  parent.kind = Node::kRoot;
  out->entries.clear();
  out->prefetch.clear();
  out->entries.push_back({".", n, S_IFDIR});
  out->entries.push_back({"..", parent, S_IFDIR});
  if (n.kind == Node::kFolder) return ListFolder(s, n, out);
  for (int attempt = 1;; ++attempt) {
    REGFS_RETURN_IF_ERROR(LoadFor(s, n));
    ReaderLock lk(&s.view().mu());
    if (!LoadedFor(s, n) && attempt < kLoadAttempts) continue;
    return ListLoaded(s, n, out);
  }
}

void OpenDir(fuse_req_t req, fuse_ino_t ino, fuse_file_info* fi) {
  Session& s = SessionOf(req);
  auto listing = std::make_unique<DirListing>();
  Status st = DoOpenDir(s, ino, listing.get());
  if (!st.ok()) return ReplyError(req, st, "opendir");
  bool trash = listing->trash;
  std::vector<std::string> prefetch = std::move(listing->prefetch);
  fi->fh = reinterpret_cast<uint64_t>(listing.release());
  fuse_reply_open(req, fi);
  s.prefetcher().Add(trash, std::move(prefetch));
}

namespace {

void FillDir(fuse_req_t req, size_t size, off_t off, fuse_file_info* fi) {
  Session& s = SessionOf(req);
  auto* listing = reinterpret_cast<DirListing*>(fi->fh);
  // The kernel offers a large buffer (1 MiB on recent kernels): allocate only what the
  // remaining entries take, without clearing it.
  const size_t first = std::min(static_cast<size_t>(off), listing->entries.size());
  size_t want = 0;
  for (size_t i = first; i < listing->entries.size() && want < size; ++i) {
    // Without a buffer, this returns the space an entry takes.
    want += fuse_add_direntry(req, nullptr, 0, listing->entries[i].name.c_str(), nullptr, 0);
  }
  want = std::min(want, size);
  std::unique_ptr<char[]> buf(new char[want > 0 ? want : 1]);
  size_t used = 0;
  for (size_t i = first; i < listing->entries.size(); ++i) {
    const auto& ent = listing->entries[i];
    struct stat st {};
    st.st_mode = ent.type;
    st.st_ino = s.InoOf(ent.node);
    size_t need = fuse_add_direntry(req, buf.get() + used, want - used, ent.name.c_str(), &st,
                                    static_cast<off_t>(i + 1));
    if (need > want - used) break;
    used += need;
  }
  fuse_reply_buf(req, buf.get(), used);
}

}  // namespace

void ReadDir(fuse_req_t req, fuse_ino_t, size_t size, off_t off, fuse_file_info* fi) {
  FillDir(req, size, off, fi);
}

void ReleaseDir(fuse_req_t req, fuse_ino_t, fuse_file_info* fi) {
  delete reinterpret_cast<DirListing*>(fi->fh);
  fuse_reply_err(req, 0);
}

void StatFs(fuse_req_t req, fuse_ino_t) {
  Session& s = SessionOf(req);
  struct statvfs sv;
  if (statvfs(s.info().root.c_str(), &sv) != 0) {
    return ReplyError(req, Status::FromErrno(errno, "statfs " + s.info().root), "statfs");
  }
  sv.f_namemax = 255;
  fuse_reply_statfs(req, &sv);
}

}  // namespace regfs::ops
