#include "core/storage/local_store.h"

#include <dirent.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <stdio.h>  // renameat2
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <vector>

#include "core/fd.h"
#include "core/path.h"
#include "core/storage/layout.h"
#include "core/uid.h"

namespace regfs {

namespace {

Status FsyncDir(const std::string& dir) {
  int fd = open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return Status::FromErrno(errno, "open directory " + dir);
  Fd guard(fd);
  if (fsync(fd) != 0 && errno != EINVAL) return Status::FromErrno(errno, "fsync " + dir);
  return Status();
}

// mkdir for one directory; an existing directory is fine.
Status MkdirOne(const std::string& dir, mode_t mode, bool* created) {
  if (mkdir(dir.c_str(), mode) == 0) {
    if (created) *created = true;
    return Status();
  }
  int err = errno;
  if (err != EEXIST) return Status::FromErrno(err, "mkdir " + dir);
  struct stat st;
  if (stat(dir.c_str(), &st) != 0) return Status::FromErrno(errno, "stat " + dir);
  if (!S_ISDIR(st.st_mode)) return Status::FromErrno(ENOTDIR, "mkdir " + dir);
  return Status();
}

// Names in a directory, without "." and "..". Listed in full before anything is removed,
// because readdir() while unlinking may skip entries.
Result<std::vector<std::string>> ListDir(int dirfd, const std::string& path) {
  int dup_fd = fcntl(dirfd, F_DUPFD_CLOEXEC, 0);
  if (dup_fd < 0) return Status::FromErrno(errno, "open " + path);
  DIR* dir = fdopendir(dup_fd);
  if (!dir) {
    int err = errno;
    close(dup_fd);
    return Status::FromErrno(err, "open " + path);
  }
  std::vector<std::string> names;
  errno = 0;
  while (struct dirent* e = readdir(dir)) {
    if (std::strcmp(e->d_name, ".") != 0 && std::strcmp(e->d_name, "..") != 0) {
      names.emplace_back(e->d_name);
    }
    errno = 0;
  }
  int err = errno;
  closedir(dir);
  if (err != 0) return Status::FromErrno(err, "read directory " + path);
  return names;
}

Status RemoveAt(int dirfd, const std::string& name, const std::string& path);

Status ClearDir(int dirfd, const std::string& path) {
  REGFS_ASSIGN_OR_RETURN(std::vector<std::string> names, ListDir(dirfd, path));
  for (const std::string& n : names) REGFS_RETURN_IF_ERROR(RemoveAt(dirfd, n, path + "/" + n));
  return Status();
}

// Removes `name` in `dirfd`: a directory recursively, anything else (a symlink included)
// with a plain unlink. Directories are entered with O_NOFOLLOW relative to their parent's
// descriptor, so a symlink swapped in at any level is unlinked, never followed.
Status RemoveAt(int dirfd, const std::string& name, const std::string& path) {
  struct stat st;
  if (fstatat(dirfd, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) {
    if (errno == ENOENT) return Status();
    return Status::FromErrno(errno, "stat " + path);
  }
  if (S_ISDIR(st.st_mode)) {
    int sub = openat(dirfd, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (sub >= 0) {
      {
        Fd guard(sub);
        REGFS_RETURN_IF_ERROR(ClearDir(sub, path));
      }
      if (unlinkat(dirfd, name.c_str(), AT_REMOVEDIR) != 0 && errno != ENOENT) {
        return Status::FromErrno(errno, "rmdir " + path);
      }
      return Status();
    }
    if (errno == ENOENT) return Status();
    // ELOOP / ENOTDIR: replaced by a symlink or file since the stat; unlink that instead.
    if (errno != ELOOP && errno != ENOTDIR) return Status::FromErrno(errno, "open " + path);
  }
  if (unlinkat(dirfd, name.c_str(), 0) != 0 && errno != ENOENT) {
    return Status::FromErrno(errno, "unlink " + path);
  }
  return Status();
}

// Renames without ever replacing an existing target.
Status MoveNoReplace(const std::string& from, const std::string& to) {
  if (renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0) {
    return Status();
  }
  int err = errno;
  if (err == EINVAL || err == ENOSYS) {
    // A file system without RENAME_NOREPLACE: check, then rename (the window is regfs's
    // alone, since regfs is the only writer of the stored paths it moves).
    struct stat st;
    if (lstat(to.c_str(), &st) == 0)
      return Status::FromErrno(EEXIST, "rename " + from + " -> " + to);
    if (rename(from.c_str(), to.c_str()) == 0) return Status();
    err = errno;
  }
  return Status::FromErrno(err, "rename " + from + " -> " + to);
}

bool PathExists(const std::string& p) {
  struct stat st;
  return lstat(p.c_str(), &st) == 0;
}

}  // namespace

// ---------------------------------------------------------------- FdReadHandle

Result<std::unique_ptr<FdReadHandle>> FdReadHandle::Adopt(int fd, std::string_view what) {
  struct stat st;
  if (fstat(fd, &st) != 0) {
    int err = errno;
    close(fd);
    return Status::FromErrno(err, "stat " + std::string(what));
  }
  return std::unique_ptr<FdReadHandle>(
      new FdReadHandle(fd, static_cast<uint64_t>(st.st_size), std::string(what)));
}

FdReadHandle::~FdReadHandle() {
  if (fd_ >= 0) close(fd_);
}

Result<size_t> FdReadHandle::ReadAt(uint64_t offset, char* buf, size_t len) {
  size_t done = 0;
  // Up to the size seen at open, no read is spent on finding the end; a file that grew
  // since is read on from there by the next call.
  if (offset < size_ && len > size_ - offset) len = static_cast<size_t>(size_ - offset);
  while (done < len) {
    ssize_t n = pread(fd_, buf + done, len - done, static_cast<off_t>(offset + done));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Status::FromErrno(errno, "read " + what_);
    if (n == 0) break;
    done += static_cast<size_t>(n);
  }
  return done;
}

int FdReadHandle::ReleaseFd() {
  int fd = fd_;
  fd_ = -1;
  return fd;
}

// ---------------------------------------------------------------- StagingFile

StagingFile::StagingFile(StagingFile&& o) noexcept : path_(std::move(o.path_)), fd_(o.fd_) {
  o.path_.clear();
  o.fd_ = -1;
}

StagingFile& StagingFile::operator=(StagingFile&& o) noexcept {
  if (this != &o) {
    if (fd_ >= 0) close(fd_);
    if (!path_.empty()) unlink(path_.c_str());
    path_ = std::move(o.path_);
    fd_ = o.fd_;
    o.path_.clear();
    o.fd_ = -1;
  }
  return *this;
}

StagingFile::~StagingFile() {
  if (fd_ >= 0) close(fd_);
  if (!path_.empty()) unlink(path_.c_str());
}

Status StagingFile::Close() {
  if (fd_ < 0) return Status();
  int fd = fd_;
  fd_ = -1;
  if (close(fd) != 0) return Status::FromErrno(errno, "close " + path_);
  return Status();
}

std::string StagingFile::Release() {
  if (fd_ >= 0) close(fd_);
  fd_ = -1;
  std::string p = std::move(path_);
  path_.clear();
  return p;
}

int StagingFile::ReleaseFd() {
  int fd = fd_;
  fd_ = -1;
  return fd;
}

// ---------------------------------------------------------------- LocalStore

LocalStore::LocalStore(std::string storage_root, int64_t storage_id)
    : storage_root_(path::StripTrailingSlashes(storage_root)), storage_id_(storage_id) {}

LocalStore::~LocalStore() {
  MutexLock lk(&managed_fd_mu_);
  if (managed_fd_ >= 0) close(managed_fd_);
}

// LaminDB puts managed files under the storage root; for a local instance that is the
// instance directory itself.
std::string LocalStore::managed_dir() const {
  return layout::ManagedDirPath(storage_root_);
}

std::string LocalStore::staging_dir() const {
  return path::Join(managed_dir(), layout::kStagingDir);
}

std::string LocalStore::PathOf(const Locator& loc) const {
  return path::Join(storage_root_, loc.key);
}

Result<std::string> LocalStore::RealKeyPath(std::string_view key) const {
  REGFS_ASSIGN_OR_RETURN(Locator loc, RealKeyLocator(key));
  return PathOf(loc);
}

std::string LocalStore::ManagedPath(std::string_view uid, std::string_view suffix,
                                    bool folder) const {
  return path::Join(storage_root_, layout::ManagedKey(uid, suffix, folder));
}

Result<std::string> LocalStore::StoredPath(const Artifact& a) const {
  REGFS_ASSIGN_OR_RETURN(Locator loc, LocateArtifact(a, storage_id_));
  return PathOf(loc);
}

int LocalStore::ManagedDirFd() const {
  MutexLock lk(&managed_fd_mu_);
  if (managed_fd_ < 0) {
    // Not O_PATH: fsync() of it makes deletions durable.
    auto fd = OpenBeneath(managed_dir(), O_RDONLY | O_DIRECTORY);
    if (fd.ok()) managed_fd_ = *fd;
  }
  return managed_fd_;
}

// ---------------------------------------------------------------- BlobStore

Result<std::unique_ptr<ReadHandle>> LocalStore::Open(const Locator& loc) const {
  std::string p = PathOf(loc);
  REGFS_ASSIGN_OR_RETURN(int fd, OpenBeneath(p, O_RDONLY));
  REGFS_ASSIGN_OR_RETURN(auto h, FdReadHandle::Adopt(fd, p));
  return std::unique_ptr<ReadHandle>(std::move(h));
}

Result<BlobInfo> LocalStore::Stat(const Locator& loc) const {
  std::string p = PathOf(loc);
  REGFS_ASSIGN_OR_RETURN(int fd, OpenBeneath(p, O_PATH));
  Fd guard(fd);
  struct stat st;
  if (fstat(fd, &st) != 0) return Status::FromErrno(errno, "stat " + p);
  return BlobInfo{static_cast<uint64_t>(st.st_size), S_ISDIR(st.st_mode)};
}

Result<StagingFile> LocalStore::NewStaging() const {
  int fd = -1;
  REGFS_ASSIGN_OR_RETURN(std::string p, CreateStaging(&fd));
  return StagingFile(std::move(p), fd);
}

Status LocalStore::Publish(const std::string& staged_path, const Locator& dest,
                           bool durable) const {
  return Publish(staged_path, PathOf(dest), durable);
}

Status LocalStore::Move(const Locator& from_loc, const Locator& to_loc) const {
  std::string from = PathOf(from_loc), to = PathOf(to_loc);
  if (!path::Inside(from, storage_root_) || !path::Inside(to, storage_root_)) {
    return Status::Permission("move " + keys::Printable(from) + " -> " + keys::Printable(to) +
                              ": outside the storage root " + storage_root_);
  }
  // Already done (a move finished before a crash, repeated by FinishPending).
  if (!PathExists(from) && PathExists(to)) return Status();
  // Missing parents below the root (real keys "a/b/c").
  auto rel = path::RelativeInside(to, storage_root_);
  for (size_t pos = rel->find('/'); pos != std::string_view::npos; pos = rel->find('/', pos + 1)) {
    REGFS_RETURN_IF_ERROR(MkdirOne(path::Join(storage_root_, rel->substr(0, pos)), 0755, nullptr));
  }
  Status st = MoveNoReplace(from, to);
  if (!st.ok() && st.IsNotFound() && PathExists(to)) return Status();
  REGFS_RETURN_IF_ERROR(st);
  // Directories the move left empty go, up to (not including) the root.
  for (std::string dir = path::DirName(from); path::Inside(dir, storage_root_);
       dir = path::DirName(dir)) {
    if (dir == managed_dir() || rmdir(dir.c_str()) != 0) break;
  }
  return Status();
}

Status LocalStore::Remove(const Locator& loc, bool durable) const {
  return RemoveStored(PathOf(loc), durable);
}

Status LocalStore::SyncDir(const Locator& dir) const {
  return SyncDir(PathOf(dir));
}

Result<std::vector<std::string>> LocalStore::List(const Locator& dir) const {
  std::string p = PathOf(dir);
  auto opened = OpenBeneath(p, O_RDONLY | O_DIRECTORY);
  if (!opened.ok()) {
    if (opened.status().IsNotFound()) return std::vector<std::string>();
    return opened.status();
  }
  Fd guard(*opened);
  REGFS_ASSIGN_OR_RETURN(auto names, ListDir(*opened, p));
  std::sort(names.begin(), names.end());
  return names;
}

Result<std::string> LocalStore::CreateStaging(int* fd) const {
  std::string staging = staging_dir();
  if (!staging_ready_.load(std::memory_order_relaxed)) {
    REGFS_RETURN_IF_ERROR(MkdirOne(managed_dir(), 0755, nullptr));
    // Private: half-written content of one user is nobody else's business. The directory
    // keeps it private, so the file itself gets the mode a plain `cp` would give a stored
    // file (0666 less the umask) and needs no chmod when it is published.
    REGFS_RETURN_IF_ERROR(MkdirOne(staging, 0700, nullptr));
    struct stat st;
    if (lstat(staging.c_str(), &st) != 0 || !S_ISDIR(st.st_mode))
      return Status::IO("staging directory " + staging + " is not a directory");
    staging_ready_ = true;
  }
  for (int attempt = 0; attempt < 16; ++attempt) {
    std::string path = path::Join(staging, "w-" + RandomBase62(16));
    // O_RDWR rather than O_WRONLY: a FUSE handle opened for read+write reads back from it.
    int f = open(path.c_str(), O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (f >= 0) {
      *fd = f;
      return path;
    }
    if (errno == ENOENT) staging_ready_ = false;  // removed under us: re-create next time
    if (errno != EEXIST) return Status::FromErrno(errno, "create " + path);
  }
  return Status::IO("create a staging file in " + staging + ": no free name after 16 tries");
}

Status LocalStore::SyncAll() const {
  int fd = open(storage_root_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return Status::FromErrno(errno, "open " + storage_root_);
  Fd guard(fd);
  if (syncfs(fd) != 0) return Status::FromErrno(errno, "syncfs " + storage_root_);
  return Status();
}

Status LocalStore::Publish(const std::string& tmp, const std::string& final_path,
                           bool durable) const {
  auto rel = path::RelativeInside(final_path, storage_root_);
  if (!rel) {
    return Status::Permission("publish " + keys::Printable(final_path) +
                              ": not inside storage root " + storage_root_);
  }
  if (durable) {
    int fd = open(tmp.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) return Status::FromErrno(errno, "open " + tmp);
    Fd guard(fd);
    struct stat st;
    if (fstat(fd, &st) != 0) return Status::FromErrno(errno, "stat " + tmp);
    if (!S_ISREG(st.st_mode)) return Status::Invalid("publish " + tmp + ": not a regular file");
    if (fsync(fd) != 0) return Status::FromErrno(errno, "fsync " + tmp);
  }

  // Missing parents (real keys "a/b/c"): created below the root only when the rename says
  // they are missing, remembering which are new, since their entries need an fsync too.
  std::vector<std::string> created;
  auto make_parents = [&]() -> Status {
    for (size_t pos = rel->find('/'); pos != std::string_view::npos;
         pos = rel->find('/', pos + 1)) {
      std::string dir = path::Join(storage_root_, rel->substr(0, pos));
      bool made = false;
      REGFS_RETURN_IF_ERROR(MkdirOne(dir, 0755, &made));
      if (made) created.push_back(dir);
    }
    return Status();
  };

  int rc = renameat2(AT_FDCWD, tmp.c_str(), AT_FDCWD, final_path.c_str(), RENAME_NOREPLACE);
  if (rc != 0 && errno == ENOENT && access(tmp.c_str(), F_OK) == 0) {
    REGFS_RETURN_IF_ERROR(make_parents());
    rc = renameat2(AT_FDCWD, tmp.c_str(), AT_FDCWD, final_path.c_str(), RENAME_NOREPLACE);
  }
  if (rc != 0) {
    int err = errno;
    if (err == EEXIST) return Status::Exists("publish " + final_path + ": file already exists");
    if (err != EINVAL && err != ENOSYS && err != EOPNOTSUPP) {
      return Status::FromErrno(err, "rename " + tmp + " to " + final_path);
    }
    // The filesystem has no RENAME_NOREPLACE: link() fails on an existing target just as
    // atomically, and the staging name is dropped afterwards.
    REGFS_RETURN_IF_ERROR(make_parents());
    if (link(tmp.c_str(), final_path.c_str()) != 0) {
      err = errno;
      if (err == EEXIST) return Status::Exists("publish " + final_path + ": file already exists");
      return Status::FromErrno(err, "link " + tmp + " to " + final_path);
    }
    // A failure here leaves only a second name in the staging dir: the content is published
    // all the same, and CleanStaging() drops the leftover later.
    (void)unlink(tmp.c_str());
  }
  if (!durable) return Status();
  REGFS_RETURN_IF_ERROR(FsyncDir(path::DirName(final_path)));
  for (const std::string& dir : created) REGFS_RETURN_IF_ERROR(FsyncDir(path::DirName(dir)));
  return Status();
}

namespace {

// openat2 beneath `dirfd`, following no symlink; the fallback for kernels before 5.6 at
// least never follows the last component.
long OpenUnder(int dirfd, const char* rel, int flags) {
  open_how how{};
  how.flags = static_cast<uint64_t>(flags | O_CLOEXEC);
  how.resolve = RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS;
  long fd = syscall(SYS_openat2, dirfd, rel, &how, sizeof(how));
  if (fd < 0 && errno == ENOSYS) fd = openat(dirfd, rel, flags | O_CLOEXEC | O_NOFOLLOW);
  return fd;
}

}  // namespace

Result<int> LocalStore::OpenBeneath(const std::string& path, int flags) const {
  // RelativeInside returns a view into its argument: keep that string alive.
  const std::string stripped = path::StripTrailingSlashes(path);
  if (path::DirName(stripped) == managed_dir() && path::BaseName(stripped) != "." &&
      path::BaseName(stripped) != "..") {
    // A managed file (the common case): one openat2 below the managed directory.
    int dirfd = ManagedDirFd();  // open until the Storage goes
    if (dirfd >= 0) {
      long fd = OpenUnder(dirfd, path::BaseName(stripped).c_str(), flags);
      if (fd >= 0) return static_cast<int>(fd);
      int err = errno;
      if (err == ELOOP || err == EXDEV) {
        return Status::Permission("open " + keys::Printable(path) +
                                  ": a symlink on the way; stored files are never followed");
      }
      return Status::FromErrno(err, "open " + keys::Printable(path));
    }
  }
  auto rel = path::RelativeInside(stripped, storage_root_);
  const bool is_root = stripped == path::StripTrailingSlashes(storage_root_);
  if (!is_root && !rel)
    return Status::Permission("open " + keys::Printable(path) + ": outside " + storage_root_);
  const std::string r = is_root ? std::string(".") : std::string(*rel);
  int root = open(storage_root_.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
  if (root < 0) return Status::FromErrno(errno, "open " + storage_root_);
  Fd guard(root);
  long fd = OpenUnder(root, r.c_str(), flags);
  if (fd < 0) {
    int err = errno;
    if (err == ELOOP || err == EXDEV) {
      return Status::Permission("open " + keys::Printable(path) +
                                ": a symlink on the way; stored files are never followed");
    }
    return Status::FromErrno(err, "open " + keys::Printable(path));
  }
  return static_cast<int>(fd);
}

Status LocalStore::RemoveStored(const std::string& path, bool durable) const {
  // Only something strictly inside the storage root, and never the managed directory
  // itself: a wrong path here must fail, not delete an instance.
  std::string p = path::StripTrailingSlashes(path);
  auto rel = path::RelativeInside(p, storage_root_);
  if (!rel || *rel == layout::kManagedDir) {
    return Status::Permission("remove " + keys::Printable(path) + ": not a stored file inside " +
                              storage_root_);
  }
  std::string parent = path::DirName(p);
  if (parent == managed_dir()) {
    // A managed file or folder: relative to the managed directory's descriptor. A plain
    // unlink is the common case; a folder (EISDIR) is removed recursively.
    int dirfd = ManagedDirFd();
    if (dirfd >= 0) {
      std::string name = path::BaseName(p);
      if (unlinkat(dirfd, name.c_str(), 0) != 0) {
        if (errno == EISDIR || errno == EPERM) {
          REGFS_RETURN_IF_ERROR(RemoveAt(dirfd, name, p));
        } else if (errno != ENOENT) {
          return Status::FromErrno(errno, "unlink " + keys::Printable(p));
        }
      }
      if (durable && fsync(dirfd) != 0 && errno != EINVAL)
        return Status::FromErrno(errno, "fsync " + parent);
      return Status();
    }
  }
  // The parent is reached without following symlinks: a real-key directory replaced by a
  // symlink to elsewhere must never lead a purge outside the instance.
  auto opened = OpenBeneath(parent, O_RDONLY | O_DIRECTORY);
  if (!opened.ok()) {
    if (opened.status().IsNotFound() || opened.status().code() == Status::Code::kNotDir)
      return Status();  // nothing there to remove
    return opened.status().Annotate("remove " + keys::Printable(path));
  }
  int dirfd = *opened;
  Fd guard(dirfd);
  REGFS_RETURN_IF_ERROR(RemoveAt(dirfd, path::BaseName(p), p));
  if (durable && fsync(dirfd) != 0 && errno != EINVAL)
    return Status::FromErrno(errno, "fsync " + parent);
  return Status();
}

Status LocalStore::SyncDir(const std::string& dir) const {
  auto opened = OpenBeneath(dir, O_RDONLY | O_DIRECTORY);
  if (!opened.ok()) {
    if (opened.status().IsNotFound() || opened.status().code() == Status::Code::kNotDir)
      return Status();
    return opened.status().Annotate("sync " + keys::Printable(dir));
  }
  Fd guard(*opened);
  if (fsync(*opened) != 0 && errno != EINVAL) return Status::FromErrno(errno, "fsync " + dir);
  return Status();
}

Status LocalStore::CleanStaging() const {
  std::string staging = staging_dir();
  int dirfd = open(staging.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (dirfd < 0) {
    if (errno == ENOENT) return Status();
    return Status::FromErrno(errno, "open " + staging);
  }
  Fd guard(dirfd);
  return ClearDir(dirfd, staging);
}

}  // namespace regfs
