// The registry: the queries and record transitions the mount and the CLI use, over one
// database connection (core/sql/) and the instance's store of content (core/storage/).
//
// One Registry per thread (each owns its connection and cached statements); all share one
// InstanceInfo. Every transition is one transaction that checks the state the caller saw
// and follows SPEC.md section 3; where a version is created or is_latest moves, the family
// is serialized first (SqlDb::LockFamily). Stored files are published before the row that
// points at them commits, and deleted or moved only after the commit, through the journal
// of pending file operations (regfs_pending), so a crash never leaves a row without its file
// and never loses a file. Errors carry context for the log: "purge uid X: member of
// collection Y".
//
// The code is split by job: impl.* (statements, row readers, shared helpers), queries.cc,
// versions.cc (is_latest and version labels), transitions.cc (trash, restore, re-key),
// save.cc, purge.cc (purges, batches, the pending journal, emptying the trash), fsck.cc.
#pragma once

#include <ctime>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/hash.h"
#include "core/records.h"
#include "core/registry/instance.h"
#include "core/sql/sql_db.h"
#include "core/status.h"
#include "core/storage/staging.h"

namespace regfs {

struct PurgeOptions {
  bool purge_real_keys = false;  // also delete a real-key file (CLI --purge-real-keys)
  // The state the caller saw the record in (the mount: where the name was). Checked inside
  // the transaction: when another process moved the record meanwhile, nothing happens and
  // the result is kNotFound, never a purge of a record the caller did not mean.
  std::optional<int> expect_state;
  // Leave the delete of a managed file to the caller (the mount: after it has answered the
  // request): PurgeOutcome::to_delete names it, and FinishDelete() does it. Until then the
  // pending row keeps the delete crash-safe. A real-key file is always deleted here, under
  // the caller's writer: another record may take its path right after.
  bool caller_deletes = false;
};

struct PurgeOutcome {
  std::string uid;
  // Addresses in the store (BlobStore::Address: absolute paths for a local instance).
  std::optional<std::string> kept_path;     // real-key / foreign file left in place
  std::optional<std::string> deleted_path;  // stored file or folder that was deleted
  // With PurgeOptions::caller_deletes: the file to delete, and its pending row.
  std::optional<std::string> to_delete;
  int64_t pending_id = 0;
};

struct RestoreOptions {
  // The key to restore under; the record's own key when absent. A real-key file moves with
  // its key (after the commit, through the pending journal).
  std::optional<std::string> new_key;
  // Visible records of other version families at the target key go to the trash in the
  // same transaction (the mount's `mv .trash/K artifacts/K2`: nothing is lost); without,
  // such a record makes a restore under a new key kExists. Versions of the record's own
  // family stay: a restored newer version takes is_latest back.
  bool displace = false;
  // The state the caller saw the record in; when it changed meanwhile, nothing happens and
  // the result is kNotFound (a lost race). Without it, a record not in the trash is kInvalid.
  std::optional<int> expect_state;
};

struct EmptyTrashOptions {
  // Only records trashed before this time (updated_at, which every trash sets); all when
  // absent. A record whose updated_at cannot be read is skipped.
  std::optional<timespec> trashed_before;
  bool dry_run = false;  // decide and report, change nothing
};

// What emptying the trash did (or, with dry_run, would do), in the order it was decided:
// collections first (their purge drops the links that may protect their trashed members),
// then artifacts.
struct EmptyTrashReport {
  struct Item {
    enum Kind { kPurged, kSkipped, kFailed } kind = kPurged;
    bool collection = false;
    int64_t id = 0;
    std::string uid;
    std::string name;       // collection name, or artifact key ("" when NULL)
    bool real_key = false;  // an artifact whose file is at its key (a purge keeps it)
    std::string reason;     // kSkipped: why (protected, unreadable updated_at); kFailed: the error
    PurgeOutcome outcome;   // kPurged artifacts: files deleted / kept
  };
  std::vector<Item> items;
  int purged_artifacts = 0;
  int purged_collections = 0;
  int skipped = 0;
  int failed = 0;  // records whose purge failed for another reason (undone alone)
  // Deletions of stored files that failed after the commit (left pending for fsck --repair).
  std::vector<std::string> failed_deletes;
};

// What saving content did.
struct SaveOutcome {
  enum Kind { kCreated, kNewVersion, kUnchanged } kind = kCreated;
  Artifact artifact;      // the new record, or the existing one for kUnchanged
  bool inserted = false;  // a new row was inserted (not an existing row brought back)
};

struct SaveRequest {
  std::optional<std::string> key;  // NULL key when absent
  std::optional<std::string> description;
  std::string suffix;  // derived from the key or file name by the caller
  // The name of the file the content came from, when the record has no key: LaminDB >= 1.0
  // derives `otype` from it (keys::OtypeOf). The key's last component otherwise.
  std::string source_name;
};

struct FsckReport {
  std::vector<std::string> missing_files;  // "uid path": a row whose stored file is gone
  std::vector<std::string> orphan_files;   // files under .lamindb/ that no row points to
  std::vector<std::string> pending;        // pending file operations left by a crash
  int repaired = 0;                        // pending operations finished by --repair
  bool clean() const { return missing_files.empty() && orphan_files.empty() && pending.empty(); }
};

class Registry {
 public:
  static Result<std::unique_ptr<Registry>> Open(std::shared_ptr<const InstanceInfo> info,
                                                bool read_only = false);
  ~Registry();
  Registry(const Registry&) = delete;
  Registry& operator=(const Registry&) = delete;

  const InstanceInfo& info() const { return *info_; }
  const Schema& schema() const { return info_->schema; }
  const BlobStore& store() const { return *info_->store; }

  // ---------------------------------------------------------------- queries
  Result<std::optional<Artifact>> ArtifactById(int64_t id);
  // A 20-char uid, or a 16-char stem (the latest of that family).
  Result<std::optional<Artifact>> ArtifactByUid(std::string_view uid);
  // Every artifact matching `filter`, ordered by id, streamed to `fn` (no big vector).
  Status ForEachArtifact(StateFilter filter, const std::function<void(const Artifact&)>& fn);
  Result<std::vector<Artifact>> Artifacts(StateFilter filter);

  // What a directory listing needs of an artifact, read in one light query (no per-row
  // subquery, no full Artifact). The views are valid during the callback only. `key` is
  // NULL for a key that is not text (LaminDB never writes one). `is_latest` is the stored
  // column where it exists and true otherwise: among the records at one key, the newest of
  // the family-latest rows is the newest row, so a listing ordered by (is_latest,
  // created_at, id) picks the same record either way.
  struct Listed {
    int64_t id;
    std::string_view uid;
    std::optional<std::string_view> key;
    std::string_view suffix;
    int64_t size;
    std::string_view created_at;
    std::string_view updated_at;
    int state;
    bool is_latest;
    bool is_folder;
  };
  // One directory of the mount (fs/view.h): the artifacts in `state` shown directly in
  // directory `dir` ("" = the top, which also holds the key-less ones), and the names of
  // its subdirectories, without reading what lies below them: the scan walks the key index
  // from `dir/` and jumps past each subdirectory's key range after its first key, so it
  // costs one index seek per subdirectory plus one row per record shown. A subdirectory is
  // a first component (after `dir/`) that is a safe path component and has more below it;
  // a record is shown in keys::KeyDir of its key.
  Status ListDir(std::string_view dir, int state, const std::function<void(const Listed&)>& on_file,
                 const std::function<void(std::string_view name)>& on_subdir);
  // The visible and trashed artifacts whose key is exactly `key`.
  Status ListedAt(std::string_view key, const std::function<void(const Listed&)>& fn);
  // The artifact with this id when it is visible or trashed; false when not.
  Result<bool> ListedById(int64_t id, const std::function<void(const Listed&)>& fn);
  // Artifacts with this exact key in this state, latest first (is_latest, created_at, id).
  Result<std::vector<Artifact>> ArtifactsByKey(std::string_view key, int state);
  // Artifacts in `state` whose key is `dir`/... (a directory's subtree), ordered by key.
  Result<std::vector<Artifact>> ArtifactsUnder(std::string_view dir, int state);
  // The version family (uid stem), oldest first.
  Result<std::vector<Artifact>> Family(std::string_view stem);

  Result<std::vector<Collection>> Collections(StateFilter filter);
  Result<std::optional<Collection>> CollectionByUid(std::string_view uid);
  Result<std::optional<Collection>> CollectionById(int64_t id);
  // Member artifacts of a collection in link order (collectionartifact.id).
  Result<std::vector<Artifact>> Members(int64_t collection_id);

  // Why an artifact may not be purged: "member of collection <uid>", "meta artifact of
  // collection <uid>", "referenced by <table>.<column>"; nullopt when it may be.
  Result<std::optional<std::string>> ProtectionReason(const Artifact& a);

  // Members with the ids of their link rows, in link order.
  struct MemberLink {
    int64_t link_id = 0;
    Artifact artifact;
  };
  Result<std::vector<MemberLink>> MemberLinks(int64_t collection_id);

  // ---------------------------------------------------------------- connection use
  // What a registry's connection is for (core/sql/sql_db.h); Tune sets the database up for it.
  using Role = SqlRole;
  Status Tune(Role role);
  // Runs `fn` in one read snapshot, so that several queries see one state of the registry.
  // Inside a write transaction (a batch), that transaction is the snapshot.
  Status InReadSnapshot(const std::function<Status()>& fn);
  // True when another connection (another process or host: the CLI, LaminDB, another mount)
  // committed a change since the previous call. The first call only remembers where the
  // registry stands and returns false.
  Result<bool> ChangedElsewhere();
  // Copies committed changes from the write-ahead log into the database file: always, or
  // only once the log has grown past the usual threshold (`only_if_large`). Never waits for
  // readers or writers; what it cannot copy now it copies the next time.
  Status Checkpoint(bool only_if_large);

  // ---------------------------------------------------------------- transitions
  // Each is one transaction; kNotFound when the record does not exist, kInvalid when it is
  // not in the state the transition starts from.
  // Trash (SPEC.md section 3): where is_latest exists and the record is its family's latest on
  // its branch, the newest remaining version there takes it; with none remaining, the
  // trashed row keeps it (LaminDB's rule).
  Status Trash(int64_t artifact_id);
  // Restores a trashed artifact (RestoreOptions), in one transaction with the displacement
  // of other records at its key; a restored version newer than its family's latest takes
  // is_latest back.
  Status Restore(int64_t artifact_id, const RestoreOptions& opts = {});
  // Restores every trashed artifact whose key lies under directory `from`, with its key
  // moved below `to` (the mount's `mv .trash/artifacts/D artifacts/D2`), displacing the
  // visible records of other families at the target keys, in one transaction. Records whose
  // key is no safe path stay in the trash. Returns how many were restored; kNotFound when
  // nothing is below `from` in the trash (any more).
  Result<int> RestoreDir(const std::string& from, const std::string& to);
  // Permanent delete (SPEC.md section 3). kPermission when protected.
  Result<PurgeOutcome> Purge(int64_t artifact_id, const PurgeOptions& opts = {});

  Status TrashCollection(int64_t collection_id);
  Status RestoreCollection(int64_t collection_id,
                           const std::optional<std::string>& new_name = std::nullopt);
  // Deletes the collection row and its link rows; never the member artifacts.
  Status PurgeCollection(int64_t collection_id);

  // Re-keys one artifact (visible or trashed). When `replace` is set, every other visible
  // artifact at `new_key` is trashed in the same transaction (rename-over); otherwise an
  // occupied `new_key` gives kExists.
  Status Rekey(int64_t artifact_id, const std::string& new_key, bool replace = false);
  // Re-keys every artifact in `state` whose key lies under directory `from` to lie under
  // `to`, in one transaction. kExists when any target key is taken.
  Status RekeyDir(const std::string& from, const std::string& to, int state);
  Status SetDescription(int64_t artifact_id, const std::optional<std::string>& description);

  // Permanently deletes what is in the trash, by the policy of `regfs trash empty`
  // (EmptyTrashReport): in one write transaction, a savepoint per record, so a record that
  // cannot go (protected: collection members, meta artifacts) is skipped and the rest goes;
  // stored files are deleted after the commit. Real-key files are kept.
  Result<EmptyTrashReport> EmptyTrash(const EmptyTrashOptions& opts);

  // Saves staged content as a new artifact, or as a new version when `req.key` already has
  // a visible artifact (same stem, version bumped, is_latest moved). Content identical to
  // the current version of that key creates nothing (kUnchanged) and the staged file is
  // removed. The staged file is moved into place before the row commits; a crash leaves at
  // most an unreferenced staging/managed file, which fsck reports.
  Result<SaveOutcome> Save(StagedContent content, const SaveRequest& req);
  // Whether Save/SaveMany make the stored files durable (one syncfs per transaction) before
  // the rows commit. On by default (the CLI); the mount turns it off unless -o sync, and
  // then behaves like a local filesystem: data reaches the disk by writeback or fsync.
  // Either way a file is in place before its row commits, so a crashed process never
  // leaves a row without its file.
  void set_sync_writes(bool on) { sync_writes_ = on; }
  // Many saves in one transaction (`regfs add` of many files).
  Result<std::vector<SaveOutcome>> SaveMany(
      std::vector<std::pair<StagedContent, SaveRequest>> items);

  // Batched purges (the mount, `trash empty`): after a purge's file is deleted, its
  // regfs_pending row is not cleared in a transaction of its own; the rows (and the
  // directory syncs that make the deletions durable) go in batches, at the latest by
  // FlushPending or when the Registry is destroyed. A row left behind by a crash only
  // names a file that is gone: FinishPending drops it.
  void set_batch_pending(bool on) { batch_pending_ = on; }
  // Makes the batched deletions durable and clears their pending rows.
  Status FlushPending();

  // A batch: one write transaction that several operations share (the mount's purges).
  // Between BeginBatch and CommitBatch every transaction of this registry is a savepoint of
  // the batch, so a failed operation undoes only itself, and nothing commits until
  // CommitBatch. A purge that would delete a file at once (one not left to the caller)
  // commits the batch first: no file goes before its record's deletion is committed.
  // `on_batch_end` runs at the end of every batch, with how its commit went (a failed
  // commit rolls the whole batch back).
  Status BeginBatch();
  Status CommitBatch();
  bool in_batch() const { return in_batch_; }
  void set_on_batch_end(std::function<void(const Status&)> fn) { on_batch_end_ = std::move(fn); }
  // Deletes the file a purge with PurgeOptions::caller_deletes left (outcome.to_delete) and
  // clears (or, in batch mode, batches) its pending row. A file that cannot be deleted stays
  // pending for `regfs fsck --repair`; a symlink on its way is never followed (the path is
  // kept, the row dropped, and the result is false). Needs no transaction of the caller's.
  // It is the two steps below; the first touches no database and may run on any thread.
  Result<bool> FinishDelete(const PurgeOutcome& outcome);
  Result<bool> DeleteFileOf(const PurgeOutcome& outcome) const;
  Status DeleteDone(const PurgeOutcome& outcome, bool deleted);

  // ---------------------------------------------------------------- maintenance
  // Finishes pending file operations recorded by earlier purges/moves. Returns how many. A
  // pending delete of a path that a record uses again (a real key taken by a new record)
  // deletes nothing.
  Result<int> FinishPending();
  // Rows whose stored file is missing, files in .lamindb/ no row points to (LaminDB's own
  // files there, core/storage/layout.h, are never orphans), pending operations.
  Result<FsckReport> Fsck(bool repair);

  // Test hook: runs after a purge's transaction commits and before its file delete. When it
  // returns false, Purge returns as if the process had died there (the file stays).
  std::function<bool()> after_purge_commit_for_test;
  // Test hook: runs after a re-key's transaction commits and before its files move. When it
  // returns false, the re-key returns as if the process had died there.
  std::function<bool()> after_rekey_commit_for_test;
  // Tests: every commit of this registry fails from now on, as a failed write would.
  Status FailCommitsForTest(bool on) { return db_->FailCommitsForTest(on); }
  // Tests: the connection itself, for checks the API does not offer.
  SqlDb& db_for_test() { return *db_; }

 private:
  Registry(std::shared_ptr<const InstanceInfo> info, std::unique_ptr<SqlDb> db);
  struct Impl;
  friend struct Impl;
  std::shared_ptr<const InstanceInfo> info_;
  std::unique_ptr<SqlDb> db_;
  std::unique_ptr<Impl> impl_;
  bool sync_writes_ = true;
  std::optional<std::string> seen_token_;  // ChangedElsewhere's last look
  bool batch_pending_ = false;
  bool in_batch_ = false;
  std::function<void(const Status&)> on_batch_end_;
  struct DonePending {
    int64_t id;       // regfs_pending row
    std::string dir;  // directory of the deleted file (an address), synced before the row goes
  };
  std::vector<DonePending> done_pending_;
};

// Next version label after `prev` (LaminDB 0.7x's `version`): "1" -> "2", "v1.9" -> "v1.10",
// NULL -> "2" (the previous then becomes "1").
std::string NextVersion(const std::optional<std::string>& prev);

}  // namespace regfs
