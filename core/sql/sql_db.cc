#include "core/sql/sql_db.h"

namespace regfs {

namespace {
// The one savepoint name: a Transaction nests at most once per level, and SQLite and
// PostgreSQL both release or roll back the most recent savepoint of a name.
constexpr std::string_view kSavepoint = "regfs_op";
}  // namespace

Status Statement::Run() {
  for (;;) {
    REGFS_ASSIGN_OR_RETURN(bool row, Step());
    if (!row) return Status();
  }
}

Result<int64_t> Statement::RunReturningId() {
  REGFS_ASSIGN_OR_RETURN(bool row, Step());
  if (!row) return Status::IO(sql() + ": no id returned");
  int64_t id = Int(0);
  REGFS_RETURN_IF_ERROR(Run());  // a statement left half-way keeps its transaction busy
  return id;
}

std::optional<std::string> Statement::OptText(int col) const {
  if (IsNull(col)) return std::nullopt;
  return Text(col);
}

std::optional<int64_t> Statement::OptInt(int col) const {
  if (IsNull(col)) return std::nullopt;
  return Int(col);
}

SqlDb::~SqlDb() = default;

Result<SqlDb::Use> SqlDb::Cached(const std::string& sql) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    REGFS_ASSIGN_OR_RETURN(auto st, PrepareImpl(sql, /*persistent=*/true));
    it = cache_.emplace(sql, std::move(st)).first;
  }
  return Use(it->second.get());
}

Status SqlDb::FailCommitsForTest(bool) {
  return Status::Unsupported("failing commits on purpose is not available for " + name());
}

Result<std::unique_ptr<Transaction>> Transaction::Begin(SqlDb& db, SqlDb::TxnKind kind) {
  if (db.InTransaction()) {
    REGFS_RETURN_IF_ERROR(db.Savepoint(kSavepoint));
    return std::unique_ptr<Transaction>(new Transaction(db, /*nested=*/true));
  }
  REGFS_RETURN_IF_ERROR(db.BeginTxn(kind));
  return std::unique_ptr<Transaction>(new Transaction(db, /*nested=*/false));
}

Transaction::~Transaction() {
  if (done_) return;
  if (nested_) {
    (void)db_.RollbackToSavepoint(kSavepoint);
  } else if (db_.InTransaction()) {
    (void)db_.RollbackTxn();
  }
}

Status Transaction::Commit() {
  Status st = nested_ ? db_.ReleaseSavepoint(kSavepoint) : db_.CommitTxn();
  // A failed commit was rolled back by the backend; a failed release is undone by the
  // destructor (only this part of the outer transaction).
  if (st.ok() || !nested_) done_ = true;
  return st;
}

std::string QuoteId(std::string_view name) {
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

}  // namespace regfs
