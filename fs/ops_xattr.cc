// Extended attributes: the record's metadata as user.regfs.* (read-only except the
// description).
#include <cerrno>
#include <cstring>

#include "fs/errno_map.h"
#include "fs/log.h"
#include "fs/ops.h"

namespace regfs::ops {

namespace {

constexpr const char* kPrefix = "user.regfs.";
const char* const kNames[] = {"uid", "hash",        "hash_type",  "version",
                              "key", "description", "created_at", "updated_at"};

std::optional<std::string> Field(const Artifact& a, const std::string& f) {
  if (f == "uid") return a.uid;
  if (f == "hash") return a.hash;
  if (f == "hash_type") return a.hash_type;
  if (f == "version") return a.version;
  if (f == "key") return a.key;
  if (f == "description") return a.description;
  if (f == "created_at") return a.created_at;
  if (f == "updated_at") return a.updated_at;
  return std::nullopt;
}

// The artifact behind a file-like node (files and collection members).
Result<Artifact> ArtifactOf(Session& s, fuse_ino_t ino) {
  REGFS_ASSIGN_OR_RETURN(Node n, s.Resolve(ino));
  int64_t id;
  if (n.kind == Node::kFile || (n.kind == Node::kFolder && n.path.empty()))
    id = n.id;
  else if (n.kind == Node::kMember)
    id = n.artifact;
  else
    return Status(Status::Code::kNotFound, "no regfs attributes on this node");
  REGFS_ASSIGN_OR_RETURN(auto a, s.LoadArtifact(id));
  if (!a) return Status::NotFound("artifact id " + std::to_string(id));
  return *a;
}

void ReplyValue(fuse_req_t req, const std::string& value, size_t size) {
  if (size == 0) return (void)fuse_reply_xattr(req, value.size());
  if (size < value.size()) return (void)fuse_reply_err(req, ERANGE);
  fuse_reply_buf(req, value.data(), value.size());
}

}  // namespace

void GetXattr(fuse_req_t req, fuse_ino_t ino, const char* name, size_t size) {
  Session& s = SessionOf(req);
  std::string n(name);
  // Only the user namespace exists here: no ACLs, no security labels, no capabilities.
  // Saying so (rather than "no such attribute") lets tools stop asking: `ls -l` asks for
  // security.selinux and system.posix_acl_access on every file until it sees EOPNOTSUPP
  // once for the filesystem.
  if (n.rfind("user.", 0) != 0) return (void)fuse_reply_err(req, EOPNOTSUPP);
  if (n.rfind(kPrefix, 0) != 0) return (void)fuse_reply_err(req, ENODATA);
  auto a = ArtifactOf(s, ino);
  if (!a.ok()) return (void)fuse_reply_err(req, ENODATA);
  auto v = Field(*a, n.substr(strlen(kPrefix)));
  if (!v) return (void)fuse_reply_err(req, ENODATA);
  ReplyValue(req, *v, size);
}

void ListXattr(fuse_req_t req, fuse_ino_t ino, size_t size) {
  Session& s = SessionOf(req);
  auto a = ArtifactOf(s, ino);
  std::string list;
  if (a.ok()) {
    for (const char* f : kNames) {
      if (!Field(*a, f)) continue;  // NULL columns have no attribute
      list += kPrefix;
      list += f;
      list.push_back('\0');
    }
  }
  ReplyValue(req, list, size);
}

void SetXattr(fuse_req_t req, fuse_ino_t ino, const char* name, const char* value, size_t size,
              int) {
  Session& s = SessionOf(req);
  std::string n(name);
  if (n != std::string(kPrefix) + "description") {
    if (n.rfind(kPrefix, 0) == 0)
      return Refuse(req, EPERM, "setxattr", n + " is read-only (only description can be set)");
    return (void)fuse_reply_err(req, ENOTSUP);
  }
  if (s.config().read_only) return Refuse(req, EROFS, "setxattr", "the mount is read-only");
  auto node = s.Resolve(ino);
  if (!node.ok()) return ReplyError(req, node.status(), "setxattr");
  if (node->kind != Node::kFile || node->trash)
    return Refuse(req, EPERM, "setxattr", "description can be set on visible artifacts only");
  auto w = s.AcquireWriter();
  if (!w.ok()) return ReplyError(req, w.status(), "setxattr");
  Status st = (*w)->SetDescription(node->id, std::string(value, size));
  if (!st.ok()) return ReplyError(req, st, "setxattr");
  Status r = s.RefreshKeys(**w, {}, {node->id});
  if (!r.ok()) log::Error("refresh after setxattr: " + r.ToString());
  fuse_reply_err(req, 0);
}

void RemoveXattr(fuse_req_t req, fuse_ino_t, const char* name) {
  std::string n(name);
  if (n.rfind(kPrefix, 0) == 0) return Refuse(req, EPERM, "removexattr", n + " is read-only");
  fuse_reply_err(req, ENODATA);
}

}  // namespace regfs::ops
