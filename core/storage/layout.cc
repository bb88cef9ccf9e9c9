#include "core/storage/layout.h"

#include "core/path.h"

namespace regfs::layout {

std::string ManagedName(std::string_view uid, std::string_view suffix, bool folder) {
  std::string name(folder ? uid.substr(0, kStemLength) : uid);
  name += suffix;
  return name;
}

std::string InManagedDir(std::string_view name) {
  return path::Join(kManagedDir, name);
}

std::string ManagedKey(std::string_view uid, std::string_view suffix, bool folder) {
  return InManagedDir(ManagedName(uid, suffix, folder));
}

std::string ManagedDirPath(std::string_view root) {
  return path::Join(root, kManagedDir);
}

std::string DbPath(std::string_view root) {
  return path::Join(ManagedDirPath(root), kDbName);
}

std::string LegacyMarkerPath(std::string_view root) {
  return path::Join(ManagedDirPath(root), kLegacyMarker);
}

std::string StorageMarkerPath(std::string_view root) {
  return path::Join(ManagedDirPath(root), kStorageMarker);
}

bool IsLegacyDbName(std::string_view name) {
  return name.size() > kLegacyDbExtension.size() &&
         name.substr(name.size() - kLegacyDbExtension.size()) == kLegacyDbExtension;
}

bool IsInstanceFile(std::string_view name) {
  if (name == kLegacyMarker || name == kStorageMarker || name == kStagingDir ||
      name == "_exclusion") {
    return true;
  }
  // lamin.db, its -journal/-wal/-shm files, lamin.db.gz.
  return name.substr(0, kDbName.size()) == kDbName;
}

std::string StorageUidOfMarker(std::string_view content) {
  std::string_view line = content.substr(0, content.find('\n'));
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
  while (!line.empty() && space(line.front())) line.remove_prefix(1);
  while (!line.empty() && space(line.back())) line.remove_suffix(1);
  return std::string(line);
}

}  // namespace regfs::layout
