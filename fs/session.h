// The state of one mount. Operations get everything from here (never from a global), so
// the naming and record logic can be exercised without a kernel.
//
// Lock order (outer to inner): writer_mu_ -> view_mu_ -> dirs_mu_ / pending_mu_ -> pool_mu_,
// and writer_mu_ -> batch_mu_. A thread holding view_mu_ never waits for writer_mu_.
#pragma once

#include <sys/stat.h>

#include <array>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "core/hash.h"
#include "core/instance.h"
#include "core/registry.h"
#include "fs/inodes.h"
#include "fs/mount.h"
#include "fs/view.h"

struct fuse_session;

namespace regfs {

class Passthrough;

// What an inode number stands for.
struct Node {
  enum Kind {
    kRoot,
    kCollectionsTop,
    kTrashTop,
    kTrashCollectionsTop,
    kDir,         // a directory in artifacts/ (trash=false) or .trash/artifacts/ (trash=true)
    kFile,        // an artifact (id)
    kCollection,  // a collection directory (id)
    kMember,      // a member of a collection (id = link id; artifact = member artifact id)
    kPending,     // a file being written that is not a record yet (id = sequence number)
    kFolder,      // a folder artifact (id) or, with a non-empty path, an entry inside it
  };
  Kind kind = kRoot;
  bool trash = false;
  std::string path;  // kDir: directory path inside the area
  int64_t id = 0;
  int64_t artifact = 0;  // kMember: the member artifact
};

// A new file being written through the mount.
struct PendingFile {
  uint64_t seq = 0;
  std::string dir;
  std::string name;
  uint64_t size = 0;
  timespec mtime{};
  std::optional<int64_t> committed_id;  // set once saved: the inode then aliases the record
  bool unlinked = false;
};

// An open file.
struct FileHandle {
  std::mutex mu;
  bool writable = false;
  int fd = -1;                // stored file (reads) or staging file (writes)
  int64_t artifact_id = 0;    // the record read from / the version being replaced
  uint64_t pending_seq = 0;   // new files: the PendingFile
  bool materialized = false;  // writes: the staging file holds the full content
  bool dirty = false;         // writes: content changed since the last commit
  // A write or truncate arrived since the last commit. flush() commits only then: a shell's
  // `>` opens with O_TRUNC and closes a dup'd descriptor before writing, and that first
  // close must not record an empty version. release() commits anything still dirty.
  bool written = false;
  bool append = false;  // O_APPEND: every write goes to this handle's own end
  bool failed = false;  // a write failed (ENOSPC...): the content is never saved
  // The record this handle saved at an earlier close of a duplicated descriptor. When the
  // same handle saves again, that provisional record is replaced, so that the content of
  // the last close is one record ("on the last close", SPEC.md section 4).
  int64_t provisional_id = 0;
  std::string staging;  // writes: staging path
  std::unique_ptr<StreamHasher> hasher;
  uint64_t size = 0;  // writes: current size
  uint64_t ino = 0;
  ~FileHandle();
};

class Session {
 public:
  Session(MountConfig cfg, std::shared_ptr<const InstanceInfo> info);
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  // Opens the writer connection, finishes pending purges, cleans staging, starts the
  // change poller and the kernel-notification thread.
  Status Start();
  void Stop();
  void set_fuse_session(fuse_session* se) { se_ = se; }

  const MountConfig& config() const { return cfg_; }
  const InstanceInfo& info() const { return *info_; }
  uid_t owner_uid() const { return owner_uid_; }
  gid_t owner_gid() const { return owner_gid_; }

  // ------------------------------------------------------------ connections
  class Reader {
   public:
    Reader(Session* s, std::unique_ptr<Registry> r) : s_(s), r_(std::move(r)) {}
    Reader(Reader&&) = default;
    ~Reader();
    Registry* operator->() { return r_.get(); }
    Registry& operator*() { return *r_; }

   private:
    Session* s_;
    std::unique_ptr<Registry> r_;
  };
  // A pooled read connection (never used for writes).
  Result<Reader> AcquireReader();

  class Writer {
   public:
    Writer(std::unique_lock<std::mutex> lk, Registry* r);
    Writer(Writer&&) = default;
    ~Writer();
    Registry* operator->() { return r_; }
    Registry& operator*() { return *r_; }

   private:
    std::unique_lock<std::mutex> lk_;
    Registry* r_;
  };
  // How a writer is used. kBatch: for a purge, which may share one transaction with the
  // purges around it (see "purge batches"). kAlone, for everything else, first commits an
  // open batch, so that the operation is ordered after every purge before it.
  enum class WriterUse { kAlone, kBatch };
  // The single write connection. Its PRAGMA data_version changes only when another
  // connection commits, which is how external changes are noticed.
  Result<Writer> AcquireWriter(WriterUse use = WriterUse::kAlone);

  // ------------------------------------------------------------ the view
  // The view is loaded one directory at a time (fs/view.h). Before reading a directory of
  // an area through area(), an operation calls EnsureDir for it, without holding view_mu_;
  // it then reads under view_mu_ shared. Collections are loaded whole (EnsureCollections).
  std::shared_mutex& view_mu() { return view_mu_; }
  AreaView& area(bool trash) { return trash ? trash_ : visible_; }
  const std::vector<CollectionRec>& collections(bool trash) const {
    return trash ? trash_cols_ : visible_cols_;
  }
  // Loads directory `dir` of an area when it is not loaded. kNotFound when it does not
  // exist. Call without holding view_mu_.
  Status EnsureDir(bool trash, const std::string& dir);
  Status EnsureCollections();
  // Metadata read-ahead: after a directory was listed, its subdirectories are loaded in the
  // background in listing order (find, du, rsync, tar and file managers go there next), as
  // long as the view holds fewer than kPrefetchBudget records. A request that needs one of
  // them first simply loads it itself.
  void Prefetch(bool trash, std::vector<std::string> dirs);
  static constexpr size_t kPrefetchBudget = 150000;
  // Members of a collection in link order (cached until collections change).
  Result<std::vector<MemberRec>> Members(int64_t collection_id);
  // After the mount itself changed records: re-reads the rows at these keys (both areas)
  // and these artifact ids, and updates the loaded directories. Call while holding the
  // writer.
  // `kernel_did`: the name the kernel itself just removed or renamed away (unlink, rename),
  // which needs no invalidation.
  struct KernelDid {
    uint64_t parent;
    std::string name;
  };
  Status RefreshKeys(Registry& reg, const std::vector<std::string>& keys,
                     const std::vector<int64_t>& ids, const KernelDid* kernel_did = nullptr);
  // After a whole directory of records moved: forgets what is loaded at and below `dir` in
  // an area, so that it is listed again when next used.
  void RefreshTree(bool trash, const std::string& dir);
  Status RefreshCollections(Registry& reg);
  // The current artifact record behind a file inode.
  Result<std::optional<Artifact>> LoadArtifact(int64_t id);
  // The record behind a file inode as the view shows it, from the database (for an inode
  // whose directory is not loaded, e.g. a record moved away by another process).
  Result<std::optional<FileRec>> LoadFileRec(int64_t id);

  // ------------------------------------------------------------ inodes
  Result<Node> Resolve(uint64_t ino);
  uint64_t InoOf(const Node& n);
  // Directory inodes map back to paths while the kernel holds a reference.
  uint64_t DirIno(bool trash, const std::string& path);
  // The inode of a directory the kernel holds, or 0 when it holds none for that path.
  uint64_t KnownDirIno(bool trash, const std::string& path);
  void AddLookup(uint64_t ino);
  // After a directory rename the kernel keeps the inodes it holds for the moved directory
  // and everything below it: from now on those inode numbers stand for the new paths.
  void RetargetDirs(bool from_trash, const std::string& from, const std::string& to);
  void Forget(uint64_t ino, uint64_t n);
  // Attributes of a node (from the view; caller holds view_mu_ shared). `detached`: the
  // record of a file node whose directory is not loaded (LoadFileRec).
  Status Stat(const Node& n, struct stat* st, const FileRec* detached = nullptr);
  // The on-disk path behind a folder artifact entry (stored folder + path inside it).
  Result<std::string> FolderPath(int64_t artifact_id, const std::string& inner);

  // ------------------------------------------------------------ passthrough, write aliases
  // The kernel passthrough of reads (fs/passthrough.h), when this mount has it; else null.
  Passthrough* passthrough() const { return passthrough_; }
  void set_passthrough(Passthrough* pt) { passthrough_ = pt; }
  // ------------------------------------------------------------ staging files
  // A new, empty staging file for a write (its path; *fd open read-write). Taken from a
  // small pool that a background thread keeps filled, so that creating a file through the
  // mount does not wait for the filesystem to allocate an inode: on ext4 without a journal
  // that allocation skips past every recently freed inode and can cost far more than the
  // rest of a create. Made on the spot when the pool is empty.
  Result<std::string> TakeStaging(int* fd);
  static constexpr size_t kStagingPool = 32;

  // ------------------------------------------------------------ purge batches
  // A purge writes some 20 database pages (LaminDB's artifact table has 19 indexes), and
  // committing each purge alone made `rm -rf .trash/*` take 2.5x the `rm -r` that filled the
  // trash. Purges that come back to back therefore share one write transaction
  // (Registry::BeginBatch): each is answered once its statements ran, and the mount shows it
  // gone at once. A purge that follows no other (within kBatchIdle) commits alone, so a
  // single `rm` is committed when it returns. The batch commits when the purges pause for
  // kBatchIdle, after kBatchMax purges or kBatchAge, before any other write (kAlone), read
  // connection or rmdir of the mount (so `rm -r` of a directory returns with its purges
  // committed), and at unmount. Until then other processes still see those records in the
  // trash, and a crash rolls them back into it. No stored file is deleted before its
  // record's deletion is committed, so a purge can be undone by a crash but never loses
  // content.
  static constexpr int kBatchMax = 256;
  static constexpr std::chrono::microseconds kBatchIdle{500};
  static constexpr std::chrono::milliseconds kBatchAge{20};
  // Tests: a longer pause, so that purges a slow (sanitized) test makes still form a run.
  void set_batch_idle_for_test(std::chrono::microseconds idle) {
    batch_idle_ns_ = std::chrono::nanoseconds(idle).count();
  }
  // Hands over the file a purge with PurgeOptions::caller_deletes left (outcome.to_delete):
  // it is deleted after the batch commits, by the batcher thread; with no batch open it
  // is deleted by DeleteCommittedFiles, and then the result is true. Needs the writer.
  bool QueuePurgedFile(PurgeOutcome outcome);
  // Deletes the stored files of committed purges, after the request was answered: the
  // file system work (tens of microseconds per file) then costs the caller nothing. Takes
  // the writer for the bookkeeping only.
  void DeleteCommittedFiles();
  // Commits an open batch now. Needs the writer.
  void CloseBatch();
  // The same for a caller without the writer: a no-op when no batch is open.
  void SettleBatch();

  // Gives a visible record's file a new inode number for the rest of the mount and returns
  // it. A write open of an inode that readers hold open in passthrough mode cannot be served
  // on that inode (the kernel refuses a second io mode); it is answered ESTALE, the kernel
  // looks the name up again, finds the new number and opens that instead.
  uint64_t RenumberForWrite(int64_t id);
  // True for an inode made by RenumberForWrite (never used for passthrough).
  bool IsWriteAlias(uint64_t ino) const { return ino::TagOf(ino) == ino::Tag::kFileAlias; }

  // ------------------------------------------------------------ pending writes
  uint64_t AddPending(const std::string& dir, const std::string& name);
  std::optional<PendingFile> Pending(uint64_t seq);
  std::optional<uint64_t> PendingAt(const std::string& dir, const std::string& name);
  std::vector<PendingFile> PendingIn(const std::string& dir);
  void UpdatePending(uint64_t seq, const std::function<void(PendingFile&)>& fn);
  void DropPending(uint64_t seq);

  // ------------------------------------------------------------ handles
  uint64_t AddHandle(std::unique_ptr<FileHandle> h);
  FileHandle* GetHandle(uint64_t fh);
  std::unique_ptr<FileHandle> TakeHandle(uint64_t fh);

  // ------------------------------------------------------------ kernel caches
  // Queued and sent from a separate thread (never from inside a request handler).
  void InvalEntry(uint64_t parent, const std::string& name);
  void InvalInode(uint64_t ino);

  // Counters, logged at unmount: view reloads after external changes, and requests by name
  // (RequestStats), so that a benchmark shows where the kernel's round trips went.
  std::atomic<uint64_t> reloads{0};
  // `op` is a string literal, counted by its address. Lock-free: it runs for every request.
  void CountRequest(const char* op);
  std::string RequestStats();

 private:
  // Lists one directory of an area from the registry (into the view's form).
  Status ListDir(Registry& reg, bool trash, const std::string& dir, AreaView::Listing* out);
  Status LoadCollections(Registry& reg);
  // After another process changed the registry: lists every loaded directory the kernel may
  // hold names of again (forgetting the others), and the collections, and tells the kernel
  // which names now mean something else. Takes the writer, so no change of the mount's
  // own lands meanwhile.
  Status ReloadAll();
  void PollLoop();
  void NotifyLoop();
  void PrefetchLoop();
  void StagingLoop();
  // Copies the write-ahead log into the database once it has grown past SQLite's usual
  // threshold (the writer's own automatic checkpoints are off). Poller thread only.
  void MaybeCheckpoint();

  MountConfig cfg_;
  std::shared_ptr<const InstanceInfo> info_;
  uid_t owner_uid_;
  gid_t owner_gid_;
  fuse_session* se_ = nullptr;

  // The batcher thread: commits a batch of purges when they pause and deletes the files
  // of committed purges.
  void BatchLoop();
  // Registry::on_batch_end of the writer (writer_mu_ held).
  void OnBatchEnd(const Status& st);

  std::mutex writer_mu_;
  std::unique_ptr<Registry> writer_;
  std::unique_ptr<Registry> checkpointer_;  // poller thread only; null when read-only

  std::mutex pool_mu_;
  std::vector<std::unique_ptr<Registry>> pool_;

  std::shared_mutex view_mu_;
  // Bumped by every change of the view from the registry: a directory listed while it moved
  // may miss that change and is listed again.
  std::atomic<uint64_t> epoch_{0};
  // An external change was seen (by AcquireWriter): the poller reloads.
  std::atomic<bool> reload_wanted_{false};
  bool cols_loaded_ = false;
  AreaView visible_{false};
  AreaView trash_{true};
  std::vector<CollectionRec> visible_cols_, trash_cols_;
  std::mutex members_mu_;
  std::unordered_map<int64_t, std::vector<MemberRec>> members_;

  struct DirRef {
    bool trash;
    std::string path;
    uint64_t nlookup;
  };
  std::mutex dirs_mu_;
  std::unordered_map<uint64_t, DirRef> dir_inos_;
  struct FolderRef {
    int64_t artifact;
    std::string path;
    uint64_t nlookup;
  };
  std::unordered_map<uint64_t, FolderRef> folder_inos_;  // guarded by dirs_mu_
  std::mutex folder_roots_mu_;
  std::unordered_map<int64_t, std::string> folder_roots_;  // artifact id -> stored folder

  Passthrough* passthrough_ = nullptr;
  std::mutex alias_mu_;
  std::atomic<bool> has_aliases_{false};  // set once: listings skip alias_mu_ until then
  uint64_t next_alias_ = 1;
  std::unordered_map<int64_t, uint64_t> alias_of_;   // record id -> alias inode
  std::unordered_map<uint64_t, int64_t> alias_rec_;  // alias inode -> record id

  std::mutex pending_mu_;
  uint64_t next_pending_ = 1;
  std::map<uint64_t, PendingFile> pending_;
  std::unordered_map<std::string, std::map<std::string, uint64_t>> live_;  // dir -> name -> seq
  void IndexPending(const PendingFile& p, bool add);
  std::pair<uint64_t, bool> DirSlot(bool trash, const std::string& path) const;

  std::mutex handles_mu_;
  uint64_t next_handle_ = 1;
  std::unordered_map<uint64_t, std::unique_ptr<FileHandle>> handles_;

  std::mutex notify_mu_;
  std::condition_variable notify_cv_;
  struct Inval {
    uint64_t parent_or_ino;
    std::string name;  // empty: inode invalidation
  };
  std::deque<Inval> notify_q_;
  uint64_t notified_ = 0;  // invalidations sent (guarded by notify_mu_)
  // One slot per kind of request, claimed by its first request (more than the ~30 kinds).
  struct RequestSlot {
    std::atomic<const char*> op{nullptr};
    std::atomic<uint64_t> n{0};
  };
  std::array<RequestSlot, 64> requests_;
  bool stopping_ = false;
  std::thread poller_, notifier_, prefetcher_;

  std::thread stager_;
  std::mutex staging_mu_;  // guards staging_pool_ and staging_stop_
  std::condition_variable staging_cv_;
  std::vector<std::pair<std::string, int>> staging_pool_;  // path, fd
  bool staging_stop_ = false;

  // Purge batches. batch_ops_ (purges in the open batch) is guarded by writer_mu_; the
  // times are steady-clock nanoseconds, written under the writer and read by the batcher
  // without it.
  int batch_ops_ = 0;
  std::atomic<int64_t> last_purge_ns_{0};  // when the last purge took the writer
  std::atomic<int64_t> batch_started_ns_{0};
  std::atomic<int64_t> batch_idle_ns_{std::chrono::nanoseconds(kBatchIdle).count()};
  std::atomic<bool> batch_open_{false};
  std::mutex batch_mu_;  // guards the fields below; inner to writer_mu_
  std::condition_variable batch_cv_;
  std::vector<PurgeOutcome> uncommitted_files_;  // purges of the open batch
  std::vector<PurgeOutcome> committed_files_;    // to delete
  bool batch_stop_ = false;
  std::thread batcher_;

  std::mutex prefetch_mu_;
  std::condition_variable prefetch_cv_;
  std::deque<std::pair<bool, std::string>> prefetch_q_;  // next first
  bool prefetch_stop_ = false;
};

}  // namespace regfs
