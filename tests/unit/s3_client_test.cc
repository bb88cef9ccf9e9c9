// The S3 client against a real S3 protocol server: s3rver, which scripts/test.sh starts for
// the run (scripts/lib/s3rver.sh) and names in REGFS_TEST_S3_ENDPOINT, REGFS_TEST_S3_BUCKET
// and REGFS_TEST_S3_LOG, with its only key pair in AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY
// (or REGFS_TEST_S3_ACCESS_KEY_ID/..._SECRET_ACCESS_KEY). s3rver checks SigV4 signatures, so
// every request that succeeds here was signed as S3 expects.
//
// Without a server these tests skip with a message, except under CI=true, where they fail.
// Every test works below a prefix of its own, so tests may run in parallel on one server.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <stdlib.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "core/storage/s3/client.h"
#include "core/storage/s3/etag.h"

namespace regfs::s3 {
namespace {

namespace fs = std::filesystem;

std::string EnvOr(const char* name, const char* fallback = "") {
  const char* v = getenv(name);
  return v && *v ? v : fallback;
}

std::string Md5Hex(std::string_view s) {
  unsigned char d[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  EVP_Digest(s.data(), s.size(), d, &n, EVP_md5(), nullptr);
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < n; ++i) {
    out.push_back(kHex[d[i] >> 4]);
    out.push_back(kHex[d[i] & 0xf]);
  }
  return out;
}

std::string RandomBytes(size_t n, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::string out(n, '\0');
  for (size_t i = 0; i < n; i += 8) {
    uint64_t v = rng();
    memcpy(&out[i], &v, std::min<size_t>(8, n - i));
  }
  return out;
}

// A temporary file holding `data`, open for reading.
class TempFile {
 public:
  explicit TempFile(std::string_view data) {
    std::string tmpl = (fs::temp_directory_path() / "regfs-s3put-XXXXXX").string();
    fd_ = mkstemp(tmpl.data());
    EXPECT_GE(fd_, 0);
    path_ = tmpl;
    size_t off = 0;
    while (off < data.size()) {
      ssize_t w = write(fd_, data.data() + off, data.size() - off);
      EXPECT_GT(w, 0);
      if (w <= 0) break;
      off += static_cast<size_t>(w);
    }
  }
  ~TempFile() {
    close(fd_);
    unlink(path_.c_str());
  }
  int fd() const { return fd_; }

 private:
  int fd_ = -1;
  std::string path_;
};

// Lines of the server's request log that contain `needle`.
std::vector<std::string> LogLines(std::string_view needle) {
  std::vector<std::string> out;
  std::ifstream in(EnvOr("REGFS_TEST_S3_LOG"));
  std::string line;
  while (std::getline(in, line)) {
    if (line.find(needle) != std::string::npos) out.push_back(line);
  }
  return out;
}

// The same, once at least `count` lines are there or 5 s have passed: the server logs a
// request once it has answered it, which may be a moment after the client has the answer.
std::vector<std::string> WaitForLogLines(std::string_view needle, size_t count) {
  std::vector<std::string> lines;
  for (int i = 0; i < 100; ++i) {
    lines = LogLines(needle);
    if (lines.size() >= count) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return lines;
}

class S3ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    endpoint_ = EnvOr("REGFS_TEST_S3_ENDPOINT");
    bucket_ = EnvOr("REGFS_TEST_S3_BUCKET", "regfs-test");
    if (endpoint_.empty()) {
      if (EnvOr("CI") == "true") {
        FAIL() << "CI=true but REGFS_TEST_S3_ENDPOINT is not set: scripts/test.sh must start "
                  "the S3 test server (scripts/lib/s3rver.sh)";
      }
      GTEST_SKIP() << "no S3 test server: REGFS_TEST_S3_ENDPOINT is not set (scripts/test.sh "
                      "starts s3rver and sets it)";
    }
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    prefix_ = std::string("t/") + info->name() + "-" + std::to_string(getpid()) + "-" +
              std::to_string(std::random_device{}() % 1000000);
  }

  // The environment the client sees: the process's, with the server's key pair filled in
  // from REGFS_TEST_S3_* when AWS_* are not set.
  static EnvLookup Env() {
    return [](std::string_view name) -> std::optional<std::string> {
      std::string n(name);
      if (n == "AWS_ACCESS_KEY_ID" && EnvOr("AWS_ACCESS_KEY_ID").empty()) {
        n = "REGFS_TEST_S3_ACCESS_KEY_ID";
      } else if (n == "AWS_SECRET_ACCESS_KEY" && EnvOr("AWS_SECRET_ACCESS_KEY").empty()) {
        n = "REGFS_TEST_S3_SECRET_ACCESS_KEY";
      }
      const char* v = getenv(n.c_str());
      if (!v) return std::nullopt;
      return std::string(v);
    };
  }

  // The root as LaminDB stores an S3-compatible one.
  std::string RootString(const std::string& bucket) const {
    return "s3://" + bucket + "/" + prefix_ + "?endpoint_url=" + endpoint_;
  }

  S3Config Config(const std::string& bucket = "") const {
    auto root = ParseS3Root(RootString(bucket.empty() ? bucket_ : bucket));
    EXPECT_TRUE(root.ok()) << root.status().ToString();
    auto cfg = ResolveS3Config(*root, Env());
    EXPECT_TRUE(cfg.ok()) << cfg.status().ToString();
    return *cfg;
  }

  std::unique_ptr<S3Client> Client(S3Config cfg, S3ClientOptions opt = {}) {
    auto c = S3Client::Create(std::move(cfg), opt);
    EXPECT_TRUE(c.ok()) << c.status().ToString();
    return std::move(c).value();
  }
  std::unique_ptr<S3Client> Client(S3ClientOptions opt = {}) { return Client(Config(), opt); }

  std::string Key(std::string_view rel) const { return prefix_ + "/" + std::string(rel); }

  std::string endpoint_, bucket_, prefix_;
};

TEST_F(S3ServerTest, ResolvedFromTheRootAsLaminDbStoresIt) {
  S3Config cfg = Config();
  EXPECT_TRUE(cfg.custom_endpoint);
  EXPECT_TRUE(cfg.path_style);
  EXPECT_EQ(cfg.EndpointUrl(), endpoint_);
  EXPECT_FALSE(cfg.credentials.anonymous());
  auto client = Client(cfg);
  EXPECT_TRUE(client->CheckBucket().ok());
}

TEST_F(S3ServerTest, PutHeadGetRangesDelete) {
  auto c = Client();
  const std::string data = "0123456789abcdefghij";
  const std::string key = Key(".lamindb/AbCdEfGhIjKlMnOp0000.txt");
  auto put = c->PutBytes(key, data);
  ASSERT_TRUE(put.ok()) << put.status().ToString();
  EXPECT_EQ(put->etag, Md5Hex(data));

  auto head = c->Head(key);
  ASSERT_TRUE(head.ok()) << head.status().ToString();
  EXPECT_EQ(head->size, data.size());
  EXPECT_EQ(head->etag, Md5Hex(data));
  // LaminDB's hash of this object registered in place equals its content hash.
  auto h = HashFromEtag(head->etag);
  ASSERT_TRUE(h.ok());
  EXPECT_EQ(h->hash_type, "md5");

  char buf[64];
  auto all = c->Get(key, 0, buf, sizeof buf);
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  EXPECT_EQ(std::string(buf, *all), data);  // short read at the end of the object
  auto mid = c->Get(key, 3, buf, 5);
  ASSERT_TRUE(mid.ok()) << mid.status().ToString();
  EXPECT_EQ(std::string(buf, *mid), "34567");
  auto tail = c->Get(key, 18, buf, 10);
  ASSERT_TRUE(tail.ok());
  EXPECT_EQ(std::string(buf, *tail), "ij");
  auto past = c->Get(key, 20, buf, 10);
  ASSERT_TRUE(past.ok()) << past.status().ToString();
  EXPECT_EQ(*past, 0u);

  ASSERT_TRUE(c->Delete(key).ok());
  EXPECT_EQ(c->Head(key).status().code(), Status::Code::kNotFound);
  auto gone = c->Get(key, 0, buf, 4);
  EXPECT_EQ(gone.status().code(), Status::Code::kNotFound) << gone.status().ToString();
  EXPECT_NE(gone.status().message().find("no such object (NoSuchKey"), std::string::npos)
      << gone.status().message();
  EXPECT_TRUE(c->Delete(key).ok()) << "deleting what is gone succeeds";
}

TEST_F(S3ServerTest, KeysWithCharactersThatNeedEncoding) {
  auto c = Client();
  // (s3rver cannot store keys with "//" or "."/".." segments: its router folds them. The
  // client sends those as they are; only S3 itself can show that.)
  // (Nor '&' in a listing: s3rver escapes it twice there, "&amp;amp;".)
  for (std::string rel :
       {"a b/c+d=e,f;g.txt", "caf\xC3\xA9/\xE2\x98\xBA.csv", "100%/~tilde_-.dat"}) {
    const std::string key = Key(rel);
    auto put = c->PutBytes(key, rel);
    ASSERT_TRUE(put.ok()) << rel << ": " << put.status().ToString();
    char buf[128];
    auto got = c->Get(key, 0, buf, sizeof buf);
    ASSERT_TRUE(got.ok()) << rel << ": " << got.status().ToString();
    EXPECT_EQ(std::string(buf, *got), rel);
  }
  std::vector<std::string> listed;
  ASSERT_TRUE(c->ListAll(prefix_ + "/", [&](const ObjectInfo& o) {
                 listed.push_back(o.key.substr(prefix_.size() + 1));
                 return Status::OK();
               }).ok());
  std::sort(listed.begin(), listed.end());
  std::vector<std::string> want = {"100%/~tilde_-.dat", "a b/c+d=e,f;g.txt",
                                   "caf\xC3\xA9/\xE2\x98\xBA.csv"};
  EXPECT_EQ(listed, want);
}

TEST_F(S3ServerTest, PutStreamsFromAFileDescriptor) {
  auto c = Client();
  const std::string data = RandomBytes(3 << 20, 1);  // below the multipart threshold
  TempFile f(data);
  lseek(f.fd(), 12345, SEEK_SET);  // the fd's offset must not matter
  PutOptions opt;
  unsigned char md5[16];
  unsigned int n = 0;
  EVP_Digest(data.data(), data.size(), md5, &n, EVP_md5(), nullptr);
  opt.content_md5.emplace();
  memcpy(opt.content_md5->data(), md5, 16);
  const std::string key = Key("single.bin");
  auto put = c->Put(key, f.fd(), data.size(), opt);
  ASSERT_TRUE(put.ok()) << put.status().ToString();
  EXPECT_EQ(put->parts, 0);
  EXPECT_EQ(put->etag, Md5Hex(data));
  EXPECT_EQ(lseek(f.fd(), 0, SEEK_CUR), 12345);
  std::string back(data.size(), '\0');
  auto got = c->Get(key, 0, back.data(), back.size());
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(*got, data.size());
  EXPECT_TRUE(back == data);
  // An empty object.
  TempFile empty("");
  ASSERT_TRUE(c->Put(Key("empty"), empty.fd(), 0).ok());
  EXPECT_EQ(c->Head(Key("empty"))->size, 0u);
  char b[4];
  S3Stats before_empty = c->stats();
  auto empty_get = c->Get(Key("empty"), 0, b, 4);
  ASSERT_TRUE(empty_get.ok()) << empty_get.status().ToString();
  EXPECT_EQ(*empty_get, 0u);
  EXPECT_EQ(c->stats().requests - before_empty.requests, 1u);
}

TEST_F(S3ServerTest, MultipartPutOf64MiBReadsBackByteForByte) {
  S3ClientOptions opt;  // defaults: parts of 8 MiB above 16 MiB, 4 in flight
  auto c = Client(opt);
  const std::string data = RandomBytes(64 << 20, 64);
  TempFile f(data);
  const std::string key = Key("big.bin");
  S3Stats before = c->stats();
  auto put = c->Put(key, f.fd(), data.size());
  ASSERT_TRUE(put.ok()) << put.status().ToString();
  S3Stats after_put = c->stats();
  EXPECT_EQ(put->parts, 8);
  EXPECT_EQ(after_put.requests - before.requests, 10u) << "create + 8 parts + complete";
  EXPECT_EQ(after_put.retries, 0u);
  EXPECT_GT(after_put.peak_in_flight, 1u) << "parts go up several at a time";
  EXPECT_LE(after_put.peak_in_flight, 4u);

  auto head = c->Head(key);
  ASSERT_TRUE(head.ok()) << head.status().ToString();
  EXPECT_EQ(head->size, data.size());

  // Back in 4 MiB ranged reads.
  std::string back(data.size(), '\0');
  const size_t chunk = 4 << 20;
  for (size_t off = 0; off < data.size(); off += chunk) {
    auto got = c->Get(key, off, back.data() + off, chunk);
    ASSERT_TRUE(got.ok()) << got.status().ToString();
    ASSERT_EQ(*got, chunk);
  }
  EXPECT_TRUE(back == data) << "the object read back differs from what was uploaded";

  // One ranged read in the middle, crossing a part boundary: one request.
  S3Stats before_get = c->stats();
  std::string piece(1 << 20, '\0');
  auto got = c->Get(key, (8 << 20) - 4096, piece.data(), piece.size());
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(piece, data.substr((8 << 20) - 4096, 1 << 20));
  EXPECT_EQ(c->stats().requests - before_get.requests, 1u);

  // What the server saw for this key (the benchmark counts the same log): 10 requests for
  // the put, 1 HEAD, 17 GETs.
  auto lines = WaitForLogLines("/" + bucket_ + "/" + prefix_ + "/big.bin", 28);
  size_t creates = 0, parts = 0, completes = 0, gets = 0, heads = 0;
  for (const std::string& l : lines) {
    if (l.find(" POST ") != std::string::npos && l.find("uploads=") != std::string::npos) ++creates;
    if (l.find(" PUT ") != std::string::npos && l.find("partNumber=") != std::string::npos) ++parts;
    if (l.find(" POST ") != std::string::npos && l.find("uploadId=") != std::string::npos &&
        l.find("uploads=") == std::string::npos) {
      ++completes;
    }
    if (l.find(" GET ") != std::string::npos) ++gets;
    if (l.find(" HEAD ") != std::string::npos) ++heads;
  }
  if (!EnvOr("REGFS_TEST_S3_LOG").empty()) {
    EXPECT_EQ(creates, 1u);
    EXPECT_EQ(parts, 8u);
    EXPECT_EQ(completes, 1u);
    EXPECT_EQ(heads, 1u);
    EXPECT_EQ(gets, 17u) << "16 reads of 4 MiB and one of 1 MiB";
  }
  std::cout << "[ requests ] 64 MiB multipart put: client " << after_put.requests - before.requests
            << ", server log " << creates << " create + " << parts << " parts + " << completes
            << " complete; 1 MiB ranged read: 1 GET; connections opened in all: "
            << c->stats().connections << "\n";
  ASSERT_TRUE(c->Delete(key).ok());
}

TEST_F(S3ServerTest, FailedMultipartIsAborted) {
  auto c = Client();
  // A descriptor that claims more bytes than the file has: the last part cannot be read.
  const std::string data = RandomBytes(20 << 20, 7);
  TempFile f(data);
  const std::string key = Key("short.bin");
  auto put = c->Put(key, f.fd(), data.size() + (9 << 20));
  ASSERT_FALSE(put.ok());
  EXPECT_NE(put.status().message().find("read the data to upload"), std::string::npos)
      << put.status().ToString();
  EXPECT_EQ(c->Head(key).status().code(), Status::Code::kNotFound);
  if (!EnvOr("REGFS_TEST_S3_LOG").empty()) {
    // The abort came before the HEAD, so once the HEAD is logged the abort is too.
    std::vector<std::string> lines;
    for (int i = 0; i < 100; ++i) {
      lines = LogLines("/" + bucket_ + "/" + key);
      bool head_logged = std::any_of(lines.begin(), lines.end(), [](const std::string& l) {
        return l.find(" HEAD ") != std::string::npos;
      });
      if (head_logged) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    size_t aborts = std::count_if(lines.begin(), lines.end(), [](const std::string& l) {
      return l.find(" DELETE ") != std::string::npos && l.find("uploadId=") != std::string::npos;
    });
    EXPECT_EQ(aborts, 1u);
  }
}

TEST_F(S3ServerTest, ListPagesAndDelimiters) {
  auto c = Client();
  for (int i = 0; i < 25; ++i) {
    char name[32];
    snprintf(name, sizeof name, "list/obj-%02d.txt", i);
    ASSERT_TRUE(c->PutBytes(Key(name), std::string(static_cast<size_t>(i), 'x')).ok());
  }
  ListRequest lr;
  lr.prefix = Key("list/");
  lr.max_keys = 10;
  std::vector<size_t> page_sizes;
  std::vector<std::string> keys;
  for (;;) {
    auto page = c->List(lr);
    ASSERT_TRUE(page.ok()) << page.status().ToString();
    page_sizes.push_back(page->objects.size());
    for (const auto& o : page->objects) keys.push_back(o.key);
    if (!page->truncated) break;
    ASSERT_FALSE(page->next_continuation_token.empty());
    lr.continuation_token = page->next_continuation_token;
  }
  EXPECT_EQ(page_sizes, (std::vector<size_t>{10, 10, 5}));
  ASSERT_EQ(keys.size(), 25u);
  EXPECT_TRUE(std::is_sorted(keys.begin(), keys.end()));
  EXPECT_EQ(keys[7], Key("list/obj-07.txt"));

  std::vector<uint64_t> sizes;
  ASSERT_TRUE(c->ListAll(Key("list/"), [&](const ObjectInfo& o) {
                 sizes.push_back(o.size);
                 return Status::OK();
               }).ok());
  ASSERT_EQ(sizes.size(), 25u);
  EXPECT_EQ(sizes[24], 24u);

  // An error from the callback stops the walk and comes back.
  int seen = 0;
  Status st = c->ListAll(Key("list/"), [&](const ObjectInfo&) {
    return ++seen == 3 ? Status::IO("enough") : Status::OK();
  });
  EXPECT_EQ(st.message(), "enough");
  EXPECT_EQ(seen, 3);

  ASSERT_TRUE(c->PutBytes(Key("d/a/x"), "1").ok());
  ASSERT_TRUE(c->PutBytes(Key("d/b/y"), "2").ok());
  ASSERT_TRUE(c->PutBytes(Key("d/z"), "3").ok());
  ListRequest dl;
  dl.prefix = Key("d/");
  dl.delimiter = "/";
  auto page = c->List(dl);
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  ASSERT_EQ(page->objects.size(), 1u);
  EXPECT_EQ(page->objects[0].key, Key("d/z"));
  EXPECT_EQ(page->common_prefixes, (std::vector<std::string>{Key("d/a/"), Key("d/b/")}));
}

TEST_F(S3ServerTest, CopyWithinTheBucket) {
  auto c = Client();
  ASSERT_TRUE(c->PutBytes(Key("src.txt"), "copy me").ok());
  auto cp = c->Copy(Key("src.txt"), Key("dst dir/dst.txt"));
  ASSERT_TRUE(cp.ok()) << cp.status().ToString();
  EXPECT_EQ(cp->etag, Md5Hex("copy me"));
  char buf[16];
  auto got = c->Get(Key("dst dir/dst.txt"), 0, buf, sizeof buf);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(std::string(buf, *got), "copy me");
  EXPECT_TRUE(c->Head(Key("src.txt")).ok()) << "a copy keeps its source";

  auto missing = c->Copy(Key("nope.txt"), Key("x.txt"));
  EXPECT_EQ(missing.status().code(), Status::Code::kNotFound) << missing.status().ToString();
  auto missing_known_size = c->Copy(Key("nope.txt"), Key("x.txt"), 5);
  EXPECT_EQ(missing_known_size.status().code(), Status::Code::kNotFound)
      << missing_known_size.status().ToString();
  EXPECT_NE(missing_known_size.status().message().find("nope.txt"), std::string::npos);
}

TEST_F(S3ServerTest, LargeCopyGoesInParts) {
  S3ClientOptions opt;
  opt.copy_threshold = 6 << 20;  // as if 5 GiB were 6 MiB
  opt.copy_part_size = 5 << 20;
  auto c = Client(opt);
  const std::string data = RandomBytes(12 << 20, 12);
  TempFile f(data);
  ASSERT_TRUE(c->Put(Key("bigsrc"), f.fd(), data.size()).ok());
  S3Stats before = c->stats();
  auto cp = c->Copy(Key("bigsrc"), Key("bigdst"), data.size());
  ASSERT_TRUE(cp.ok()) << cp.status().ToString();
  EXPECT_EQ(cp->parts, 3);
  EXPECT_EQ(c->stats().requests - before.requests, 5u) << "create + 3 part copies + complete";
  std::string back(data.size(), '\0');
  auto got = c->Get(Key("bigdst"), 0, back.data(), back.size());
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(*got, data.size());
  EXPECT_TRUE(back == data);
}

TEST_F(S3ServerTest, WrongSecretIsAClearError) {
  S3Config cfg = Config();
  cfg.credentials.secret_access_key += "x";
  auto c = Client(cfg);
  Status st = c->CheckBucket();
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.code(), Status::Code::kAccess);
  EXPECT_NE(st.message().find("SignatureDoesNotMatch, HTTP 403"), std::string::npos)
      << st.message();
  EXPECT_NE(st.message().find("from " + endpoint_), std::string::npos) << st.message();
  EXPECT_NE(st.message().find("check the credentials (" + cfg.credentials.source + ")"),
            std::string::npos)
      << st.message();
  EXPECT_EQ(st.message().find(cfg.credentials.secret_access_key), std::string::npos)
      << "no secret in messages";
  // The same at run time, for an object.
  char buf[4];
  EXPECT_EQ(c->Get(Key("x"), 0, buf, 4).status().code(), Status::Code::kAccess);
  EXPECT_EQ(c->stats().retries, 0u) << "a refusal is not retried";

  S3Config wrong_id = Config();
  wrong_id.credentials.access_key_id = "AKIANOSUCHKEY0000000";
  Status st2 = Client(wrong_id)->CheckBucket();
  EXPECT_EQ(st2.code(), Status::Code::kAccess);
  EXPECT_NE(st2.message().find("InvalidAccessKeyId"), std::string::npos) << st2.message();
}

TEST_F(S3ServerTest, MissingBucketIsAClearError) {
  const std::string bucket = "regfs-no-such-bucket-" + std::to_string(getpid());
  auto c = Client(Config(bucket));
  Status st = c->CheckBucket();
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.code(), Status::Code::kIO);
  EXPECT_NE(st.message().find("bucket '" + bucket + "' does not exist at " + endpoint_),
            std::string::npos)
      << st.message();
  EXPECT_NE(st.message().find("NoSuchBucket"), std::string::npos) << st.message();
  char buf[4];
  auto get = c->Get(Key("x"), 0, buf, 4);
  EXPECT_EQ(get.status().code(), Status::Code::kIO) << get.status().ToString();
  EXPECT_NE(get.status().message().find("NoSuchBucket"), std::string::npos);
}

TEST_F(S3ServerTest, SessionTokenIsSentAndSigned) {
  // s3rver does not check tokens, but it checks the signature over every signed header,
  // x-amz-security-token among them: a token signed wrongly would fail here.
  S3Config cfg = Config();
  cfg.credentials.session_token = "FwoGZXIvYXdzEJr//////////wEaDM+token/with=odd+chars";
  auto c = Client(cfg);
  ASSERT_TRUE(c->PutBytes(Key("tok"), "t").ok());
  char buf[2];
  auto got = c->Get(Key("tok"), 0, buf, 2);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(*got, 1u);
}

TEST_F(S3ServerTest, AnonymousRequestsAreUnsigned) {
  // s3rver serves unsigned requests as a public bucket does.
  auto signed_client = Client();
  ASSERT_TRUE(signed_client->PutBytes(Key("public.txt"), "hello").ok());
  S3Config cfg = Config();
  cfg.credentials = Credentials{};
  cfg.credentials.source = "none found (anonymous requests)";
  auto anon = Client(cfg);
  char buf[8];
  auto got = anon->Get(Key("public.txt"), 0, buf, sizeof buf);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(std::string(buf, *got), "hello");
}

TEST_F(S3ServerTest, ManyThreadsShareTheClientAndItsConnections) {
  S3ClientOptions opt;
  opt.max_connections = 4;
  auto c = Client(opt);
  constexpr int kThreads = 8, kOps = 15;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kOps; ++i) {
        std::string key = Key("conc/" + std::to_string(t) + "-" + std::to_string(i));
        std::string body = key + std::string(static_cast<size_t>(i * 100), 'z');
        if (!c->PutBytes(key, body).ok()) ++failures;
        std::string back(body.size(), '\0');
        auto got = c->Get(key, 0, back.data(), back.size());
        if (!got.ok() || back != body) ++failures;
        auto head = c->Head(key);
        if (!head.ok() || head->size != body.size()) ++failures;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);
  S3Stats s = c->stats();
  EXPECT_EQ(s.requests, static_cast<uint64_t>(kThreads * kOps * 3));
  EXPECT_LE(s.peak_in_flight, 4u);
  // Keep-alive: 360 requests over at most 4 pooled handles, each keeping its connection.
  EXPECT_LE(s.connections, 4u) << "connections are reused";
}

}  // namespace
}  // namespace regfs::s3
