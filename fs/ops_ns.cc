// Namespace changes: what rm, rmdir, mkdir and mv mean for records (SPEC.md section 4).
//
//   rm artifacts/K            trash (or purge with -o notrash)
//   rm .trash/artifacts/K     purge
//   mv .trash/... artifacts/  restore (re-keyed when the name differs)
//   mv artifacts/A artifacts/B  re-key (a directory: all below it, one transaction)
//   rmdir collections/C       trash the collection; rmdir .trash/collections/C purges it
#include <linux/fs.h>

#include <cerrno>

#include "core/keys.h"
#include "fs/errno_map.h"
#include "fs/inodes.h"
#include "fs/log.h"
#include "fs/ops.h"

namespace regfs::ops {

namespace {

using Writer = WriterPool::Writer;
using KernelDid = ViewCache::KernelDid;

// After a collection changed state: its meta artifact may have changed state with it.
Status RefreshCollection(Session& s, Writer& w, int64_t collection_id,
                         std::optional<int64_t> meta) {
  if (!meta) {
    REGFS_ASSIGN_OR_RETURN(auto col, w->CollectionById(collection_id));
    if (col) meta = col->meta_artifact_id;
  }
  REGFS_RETURN_IF_ERROR(s.view().RefreshCollections(w));
  if (!meta) return Status();
  REGFS_ASSIGN_OR_RETURN(auto a, w->ArtifactById(*meta));
  std::vector<std::string> keys;
  if (a && a->key) keys.push_back(*a->key);
  return s.view().RefreshKeys(w, keys, {*meta});
}

std::optional<std::string> KeyOf(Session& s, int64_t id, bool trash) EXCLUDES(s.view().mu()) {
  ReaderLock lk(&s.view().mu());
  const FileRec* r = s.view().area(trash).Rec(id);
  if (!r || !r->key_is_path) return std::nullopt;
  return DisplayPath(*r);
}

std::string DescribeFile(Session& s, int64_t id, bool trash) EXCLUDES(s.view().mu()) {
  ReaderLock lk(&s.view().mu());
  const FileRec* r = s.view().area(trash).Rec(id);
  if (!r) return "artifact id " + std::to_string(id);
  return "uid " + r->uid + (r->key_is_path ? " (" + DisplayPath(*r) + ")" : "");
}

// Trash or purge one artifact and bring the view up to date. `in_trash`: where the name
// the user removed was (the record must still be in that state).
// A purge joins the open batch of purges (WriterPool "purge batches") and hands its file to
// the pool; `*delete_after` says the caller deletes it (DeleteCommittedFiles) once the
// request is answered.
Status RemoveFile(Session& s, int64_t id, bool purge, bool in_trash, const KernelDid* kernel_did,
                  bool* delete_after) {
  std::optional<std::string> key = KeyOf(s, id, false);
  if (!key) key = KeyOf(s, id, true);
  std::string what = DescribeFile(s, id, !KeyOf(s, id, false).has_value());
  Writer w(&s.writers(), purge ? WriterPool::Use::kBatch : WriterPool::Use::kAlone);
  std::vector<std::string> keys;
  if (key) keys.push_back(*key);
  // The view may be up to one poll behind another process: the name the user removed
  // must still hold the record in the state it showed, or nothing happens (ENOENT).
  Status st;
  if (purge) {
    PurgeOptions opts;
    opts.purge_real_keys = s.config().purge_real_keys;
    opts.expect_state = in_trash ? kStateTrash : kStateVisible;
    opts.caller_deletes = true;
    auto out = w->Purge(id, opts);
    if (out.ok() && out->kept_path)
      log::Info("purged " + what + "; real-key file kept at " + *out->kept_path);
    else if (out.ok())
      log::Info("purged " + what);
    if (out.ok() && out->to_delete) *delete_after = s.writers().QueuePurgedFile(*out);
    st = out.status().Annotate("purge " + what);
  } else {
    st = w->Trash(id);
    if (st.code() == Status::Code::kInvalid) st = Status::NotFound(st.message());
    st = st.Annotate("trash " + what);
  }
  Status refreshed = s.view().RefreshKeys(w, keys, {id}, st.ok() ? kernel_did : nullptr);
  REGFS_RETURN_IF_ERROR(st);
  return refreshed;
}

// Answers a request whose Do<Op> may have left a purged file to delete: the reply goes
// first, the file system work after it.
void ReplyThenDelete(fuse_req_t req, Session& s, const Status& st, bool delete_after,
                     const char* op) {
  if (!st.ok()) {
    ReplyError(req, st, op);
  } else {
    fuse_reply_err(req, 0);
  }
  if (delete_after) s.writers().DeleteCommittedFiles();
}

}  // namespace

Status DoUnlink(Session& s, fuse_ino_t parent, const std::string& name, bool* delete_after) {
  *delete_after = false;
  if (s.config().read_only) return Status::ReadOnly("the mount is read-only");
  REGFS_ASSIGN_OR_RETURN(Pair pc, ResolveChild(s, parent, name));
  const Node& c = pc.child;
  Node target = c;
  if (c.kind == Node::kPending) {
    // Under the writer: a save of this file (at its close) happens wholly before or after.
    Writer w(&s.writers());
    auto p = s.pending().Get(static_cast<uint64_t>(c.id));
    if (p && p->committed_id) {
      // Saved meanwhile: the name now shows that record, which goes like any other.
      target.kind = Node::kFile;
      target.id = *p->committed_id;
    } else {
      s.pending().Update(static_cast<uint64_t>(c.id), [](PendingFile& pf) { pf.unlinked = true; });
      return Status();
    }
  }
  switch (target.kind) {
    case Node::kMember: return Status::Permission(name + ": collection members cannot be removed");
    case Node::kFile: {
      bool purge = target.trash || s.config().notrash;
      // The kernel drops the name itself when unlink succeeds.
      KernelDid did{parent, name};
      return RemoveFile(s, target.id, purge, target.trash, &did, delete_after);
    }
    case Node::kFolder:
      return Status::Permission(name +
                                ": folder artifacts are read-only (rmdir the folder to trash it)");
    case Node::kDir:
    case Node::kCollection: return Status(Status::Code::kIsDir, name + " is a directory");
    default: return Status::Permission(name + " is part of the fixed tree");
  }
}

void Unlink(fuse_req_t req, fuse_ino_t parent, const char* name) {
  Session& s = SessionOf(req);
  bool delete_after = false;
  Status st = DoUnlink(s, parent, name, &delete_after);
  ReplyThenDelete(req, s, st, delete_after, "unlink");
}

Status DoRmdir(Session& s, fuse_ino_t parent, const std::string& name, bool* delete_after) {
  *delete_after = false;
  if (s.config().read_only) return Status::ReadOnly("the mount is read-only");
  // `rm -r` ends each directory with an rmdir: the purges it made are committed before it.
  s.writers().SettleBatch();
  auto pc = ResolveChild(s, parent, name);
  if (!pc.ok()) {
    // The kernel only sends rmdir for a directory it has seen. A key directory exists while
    // records are below it, so `rm -r` emptying it made it go already: that is success.
    auto p = s.Resolve(parent);
    if (pc.status().IsNotFound() && p.ok() && p->kind == Node::kDir) return Status();
    return pc.status();
  }
  const Node& c = pc->child;
  switch (c.kind) {
    case Node::kDir: {
      Status loaded = s.view().EnsureDir(c.trash, c.path);
      if (loaded.IsNotFound()) return Status();  // gone already
      REGFS_RETURN_IF_ERROR(loaded);
      WriterLock lk(&s.view().mu());
      AreaView& area = s.view().mutable_area(c.trash);
      if (c.path.empty()) {
        // artifacts/ itself (or .trash/artifacts/): fixed; "removing" an empty one succeeds so
        // that `rm -rf .trash/*` exits 0 once everything in it is purged.
        if (!area.DirEmpty("")) return Status::NotEmpty(name);
        if (!c.trash) return Status::Permission("artifacts/ is part of the fixed tree");
        return Status();
      }
      if (!area.RemoveDir(c.path)) return Status::NotEmpty(c.path);
      return Status();
    }
    case Node::kCollection: {
      Writer w(&s.writers());
      bool purge = c.trash || s.config().notrash;
      auto before = w->CollectionById(c.id);
      std::optional<int64_t> meta;
      if (before.ok() && *before) meta = (*before)->meta_artifact_id;
      Status st = purge ? w->PurgeCollection(c.id) : w->TrashCollection(c.id);
      REGFS_RETURN_IF_ERROR(st.Annotate("collection " + name));
      log::Info(std::string(purge ? "purged" : "trashed") + " collection " + name);
      Status r = RefreshCollection(s, w, c.id, meta);
      if (!r.ok()) log::Error("refresh collections: " + r.ToString());
      return Status();
    }
    case Node::kFolder: {
      if (!c.path.empty()) return Status::Permission(c.path + ": folder artifacts are read-only");
      // rmdir of a folder artifact trashes it (purges it in .trash), like rm of a file.
      KernelDid did{parent, name};
      return RemoveFile(s, c.id, c.trash || s.config().notrash, c.trash, &did, delete_after);
    }
    case Node::kTrashCollectionsTop: {
      ReaderLock lk(&s.view().mu());
      if (!s.view().collections(true).empty()) return Status::NotEmpty(name);
      return Status();
    }
    case Node::kFile:
    case Node::kMember:
    case Node::kPending: return Status(Status::Code::kNotDir, name + " is a file");
    default: return Status::Permission(name + " is part of the fixed tree");
  }
}

void Rmdir(fuse_req_t req, fuse_ino_t parent, const char* name) {
  Session& s = SessionOf(req);
  bool delete_after = false;
  Status st = DoRmdir(s, parent, name, &delete_after);
  ReplyThenDelete(req, s, st, delete_after, "rmdir");
}

Status DoMkdir(Session& s, fuse_ino_t parent, const std::string& name, fuse_entry_param* e) {
  if (s.config().read_only) return Status::ReadOnly("the mount is read-only");
  REGFS_ASSIGN_OR_RETURN(Node p, s.Resolve(parent));
  if (p.kind != Node::kDir || p.trash)
    return Status::Permission(name + ": directories can only be made under artifacts/");
  REGFS_RETURN_IF_ERROR(s.view().EnsureDir(false, p.path));
  std::string path = Join(p.path, name);
  REGFS_RETURN_IF_ERROR(ValidateKey(path + "/x"));
  {
    WriterLock lk(&s.view().mu());
    if (s.pending().At(p.path, name) || !s.view().mutable_area(false).MakeDir(path))
      return Status::Exists(path);
  }
  Node n;
  n.kind = Node::kDir;
  n.path = path;
  ReaderLock lk(&s.view().mu());
  return MakeEntry(s, n, e);
}

void Mkdir(fuse_req_t req, fuse_ino_t parent, const char* name, mode_t) {
  fuse_entry_param e;
  Status st = DoMkdir(SessionOf(req), parent, name, &e);
  if (!st.ok()) return ReplyError(req, st, "mkdir");
  fuse_reply_entry(req, &e);
}

namespace {

// Restores one trashed record as `dst_key`, in one transaction of the registry: records of
// other version families shown at the key are displaced to the trash (nothing is lost);
// versions of the record's own family stay (restoring a newer version takes the latest
// back). The record must still be in the trash (another process may have restored it since
// the view was read): else kNotFound and nothing changes.
Status RestoreOne(Session& s, Writer& w, int64_t id, const std::string& dst_key,
                  const std::string& what) {
  RestoreOptions opts;
  opts.new_key = dst_key;
  opts.displace = true;
  opts.expect_state = kStateTrash;
  Status restored = w->Restore(id, opts);
  if (restored.IsNotFound()) {
    Status refreshed = s.view().RefreshKeys(w, {dst_key}, {id});
    if (!refreshed.ok()) log::Error("refresh: " + refreshed.ToString());
    return Status::NotFound("restore " + what + ": no longer in the trash");
  }
  REGFS_RETURN_IF_ERROR(restored.Annotate("restore " + what));
  log::Info("restored " + what + " as " + dst_key);
  return Status();
}

// rename(2) of a resolved source with the record semantics.
Status RenameResolved(Session& s, const Pair& src, const KernelDid& src_name,
                      const Node& dst_parent, const std::string& dst_name, unsigned int flags) {
  Node c = src.child;
  if (flags & RENAME_EXCHANGE) return Status::Invalid("RENAME_EXCHANGE is not supported");
  if (c.kind == Node::kFolder) {
    if (!c.path.empty()) return Status::Permission("folder artifacts are read-only");
    c.kind = Node::kFile;  // the folder artifact itself moves like a file record
  }
  const bool noreplace = flags & RENAME_NOREPLACE;
  if (c.kind == Node::kMember) return Status::Permission("collection members cannot be moved");

  // Collections: only out of .trash (restore, optionally with a new name).
  if (c.kind == Node::kCollection) {
    if (!c.trash || dst_parent.kind != Node::kCollectionsTop)
      return Status::Permission("collections can only be moved out of .trash/collections/");
    std::optional<std::string> new_name;
    {
      ReaderLock lk(&s.view().mu());
      for (const auto& col : s.view().collections(true))
        if (col.id == c.id && col.name != dst_name) new_name = dst_name;
      if (CollectionNames(s.view().collections(false), false).count(dst_name))
        return Status::Exists("collections/" + dst_name);
    }
    Writer w(&s.writers());
    REGFS_RETURN_IF_ERROR(w->RestoreCollection(c.id, new_name));
    log::Info("restored collection " + dst_name);
    return RefreshCollection(s, w, c.id, std::nullopt);
  }

  if (dst_parent.kind != Node::kDir)
    return Status::Permission("records can only be moved into artifacts/");
  if (dst_parent.trash) return Status::Permission("nothing can be moved into .trash (use rm)");
  if (c.kind != Node::kFile && c.kind != Node::kDir && c.kind != Node::kPending)
    return Status::Permission("part of the fixed tree");

  std::string dst_key = Join(dst_parent.path, dst_name);
  REGFS_RETURN_IF_ERROR(ValidateKey(dst_key));
  REGFS_RETURN_IF_ERROR(s.view().EnsureDir(false, dst_parent.path));
  std::optional<AreaView::Child> existing;
  {
    ReaderLock lk(&s.view().mu());
    existing = s.view().area(false).Lookup(dst_parent.path, dst_name);
  }
  if (existing && noreplace) return Status::Exists("artifacts/" + dst_key);

  // A file still being written: only its future key changes. Under the writer, so that its
  // save happens wholly before (then the record moves) or after (under the new key).
  if (c.kind == Node::kPending) {
    if (existing && existing->is_dir) return Status(Status::Code::kIsDir, dst_key);
    std::optional<int64_t> saved;
    {
      Writer w(&s.writers());
      auto p = s.pending().Get(static_cast<uint64_t>(c.id));
      if (p && p->committed_id) {
        saved = p->committed_id;
      } else {
        std::string dir = dst_parent.path;
        std::string name = dst_name;
        s.pending().Update(static_cast<uint64_t>(c.id), [&](PendingFile& pf) {
          pf.dir = dir;
          pf.name = name;
        });
        return Status();
      }
    }
    c.kind = Node::kFile;
    c.id = *saved;
  }

  if (c.kind == Node::kFile) {
    if (existing && existing->is_dir) return Status(Status::Code::kIsDir, "artifacts/" + dst_key);
    // Renaming a visible record onto its own name changes nothing. (A restore always goes
    // through RestoreOne, which checks that the record is still in the trash.)
    if (!c.trash && existing && !existing->is_dir && existing->id == c.id) return Status();
    std::optional<std::string> old_key = KeyOf(s, c.id, c.trash);
    std::string what = DescribeFile(s, c.id, c.trash);
    Writer w(&s.writers());
    if (c.trash) {
      REGFS_RETURN_IF_ERROR(RestoreOne(s, w, c.id, dst_key, what));
    } else {
      REGFS_RETURN_IF_ERROR(w->Rekey(c.id, dst_key, /*replace=*/true).Annotate("re-key " + what));
      log::Info("re-keyed " + what + " to " + dst_key);
    }
    std::vector<std::string> keys{dst_key};
    if (old_key) keys.push_back(*old_key);
    // The kernel moves the source name itself when rename succeeds.
    return s.view().RefreshKeys(w, keys, {c.id}, &src_name);
  }

  // A directory.
  if (existing && !existing->is_dir) return Status(Status::Code::kNotDir, "artifacts/" + dst_key);
  if (existing) {
    REGFS_RETURN_IF_ERROR(s.view().EnsureDir(false, dst_key));
    ReaderLock lk(&s.view().mu());
    if (!s.view().area(false).DirEmpty(dst_key)) return Status::NotEmpty("artifacts/" + dst_key);
  }
  if (!c.trash && (dst_key == c.path || dst_key.rfind(c.path + "/", 0) == 0))
    return Status::Invalid("cannot move a directory into itself");
  Writer w(&s.writers());
  if (c.trash) {
    // Restore every record below the directory under the new directory, in one transaction
    // (keys that are no safe path stay where they are: a rename cannot move them to a safe
    // place). Records another process restored or purged meanwhile are no longer there.
    auto done = w->RestoreDir(c.path, dst_key);
    if (!done.ok()) {
      s.view().RefreshTree(true, c.path);
      s.view().RefreshTree(false, dst_key);
      return done.status();
    }
    int restored = *done;
    log::Info("restored " + std::to_string(restored) + " record(s) from .trash/artifacts/" +
              c.path + " to artifacts/" + dst_key);
  } else {
    REGFS_RETURN_IF_ERROR(w->RekeyDir(c.path, dst_key, kStateVisible).Annotate("move " + c.path));
    log::Info("moved directory " + c.path + " to " + dst_key);
  }
  {
    WriterLock lk(&s.view().mu());
    if (existing) s.view().mutable_area(false).RemoveDir(dst_key);
    // The source directory went with its records: its kept marks move or go too.
    if (!c.trash)
      s.view().mutable_area(false).MoveUserDirs(c.path, dst_key);
    else
      s.view().mutable_area(true).DropUserDirs(c.path);
  }
  // Both places are listed again when next used; the kernel moved its own names along.
  s.view().RefreshTree(c.trash, c.path);
  s.view().RefreshTree(false, dst_key);
  s.inodes().RetargetDirs(c.trash, c.path, dst_key);
  return Status();
}

}  // namespace

Status DoRename(Session& s, fuse_ino_t parent, const std::string& name, fuse_ino_t newparent,
                const std::string& newname, unsigned int flags) {
  if (s.config().read_only) return Status::ReadOnly("the mount is read-only");
  REGFS_ASSIGN_OR_RETURN(Pair pc, ResolveChild(s, parent, name));
  REGFS_ASSIGN_OR_RETURN(Node dp, s.Resolve(newparent));
  return RenameResolved(s, pc, KernelDid{parent, name}, dp, newname, flags)
      .Annotate(name + " -> " + newname);
}

void Rename(fuse_req_t req, fuse_ino_t parent, const char* name, fuse_ino_t newparent,
            const char* newname, unsigned int flags) {
  Status st = DoRename(SessionOf(req), parent, name, newparent, newname, flags);
  if (!st.ok()) return ReplyError(req, st, "rename");
  fuse_reply_err(req, 0);
}

void Refused(fuse_req_t req, const char* op) {
  Refuse(req, EPERM, op, "links, symlinks and device nodes are not supported");
}

}  // namespace regfs::ops
