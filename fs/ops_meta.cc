// Lookup, attributes and directory listing.
#include <dirent.h>
#include <fcntl.h>
#include <sys/statvfs.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>
#include <mutex>
#include <shared_mutex>

#include "fs/errno_map.h"
#include "fs/inodes.h"
#include "fs/log.h"
#include "fs/ops.h"

namespace regfs::ops {

namespace {

// Entries and attributes may be cached this long: a record's content and size never change
// (a write makes a new record), and the session invalidates what it changes itself and what
// it sees change outside (within the 200 ms poll), so this only bounds staleness should an
// invalidation ever be lost. A file still being written changes size with every write:
// other processes may see its size up to a second late, as on a network filesystem.
constexpr double kEntryTimeout = 60.0;
constexpr double kAttrTimeout = 60.0;
constexpr double kPendingAttrTimeout = 1.0;

double AttrTimeout(const Node& n) {
  return n.kind == Node::kPending ? kPendingAttrTimeout : kAttrTimeout;
}

// A directory listing taken at opendir, so readdir offsets stay stable while it changes.
struct DirListing {
  struct Entry {
    std::string name;
    Node node;
    mode_t type;
  };
  std::vector<Entry> entries;
};

}  // namespace

Session& SessionOf(fuse_req_t req) {
  return *static_cast<Session*>(fuse_req_userdata(req));
}

void ReplyError(fuse_req_t req, const Status& s, const char* op) {
  int err = ToErrno(s);
  if (err == ENOENT || err == EEXIST || err == ENOTEMPTY || err == ENODATA)
    log::Debug(std::string(op) + ": " + s.ToString());
  else
    log::Warn(std::string(op) + " refused (" + strerror(err) + "): " + s.message());
  fuse_reply_err(req, err);
}

void Refuse(fuse_req_t req, int err, const char* op, const std::string& why) {
  if (err == ENOENT || err == EEXIST || err == ENOTEMPTY)
    log::Debug(std::string(op) + ": " + why);
  else
    log::Warn(std::string(op) + " refused (" + strerror(err) + "): " + why);
  fuse_reply_err(req, err);
}

Status MakeEntry(Session& s, const Node& n, fuse_entry_param* e) {
  *e = {};
  REGFS_RETURN_IF_ERROR(s.Stat(n, &e->attr));
  e->ino = e->attr.st_ino;
  e->generation = 1;
  e->entry_timeout = kEntryTimeout;
  e->attr_timeout = AttrTimeout(n);
  s.AddLookup(e->ino);
  return Status();
}

Status LoadFor(Session& s, const Node& n) {
  switch (n.kind) {
    case Node::kDir: return s.EnsureDir(n.trash, n.path);
    case Node::kCollectionsTop:
    case Node::kTrashCollectionsTop:
    case Node::kCollection: return s.EnsureCollections();
    default: return Status();
  }
}

Result<Node> LookupChild(Session& s, const Node& parent, const std::string& name) {
  Node n;
  switch (parent.kind) {
    case Node::kRoot:
      if (name == "artifacts") {
        n.kind = Node::kDir;
        return n;
      }
      if (name == "collections") {
        n.kind = Node::kCollectionsTop;
        return n;
      }
      if (name == ".trash") {
        n.kind = Node::kTrashTop;
        return n;
      }
      break;
    case Node::kTrashTop:
      if (name == "artifacts") {
        n.kind = Node::kDir;
        n.trash = true;
        return n;
      }
      if (name == "collections") {
        n.kind = Node::kTrashCollectionsTop;
        return n;
      }
      break;
    case Node::kDir: {
      if (!parent.trash) {
        if (auto seq = s.PendingAt(parent.path, name)) {
          n.kind = Node::kPending;
          n.id = static_cast<int64_t>(*seq);
          return n;
        }
      }
      auto child = s.area(parent.trash).Lookup(parent.path, name);
      if (!child) break;
      n.trash = parent.trash;
      if (child->is_dir) {
        n.kind = Node::kDir;
        n.path = Join(parent.path, name);
      } else {
        const FileRec* r = s.area(parent.trash).Rec(child->id);
        n.kind = r && r->is_folder ? Node::kFolder : Node::kFile;
        n.id = child->id;
      }
      return n;
    }
    case Node::kFolder: {
      // Inside a folder artifact: what is on disk, read-only. Symlinks and special files
      // are not shown, so nothing here ever leads outside the stored folder.
      n.kind = Node::kFolder;
      n.trash = parent.trash;
      n.id = parent.id;
      n.path = Join(parent.path, name);
      REGFS_ASSIGN_OR_RETURN(std::string path, s.FolderPath(n.id, n.path));
      struct stat st;
      if (lstat(path.c_str(), &st) != 0 || !(S_ISDIR(st.st_mode) || S_ISREG(st.st_mode)))
        return Status::NotFound(name);
      return n;
    }
    case Node::kCollectionsTop:
    case Node::kTrashCollectionsTop: {
      bool trash = parent.kind == Node::kTrashCollectionsTop;
      auto names = CollectionNames(s.collections(trash), trash);
      auto it = names.find(name);
      if (it == names.end()) break;
      n.kind = Node::kCollection;
      n.trash = trash;
      n.id = it->second;
      return n;
    }
    case Node::kCollection: {
      if (parent.trash) break;  // a trashed collection is shown empty (see README)
      REGFS_ASSIGN_OR_RETURN(auto members, s.Members(parent.id));
      auto names = MemberNames(members);
      for (size_t i = 0; i < names.size(); ++i) {
        if (names[i] != name) continue;
        n.kind = Node::kMember;
        n.id = members[i].link_id;
        n.artifact = members[i].file.id;
        return n;
      }
      break;
    }
    case Node::kFile:
    case Node::kMember:
    case Node::kPending: return Status(Status::Code::kNotDir, name);
    default: break;
  }
  return Status::NotFound(name);
}

void Lookup(fuse_req_t req, fuse_ino_t parent, const char* name) {
  Session& s = SessionOf(req);
  auto p = s.Resolve(parent);
  if (!p.ok()) return ReplyError(req, p.status(), "lookup");
  Status loaded = LoadFor(s, *p);
  if (!loaded.ok()) return ReplyError(req, loaded, "lookup");
  fuse_entry_param e;
  {
    std::shared_lock<std::shared_mutex> lk(s.view_mu());
    auto n = LookupChild(s, *p, name);
    if (!n.ok()) return ReplyError(req, n.status(), "lookup");
    Status st = MakeEntry(s, *n, &e);
    if (!st.ok()) return ReplyError(req, st, "lookup");
  }
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

void GetAttr(fuse_req_t req, fuse_ino_t ino, fuse_file_info* fi) {
  Session& s = SessionOf(req);
  // An open write handle knows the size the kernel should see.
  if (fi) {
    if (FileHandle* h = s.GetHandle(fi->fh); h && h->writable) {
      std::lock_guard<std::mutex> hl(h->mu);
      auto n = s.Resolve(ino);
      struct stat st;
      std::shared_lock<std::shared_mutex> lk(s.view_mu());
      if (n.ok() && s.Stat(*n, &st).ok()) {
        st.st_size = static_cast<off_t>(h->size);
        st.st_blocks = (h->size + 511) / 512;
        st.st_ino = ino;
        fuse_reply_attr(req, &st, kPendingAttrTimeout);  // it changes with every write
        return;
      }
    }
  }
  auto n = s.Resolve(ino);
  if (!n.ok()) return ReplyError(req, n.status(), "getattr");
  // A directory exists when its listing says so; a collection's attributes come from the
  // collections.
  Status loaded = LoadFor(s, *n);
  if (!loaded.ok()) return ReplyError(req, loaded, "getattr");
  struct stat st;
  Status r;
  {
    std::shared_lock<std::shared_mutex> lk(s.view_mu());
    r = s.Stat(*n, &st);
  }
  if (r.IsNotFound() && (n->kind == Node::kFile || (n->kind == Node::kFolder && n->path.empty()))) {
    // A record whose directory is not loaded (moved there by another process).
    auto rec = s.LoadFileRec(n->id);
    if (!rec.ok()) return ReplyError(req, rec.status(), "getattr");
    if (*rec) {
      std::shared_lock<std::shared_mutex> lk(s.view_mu());
      r = s.Stat(*n, &st, &**rec);
    }
  }
  if (!r.ok()) return ReplyError(req, r, "getattr");
  st.st_ino = ino;  // the number the kernel knows this file by (see RenumberForWrite)
  fuse_reply_attr(req, &st, AttrTimeout(*n));
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
    FileHandle* h = fi ? s.GetHandle(fi->fh) : nullptr;
    if (h && h->writable) {
      std::lock_guard<std::mutex> hl(h->mu);
      st = TruncateHandle(s, *h, static_cast<uint64_t>(attr->st_size));
    } else if (n->kind == Node::kFile || n->kind == Node::kPending) {
      st = TruncatePath(s, *n, static_cast<uint64_t>(attr->st_size));
    } else {
      st = Status(Status::Code::kIsDir, "truncate of a directory");
    }
    if (!st.ok()) return ReplyError(req, st, "truncate");
    if (h && h->writable) {
      // Report the handle's view of the file.
      std::lock_guard<std::mutex> hl(h->mu);
      struct stat out;
      std::shared_lock<std::shared_mutex> lk(s.view_mu());
      Status r = s.Stat(*n, &out);
      if (!r.ok()) return ReplyError(req, r, "setattr");
      out.st_size = static_cast<off_t>(h->size);
      return (void)fuse_reply_attr(req, &out, kPendingAttrTimeout);
    }
  }
  // chmod, chown and utimens are accepted without effect, so `cp -a` and `rsync -a` work.
  auto again = s.Resolve(ino);
  if (!again.ok()) return ReplyError(req, again.status(), "setattr");
  struct stat out;
  std::shared_lock<std::shared_mutex> lk(s.view_mu());
  Status r = s.Stat(*again, &out);
  if (!r.ok()) return ReplyError(req, r, "setattr");
  fuse_reply_attr(req, &out, AttrTimeout(*again));
}

void OpenDir(fuse_req_t req, fuse_ino_t ino, fuse_file_info* fi) {
  Session& s = SessionOf(req);
  auto n = s.Resolve(ino);
  if (!n.ok()) return ReplyError(req, n.status(), "opendir");
  Status loaded = LoadFor(s, *n);
  if (!loaded.ok()) return ReplyError(req, loaded, "opendir");
  auto listing = std::make_unique<DirListing>();
  auto add = [&](const std::string& name, Node child, mode_t type) {
    listing->entries.push_back({name, std::move(child), type});
  };
  Node parent;
  parent.kind = Node::kRoot;
  add(".", *n, S_IFDIR);
  add("..", parent, S_IFDIR);
  std::vector<std::string> prefetch;  // subdirectories not loaded yet
  {
    std::shared_lock<std::shared_mutex> lk(s.view_mu());
    switch (n->kind) {
      case Node::kRoot:
      case Node::kTrashTop:
        for (const char* name : {"artifacts", "collections"}) {
          auto c = LookupChild(s, *n, name);
          if (c.ok()) add(name, *c, S_IFDIR);
        }
        if (n->kind == Node::kRoot) add(".trash", Node{Node::kTrashTop}, S_IFDIR);
        break;
      case Node::kDir: {
        const auto* names = s.area(n->trash).Names(n->path);
        if (!names) return ReplyError(req, Status::NotFound(n->path), "opendir");
        std::vector<std::string> subdirs;
        for (const auto& [name, child] : *names) {
          Node c;
          c.trash = n->trash;
          bool is_dir = child.is_dir;
          if (child.is_dir) {
            c.kind = Node::kDir;
            c.path = Join(n->path, name);
            if (!s.area(n->trash).Loaded(c.path)) subdirs.push_back(c.path);
          } else {
            const FileRec* r = s.area(n->trash).Rec(child.id);
            is_dir = r && r->is_folder;
            c.kind = is_dir ? Node::kFolder : Node::kFile;
            c.id = child.id;
          }
          add(name, c, is_dir ? S_IFDIR : S_IFREG);
        }
        if (!n->trash) {
          for (const auto& p : s.PendingIn(n->path)) {
            if (names->count(p.name)) continue;
            Node c;
            c.kind = Node::kPending;
            c.id = static_cast<int64_t>(p.seq);
            add(p.name, c, S_IFREG);
          }
        }
        prefetch = std::move(subdirs);
        break;
      }
      case Node::kCollectionsTop:
      case Node::kTrashCollectionsTop: {
        bool trash = n->kind == Node::kTrashCollectionsTop;
        for (const auto& [name, id] : CollectionNames(s.collections(trash), trash)) {
          Node c;
          c.kind = Node::kCollection;
          c.trash = trash;
          c.id = id;
          add(name, c, S_IFDIR);
        }
        break;
      }
      case Node::kCollection: {
        if (n->trash) break;
        auto members = s.Members(n->id);
        if (!members.ok()) return ReplyError(req, members.status(), "opendir");
        auto names = MemberNames(*members);
        for (size_t i = 0; i < names.size(); ++i) {
          Node c;
          c.kind = Node::kMember;
          c.id = (*members)[i].link_id;
          c.artifact = (*members)[i].file.id;
          add(names[i], c, S_IFREG);
        }
        break;
      }
      case Node::kFolder: {
        auto path = s.FolderPath(n->id, n->path);
        if (!path.ok()) return ReplyError(req, Status::IO(path.status().message()), "opendir");
        DIR* d = opendir(path->c_str());
        if (!d) {
          return ReplyError(req, Status::IO("folder artifact " + *path + ": " + strerror(errno)),
                            "opendir");
        }
        while (dirent* de = readdir(d)) {
          std::string name = de->d_name;
          if (name == "." || name == "..") continue;
          struct stat st;
          if (fstatat(dirfd(d), de->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0) continue;
          if (!S_ISDIR(st.st_mode) && !S_ISREG(st.st_mode)) continue;
          Node c;
          c.kind = Node::kFolder;
          c.trash = n->trash;
          c.id = n->id;
          c.path = Join(n->path, name);
          add(name, c, st.st_mode & S_IFMT);
        }
        closedir(d);
        break;
      }
      default: return ReplyError(req, Status(Status::Code::kNotDir, "not a directory"), "opendir");
    }
  }
  fi->fh = reinterpret_cast<uint64_t>(listing.release());
  fuse_reply_open(req, fi);
  s.Prefetch(n->trash, std::move(prefetch));
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
