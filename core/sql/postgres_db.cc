#include "core/sql/postgres_db.h"

#include <libpq-fe.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstring>
#include <utility>

namespace regfs {

namespace {

// The type OID of boolean in pg_type (fixed since PostgreSQL 7).
constexpr Oid kBoolOid = 16;

// Defaults the URL may override (libpq: later keywords override earlier ones), then what
// regfs needs whatever the URL says.
constexpr const char* kKeepaliveIdle = "10";
constexpr const char* kKeepaliveInterval = "5";
constexpr const char* kKeepaliveCount = "3";
constexpr const char* kUserTimeoutMs = "25000";

constexpr std::string_view kLockTimeout = "10s";

bool IsIdentChar(char c) {
  unsigned char u = static_cast<unsigned char>(c);
  return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '_' ||
         u == '$' || u >= 0x80;
}
bool IsIdentStart(char c) {
  unsigned char u = static_cast<unsigned char>(c);
  return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u == '_' || u >= 0x80;
}
bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}

bool ParseU64(std::string_view s, uint64_t* out) {
  if (s.empty()) return false;
  auto r = std::from_chars(s.data(), s.data() + s.size(), *out);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

std::string PercentDecode(std::string_view s) {
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
      out += static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

void ReplaceAll(std::string* s, std::string_view what, std::string_view with) {
  if (what.empty()) return;
  for (size_t pos = s->find(what); pos != std::string::npos; pos = s->find(what, pos + with.size()))
    s->replace(pos, what.size(), with);
}

std::string TrimNewline(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
  return s;
}

// A full 64-bit transaction id for a 32-bit one (pg_locks.transactionid) that is at or after
// `near` and less than 2^31 ids away from it, as a subtransaction id is from its parent's.
uint64_t FullXidNear(uint64_t near, uint32_t xid) {
  uint32_t low = static_cast<uint32_t>(near);
  return near + static_cast<uint32_t>(xid - low);
}

}  // namespace

// ---------------------------------------------------------------- pure helpers

namespace pg {

Result<std::string> RewritePlaceholders(std::string_view s, int* max_index) {
  std::string out;
  out.reserve(s.size() + 8);
  int highest = 0;
  const size_t n = s.size();
  size_t i = 0;
  auto copy_to = [&](size_t end) {  // copies s[i, end) and moves on
    end = std::min(end, n);
    out.append(s.substr(i, end - i));
    i = end;
  };
  while (i < n) {
    char c = s[i];
    if (c == '\'') {
      // E'...' (an E that starts a token) takes backslash escapes; every form doubles quotes.
      bool escapes =
          i > 0 && (s[i - 1] == 'E' || s[i - 1] == 'e') && (i < 2 || !IsIdentChar(s[i - 2]));
      size_t j = i + 1;
      while (j < n) {
        if (escapes && s[j] == '\\') {
          j += 2;
        } else if (s[j] == '\'') {
          if (j + 1 < n && s[j + 1] == '\'') {
            j += 2;
          } else {
            break;
          }
        } else {
          ++j;
        }
      }
      copy_to(j + 1);
    } else if (c == '"') {
      size_t j = i + 1;
      while (j < n) {
        if (s[j] == '"') {
          if (j + 1 < n && s[j + 1] == '"') {
            j += 2;
            continue;
          }
          break;
        }
        ++j;
      }
      copy_to(j + 1);
    } else if (c == '-' && i + 1 < n && s[i + 1] == '-') {
      size_t j = s.find('\n', i);
      copy_to(j == std::string_view::npos ? n : j + 1);
    } else if (c == '/' && i + 1 < n && s[i + 1] == '*') {
      // PostgreSQL's block comments nest.
      size_t j = i + 2;
      int depth = 1;
      while (j < n && depth > 0) {
        if (s[j] == '/' && j + 1 < n && s[j + 1] == '*') {
          ++depth;
          j += 2;
        } else if (s[j] == '*' && j + 1 < n && s[j + 1] == '/') {
          --depth;
          j += 2;
        } else {
          ++j;
        }
      }
      copy_to(j);
    } else if (c == '$' && (i == 0 || !IsIdentChar(s[i - 1])) && i + 1 < n &&
               (s[i + 1] == '$' || IsIdentStart(s[i + 1]))) {
      // A dollar quote $tag$ ... $tag$ (the tag may be empty; $1 is a parameter).
      size_t j = i + 1;
      while (j < n && s[j] != '$' && IsIdentChar(s[j])) ++j;
      if (j < n && s[j] == '$') {
        std::string_view tag = s.substr(i, j - i + 1);
        size_t close = s.find(tag, j + 1);
        copy_to(close == std::string_view::npos ? n : close + tag.size());
      } else {
        copy_to(j);  // an identifier-like run after a lone '$': not a quote
      }
    } else if (c == '?' && i + 1 < n && IsDigit(s[i + 1])) {
      size_t j = i + 1;
      int v = 0;
      while (j < n && IsDigit(s[j])) {
        v = v * 10 + (s[j] - '0');
        if (v > 65535) return Status::Invalid("placeholder out of range in: " + std::string(s));
        ++j;
      }
      if (v == 0) return Status::Invalid("placeholder ?0 in: " + std::string(s));
      highest = std::max(highest, v);
      out += '$';
      out.append(s.substr(i + 1, j - i - 1));
      i = j;
    } else if (IsIdentStart(c)) {
      // Identifiers and keywords as a whole: a '$' inside one is not a quote.
      size_t j = i + 1;
      while (j < n && IsIdentChar(s[j])) ++j;
      copy_to(j);
    } else {
      out += c;
      ++i;
    }
  }
  *max_index = highest;
  return out;
}

std::string MaskPassword(std::string_view url) {
  std::string out(url);
  size_t scheme = out.find("://");
  if (scheme == std::string::npos) return out;
  size_t start = scheme + 3;
  // libpq: the user part runs to the first '@' before any '/'.
  size_t p = start;
  while (p < out.size() && out[p] != '@' && out[p] != '/') ++p;
  if (p < out.size() && out[p] == '@') {
    size_t colon = out.find(':', start);
    if (colon != std::string::npos && colon < p) {
      out.replace(colon + 1, p - colon - 1, "***");
    }
  }
  size_t q = out.find('?');
  if (q == std::string::npos) return out;
  std::string masked = out.substr(0, q + 1);
  std::string_view params(out);
  params.remove_prefix(q + 1);
  bool first = true;
  while (true) {
    size_t amp = params.find('&');
    std::string_view kv = params.substr(0, amp);
    if (!first) masked += '&';
    first = false;
    size_t eq = kv.find('=');
    std::string_view key = kv.substr(0, eq);
    if (eq != std::string_view::npos && (key == "password" || key == "sslpassword")) {
      masked.append(key);
      masked += "=***";
    } else {
      masked.append(kv);
    }
    if (amp == std::string_view::npos) break;
    params.remove_prefix(amp + 1);
  }
  return masked;
}

std::optional<Snapshot> ParseSnapshot(std::string_view text) {
  Snapshot s;
  size_t c1 = text.find(':');
  if (c1 == std::string_view::npos) return std::nullopt;
  size_t c2 = text.find(':', c1 + 1);
  if (c2 == std::string_view::npos) return std::nullopt;
  if (!ParseU64(text.substr(0, c1), &s.xmin) ||
      !ParseU64(text.substr(c1 + 1, c2 - c1 - 1), &s.xmax))
    return std::nullopt;
  std::string_view rest = text.substr(c2 + 1);
  while (!rest.empty()) {
    size_t comma = rest.find(',');
    uint64_t x;
    if (!ParseU64(rest.substr(0, comma), &x)) return std::nullopt;
    s.xip.push_back(x);
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
  }
  std::sort(s.xip.begin(), s.xip.end());
  return s;
}

bool OthersFinished(const Snapshot& before, const Snapshot& after,
                    const std::vector<uint64_t>& own_in) {
  if (after.xmax < before.xmax) return true;  // not the same server's history
  std::vector<uint64_t> own(own_in);
  std::sort(own.begin(), own.end());
  auto has = [](const std::vector<uint64_t>& v, uint64_t x) {
    return std::binary_search(v.begin(), v.end(), x);
  };
  // Running then, finished now.
  for (uint64_t x : before.xip)
    if (!has(after.xip, x) && !has(own, x)) return true;
  // Begun and finished in between: every id of [before.xmax, after.xmax) that is not still
  // running and not our own. Counted, so a busy server costs no loop over the range.
  uint64_t range = after.xmax - before.xmax;
  if (range == 0) return false;
  uint64_t accounted = 0;
  auto lo_run = std::lower_bound(after.xip.begin(), after.xip.end(), before.xmax);
  auto hi_run = std::lower_bound(after.xip.begin(), after.xip.end(), after.xmax);
  accounted += static_cast<uint64_t>(hi_run - lo_run);
  own.erase(std::unique(own.begin(), own.end()), own.end());
  for (uint64_t x : own)
    if (x >= before.xmax && x < after.xmax && !has(after.xip, x)) ++accounted;
  return range > accounted;
}

int64_t FamilyLockKey(std::string_view stem) {
  uint64_t h = 1469598103934665603ull;  // FNV-1a 64
  auto mix = [&h](std::string_view s) {
    for (unsigned char c : s) {
      h ^= c;
      h *= 1099511628211ull;
    }
  };
  mix("regfs.family:");
  mix(stem);
  int64_t key;
  std::memcpy(&key, &h, sizeof key);
  return key;
}

}  // namespace pg

// ---------------------------------------------------------------- dialect

std::string PostgresDialect::Bytewise(std::string_view col) const {
  if (bytewise_default_) return std::string(col);
  return "(" + std::string(col) + ") COLLATE \"C\"";
}

std::string PostgresDialect::NotText(std::string_view col) const {
  return "(" + std::string(col) + ") IS NULL";
}

std::string PostgresDialect::TextUpperBound(std::string_view col) const {
  return "(" + std::string(col) + ") IS NOT NULL";
}

std::string PostgresDialect::TimeText(std::string_view col) const {
  return "to_char((" + std::string(col) + ") AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US')";
}

// ---------------------------------------------------------------- statements

class PgStatement final : public Statement {
 public:
  PgStatement(PostgresDb* db, std::string sql, std::string pg_sql, int nparams, bool persistent)
      : db_(db),
        sql_(std::move(sql)),
        pg_sql_(std::move(pg_sql)),
        persistent_(persistent),
        values_(nparams),
        null_(nparams, true) {}
  ~PgStatement() override {
    PQclear(res_);
    PQclear(shape_);
  }

  // Prepares the named statement in the current connection; the server types the parameters
  // from their use.
  Status PrepareNamed() {
    if (name_.empty()) name_ = "regfs_" + std::to_string(++db_->statements_);
    PGresult* r = PQprepare(db_->conn_, name_.c_str(), pg_sql_.c_str(), NParams(), nullptr);
    Status st = db_->Failure(r, sql_);
    PQclear(r);
    if (st.ok()) prepared_in_ = db_->generation_;
    return st;
  }

  void BindInt64(int i, int64_t v) override {
    if (!Slot(i)) return;
    values_[i - 1] = std::to_string(v);
    null_[i - 1] = false;
  }
  void BindText(int i, std::string_view v) override {
    if (!Slot(i)) return;
    if (v.find('\0') != std::string_view::npos) {
      if (bind_error_.ok())
        bind_error_ = Status::Invalid("bind " + sql_ + ": text with a NUL byte");
      return;
    }
    values_[i - 1].assign(v.data(), v.size());
    null_[i - 1] = false;
  }
  void BindBool(int i, bool v) override {
    if (!Slot(i)) return;
    values_[i - 1] = v ? "t" : "f";
    null_[i - 1] = false;
  }
  void BindNull(int i) override {
    if (!Slot(i)) return;
    null_[i - 1] = true;
  }

  Result<bool> Step() override {
    if (!bind_error_.ok()) return bind_error_;
    if (!res_) {
      REGFS_RETURN_IF_ERROR(Execute());
      row_ = -1;
    }
    if (row_ + 1 < rows_) {
      ++row_;
      return true;
    }
    row_ = rows_;
    return false;
  }

  void Reset() override {
    PQclear(res_);
    res_ = nullptr;
    rows_ = 0;
    row_ = -1;
    std::fill(null_.begin(), null_.end(), true);
    bind_error_ = Status();
  }

  bool IsNull(int col) const override { return !OnRow(col) || PQgetisnull(res_, row_, col); }
  int64_t Int(int col) const override {
    if (IsNull(col)) return 0;
    const char* v = PQgetvalue(res_, row_, col);
    if (PQftype(res_, col) == kBoolOid) return v[0] == 't' ? 1 : 0;
    int64_t out = 0;
    std::from_chars(v, v + PQgetlength(res_, row_, col), out);  // "12.5" reads as 12
    return out;
  }
  bool Bool(int col) const override {
    if (IsNull(col)) return false;
    if (PQftype(res_, col) == kBoolOid) return PQgetvalue(res_, row_, col)[0] == 't';
    return Int(col) != 0;
  }
  std::string_view TextView(int col) const override {
    if (IsNull(col)) return {};
    return std::string_view(PQgetvalue(res_, row_, col),
                            static_cast<size_t>(PQgetlength(res_, row_, col)));
  }
  int ColumnCount() const override {
    const PGresult* r = Shape();
    return r ? PQnfields(r) : 0;
  }
  std::string ColumnName(int col) const override {
    const PGresult* r = Shape();
    if (!r || col < 0 || col >= PQnfields(r)) return "";
    const char* n = PQfname(r, col);
    return n ? n : "";
  }
  const std::string& sql() const override { return sql_; }

  static std::string_view Sqlstate(const PGresult* r) {
    const char* s = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
    return s ? std::string_view(s) : std::string_view();
  }

 private:
  int NParams() const { return static_cast<int>(values_.size()); }
  bool Slot(int i) {
    if (i >= 1 && i <= NParams()) return true;
    if (bind_error_.ok())
      bind_error_ = Status::Invalid("bind " + sql_ + ": no parameter ?" + std::to_string(i));
    return false;
  }
  bool OnRow(int col) const {
    return res_ && row_ >= 0 && row_ < rows_ && col >= 0 && col < PQnfields(res_);
  }

  Status Execute() {
    REGFS_RETURN_IF_ERROR(db_->Ready(sql_));
    std::vector<const char*> vals(values_.size());
    for (size_t k = 0; k < values_.size(); ++k) vals[k] = null_[k] ? nullptr : values_[k].c_str();
    PGresult* r = nullptr;
    if (persistent_) {
      if (prepared_in_ != db_->generation_) REGFS_RETURN_IF_ERROR(PrepareNamed());
      r = PQexecPrepared(db_->conn_, name_.c_str(), NParams(), vals.data(), nullptr, nullptr, 0);
    } else {
      r = PQexecParams(db_->conn_, pg_sql_.c_str(), NParams(), nullptr, vals.data(), nullptr,
                       nullptr, 0);
    }
    Status st = db_->Failure(r, sql_);
    if (!st.ok()) {
      PQclear(r);
      return st;
    }
    res_ = r;
    rows_ = PQntuples(r);
    return Status();
  }

  // The result's shape, described from the server before the first Step.
  const PGresult* Shape() const {
    if (res_) return res_;
    if (!shape_ && db_->Ready(sql_).ok()) {
      if (persistent_ && prepared_in_ == db_->generation_) {
        shape_ = PQdescribePrepared(db_->conn_, name_.c_str());
      } else {
        PGresult* p = PQprepare(db_->conn_, "", pg_sql_.c_str(), NParams(), nullptr);
        bool ok = PQresultStatus(p) == PGRES_COMMAND_OK;
        PQclear(p);
        if (ok) shape_ = PQdescribePrepared(db_->conn_, "");
      }
      if (shape_ && PQresultStatus(shape_) != PGRES_COMMAND_OK) {
        PQclear(shape_);
        shape_ = nullptr;
      }
    }
    return shape_;
  }

  PostgresDb* db_;
  std::string sql_;
  std::string pg_sql_;
  bool persistent_;
  std::string name_;
  uint64_t prepared_in_ = 0;  // the connection generation it was prepared in (0: never)
  std::vector<std::string> values_;
  std::vector<bool> null_;
  Status bind_error_;
  PGresult* res_ = nullptr;
  mutable PGresult* shape_ = nullptr;
  int rows_ = 0;
  int row_ = -1;
};

// ---------------------------------------------------------------- PostgresDb

PostgresDb::PostgresDb(std::string url, const Options& opts)
    : url_(std::move(url)), name_(pg::MaskPassword(url_)), read_only_(opts.read_only) {
  // Every spelling of the URL's passwords, to scrub from libpq's messages (which may quote a
  // malformed URL's parts). Very short ones would garble every message and are left.
  auto keep = [this](std::string s) {
    if (s.size() >= 4 && std::find(secrets_.begin(), secrets_.end(), s) == secrets_.end())
      secrets_.push_back(std::move(s));
  };
  size_t scheme = url_.find("://");
  if (scheme != std::string::npos) {
    size_t start = scheme + 3, p = start;
    while (p < url_.size() && url_[p] != '@' && url_[p] != '/') ++p;
    if (p < url_.size() && url_[p] == '@') {
      size_t colon = url_.find(':', start);
      if (colon != std::string::npos && colon < p) {
        std::string raw = url_.substr(colon + 1, p - colon - 1);
        keep(PercentDecode(raw));
        keep(std::move(raw));
      }
    }
  }
  char* err = nullptr;
  if (PQconninfoOption* opts_list = PQconninfoParse(url_.c_str(), &err)) {
    for (PQconninfoOption* o = opts_list; o->keyword; ++o) {
      if (o->val &&
          (std::strcmp(o->keyword, "password") == 0 || std::strcmp(o->keyword, "sslpassword") == 0))
        keep(o->val);
    }
    PQconninfoFree(opts_list);
  }
  PQfreemem(err);
}

Result<std::unique_ptr<PostgresDb>> PostgresDb::Open(const std::string& url, const Options& opts) {
  std::unique_ptr<PostgresDb> db(new PostgresDb(url, opts));
  REGFS_RETURN_IF_ERROR(db->Connect());
  return db;
}

PostgresDb::~PostgresDb() {
  DropCachedStatements();
  if (conn_) {
    // An open transaction ends with the session; PQfinish tells the server at once.
    PQfinish(conn_);
  }
}

std::string PostgresDb::Scrub(std::string msg) const {
  for (const auto& s : secrets_) ReplaceAll(&msg, s, "***");
  return TrimNewline(std::move(msg));
}

int PostgresDb::BackendPid() const {
  return conn_ && PQstatus(conn_) == CONNECTION_OK && !broken_ ? PQbackendPID(conn_) : 0;
}

bool PostgresDb::Usable() const {
  return conn_ && PQstatus(conn_) == CONNECTION_OK && !broken_;
}

Status PostgresDb::Connect() {
  if (conn_) {
    PQreset(conn_);
  } else {
    // Defaults first, the URL (expanded from dbname) next, then what must hold whatever the
    // URL says.
    const char* keys[] = {"connect_timeout",           "keepalives",
                          "keepalives_idle",           "keepalives_interval",
                          "keepalives_count",          "tcp_user_timeout",
                          "fallback_application_name", "dbname",
                          "client_encoding",           nullptr};
    const char* vals[] = {"10",
                          "1",
                          kKeepaliveIdle,
                          kKeepaliveInterval,
                          kKeepaliveCount,
                          kUserTimeoutMs,
                          "regfs",
                          url_.c_str(),
                          "UTF8",
                          nullptr};
    conn_ = PQconnectdbParams(keys, vals, /*expand_dbname=*/1);
    // libpq prints the server's notices and warnings on stderr: none of regfs's output.
    // Whatever goes wrong comes back as an error result. (Kept across PQreset.)
    if (conn_)
      PQsetNoticeProcessor(
          conn_, [](void*, const char*) {}, nullptr);
  }
  if (!conn_) return Status::IO("connect to " + name_ + ": out of memory");
  if (PQstatus(conn_) != CONNECTION_OK) {
    std::string why = Scrub(PQerrorMessage(conn_));
    std::string msg = "connect to " + name_ + ": " + why;
    if (why.find("too many connections") != std::string::npos ||
        why.find("too many clients") != std::string::npos ||
        why.find("connection slots are reserved") != std::string::npos) {
      msg +=
          " (a connection limit is reached: the database's or the role's CONNECTION LIMIT, as the "
          "server says, or the server's max_connections; close other connections or raise it)";
    }
    return Status::IO(msg);
  }
  broken_ = false;
  if (PQserverVersion(conn_) < 130000) {
    broken_ = true;
    return Status::Unsupported("connect to " + name_ + ": PostgreSQL " +
                               std::to_string(PQserverVersion(conn_) / 10000) +
                               " is too old; regfs needs 13 or newer (pg_current_snapshot)");
  }
  ++generation_;
  deferred_only_.reset();
  std::string setup = "SET TimeZone = 'UTC'; SET standard_conforming_strings = on; ";
  setup += "SET lock_timeout = '" + std::string(kLockTimeout) + "'; ";
  setup += "SET tcp_keepalives_idle = " + std::string(kKeepaliveIdle) + "; ";
  setup += "SET tcp_keepalives_interval = " + std::string(kKeepaliveInterval) + "; ";
  setup += "SET tcp_keepalives_count = " + std::string(kKeepaliveCount) + "; ";
  setup += "SET tcp_user_timeout = " + std::string(kUserTimeoutMs) + "; ";
  if (read_only_) setup += "SET default_transaction_read_only = on; ";
  if (role_) setup += TuneSql();
  // Whether the database's own collation already compares bytes (see PostgresDialect).
  setup += PQserverVersion(conn_) >= 150000
               ? "SELECT datlocprovider = 'c' AND datcollate IN ('C', 'POSIX') FROM pg_database "
                 "WHERE datname = current_database()"
               : "SELECT datcollate IN ('C', 'POSIX') FROM pg_database "
                 "WHERE datname = current_database()";
  bool bytewise = false;
  Status st = Run(setup, "set up the session", [&](const PGresult* r) {
    if (PQntuples(r) > 0) bytewise = PQgetvalue(r, 0, 0)[0] == 't';
  });
  if (!st.ok()) {
    broken_ = true;  // not set up: the next use connects again
    return st.Annotate("connect to " + name_);
  }
  if (!dialect_known_) {
    dialect_ = PostgresDialect(bytewise);
    dialect_known_ = true;
  }
  return Status();
}

Status PostgresDb::Ready(std::string_view context) {
  if (txn_lost_) {
    return Status::IO(std::string(context) + ": the connection to " + name_ +
                      " was lost inside the open transaction, which the server rolled back; "
                      "end it first");
  }
  if (conn_ && PQstatus(conn_) == CONNECTION_OK && !broken_) return Status();
  // During an outage every call would wait for a connect attempt (up to connect_timeout when
  // the host does not answer): one attempt per second, the calls between fail at once.
  auto now = std::chrono::steady_clock::now();
  if (!connect_error_.ok() && now - connect_failed_at_ < std::chrono::seconds(1))
    return connect_error_.Annotate(context);
  Status st = Connect();
  if (!st.ok()) {
    connect_error_ = st;
    connect_failed_at_ = now;
    return st.Annotate(context);
  }
  connect_error_ = Status();
  return Status();
}

Status PostgresDb::Lost(std::string_view context, std::string_view why) {
  broken_ = true;  // the next Ready() reconnects, whatever libpq's status says
  bool in_txn = txn_open_;
  if (in_txn) txn_lost_ = true;
  // Whatever others committed during the outage is unknown: the next token differs.
  ++changes_;
  last_snapshot_.reset();
  own_xids_.clear();
  std::string msg =
      std::string(context) + ": connection to " + name_ + " lost: " + Scrub(std::string(why));
  if (committing_) {
    msg += "; whether the transaction committed is unknown";
  } else if (in_txn) {
    msg += "; the open transaction was rolled back by the server";
  }
  msg += "; it is re-established on the next use";
  return Status::IO(msg);
}

Status PostgresDb::Failure(const PGresult* res, std::string_view context) {
  ExecStatusType rs = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;
  if (rs == PGRES_COMMAND_OK || rs == PGRES_TUPLES_OK || rs == PGRES_EMPTY_QUERY) return Status();
  std::string_view state = PgStatement::Sqlstate(res);
  // A FATAL error ends the session (pg_terminate_backend, a server shutting down), though
  // libpq may not have seen the socket close yet; class 08 is a connection exception.
  const char* severity = res ? PQresultErrorField(res, PG_DIAG_SEVERITY_NONLOCALIZED) : nullptr;
  bool fatal =
      severity && (std::strcmp(severity, "FATAL") == 0 || std::strcmp(severity, "PANIC") == 0);
  if (!conn_ || PQstatus(conn_) == CONNECTION_BAD || fatal || state.substr(0, 2) == "08") {
    return Lost(context, res ? PQresultErrorMessage(res) : PQerrorMessage(conn_));
  }
  std::string msg;
  if (res) {
    const char* primary = PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY);
    const char* detail = PQresultErrorField(res, PG_DIAG_MESSAGE_DETAIL);
    msg = primary ? primary : PQresultErrorMessage(res);
    if (detail) msg += std::string(" (") + detail + ")";
  } else {
    msg = PQerrorMessage(conn_);
  }
  Status st = Status::FromPostgres(state, context, Scrub(std::move(msg)));
  if (state == "25P02" && !txn_error_.ok()) {
    st =
        st.Annotate("(after an earlier failure in this transaction: " + txn_error_.message() + ")");
  }
  if (txn_open_ && txn_error_.ok()) txn_error_ = st;
  return st;
}

template <typename F>
Status PostgresDb::Run(const std::string& sql, std::string_view context, F&& on_rows) {
  if (!PQsendQuery(conn_, sql.c_str())) return Failure(nullptr, context);
  Status first;
  while (PGresult* r = PQgetResult(conn_)) {
    if (PQresultStatus(r) == PGRES_TUPLES_OK) {
      on_rows(r);
    } else if (first.ok()) {
      first = Failure(r, context);
    }
    PQclear(r);
  }
  if (first.ok() && PQstatus(conn_) == CONNECTION_BAD) first = Failure(nullptr, context);
  return first;
}

Status PostgresDb::Run(const std::string& sql, std::string_view context) {
  return Run(sql, context, [](const PGresult*) {});
}

Status PostgresDb::Exec(std::string_view sql) {
  std::string s(sql);
  REGFS_RETURN_IF_ERROR(Ready(s));
  return Run(s, s);
}

Result<std::unique_ptr<Statement>> PostgresDb::PrepareImpl(std::string_view sql, bool persistent) {
  int nparams = 0;
  REGFS_ASSIGN_OR_RETURN(std::string pg_sql, pg::RewritePlaceholders(sql, &nparams));
  auto st =
      std::make_unique<PgStatement>(this, std::string(sql), std::move(pg_sql), nparams, persistent);
  if (persistent) {
    REGFS_RETURN_IF_ERROR(Ready(sql));
    REGFS_RETURN_IF_ERROR(st->PrepareNamed());
  }
  return std::unique_ptr<Statement>(std::move(st));
}

// ---------------------------------------------------------------- transactions

bool PostgresDb::InTransaction() const {
  if (txn_open_) return true;
  if (!Usable()) return false;
  PGTransactionStatusType t = PQtransactionStatus(conn_);
  return t == PQTRANS_INTRANS || t == PQTRANS_INERROR;
}

Status PostgresDb::BeginTxn(TxnKind kind) {
  if (InTransaction()) return Status::Invalid("begin on " + name_ + ": a transaction is open");
  REGFS_RETURN_IF_ERROR(Ready("begin"));
  REGFS_RETURN_IF_ERROR(Run(kind == TxnKind::kWrite
                                ? "BEGIN ISOLATION LEVEL READ COMMITTED"
                                : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
                            "begin a transaction"));
  txn_open_ = true;
  txn_kind_ = kind;
  txn_subxids_.clear();
  txn_error_ = Status();
  return Status();
}

void PostgresDb::EndTxn() {
  txn_open_ = false;
  txn_lost_ = false;
  txn_subxids_.clear();
  txn_error_ = Status();
}

namespace {
// The transaction ids this session holds a lock on: its top-level id and those of its open
// subtransactions. A subtransaction's lock goes when it is released or rolled back, so the
// savepoint calls read this just before.
constexpr const char* kHeldXids =
    "SELECT (SELECT string_agg(transactionid::text, ',') FROM pg_locks WHERE pid = "
    "pg_backend_pid() AND locktype = 'transactionid')";
}  // namespace

std::string PostgresDb::OwnXidsQuery() const {
  return "SELECT pg_current_xact_id_if_assigned()::text";
}

void PostgresDb::NoteHeldXids(const PGresult* r) {
  if (PQntuples(r) < 1 || PQnfields(r) < 1 || PQgetisnull(r, 0, 0)) return;
  std::string_view list(PQgetvalue(r, 0, 0));
  while (!list.empty()) {
    size_t comma = list.find(',');
    uint64_t x;
    if (ParseU64(list.substr(0, comma), &x) && x <= UINT32_MAX) {
      uint32_t v = static_cast<uint32_t>(x);
      if (std::find(txn_subxids_.begin(), txn_subxids_.end(), v) == txn_subxids_.end())
        txn_subxids_.push_back(v);
    }
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
}

std::vector<uint64_t> PostgresDb::TxnXids(uint64_t top) const {
  std::vector<uint64_t> out{top};
  for (uint32_t x : txn_subxids_) {
    uint64_t full = FullXidNear(top, x);
    if (full != top) out.push_back(full);
  }
  return out;
}

void PostgresDb::NoteOwnXids(const PGresult* r) {
  if (PQntuples(r) < 1 || PQgetisnull(r, 0, 0)) return;
  uint64_t top;
  if (!ParseU64(PQgetvalue(r, 0, 0), &top)) return;
  for (uint64_t x : TxnXids(top)) own_xids_.push_back(x);
}

Status PostgresDb::CommitTxn() {
  if (!InTransaction()) return Status::Invalid("commit on " + name_ + ": no transaction is open");
  if (txn_lost_) {
    EndTxn();
    return Status::IO(
        "commit on " + name_ +
        ": the connection was lost inside the transaction; the server rolled it back");
  }
  if (!Usable()) {
    EndTxn();
    return Status::IO("commit on " + name_ + ": not connected");
  }
  if (PQtransactionStatus(conn_) == PQTRANS_INERROR) {
    // COMMIT would answer ROLLBACK without an error: report the failure that caused it.
    Status why = txn_error_.ok() ? Status::IO("a statement failed") : txn_error_;
    (void)Run("ROLLBACK", "roll back a failed transaction");
    EndTxn();
    return why.Annotate("commit on " + name_ + ": rolled back after an earlier failure");
  }
  bool write = txn_kind_ == TxnKind::kWrite;
  std::string sql;
  if (write) {
    if (fail_commits_) {
      sql +=
          "CREATE TEMP TABLE IF NOT EXISTS regfs_fail_commit (id int PRIMARY KEY, ref int "
          "REFERENCES regfs_fail_commit (id) DEFERRABLE INITIALLY DEFERRED); "
          "INSERT INTO regfs_fail_commit VALUES (1, 2); ";
    }
    sql += OwnXidsQuery() + "; ";
  }
  sql += "COMMIT";
  bool committed = false;
  Status st;
  committing_ = true;
  if (!PQsendQuery(conn_, sql.c_str())) {
    st = Failure(nullptr, "commit");
  } else {
    while (PGresult* r = PQgetResult(conn_)) {
      ExecStatusType rs = PQresultStatus(r);
      if (rs == PGRES_TUPLES_OK) {
        NoteOwnXids(r);
      } else if (rs == PGRES_COMMAND_OK) {
        if (std::strcmp(PQcmdStatus(r), "COMMIT") == 0) committed = true;
      } else if (st.ok()) {
        st = Failure(r, "commit on " + name_);
      }
      PQclear(r);
    }
  }
  committing_ = false;
  if (st.ok() && !committed) st = Status::IO("commit on " + name_ + ": the server rolled back");
  if (fail_commits_ && write && !st.ok()) st = st.Annotate("commit failed on purpose (test)");
  // A failed COMMIT ends the transaction on the server; anything else still open is undone.
  if (Usable() && PQtransactionStatus(conn_) != PQTRANS_IDLE) (void)Run("ROLLBACK", "roll back");
  EndTxn();
  return st;
}

Status PostgresDb::RollbackTxn() {
  if (!InTransaction()) return Status();
  if (txn_lost_ || !Usable()) {
    EndTxn();  // the server rolled it back when the connection went
    return Status();
  }
  std::string sql = "ROLLBACK";
  // A write transaction's ids are its own: its end must not look like someone else's commit.
  if (txn_kind_ == TxnKind::kWrite && PQtransactionStatus(conn_) == PQTRANS_INTRANS)
    sql = OwnXidsQuery() + "; ROLLBACK";
  Status st = Run(sql, "roll back", [this](const PGresult* r) { NoteOwnXids(r); });
  if (!st.ok() && Usable() && PQtransactionStatus(conn_) != PQTRANS_IDLE)
    st = Run("ROLLBACK", "roll back");
  EndTxn();
  return st;
}

Status PostgresDb::Savepoint(std::string_view name) {
  REGFS_RETURN_IF_ERROR(Ready("savepoint"));
  return Run("SAVEPOINT " + QuoteId(name), "savepoint");
}

Status PostgresDb::ReleaseSavepoint(std::string_view name) {
  REGFS_RETURN_IF_ERROR(Ready("release savepoint"));
  std::string q = QuoteId(name);
  std::string context = "release savepoint " + std::string(name);
  if (!deferred_only_ && PQtransactionStatus(conn_) == PQTRANS_INTRANS) {
    bool only = false;
    REGFS_RETURN_IF_ERROR(Run(
        "SELECT NOT EXISTS (SELECT 1 FROM pg_constraint WHERE condeferrable AND NOT condeferred)",
        context,
        [&](const PGresult* r) { only = PQntuples(r) > 0 && PQgetvalue(r, 0, 0)[0] == 't'; }));
    deferred_only_ = only;
  }
  // The ids of the subtransaction(s) still open: ours, when they end (see kHeldXids).
  std::string sql =
      PQtransactionStatus(conn_) == PQTRANS_INTRANS ? std::string(kHeldXids) + "; " : "";
  if (deferred_only_.value_or(true)) {
    // Checks what is pending now; ALL DEFERRED then is the mode every deferrable constraint
    // started in.
    sql += "SET CONSTRAINTS ALL IMMEDIATE; SET CONSTRAINTS ALL DEFERRED; RELEASE SAVEPOINT " + q;
  } else {
    // A check in a nested savepoint that is rolled back keeps every constraint's mode.
    sql +=
        "SAVEPOINT regfs_check; SET CONSTRAINTS ALL IMMEDIATE; ROLLBACK TO SAVEPOINT regfs_check; "
        "RELEASE SAVEPOINT regfs_check; RELEASE SAVEPOINT " +
        q;
  }
  Status st = Run(sql, context, [this](const PGresult* r) { NoteHeldXids(r); });
  if (!st.ok() && !deferred_only_.value_or(true) && Usable() &&
      PQtransactionStatus(conn_) == PQTRANS_INERROR) {
    // The check failed inside regfs_check: back to the savepoint `name`, still in place.
    (void)Run("ROLLBACK TO SAVEPOINT regfs_check; RELEASE SAVEPOINT regfs_check", context);
  }
  return st;
}

Status PostgresDb::RollbackToSavepoint(std::string_view name) {
  REGFS_RETURN_IF_ERROR(Ready("roll back to savepoint"));
  std::string q = QuoteId(name);
  // An aborted subtransaction runs no query: its id, if it had one, stays unknown (the token
  // may then move after this transaction).
  std::string sql =
      PQtransactionStatus(conn_) == PQTRANS_INTRANS ? std::string(kHeldXids) + "; " : "";
  sql += "ROLLBACK TO SAVEPOINT " + q + "; RELEASE SAVEPOINT " + q;
  Status st = Run(sql, "roll back to savepoint " + std::string(name),
                  [this](const PGresult* r) { NoteHeldXids(r); });
  if (st.ok()) txn_error_ = Status();  // the failure it undid no longer dooms the transaction
  return st;
}

Status PostgresDb::LockFamily(std::string_view stem) {
  if (!InTransaction())
    return Status::Invalid("lock family " + std::string(stem) + ": no transaction is open");
  REGFS_ASSIGN_OR_RETURN(auto st, Cached("SELECT pg_advisory_xact_lock(?1)"));
  st->Bind(1, pg::FamilyLockKey(stem));
  Status s = st->Run();
  if (!s.ok()) return s.Annotate("lock family " + std::string(stem));
  return Status();
}

// ---------------------------------------------------------------- changes, tuning

Result<std::string> PostgresDb::ChangeToken() {
  REGFS_RETURN_IF_ERROR(Ready("change token"));
  bool in_write = InTransaction() && txn_kind_ == TxnKind::kWrite &&
                  PQtransactionStatus(conn_) == PQTRANS_INTRANS;
  std::optional<pg::Snapshot> snap;
  std::vector<uint64_t> own = own_xids_;
  {
    // Inside a write transaction, its own (unfinished) ids are not in its snapshot's xip:
    // they are ours, not others' finished ones.
    std::string sql = "SELECT pg_current_snapshot()::text";
    if (in_write) {
      sql +=
          ", pg_current_xact_id_if_assigned()::text, (SELECT string_agg(transactionid::text, "
          "',') FROM pg_locks WHERE pid = pg_backend_pid() AND locktype = 'transactionid')";
    }
    REGFS_ASSIGN_OR_RETURN(auto st, Cached(sql));
    REGFS_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) return Status::IO("change token of " + name_ + ": no snapshot");
    snap = pg::ParseSnapshot(st->TextView(0));
    if (!snap)
      return Status::IO("change token of " + name_ + ": unreadable snapshot " + st->Text(0));
    uint64_t top;
    if (in_write && !st->IsNull(1) && ParseU64(st->TextView(1), &top)) {
      for (uint64_t x : TxnXids(top)) own.push_back(x);
      std::string_view list = st->IsNull(2) ? std::string_view() : st->TextView(2);
      while (!list.empty()) {
        size_t comma = list.find(',');
        uint64_t x;
        if (ParseU64(list.substr(0, comma), &x) && x <= UINT32_MAX)
          own.push_back(FullXidNear(top, static_cast<uint32_t>(x)));
        if (comma == std::string_view::npos) break;
        list.remove_prefix(comma + 1);
      }
    }
  }
  if (last_snapshot_ && pg::OthersFinished(*last_snapshot_, *snap, own)) ++changes_;
  last_snapshot_ = std::move(snap);
  // Every id noted so far finished before this snapshot: it is below its xmax now.
  own_xids_.clear();
  return "pg:" + std::to_string(changes_);
}

std::string PostgresDb::TuneSql() const {
  std::string statement = "0", idle = "0";
  switch (role_.value_or(SqlRole::kDefault)) {
    case SqlRole::kDefault:
    case SqlRole::kBulk: break;
    case SqlRole::kMountWriter:
    case SqlRole::kMaintenance:
      statement = "'60s'";
      idle = "'60s'";
      break;
  }
  return "SET lock_timeout = '" + std::string(kLockTimeout) +
         "'; SET statement_timeout = " + statement +
         "; SET idle_in_transaction_session_timeout = " + idle + "; ";
}

Status PostgresDb::Tune(SqlRole role) {
  role_ = role;
  REGFS_RETURN_IF_ERROR(Ready("tune"));
  return Run(TuneSql(), "tune the connection");
}

Status PostgresDb::FailCommitsForTest(bool on) {
  fail_commits_ = on;
  return Status();
}

// ---------------------------------------------------------------- catalog

namespace {
// Ordinary and partitioned tables that unqualified names resolve to (the search path), not the
// system's or the session's temporary ones.
constexpr const char* kVisibleTables =
    "c.relkind IN ('r', 'p') AND pg_catalog.pg_table_is_visible(c.oid) AND n.nspname NOT IN "
    "('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_temp\\_%' AND n.nspname "
    "NOT LIKE 'pg\\_toast%'";
}  // namespace

Result<std::vector<std::string>> PostgresDb::TableNames() {
  REGFS_ASSIGN_OR_RETURN(
      auto st, Prepare(std::string("SELECT c.relname FROM pg_catalog.pg_class c JOIN "
                                   "pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE ") +
                       kVisibleTables + " ORDER BY c.relname COLLATE \"C\""));
  std::vector<std::string> names;
  for (;;) {
    REGFS_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) return names;
    names.push_back(st->Text(0));
  }
}

Result<bool> PostgresDb::TableExists(std::string_view table) {
  REGFS_ASSIGN_OR_RETURN(
      auto st,
      Prepare(std::string("SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace "
                          "n ON n.oid = c.relnamespace WHERE c.relname = ?1 AND ") +
              kVisibleTables));
  st->Bind(1, table);
  return st->Step();
}

Result<std::vector<std::string>> PostgresDb::Columns(std::string_view table) {
  REGFS_ASSIGN_OR_RETURN(
      auto st,
      Prepare(
          std::string("SELECT a.attname FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class "
                      "c ON c.oid = a.attrelid JOIN pg_catalog.pg_namespace n ON n.oid = "
                      "c.relnamespace WHERE c.relname = ?1 AND ") +
          kVisibleTables + " AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum"));
  st->Bind(1, table);
  std::vector<std::string> cols;
  for (;;) {
    REGFS_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) return cols;
    cols.push_back(st->Text(0));
  }
}

Result<std::vector<ForeignKeyRef>> PostgresDb::ReferencesTo(std::string_view table) {
  REGFS_ASSIGN_OR_RETURN(
      auto st,
      Prepare(
          std::string("SELECT c.relname, a.attname, a.attnotnull FROM pg_catalog.pg_constraint k "
                      "JOIN pg_catalog.pg_class c ON c.oid = k.conrelid "
                      "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                      "JOIN pg_catalog.pg_class r ON r.oid = k.confrelid "
                      "CROSS JOIN LATERAL unnest(k.conkey) AS u(attnum) "
                      "JOIN pg_catalog.pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = "
                      "u.attnum WHERE k.contype = 'f' AND lower(r.relname) = lower(?1) AND "
                      "pg_catalog.pg_table_is_visible(r.oid) AND ") +
          kVisibleTables + " ORDER BY c.relname COLLATE \"C\", a.attname COLLATE \"C\""));
  st->Bind(1, table);
  std::vector<ForeignKeyRef> refs;
  for (;;) {
    REGFS_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) return refs;
    refs.push_back(ForeignKeyRef{st->Text(0), st->Text(1), st->Bool(2)});
  }
}

}  // namespace regfs
