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
  REGFS_ASSIGN_OR_RETURN(auto a, s.view().LoadArtifact(id));
  if (!a) return Status::NotFound("artifact id " + std::to_string(id));
  return *a;
}

void ReplyValue(fuse_req_t req, const std::string& value, size_t size) {
  if (size == 0) return (void)fuse_reply_xattr(req, value.size());
  if (size < value.size()) return (void)fuse_reply_err(req, ERANGE);
  fuse_reply_buf(req, value.data(), value.size());
}

}  // namespace

Status DoGetXattr(Session& s, fuse_ino_t ino, const std::string& name, std::string* value) {
  if (name.rfind(kPrefix, 0) != 0) return Status::NotFound(name);
  REGFS_ASSIGN_OR_RETURN(Artifact a, ArtifactOf(s, ino));
  auto v = Field(a, name.substr(strlen(kPrefix)));
  if (!v) return Status::NotFound(name);
  *value = std::move(*v);
  return Status();
}

Status DoListXattr(Session& s, fuse_ino_t ino, std::string* list) {
  list->clear();
  REGFS_ASSIGN_OR_RETURN(Artifact a, ArtifactOf(s, ino));
  for (const char* f : kNames) {
    if (!Field(a, f)) continue;  // NULL columns have no attribute
    *list += kPrefix;
    *list += f;
    list->push_back('\0');
  }
  return Status();
}

Status DoSetXattr(Session& s, fuse_ino_t ino, const std::string& name, const std::string& value) {
  if (name != std::string(kPrefix) + "description")
    return Status::Permission(name + " is read-only (only description can be set)");
  if (s.config().read_only) return Status::ReadOnly("the mount is read-only");
  REGFS_ASSIGN_OR_RETURN(Node node, s.Resolve(ino));
  if (node.kind != Node::kFile || node.trash)
    return Status::Permission("description can be set on visible artifacts only");
  WriterPool::Writer w(&s.writers());
  REGFS_RETURN_IF_ERROR(w->SetDescription(node.id, value));
  Status r = s.view().RefreshKeys(w, {}, {node.id});
  if (!r.ok()) log::Error("refresh after setxattr: " + r.ToString());
  return Status();
}

void GetXattr(fuse_req_t req, fuse_ino_t ino, const char* name, size_t size) {
  std::string n(name);
  // Only the user namespace exists here: no ACLs, no security labels, no capabilities.
  // Saying so (rather than "no such attribute") lets tools stop asking: `ls -l` asks for
  // security.selinux and system.posix_acl_access on every file until it sees EOPNOTSUPP
  // once for the filesystem.
  if (n.rfind("user.", 0) != 0) return (void)fuse_reply_err(req, EOPNOTSUPP);
  std::string value;
  // Any failure (no such attribute, no record behind the node) is "no such attribute".
  if (!DoGetXattr(SessionOf(req), ino, n, &value).ok()) return (void)fuse_reply_err(req, ENODATA);
  ReplyValue(req, value, size);
}

void ListXattr(fuse_req_t req, fuse_ino_t ino, size_t size) {
  std::string list;
  (void)DoListXattr(SessionOf(req), ino, &list);  // nodes without a record list nothing
  ReplyValue(req, list, size);
}

void SetXattr(fuse_req_t req, fuse_ino_t ino, const char* name, const char* value, size_t size,
              int) {
  std::string n(name);
  // Outside user.regfs.* nothing can be set: "not supported", as for other namespaces.
  if (n.rfind(kPrefix, 0) != 0) return (void)fuse_reply_err(req, ENOTSUP);
  Status st = DoSetXattr(SessionOf(req), ino, n, std::string(value, size));
  if (!st.ok()) return ReplyError(req, st, "setxattr");
  fuse_reply_err(req, 0);
}

void RemoveXattr(fuse_req_t req, fuse_ino_t, const char* name) {
  std::string n(name);
  if (n.rfind(kPrefix, 0) == 0) return Refuse(req, EPERM, "removexattr", n + " is read-only");
  fuse_reply_err(req, ENODATA);
}

}  // namespace regfs::ops
