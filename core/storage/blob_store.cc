#include "core/storage/blob_store.h"

#include "core/keys.h"
#include "core/path.h"
#include "core/storage/layout.h"
#include "core/uid.h"

namespace regfs {

namespace {
constexpr size_t kMaxComponent = 255;
}  // namespace

Result<Locator> RealKeyLocator(std::string_view key) {
  if (!IsSafeKey(key)) {
    return Status::Permission("key '" + keys::Printable(key) +
                              "' does not map to a path inside the storage root");
  }
  if (key.substr(0, key.find('/')) == layout::kManagedDir) {
    return Status::Permission("real key '" + keys::Printable(key) +
                              "' would point into the managed directory " +
                              std::string(layout::kManagedDir));
  }
  return Locator{std::string(key), false};
}

Result<Locator> LocateArtifact(const Artifact& a, int64_t storage_id) {
  if (a.storage_id != storage_id) {
    return Status::NotFound("artifact uid " + keys::Printable(a.uid) + " lives in storage id " +
                            std::to_string(a.storage_id) + ", not this instance");
  }
  if (a.real_key) return RealKeyLocator(*a.real_key);
  if (!a.key_is_virtual && a.key) return RealKeyLocator(*a.key);
  // The managed name is built from database text: make sure it is one plain file name.
  std::string_view stem =
      a.is_folder ? std::string_view(a.uid).substr(0, layout::kStemLength) : a.uid;
  bool suffix_ok =
      a.suffix.empty() || (a.suffix.front() == '.' && a.suffix.find('/') == std::string::npos &&
                           a.suffix.find('\0') == std::string::npos);
  if (stem.empty() || !IsBase62(stem) || !suffix_ok ||
      stem.size() + a.suffix.size() > kMaxComponent) {
    return Status::Permission("artifact uid '" + keys::Printable(a.uid) + "' with suffix '" +
                              keys::Printable(a.suffix) + "' does not make a safe file name");
  }
  return Locator{layout::ManagedKey(a.uid, a.suffix, a.is_folder), a.is_folder};
}

bool IsManagedArtifact(const Artifact& a, int64_t storage_id) {
  if (a.storage_id != storage_id || a.real_key || (!a.key_is_virtual && a.key)) return false;
  auto loc = LocateArtifact(a, storage_id);
  if (!loc.ok()) return false;
  return path::ParentOf(loc->key) == layout::kManagedDir;
}

std::string BlobStore::Address(const Locator& loc) const {
  return path::Join(root(), loc.key);
}

std::optional<Locator> BlobStore::LocatorOf(std::string_view address) const {
  auto rel = path::RelativeInside(address, root());
  if (!rel) return std::nullopt;
  return Locator{std::string(*rel), false};
}

}  // namespace regfs
