#include "core/storage/s3/client.h"

#include <curl/curl.h>
#include <openssl/evp.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <mutex>
#include <random>
#include <thread>

#include "core/storage/s3/errors.h"
#include "core/storage/s3/sigv4.h"
#include "core/storage/s3/xml.h"

namespace regfs::s3 {

namespace {

using Clock = std::chrono::steady_clock;

constexpr uint64_t kMaxParts = 10000;
constexpr uint64_t kMinPartSize = 5ull << 20;  // S3's minimum for every part but the last
constexpr long kBufferSize = 256 * 1024;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string StripQuotes(std::string_view s) {
  while (!s.empty() && (s.front() == '"' || s.front() == ' ')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == '"' || s.back() == ' ')) s.remove_suffix(1);
  return std::string(s);
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Decoding for encoding-type=url listings ('+' is a space there).
std::string UrlDecodePlus(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '+') {
      out.push_back(' ');
    } else if (s[i] == '%' && i + 2 < s.size() && HexValue(s[i + 1]) >= 0 &&
               HexValue(s[i + 2]) >= 0) {
      out.push_back(static_cast<char>(HexValue(s[i + 1]) * 16 + HexValue(s[i + 2])));
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

std::string Base64(const unsigned char* data, size_t len) {
  std::string out(4 * ((len + 2) / 3), '\0');
  int n =
      EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), data, static_cast<int>(len));
  out.resize(static_cast<size_t>(n));
  return out;
}

bool RetryableCurl(CURLcode cc) {
  switch (cc) {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_CONNECT:
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM: return true;
    default: return false;
  }
}

// "5 s", "20.3 s".
template <typename D>
std::string Seconds(D d) {
  double s = std::chrono::duration_cast<std::chrono::duration<double>>(d).count();
  char buf[32];
  if (s == static_cast<double>(static_cast<int64_t>(s))) {
    snprintf(buf, sizeof buf, "%lld s", static_cast<long long>(s));
  } else {
    snprintf(buf, sizeof buf, "%.1f s", s);
  }
  return buf;
}

void InitCurlOnce() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

}  // namespace

struct S3Client::Handle {
  CURL* curl = nullptr;
  char errbuf[CURL_ERROR_SIZE] = {};
};

struct S3Client::Request {
  const char* op = "";  // "GetObject": for messages
  std::string method;   // "GET", "HEAD", "PUT", "POST", "DELETE"
  std::string key;      // "" for a bucket request
  QueryList query;
  HeaderList headers;  // signed and sent as they are

  // Body: memory, or `fd_len` bytes of `fd` from `fd_offset`.
  std::string mem_body;
  bool sign_mem_body = false;  // payload hash = sha256(mem_body) instead of UNSIGNED-PAYLOAD
  int fd = -1;
  uint64_t fd_offset = 0;
  uint64_t fd_len = 0;

  // Ranged GET into the caller's buffer: `sink_len` bytes from `range_offset`.
  char* sink = nullptr;
  size_t sink_len = 0;
  uint64_t range_offset = 0;

  size_t max_body = 1 << 20;  // an answer's document larger than this is refused
};

struct S3Client::Response {
  long status = 0;
  HeaderList headers;  // names lower-cased
  std::string body;
  size_t sunk = 0;  // bytes written into Request::sink, over all attempts
  int attempts = 0;

  std::string Header(std::string_view name) const {
    for (const auto& [k, v] : headers) {
      if (k == name) return v;
    }
    return "";
  }
};

namespace {

// State of one attempt, shared with libcurl's callbacks.
struct Transfer {
  const void* req_ptr = nullptr;
  // Upload side.
  const char* mem = nullptr;
  size_t mem_len = 0;
  int fd = -1;
  uint64_t fd_offset = 0;
  uint64_t body_len = 0;
  uint64_t body_pos = 0;
  int read_errno = 0;
  // Download side.
  long status = 0;
  HeaderList* headers = nullptr;
  std::string* body = nullptr;
  size_t max_body = 0;
  bool body_too_large = false;
  char* sink = nullptr;
  size_t sink_len = 0;
  size_t* sunk = nullptr;
  uint64_t skip = 0;  // bytes to drop before the sink (a 200 answer to a ranged GET)
  bool skip_set = false;
  uint64_t range_start = 0;
  bool sink_full = false;     // stopped on purpose: everything asked for has arrived
  bool bad_range = false;     // a 206 that starts after the byte asked for
  bool empty_object = false;  // a 206 whose Content-Range says the object has 0 bytes
  uint64_t bytes_in = 0;
};

size_t ReadCb(char* buf, size_t size, size_t n, void* p) {
  auto* t = static_cast<Transfer*>(p);
  size_t want = size * n;
  uint64_t left = t->body_len - t->body_pos;
  if (want > left) want = static_cast<size_t>(left);
  if (want == 0) return 0;
  if (t->mem) {
    memcpy(buf, t->mem + t->body_pos, want);
    t->body_pos += want;
    return want;
  }
  for (;;) {
    ssize_t r = pread(t->fd, buf, want, static_cast<off_t>(t->fd_offset + t->body_pos));
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) {
      // A file that shrank under the upload is an error too: the length was promised.
      t->read_errno = r < 0 ? errno : EIO;
      return CURL_READFUNC_ABORT;
    }
    t->body_pos += static_cast<uint64_t>(r);
    return static_cast<size_t>(r);
  }
}

int SeekCb(void* p, curl_off_t offset, int origin) {
  auto* t = static_cast<Transfer*>(p);
  if (origin != SEEK_SET || offset < 0 || static_cast<uint64_t>(offset) > t->body_len) {
    return CURL_SEEKFUNC_FAIL;
  }
  t->body_pos = static_cast<uint64_t>(offset);
  return CURL_SEEKFUNC_OK;
}

size_t HeaderCb(char* buf, size_t size, size_t n, void* p) {
  auto* t = static_cast<Transfer*>(p);
  size_t len = size * n;
  std::string_view line(buf, len);
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
  if (line.substr(0, 5) == "HTTP/") {
    // A new status line (after a "100 Continue", say): start over.
    size_t sp = line.find(' ');
    t->status = sp == std::string_view::npos ? 0 : atol(std::string(line.substr(sp + 1)).c_str());
    t->headers->clear();
    return len;
  }
  size_t colon = line.find(':');
  if (colon != std::string_view::npos) {
    std::string_view v = line.substr(colon + 1);
    while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
    std::string name = Lower(line.substr(0, colon));
    // "Content-Range: bytes 0-0/0" (s3rver's answer to a ranged GET of an empty object,
    // which also promises a byte it never sends): nothing to read, so stop here rather
    // than wait for that byte.
    if (t->sink && t->status == 206 && name == "content-range" && v.size() >= 2 &&
        v.substr(v.size() - 2) == "/0") {
      t->empty_object = true;
      return 0;
    }
    t->headers->emplace_back(std::move(name), std::string(v));
  }
  return len;
}

size_t WriteCb(char* data, size_t size, size_t n, void* p) {
  auto* t = static_cast<Transfer*>(p);
  size_t len = size * n;
  t->bytes_in += len;
  if (t->sink && t->status >= 200 && t->status < 300) {
    if (!t->skip_set) {
      // A server may ignore Range and send the whole object (200): drop what precedes the
      // range. A 206 says in Content-Range where its bytes start.
      t->skip = t->status == 200 ? t->range_start : 0;
      if (t->status == 206) {
        uint64_t first = t->range_start;
        for (const auto& [k, v] : *t->headers) {
          if (k == "content-range" && v.rfind("bytes ", 0) == 0) {
            first = std::strtoull(v.c_str() + 6, nullptr, 10);
          }
        }
        if (first > t->range_start) {
          t->bad_range = true;
          return 0;
        }
        t->skip = t->range_start - first;
      }
      t->skip_set = true;
    }
    size_t off = 0;
    if (t->skip) {
      size_t drop = static_cast<size_t>(std::min<uint64_t>(t->skip, len));
      t->skip -= drop;
      off = drop;
    }
    size_t room = t->sink_len - *t->sunk;
    size_t take = std::min(room, len - off);
    memcpy(t->sink + *t->sunk, data + off, take);
    *t->sunk += take;
    if (off + take < len) {
      t->sink_full = true;  // more than asked for: stop here, on purpose
      return 0;
    }
    return len;
  }
  if (t->body->size() + len > t->max_body) {
    t->body_too_large = true;
    return 0;
  }
  t->body->append(data, len);
  return len;
}

}  // namespace

Result<std::unique_ptr<S3Client>> S3Client::Create(S3Config config, S3ClientOptions options) {
  InitCurlOnce();
  curl_version_info_data* info = curl_version_info(CURLVERSION_NOW);
  if (!info) return Status::IO("libcurl is not usable");
  if (options.max_connections == 0) options.max_connections = 1;
  if (options.max_attempts < 1) options.max_attempts = 1;
  if (options.upload_concurrency < 1) options.upload_concurrency = 1;
  if (options.part_size < kMinPartSize) options.part_size = kMinPartSize;
  if (options.stall_timeout_s < 1) options.stall_timeout_s = 1;
  return std::unique_ptr<S3Client>(new S3Client(std::move(config), options));
}

S3Client::S3Client(S3Config config, S3ClientOptions options)
    : config_(std::move(config)), options_(options) {}

S3Client::~S3Client() {
  MutexLock lock(&mu_);
  for (Handle* h : idle_) {
    curl_easy_cleanup(h->curl);
    delete h;
  }
  idle_.clear();
}

std::string S3Client::Describe(std::string_view key) const {
  return key.empty() ? "s3://" + config_.root.bucket
                     : "s3://" + config_.root.bucket + "/" + std::string(key);
}

S3Client::Handle* S3Client::Acquire() {
  MutexLock lock(&mu_);
  for (;;) {
    if (!idle_.empty()) {
      Handle* h = idle_.back();
      idle_.pop_back();
      return h;
    }
    if (handles_ < options_.max_connections) {
      ++handles_;
      break;
    }
    cv_.Wait(&mu_);
  }
  // Made outside the wait loop but under the lock: curl_easy_init is cheap and this keeps
  // the count exact.
  auto* h = new Handle;
  h->curl = curl_easy_init();
  return h;
}

void S3Client::Release(Handle* h) {
  MutexLock lock(&mu_);
  idle_.push_back(h);
  cv_.Signal();
}

std::string S3Client::PathFor(std::string_view key) const {
  std::string path = config_.endpoint.base_path;
  if (config_.path_style) {
    path += "/" + UriEncode(config_.root.bucket, false);
    if (!key.empty()) path += "/" + UriEncode(key, true);
  } else {
    path += "/" + UriEncode(key, true);
  }
  return path;
}

Status S3Client::ErrorFor(const Request& req, const Response& resp) const {
  std::string target = Describe(req.key);
  std::string endpoint = config_.EndpointUrl();
  std::string bucket_region = resp.Header("x-amz-bucket-region");
  RequestContext ctx;
  ctx.op = req.op;
  ctx.target = target;
  ctx.bucket = config_.root.bucket;
  ctx.endpoint = endpoint;
  ctx.cred_source = config_.credentials.source;
  ctx.object_request = !req.key.empty();
  ctx.bucket_region_header = bucket_region;
  ctx.region = config_.region;
  Status st = ErrorFromResponse(ctx, resp.status, resp.body);
  if (resp.attempts > 1) {
    st = Status(st.code(), st.message() + " (" + std::to_string(resp.attempts) + " attempts)");
  }
  return st;
}

// One attempt: returns OK with `resp` filled for any HTTP answer, or the transport failure;
// then `*retryable` says whether another attempt may help.
Status S3Client::Attempt(Request& req, Response* resp, Handle* h, bool* retryable) {
  *retryable = false;
  CURL* c = h->curl;
  if (!c) return Status::IO(std::string(req.op) + ": libcurl could not make a handle");
  curl_easy_reset(c);  // keeps the handle's open connection
  h->errbuf[0] = '\0';

  const bool is_get_into_sink = req.sink != nullptr;
  uint64_t range_start = req.range_offset + resp->sunk;
  HeaderList headers = req.headers;
  if (is_get_into_sink) {
    uint64_t last = req.range_offset + req.sink_len - 1;
    headers.emplace_back("range",
                         "bytes=" + std::to_string(range_start) + "-" + std::to_string(last));
  }

  std::string path = PathFor(req.key);
  std::string query = CanonicalQuery(req.query);
  std::string url = config_.endpoint.scheme + "://" + config_.endpoint.host;
  if (config_.endpoint.port) url += ":" + std::to_string(config_.endpoint.port);
  url += path;
  if (!query.empty()) url += "?" + query;

  const bool has_body = !req.mem_body.empty() || req.fd >= 0;
  std::string payload_hash(kUnsignedPayload);
  if (!has_body || req.sign_mem_body) payload_hash = Sha256Hex(req.mem_body);

  struct curl_slist* slist = nullptr;
  auto add = [&](const std::string& name, const std::string& value) {
    std::string line = name + ": " + value;
    slist = curl_slist_append(slist, line.c_str());
  };
  std::string host = config_.endpoint.HostHeader();
  add("Host", host);
  for (const auto& [k, v] : headers) add(k, v);
  if (!config_.credentials.anonymous()) {
    HeaderList to_sign = headers;
    to_sign.emplace_back("host", host);
    to_sign.emplace_back("x-amz-content-sha256", payload_hash);
    add("x-amz-content-sha256", payload_hash);
    std::string amz_date = AmzDate(std::chrono::system_clock::now());
    SignRequest sr;
    sr.method = req.method;
    sr.canonical_uri = path;
    sr.query = &req.query;
    sr.headers = &to_sign;
    sr.payload_hash = payload_hash;
    sr.amz_date = amz_date;
    sr.region = config_.region;
    sr.service = "s3";
    SigningKeyPair key{config_.credentials.access_key_id, config_.credentials.secret_access_key,
                       config_.credentials.session_token};
    Signed s = SignV4(sr, key);
    for (const auto& [k, v] : s.add_headers) add(k, v);
  }
  bool has_content_type = false;
  for (const auto& [k, v] : headers) has_content_type |= Lower(k) == "content-type";
  // libcurl would label a POST as a form; S3 documents carry no such type.
  if (req.method == "POST" && !has_content_type) slist = curl_slist_append(slist, "Content-Type:");

  Transfer t;
  t.headers = &resp->headers;
  resp->headers.clear();
  resp->body.clear();
  t.body = &resp->body;
  t.max_body = req.max_body;
  t.sink = req.sink;
  t.sink_len = req.sink_len;
  t.sunk = &resp->sunk;
  t.range_start = range_start;
  if (!req.mem_body.empty()) {
    t.mem = req.mem_body.data();
    t.mem_len = req.mem_body.size();
    t.body_len = req.mem_body.size();
  } else if (req.fd >= 0) {
    t.fd = req.fd;
    t.fd_offset = req.fd_offset;
    t.body_len = req.fd_len;
  }

  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_PATH_AS_IS, 1L);  // keys may hold "./" or "//"
  curl_easy_setopt(c, CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_1_1));
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, slist);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);  // threads: no SIGALRM for timeouts
  curl_easy_setopt(c, CURLOPT_TCP_KEEPALIVE, 1L);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS,
                   static_cast<long>(options_.connect_timeout.count()));
  curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, 1L);
  curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, static_cast<long>(options_.stall_timeout_s));
  curl_easy_setopt(c, CURLOPT_BUFFERSIZE, kBufferSize);
  curl_easy_setopt(c, CURLOPT_UPLOAD_BUFFERSIZE, kBufferSize);
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, h->errbuf);
  curl_easy_setopt(c, CURLOPT_USERAGENT, "regfs/0.1");
  curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, HeaderCb);
  curl_easy_setopt(c, CURLOPT_HEADERDATA, &t);
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, WriteCb);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &t);
  if (!config_.ca_bundle.empty()) curl_easy_setopt(c, CURLOPT_CAINFO, config_.ca_bundle.c_str());

  if (req.method == "HEAD") {
    curl_easy_setopt(c, CURLOPT_NOBODY, 1L);
  } else if (req.method == "GET") {
    curl_easy_setopt(c, CURLOPT_HTTPGET, 1L);
  } else if (req.method == "PUT") {
    curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(c, CURLOPT_READFUNCTION, ReadCb);
    curl_easy_setopt(c, CURLOPT_READDATA, &t);
    curl_easy_setopt(c, CURLOPT_SEEKFUNCTION, SeekCb);
    curl_easy_setopt(c, CURLOPT_SEEKDATA, &t);
    curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(t.body_len));
  } else if (req.method == "POST") {
    curl_easy_setopt(c, CURLOPT_POST, 1L);
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, req.mem_body.c_str());
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(req.mem_body.size()));
  } else {
    curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, req.method.c_str());
  }

  uint64_t now_in_flight = counters_.in_flight.fetch_add(1) + 1;
  uint64_t peak = counters_.peak_in_flight.load();
  while (now_in_flight > peak &&
         !counters_.peak_in_flight.compare_exchange_weak(peak, now_in_flight)) {
  }
  CURLcode cc = curl_easy_perform(c);
  counters_.in_flight.fetch_sub(1);
  curl_slist_free_all(slist);
  long new_connections = 0;
  curl_easy_getinfo(c, CURLINFO_NUM_CONNECTS, &new_connections);
  counters_.connections.fetch_add(static_cast<uint64_t>(new_connections),
                                  std::memory_order_relaxed);
  resp->status = t.status;
  if (t.status == 0) curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &resp->status);
  counters_.bytes_sent.fetch_add(req.method == "POST" ? req.mem_body.size() : t.body_pos,
                                 std::memory_order_relaxed);
  counters_.bytes_received.fetch_add(t.bytes_in, std::memory_order_relaxed);

  if (cc == CURLE_OK || (cc == CURLE_WRITE_ERROR && (t.sink_full || t.empty_object))) {
    return Status::OK();
  }
  std::string target = Describe(req.key);
  std::string head = std::string(req.op) + " " + target + ": ";
  if (cc == CURLE_WRITE_ERROR && t.bad_range) {
    return Status::IO(head + config_.EndpointUrl() + " answered a range other than the one asked");
  }
  if (cc == CURLE_WRITE_ERROR && t.body_too_large) {
    return Status::IO(head + "the answer from " + config_.EndpointUrl() + " is larger than " +
                      std::to_string(req.max_body) + " bytes");
  }
  if (cc == CURLE_ABORTED_BY_CALLBACK || (cc == CURLE_READ_ERROR && t.read_errno)) {
    return Status::FromErrno(t.read_errno ? t.read_errno : EIO, head + "read the data to upload");
  }
  // A transport failure: the caller decides whether to try again (RetryableCurl).
  long connected = 0;
  curl_easy_getinfo(c, CURLINFO_CONNECT_TIME_T, &connected);
  std::string why;
  if (cc == CURLE_OPERATION_TIMEDOUT) {
    why = connected > 0 || resp->status != 0
              ? "no answer from " + config_.EndpointUrl() + " within " +
                    std::to_string(options_.stall_timeout_s) + " s"
              : "cannot connect to " + config_.EndpointUrl() + " within " +
                    Seconds(options_.connect_timeout);
  } else if (cc == CURLE_COULDNT_CONNECT) {
    why = "cannot connect to " + config_.EndpointUrl() + " (" +
          (h->errbuf[0] ? std::string(h->errbuf) : std::string(curl_easy_strerror(cc))) + ")";
  } else {
    why = std::string(curl_easy_strerror(cc)) + " talking to " + config_.EndpointUrl() +
          (h->errbuf[0] ? std::string(" (") + h->errbuf + ")" : "");
  }
  *retryable = RetryableCurl(cc);
  return Status::IO(head + why);
}

Result<S3Client::Response> S3Client::Execute(Request& req) {
  static thread_local std::mt19937_64 rng{std::random_device{}()};
  Response resp;
  const Clock::time_point start = Clock::now();
  Status last;
  for (int attempt = 1;; ++attempt) {
    resp.attempts = attempt;
    counters_.requests.fetch_add(1, std::memory_order_relaxed);
    if (attempt > 1) counters_.retries.fetch_add(1, std::memory_order_relaxed);
    if (req.method == "HEAD") {
      counters_.head.fetch_add(1, std::memory_order_relaxed);
    } else if (req.method == "GET") {
      counters_.get.fetch_add(1, std::memory_order_relaxed);
    } else if (req.method == "PUT") {
      counters_.put.fetch_add(1, std::memory_order_relaxed);
    } else if (req.method == "POST") {
      counters_.post.fetch_add(1, std::memory_order_relaxed);
    } else {
      counters_.del.fetch_add(1, std::memory_order_relaxed);
    }

    Handle* h = Acquire();
    bool retry = false;
    Status st = Attempt(req, &resp, h, &retry);
    Release(h);

    if (!st.ok()) {
      last = st;
    } else if (resp.status >= 300 ||
               (resp.status == 200 && req.method == "POST" &&
                resp.body.find("<Error") != std::string::npos) ||
               (resp.status == 200 && req.method == "PUT" &&
                resp.body.find("<Error") != std::string::npos)) {
      // S3 may answer 200 and put an error document in the body of a CopyObject, an
      // UploadPartCopy or a CompleteMultipartUpload.
      S3ErrorDoc doc;
      bool has_doc = ParseErrorDoc(resp.body, &doc);
      retry = RetryableHttpStatus(resp.status) || (has_doc && RetryableS3Code(doc.code));
      if (!retry) return resp;
      if (resp.status == 200) resp.status = 500;  // an error, whatever the status line said
      last = ErrorFor(req, resp);
    } else {
      return resp;
    }
    if (req.sink && resp.sunk == req.sink_len) return resp;  // all bytes arrived before it broke

    Clock::duration elapsed = Clock::now() - start;
    if (!retry || attempt >= options_.max_attempts || elapsed >= options_.retry_window) {
      if (!st.ok() && retry) {
        return Status::IO(last.message() + " (" + std::to_string(attempt) +
                          (attempt == 1 ? " attempt in " : " attempts in ") + Seconds(elapsed) +
                          ")");
      }
      if (!st.ok()) return last;
      return resp;  // the caller maps the HTTP error
    }
    // Exponential backoff with full jitter.
    auto cap = std::min<int64_t>(options_.backoff_cap.count(), options_.backoff_base.count()
                                                                   << std::min(attempt - 1, 20));
    std::uniform_int_distribution<int64_t> pick(0, std::max<int64_t>(cap, 0));
    std::this_thread::sleep_for(std::chrono::milliseconds(pick(rng)));
  }
}

Status S3Client::CheckBucket() {
  ListRequest lr;
  lr.prefix = config_.root.prefix.empty() ? "" : config_.root.prefix + "/";
  lr.max_keys = 1;
  auto page = List(lr);
  if (!page.ok()) return page.status();
  return Status::OK();
}

Result<ObjectInfo> S3Client::Head(std::string_view key) {
  Request req;
  req.op = "HeadObject";
  req.method = "HEAD";
  req.key = std::string(key);
  REGFS_ASSIGN_OR_RETURN(Response resp, Execute(req));
  if (resp.status != 200) return ErrorFor(req, resp);
  ObjectInfo info;
  info.key = std::string(key);
  std::string len = resp.Header("content-length");
  info.size = len.empty() ? 0 : std::strtoull(len.c_str(), nullptr, 10);
  info.etag = StripQuotes(resp.Header("etag"));
  info.last_modified = resp.Header("last-modified");
  return info;
}

Result<size_t> S3Client::Get(std::string_view key, uint64_t offset, void* buf, size_t len) {
  if (len == 0) return size_t{0};
  Request req;
  req.op = "GetObject";
  req.method = "GET";
  req.key = std::string(key);
  req.sink = static_cast<char*>(buf);
  req.sink_len = len;
  req.range_offset = offset;
  REGFS_ASSIGN_OR_RETURN(Response resp, Execute(req));
  if (resp.status == 200 || resp.status == 206) return resp.sunk;
  if (resp.status == 416) return resp.sunk;  // at or past the end of the object
  return ErrorFor(req, resp);
}

Result<PutResult> S3Client::PutBytes(std::string_view key, std::string_view data,
                                     const PutOptions& opt) {
  Request req;
  req.op = "PutObject";
  req.method = "PUT";
  req.key = std::string(key);
  req.mem_body = std::string(data);
  req.sign_mem_body = true;
  if (opt.content_md5) {
    req.headers.emplace_back("content-md5", Base64(opt.content_md5->data(), 16));
  }
  if (!opt.content_type.empty()) req.headers.emplace_back("content-type", opt.content_type);
  REGFS_ASSIGN_OR_RETURN(Response resp, Execute(req));
  if (resp.status != 200) return ErrorFor(req, resp);
  return PutResult{StripQuotes(resp.Header("etag")), 0};
}

Result<PutResult> S3Client::Put(std::string_view key, int fd, uint64_t size,
                                const PutOptions& opt) {
  constexpr uint64_t kMaxSinglePut = 5ull << 30;  // S3's limit for one PutObject
  if (size > options_.multipart_threshold || size > kMaxSinglePut) {
    return PutMultipart(key, fd, size, opt);
  }
  if (size == 0) return PutBytes(key, "", opt);
  Request req;
  req.op = "PutObject";
  req.method = "PUT";
  req.key = std::string(key);
  req.fd = fd;
  req.fd_len = size;
  if (opt.content_md5) {
    req.headers.emplace_back("content-md5", Base64(opt.content_md5->data(), 16));
  }
  if (!opt.content_type.empty()) req.headers.emplace_back("content-type", opt.content_type);
  REGFS_ASSIGN_OR_RETURN(Response resp, Execute(req));
  if (resp.status != 200) return ErrorFor(req, resp);
  return PutResult{StripQuotes(resp.Header("etag")), 0};
}

Result<std::string> S3Client::CreateMultipartUpload(std::string_view key, const PutOptions& opt) {
  Request req;
  req.op = "CreateMultipartUpload";
  req.method = "POST";
  req.key = std::string(key);
  req.query = {{"uploads", ""}};
  if (!opt.content_type.empty()) req.headers.emplace_back("content-type", opt.content_type);
  REGFS_ASSIGN_OR_RETURN(Response resp, Execute(req));
  if (resp.status != 200) return ErrorFor(req, resp);
  auto doc = ParseXml(resp.body);
  if (!doc.ok()) return doc.status().Annotate(std::string(req.op) + " " + Describe(key));
  std::string id = doc->ChildText("UploadId");
  if (id.empty()) {
    return Status::IO(std::string(req.op) + " " + Describe(key) + ": the answer has no UploadId");
  }
  return id;
}

Result<std::string> S3Client::UploadPart(std::string_view key, std::string_view upload_id,
                                         int number, int fd, uint64_t offset, uint64_t len) {
  Request req;
  req.op = "UploadPart";
  req.method = "PUT";
  req.key = std::string(key);
  req.query = {{"partNumber", std::to_string(number)}, {"uploadId", std::string(upload_id)}};
  req.fd = fd;
  req.fd_offset = offset;
  req.fd_len = len;
  REGFS_ASSIGN_OR_RETURN(Response resp, Execute(req));
  if (resp.status != 200) return ErrorFor(req, resp);
  std::string etag = StripQuotes(resp.Header("etag"));
  if (etag.empty()) {
    return Status::IO(std::string(req.op) + " " + Describe(key) + ": part " +
                      std::to_string(number) + " came back without an ETag");
  }
  return etag;
}

Result<PutResult> S3Client::CompleteMultipartUpload(std::string_view key,
                                                    std::string_view upload_id,
                                                    const std::vector<CompletedPart>& parts) {
  Request req;
  req.op = "CompleteMultipartUpload";
  req.method = "POST";
  req.key = std::string(key);
  req.query = {{"uploadId", std::string(upload_id)}};
  req.headers.emplace_back("content-type", "application/xml");
  std::string body = "<CompleteMultipartUpload>";
  for (const CompletedPart& p : parts) {
    body += "<Part><PartNumber>" + std::to_string(p.number) + "</PartNumber><ETag>\"" +
            XmlEscape(p.etag) + "\"</ETag></Part>";
  }
  body += "</CompleteMultipartUpload>";
  req.mem_body = std::move(body);
  req.sign_mem_body = true;
  REGFS_ASSIGN_OR_RETURN(Response resp, Execute(req));
  if (resp.status != 200) {
    S3ErrorDoc doc;
    if (resp.attempts > 1 && ParseErrorDoc(resp.body, &doc) && doc.code == "NoSuchUpload") {
      // An earlier attempt completed the upload and its answer was lost: the object is there.
      // Where the server writes multipart ETags as S3 does ("<md5>-<parts>"), the part count
      // must match, so that an older object under the same key is not taken for this one.
      auto info = Head(key);
      if (info.ok()) {
        size_t dash = info->etag.rfind('-');
        bool matches = dash == std::string::npos ||
                       info->etag.substr(dash + 1) == std::to_string(parts.size());
        if (matches) return PutResult{info->etag, static_cast<int>(parts.size())};
      }
    }
    return ErrorFor(req, resp);
  }
  auto doc = ParseXml(resp.body);
  if (!doc.ok()) return doc.status().Annotate(std::string(req.op) + " " + Describe(key));
  return PutResult{StripQuotes(doc->ChildText("ETag")), static_cast<int>(parts.size())};
}

Status S3Client::AbortMultipartUpload(std::string_view key, std::string_view upload_id) {
  Request req;
  req.op = "AbortMultipartUpload";
  req.method = "DELETE";
  req.key = std::string(key);
  req.query = {{"uploadId", std::string(upload_id)}};
  REGFS_ASSIGN_OR_RETURN(Response resp, Execute(req));
  if (resp.status == 204 || resp.status == 200) return Status::OK();
  S3ErrorDoc doc;
  if (ParseErrorDoc(resp.body, &doc) && doc.code == "NoSuchUpload") return Status::OK();
  return ErrorFor(req, resp);
}

Result<PutResult> S3Client::PutMultipart(std::string_view key, int fd, uint64_t size,
                                         const PutOptions& opt) {
  uint64_t part = options_.part_size;
  if ((size + part - 1) / part > kMaxParts) {
    part = (size + kMaxParts - 1) / kMaxParts;
    part = (part + (1 << 20) - 1) & ~uint64_t((1 << 20) - 1);  // whole MiB
  }
  const uint64_t nparts = (size + part - 1) / part;
  REGFS_ASSIGN_OR_RETURN(std::string upload_id, CreateMultipartUpload(key, opt));

  std::vector<CompletedPart> done(nparts);
  std::atomic<uint64_t> next{0};
  std::atomic<bool> failed{false};
  Mutex err_mu;
  Status first_error;
  auto worker = [&] {
    for (;;) {
      if (failed.load()) return;
      uint64_t i = next.fetch_add(1);
      if (i >= nparts) return;
      uint64_t off = i * part;
      uint64_t len = std::min(part, size - off);
      auto etag = UploadPart(key, upload_id, static_cast<int>(i + 1), fd, off, len);
      if (!etag.ok()) {
        MutexLock lock(&err_mu);
        if (first_error.ok()) first_error = etag.status();
        failed.store(true);
        return;
      }
      done[i] = CompletedPart{static_cast<int>(i + 1), *etag};
    }
  };
  const int nthreads = static_cast<int>(
      std::min<uint64_t>(static_cast<uint64_t>(options_.upload_concurrency), nparts));
  std::vector<std::thread> threads;
  threads.reserve(static_cast<size_t>(nthreads - 1));
  for (int i = 1; i < nthreads; ++i) threads.emplace_back(worker);
  worker();  // the calling thread uploads parts too
  for (auto& t : threads) t.join();

  Status st;
  {
    MutexLock lock(&err_mu);
    st = first_error;
  }
  if (st.ok()) {
    auto res = CompleteMultipartUpload(key, upload_id, done);
    if (res.ok()) return res;
    st = res.status();
  }
  // Leave nothing behind that a bill would show: the parts are dropped with the upload.
  Status abort = AbortMultipartUpload(key, upload_id);
  if (!abort.ok()) {
    return Status(st.code(), st.message() + "; and the upload " + upload_id +
                                 " could not be aborted: " + abort.message());
  }
  return st;
}

Status S3Client::Delete(std::string_view key) {
  Request req;
  req.op = "DeleteObject";
  req.method = "DELETE";
  req.key = std::string(key);
  REGFS_ASSIGN_OR_RETURN(Response resp, Execute(req));
  if (resp.status == 204 || resp.status == 200) return Status::OK();
  S3ErrorDoc doc;
  if (resp.status == 404 && ParseErrorDoc(resp.body, &doc) && doc.code == "NoSuchKey") {
    return Status::OK();  // some servers say so; S3 answers 204
  }
  return ErrorFor(req, resp);
}

Result<ListPage> S3Client::List(const ListRequest& lr) {
  Request req;
  req.op = "ListObjectsV2";
  req.method = "GET";
  req.key = "";
  req.query = {{"list-type", "2"}, {"encoding-type", "url"}};
  if (!lr.prefix.empty()) req.query.emplace_back("prefix", lr.prefix);
  if (!lr.delimiter.empty()) req.query.emplace_back("delimiter", lr.delimiter);
  if (!lr.continuation_token.empty()) {
    req.query.emplace_back("continuation-token", lr.continuation_token);
  }
  if (!lr.start_after.empty()) req.query.emplace_back("start-after", lr.start_after);
  if (lr.max_keys > 0) req.query.emplace_back("max-keys", std::to_string(lr.max_keys));
  req.max_body = 64 << 20;
  REGFS_ASSIGN_OR_RETURN(Response resp, Execute(req));
  if (resp.status != 200) return ErrorFor(req, resp);
  auto doc = ParseXml(resp.body);
  if (!doc.ok()) return doc.status().Annotate(std::string(req.op) + " " + Describe(""));
  if (doc->name != "ListBucketResult") {
    return Status::IO(std::string(req.op) + " " + Describe("") + ": unexpected <" + doc->name +
                      "> from " + config_.EndpointUrl());
  }
  // Keys come back encoded only when the server says it did what was asked.
  const bool encoded = doc->ChildText("EncodingType") == "url";
  auto decode = [&](const std::string& s) { return encoded ? UrlDecodePlus(s) : s; };
  ListPage page;
  for (const XmlNode& n : doc->children) {
    if (n.name == "Contents") {
      ObjectInfo o;
      o.key = decode(n.ChildText("Key"));
      o.size = std::strtoull(n.ChildText("Size").c_str(), nullptr, 10);
      o.etag = StripQuotes(n.ChildText("ETag"));
      o.last_modified = n.ChildText("LastModified");
      page.objects.push_back(std::move(o));
    } else if (n.name == "CommonPrefixes") {
      page.common_prefixes.push_back(decode(n.ChildText("Prefix")));
    }
  }
  page.truncated = doc->ChildText("IsTruncated") == "true";
  page.next_continuation_token = doc->ChildText("NextContinuationToken");
  if (page.truncated && page.next_continuation_token.empty()) {
    return Status::IO(std::string(req.op) + " " + Describe("") +
                      ": a truncated page without a continuation token from " +
                      config_.EndpointUrl());
  }
  return page;
}

Status S3Client::ListAll(std::string_view prefix,
                         const std::function<Status(const ObjectInfo&)>& fn) {
  ListRequest lr;
  lr.prefix = std::string(prefix);
  for (;;) {
    REGFS_ASSIGN_OR_RETURN(ListPage page, List(lr));
    for (const ObjectInfo& o : page.objects) REGFS_RETURN_IF_ERROR(fn(o));
    if (!page.truncated) return Status::OK();
    lr.continuation_token = page.next_continuation_token;
  }
}

Result<PutResult> S3Client::Copy(std::string_view src_key, std::string_view dst_key,
                                 std::optional<uint64_t> size) {
  if (!size) {
    REGFS_ASSIGN_OR_RETURN(ObjectInfo src, Head(src_key));
    size = src.size;
  }
  if (*size > options_.copy_threshold) return CopyMultipart(src_key, dst_key, *size);
  Request req;
  req.op = "CopyObject";
  req.method = "PUT";
  req.key = std::string(dst_key);
  req.headers.emplace_back("x-amz-copy-source",
                           "/" + config_.root.bucket + "/" + UriEncode(src_key, true));
  REGFS_ASSIGN_OR_RETURN(Response resp, Execute(req));
  if (resp.status != 200) {
    Status st = ErrorFor(req, resp);
    if (st.IsNotFound()) return Status::NotFound("CopyObject: no such source " + Describe(src_key));
    return st;
  }
  auto doc = ParseXml(resp.body);
  if (!doc.ok()) return doc.status().Annotate(std::string(req.op) + " " + Describe(dst_key));
  return PutResult{StripQuotes(doc->ChildText("ETag")), 0};
}

Result<PutResult> S3Client::CopyMultipart(std::string_view src_key, std::string_view dst_key,
                                          uint64_t size) {
  uint64_t part = std::max(options_.copy_part_size, kMinPartSize);
  if ((size + part - 1) / part > kMaxParts) part = (size + kMaxParts - 1) / kMaxParts;
  const uint64_t nparts = (size + part - 1) / part;
  REGFS_ASSIGN_OR_RETURN(std::string upload_id, CreateMultipartUpload(dst_key));
  std::vector<CompletedPart> done;
  Status st;
  for (uint64_t i = 0; i < nparts && st.ok(); ++i) {
    uint64_t off = i * part;
    uint64_t last = std::min(size, off + part) - 1;
    Request req;
    req.op = "UploadPartCopy";
    req.method = "PUT";
    req.key = std::string(dst_key);
    req.query = {{"partNumber", std::to_string(i + 1)}, {"uploadId", upload_id}};
    req.headers.emplace_back("x-amz-copy-source",
                             "/" + config_.root.bucket + "/" + UriEncode(src_key, true));
    req.headers.emplace_back("x-amz-copy-source-range",
                             "bytes=" + std::to_string(off) + "-" + std::to_string(last));
    auto resp = Execute(req);
    if (!resp.ok()) {
      st = resp.status();
    } else if (resp->status != 200) {
      st = ErrorFor(req, *resp);
    } else if (auto doc = ParseXml(resp->body); !doc.ok()) {
      st = doc.status().Annotate(std::string(req.op) + " " + Describe(dst_key));
    } else {
      done.push_back(CompletedPart{static_cast<int>(i + 1), StripQuotes(doc->ChildText("ETag"))});
    }
  }
  if (st.ok()) {
    auto res = CompleteMultipartUpload(dst_key, upload_id, done);
    if (res.ok()) return res;
    st = res.status();
  }
  Status abort = AbortMultipartUpload(dst_key, upload_id);
  if (!abort.ok()) {
    return Status(st.code(), st.message() + "; and the upload " + upload_id +
                                 " could not be aborted: " + abort.message());
  }
  return st;
}

S3Stats S3Client::stats() const {
  S3Stats s;
  s.requests = counters_.requests.load();
  s.retries = counters_.retries.load();
  s.head = counters_.head.load();
  s.get = counters_.get.load();
  s.put = counters_.put.load();
  s.post = counters_.post.load();
  s.del = counters_.del.load();
  s.bytes_sent = counters_.bytes_sent.load();
  s.bytes_received = counters_.bytes_received.load();
  s.connections = counters_.connections.load();
  s.peak_in_flight = counters_.peak_in_flight.load();
  return s;
}

}  // namespace regfs::s3
