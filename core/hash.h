// Content hashes exactly as LaminDB computes them (SPEC.md section 2).
//
//   size <= 50 MiB : b64(md5(content)),                                   type "md5"
//   larger         : b64(sha1(sha1(first 50 MiB) || sha1(last 50 MiB))),  type "sha1-fl"
//   folder         : b64(md5(concat(md5(h) for h in sorted(file hashes)))), type "md5-d"
// b64 = URL-safe base64 of the raw digest, '=' removed, first 22 characters.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace regfs {

inline constexpr uint64_t kHashChunk = 50ull * 1024 * 1024;  // 52,428,800 bytes

struct HashResult {
  std::string hash;
  std::string hash_type;  // "md5", "sha1-fl" or "md5-d"
  uint64_t size = 0;
};

std::string B64Digest(const unsigned char* digest, size_t len);  // URL-safe, 22 chars

// Hashes a whole file (opened with O_NOFOLLOW). `chunk` is only for tests of sha1-fl.
Result<HashResult> HashFile(const std::string& path, uint64_t chunk = kHashChunk);
// Hashes in-memory content (same rules as HashFile).
HashResult HashBytes(std::string_view data, uint64_t chunk = kHashChunk);
// Hashes a folder: every regular file below it, recursively (symlinks are not followed).
// Returns the number of files in *n_files.
Result<HashResult> HashFolder(const std::string& path, int64_t* n_files = nullptr);
// Combines per-file hashes into the md5-d folder hash.
std::string FolderHash(std::vector<std::string> file_hashes);

// A hash computed while data streams in, written sequentially from offset 0 (the FUSE
// write path). It feeds md5 and sha1 of the first `chunk` bytes as the data passes. When the
// writes stop being sequential it marks itself broken, and Finish() rehashes the file.
// Past `chunk` bytes Finish() reads only the last `chunk` bytes back from `path`; files up
// to `chunk` are never read twice.
class StreamHasher {
 public:
  explicit StreamHasher(uint64_t chunk = kHashChunk);
  ~StreamHasher();
  StreamHasher(const StreamHasher&) = delete;
  StreamHasher& operator=(const StreamHasher&) = delete;

  // Data written at `offset`. Non-sequential data (offset != bytes seen) breaks the stream.
  void Update(uint64_t offset, const void* data, size_t len);
  // The file was truncated to `size` (breaks the stream unless size == bytes seen).
  void Truncated(uint64_t size);
  bool sequential() const { return !broken_; }
  // Final hash of the file at `path`, whose size is `size`.
  Result<HashResult> Finish(const std::string& path, uint64_t size);

 private:
  struct Ctx;
  std::unique_ptr<Ctx> ctx_;
  uint64_t chunk_;
  uint64_t seen_ = 0;
  bool broken_ = false;
};

}  // namespace regfs
