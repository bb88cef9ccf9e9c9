// The BlobStore of a local storage root: a directory, with LaminDB's managed files in
// ROOT/.lamindb/ and real keys at ROOT/<key>.
//
// Stored content is opened and removed with openat2(RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS)
// below the root: a stored file, or a directory on its path, replaced by a symlink is refused
// (kPermission), never followed. ROOT/.lamindb is opened once, so that opening or deleting a
// managed file costs one system call.
//
// Besides the BlobStore interface it keeps the path-based calls the mount's operations use
// today (StoredPath, OpenBeneath, CreateStaging); they go once the mount reads through the
// interface.
#pragma once

#include <atomic>
#include <string>
#include <string_view>

#include "core/keys.h"
#include "core/records.h"
#include "core/status.h"
#include "core/storage/blob_store.h"
#include "core/sync.h"

namespace regfs {

// A ReadHandle over an open local file descriptor, which it owns.
class FdReadHandle final : public ReadHandle {
 public:
  // kIO (with the errno) when the descriptor cannot be sized.
  static Result<std::unique_ptr<FdReadHandle>> Adopt(int fd, std::string_view what);
  ~FdReadHandle() override;
  Result<size_t> ReadAt(uint64_t offset, char* buf, size_t len) override;
  uint64_t size() const override { return size_; }
  int fd() const override { return fd_; }
  int ReleaseFd() override;

 private:
  FdReadHandle(int fd, uint64_t size, std::string what)
      : fd_(fd), size_(size), what_(std::move(what)) {}
  int fd_;
  uint64_t size_;
  std::string what_;
};

class LocalStore final : public BlobStore {
 public:
  // `storage_root`: the absolute, canonical directory of storage row `storage_id`.
  LocalStore(std::string storage_root, int64_t storage_id);
  ~LocalStore() override;
  LocalStore(const LocalStore&) = delete;
  LocalStore& operator=(const LocalStore&) = delete;

  // ---------------------------------------------------------------- BlobStore
  const std::string& root() const override { return storage_root_; }
  int64_t storage_id() const override { return storage_id_; }
  bool is_local() const override { return true; }
  Result<std::unique_ptr<ReadHandle>> Open(const Locator& loc) const override;
  Result<BlobInfo> Stat(const Locator& loc) const override;
  Result<StagingFile> NewStaging() const override;
  Status Publish(const std::string& staged_path, const Locator& dest, bool durable) const override;
  Status SyncAll() const override;
  Status Move(const Locator& from, const Locator& to) const override;
  Status Remove(const Locator& loc, bool durable) const override;
  Status SyncDir(const Locator& dir) const override;
  Result<std::vector<std::string>> List(const Locator& dir) const override;
  Status CleanStaging() const override;

  // ---------------------------------------------------------------- paths
  const std::string& storage_root() const { return storage_root_; }
  const std::string& instance_root() const { return storage_root_; }
  std::string managed_dir() const;  // ROOT/.lamindb
  std::string staging_dir() const;  // ROOT/.lamindb/.regfs-staging
  std::string PathOf(const Locator& loc) const;

  // The path of an artifact's content (LocateArtifact joined with the root).
  Result<std::string> StoredPath(const Artifact& a) const;
  bool IsManaged(const Artifact& a) const { return IsManagedArtifact(a, storage_id_); }
  // Path for a real key (kPermission when it is no safe path below the root).
  Result<std::string> RealKeyPath(std::string_view key) const;
  // Path for a managed file of a new artifact.
  std::string ManagedPath(std::string_view uid, std::string_view suffix, bool folder) const;

  // A new, exclusive temp file in the staging dir: returns its path, *fd open for reading and
  // writing. The directory is private (0700); the file gets the mode a plain `cp` would give
  // a stored file, so that publishing it needs no chmod.
  Result<std::string> CreateStaging(int* fd) const;
  // rename(tmp, final_path), creating missing parents below the root; never replaces
  // (kExists). With `durable`, fsync of the file before and of its directory after.
  Status Publish(const std::string& tmp, const std::string& final_path, bool durable = true) const;
  // Opens `path`, which must lie inside the root, following no symlink on the way and never
  // leaving the root. `flags` as for open(2); O_CLOEXEC is added.
  Result<int> OpenBeneath(const std::string& path, int flags) const;
  // Deletes a stored file or folder without following symlinks. Missing is OK.
  Status RemoveStored(const std::string& path, bool durable = true) const;
  // fsync of a directory inside the root. Missing is OK.
  Status SyncDir(const std::string& dir) const;

 private:
  int ManagedDirFd() const;

  std::string storage_root_;
  int64_t storage_id_;
  // Set once the staging directory is known to exist, so that a bulk import does not
  // re-create it for every file.
  mutable std::atomic<bool> staging_ready_{false};
  // ROOT/.lamindb opened once (beneath the root, following no symlink). -1 until first used
  // or when it cannot be opened (then every call resolves the path from the root).
  mutable Mutex managed_fd_mu_;
  mutable int managed_fd_ GUARDED_BY(managed_fd_mu_) = -1;
};

}  // namespace regfs
