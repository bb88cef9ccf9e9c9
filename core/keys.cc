#include "core/keys.h"

#include <array>

#include "core/clock.h"
#include "core/storage/layout.h"

namespace regfs::keys {

namespace {

constexpr size_t kMaxComponent = 255;
constexpr size_t kMaxKey = 1024;

// Compound suffixes that win over the last extension. No entry is the tail of another, so
// the first match is the only one.
constexpr std::array<std::string_view, 15> kCompoundSuffixes = {
    ".spatialdata.zarr", ".anndata.zarr", ".vitessce.json", ".fastq.gz", ".ome.zarr",
    ".tar.bz2",          ".json.gz",      ".tar.gz",        ".tar.xz",   ".csv.gz",
    ".tsv.gz",           ".txt.gz",       ".vcf.gz",        ".bed.gz",   ".fq.gz",
};

bool EndsWith(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// The last component of a path, and the name pathlib would see: leading dots belong to it.
std::string_view NameOf(std::string_view filename) {
  size_t slash = filename.find_last_of('/');
  std::string_view name = slash == std::string_view::npos ? filename : filename.substr(slash + 1);
  while (!name.empty() && name.front() == '.') name.remove_prefix(1);
  return name;
}

// What makes `key` unusable as a relative path, or OK. IsSafeKey and ValidateKey share it.
Status KeyPathProblem(std::string_view key) {
  if (key.empty()) return Status::Invalid("empty key");
  if (key.find('\0') != std::string_view::npos) {
    return Status::Invalid("key '" + Printable(key) + "' contains a NUL byte");
  }
  if (key.size() > kMaxKey) {
    return {Status::Code::kNameTooLong, "key is " + std::to_string(key.size()) +
                                            " bytes long, more than " + std::to_string(kMaxKey)};
  }
  if (key.front() == '/') return Status::Invalid("key '" + Printable(key) + "' starts with '/'");
  size_t start = 0;
  for (;;) {
    size_t end = key.find('/', start);
    std::string_view part =
        key.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    if (part.empty()) {
      return Status::Invalid("key '" + Printable(key) + "' has an empty path component");
    }
    if (part == "." || part == "..") {
      return Status::Invalid("key '" + Printable(key) + "' has a '" + std::string(part) +
                             "' component");
    }
    if (part.size() > kMaxComponent) {
      return {Status::Code::kNameTooLong, "key component '" + Printable(part.substr(0, 32)) +
                                              "...' is " + std::to_string(part.size()) +
                                              " bytes long, more than 255"};
    }
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return Status();
}

bool Newer(const timespec& a, const timespec& b) {
  return a.tv_sec != b.tv_sec ? a.tv_sec > b.tv_sec : a.tv_nsec > b.tv_nsec;
}

bool SameTime(const timespec& a, const timespec& b) {
  return a.tv_sec == b.tv_sec && a.tv_nsec == b.tv_nsec;
}

}  // namespace

std::string SuffixOf(std::string_view filename) {
  // As Python's pathlib: leading dots belong to the name (".bashrc" has no suffix), and a
  // name ending in '.' has none either.
  std::string_view name = NameOf(filename);
  if (name.empty() || name.back() == '.') return "";
  for (std::string_view compound : kCompoundSuffixes) {
    if (EndsWith(name, compound)) return std::string(compound);
  }
  size_t dot = name.find_last_of('.');
  if (dot == std::string_view::npos) return "";
  std::string_view ext = name.substr(dot);
  if (AllDigits(ext.substr(1))) return "";  // "file.1": digits are no suffix
  return std::string(ext);
}

bool IsSafeComponent(std::string_view name) {
  return !name.empty() && name != "." && name != ".." && name.size() <= kMaxComponent &&
         name.find('/') == std::string_view::npos && name.find('\0') == std::string_view::npos;
}

bool IsSafeKey(std::string_view key) {
  return KeyPathProblem(key).ok();
}

Status ValidateKey(std::string_view key) {
  REGFS_RETURN_IF_ERROR(KeyPathProblem(key));
  // LaminDB refuses such keys ("Do not pass key that contains a managed storage path"), and
  // a real key there would land among the managed files.
  if (key.find(std::string(layout::kManagedDir) + "/") != std::string_view::npos ||
      key.substr(0, key.find('/')) == layout::kManagedDir) {
    return Status::Invalid("key '" + Printable(key) + "' points into " +
                           std::string(layout::kManagedDir) + "/, LaminDB's managed storage");
  }
  return Status();
}

std::string KeyDir(std::string_view key) {
  size_t start = 0;
  size_t dir_end = 0;  // the directory is key[0, dir_end)
  for (;;) {
    size_t slash = key.find('/', start);
    if (slash == std::string_view::npos) break;  // the last component is never a directory
    if (!IsSafeComponent(key.substr(start, slash - start))) break;
    dir_end = slash;
    start = slash + 1;
  }
  return std::string(key.substr(0, dir_end));
}

std::string AtUidName(std::string_view name, std::string_view uid, std::string_view suffix) {
  std::string_view stem = name;
  if (!suffix.empty() && stem.size() > suffix.size() && EndsWith(stem, suffix)) {
    stem.remove_suffix(suffix.size());
  }
  std::string out(stem);
  out += '@';
  out += uid;
  out += suffix;
  return out;
}

timespec TrashTime(std::string_view updated_at) {
  timespec ts{};
  if (!ParseTimestamp(updated_at, &ts)) return timespec{};
  return ts;
}

bool TrashedLater(const timespec& a_updated, int64_t a_id, const timespec& b_updated,
                  int64_t b_id) {
  if (!SameTime(a_updated, b_updated)) return Newer(a_updated, b_updated);
  return a_id > b_id;
}

bool LatestFirst(bool a_latest, const timespec& a_created, int64_t a_id, bool b_latest,
                 const timespec& b_created, int64_t b_id) {
  if (a_latest != b_latest) return a_latest;
  if (!SameTime(a_created, b_created)) return Newer(a_created, b_created);
  return a_id > b_id;
}

std::optional<std::string> OtypeOf(std::string_view filename) {
  std::string_view name = NameOf(filename);
  if (name.empty() || name.back() == '.') return std::nullopt;
  size_t last = name.find_last_of('.');
  if (last == std::string_view::npos) return std::nullopt;
  std::string_view ext = name.substr(last);
  if (ext == ".parquet" || ext == ".csv" || ext == ".ipc") return std::string("DataFrame");
  // Any of the extensions, as pathlib's `suffixes` lists them.
  for (size_t dot = name.find('.'); dot != std::string_view::npos; dot = name.find('.', dot + 1)) {
    std::string_view one = name.substr(dot, name.find('.', dot + 1) - dot);
    if (one == ".h5ad") return std::string("AnnData");
    if (one == ".h5mu") return std::string("MuData");
  }
  return std::nullopt;
}

std::string Printable(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) out += (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) ? '?' : c;
  return out;
}

}  // namespace regfs::keys
