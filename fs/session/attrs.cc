// The attributes a node shows (Session::Stat): from what the view has loaded, never from
// the database.
#include <sys/stat.h>

#include <cerrno>
#include <ctime>

#include "fs/session/session.h"

namespace regfs {

namespace {

const timespec g_mount_time = [] {
  timespec ts{};
  clock_gettime(CLOCK_REALTIME, &ts);
  return ts;
}();

}  // namespace

Status Session::Stat(const Node& n, struct stat* st, const FileRec* detached) {
  *st = {};
  st->st_uid = owner_uid_;
  st->st_gid = owner_gid_;
  st->st_blksize = 1 << 20;  // cp and friends size their buffers by this
  st->st_atim = st->st_mtim = st->st_ctim = g_mount_time;
  auto dir = [&](mode_t mode) {
    st->st_mode = S_IFDIR | mode;
    st->st_nlink = 2;
  };
  auto file = [&](const FileRec& r, mode_t mode) {
    st->st_mode = S_IFREG | mode;
    st->st_nlink = 1;
    st->st_size = r.size;
    st->st_blocks = (r.size + 511) / 512;
    st->st_mtim = r.mtime;
    st->st_atim = r.mtime;
    st->st_ctim = r.ctime;
  };
  // The record behind a file or folder-artifact node: where the view shows it, else the
  // detached copy the caller read.
  auto record = [&]() -> const FileRec* {
    view().mu().AssertReaderHeld();
    const FileRec* r = view().area(n.trash).Rec(n.id);
    if (!r) r = view().area(!n.trash).Rec(n.id);
    if (!r && detached && detached->id == n.id) r = detached;
    return r;
  };
  const mode_t writable = cfg_.read_only ? 0555 : 0755;
  st->st_ino = InoOf(n);
  switch (n.kind) {
    case Node::kRoot:
    case Node::kCollectionsTop:
    case Node::kTrashTop:
    case Node::kTrashCollectionsTop: dir(writable); return Status();
    case Node::kDir:
      if (!view().area(n.trash).HasDir(n.path)) return Status::NotFound("directory " + n.path);
      dir(writable);
      return Status();
    case Node::kCollection: {
      const CollectionRec* c = view().collection(n.id);
      if (!c) return Status::NotFound("collection id " + std::to_string(n.id));
      dir(0555);
      st->st_mtim = st->st_atim = c->mtime;
      st->st_ctim = c->ctime;
      return Status();
    }
    case Node::kFile: {
      const FileRec* r = record();
      if (!r) return Status::NotFound("artifact id " + std::to_string(n.id));
      bool can_write = !cfg_.read_only && r->state == kStateVisible && r->key_is_path;
      file(*r, can_write ? 0644 : 0444);
      return Status();
    }
    case Node::kMember: {
      const MemberRec* m = view().member(n.id);
      if (!m) return Status::NotFound("collection link id " + std::to_string(n.id));
      file(m->file, 0444);
      return Status();
    }
    case Node::kFolder: {
      if (n.path.empty()) {
        const FileRec* r = record();
        if (!r) return Status::NotFound("artifact id " + std::to_string(n.id));
        dir(0555);
        st->st_mtim = st->st_atim = r->mtime;
        st->st_ctim = r->ctime;
        return Status();
      }
      REGFS_ASSIGN_OR_RETURN(std::string path, view().FolderPath(n.id, n.path));
      struct stat under;
      if (lstat(path.c_str(), &under) != 0)
        return Status::FromErrno(errno, "folder entry " + n.path);
      if (S_ISDIR(under.st_mode)) {
        dir(0555);
      } else if (S_ISREG(under.st_mode)) {
        st->st_mode = S_IFREG | 0444;
        st->st_nlink = 1;
        st->st_size = under.st_size;
        st->st_blocks = under.st_blocks;
      } else {
        return Status::NotFound("folder entry " + n.path + " is neither a file nor a directory");
      }
      st->st_mtim = st->st_atim = under.st_mtim;
      st->st_ctim = under.st_ctim;
      return Status();
    }
    case Node::kPending: {
      auto p = pending_.Get(static_cast<uint64_t>(n.id));
      if (!p) return Status::NotFound("file being written");
      FileRec r;
      r.size = static_cast<int64_t>(p->size);
      r.mtime = r.ctime = p->mtime;
      file(r, 0644);
      return Status();
    }
  }
  return Status::NotFound("inode");
}

}  // namespace regfs
