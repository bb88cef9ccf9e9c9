// What the mount shows, loaded from the registry on demand: the directories of artifacts/
// and .trash/artifacts/ (fs/view.h), the collections, the members of the collections that
// were used, and the stored folders of folder artifacts.
//
// The rule that keeps the mount free of deadlocks: no database call (no reader, no writer)
// while mu() is held. Everything an operation needs is loaded first (the Ensure* and Load*
// calls, which take the lock only to install what they read), and then read under mu()
// shared. Changes made through the mount (Refresh*, under the writer) read the registry
// first and then take mu() exclusively to apply what they read. The annotations make the
// compiler check the rule: the loading calls exclude mu(), the reading ones require it.
#pragma once

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/registry.h"
#include "core/sync.h"
#include "fs/session/inode_table.h"
#include "fs/session/writer_pool.h"
#include "fs/view.h"

namespace regfs {

class Notifier;

class ViewCache {
 public:
  ViewCache(WriterPool& writers, InodeTable& inodes, Notifier& notifier);
  ViewCache(const ViewCache&) = delete;
  ViewCache& operator=(const ViewCache&) = delete;

  SharedMutex& mu() RETURN_CAPABILITY(mu_) { return mu_; }

  // ------------------------------------------------------------ reading (mu() held)
  const AreaView& area(bool trash) const REQUIRES_SHARED(mu_) { return trash ? trash_ : visible_; }
  // For the mount's own edits of directories (mkdir, rmdir, directory renames).
  AreaView& mutable_area(bool trash) REQUIRES(mu_) { return trash ? trash_ : visible_; }
  // Records held in both areas (for the read-ahead budget).
  size_t records() const REQUIRES_SHARED(mu_) { return visible_.size() + trash_.size(); }
  bool collections_loaded() const REQUIRES_SHARED(mu_) { return cols_loaded_; }
  const std::vector<CollectionRec>& collections(bool trash) const REQUIRES_SHARED(mu_) {
    return trash ? trash_cols_ : visible_cols_;
  }
  // A loaded collection by id, in either area (null when not shown).
  const CollectionRec* collection(int64_t id) const REQUIRES_SHARED(mu_);
  // The members of a collection in link order, when loaded (EnsureMembers); else null.
  const std::vector<MemberRec>* members(int64_t collection_id) const REQUIRES_SHARED(mu_);
  // A loaded member by the id of its link row, in any collection (null when not loaded).
  const MemberRec* member(int64_t link_id) const REQUIRES_SHARED(mu_);
  // The on-disk path of `inner` inside folder artifact `artifact_id` once its stored folder
  // is known (EnsureFolderRoot); kNotFound before.
  Result<std::string> FolderPath(int64_t artifact_id, const std::string& inner) const
      REQUIRES_SHARED(mu_);

  // ------------------------------------------------------------ loading (mu() not held)
  // Loads directory `dir` of an area when it is not loaded. kNotFound when it does not
  // exist.
  Status EnsureDir(bool trash, const std::string& dir) EXCLUDES(mu_);
  // Loads the collections (once per mount; changes keep them current).
  Status EnsureCollections() EXCLUDES(mu_);
  // Loads the members of a visible collection (until collections change).
  Status EnsureMembers(int64_t collection_id) EXCLUDES(mu_);
  // Learns where a folder artifact's folder is stored (it never moves while shown).
  Status EnsureFolderRoot(int64_t artifact_id) EXCLUDES(mu_);
  // EnsureFolderRoot, then FolderPath.
  Result<std::string> LoadFolderPath(int64_t artifact_id, const std::string& inner) EXCLUDES(mu_);
  // The current artifact record behind a file inode.
  Result<std::optional<Artifact>> LoadArtifact(int64_t id) EXCLUDES(mu_);
  // The record behind a file inode as the view shows it, from the database (for an inode
  // whose directory is not loaded, e.g. a record moved away by another process).
  Result<std::optional<FileRec>> LoadFileRec(int64_t id) EXCLUDES(mu_);

  // ------------------------------------------------------------ changes
  // The name the kernel itself just removed or renamed away (unlink, rename), which needs
  // no invalidation.
  struct KernelDid {
    uint64_t parent;
    std::string name;
  };
  // After the mount itself changed records: re-reads the rows at these keys (both areas)
  // and these artifact ids through the writer `w` holds, updates the loaded directories and
  // tells the kernel which names now mean something else (but `kernel_did`).
  Status RefreshKeys(WriterPool::Writer& w, const std::vector<std::string>& keys,
                     const std::vector<int64_t>& ids, const KernelDid* kernel_did = nullptr)
      EXCLUDES(mu_);
  // After a whole directory of records moved: forgets what is loaded at and below `dir` in
  // an area, so that it is listed again when next used.
  void RefreshTree(bool trash, const std::string& dir) EXCLUDES(mu_);
  // After the mount changed a collection: reads the collections again through `w`.
  Status RefreshCollections(WriterPool::Writer& w) EXCLUDES(mu_);
  // After another process changed the registry: lists every loaded directory the kernel may
  // hold names of again (forgetting the others), and the collections, and tells the kernel
  // which names now mean something else. Holds the writer, so no change of the mount's own
  // lands meanwhile.
  Status Reload() EXCLUDES(mu_);
  // Reloads so far (logged at unmount).
  uint64_t reloads() const { return reloads_.load(); }

 private:
  // Lists one directory of an area from `reg` (into the view's form).
  static Status ListDir(Registry& reg, bool trash, const std::string& dir, AreaView::Listing* out);
  // Installs freshly read collections; forgets the members loaded so far (they are read
  // again when used) and tells the kernel to forget the names it may hold of them.
  void InstallCollections(const std::vector<Collection>& cols) REQUIRES(mu_);
  // Where a record is shown: the parent inode the kernel holds and the name; nullopt when
  // not shown or the kernel holds no name in that directory.
  struct Shown {
    uint64_t parent;
    std::string name;
    timespec ctime;
    int64_t size;
  };
  std::optional<Shown> ShownAt(bool trash, int64_t id) REQUIRES(mu_);

  WriterPool& writers_;
  InodeTable& inodes_;
  Notifier& notifier_;

  // Lock order: fs/session/session.h.
  SharedMutex mu_ ACQUIRED_AFTER(WriterPool::pool_mu_) ACQUIRED_BEFORE(InodeTable::mu_);
  // Bumped by every change of the view from the registry: a directory listed while it moved
  // may miss that change and is listed again.
  std::atomic<uint64_t> epoch_{0};
  // Bumped whenever the collections are installed (members loaded before are dropped): a
  // member list read while it moved is read again.
  std::atomic<uint64_t> members_epoch_{0};
  std::atomic<uint64_t> reloads_{0};
  AreaView visible_ GUARDED_BY(mu_){false};
  AreaView trash_ GUARDED_BY(mu_){true};
  bool cols_loaded_ GUARDED_BY(mu_) = false;
  std::vector<CollectionRec> visible_cols_ GUARDED_BY(mu_);
  std::vector<CollectionRec> trash_cols_ GUARDED_BY(mu_);
  std::unordered_map<int64_t, std::vector<MemberRec>> members_ GUARDED_BY(mu_);
  std::unordered_map<int64_t, std::string> folder_roots_ GUARDED_BY(mu_);  // artifact id -> folder
};

}  // namespace regfs
