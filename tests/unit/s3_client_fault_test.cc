// The S3 client against servers that misbehave: a scripted HTTP server on 127.0.0.1 answers
// each request with the next canned reply (throttling, a dropped connection, a body cut short,
// a 200 that carries an error, silence), and a closed port stands for a server that is gone.
// These need no S3 server and always run.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <deque>
#include <string>
#include <thread>
#include <vector>

#include "core/storage/s3/client.h"
#include "core/storage/s3/sigv4.h"
#include "core/sync.h"

namespace regfs::s3 {
namespace {

using std::chrono::steady_clock;

struct Reply {
  std::string raw;           // bytes to send
  bool close_after = false;  // then drop the connection
  bool silent = false;       // read the request, send nothing, keep the connection open
};

Reply Http(int status, std::string_view reason, std::string_view body,
           std::string_view extra_headers = "") {
  Reply r;
  r.raw = "HTTP/1.1 " + std::to_string(status) + " " + std::string(reason) +
          "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n" +
          std::string(extra_headers) + "\r\n" + std::string(body);
  return r;
}

std::string ErrorDoc(std::string_view code) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + std::string(code) +
         "</Code><Message>scripted</Message></Error>";
}

// Serves a script of replies, one per request, in order, over any number of connections.
class ScriptedServer {
 public:
  explicit ScriptedServer(std::vector<Reply> script) : script_(script.begin(), script.end()) {
    listen_fd_ = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    EXPECT_EQ(bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
    EXPECT_EQ(listen(listen_fd_, 16), 0);
    socklen_t len = sizeof addr;
    getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    acceptor_ = std::thread([this] { AcceptLoop(); });
  }
  ~ScriptedServer() {
    stop_.store(true);
    acceptor_.join();
    for (auto& t : conns_) t.join();
    close(listen_fd_);
  }
  int port() const { return port_; }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  std::vector<std::string> requests() {
    MutexLock lock(&mu_);
    return requests_;
  }

 private:
  void AcceptLoop() {
    while (!stop_.load()) {
      pollfd p{listen_fd_, POLLIN, 0};
      if (poll(&p, 1, 50) <= 0) continue;
      int fd = accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
      if (fd < 0) continue;
      conns_.emplace_back([this, fd] { Serve(fd); });
    }
  }

  // Reads one request (head and Content-Length body); false when the peer went away.
  bool ReadRequest(int fd, std::string* head) {
    std::string buf;
    char chunk[65536];
    size_t end;
    while ((end = buf.find("\r\n\r\n")) == std::string::npos) {
      if (!WaitReadable(fd)) return false;
      ssize_t n = read(fd, chunk, sizeof chunk);
      if (n <= 0) return false;
      buf.append(chunk, static_cast<size_t>(n));
    }
    *head = buf.substr(0, end);
    size_t body_len = 0;
    std::string lower = *head;
    for (char& c : lower) c = static_cast<char>(tolower(static_cast<unsigned char>(c)));
    if (size_t cl = lower.find("\r\ncontent-length:"); cl != std::string::npos) {
      body_len = std::stoul(lower.substr(cl + 17));
    }
    if (lower.find("\r\nexpect: 100-continue") != std::string::npos) {
      const char cont[] = "HTTP/1.1 100 Continue\r\n\r\n";
      (void)!write(fd, cont, sizeof cont - 1);
    }
    size_t have = buf.size() - end - 4;
    while (have < body_len) {
      if (!WaitReadable(fd)) return false;
      ssize_t n = read(fd, chunk, std::min(sizeof chunk, body_len - have));
      if (n <= 0) return false;
      have += static_cast<size_t>(n);
    }
    return true;
  }

  bool WaitReadable(int fd) {
    while (!stop_.load()) {
      pollfd p{fd, POLLIN, 0};
      int r = poll(&p, 1, 50);
      if (r > 0) return true;
      if (r < 0) return false;
    }
    return false;
  }

  void Serve(int fd) {
    for (;;) {
      std::string head;
      if (!ReadRequest(fd, &head)) break;
      Reply reply;
      {
        MutexLock lock(&mu_);
        requests_.push_back(head);
        if (script_.empty()) {
          reply = Http(500, "Script Ended", ErrorDoc("InternalError"));
        } else {
          reply = script_.front();
          script_.pop_front();
        }
      }
      if (reply.silent) {
        while (!stop_.load()) std::this_thread::sleep_for(std::chrono::milliseconds(20));
        break;
      }
      size_t off = 0;
      while (off < reply.raw.size()) {
        ssize_t n = write(fd, reply.raw.data() + off, reply.raw.size() - off);
        if (n <= 0) break;
        off += static_cast<size_t>(n);
      }
      if (reply.close_after) break;
    }
    close(fd);
  }

  int listen_fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::thread acceptor_;
  std::vector<std::thread> conns_;  // only the acceptor thread adds, before the join
  Mutex mu_;
  std::deque<Reply> script_ GUARDED_BY(mu_);
  std::vector<std::string> requests_ GUARDED_BY(mu_);
};

S3Config ConfigFor(const std::string& url) {
  auto root = ParseS3Root("s3://bucket/prefix?endpoint_url=" + url);
  EXPECT_TRUE(root.ok());
  auto cfg = ResolveS3Config(*root, [](std::string_view name) -> std::optional<std::string> {
    if (name == "AWS_ACCESS_KEY_ID") return "AKIDEXAMPLE";
    if (name == "AWS_SECRET_ACCESS_KEY") return "secret";
    if (name == "HOME") return "/nonexistent";
    return std::nullopt;
  });
  EXPECT_TRUE(cfg.ok()) << cfg.status().ToString();
  return *cfg;
}

// Fast retries for the scripted cases; the timeout cases use the defaults.
S3ClientOptions Quick() {
  S3ClientOptions o;
  o.backoff_base = std::chrono::milliseconds(1);
  o.backoff_cap = std::chrono::milliseconds(5);
  return o;
}

std::unique_ptr<S3Client> ClientFor(const std::string& url, S3ClientOptions opt = Quick()) {
  auto c = S3Client::Create(ConfigFor(url), opt);
  EXPECT_TRUE(c.ok());
  return std::move(c).value();
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(tolower(static_cast<unsigned char>(c)));
  return s;
}

TEST(S3ClientFaults, ThrottlingIsRetriedThenSucceeds) {
  ScriptedServer server({Http(503, "Slow Down", ErrorDoc("SlowDown")),
                         Http(500, "Internal Server Error", ErrorDoc("InternalError")),
                         Http(206, "Partial Content", "hello", "Content-Range: bytes 0-4/5\r\n")});
  auto c = ClientFor(server.url());
  char buf[8];
  auto got = c->Get("prefix/k", 0, buf, 5);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(std::string(buf, *got), "hello");
  EXPECT_EQ(server.requests().size(), 3u);
  EXPECT_EQ(c->stats().retries, 2u);
}

TEST(S3ClientFaults, GivesUpAfterMaxAttempts) {
  std::vector<Reply> script(6, Http(500, "Internal Server Error", ErrorDoc("InternalError")));
  ScriptedServer server(script);
  auto c = ClientFor(server.url());
  auto head = c->Head("prefix/k");
  ASSERT_FALSE(head.ok());
  EXPECT_EQ(head.status().code(), Status::Code::kIO);
  EXPECT_EQ(server.requests().size(), 4u);
}

TEST(S3ClientFaults, RefusalsAreNotRetried) {
  ScriptedServer server({Http(403, "Forbidden", ErrorDoc("AccessDenied"))});
  auto c = ClientFor(server.url());
  char buf[4];
  auto got = c->Get("prefix/k", 0, buf, 4);
  EXPECT_EQ(got.status().code(), Status::Code::kAccess) << got.status().ToString();
  EXPECT_EQ(server.requests().size(), 1u);
}

TEST(S3ClientFaults, ABrokenRangedReadResumesWhereItStopped) {
  Reply cut = Http(206, "Partial Content", "0123456789", "Content-Range: bytes 0-9/10\r\n");
  cut.raw.resize(cut.raw.size() - 5);  // the connection drops after "01234"
  cut.close_after = true;
  ScriptedServer server(
      {cut, Http(206, "Partial Content", "56789", "Content-Range: bytes 5-9/10\r\n")});
  auto c = ClientFor(server.url());
  char buf[10];
  auto got = c->Get("prefix/k", 0, buf, 10);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(std::string(buf, *got), "0123456789");
  auto reqs = server.requests();
  ASSERT_EQ(reqs.size(), 2u);
  EXPECT_NE(Lower(reqs[0]).find("range: bytes=0-9"), std::string::npos) << reqs[0];
  EXPECT_NE(Lower(reqs[1]).find("range: bytes=5-9"), std::string::npos) << reqs[1];
}

TEST(S3ClientFaults, AServerThatIgnoresRangeStillGivesTheRightBytes) {
  ScriptedServer server({Http(200, "OK", "0123456789")});
  auto c = ClientFor(server.url());
  char buf[4];
  auto got = c->Get("prefix/k", 3, buf, 4);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(std::string(buf, *got), "3456");
}

TEST(S3ClientFaults, ARangeOtherThanAskedIsAnError) {
  ScriptedServer server({Http(206, "Partial Content", "56789", "Content-Range: bytes 5-9/10\r\n")});
  auto c = ClientFor(server.url());
  char buf[4];
  auto got = c->Get("prefix/k", 2, buf, 4);
  ASSERT_FALSE(got.ok());
  EXPECT_NE(got.status().message().find("a range other than the one asked"), std::string::npos)
      << got.status().ToString();
}

TEST(S3ClientFaults, AnErrorInsideA200IsRetried) {
  ScriptedServer server({Http(200, "OK", ErrorDoc("InternalError")),
                         Http(200, "OK",
                              "<CompleteMultipartUploadResult><ETag>\"abc-2\"</ETag></"
                              "CompleteMultipartUploadResult>")});
  auto c = ClientFor(server.url());
  auto res = c->CompleteMultipartUpload("prefix/k", "UP1", {{1, "e1"}, {2, "e2"}});
  ASSERT_TRUE(res.ok()) << res.status().ToString();
  EXPECT_EQ(res->etag, "abc-2");
  EXPECT_EQ(res->parts, 2);
  auto reqs = server.requests();
  ASSERT_EQ(reqs.size(), 2u);
  EXPECT_NE(reqs[0].find("POST /bucket/prefix/k?uploadId=UP1 "), std::string::npos) << reqs[0];
}

TEST(S3ClientFaults, ACompleteWhoseAnswerWasLostIsRecognized) {
  Reply dropped;  // reads the request, answers nothing, hangs up
  dropped.close_after = true;
  ScriptedServer server({dropped, Http(404, "Not Found", ErrorDoc("NoSuchUpload")),
                         Http(200, "OK", "", "ETag: \"abc-2\"\r\n")});
  auto c = ClientFor(server.url());
  auto res = c->CompleteMultipartUpload("prefix/k", "UP1", {{1, "e1"}, {2, "e2"}});
  ASSERT_TRUE(res.ok()) << res.status().ToString();
  EXPECT_EQ(res->etag, "abc-2");
  auto reqs = server.requests();
  ASSERT_EQ(reqs.size(), 3u);
  EXPECT_EQ(reqs[2].rfind("HEAD /bucket/prefix/k ", 0), 0u) << reqs[2];
}

TEST(S3ClientFaults, AnOlderObjectIsNotTakenForALostComplete) {
  Reply dropped;
  dropped.close_after = true;
  // The object under the key has one part: not the two-part upload being completed.
  ScriptedServer server({dropped, Http(404, "Not Found", ErrorDoc("NoSuchUpload")),
                         Http(200, "OK", "", "ETag: \"old-1\"\r\n")});
  auto c = ClientFor(server.url());
  auto res = c->CompleteMultipartUpload("prefix/k", "UP1", {{1, "e1"}, {2, "e2"}});
  ASSERT_FALSE(res.ok());
  EXPECT_EQ(res.status().code(), Status::Code::kIO);
  EXPECT_NE(res.status().message().find("NoSuchUpload"), std::string::npos)
      << res.status().ToString();
}

TEST(S3ClientFaults, RequestsAreSignedAndPathStyle) {
  ScriptedServer server({Http(200, "OK", "")});
  auto c = ClientFor(server.url());
  ASSERT_TRUE(c->Delete("prefix/a b").ok());
  auto reqs = server.requests();
  ASSERT_EQ(reqs.size(), 1u);
  std::string r = Lower(reqs[0]);
  EXPECT_EQ(r.rfind("delete /bucket/prefix/a%20b http/1.1", 0), 0u) << reqs[0];
  EXPECT_NE(r.find("\r\nhost: 127.0.0.1:" + std::to_string(server.port())), std::string::npos);
  EXPECT_NE(r.find("authorization: aws4-hmac-sha256 credential=akidexample/"), std::string::npos);
  EXPECT_NE(r.find("signedheaders=host;x-amz-content-sha256;x-amz-date"), std::string::npos);
  EXPECT_NE(r.find("x-amz-content-sha256: " + std::string(kEmptySha256)), std::string::npos);
  EXPECT_EQ(r.find("secret"), std::string::npos);
}

// A server that accepts connections and then says nothing (a stopped process, a hung
// proxy): the call fails within the stated bound, with the stated message.
TEST(S3ClientFaults, NoAnswerFailsWithinTheStatedBound) {
  std::vector<Reply> script(8, Reply{"", false, true});
  ScriptedServer server(script);
  S3ClientOptions defaults;
  auto c = ClientFor(server.url(), defaults);
  auto t0 = steady_clock::now();
  auto head = c->Head("prefix/k");
  double secs = std::chrono::duration<double>(steady_clock::now() - t0).count();
  ASSERT_FALSE(head.ok());
  EXPECT_EQ(head.status().code(), Status::Code::kIO);
  EXPECT_NE(head.status().message().find("no answer from " + server.url() + " within 10 s"),
            std::string::npos)
      << head.status().message();
  // A stall is 10 s; no attempt starts after 20 s; so 2 attempts here, never more than 35 s.
  EXPECT_GE(secs, 10.0);
  EXPECT_LE(secs, 35.0);
  EXPECT_NE(head.status().message().find("attempts in"), std::string::npos);
  std::cout << "[ timeout  ] no answer: failed after " << secs << " s, " << server.requests().size()
            << " attempts: " << head.status().message() << "\n";
}

TEST(S3ClientFaults, AClosedPortFailsFast) {
  // A port nothing listens on: bound, then closed.
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  socklen_t len = sizeof addr;
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  close(fd);
  std::string url = "http://127.0.0.1:" + std::to_string(ntohs(addr.sin_port));
  S3ClientOptions defaults;
  auto c = ClientFor(url, defaults);
  auto t0 = steady_clock::now();
  Status st = c->CheckBucket();
  double secs = std::chrono::duration<double>(steady_clock::now() - t0).count();
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.code(), Status::Code::kIO);
  EXPECT_NE(st.message().find("cannot connect to " + url), std::string::npos) << st.message();
  EXPECT_NE(st.message().find("4 attempts"), std::string::npos) << st.message();
  EXPECT_LT(secs, 2.0);
}

}  // namespace
}  // namespace regfs::s3
