// Inode numbers to nodes and back (Session::Resolve, InoOf, Forget).
#include "fs/inodes.h"
#include "fs/session/session.h"

namespace regfs {

Result<Node> Session::Resolve(uint64_t i) {
  Node n;
  switch (i) {
    case ino::kRoot: n.kind = Node::kRoot; return n;
    case ino::kArtifacts: n.kind = Node::kDir; return n;
    case ino::kCollections: n.kind = Node::kCollectionsTop; return n;
    case ino::kTrash: n.kind = Node::kTrashTop; return n;
    case ino::kTrashArtifacts:
      n.kind = Node::kDir;
      n.trash = true;
      return n;
    case ino::kTrashCollections: n.kind = Node::kTrashCollectionsTop; return n;
    default: break;
  }
  uint64_t low = ino::LowOf(i);
  switch (ino::TagOf(i)) {
    case ino::Tag::kArtifact:
    case ino::Tag::kTrashArtifact: {
      n.kind = Node::kFile;
      n.id = static_cast<int64_t>(low);
      n.trash = ino::TagOf(i) == ino::Tag::kTrashArtifact;
      {
        ReaderLock lk(&view().mu());
        // The area the inode was handed out for first. After a rename between the areas the
        // kernel keeps the inode it had, so the other area is the record's new place.
        const FileRec* r = view().area(n.trash).Rec(n.id);
        if (!r) {
          r = view().area(!n.trash).Rec(n.id);
          if (r) n.trash = !n.trash;
        }
        if (r) {
          if (r->is_folder) n.kind = Node::kFolder;
          return n;
        }
      }
      // Its directory is not loaded (say another process moved the record there).
      REGFS_ASSIGN_OR_RETURN(auto rec, view().LoadFileRec(n.id));
      if (!rec) return Status::NotFound("artifact id " + std::to_string(n.id) + " is not shown");
      n.trash = rec->state == kStateTrash;
      if (rec->is_folder) n.kind = Node::kFolder;
      return n;
    }
    case ino::Tag::kFileAlias: {
      auto id = inodes_.AliasRecord(i);
      if (!id) return Status::NotFound("inode " + std::to_string(i));
      // Served as the record's visible file inode.
      return Resolve(ino::FileIno(false, *id));
    }
    case ino::Tag::kCollection: {
      n.kind = Node::kCollection;
      n.id = static_cast<int64_t>(low);
      ReaderLock lk(&view().mu());
      const CollectionRec* c = view().collection(n.id);
      if (!c) return Status::NotFound("collection id " + std::to_string(n.id));
      n.trash = c->state == kStateTrash;
      return n;
    }
    case ino::Tag::kMember: {
      n.kind = Node::kMember;
      n.id = static_cast<int64_t>(low);
      ReaderLock lk(&view().mu());
      const MemberRec* m = view().member(n.id);
      if (!m) return Status::NotFound("collection link id " + std::to_string(n.id));
      n.artifact = m->file.id;
      return n;
    }
    case ino::Tag::kDir:
    case ino::Tag::kTrashDir: {
      auto d = inodes_.Dir(i);
      if (!d) return Status::NotFound("directory inode " + std::to_string(i));
      n.kind = Node::kDir;
      n.trash = d->trash;
      n.path = d->path;
      return n;
    }
    case ino::Tag::kFolderEntry: {
      auto f = inodes_.Folder(i);
      if (!f) return Status::NotFound("folder entry inode " + std::to_string(i));
      n.kind = Node::kFolder;
      n.id = f->artifact;
      n.path = f->path;
      return n;
    }
    case ino::Tag::kPending: {
      n.kind = Node::kPending;
      n.id = static_cast<int64_t>(low);
      auto p = pending_.Get(low);
      if (!p) return Status::NotFound("file being written " + std::to_string(low));
      if (p->unlinked && !p->committed_id)
        return Status::NotFound("file being written was removed or failed");
      if (p->committed_id) {
        // The write became a record: this inode now shows it.
        n.kind = Node::kFile;
        n.id = *p->committed_id;
      }
      return n;
    }
    default: break;
  }
  return Status::NotFound("inode " + std::to_string(i));
}

uint64_t Session::InoOf(const Node& n) {
  switch (n.kind) {
    case Node::kRoot: return ino::kRoot;
    case Node::kCollectionsTop: return ino::kCollections;
    case Node::kTrashTop: return ino::kTrash;
    case Node::kTrashCollectionsTop: return ino::kTrashCollections;
    case Node::kDir: return inodes_.DirIno(n.trash, n.path);
    case Node::kFile: return n.trash ? ino::FileIno(true, n.id) : inodes_.VisibleFileIno(n.id);
    case Node::kCollection: return ino::Make(ino::Tag::kCollection, n.id);
    case Node::kMember: return ino::Make(ino::Tag::kMember, n.id);
    case Node::kPending: return ino::Make(ino::Tag::kPending, n.id);
    case Node::kFolder:
      if (n.path.empty()) return ino::FileIno(n.trash, n.id);
      return inodes_.FolderEntryIno(n.id, n.path);
  }
  return 0;
}

void Session::Forget(uint64_t i, uint64_t n) {
  if (ino::TagOf(i) == ino::Tag::kPending)
    pending_.Forget(ino::LowOf(i));
  else
    inodes_.Forget(i, n);
}

}  // namespace regfs
