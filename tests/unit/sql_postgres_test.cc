// PostgresDb (core/sql/postgres_db.h) beyond the common contract (sql_contract_test.cc): the
// placeholder rewriter and other parts that need no server, then connections (passwords,
// lost connections, a restarted server, connection limits), the session, the change token's
// corner cases and the collation trap, on the test server of scripts/lib/pg.sh.
#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <stdlib.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include "core/clock.h"
#include "core/sql/open.h"
#include "core/sql/postgres_db.h"
#include "tests/unit/pg_test_server.h"

namespace regfs {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using testing::PgQuery;
using testing::PgTestDatabase;

// ---------------------------------------------------------------- no server needed

std::string Rewrite(std::string_view sql, int* n = nullptr) {
  int dummy = 0;
  auto r = pg::RewritePlaceholders(sql, n ? n : &dummy);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? *r : "<error>";
}

TEST(PgRewrite, PlaceholdersBecomeDollarNumbers) {
  int n = 0;
  EXPECT_EQ(Rewrite("SELECT a FROM t WHERE b = ?1 AND c IN (?2, ?12) LIMIT ?2", &n),
            "SELECT a FROM t WHERE b = $1 AND c IN ($2, $12) LIMIT $2");
  EXPECT_EQ(n, 12);
  EXPECT_EQ(Rewrite("SELECT 1", &n), "SELECT 1");
  EXPECT_EQ(n, 0);
  EXPECT_EQ(Rewrite("x=?1,y=?2", &n), "x=$1,y=$2");
  EXPECT_EQ(n, 2);
}

TEST(PgRewrite, LiteralsIdentifiersAndCommentsAreLeftAlone) {
  EXPECT_EQ(Rewrite("SELECT '?1', 'it''s ?2', ?3"), "SELECT '?1', 'it''s ?2', $3");
  // E'' strings take backslash escapes: \' does not end them.
  EXPECT_EQ(Rewrite(R"(SELECT E'a\' ?1', ?2)"), R"(SELECT E'a\' ?1', $2)");
  EXPECT_EQ(Rewrite(R"(SELECT e'\\', ?1)"), R"(SELECT e'\\', $1)");
  // In a standard string a backslash is a character: the quote after it ends the string.
  EXPECT_EQ(Rewrite(R"(SELECT 'a\', ?1)"), R"(SELECT 'a\', $1)");
  // An identifier ending in E before a quote is not an E'' string.
  EXPECT_EQ(Rewrite(R"(SELECT typE'\', ?1)"), R"(SELECT typE'\', $1)");
  EXPECT_EQ(Rewrite(R"(SELECT "col?1", "a""?2", ?3)"), R"(SELECT "col?1", "a""?2", $3)");
  EXPECT_EQ(Rewrite("SELECT 1 -- ?1 here\n, ?2"), "SELECT 1 -- ?1 here\n, $2");
  EXPECT_EQ(Rewrite("SELECT /* ?1 /* ?2 */ ?3 */ ?4"), "SELECT /* ?1 /* ?2 */ ?3 */ $4");
  EXPECT_EQ(Rewrite("SELECT $$ ?1 $$, $tag$ ?2 $x$ ?3 $tag$, ?4"),
            "SELECT $$ ?1 $$, $tag$ ?2 $x$ ?3 $tag$, $4");
  // '$' inside an identifier, and positional parameters, are not dollar quotes.
  EXPECT_EQ(Rewrite("SELECT a$b, x$$, $1, ?1"), "SELECT a$b, x$$, $1, $1");
  // Unterminated: the rest is the literal.
  EXPECT_EQ(Rewrite("SELECT 'abc ?1"), "SELECT 'abc ?1");
}

TEST(PgRewrite, JsonbQuestionOperatorsStay) {
  EXPECT_EQ(Rewrite("SELECT _aux ? 'so', _aux ?| ARRAY['a'], _aux ?& ARRAY['b'] WHERE id = ?1"),
            "SELECT _aux ? 'so', _aux ?| ARRAY['a'], _aux ?& ARRAY['b'] WHERE id = $1");
}

TEST(PgRewrite, PlaceholderZeroIsInvalid) {
  int n = 0;
  auto r = pg::RewritePlaceholders("SELECT ?0", &n);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kInvalid);
}

TEST(PgMask, PasswordsAreMaskedAsLibpqParsesTheUrl) {
  EXPECT_EQ(pg::MaskPassword("postgresql://alice:s3cret@db.example:5432/lamin"),
            "postgresql://alice:***@db.example:5432/lamin");
  EXPECT_EQ(pg::MaskPassword("postgresql://alice:p%40ss%3Aw@h/db?sslmode=require"),
            "postgresql://alice:***@h/db?sslmode=require");
  EXPECT_EQ(pg::MaskPassword("postgres://alice@h/db?password=x1&sslpassword=y2&application_name=a"),
            "postgres://alice@h/db?password=***&sslpassword=***&application_name=a");
  EXPECT_EQ(pg::MaskPassword("postgresql://alice@h/db"), "postgresql://alice@h/db");
  EXPECT_EQ(pg::MaskPassword("postgresql:///db?host=/run/pg"), "postgresql:///db?host=/run/pg");
  // The user part ends at the first '@' before any '/': a later '@' is the database's.
  EXPECT_EQ(pg::MaskPassword("postgresql://h/d@b"), "postgresql://h/d@b");
  EXPECT_EQ(pg::MaskPassword("postgresql://u:pw@h1:1,h2:2/db"), "postgresql://u:***@h1:1,h2:2/db");
}

TEST(PgSnapshot, ParsesTheTextForm) {
  auto s = pg::ParseSnapshot("10:20:14,10,15");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->xmin, 10u);
  EXPECT_EQ(s->xmax, 20u);
  EXPECT_EQ(s->xip, (std::vector<uint64_t>{10, 14, 15}));
  auto e = pg::ParseSnapshot("5:5:");
  ASSERT_TRUE(e);
  EXPECT_TRUE(e->xip.empty());
  EXPECT_FALSE(pg::ParseSnapshot("5:x:"));
  EXPECT_FALSE(pg::ParseSnapshot("5"));
  // xid8 values past 2^32 (after a wraparound of the 32-bit counter).
  auto big = pg::ParseSnapshot("8589934590:8589934600:8589934595");
  ASSERT_TRUE(big);
  EXPECT_EQ(big->xmax, 8589934600u);
}

TEST(PgSnapshot, FinishedTransactionsOfOthersAreFound) {
  auto S = [](const char* t) { return *pg::ParseSnapshot(t); };
  // Nothing happened.
  EXPECT_FALSE(pg::OthersFinished(S("10:20:12,15"), S("10:20:12,15"), {}));
  // 15 was running and is done.
  EXPECT_TRUE(pg::OthersFinished(S("10:20:12,15"), S("12:20:12"), {}));
  EXPECT_FALSE(pg::OthersFinished(S("10:20:12,15"), S("12:20:12"), {15}));
  // 20 and 21 began and finished in between; 22 still runs.
  EXPECT_TRUE(pg::OthersFinished(S("10:20:"), S("22:23:22"), {20}));
  EXPECT_FALSE(pg::OthersFinished(S("10:20:"), S("22:23:22"), {20, 21}));
  // Began in between and still running: nothing finished.
  EXPECT_FALSE(pg::OthersFinished(S("10:20:"), S("20:20:"), {}));
  EXPECT_FALSE(pg::OthersFinished(S("10:20:"), S("20:25:20,21,22,23,24"), {}));
  // A snapshot older than the last one: another server's history.
  EXPECT_TRUE(pg::OthersFinished(S("10:20:"), S("5:6:"), {}));
  // Around 2^32: xid8 values do not wrap.
  EXPECT_TRUE(
      pg::OthersFinished(S("4294967290:4294967295:"), S("4294967296:4294967297:"), {4294967295}));
  EXPECT_FALSE(pg::OthersFinished(S("4294967290:4294967295:"), S("4294967296:4294967297:"),
                                  {4294967295, 4294967296}));
}

TEST(PgLockKey, StableAcrossVersionsAndDistinctPerStem) {
  // Pinned: regfs processes of different versions on one server must take the same lock for
  // one family.
  EXPECT_EQ(pg::FamilyLockKey("OycbB9FCieBLubnD"), pg::FamilyLockKey("OycbB9FCieBLubnD"));
  EXPECT_NE(pg::FamilyLockKey("OycbB9FCieBLubnD"), pg::FamilyLockKey("OycbB9FCieBLubnE"));
  // FNV-1a 64 of "regfs.family:OycbB9FCieBLubnD", as Python computes it.
  EXPECT_EQ(pg::FamilyLockKey("OycbB9FCieBLubnD"), int64_t{3181882033752831158});
}

TEST(PgDialect, FragmentsForTypedColumns) {
  PostgresDialect icu(false), c(true);
  EXPECT_EQ(icu.Bytewise("a.uid"), "(a.uid) COLLATE \"C\"");
  EXPECT_EQ(c.Bytewise("a.uid"), "a.uid");
  EXPECT_EQ(icu.Unindexed("a.key"), "a.key");
  EXPECT_EQ(icu.TextOrNull("key"), "key");
  EXPECT_EQ(icu.NotText("key"), "(key) IS NULL");
  EXPECT_EQ(icu.family(), SqlFamily::kPostgres);
}

// ---------------------------------------------------------------- on the test server

class PgTest : public ::testing::Test {
 protected:
  void SetUp() override {
    REGFS_REQUIRE_PG();
    std::string err;
    db_ = PgTestDatabase::Create("", &err);
    ASSERT_TRUE(db_) << err;
  }
  std::unique_ptr<PostgresDb> Open(const std::string& url, bool read_only = false) {
    auto db = PostgresDb::Open(url, {.read_only = read_only});
    EXPECT_TRUE(db.ok()) << db.status().ToString();
    return db.ok() ? std::move(*db) : nullptr;
  }
  std::unique_ptr<PostgresDb> Open() { return Open(db_->url()); }
  static std::string One(SqlDb& db, const std::string& sql) {
    auto st = db.Prepare(sql);
    EXPECT_TRUE(st.ok()) << st.status().ToString();
    if (!st.ok()) return "<error>";
    auto row = (*st)->Step();
    EXPECT_TRUE(row.ok()) << row.status().ToString();
    if (!row.ok() || !*row) return "<none>";
    return (*st)->IsNull(0) ? "<null>" : (*st)->Text(0);
  }
  // The URL's password, as the test server's URL spells it (percent-encoded).
  static std::string RawPassword(const std::string& url) {
    size_t s = url.find("://") + 3, at = url.find('@', s), colon = url.find(':', s);
    return url.substr(colon + 1, at - colon - 1);
  }
  static std::string Decoded(const std::string& s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
      if (s[i] == '%' && i + 2 < s.size()) {
        out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
        i += 2;
      } else {
        out += s[i];
      }
    }
    return out;
  }
  void Terminate(int pid) {
    std::string err;
    EXPECT_EQ(PgQuery(db_->url(), "SELECT pg_terminate_backend(" + std::to_string(pid) + ")", &err),
              "t")
        << err;
    // Gone from the server's view before the test goes on.
    for (int i = 0; i < 200; ++i) {
      if (PgQuery(db_->url(), "SELECT count(*) FROM pg_stat_activity WHERE pid = " +
                                  std::to_string(pid)) == "0")
        return;
      std::this_thread::sleep_for(10ms);
    }
    ADD_FAILURE() << "backend " << pid << " still there";
  }
  std::unique_ptr<PgTestDatabase> db_;
};

TEST_F(PgTest, NameAndMessagesNeverShowThePassword) {
  const std::string url = db_->url();
  const std::string raw = RawPassword(url), plain = Decoded(raw);
  ASSERT_GE(plain.size(), 8u);
  auto db = Open();
  ASSERT_TRUE(db);
  EXPECT_EQ(db->name().find(raw), std::string::npos) << db->name();
  EXPECT_EQ(db->name().find(plain), std::string::npos);
  EXPECT_NE(db->name().find(":***@127.0.0.1"), std::string::npos) << db->name();
  // A failing statement names the database, not the password.
  Status st = db->Exec("SELECT * FROM no_such_table");
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.ToString().find(plain), std::string::npos);
  // A refused password.
  std::string wrong = url;
  wrong.replace(wrong.find(raw), raw.size(), "wrong%3Apassword1");
  auto bad = PostgresDb::Open(wrong, {});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), Status::Code::kIO);
  EXPECT_NE(bad.status().message().find("password authentication failed"), std::string::npos)
      << bad.status().ToString();
  EXPECT_EQ(bad.status().ToString().find("wrong:password1"), std::string::npos);
  EXPECT_EQ(bad.status().ToString().find("wrong%3Apassword1"), std::string::npos);
  // A URL libpq cannot parse, whose message would quote the password's bad escape.
  std::string broken = url;
  broken.replace(broken.find(raw), raw.size(), "secret%zzvalue");
  auto b2 = OpenSqlDb(broken, {});
  ASSERT_FALSE(b2.ok());
  EXPECT_EQ(b2.status().ToString().find("secret%zzvalue"), std::string::npos)
      << b2.status().ToString();
}

TEST_F(PgTest, PasswordsFromPgpasswordAndPgpassAsLibpqFindsThem) {
  const std::string url = db_->url();
  const std::string raw = RawPassword(url), plain = Decoded(raw);
  std::string no_pw = url;
  no_pw.erase(no_pw.find(":" + raw), raw.size() + 1);  // postgresql://regfs_test@127.0.0.1:...
  ASSERT_EQ(no_pw.find(raw), std::string::npos);
  // Make sure neither is set by the environment the test runs in.
  std::string old_pw = getenv("PGPASSWORD") ? getenv("PGPASSWORD") : "";
  unsetenv("PGPASSWORD");
  std::string dir = (fs::temp_directory_path() / "regfs-pgpass-XXXXXX").string();
  ASSERT_TRUE(mkdtemp(dir.data()));
  std::string empty_pass = dir + "/none";
  std::ofstream(empty_pass).close();
  chmod(empty_pass.c_str(), 0600);
  setenv("PGPASSFILE", empty_pass.c_str(), 1);
  auto none = PostgresDb::Open(no_pw, {});
  EXPECT_FALSE(none.ok()) << "a password is needed";

  setenv("PGPASSWORD", plain.c_str(), 1);
  auto from_env = PostgresDb::Open(no_pw, {});
  EXPECT_TRUE(from_env.ok()) << from_env.status().ToString();
  unsetenv("PGPASSWORD");

  // ~/.pgpass format: host:port:database:user:password, ':' and '\' escaped.
  std::string escaped;
  for (char c : plain) {
    if (c == ':' || c == '\\') escaped += '\\';
    escaped += c;
  }
  std::string pass = dir + "/pgpass";
  std::ofstream(pass) << "127.0.0.1:*:*:regfs_test:" << escaped << "\n";
  chmod(pass.c_str(), 0600);
  setenv("PGPASSFILE", pass.c_str(), 1);
  auto from_file = PostgresDb::Open(no_pw, {});
  EXPECT_TRUE(from_file.ok()) << from_file.status().ToString();
  unsetenv("PGPASSFILE");
  if (!old_pw.empty()) setenv("PGPASSWORD", old_pw.c_str(), 1);
  fs::remove_all(dir);
}

TEST_F(PgTest, UnixSocketDirectoryUrls) {
  const char* sock = getenv("REGFS_TEST_PG_SOCKET");
  const char* port = getenv("REGFS_TEST_PG_PORT");
  if (!sock || !port) GTEST_SKIP() << "REGFS_TEST_PG_SOCKET / _PORT unset";
  // The socket directory as a parameter, and percent-encoded as the host.
  std::string encoded;
  for (char c : std::string(sock)) encoded += c == '/' ? std::string("%2F") : std::string(1, c);
  for (const std::string& url :
       {"postgresql:///" + db_->name() + "?host=" + sock + "&port=" + port + "&user=regfs_test",
        "postgresql://regfs_test@" + encoded + ":" + port + "/" + db_->name()}) {
    auto db = Open(url);
    ASSERT_TRUE(db) << url;
    EXPECT_EQ(One(*db, "SELECT current_database()"), db_->name());
    EXPECT_EQ(One(*db, "SELECT inet_server_addr() IS NULL"), "t") << "a unix socket";
  }
}

TEST_F(PgTest, TheSessionIsSetUpAndTunedPerRole) {
  auto db = Open();
  ASSERT_TRUE(db);
  EXPECT_EQ(One(*db, "SHOW TimeZone"), "UTC");
  EXPECT_EQ(One(*db, "SHOW lock_timeout"), "10s");
  EXPECT_EQ(One(*db, "SHOW standard_conforming_strings"), "on");
  EXPECT_EQ(One(*db, "SHOW client_encoding"), "UTF8");
  EXPECT_EQ(One(*db, "SHOW tcp_keepalives_idle"), "10");
  EXPECT_EQ(One(*db, "SHOW tcp_keepalives_interval"), "5");
  EXPECT_EQ(One(*db, "SHOW tcp_keepalives_count"), "3");
  EXPECT_EQ(One(*db, "SHOW tcp_user_timeout"), "25000");  // milliseconds
  EXPECT_EQ(One(*db, "SELECT application_name FROM pg_stat_activity WHERE pid = pg_backend_pid()"),
            "regfs");
  EXPECT_EQ(One(*db, "SHOW statement_timeout"), "0");
  ASSERT_TRUE(db->Tune(SqlRole::kMountWriter).ok());
  EXPECT_EQ(One(*db, "SHOW statement_timeout"), "1min");
  EXPECT_EQ(One(*db, "SHOW idle_in_transaction_session_timeout"), "1min");
  // Kept across a reconnect.
  int pid = db->BackendPid();
  Terminate(pid);
  EXPECT_FALSE(db->Exec("SELECT 1").ok());
  EXPECT_EQ(One(*db, "SHOW statement_timeout"), "1min");
  EXPECT_EQ(One(*db, "SHOW TimeZone"), "UTC");
  EXPECT_NE(db->BackendPid(), pid);
  // An application_name in the URL wins over regfs's default.
  auto named = Open(db_->url() + "?application_name=lab-mount");
  ASSERT_TRUE(named);
  EXPECT_EQ(One(*named, "SHOW application_name"), "lab-mount");
}

TEST_F(PgTest, TimeTextConvertsEveryZoneToUtc) {
  auto db = Open();
  ASSERT_TRUE(db);
  ASSERT_TRUE(db->Exec("CREATE TABLE ts (at timestamptz); SET TimeZone = 'Asia/Kolkata'; "
                       "INSERT INTO ts VALUES ('2026-12-04T08:59:08.078872+05:30'), "
                       "('2026-12-04 03:29:08+00'), (NULL)")
                  .ok());
  auto st = db->Prepare("SELECT " + db->dialect().TimeText("at") + " FROM ts");
  ASSERT_TRUE(st.ok());
  std::vector<std::string> got;
  while (*(*st)->Step()) got.push_back((*st)->IsNull(0) ? "<null>" : (*st)->Text(0));
  EXPECT_EQ(got, (std::vector<std::string>{"2026-12-04 03:29:08.078872",
                                           "2026-12-04 03:29:08.000000", "<null>"}));
  timespec t{};
  EXPECT_TRUE(ParseTimestamp(got[1], &t));
}

TEST_F(PgTest, CachedStatementsArePreparedOnceAndAgainAfterAReconnect) {
  auto db = Open();
  ASSERT_TRUE(db);
  auto count_prepared = [&] {
    return One(*db,
               "SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE "
               "'SELECT $1::int + 1%'");
  };
  for (int i = 0; i < 20; ++i) {
    auto use = db->Cached("SELECT ?1::int + 1");
    ASSERT_TRUE(use.ok());
    (*use)->Bind(1, i);
    ASSERT_TRUE(*(*use)->Step());
    EXPECT_EQ((*use)->Int(0), i + 1);
  }
  EXPECT_EQ(count_prepared(), "1");
  Terminate(db->BackendPid());
  {
    auto use = db->Cached("SELECT ?1::int + 1");
    ASSERT_TRUE(use.ok());
    (*use)->Bind(1, 1);
    auto row = (*use)->Step();
    ASSERT_FALSE(row.ok()) << "the call that finds the connection gone fails";
    EXPECT_EQ(row.status().code(), Status::Code::kIO);
  }
  auto use = db->Cached("SELECT ?1::int + 1");
  ASSERT_TRUE(use.ok());
  (*use)->Bind(1, 41);
  auto row = (*use)->Step();
  ASSERT_TRUE(row.ok()) << row.status().ToString();
  EXPECT_EQ((*use)->Int(0), 42);
  EXPECT_EQ(count_prepared(), "1");
}

TEST_F(PgTest, ALostConnectionFailsTheCallWithItsReasonThenComesBack) {
  auto db = Open();
  ASSERT_TRUE(db);
  ASSERT_TRUE(db->Exec("CREATE TABLE t (s text)").ok());
  auto t0 = db->ChangeToken();
  ASSERT_TRUE(t0.ok());
  Terminate(db->BackendPid());
  Status st = db->Exec("INSERT INTO t VALUES ('x')");
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.code(), Status::Code::kIO);
  EXPECT_NE(st.message().find("lost"), std::string::npos) << st.ToString();
  EXPECT_NE(st.message().find("terminating connection"), std::string::npos) << st.ToString();
  EXPECT_NE(st.message().find(db->name()), std::string::npos) << st.ToString();
  ASSERT_TRUE(db->Exec("INSERT INTO t VALUES ('y')").ok());
  EXPECT_EQ(One(*db, "SELECT string_agg(s, ',') FROM t"), "y");
  // Whatever happened during the outage is re-read: the token moved.
  auto t1 = db->ChangeToken();
  ASSERT_TRUE(t1.ok());
  EXPECT_NE(*t0, *t1);
}

TEST_F(PgTest, AConnectionLostInsideATransactionRunsNothingOutsideIt) {
  auto db = Open();
  ASSERT_TRUE(db);
  ASSERT_TRUE(db->Exec("CREATE TABLE t (s text)").ok());
  ASSERT_TRUE(db->BeginTxn(SqlDb::TxnKind::kWrite).ok());
  ASSERT_TRUE(db->Exec("INSERT INTO t VALUES ('first')").ok());
  Terminate(db->BackendPid());
  EXPECT_EQ(db->Exec("INSERT INTO t VALUES ('second')").code(), Status::Code::kIO);
  // Not on a new connection in autocommit: the transaction must be ended first.
  Status st = db->Exec("INSERT INTO t VALUES ('third')");
  EXPECT_EQ(st.code(), Status::Code::kIO);
  EXPECT_NE(st.message().find("inside the open transaction"), std::string::npos) << st.ToString();
  EXPECT_TRUE(db->InTransaction());
  Status c = db->CommitTxn();
  EXPECT_EQ(c.code(), Status::Code::kIO) << c.ToString();
  EXPECT_FALSE(db->InTransaction());
  ASSERT_TRUE(db->Exec("INSERT INTO t VALUES ('after')").ok());
  EXPECT_EQ(One(*db, "SELECT string_agg(s, ',') FROM t"), "after");
}

TEST_F(PgTest, CommitAfterAFailedStatementReportsItAndRollsBack) {
  auto db = Open();
  ASSERT_TRUE(db);
  ASSERT_TRUE(db->Exec("CREATE TABLE t (s varchar(3))").ok());
  ASSERT_TRUE(db->BeginTxn(SqlDb::TxnKind::kWrite).ok());
  ASSERT_TRUE(db->Exec("INSERT INTO t VALUES ('ok')").ok());
  Status bad = db->Exec("INSERT INTO t VALUES ('too long')");
  EXPECT_EQ(bad.code(), Status::Code::kInvalid) << bad.ToString();  // 22001
  Status next = db->Exec("INSERT INTO t VALUES ('no')");
  EXPECT_FALSE(next.ok());
  EXPECT_NE(next.message().find("too long"), std::string::npos) << next.ToString();
  Status c = db->CommitTxn();
  EXPECT_EQ(c.code(), Status::Code::kInvalid) << c.ToString();
  EXPECT_FALSE(db->InTransaction());
  EXPECT_EQ(One(*db, "SELECT count(*) FROM t"), "0");
}

// A server of the test's own (scripts/lib/pg.sh start), stopped and deleted with this object.
class PrivateServer {
 public:
  PrivateServer() {
    const char* helper = getenv("REGFS_TEST_PG_HELPER");
    script_ = helper ? std::string(helper)
                     : (fs::path(__FILE__).parent_path().parent_path().parent_path() / "scripts" /
                        "lib" / "pg.sh")
                           .string();
    dir_ = "/tmp/regfs-pgprivate-XXXXXX";
    if (!mkdtemp(dir_.data())) return;
    std::string out;
    if (Run("start", &out) != 0) {
      error_ = out;
      return;
    }
    while (!out.empty() && out.back() == '\n') out.pop_back();
    std::string server = out.substr(out.rfind('\n') + 1);
    // The test role creates a database of its own (it may not create tables in `postgres`).
    PgQuery(server, "CREATE DATABASE regfs_private", &error_);
    if (error_.empty()) url_ = server.substr(0, server.rfind('/') + 1) + "regfs_private";
  }
  ~PrivateServer() { Run("stop"); }
  int Run(const std::string& what, std::string* out = nullptr) {
    return testing::Shell("bash " + testing::ShQuote(script_) + " " + what + " " +
                              testing::ShQuote(dir_) + (out ? " 2>&1" : " >/dev/null 2>&1"),
                          out);
  }
  const std::string& url() const { return url_; }
  const std::string& error() const { return error_; }

 private:
  std::string script_, dir_, url_, error_;
};

TEST_F(PgTest, AServerRestartedBetweenTwoCalls) {
  // Restarting the shared server would cut the other tests' sessions.
  PrivateServer server;
  ASSERT_FALSE(server.url().empty()) << "a private server did not start: " << server.error();
  auto db = Open(server.url());
  ASSERT_TRUE(db);
  ASSERT_TRUE(db->Exec("CREATE TABLE t (s text); INSERT INTO t VALUES ('before')").ok());
  ASSERT_EQ(server.Run("restart"), 0);
  Status st = db->Exec("INSERT INTO t VALUES ('during')");
  EXPECT_EQ(st.code(), Status::Code::kIO);
  EXPECT_NE(st.message().find("lost"), std::string::npos) << st.ToString();
  Status again = db->Exec("INSERT INTO t VALUES ('after')");
  EXPECT_TRUE(again.ok()) << again.ToString();
  EXPECT_EQ(One(*db, "SELECT string_agg(s, ',' ORDER BY s) FROM t"), "after,before");
  // Stopped: calls fail with the reason; one connect attempt per second, the calls between
  // fail at once.
  ASSERT_EQ(server.Run("stop"), 0);
  Status down = db->Exec("SELECT 1");
  EXPECT_EQ(down.code(), Status::Code::kIO);
  Status down2 = db->Exec("SELECT 1");
  EXPECT_EQ(down2.code(), Status::Code::kIO) << down2.ToString();
  auto t0 = std::chrono::steady_clock::now();
  Status down3 = db->Exec("SELECT 1");
  EXPECT_EQ(down3.code(), Status::Code::kIO);
  EXPECT_NE(down3.message().find("connect to"), std::string::npos) << down3.ToString();
  EXPECT_LT(std::chrono::steady_clock::now() - t0, 500ms) << "no wait for a known outage";
}

TEST_F(PgTest, AConnectionLimitIsNamed) {
  std::string err;
  auto limited = PgTestDatabase::Create("CONNECTION LIMIT 1", &err);
  ASSERT_TRUE(limited) << err;
  auto first = Open(limited->url());
  ASSERT_TRUE(first);
  auto second = PostgresDb::Open(limited->url(), {});
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.status().code(), Status::Code::kIO);
  const std::string& m = second.status().message();
  EXPECT_NE(m.find("too many connections for database"), std::string::npos) << m;
  EXPECT_NE(m.find("connection limit is reached"), std::string::npos) << m;
  first.reset();
}

TEST_F(PgTest, ReadOnlyOpensRefuseEveryWrite) {
  auto rw = Open();
  ASSERT_TRUE(rw);
  ASSERT_TRUE(rw->Exec("CREATE TABLE t (s text)").ok());
  auto ro = Open(db_->url(), /*read_only=*/true);
  ASSERT_TRUE(ro);
  ASSERT_TRUE(ro->BeginTxn(SqlDb::TxnKind::kWrite).ok());
  Status st = ro->Exec("INSERT INTO t VALUES ('x')");
  EXPECT_EQ(st.code(), Status::Code::kReadOnly) << st.ToString();
  EXPECT_FALSE(ro->CommitTxn().ok());
}

TEST_F(PgTest, ParametersAreTypedFromTheirUse) {
  auto db = Open();
  ASSERT_TRUE(db);
  ASSERT_TRUE(db->Exec("CREATE TABLE t (id bigint, uid varchar(20), ok boolean)").ok());
  auto ins = db->Prepare("INSERT INTO t VALUES (?1, ?2, ?3)");
  ASSERT_TRUE(ins.ok());
  (*ins)->Bind(1, int64_t{5}).Bind(2, "abc").Bind(3, true);
  ASSERT_TRUE((*ins)->Run().ok());
  // Function arguments, LIKE patterns and LIMIT take their types from there.
  EXPECT_EQ(One(*db, "SELECT count(*) FROM t WHERE substr(uid, 1, 2) = 'ab' AND ok"), "1");
  auto q = db->Prepare(
      "SELECT uid FROM t WHERE substr(uid, 1, ?1) = ?2 AND uid LIKE ?3 || '%' "
      "AND ok = ?4 LIMIT ?5");
  ASSERT_TRUE(q.ok());
  (*q)->Bind(1, 2).Bind(2, "ab").Bind(3, "a").Bind(4, true).Bind(5, 10);
  ASSERT_TRUE(*(*q)->Step());
  EXPECT_EQ((*q)->TextView(0), "abc");
  // A parameter without a use has no type: a clear error, and a CAST is the way.
  auto untyped = db->Prepare("SELECT ?1 IS NULL");
  ASSERT_TRUE(untyped.ok());
  (*untyped)->Bind(1, std::nullopt);
  auto r = (*untyped)->Step();
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("could not determine data type"), std::string::npos)
      << r.status().ToString();
  auto cast = db->Prepare("SELECT CAST(?1 AS text) IS NULL");
  ASSERT_TRUE(cast.ok());
  (*cast)->Bind(1, std::nullopt);
  ASSERT_TRUE(*(*cast)->Step());
  EXPECT_TRUE((*cast)->Bool(0));
  // jsonb's ? operator is not a placeholder.
  EXPECT_EQ(One(*db, "SELECT '{\"so\": 1}'::jsonb ? 'so'"), "t");
  // Columns are known before the first Step.
  auto shape = db->Prepare("SELECT id, uid AS the_uid FROM t WHERE id = ?1");
  ASSERT_TRUE(shape.ok());
  EXPECT_EQ((*shape)->ColumnCount(), 2);
  EXPECT_EQ((*shape)->ColumnName(1), "the_uid");
  auto cached = db->Cached("SELECT ok FROM t");
  ASSERT_TRUE(cached.ok());
  EXPECT_EQ((*cached)->ColumnName(0), "ok");
  // A NUL byte cannot be PostgreSQL text.
  auto nul = db->Prepare("SELECT ?1");
  ASSERT_TRUE(nul.ok());
  (*nul)->Bind(1, std::string_view("a\0b", 3));
  EXPECT_EQ((*nul)->Step().status().code(), Status::Code::kInvalid);
}

// The trap the fixtures README describes: a locale collation orders uid suffixes wrongly.
TEST_F(PgTest, UidOrderIgnoresALocaleCollation) {
  // The test server's databases are ICU en-US (scripts/lib/pg.sh); else one is made so, or
  // with the en_US libc locale.
  std::unique_ptr<PgTestDatabase> made;
  std::string url = db_->url();
  std::string provider = PgQuery(url,
                                 "SELECT datlocprovider || ':' || coalesce(daticulocale, "
                                 "datcollate) FROM pg_database WHERE datname = current_database()");
  if (provider != "i:en-US") {
    std::string err;
    made = PgTestDatabase::Create(
        "TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C.UTF-8'", &err);
    if (!made) made = PgTestDatabase::Create("TEMPLATE template0 LOCALE 'en_US.UTF-8'", &err);
    if (!made) GTEST_SKIP() << "this server has neither ICU nor en_US: " << err;
    url = made->url();
  }
  auto db = Open(url);
  ASSERT_TRUE(db);
  ASSERT_TRUE(db->Exec("CREATE TABLE a (uid varchar(20) UNIQUE); INSERT INTO a VALUES "
                       "('OycbB9FCieBLubnD000a'), ('OycbB9FCieBLubnD0009'), "
                       "('OycbB9FCieBLubnD000Z')")
                  .ok());
  auto order = [&](const std::string& expr) {
    return One(*db, "SELECT string_agg(right(uid, 4), ' ' ORDER BY " + expr + ") FROM a");
  };
  EXPECT_EQ(order("uid"), "0009 000a 000Z") << "the trap: the database orders by locale";
  EXPECT_FALSE(static_cast<const PostgresDialect&>(db->dialect()).bytewise_default());
  EXPECT_EQ(order(db->dialect().Bytewise("uid")), "0009 000Z 000a");
  EXPECT_EQ(One(*db, "SELECT right(max(" + db->dialect().Bytewise("uid") + "), 4) FROM a"), "000a");
}

TEST_F(PgTest, InACDatabasePlainColumnsAreBytewise) {
  std::string err;
  auto cdb = PgTestDatabase::Create("TEMPLATE template0 LOCALE_PROVIDER libc LOCALE 'C'", &err);
  ASSERT_TRUE(cdb) << err;
  auto c = Open(cdb->url());
  ASSERT_TRUE(c);
  // Plain columns already compare bytes there, and their indexes serve Bytewise comparisons.
  EXPECT_TRUE(static_cast<const PostgresDialect&>(c->dialect()).bytewise_default());
  EXPECT_EQ(c->dialect().Bytewise("uid"), "uid");
  ASSERT_TRUE(c->Exec("CREATE TABLE a (uid varchar(20)); INSERT INTO a VALUES ('x000a'), "
                      "('x0009'), ('x000Z')")
                  .ok());
  EXPECT_EQ(One(*c, "SELECT string_agg(right(uid, 4), ' ' ORDER BY " +
                        c->dialect().Bytewise("uid") + ") FROM a"),
            "0009 000Z 000a");
}

TEST_F(PgTest, AnInitiallyImmediateConstraintKeepsItsModeAcrossSavepoints) {
  auto db = Open();
  ASSERT_TRUE(db);
  ASSERT_TRUE(db->Exec("CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE c (p_id int REFERENCES "
                       "p (id) DEFERRABLE INITIALLY IMMEDIATE); INSERT INTO p VALUES (1)")
                  .ok());
  ASSERT_TRUE(db->BeginTxn(SqlDb::TxnKind::kWrite).ok());
  ASSERT_TRUE(db->Savepoint("s").ok());
  ASSERT_TRUE(db->Exec("INSERT INTO c VALUES (1)").ok());
  Status rel = db->ReleaseSavepoint("s");
  ASSERT_TRUE(rel.ok()) << rel.ToString();
  // Still checked at once, as declared (a check that set ALL DEFERRED would defer it).
  ASSERT_TRUE(db->Savepoint("s").ok());
  EXPECT_EQ(db->Exec("INSERT INTO c VALUES (7)").code(), Status::Code::kExists);
  ASSERT_TRUE(db->RollbackToSavepoint("s").ok());
  ASSERT_TRUE(db->CommitTxn().ok());
  EXPECT_EQ(One(*db, "SELECT count(*) FROM c"), "1");
}

TEST_F(PgTest, LockFamilyWaitsVisiblyOnlyForTheSameFamilyAndEndsWithTheSession) {
  auto a = Open(), b = Open(), watch = Open();
  ASSERT_TRUE(a && b && watch);
  ASSERT_TRUE(a->BeginTxn(SqlDb::TxnKind::kWrite).ok());
  ASSERT_TRUE(a->LockFamily("famAAAAAAAAAAAAA").ok());
  EXPECT_EQ(a->LockFamily("x").code(), Status::Code::kOk);  // two families in one transaction
  // Another family: no wait.
  ASSERT_TRUE(b->BeginTxn(SqlDb::TxnKind::kWrite).ok());
  ASSERT_TRUE(b->LockFamily("famBBBBBBBBBBBBB").ok());
  ASSERT_TRUE(b->CommitTxn().ok());
  // The same family: b waits, as pg_locks shows, until a's session ends (a host that dies:
  // the server ends its session and releases what it held).
  std::atomic<bool> got{false};
  Status bst;
  std::thread t([&] {
    bst = b->BeginTxn(SqlDb::TxnKind::kWrite);
    if (bst.ok()) bst = b->LockFamily("famAAAAAAAAAAAAA");
    got = true;
  });
  std::string waiting;
  for (int i = 0; i < 500 && waiting != "1"; ++i) {
    waiting = One(*watch,
                  "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT "
                  "granted");
    if (waiting != "1") std::this_thread::sleep_for(10ms);
  }
  EXPECT_EQ(waiting, "1");
  EXPECT_FALSE(got);
  Terminate(a->BackendPid());
  t.join();
  EXPECT_TRUE(bst.ok()) << bst.ToString();
  EXPECT_TRUE(b->CommitTxn().ok());
  EXPECT_EQ(b->RollbackTxn().code(), Status::Code::kOk);
  // Outside a transaction the lock would end with its statement: refused.
  EXPECT_EQ(b->LockFamily("famAAAAAAAAAAAAA").code(), Status::Code::kInvalid);
}

TEST_F(PgTest, LockTimeoutIsBusy) {
  auto a = Open(), b = Open();
  ASSERT_TRUE(a && b);
  ASSERT_TRUE(b->Exec("SET lock_timeout = '200ms'").ok());
  ASSERT_TRUE(a->BeginTxn(SqlDb::TxnKind::kWrite).ok());
  ASSERT_TRUE(a->LockFamily("famCCCCCCCCCCCCC").ok());
  ASSERT_TRUE(b->BeginTxn(SqlDb::TxnKind::kWrite).ok());
  Status st = b->LockFamily("famCCCCCCCCCCCCC");
  EXPECT_EQ(st.code(), Status::Code::kBusy) << st.ToString();
  EXPECT_TRUE(b->RollbackTxn().ok());
  EXPECT_TRUE(a->CommitTxn().ok());
}

// A commit by psql, another program that sends no notification.
TEST_F(PgTest, ChangeTokenSeesPsqlAndIgnoresOwnSavepointsAndRollbacks) {
  auto db = Open();
  ASSERT_TRUE(db);
  ASSERT_TRUE(db->Exec("CREATE TABLE t (s text)").ok());
  auto t0 = db->ChangeToken();
  ASSERT_TRUE(t0.ok());
  ASSERT_EQ(testing::Shell("psql -X -q " + testing::ShQuote(db_->url()) +
                           " -c \"INSERT INTO t VALUES ('psql')\" >/dev/null 2>&1"),
            0);
  auto t1 = db->ChangeToken();
  ASSERT_TRUE(t1.ok());
  EXPECT_NE(*t0, *t1);

  // Own transactions with savepoints that wrote (subtransaction ids), and own rollbacks,
  // leave it: checked in windows in which nothing else finished on the shared server.
  auto witness = [&] { return PgQuery(db_->url(), "SELECT pg_current_snapshot()::text"); };
  auto finished = [](const std::string& a, const std::string& b) {
    auto p1 = pg::ParseSnapshot(a), p2 = pg::ParseSnapshot(b);
    long n = 0;
    for (uint64_t x : p1->xip)
      if (!std::binary_search(p2->xip.begin(), p2->xip.end(), x)) ++n;
    for (uint64_t x = p1->xmax; x < p2->xmax; ++x)
      if (!std::binary_search(p2->xip.begin(), p2->xip.end(), x)) ++n;
    return n;
  };
  bool checked = false;
  for (int attempt = 0; attempt < 40 && !checked; ++attempt) {
    std::string w0 = witness();
    bool mid_moved = false;
    auto a = db->ChangeToken();
    ASSERT_TRUE(a.ok());
    {
      auto outer = Transaction::Begin(*db);
      ASSERT_TRUE(outer.ok());
      ASSERT_TRUE(db->Exec("INSERT INTO t VALUES ('top')").ok());
      for (int i = 0; i < 3; ++i) {
        auto part = Transaction::Begin(*db);
        ASSERT_TRUE(part.ok());
        ASSERT_TRUE(db->Exec("INSERT INTO t VALUES ('sub')").ok());
        // Inside the transaction too, its own unfinished ids are not others' commits.
        auto mid = db->ChangeToken();
        ASSERT_TRUE(mid.ok());
        if (*mid != *a) mid_moved = true;
        ASSERT_TRUE((*part)->Commit().ok());
      }
      ASSERT_TRUE((*outer)->Commit().ok());
    }
    {
      auto rolled = Transaction::Begin(*db);
      ASSERT_TRUE(rolled.ok());
      ASSERT_TRUE(db->Exec("INSERT INTO t VALUES ('undone')").ok());
    }
    auto b = db->ChangeToken();
    ASSERT_TRUE(b.ok());
    std::string w1 = witness();
    // Own ids: 1 + 3 subtransactions, then 1 rolled back.
    if (finished(w0, w1) == 5) {
      checked = true;
      EXPECT_FALSE(mid_moved) << "moved inside its own transaction";
      EXPECT_EQ(*a, *b) << "its own savepoints or rollback moved the token";
    }
  }
  if (!checked) GTEST_SKIP() << "the shared server never had a quiet window in 40 tries";
}

}  // namespace
}  // namespace regfs
