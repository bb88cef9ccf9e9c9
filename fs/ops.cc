// Helpers every operation shares: replies, loading before the view lock, name resolution.
#include "fs/ops.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>

#include "fs/errno_map.h"
#include "fs/log.h"

namespace regfs::ops {

double AttrTimeout(const Node& n) {
  return n.kind == Node::kPending ? kPendingAttrTimeout : kAttrTimeout;
}

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
  s.inodes().AddLookup(e->ino);
  return Status();
}

Status LoadFor(Session& s, const Node& n) {
  ViewCache& v = s.view();
  switch (n.kind) {
    case Node::kDir: return v.EnsureDir(n.trash, n.path);
    case Node::kCollectionsTop:
    case Node::kTrashCollectionsTop: return v.EnsureCollections();
    case Node::kCollection:
      REGFS_RETURN_IF_ERROR(v.EnsureCollections());
      // A trashed collection is shown empty (see README): no members to load.
      return n.trash ? Status() : v.EnsureMembers(n.id);
    case Node::kFolder: return v.EnsureFolderRoot(n.id);
    default: return Status();
  }
}

bool LoadedFor(Session& s, const Node& n) {
  switch (n.kind) {
    case Node::kDir: return s.view().area(n.trash).Loaded(n.path);
    case Node::kCollectionsTop:
    case Node::kTrashCollectionsTop: return s.view().collections_loaded();
    case Node::kCollection: return n.trash || s.view().members(n.id) != nullptr;
    case Node::kFolder: return s.view().FolderPath(n.id, "").ok();
    default: return true;
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
        if (auto seq = s.pending().At(parent.path, name)) {
          n.kind = Node::kPending;
          n.id = static_cast<int64_t>(*seq);
          return n;
        }
      }
      auto child = s.view().area(parent.trash).Lookup(parent.path, name);
      if (!child) break;
      n.trash = parent.trash;
      if (child->is_dir) {
        n.kind = Node::kDir;
        n.path = Join(parent.path, name);
      } else {
        const FileRec* r = s.view().area(parent.trash).Rec(child->id);
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
      REGFS_ASSIGN_OR_RETURN(std::string path, s.view().FolderPath(n.id, n.path));
      struct stat st;
      if (lstat(path.c_str(), &st) != 0 || !(S_ISDIR(st.st_mode) || S_ISREG(st.st_mode)))
        return Status::NotFound(name);
      return n;
    }
    case Node::kCollectionsTop:
    case Node::kTrashCollectionsTop: {
      bool trash = parent.kind == Node::kTrashCollectionsTop;
      auto names = CollectionNames(s.view().collections(trash), trash);
      auto it = names.find(name);
      if (it == names.end()) break;
      n.kind = Node::kCollection;
      n.trash = trash;
      n.id = it->second;
      return n;
    }
    case Node::kCollection: {
      if (parent.trash) break;  // a trashed collection is shown empty (see README)
      const std::vector<MemberRec>* members = s.view().members(parent.id);
      if (!members) break;  // dropped again by a change of the collections
      auto names = MemberNames(*members);
      for (size_t i = 0; i < names.size(); ++i) {
        if (names[i] != name) continue;
        n.kind = Node::kMember;
        n.id = (*members)[i].link_id;
        n.artifact = (*members)[i].file.id;
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

Result<Pair> ResolveChild(Session& s, fuse_ino_t parent, const std::string& name,
                          fuse_entry_param* entry) {
  REGFS_ASSIGN_OR_RETURN(Node p, s.Resolve(parent));
  for (int attempt = 1;; ++attempt) {
    REGFS_RETURN_IF_ERROR(LoadFor(s, p));
    ReaderLock lk(&s.view().mu());
    if (!LoadedFor(s, p) && attempt < kLoadAttempts) continue;
    REGFS_ASSIGN_OR_RETURN(Node c, LookupChild(s, p, name));
    if (entry) REGFS_RETURN_IF_ERROR(MakeEntry(s, c, entry));
    return Pair{p, c};
  }
}

}  // namespace regfs::ops
