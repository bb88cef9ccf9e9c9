#include "core/hash.h"
#include "core/fd.h"

#include <dirent.h>
#include <fcntl.h>
#include <openssl/evp.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace regfs {

namespace {

// Big enough to keep syscall overhead negligible, small enough to live on any heap.
constexpr size_t kReadBuffer = 1 << 20;

// RAII around one EVP digest context. A failed init leaves it unusable (ok() false) rather
// than throwing: callers turn that into a Status or into a rehash.
class Digest {
 public:
  explicit Digest(const EVP_MD* md) : ctx_(EVP_MD_CTX_new()) {
    ok_ = ctx_ != nullptr && EVP_DigestInit_ex(ctx_, md, nullptr) == 1;
  }
  ~Digest() { EVP_MD_CTX_free(ctx_); }
  Digest(const Digest&) = delete;
  Digest& operator=(const Digest&) = delete;

  bool ok() const { return ok_; }
  void Update(const void* data, size_t len) {
    if (ok_ && len > 0) ok_ = EVP_DigestUpdate(ctx_, data, len) == 1;
  }
  // Raw digest bytes; empty when anything failed on the way.
  std::string Final() {
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (!ok_ || EVP_DigestFinal_ex(ctx_, out, &len) != 1) {
      ok_ = false;
      return {};
    }
    ok_ = false;  // a finalized context cannot take more data
    return std::string(reinterpret_cast<const char*>(out), len);
  }

 private:
  EVP_MD_CTX* ctx_;
  bool ok_ = false;
};

std::string OneShot(const EVP_MD* md, const void* data, size_t len) {
  Digest d(md);
  d.Update(data, len);
  return d.Final();
}

std::string B64(const std::string& raw) {
  return B64Digest(reinterpret_cast<const unsigned char*>(raw.data()), raw.size());
}

// sha1(sha1(first) || sha1(last)): the "sha1-fl" combination.
std::string FirstLast(const std::string& first_sha1, const std::string& last_sha1) {
  std::string both = first_sha1 + last_sha1;
  return OneShot(EVP_sha1(), both.data(), both.size());
}

// pread until `len` bytes are in, or the file turns out shorter than it was (kIO: it
// changed while we read it, and a hash of half-old content would be a lie).
Status ReadFully(int fd, unsigned char* buf, size_t len, uint64_t offset, const std::string& path) {
  size_t got = 0;
  while (got < len) {
    ssize_t n = pread(fd, buf + got, len - got, static_cast<off_t>(offset + got));
    if (n < 0) {
      if (errno == EINTR) continue;
      return Status::FromErrno(errno, "read " + path);
    }
    if (n == 0) return Status::IO("read " + path + ": file shrank while it was hashed");
    got += static_cast<size_t>(n);
  }
  return Status();
}

// Feeds bytes [offset, offset + len) of fd into every digest in `ds`.
Status FeedRange(int fd, uint64_t offset, uint64_t len, std::vector<Digest*> ds,
                 std::vector<unsigned char>* buf, const std::string& path) {
  if (buf->empty()) buf->resize(kReadBuffer);
  while (len > 0) {
    size_t n = static_cast<size_t>(std::min<uint64_t>(len, buf->size()));
    REGFS_RETURN_IF_ERROR(ReadFully(fd, buf->data(), n, offset, path));
    for (Digest* d : ds) d->Update(buf->data(), n);
    offset += n;
    len -= n;
  }
  for (Digest* d : ds) {
    if (!d->ok()) return Status::IO("hash " + path + ": OpenSSL digest failed");
  }
  return Status();
}

// Hashes the first `size` bytes of an open regular file.
Result<HashResult> HashFd(int fd, uint64_t size, uint64_t chunk, const std::string& path) {
  std::vector<unsigned char> buf;
  HashResult r;
  r.size = size;
  if (size <= chunk) {
    Digest md5(EVP_md5());
    REGFS_RETURN_IF_ERROR(FeedRange(fd, 0, size, {&md5}, &buf, path));
    std::string raw = md5.Final();
    if (raw.empty()) return Status::IO("hash " + path + ": OpenSSL md5 failed");
    r.hash = B64(raw);
    r.hash_type = "md5";
    return r;
  }
  Digest first(EVP_sha1());
  Digest last(EVP_sha1());
  REGFS_RETURN_IF_ERROR(FeedRange(fd, 0, chunk, {&first}, &buf, path));
  REGFS_RETURN_IF_ERROR(FeedRange(fd, size - chunk, chunk, {&last}, &buf, path));
  std::string f = first.Final();
  std::string l = last.Final();
  std::string raw = (f.empty() || l.empty()) ? std::string() : FirstLast(f, l);
  if (raw.empty()) return Status::IO("hash " + path + ": OpenSSL sha1 failed");
  r.hash = B64(raw);
  r.hash_type = "sha1-fl";
  return r;
}


// Opens a regular file without following a symlink in its last component. O_NONBLOCK keeps
// a FIFO planted where a file should be from hanging the caller; it means nothing for
// regular files.
Result<int> OpenRegular(int dirfd, const char* name, const std::string& path, struct stat* st) {
  int fd;
  do {
    fd = openat(dirfd, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
  } while (fd < 0 && errno == EINTR);
  if (fd < 0) return Status::FromErrno(errno, "open " + path);
  if (fstat(fd, st) != 0) {
    int err = errno;
    close(fd);
    return Status::FromErrno(err, "stat " + path);
  }
  if (!S_ISREG(st->st_mode)) {
    close(fd);
    if (S_ISDIR(st->st_mode)) return Status::FromErrno(EISDIR, "hash " + path);
    return Status::Invalid("hash " + path + ": not a regular file");
  }
  return fd;
}

// Walks the directory open at `dirfd` (owned by the caller), adding each regular file's
// hash. Symlinks, devices, FIFOs and sockets are skipped, never followed.
Status WalkFolder(int dirfd, const std::string& path, std::vector<std::string>* hashes,
                  uint64_t* total) {
  int dup_fd = fcntl(dirfd, F_DUPFD_CLOEXEC, 0);
  if (dup_fd < 0) return Status::FromErrno(errno, "open " + path);
  DIR* dir = fdopendir(dup_fd);
  if (!dir) {
    int err = errno;
    close(dup_fd);
    return Status::FromErrno(err, "open " + path);
  }
  std::vector<std::pair<std::string, unsigned char>> entries;
  errno = 0;
  while (struct dirent* e = readdir(dir)) {
    if (std::strcmp(e->d_name, ".") != 0 && std::strcmp(e->d_name, "..") != 0) {
      entries.emplace_back(e->d_name, e->d_type);
    }
    errno = 0;
  }
  int read_err = errno;
  closedir(dir);
  if (read_err != 0) return Status::FromErrno(read_err, "read directory " + path);

  for (auto& [name, type] : entries) {
    std::string child = path + "/" + name;
    if (type == DT_UNKNOWN) {
      struct stat st;
      if (fstatat(dirfd, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) {
        return Status::FromErrno(errno, "stat " + child);
      }
      type = S_ISDIR(st.st_mode) ? DT_DIR : S_ISREG(st.st_mode) ? DT_REG : DT_LNK;
    }
    if (type == DT_DIR) {
      int sub = openat(dirfd, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
      if (sub < 0) return Status::FromErrno(errno, "open " + child);
      Fd guard(sub);
      REGFS_RETURN_IF_ERROR(WalkFolder(sub, child, hashes, total));
    } else if (type == DT_REG) {
      struct stat st;
      REGFS_ASSIGN_OR_RETURN(int fd, OpenRegular(dirfd, name.c_str(), child, &st));
      Fd guard(fd);
      REGFS_ASSIGN_OR_RETURN(HashResult h,
                             HashFd(fd, static_cast<uint64_t>(st.st_size), kHashChunk, child));
      hashes->push_back(std::move(h.hash));
      *total += h.size;
    }
  }
  return Status();
}

}  // namespace

std::string B64Digest(const unsigned char* digest, size_t len) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string out;
  out.reserve((len + 2) / 3 * 4);
  size_t i = 0;
  for (; i + 3 <= len; i += 3) {
    uint32_t v = (uint32_t{digest[i]} << 16) | (uint32_t{digest[i + 1]} << 8) | digest[i + 2];
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += kAlphabet[(v >> 6) & 63];
    out += kAlphabet[v & 63];
  }
  // The tail without '=' padding: LaminDB strips it anyway.
  if (len - i == 1) {
    uint32_t v = uint32_t{digest[i]} << 16;
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
  } else if (len - i == 2) {
    uint32_t v = (uint32_t{digest[i]} << 16) | (uint32_t{digest[i + 1]} << 8);
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += kAlphabet[(v >> 6) & 63];
  }
  if (out.size() > 22) out.resize(22);
  return out;
}

Result<HashResult> HashFile(const std::string& path, uint64_t chunk) {
  struct stat st;
  REGFS_ASSIGN_OR_RETURN(int fd, OpenRegular(AT_FDCWD, path.c_str(), path, &st));
  Fd guard(fd);
  return HashFd(fd, static_cast<uint64_t>(st.st_size), chunk, path);
}

HashResult HashBytes(std::string_view data, uint64_t chunk) {
  HashResult r;
  r.size = data.size();
  if (data.size() <= chunk) {
    r.hash = B64(OneShot(EVP_md5(), data.data(), data.size()));
    r.hash_type = "md5";
    return r;
  }
  size_t c = static_cast<size_t>(chunk);
  std::string first = OneShot(EVP_sha1(), data.data(), c);
  std::string last = OneShot(EVP_sha1(), data.data() + data.size() - c, c);
  r.hash = B64(FirstLast(first, last));
  r.hash_type = "sha1-fl";
  return r;
}

Result<HashResult> HashFolder(const std::string& path, int64_t* n_files) {
  int fd = open(path.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return Status::FromErrno(errno, "open " + path);
  Fd guard(fd);
  std::vector<std::string> hashes;
  uint64_t total = 0;
  REGFS_RETURN_IF_ERROR(WalkFolder(fd, path, &hashes, &total));
  if (n_files) *n_files = static_cast<int64_t>(hashes.size());
  HashResult r;
  r.hash = FolderHash(std::move(hashes));
  r.hash_type = "md5-d";
  r.size = total;
  return r;
}

std::string FolderHash(std::vector<std::string> file_hashes) {
  // Python's sorted() on ASCII str is plain byte order, which std::sort gives.
  std::sort(file_hashes.begin(), file_hashes.end());
  Digest outer(EVP_md5());
  for (const std::string& h : file_hashes) {
    std::string inner = OneShot(EVP_md5(), h.data(), h.size());
    outer.Update(inner.data(), inner.size());
  }
  return B64(outer.Final());
}

// ---------------------------------------------------------------- StreamHasher

struct StreamHasher::Ctx {
  std::unique_ptr<Digest> md5;
  std::unique_ptr<Digest> sha1;

  void Reset() {
    md5 = std::make_unique<Digest>(EVP_md5());
    sha1 = std::make_unique<Digest>(EVP_sha1());
  }
  bool ok() const { return md5->ok() && sha1->ok(); }
};

StreamHasher::StreamHasher(uint64_t chunk) : ctx_(std::make_unique<Ctx>()), chunk_(chunk) {
  ctx_->Reset();
  broken_ = !ctx_->ok();
}

StreamHasher::~StreamHasher() = default;

void StreamHasher::Update(uint64_t offset, const void* data, size_t len) {
  if (broken_) return;
  if (offset != seen_) {
    broken_ = true;
    return;
  }
  if (seen_ < chunk_) {
    // Only the first `chunk` bytes are hashed on the way in: that is the whole md5 for a
    // small file, and the "first" half of sha1-fl for a large one.
    size_t n = static_cast<size_t>(std::min<uint64_t>(len, chunk_ - seen_));
    ctx_->md5->Update(data, n);
    ctx_->sha1->Update(data, n);
    if (!ctx_->ok()) broken_ = true;
  }
  seen_ += len;
}

void StreamHasher::Truncated(uint64_t size) {
  if (size == 0) {
    // Nothing of the old content survives a truncation to zero, so the stream can start
    // over (the `>` of a shell opens with O_TRUNC before writing).
    ctx_->Reset();
    seen_ = 0;
    broken_ = !ctx_->ok();
    return;
  }
  if (size != seen_) broken_ = true;
}

Result<HashResult> StreamHasher::Finish(const std::string& path, uint64_t size) {
  if (broken_ || size != seen_) return HashFile(path, chunk_);
  // The contexts are consumed below; a second Finish() falls back to a full rehash.
  broken_ = true;
  HashResult r;
  r.size = size;
  if (size <= chunk_) {
    std::string raw = ctx_->md5->Final();
    if (raw.empty()) return HashFile(path, chunk_);
    r.hash = B64(raw);
    r.hash_type = "md5";
    return r;
  }
  std::string first = ctx_->sha1->Final();
  if (first.empty()) return HashFile(path, chunk_);
  struct stat st;
  REGFS_ASSIGN_OR_RETURN(int fd, OpenRegular(AT_FDCWD, path.c_str(), path, &st));
  Fd guard(fd);
  // The caller's idea of the size disagrees with the file: trust the file.
  if (static_cast<uint64_t>(st.st_size) != size) {
    return HashFd(fd, static_cast<uint64_t>(st.st_size), chunk_, path);
  }
  Digest last(EVP_sha1());
  std::vector<unsigned char> buf;
  REGFS_RETURN_IF_ERROR(FeedRange(fd, size - chunk_, chunk_, {&last}, &buf, path));
  std::string l = last.Final();
  if (l.empty()) return Status::IO("hash " + path + ": OpenSSL sha1 failed");
  r.hash = B64(FirstLast(first, l));
  r.hash_type = "sha1-fl";
  return r;
}

}  // namespace regfs
