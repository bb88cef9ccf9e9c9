// Status and Result<T>: how every core call reports failure.
//
// A Status is either OK (no allocation: the state pointer is null) or carries a Code and a
// message with context ("purge uid XYZ: member of collection ABC"). Codes are chosen so that
// the FUSE adapter maps each one to exactly one errno (fs/errno_map), and the CLI maps each
// one to an exit code. Two functions here are the only places that turn foreign error
// values into a Status: FromErrno() and FromSqlite().
#pragma once

#include <cassert>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace regfs {

class Status {
 public:
  enum class Code {
    kOk = 0,
    kNotFound,       // ENOENT: no such record, key or file
    kExists,         // EEXIST: target already taken (RENAME_NOREPLACE, init on an instance)
    kPermission,     // EPERM: refused by a rule of SPEC.md (protected record, into .trash, ...)
    kNotEmpty,       // ENOTEMPTY
    kInvalid,        // EINVAL: bad argument (bad key, bad uid, ...)
    kIO,             // EIO: stored file missing or unreadable, unexpected database state
    kBusy,           // EBUSY: database locked beyond the busy timeout
    kReadOnly,       // EROFS: instance or mount is read-only
    kNoSpace,        // ENOSPC: disk full
    kCorrupt,        // EIO: database file is not a usable SQLite database
    kUnsupported,    // EIO / exit 1: a database layout this build does not know
    kNameTooLong,    // ENAMETOOLONG
    kIsDir,          // EISDIR
    kNotDir,         // ENOTDIR
    kAccess,         // EACCES
    kCrossDevice,    // EXDEV: rename between incompatible parts of the tree
  };

  Status() = default;  // OK
  Status(Code code, std::string message)
      : rep_(code == Code::kOk ? nullptr : std::make_unique<Rep>(Rep{code, 0, std::move(message)})) {}
  Status(const Status& other) : rep_(other.rep_ ? std::make_unique<Rep>(*other.rep_) : nullptr) {}
  Status& operator=(const Status& other) {
    if (this != &other) rep_ = other.rep_ ? std::make_unique<Rep>(*other.rep_) : nullptr;
    return *this;
  }
  Status(Status&&) noexcept = default;
  Status& operator=(Status&&) noexcept = default;

  static Status OK() { return Status(); }
  static Status NotFound(std::string m) { return {Code::kNotFound, std::move(m)}; }
  static Status Exists(std::string m) { return {Code::kExists, std::move(m)}; }
  static Status Permission(std::string m) { return {Code::kPermission, std::move(m)}; }
  static Status NotEmpty(std::string m) { return {Code::kNotEmpty, std::move(m)}; }
  static Status Invalid(std::string m) { return {Code::kInvalid, std::move(m)}; }
  static Status IO(std::string m) { return {Code::kIO, std::move(m)}; }
  static Status Busy(std::string m) { return {Code::kBusy, std::move(m)}; }
  static Status ReadOnly(std::string m) { return {Code::kReadOnly, std::move(m)}; }
  static Status NoSpace(std::string m) { return {Code::kNoSpace, std::move(m)}; }
  static Status Corrupt(std::string m) { return {Code::kCorrupt, std::move(m)}; }
  static Status Unsupported(std::string m) { return {Code::kUnsupported, std::move(m)}; }

  // The one errno -> Status mapping. `context` says what was being done ("open /x/y").
  static Status FromErrno(int err, std::string_view context);
  // The one SQLite result code -> Status mapping. `context` says what was being done.
  static Status FromSqlite(int rc, std::string_view context, std::string_view detail = {});
  // The one PostgreSQL SQLSTATE -> Status mapping (the 5-character code of an error the server
  // reported; classes as SQLite's nearest result code maps them). `detail` is the server's
  // message.
  static Status FromPostgres(std::string_view sqlstate, std::string_view context,
                             std::string_view detail);

  bool ok() const { return rep_ == nullptr; }
  Code code() const { return rep_ ? rep_->code : Code::kOk; }
  // The errno this status stood for, when it came from FromErrno (0 otherwise).
  int sys_errno() const { return rep_ ? rep_->sys_errno : 0; }
  const std::string& message() const;
  // "not found: purge uid X: ..." style text for logs and the CLI.
  std::string ToString() const;
  // Prefixes more context: Annotate("purge abc") turns "x" into "purge abc: x".
  Status Annotate(std::string_view context) const;

  bool IsNotFound() const { return code() == Code::kNotFound; }

 private:
  struct Rep {
    Code code;
    int sys_errno;
    std::string message;
  };
  std::unique_ptr<Rep> rep_;
};

const char* CodeName(Status::Code code);

// Result<T>: a T or a non-OK Status.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}                        // NOLINT(implicit)
  Result(Status status) : v_(std::move(status)) { assert(!std::get<Status>(v_).ok()); }  // NOLINT

  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(v_);
  }
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace regfs

// Early-return helpers. REGFS_ASSIGN_OR_RETURN(auto x, Expr()) declares x.
#define REGFS_RETURN_IF_ERROR(expr)            \
  do {                                         \
    ::regfs::Status _st = (expr);              \
    if (!_st.ok()) return _st;                 \
  } while (0)

#define REGFS_CONCAT_INNER(a, b) a##b
#define REGFS_CONCAT(a, b) REGFS_CONCAT_INNER(a, b)
#define REGFS_ASSIGN_OR_RETURN(lhs, expr) \
  REGFS_ASSIGN_OR_RETURN_IMPL(REGFS_CONCAT(_res_, __LINE__), lhs, expr)
#define REGFS_ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                                \
  if (!tmp.ok()) return tmp.status();               \
  lhs = std::move(tmp).value()
