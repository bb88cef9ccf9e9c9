// Where artifact content lives, as an interface: a local directory (core/storage/local_store.h)
// or an object-store prefix. The registry reads, publishes, moves and removes stored content
// only through it, so that an object store can sit behind it.
//
// Objects are named by a Locator: their key relative to the storage root, as LaminDB names
// them (core/storage/layout.h). Content is always written through a local StagingFile first
// and published before the row that points at it commits; a publish never replaces an object.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/records.h"
#include "core/status.h"

namespace regfs {

// An object (or, for a folder artifact, a prefix of objects) below the storage root.
struct Locator {
  std::string key;      // relative to the root: ".lamindb/<uid><suffix>", "<real key>"
  bool folder = false;  // a folder artifact's directory
  bool operator==(const Locator& o) const { return key == o.key && folder == o.folder; }
};

// Where the content of `a` lives in the store of storage row `storage_id`, by LaminDB's
// rules: a real key (`_real_key`, else a key that is not virtual) is its own path, anything
// else is managed in .lamindb/. kNotFound when `a` lives in another storage; kPermission
// when its key or uid and suffix would not make a safe name below the root.
Result<Locator> LocateArtifact(const Artifact& a, int64_t storage_id);
// True when the content of `a` is managed by LaminDB (key virtual or NULL, no real key) and
// lies directly in .lamindb/ of this storage: only such content a purge deletes on its own.
bool IsManagedArtifact(const Artifact& a, int64_t storage_id);
// The locator of a real key (a re-keyed real-key file): kPermission when `key` is no safe
// path or points into .lamindb/.
Result<Locator> RealKeyLocator(std::string_view key);

// An open stored object.
class ReadHandle {
 public:
  virtual ~ReadHandle() = default;
  // Reads up to `len` bytes at `offset` into `buf`; fewer only at the end of the object.
  virtual Result<size_t> ReadAt(uint64_t offset, char* buf, size_t len) = 0;
  virtual uint64_t size() const = 0;
  // A local file descriptor of the content (the kernel's FUSE passthrough reads from it), or
  // -1 for an object store. Owned by the handle until ReleaseFd() hands it to the caller.
  virtual int fd() const { return -1; }
  virtual int ReleaseFd() { return -1; }
};

// A new local file for content being written (always local, also for an object store,
// which uploads it when it is published). Removed with the guard unless Release()d.
class StagingFile {
 public:
  StagingFile(std::string path, int fd) : path_(std::move(path)), fd_(fd) {}
  StagingFile(StagingFile&& o) noexcept;
  StagingFile& operator=(StagingFile&& o) noexcept;
  StagingFile(const StagingFile&) = delete;
  StagingFile& operator=(const StagingFile&) = delete;
  ~StagingFile();

  const std::string& path() const { return path_; }
  int fd() const { return fd_; }
  // Closes the descriptor (reporting a failed close: the content may not be complete).
  Status Close();
  // The file is someone else's now (published, or handed to a caller that removes it):
  // returns its path; the guard neither closes nor removes anything any more.
  std::string Release();
  // Hands the open descriptor to the caller (the file is still removed with the guard).
  int ReleaseFd();

 private:
  std::string path_;
  int fd_ = -1;
};

struct BlobInfo {
  uint64_t size = 0;
  bool is_dir = false;
};

class BlobStore {
 public:
  virtual ~BlobStore() = default;

  // The storage root as LaminDB stores it ("/data/lab", "s3://bucket/prefix").
  virtual const std::string& root() const = 0;
  // The storage row this store serves (lamindb_storage.id / lnschema_core_storage.id).
  virtual int64_t storage_id() const = 0;
  virtual bool is_local() const = 0;

  // The object's full name, for messages and for the journal of pending file operations:
  // the root joined with the key (an absolute path for a local store).
  std::string Address(const Locator& loc) const;
  // The locator of an address that lies strictly inside this store, with no "", "." or ".."
  // component on the way; nullopt for anything else. (Folder-ness is not part of an
  // address: the result is a plain object.)
  std::optional<Locator> LocatorOf(std::string_view address) const;

  // Opens a stored file for reading. kNotFound when missing, kPermission when a symlink is on
  // the way (stored content is never followed out of the root).
  virtual Result<std::unique_ptr<ReadHandle>> Open(const Locator& loc) const = 0;
  // kNotFound when there is no such object or folder.
  virtual Result<BlobInfo> Stat(const Locator& loc) const = 0;
  // A new, empty, exclusive staging file (open for reading and writing).
  virtual Result<StagingFile> NewStaging() const = 0;
  // Makes the staged file at `staged_path` the object `dest` (moved, or uploaded and then
  // removed locally). Never replaces an existing object: kExists. With `durable`, the object
  // survives a power loss when this returns; without, the caller makes a batch durable with
  // one SyncAll() before it commits the rows (or accepts writeback, as a local file system).
  virtual Status Publish(const std::string& staged_path, const Locator& dest,
                         bool durable) const = 0;
  // Makes every publish since the last call durable.
  virtual Status SyncAll() const = 0;
  // Renames an object (a file or folder), never replacing one (kExists); parents of `to`
  // are made as needed, and parents of `from` left empty inside the root go.
  virtual Status Move(const Locator& from, const Locator& to) const = 0;
  // Removes an object, or a folder with everything below it, never following a symlink.
  // Missing is fine. With `durable`, the removal is on disk when this returns; without, the
  // caller makes it durable later with SyncDir of its parent.
  virtual Status Remove(const Locator& loc, bool durable) const = 0;
  // Makes the removals in directory `dir` durable (a no-op for an object store).
  virtual Status SyncDir(const Locator& dir) const = 0;
  // The names directly below `dir` (files and folders), sorted; empty when it is missing.
  virtual Result<std::vector<std::string>> List(const Locator& dir) const = 0;
  // Removes staging files left by a crash (at mount and by fsck --repair).
  virtual Status CleanStaging() const = 0;
};

}  // namespace regfs
