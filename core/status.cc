#include "core/status.h"

#include <sqlite3.h>

#include <cerrno>
#include <cstring>

namespace regfs {

const char* CodeName(Status::Code code) {
  switch (code) {
    case Status::Code::kOk: return "ok";
    case Status::Code::kNotFound: return "not found";
    case Status::Code::kExists: return "already exists";
    case Status::Code::kPermission: return "not permitted";
    case Status::Code::kNotEmpty: return "not empty";
    case Status::Code::kInvalid: return "invalid argument";
    case Status::Code::kIO: return "i/o error";
    case Status::Code::kBusy: return "busy";
    case Status::Code::kReadOnly: return "read-only";
    case Status::Code::kNoSpace: return "no space left";
    case Status::Code::kCorrupt: return "corrupt database";
    case Status::Code::kUnsupported: return "unsupported";
    case Status::Code::kNameTooLong: return "name too long";
    case Status::Code::kIsDir: return "is a directory";
    case Status::Code::kNotDir: return "not a directory";
    case Status::Code::kAccess: return "access denied";
    case Status::Code::kCrossDevice: return "cross-device";
  }
  return "unknown";
}

const std::string& Status::message() const {
  static const std::string kEmpty;
  return rep_ ? rep_->message : kEmpty;
}

std::string Status::ToString() const {
  if (ok()) return "ok";
  return std::string(CodeName(code())) + ": " + rep_->message;
}

Status Status::Annotate(std::string_view context) const {
  if (ok()) return Status();
  Status s(code(), std::string(context) + ": " + rep_->message);
  s.rep_->sys_errno = rep_->sys_errno;
  return s;
}

Status Status::FromErrno(int err, std::string_view context) {
  Code code;
  switch (err) {
    case 0: return Status();
    case ENOENT: code = Code::kNotFound; break;
    case EEXIST: code = Code::kExists; break;
    case EPERM: code = Code::kPermission; break;
    case EACCES: code = Code::kAccess; break;
    case ENOTEMPTY: code = Code::kNotEmpty; break;
    case EINVAL: code = Code::kInvalid; break;
    case EROFS: code = Code::kReadOnly; break;
    case ENOSPC:
    case EDQUOT: code = Code::kNoSpace; break;
    case ENAMETOOLONG: code = Code::kNameTooLong; break;
    case EISDIR: code = Code::kIsDir; break;
    case ENOTDIR: code = Code::kNotDir; break;
    case EBUSY: code = Code::kBusy; break;
    case EXDEV: code = Code::kCrossDevice; break;
    case ELOOP: code = Code::kPermission; break;  // a symlink where a stored file should be
    default: code = Code::kIO; break;
  }
  Status s(code, std::string(context) + ": " + std::strerror(err));
  s.rep_->sys_errno = err;
  return s;
}

Status Status::FromSqlite(int rc, std::string_view context, std::string_view detail) {
  Code code;
  switch (rc & 0xff) {
    case SQLITE_OK:
    case SQLITE_ROW:
    case SQLITE_DONE: return Status();
    case SQLITE_BUSY:
    case SQLITE_LOCKED: code = Code::kBusy; break;
    case SQLITE_READONLY: code = Code::kReadOnly; break;
    case SQLITE_FULL: code = Code::kNoSpace; break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: code = Code::kCorrupt; break;
    case SQLITE_CANTOPEN: code = Code::kNotFound; break;
    case SQLITE_PERM:
    case SQLITE_AUTH: code = Code::kAccess; break;
    case SQLITE_CONSTRAINT: code = Code::kExists; break;
    case SQLITE_MISMATCH:
    case SQLITE_RANGE: code = Code::kInvalid; break;
    default: code = Code::kIO; break;
  }
  std::string msg(context);
  msg += ": ";
  msg += detail.empty() ? sqlite3_errstr(rc) : std::string(detail);
  return Status(code, std::move(msg));
}

Status Status::FromPostgres(std::string_view sqlstate, std::string_view context,
                            std::string_view detail) {
  auto cls = [&](std::string_view c) { return sqlstate.substr(0, c.size()) == c; };
  Code code = Code::kIO;
  if (cls("23")) {
    code = Code::kExists;  // integrity constraint violation, as SQLITE_CONSTRAINT
  } else if (sqlstate == "40001" || sqlstate == "40P01" || sqlstate == "55P03" ||
             sqlstate == "55006") {
    code = Code::kBusy;  // serialization failure, deadlock, lock timeout, object in use
  } else if (sqlstate == "25006") {
    code = Code::kReadOnly;  // read_only_sql_transaction
  } else if (sqlstate == "53100") {
    code = Code::kNoSpace;  // disk_full
  } else if (cls("22")) {
    code = Code::kInvalid;  // data exception: a value too long, of the wrong type, ...
  } else if (cls("28") || sqlstate == "42501") {
    code = Code::kAccess;  // authorization, insufficient privilege
  } else if (sqlstate == "XX001" || sqlstate == "XX002") {
    code = Code::kCorrupt;  // data_corrupted, index_corrupted
  }
  std::string msg(context);
  msg += ": ";
  msg += detail;
  if (!sqlstate.empty()) {
    msg += " [SQLSTATE ";
    msg += sqlstate;
    msg += "]";
  }
  return Status(code, std::move(msg));
}

}  // namespace regfs
