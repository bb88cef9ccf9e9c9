// An S3 client over libcurl for one bucket: the object operations regfs's S3 storage needs.
//
// Thread safety: every method may be called from many threads at once; each request borrows
// an easy handle from a pool (at most S3ClientOptions::max_connections, callers beyond that
// wait for one), and a handle keeps its connection open between requests (HTTP keep-alive),
// so a busy mount pays the TCP (and TLS) set-up once per handle, not per request. No lock is
// held while a request is on the wire.
//
// Time bounds (defaults; S3ClientOptions):
//   - connecting: 5 s per attempt;
//   - stall: an attempt that moves no byte in either direction for 10 s fails ("no answer
//     from <endpoint> within 10 s"): a server that stops answering never hangs a caller;
//   - retries: 5xx, 429, throttling and transient S3 codes, connection failures and stalls
//     are tried again, up to 4 attempts, with exponential backoff and full jitter (100 ms base,
//     2 s cap), but no attempt starts more than 20 s after the operation began.
//   So no operation waits on a silent server for more than 20 s + 5 s + 10 s = 35 s; a server
//   that accepts connections and then says nothing fails in about 20 s (two stalls; measured
//   20.1 s), a closed port in well under a second (four refused connects; measured 0.2 s).
//   A transfer that keeps moving bytes is never cut off: big objects take what they take.
//   Every operation here is idempotent in effect, so all are retried: a repeated PUT, part
//   upload, copy or delete leaves the same state, and a CompleteMultipartUpload repeated after
//   its answer was lost is recognized by a HEAD of the object. (A repeated
//   CreateMultipartUpload can leave one unused upload behind; it holds no object.)
//
// Request bodies are streamed from the caller's file descriptor (pread, no copy in memory)
// with UNSIGNED-PAYLOAD as the signed payload hash: hashing first would read every file twice.
// Integrity on the wire comes from TLS on https endpoints and, when the caller knows the md5
// (regfs hashes content as it is written), from Content-MD5, which S3 checks. Response bodies
// of ranged GETs are written straight into the caller's buffer.
//
// Errors: see core/storage/s3/errors.h for the codes; transport failures are kIO with the
// endpoint and the bound in the message.
#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "core/storage/s3/config.h"
#include "core/sync.h"

namespace regfs::s3 {

struct S3ClientOptions {
  std::chrono::milliseconds connect_timeout{5000};
  int stall_timeout_s = 10;  // whole seconds: libcurl's low-speed limit counts seconds
  int max_attempts = 4;
  std::chrono::milliseconds retry_window{20000};
  std::chrono::milliseconds backoff_base{100};
  std::chrono::milliseconds backoff_cap{2000};
  size_t max_connections = 16;
  // Put() switches to a multipart upload above this size, in parts of part_size (raised
  // when needed to stay within S3's 10,000 parts), with upload_concurrency parts in flight.
  uint64_t multipart_threshold = 16ull << 20;
  uint64_t part_size = 8ull << 20;
  int upload_concurrency = 4;
  // Copy() of a larger object copies it in parts (UploadPartCopy) of copy_part_size.
  uint64_t copy_threshold = 5ull << 30;  // S3's limit for a single CopyObject
  uint64_t copy_part_size = 512ull << 20;
};

struct ObjectInfo {
  std::string key;
  uint64_t size = 0;
  std::string etag;           // as S3 sends it, quotes removed: "9b2c...", "9b2c...-4"
  std::string last_modified;  // as S3 sends it
};

struct ListRequest {
  std::string prefix;
  std::string delimiter;  // "/" to get CommonPrefixes
  std::string continuation_token;
  std::string start_after;
  int max_keys = 1000;
};

struct ListPage {
  std::vector<ObjectInfo> objects;
  std::vector<std::string> common_prefixes;
  bool truncated = false;
  std::string next_continuation_token;
};

struct PutOptions {
  std::optional<std::array<unsigned char, 16>> content_md5;  // single-request uploads only
  std::string content_type;
};

struct PutResult {
  std::string etag;  // quotes removed
  int parts = 0;     // 0 for a single PutObject
};

struct CompletedPart {
  int number = 0;
  std::string etag;  // quotes removed
};

// Requests counted since the client was made (what was sent, retries included).
struct S3Stats {
  uint64_t requests = 0;
  uint64_t retries = 0;
  uint64_t head = 0, get = 0, put = 0, post = 0, del = 0;
  uint64_t bytes_sent = 0;
  uint64_t bytes_received = 0;
  uint64_t connections = 0;     // TCP connections opened: keep-alive keeps this low
  uint64_t peak_in_flight = 0;  // most requests on the wire at once
};

// Destroying a client while a call on it is still running is not allowed.
class S3Client {
 public:
  // Errors: kIO when libcurl cannot be initialized.
  static Result<std::unique_ptr<S3Client>> Create(S3Config config, S3ClientOptions options = {});
  ~S3Client();
  S3Client(const S3Client&) = delete;
  S3Client& operator=(const S3Client&) = delete;

  const S3Config& config() const { return config_; }
  const S3ClientOptions& options() const { return options_; }
  // "s3://bucket/key".
  std::string Describe(std::string_view key) const;

  // Checks that the bucket exists and the credentials may list it (one ListObjectsV2 of at
  // most one key below the root's prefix): the mount-time check that turns a missing bucket
  // or wrong credentials into a clear message before anything else happens.
  Status CheckBucket();

  // Size, ETag and time of an object. kNotFound when there is none.
  Result<ObjectInfo> Head(std::string_view key);
  // Reads up to `len` bytes at `offset` into `buf`; returns how many were read, which is less
  // than `len` only at the end of the object (0 when offset >= its size).
  Result<size_t> Get(std::string_view key, uint64_t offset, void* buf, size_t len);
  // Uploads `size` bytes of `fd` from offset 0 (pread: the fd's file offset is untouched and
  // the fd may be shared). Multipart above options().multipart_threshold; a multipart upload
  // that fails is aborted. Overwrites an existing object.
  Result<PutResult> Put(std::string_view key, int fd, uint64_t size, const PutOptions& opt = {});
  // Uploads a small in-memory object (markers, tests).
  Result<PutResult> PutBytes(std::string_view key, std::string_view data,
                             const PutOptions& opt = {});
  // Deletes an object; deleting one that does not exist succeeds (as S3 answers).
  Status Delete(std::string_view key);
  // One page of ListObjectsV2.
  Result<ListPage> List(const ListRequest& req);
  // Every object below `prefix`, page by page; stops at the first error `fn` returns.
  Status ListAll(std::string_view prefix, const std::function<Status(const ObjectInfo&)>& fn);
  // Server-side copy within the bucket (renames are Copy + Delete); in parts above
  // options().copy_threshold. `size` is the source's size when the caller knows it (the
  // registry does), saving a HeadObject. kNotFound when the source does not exist.
  Result<PutResult> Copy(std::string_view src_key, std::string_view dst_key,
                         std::optional<uint64_t> size = std::nullopt);

  // The multipart steps, for callers that upload while a file is still being written.
  Result<std::string> CreateMultipartUpload(std::string_view key, const PutOptions& opt = {});
  Result<std::string> UploadPart(std::string_view key, std::string_view upload_id, int number,
                                 int fd, uint64_t offset, uint64_t len);
  Result<PutResult> CompleteMultipartUpload(std::string_view key, std::string_view upload_id,
                                            const std::vector<CompletedPart>& parts);
  Status AbortMultipartUpload(std::string_view key, std::string_view upload_id);

  S3Stats stats() const;

 private:
  struct Request;
  struct Response;
  struct Handle;
  S3Client(S3Config config, S3ClientOptions options);

  Result<Response> Execute(Request& req);
  Status Attempt(Request& req, Response* resp, Handle* h, bool* retryable);
  Handle* Acquire() EXCLUDES(mu_);
  void Release(Handle* h) EXCLUDES(mu_);
  std::string PathFor(std::string_view key) const;
  Status ErrorFor(const Request& req, const Response& resp) const;
  Result<PutResult> PutMultipart(std::string_view key, int fd, uint64_t size,
                                 const PutOptions& opt);
  Result<PutResult> CopyMultipart(std::string_view src_key, std::string_view dst_key,
                                  uint64_t size);

  const S3Config config_;
  const S3ClientOptions options_;

  Mutex mu_;
  CondVar cv_;
  std::vector<Handle*> idle_ GUARDED_BY(mu_);
  size_t handles_ GUARDED_BY(mu_) = 0;

  struct Counters {
    std::atomic<uint64_t> requests{0}, retries{0}, head{0}, get{0}, put{0}, post{0}, del{0};
    std::atomic<uint64_t> bytes_sent{0}, bytes_received{0}, connections{0};
    std::atomic<uint64_t> in_flight{0}, peak_in_flight{0};
  };
  mutable Counters counters_;
};

}  // namespace regfs::s3
