// Every file name of a LaminDB instance, in one place (SPEC.md section 1):
//
//   ROOT/.lamindb/lamin.db            SQLite registry (LaminDB >= 1.x), with SQLite's
//                                     -journal, -wal and -shm files next to it
//   ROOT/<uuid-hex>.lndb              the same, where LaminDB 0.7x put it
//   ROOT/.lamindb/_is_initialized     0.7x storage marker: the storage uid
//   ROOT/.lamindb/storage_uid.txt     >= 1.x storage marker: the storage uid on its first line
//   ROOT/.lamindb/lamin.db.gz         the compressed registry of a cloud SQLite instance
//   ROOT/.lamindb/_exclusion/         the locks of a cloud SQLite instance
//   ROOT/.lamindb/<uid><suffix>       stored file of an artifact whose key is virtual or NULL
//   ROOT/.lamindb/<uid[:16]><suffix>  stored folder of a folder artifact
//   ROOT/<key>                        stored file of an artifact whose key is real
//   ROOT/.lamindb/.regfs-staging/     regfs's files being written (never a record)
//
// Names here are relative to the storage root ("keys" of the store, as in an object store);
// the stores (core/storage/) turn them into paths or object names.
#pragma once

#include <string>
#include <string_view>

namespace regfs::layout {

inline constexpr std::string_view kManagedDir = ".lamindb";
inline constexpr std::string_view kDbName = "lamin.db";
inline constexpr std::string_view kLegacyDbExtension = ".lndb";
inline constexpr std::string_view kLegacyMarker = "_is_initialized";
inline constexpr std::string_view kStorageMarker = "storage_uid.txt";
inline constexpr std::string_view kStagingDir = ".regfs-staging";
inline constexpr size_t kStemLength = 16;  // uid[:16]: a version family, a folder's name

// The name of a managed stored file or folder inside .lamindb/: <uid><suffix>, or
// <uid[:16]><suffix> for a folder artifact (shared by the versions of its family).
std::string ManagedName(std::string_view uid, std::string_view suffix, bool folder);
// The same as a key of the store: ".lamindb/<name>".
std::string ManagedKey(std::string_view uid, std::string_view suffix, bool folder);
// ".lamindb/<name>" for any name directly in the managed directory.
std::string InManagedDir(std::string_view name);

// Paths of an instance whose root is the local directory `root`.
std::string DbPath(std::string_view root);             // ROOT/.lamindb/lamin.db
std::string ManagedDirPath(std::string_view root);     // ROOT/.lamindb
std::string LegacyMarkerPath(std::string_view root);   // ROOT/.lamindb/_is_initialized
std::string StorageMarkerPath(std::string_view root);  // ROOT/.lamindb/storage_uid.txt
// True for the name of a 0.7x database file in the instance root: "<something>.lndb".
bool IsLegacyDbName(std::string_view name);

// True for a name directly in .lamindb/ that belongs to LaminDB or regfs and is no stored
// artifact: the registry and SQLite's files next to it, the storage markers, the compressed
// cloud registry, its locks, the staging directory. fsck never calls these orphans.
bool IsInstanceFile(std::string_view name);

// The storage uid a marker file holds: its first line, without surrounding white space (the
// 0.7x marker is the uid alone; the >= 1.x one continues with "creation info:" lines).
std::string StorageUidOfMarker(std::string_view content);

}  // namespace regfs::layout
