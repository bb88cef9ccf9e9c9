// Everything about on-disk names: the one module that builds paths inside an instance.
//
//   ROOT/.lamindb/<uid><suffix>        stored file, key virtual or NULL
//   ROOT/.lamindb/<uid[:16]><suffix>   stored folder of a folder artifact
//   ROOT/<key>  (ROOT/<_real_key>)     stored file at a real key
//   ROOT/.lamindb/.regfs-staging/      temp files of writes in progress (never a record)
#pragma once

#include <atomic>
#include <mutex>
#include <string>
#include <string_view>

#include "core/records.h"
#include "core/status.h"

namespace regfs {

// The suffix LaminDB derives from a file name: the last extension, or a known compound one
// (".tar.gz", ".fastq.gz", ".anndata.zarr", ...). A purely numeric extension gives "".
std::string SuffixOf(std::string_view filename);

// A key that maps to a safe relative path: non-empty, no leading '/', no empty component,
// no "." or "..", no NUL, every component <= 255 bytes, total <= 1024 bytes.
bool IsSafeKey(std::string_view key);
// True for a name usable as one path component: non-empty, not "." or "..", no '/', no NUL,
// at most 255 bytes (NAME_MAX). A key is safe when it is made of such components only.
bool IsSafeComponent(std::string_view name);
// The same check for a key a user is writing; the message says what is wrong.
Status ValidateKey(std::string_view key);

class Storage {
 public:
  // `instance_root`: absolute instance directory. `storage_root`: the storage row's root
  // for this instance (usually the same directory). `storage_id`: that row's id.
  Storage(std::string instance_root, std::string storage_root, int64_t storage_id);
  ~Storage();
  Storage(const Storage&) = delete;
  Storage& operator=(const Storage&) = delete;

  const std::string& instance_root() const { return instance_root_; }
  const std::string& storage_root() const { return storage_root_; }
  std::string managed_dir() const;  // ROOT/.lamindb
  std::string staging_dir() const;  // ROOT/.lamindb/.regfs-staging

  // Where an artifact's content lives. kNotFound when the artifact lives in another storage
  // (not this instance's root), kPermission when its key would resolve outside the root.
  Result<std::string> StoredPath(const Artifact& a) const;
  // True when the stored path is managed by LaminDB (key virtual or NULL, no real key) and
  // lies inside ROOT/.lamindb: only such paths are deleted by a purge.
  bool IsManaged(const Artifact& a) const;
  // Path for a real key (used when re-keying real-key files).
  Result<std::string> RealKeyPath(std::string_view key) const;
  // Path for a managed file of a new artifact.
  std::string ManagedPath(std::string_view uid, std::string_view suffix, bool folder) const;

  // A new, exclusive temp file in the staging dir: returns its path, *fd open for writing.
  Result<std::string> CreateStaging(int* fd) const;
  // rename(tmp, final), creating missing parent dirs for real keys. Never replaces an
  // existing file (kExists). With `durable`, fsync(tmp) before and fsync(parent) after, so
  // the file survives a power loss on its own; without, the caller makes a batch durable
  // with one SyncAll() before it commits the rows (or accepts the kernel's writeback, as
  // any local filesystem does).
  Status Publish(const std::string& tmp, const std::string& final_path, bool durable = true) const;
  // syncfs() of the filesystem holding the storage root: one flush for a whole batch.
  Status SyncAll() const;
  // Opens `path`, which must lie inside the storage root, following no symlink on the way
  // and never leaving the root (openat2 RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS): a stored
  // file, or a directory on its path, replaced by a symlink is refused (kPermission), never
  // followed. `flags` as for open(2); O_CLOEXEC is added.
  Result<int> OpenBeneath(const std::string& path, int flags) const;
  // Deletes a stored file or folder without following symlinks. Missing is OK. With
  // `durable`, the removal is on disk (its directory synced) when this returns; without, the
  // caller makes it durable later (SyncDir of its parent).
  Status RemoveStored(const std::string& path, bool durable = true) const;
  // Makes the entries of a directory inside the storage root durable (fsync), e.g. after
  // RemoveStored(..., false). Missing is OK.
  Status SyncDir(const std::string& dir) const;
  // Removes staging files left by a crash (called at mount and by fsck --repair).
  Status CleanStaging() const;

 private:
  std::string instance_root_;
  std::string storage_root_;
  int64_t storage_id_;
  // Set once the staging directory is known to exist, so that a bulk import does not
  // re-create it for every file.
  mutable std::atomic<bool> staging_ready_{false};
  // ROOT/.lamindb opened once (beneath the root, following no symlink), so that opening or
  // deleting a managed file costs one system call, relative to it. -1 until first used or
  // when it cannot be opened (then every call resolves the path from the root).
  int ManagedDirFd() const;
  mutable std::mutex managed_fd_mu_;
  mutable int managed_fd_ = -1;
};

}  // namespace regfs
