// Namespace changes: what rm, rmdir, mkdir and mv mean for records (SPEC.md section 4).
//
//   rm artifacts/K            trash (or purge with -o notrash)
//   rm .trash/artifacts/K     purge
//   mv .trash/... artifacts/  restore (re-keyed when the name differs)
//   mv artifacts/A artifacts/B  re-key (a directory: all below it, one transaction)
//   rmdir collections/C       trash the collection; rmdir .trash/collections/C purges it
#include <linux/fs.h>

#include <cerrno>
#include <mutex>
#include <shared_mutex>

#include "core/keys.h"
#include "fs/errno_map.h"
#include "fs/inodes.h"
#include "fs/log.h"
#include "fs/ops.h"

namespace regfs::ops {

namespace {

// After a collection changed state: its meta artifact may have changed state with it.
Status RefreshCollection(Session& s, Registry& reg, int64_t collection_id,
                         std::optional<int64_t> meta) {
  if (!meta) {
    REGFS_ASSIGN_OR_RETURN(auto col, reg.CollectionById(collection_id));
    if (col) meta = col->meta_artifact_id;
  }
  REGFS_RETURN_IF_ERROR(s.RefreshCollections(reg));
  if (!meta) return Status();
  REGFS_ASSIGN_OR_RETURN(auto a, reg.ArtifactById(*meta));
  std::vector<std::string> keys;
  if (a && a->key) keys.push_back(*a->key);
  return s.RefreshKeys(reg, keys, {*meta});
}

// Resolves (parent inode, name) to the parent's and the child's nodes.
struct Pair {
  Node parent;
  Node child;
};

Result<Pair> ResolveChild(Session& s, fuse_ino_t parent, const std::string& name) {
  REGFS_ASSIGN_OR_RETURN(Node p, s.Resolve(parent));
  REGFS_RETURN_IF_ERROR(LoadFor(s, p));
  std::shared_lock<std::shared_mutex> lk(s.view_mu());
  REGFS_ASSIGN_OR_RETURN(Node c, LookupChild(s, p, name));
  return Pair{p, c};
}

std::optional<std::string> KeyOf(Session& s, int64_t id, bool trash) {
  std::shared_lock<std::shared_mutex> lk(s.view_mu());
  const FileRec* r = s.area(trash).Rec(id);
  if (!r || !r->key_is_path) return std::nullopt;
  return DisplayPath(*r);
}

std::string DescribeFile(Session& s, int64_t id, bool trash) {
  std::shared_lock<std::shared_mutex> lk(s.view_mu());
  const FileRec* r = s.area(trash).Rec(id);
  if (!r) return "artifact id " + std::to_string(id);
  return "uid " + r->uid + (r->key_is_path ? " (" + DisplayPath(*r) + ")" : "");
}

// Trash or purge one artifact and bring the view up to date. `in_trash`: where the name
// the user removed was (the record must still be in that state).
// A purge joins the open batch of purges (Session "purge batches") and hands its file to
// the session; `*delete_after` says the caller deletes it (DeleteCommittedFiles) once the
// request is answered.
Status RemoveFile(Session& s, int64_t id, bool purge, bool in_trash,
                  const Session::KernelDid* kernel_did, bool* delete_after) {
  std::optional<std::string> key = KeyOf(s, id, false);
  if (!key) key = KeyOf(s, id, true);
  std::string what = DescribeFile(s, id, !KeyOf(s, id, false).has_value());
  REGFS_ASSIGN_OR_RETURN(
      auto w, s.AcquireWriter(purge ? Session::WriterUse::kBatch : Session::WriterUse::kAlone));
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
    if (out.ok() && out->to_delete) *delete_after = s.QueuePurgedFile(*out);
    st = out.status().Annotate("purge " + what);
  } else {
    st = w->Trash(id);
    if (st.code() == Status::Code::kInvalid) st = Status::NotFound(st.message());
    st = st.Annotate("trash " + what);
  }
  Status refreshed = s.RefreshKeys(*w, keys, {id}, st.ok() ? kernel_did : nullptr);
  REGFS_RETURN_IF_ERROR(st);
  return refreshed;
}

}  // namespace

void Unlink(fuse_req_t req, fuse_ino_t parent, const char* name) {
  Session& s = SessionOf(req);
  if (s.config().read_only) return Refuse(req, EROFS, "unlink", "the mount is read-only");
  auto pc = ResolveChild(s, parent, name);
  if (!pc.ok()) return ReplyError(req, pc.status(), "unlink");
  const Node& c = pc->child;
  Node target = c;
  if (c.kind == Node::kPending) {
    // Under the writer: a save of this file (at its close) happens wholly before or after.
    auto w = s.AcquireWriter();
    if (!w.ok()) return ReplyError(req, w.status(), "unlink");
    auto p = s.Pending(static_cast<uint64_t>(c.id));
    if (p && p->committed_id) {
      // Saved meanwhile: the name now shows that record, which goes like any other.
      target.kind = Node::kFile;
      target.id = *p->committed_id;
    } else {
      s.UpdatePending(static_cast<uint64_t>(c.id), [](PendingFile& pf) { pf.unlinked = true; });
      return (void)fuse_reply_err(req, 0);
    }
  }
  switch (target.kind) {
    case Node::kMember:
      return Refuse(req, EPERM, "unlink",
                    std::string(name) + ": collection members cannot be removed");
    case Node::kFile: {
      bool purge = target.trash || s.config().notrash;
      // The kernel drops the name itself when unlink succeeds.
      Session::KernelDid did{parent, name};
      bool delete_after = false;
      Status st = RemoveFile(s, target.id, purge, target.trash, &did, &delete_after);
      if (!st.ok()) return ReplyError(req, st, "unlink");
      fuse_reply_err(req, 0);
      if (delete_after) s.DeleteCommittedFiles();
      return;
    }
    case Node::kFolder:
      return Refuse(
          req, EPERM, "unlink",
          std::string(name) + ": folder artifacts are read-only (rmdir the folder to trash it)");
    case Node::kDir:
    case Node::kCollection:
      return Refuse(req, EISDIR, "unlink", std::string(name) + " is a directory");
    default: return Refuse(req, EPERM, "unlink", std::string(name) + " is part of the fixed tree");
  }
}

void Rmdir(fuse_req_t req, fuse_ino_t parent, const char* name) {
  Session& s = SessionOf(req);
  if (s.config().read_only) return Refuse(req, EROFS, "rmdir", "the mount is read-only");
  // `rm -r` ends each directory with an rmdir: the purges it made are committed before it.
  s.SettleBatch();
  auto pc = ResolveChild(s, parent, name);
  if (!pc.ok()) {
    // The kernel only sends rmdir for a directory it has seen. A key directory exists while
    // records are below it, so `rm -r` emptying it made it go already: that is success.
    auto p = s.Resolve(parent);
    if (pc.status().IsNotFound() && p.ok() && p->kind == Node::kDir)
      return (void)fuse_reply_err(req, 0);
    return ReplyError(req, pc.status(), "rmdir");
  }
  const Node& c = pc->child;
  switch (c.kind) {
    case Node::kDir: {
      Status loaded = s.EnsureDir(c.trash, c.path);
      if (loaded.IsNotFound()) return (void)fuse_reply_err(req, 0);  // gone already
      if (!loaded.ok()) return ReplyError(req, loaded, "rmdir");
      std::unique_lock<std::shared_mutex> lk(s.view_mu());
      if (c.path.empty()) {
        // artifacts/ itself (or .trash/artifacts/): fixed; "removing" an empty one succeeds so
        // that `rm -rf .trash/*` exits 0 once everything in it is purged.
        if (!s.area(c.trash).DirEmpty("")) return Refuse(req, ENOTEMPTY, "rmdir", name);
        if (!c.trash) return Refuse(req, EPERM, "rmdir", "artifacts/ is part of the fixed tree");
        return (void)fuse_reply_err(req, 0);
      }
      if (!s.area(c.trash).RemoveDir(c.path)) return Refuse(req, ENOTEMPTY, "rmdir", c.path);
      return (void)fuse_reply_err(req, 0);
    }
    case Node::kCollection: {
      auto w = s.AcquireWriter();
      if (!w.ok()) return ReplyError(req, w.status(), "rmdir");
      bool purge = c.trash || s.config().notrash;
      auto before = (*w)->CollectionById(c.id);
      std::optional<int64_t> meta;
      if (before.ok() && *before) meta = (*before)->meta_artifact_id;
      Status st = purge ? (*w)->PurgeCollection(c.id) : (*w)->TrashCollection(c.id);
      if (!st.ok()) return ReplyError(req, st.Annotate(std::string("collection ") + name), "rmdir");
      log::Info(std::string(purge ? "purged" : "trashed") + " collection " + name);
      Status r = RefreshCollection(s, **w, c.id, meta);
      if (!r.ok()) log::Error("refresh collections: " + r.ToString());
      return (void)fuse_reply_err(req, 0);
    }
    case Node::kFolder: {
      if (!c.path.empty())
        return Refuse(req, EPERM, "rmdir", c.path + ": folder artifacts are read-only");
      // rmdir of a folder artifact trashes it (purges it in .trash), like rm of a file.
      Session::KernelDid did{parent, name};
      bool delete_after = false;
      Status st = RemoveFile(s, c.id, c.trash || s.config().notrash, c.trash, &did, &delete_after);
      if (!st.ok()) return ReplyError(req, st, "rmdir");
      fuse_reply_err(req, 0);
      if (delete_after) s.DeleteCommittedFiles();
      return;
    }
    case Node::kTrashCollectionsTop: {
      std::shared_lock<std::shared_mutex> lk(s.view_mu());
      if (!s.collections(true).empty()) return Refuse(req, ENOTEMPTY, "rmdir", name);
      return (void)fuse_reply_err(req, 0);
    }
    case Node::kFile:
    case Node::kMember:
    case Node::kPending: return Refuse(req, ENOTDIR, "rmdir", std::string(name) + " is a file");
    default: return Refuse(req, EPERM, "rmdir", std::string(name) + " is part of the fixed tree");
  }
}

void Mkdir(fuse_req_t req, fuse_ino_t parent, const char* name, mode_t) {
  Session& s = SessionOf(req);
  if (s.config().read_only) return Refuse(req, EROFS, "mkdir", "the mount is read-only");
  auto p = s.Resolve(parent);
  if (!p.ok()) return ReplyError(req, p.status(), "mkdir");
  if (p->kind != Node::kDir || p->trash)
    return Refuse(req, EPERM, "mkdir",
                  std::string(name) + ": directories can only be made under artifacts/");
  Status loaded = s.EnsureDir(false, p->path);
  if (!loaded.ok()) return ReplyError(req, loaded, "mkdir");
  std::string path = Join(p->path, name);
  Status valid = ValidateKey(path + "/x");
  if (!valid.ok()) return ReplyError(req, valid, "mkdir");
  fuse_entry_param e;
  {
    std::unique_lock<std::shared_mutex> lk(s.view_mu());
    if (s.PendingAt(p->path, name) || !s.area(false).MakeDir(path))
      return Refuse(req, EEXIST, "mkdir", path);
  }
  Node n;
  n.kind = Node::kDir;
  n.path = path;
  std::shared_lock<std::shared_mutex> lk(s.view_mu());
  Status st = MakeEntry(s, n, &e);
  if (!st.ok()) return ReplyError(req, st, "mkdir");
  fuse_reply_entry(req, &e);
}

namespace {

// Restores one trashed record as `dst_key`, in one transaction of the registry: records of
// other version families shown at the key are displaced to the trash (nothing is lost);
// versions of the record's own family stay (restoring a newer version takes the latest
// back). The record must still be in the trash (another process may have restored it since
// the view was read): else kNotFound and nothing changes.
Status RestoreOne(Session& s, Registry& w, int64_t id, const std::string& dst_key,
                  const std::string& what) {
  RestoreOptions opts;
  opts.new_key = dst_key;
  opts.displace = true;
  opts.expect_state = kStateTrash;
  Status restored = w.Restore(id, opts);
  if (restored.IsNotFound()) {
    Status refreshed = s.RefreshKeys(w, {dst_key}, {id});
    if (!refreshed.ok()) log::Error("refresh: " + refreshed.ToString());
    return Status::NotFound("restore " + what + ": no longer in the trash");
  }
  REGFS_RETURN_IF_ERROR(restored.Annotate("restore " + what));
  log::Info("restored " + what + " as " + dst_key);
  return Status();
}

// rename(2) with the record semantics. Returns the status to reply with.
Status DoRename(Session& s, const Pair& src, const Session::KernelDid& src_name,
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
      std::shared_lock<std::shared_mutex> lk(s.view_mu());
      for (const auto& col : s.collections(true))
        if (col.id == c.id && col.name != dst_name) new_name = dst_name;
      if (CollectionNames(s.collections(false), false).count(dst_name))
        return Status::Exists("collections/" + dst_name);
    }
    REGFS_ASSIGN_OR_RETURN(auto w, s.AcquireWriter());
    REGFS_RETURN_IF_ERROR(w->RestoreCollection(c.id, new_name));
    log::Info("restored collection " + dst_name);
    return RefreshCollection(s, *w, c.id, std::nullopt);
  }

  if (dst_parent.kind != Node::kDir)
    return Status::Permission("records can only be moved into artifacts/");
  if (dst_parent.trash) return Status::Permission("nothing can be moved into .trash (use rm)");
  if (c.kind != Node::kFile && c.kind != Node::kDir && c.kind != Node::kPending)
    return Status::Permission("part of the fixed tree");

  std::string dst_key = Join(dst_parent.path, dst_name);
  REGFS_RETURN_IF_ERROR(ValidateKey(dst_key));
  REGFS_RETURN_IF_ERROR(s.EnsureDir(false, dst_parent.path));
  std::optional<AreaView::Child> existing;
  {
    std::shared_lock<std::shared_mutex> lk(s.view_mu());
    existing = s.area(false).Lookup(dst_parent.path, dst_name);
  }
  if (existing && noreplace) return Status::Exists("artifacts/" + dst_key);

  // A file still being written: only its future key changes. Under the writer, so that its
  // save happens wholly before (then the record moves) or after (under the new key).
  if (c.kind == Node::kPending) {
    if (existing && existing->is_dir) return Status(Status::Code::kIsDir, dst_key);
    std::optional<int64_t> saved;
    {
      REGFS_ASSIGN_OR_RETURN(auto w, s.AcquireWriter());
      auto p = s.Pending(static_cast<uint64_t>(c.id));
      if (p && p->committed_id) {
        saved = p->committed_id;
      } else {
        std::string dir = dst_parent.path;
        std::string name = dst_name;
        s.UpdatePending(static_cast<uint64_t>(c.id), [&](PendingFile& pf) {
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
    REGFS_ASSIGN_OR_RETURN(auto w, s.AcquireWriter());
    if (c.trash) {
      REGFS_RETURN_IF_ERROR(RestoreOne(s, *w, c.id, dst_key, what));
    } else {
      REGFS_RETURN_IF_ERROR(w->Rekey(c.id, dst_key, /*replace=*/true).Annotate("re-key " + what));
      log::Info("re-keyed " + what + " to " + dst_key);
    }
    std::vector<std::string> keys{dst_key};
    if (old_key) keys.push_back(*old_key);
    // The kernel moves the source name itself when rename succeeds.
    return s.RefreshKeys(*w, keys, {c.id}, &src_name);
  }

  // A directory.
  if (existing && !existing->is_dir) return Status(Status::Code::kNotDir, "artifacts/" + dst_key);
  if (existing) {
    REGFS_RETURN_IF_ERROR(s.EnsureDir(false, dst_key));
    std::shared_lock<std::shared_mutex> lk(s.view_mu());
    if (!s.area(false).DirEmpty(dst_key)) return Status::NotEmpty("artifacts/" + dst_key);
  }
  if (!c.trash && (dst_key == c.path || dst_key.rfind(c.path + "/", 0) == 0))
    return Status::Invalid("cannot move a directory into itself");
  REGFS_ASSIGN_OR_RETURN(auto w, s.AcquireWriter());
  if (c.trash) {
    // Restore every record below the directory under the new directory, in one transaction
    // (keys that are no safe path stay where they are: a rename cannot move them to a safe
    // place). Records another process restored or purged meanwhile are no longer there.
    auto done = w->RestoreDir(c.path, dst_key);
    if (!done.ok()) {
      s.RefreshTree(true, c.path);
      s.RefreshTree(false, dst_key);
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
    std::unique_lock<std::shared_mutex> lk(s.view_mu());
    if (existing) s.area(false).RemoveDir(dst_key);
    // The source directory went with its records: its kept marks move or go too.
    if (!c.trash)
      s.area(false).MoveUserDirs(c.path, dst_key);
    else
      s.area(true).DropUserDirs(c.path);
  }
  // Both places are listed again when next used; the kernel moved its own names along.
  s.RefreshTree(c.trash, c.path);
  s.RefreshTree(false, dst_key);
  s.RetargetDirs(c.trash, c.path, dst_key);
  return Status();
}

}  // namespace

void Rename(fuse_req_t req, fuse_ino_t parent, const char* name, fuse_ino_t newparent,
            const char* newname, unsigned int flags) {
  Session& s = SessionOf(req);
  if (s.config().read_only) return Refuse(req, EROFS, "rename", "the mount is read-only");
  auto pc = ResolveChild(s, parent, name);
  if (!pc.ok()) return ReplyError(req, pc.status(), "rename");
  auto dp = s.Resolve(newparent);
  if (!dp.ok()) return ReplyError(req, dp.status(), "rename");
  Status st = DoRename(s, *pc, Session::KernelDid{parent, name}, *dp, newname, flags);
  if (!st.ok()) return ReplyError(req, st.Annotate(std::string(name) + " -> " + newname), "rename");
  fuse_reply_err(req, 0);
}

void Refused(fuse_req_t req, const char* op) {
  Refuse(req, EPERM, op, "links, symlinks and device nodes are not supported");
}

}  // namespace regfs::ops
