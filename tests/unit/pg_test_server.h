// The PostgreSQL test server that scripts/test.sh starts (scripts/lib/pg.sh), for unit tests:
// its URL, a database of a test's own (dropped at the end), plain libpq for what a test does
// beside the code under test, and the rule for a missing server: skip, or fail under CI=true.
#pragma once

#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

namespace regfs::testing {

// REGFS_TEST_PG_URL: postgresql://regfs_test:PW@127.0.0.1:PORT/postgres, or "" without a server.
inline std::string PgServerUrl() {
  const char* u = std::getenv("REGFS_TEST_PG_URL");
  return u ? u : "";
}

inline bool InCi() {
  const char* ci = std::getenv("CI");
  return ci && std::string(ci) == "true";
}

// The URL of database `db` on the test server (the server's URL has no parameters).
inline std::string PgUrlOf(const std::string& db) {
  std::string u = PgServerUrl();
  return u.substr(0, u.rfind('/') + 1) + db;
}

// Skips the test without a server, or fails it under CI=true. For SetUp() or a test body.
#define REGFS_REQUIRE_PG()                                                              \
  do {                                                                                  \
    if (::regfs::testing::PgServerUrl().empty()) {                                      \
      if (::regfs::testing::InCi()) {                                                   \
        FAIL() << "CI=true but no PostgreSQL test server (REGFS_TEST_PG_URL is unset)"; \
      }                                                                                 \
      GTEST_SKIP() << "no PostgreSQL test server: REGFS_TEST_PG_URL is unset "          \
                      "(scripts/test.sh starts one)";                                   \
    }                                                                                   \
  } while (0)

// One statement through plain libpq: the first column of the first row ("" when none), or
// the error in *error.
inline std::string PgQuery(const std::string& url, const std::string& sql,
                           std::string* error = nullptr) {
  PGconn* c = PQconnectdb(url.c_str());
  std::string out;
  if (PQstatus(c) != CONNECTION_OK) {
    if (error) *error = PQerrorMessage(c);
    PQfinish(c);
    return out;
  }
  PGresult* r = PQexec(c, sql.c_str());
  ExecStatusType rs = PQresultStatus(r);
  if (rs != PGRES_COMMAND_OK && rs != PGRES_TUPLES_OK) {
    if (error) *error = PQresultErrorMessage(r);
  } else if (rs == PGRES_TUPLES_OK && PQntuples(r) > 0 && PQnfields(r) > 0) {
    out = PQgetvalue(r, 0, 0);
  }
  PQclear(r);
  PQfinish(c);
  return out;
}

// A database of the test's own on the test server, created from template1 (ICU en-US where
// the server has ICU, see pg.sh) unless `create_options` says otherwise; dropped (with its
// sessions) when this goes.
class PgTestDatabase {
 public:
  static std::unique_ptr<PgTestDatabase> Create(const std::string& create_options = "",
                                                std::string* error = nullptr) {
    static std::atomic<int> counter{0};
    std::string name = "regfs_t" + std::to_string(getpid()) + "_" + std::to_string(++counter);
    std::string err;
    PgQuery(PgServerUrl(), "CREATE DATABASE " + name + " " + create_options, &err);
    if (!err.empty()) {
      if (error) *error = err;
      return nullptr;
    }
    return std::unique_ptr<PgTestDatabase>(new PgTestDatabase(name));
  }
  ~PgTestDatabase() {
    PgQuery(PgServerUrl(), "DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
  }
  const std::string& name() const { return name_; }
  std::string url() const { return PgUrlOf(name_); }

 private:
  explicit PgTestDatabase(std::string name) : name_(std::move(name)) {}
  std::string name_;
};

// Runs `sh -c cmd`, returning its exit status and (with `out`) its standard output.
inline int Shell(const std::string& cmd, std::string* out = nullptr) {
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return -1;
  std::string text;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) text.append(buf, n);
  int rc = pclose(p);
  if (out) *out = text;
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

// Single-quotes `s` for sh.
inline std::string ShQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

// Loads a pg_dump file into database `url` with psql, as the fixtures README says (its
// \restrict lines are psql meta-commands that older psql versions lack: left out).
inline bool PgLoadDump(const std::string& url, const std::string& dump, std::string* error) {
  std::string cmd = "sed '/^\\\\\\(un\\)\\?restrict /d' " + ShQuote(dump) +
                    " | psql -X -q -v ON_ERROR_STOP=1 -o /dev/null " + ShQuote(url) + " -f - 2>&1";
  std::string out;
  int rc = Shell(cmd, &out);
  if (rc != 0 && error) *error = "psql exit " + std::to_string(rc) + ": " + out;
  return rc == 0;
}

}  // namespace regfs::testing
