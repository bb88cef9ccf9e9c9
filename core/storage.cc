#include "core/storage.h"

#include <dirent.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <stdio.h>  // renameat2
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <vector>

#include "core/fd.h"
#include "core/uid.h"

namespace regfs {

namespace {

constexpr size_t kMaxComponent = 255;
constexpr size_t kMaxKey = 1024;
constexpr std::string_view kManagedDirName = ".lamindb";

// Compound suffixes that win over the last extension. No entry is the tail of another, so
// the first match is the only one.
constexpr std::array<std::string_view, 15> kCompoundSuffixes = {
    ".spatialdata.zarr", ".anndata.zarr", ".vitessce.json", ".fastq.gz", ".ome.zarr",
    ".tar.bz2",          ".json.gz",      ".tar.gz",        ".tar.xz",   ".csv.gz",
    ".tsv.gz",           ".txt.gz",       ".vcf.gz",        ".bed.gz",   ".fq.gz",
};

bool EndsWith(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// Keys and names come from the database and from users: keep control bytes (NUL above all)
// out of log lines and error messages.
std::string Printable(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) out += (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) ? '?' : c;
  return out;
}

std::string StripTrailingSlashes(std::string p) {
  while (p.size() > 1 && p.back() == '/') p.pop_back();
  return p;
}

std::string Join(const std::string& dir, std::string_view rel) {
  std::string out = dir;
  if (out.empty() || out.back() != '/') out += '/';
  out += rel;
  return out;
}

std::string DirName(const std::string& path) {
  size_t slash = path.find_last_of('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

std::string BaseName(const std::string& path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string_view FirstComponent(std::string_view key) {
  return key.substr(0, key.find('/'));
}

// What makes `key` unusable as a relative path, or OK. IsSafeKey and ValidateKey share it.
Status KeyPathProblem(std::string_view key) {
  if (key.empty()) return Status::Invalid("empty key");
  if (key.find('\0') != std::string_view::npos) {
    return Status::Invalid("key '" + Printable(key) + "' contains a NUL byte");
  }
  if (key.size() > kMaxKey) {
    return {Status::Code::kNameTooLong, "key is " + std::to_string(key.size()) +
                                            " bytes long, more than " + std::to_string(kMaxKey)};
  }
  if (key.front() == '/') return Status::Invalid("key '" + Printable(key) + "' starts with '/'");
  size_t start = 0;
  for (;;) {
    size_t end = key.find('/', start);
    std::string_view part =
        key.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    if (part.empty()) {
      return Status::Invalid("key '" + Printable(key) + "' has an empty path component");
    }
    if (part == "." || part == "..") {
      return Status::Invalid("key '" + Printable(key) + "' has a '" + std::string(part) +
                             "' component");
    }
    if (part.size() > kMaxComponent) {
      return {Status::Code::kNameTooLong, "key component '" + Printable(part.substr(0, 32)) +
                                              "...' is " + std::to_string(part.size()) +
                                              " bytes long, more than 255"};
    }
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return Status();
}

// The part of `path` below `root`, when `path` lies lexically strictly inside it and has no
// "." or ".." component there; nullopt otherwise. Both are already free of trailing '/'.
std::optional<std::string_view> RelativeInside(std::string_view path, std::string_view root) {
  if (root.empty() || path.size() <= root.size() || path.substr(0, root.size()) != root) {
    return std::nullopt;
  }
  std::string_view rel = path.substr(root.size());
  // Root "/" ends in its own separator; any other root must be followed by one.
  if (root.back() != '/') {
    if (rel.front() != '/') return std::nullopt;
    rel.remove_prefix(1);
  }
  if (!KeyPathProblem(rel).ok()) return std::nullopt;
  return rel;
}

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

}  // namespace

std::string SuffixOf(std::string_view filename) {
  size_t slash = filename.find_last_of('/');
  std::string_view name = slash == std::string_view::npos ? filename : filename.substr(slash + 1);
  // As Python's pathlib: leading dots belong to the name (".bashrc" has no suffix), and a
  // name ending in '.' has none either.
  while (!name.empty() && name.front() == '.') name.remove_prefix(1);
  if (name.empty() || name.back() == '.') return "";
  for (std::string_view compound : kCompoundSuffixes) {
    if (EndsWith(name, compound)) return std::string(compound);
  }
  size_t dot = name.find_last_of('.');
  if (dot == std::string_view::npos) return "";
  std::string_view ext = name.substr(dot);
  if (AllDigits(ext.substr(1))) return "";  // "file.1": digits are no suffix
  return std::string(ext);
}

bool IsSafeComponent(std::string_view name) {
  return !name.empty() && name != "." && name != ".." && name.size() <= kMaxComponent &&
         name.find('/') == std::string_view::npos && name.find('\0') == std::string_view::npos;
}

bool IsSafeKey(std::string_view key) {
  return KeyPathProblem(key).ok();
}

Status ValidateKey(std::string_view key) {
  REGFS_RETURN_IF_ERROR(KeyPathProblem(key));
  // LaminDB refuses such keys ("Do not pass key that contains a managed storage path"), and
  // a real key there would land among the managed files.
  if (key.find(".lamindb/") != std::string_view::npos || FirstComponent(key) == kManagedDirName) {
    return Status::Invalid("key '" + Printable(key) +
                           "' points into .lamindb/, LaminDB's managed storage");
  }
  return Status();
}

// ---------------------------------------------------------------- Storage

Storage::Storage(std::string instance_root, std::string storage_root, int64_t storage_id)
    : instance_root_(StripTrailingSlashes(std::move(instance_root))),
      storage_root_(StripTrailingSlashes(std::move(storage_root))),
      storage_id_(storage_id) {}

// LaminDB puts managed files under the storage root; for a local instance that is the
// instance directory itself.
std::string Storage::managed_dir() const {
  return Join(storage_root_, kManagedDirName);
}

std::string Storage::staging_dir() const {
  return Join(managed_dir(), ".regfs-staging");
}

Result<std::string> Storage::RealKeyPath(std::string_view key) const {
  if (!IsSafeKey(key)) {
    return Status::Permission("key '" + Printable(key) + "' does not map to a path inside " +
                              storage_root_);
  }
  if (FirstComponent(key) == kManagedDirName) {
    return Status::Permission("real key '" + Printable(key) +
                              "' would point into the managed directory " + managed_dir());
  }
  return Join(storage_root_, key);
}

std::string Storage::ManagedPath(std::string_view uid, std::string_view suffix, bool folder) const {
  std::string name(folder ? uid.substr(0, 16) : uid);
  name += suffix;
  return Join(managed_dir(), name);
}

Result<std::string> Storage::StoredPath(const Artifact& a) const {
  if (a.storage_id != storage_id_) {
    return Status::NotFound("artifact uid " + Printable(a.uid) + " lives in storage id " +
                            std::to_string(a.storage_id) + ", not this instance");
  }
  if (a.real_key) return RealKeyPath(*a.real_key);
  if (!a.key_is_virtual && a.key) return RealKeyPath(*a.key);
  // The managed name is built from database text: make sure it is one plain file name.
  std::string_view stem = a.is_folder ? std::string_view(a.uid).substr(0, 16) : a.uid;
  bool suffix_ok =
      a.suffix.empty() || (a.suffix.front() == '.' && a.suffix.find('/') == std::string::npos &&
                           a.suffix.find('\0') == std::string::npos);
  if (stem.empty() || !IsBase62(stem) || !suffix_ok ||
      stem.size() + a.suffix.size() > kMaxComponent) {
    return Status::Permission("artifact uid '" + Printable(a.uid) + "' with suffix '" +
                              Printable(a.suffix) + "' does not make a safe file name");
  }
  return ManagedPath(a.uid, a.suffix, a.is_folder);
}

bool Storage::IsManaged(const Artifact& a) const {
  if (a.storage_id != storage_id_ || a.real_key || (!a.key_is_virtual && a.key)) return false;
  auto path = StoredPath(a);
  if (!path.ok()) return false;
  auto rel = RelativeInside(*path, managed_dir());
  return rel && rel->find('/') == std::string_view::npos;
}

Result<std::string> Storage::CreateStaging(int* fd) const {
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
    std::string path = Join(staging, "w-" + RandomBase62(16));
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

Status Storage::SyncAll() const {
  int fd = open(storage_root_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return Status::FromErrno(errno, "open " + storage_root_);
  Fd guard(fd);
  if (syncfs(fd) != 0) return Status::FromErrno(errno, "syncfs " + storage_root_);
  return Status();
}

Status Storage::Publish(const std::string& tmp, const std::string& final_path, bool durable) const {
  auto rel = RelativeInside(final_path, storage_root_);
  if (!rel) {
    return Status::Permission("publish " + Printable(final_path) + ": not inside storage root " +
                              storage_root_);
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
      std::string dir = Join(storage_root_, rel->substr(0, pos));
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
  REGFS_RETURN_IF_ERROR(FsyncDir(DirName(final_path)));
  for (const std::string& dir : created) REGFS_RETURN_IF_ERROR(FsyncDir(DirName(dir)));
  return Status();
}

Storage::~Storage() {
  if (managed_fd_ >= 0) close(managed_fd_);
}

int Storage::ManagedDirFd() const {
  std::lock_guard<std::mutex> lk(managed_fd_mu_);
  if (managed_fd_ < 0) {
    // Not O_PATH: fsync() of it makes deletions durable.
    auto fd = OpenBeneath(managed_dir(), O_RDONLY | O_DIRECTORY);
    if (fd.ok()) managed_fd_ = *fd;
  }
  return managed_fd_;
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

Result<int> Storage::OpenBeneath(const std::string& path, int flags) const {
  // RelativeInside returns a view into its argument: keep that string alive.
  const std::string stripped = StripTrailingSlashes(path);
  if (DirName(stripped) == managed_dir() && BaseName(stripped) != "." &&
      BaseName(stripped) != "..") {
    // A managed file (the common case): one openat2 below the managed directory.
    int dirfd = ManagedDirFd();  // open until the Storage goes
    if (dirfd >= 0) {
      long fd = OpenUnder(dirfd, BaseName(stripped).c_str(), flags);
      if (fd >= 0) return static_cast<int>(fd);
      int err = errno;
      if (err == ELOOP || err == EXDEV) {
        return Status::Permission("open " + Printable(path) +
                                  ": a symlink on the way; stored files are never followed");
      }
      return Status::FromErrno(err, "open " + Printable(path));
    }
  }
  auto rel = RelativeInside(stripped, storage_root_);
  const bool is_root = stripped == StripTrailingSlashes(storage_root_);
  if (!is_root && !rel)
    return Status::Permission("open " + Printable(path) + ": outside " + storage_root_);
  const std::string r = is_root ? std::string(".") : std::string(*rel);
  int root = open(storage_root_.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
  if (root < 0) return Status::FromErrno(errno, "open " + storage_root_);
  Fd guard(root);
  long fd = OpenUnder(root, r.c_str(), flags);
  if (fd < 0) {
    int err = errno;
    if (err == ELOOP || err == EXDEV) {
      return Status::Permission("open " + Printable(path) +
                                ": a symlink on the way; stored files are never followed");
    }
    return Status::FromErrno(err, "open " + Printable(path));
  }
  return static_cast<int>(fd);
}

Status Storage::RemoveStored(const std::string& path, bool durable) const {
  // Only something strictly inside the storage root, and never the managed directory
  // itself: a wrong path here must fail, not delete an instance.
  std::string p = StripTrailingSlashes(path);
  auto rel = RelativeInside(p, storage_root_);
  if (!rel || *rel == kManagedDirName) {
    return Status::Permission("remove " + Printable(path) + ": not a stored file inside " +
                              storage_root_);
  }
  std::string parent = DirName(p);
  if (parent == managed_dir()) {
    // A managed file or folder: relative to the managed directory's descriptor. A plain
    // unlink is the common case; a folder (EISDIR) is removed recursively.
    int dirfd = ManagedDirFd();
    if (dirfd >= 0) {
      std::string name = BaseName(p);
      if (unlinkat(dirfd, name.c_str(), 0) != 0) {
        if (errno == EISDIR || errno == EPERM) {
          REGFS_RETURN_IF_ERROR(RemoveAt(dirfd, name, p));
        } else if (errno != ENOENT) {
          return Status::FromErrno(errno, "unlink " + Printable(p));
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
    return opened.status().Annotate("remove " + Printable(path));
  }
  int dirfd = *opened;
  Fd guard(dirfd);
  REGFS_RETURN_IF_ERROR(RemoveAt(dirfd, BaseName(p), p));
  if (durable && fsync(dirfd) != 0 && errno != EINVAL)
    return Status::FromErrno(errno, "fsync " + parent);
  return Status();
}

Status Storage::SyncDir(const std::string& dir) const {
  auto opened = OpenBeneath(dir, O_RDONLY | O_DIRECTORY);
  if (!opened.ok()) {
    if (opened.status().IsNotFound() || opened.status().code() == Status::Code::kNotDir)
      return Status();
    return opened.status().Annotate("sync " + Printable(dir));
  }
  Fd guard(*opened);
  if (fsync(*opened) != 0 && errno != EINVAL) return Status::FromErrno(errno, "fsync " + dir);
  return Status();
}

Status Storage::CleanStaging() const {
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
