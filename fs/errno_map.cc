#include "fs/errno_map.h"

#include <cerrno>

namespace regfs {

int ToErrno(const Status& s) {
  switch (s.code()) {
    case Status::Code::kOk: return 0;
    case Status::Code::kNotFound: return ENOENT;
    case Status::Code::kExists: return EEXIST;
    case Status::Code::kPermission: return EPERM;
    case Status::Code::kNotEmpty: return ENOTEMPTY;
    case Status::Code::kInvalid: return EINVAL;
    case Status::Code::kBusy: return EBUSY;
    case Status::Code::kReadOnly: return EROFS;
    case Status::Code::kNoSpace: return ENOSPC;
    case Status::Code::kNameTooLong: return ENAMETOOLONG;
    case Status::Code::kIsDir: return EISDIR;
    case Status::Code::kNotDir: return ENOTDIR;
    case Status::Code::kAccess: return EACCES;
    case Status::Code::kCrossDevice: return EXDEV;
    case Status::Code::kIO:
    case Status::Code::kCorrupt:
    case Status::Code::kUnsupported: return EIO;
  }
  return EIO;
}

}  // namespace regfs
