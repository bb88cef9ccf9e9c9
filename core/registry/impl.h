// Inside the registry: the statements (built once per connection from the detected schema
// and the database's dialect), the row readers and the steps the transitions are made of.
// Private to core/registry/*.cc.
//
// Every function that writes expects to run inside the caller's transaction; none commits.
#pragma once

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/registry/registry.h"
#include "core/sql/sql_db.h"

namespace regfs {

// A table of records with a state column, uid version families and maybe is_latest: the
// artifact and the collection table share the life-cycle rules.
struct RecordTable {
  std::string q;      // quoted table name
  std::string state;  // quoted state column
  bool has_latest = false;
};

// The pending journal's table (`regfs_`-prefixed tables are regfs's own).
inline constexpr const char* kPendingTable = "regfs_pending";

// [stem, StemEnd(stem)) is exactly the uids of a version family (base62 sorts below 0x7f).
std::string StemEnd(std::string_view stem);

// "uid <uid>": how a record is named in errors and logs.
inline std::string DescribeUid(const Artifact& a) {
  return "uid " + a.uid;
}

// A file whose path is its key (a `_real_key`, or a key that is not virtual): it moves with
// the key, and a purge keeps it unless asked.
inline bool IsRealKey(const Artifact& a) {
  return a.real_key.has_value() || (!a.key_is_virtual && a.key.has_value());
}

struct Registry::Impl {
  Impl(const InstanceInfo& info, SqlDb& db);

  const InstanceInfo& info;
  const Schema& s;
  SqlDb& db;
  const Dialect& d;
  const BlobStore& store;
  RecordTable art, coll;
  std::string link;  // quoted collection-artifact table

  // ---------------------------------------------------------------- statements (impl.cc)
  std::string a_cols, sel_a, sel_tx, sel_c;
  std::string by_id, by_id_tx, by_uid, by_stem, family, by_key, under, under_all, all_of_state, all,
      same_keyed, same_keyless, path_sharers, members, member_links, member_of, meta_of,
      insert_artifact, top_uid, by_key_any, by_real_key;
  std::string list_keyless, list_top, list_range, list_at_key, list_by_id;
  std::vector<std::string> insert_cols;

  // ---------------------------------------------------------------- rows (impl.cc)
  // The artifact columns (a_cols) from column `c` on.
  static Artifact ReadArtifact(const Statement& st, int c = 0);
  static Collection ReadCollection(const Statement& st);
  // Steps `st` to the end. Rows are collected before the caller acts on them, so a cached
  // statement is never re-entered while it is being stepped.
  static Result<std::vector<Artifact>> CollectArtifacts(Statement& st);
  static Result<std::vector<Collection>> CollectCollections(Statement& st);
  template <typename T>
  static std::optional<T> First(std::vector<T> v) {
    if (v.empty()) return std::nullopt;
    return std::move(v.front());
  }

  Status RunCached(const std::string& sql, const std::function<void(Statement&)>& bind);
  Result<std::optional<Artifact>> GetArtifact(int64_t id);
  // The row a transition acts on (is_latest as stored; without the column, true).
  Result<Artifact> MustArtifact(int64_t id, std::string_view what);
  Result<std::vector<Artifact>> ByKey(std::string_view key, int state);
  Result<std::vector<Artifact>> ByKeyAnyState(const std::string& key);
  Result<std::vector<Artifact>> FamilyOf(std::string_view stem);
  // Artifacts in `state` below directory `dir` ("" = every keyed one), ordered by key.
  Result<std::vector<Artifact>> Under(std::string_view dir, int state);
  Result<std::optional<Collection>> GetCollection(int64_t id);
  Result<Collection> MustCollection(int64_t id, std::string_view what);

  // ---------------------------------------------------------------- versions (versions.cc)
  Status SetState(const RecordTable& t, int64_t id, int state, const std::string& now);
  // is_latest of one row. LaminDB changes nothing else of a row whose is_latest moves.
  Status SetLatest(const RecordTable& t, int64_t id, bool latest);
  // Clears is_latest on every row of the family on branch `state` except `keep`.
  Status ClearFamilyLatest(const RecordTable& t, std::string_view stem, int state, int64_t keep);
  // Row `id`, its family's latest on branch `state`, leaves that branch: the newest remaining
  // version there (created_at, then id) takes is_latest (unless one holds it already) and
  // the row loses it; with no version remaining, the row keeps it (LaminDB's rule: a later
  // restore must find a latest version).
  Status HandOffLatest(const RecordTable& t, int64_t id, std::string_view uid, int state);
  // Row `id` has arrived on branch `state`: it takes is_latest when it is newer than the
  // family's current latest there (or there is none), and does not hold it otherwise.
  Status TakeLatestIfNewer(const RecordTable& t, int64_t id, std::string_view uid,
                           const std::string& created_at, int state);
  // The uid of a new version of the family `stem`: the next 4-character suffix after the
  // highest one in the family, on every branch (the trash included), in base62 order.
  Result<std::string> NewVersionUidOf(std::string_view stem);

  // ---------------------------------------------------------------- transitions (transitions.cc)
  Status DoTrash(const Artifact& a, const std::string& now);
  Status DoRestore(const Artifact& a, const std::string& now);
  // Trashes the visible records at `key` of version families other than `stem`.
  Status DisplaceAt(const std::string& key, std::string_view stem, const std::string& now,
                    const std::string& ctx);
  // A stored object that moves once the transaction has committed.
  struct Move {
    int64_t pending_id;
    Locator from, to;
  };
  // Gives `a` the key `new_key`; its suffix follows the key. A stored object whose place
  // changes with it (a real key; a managed file whose suffix changes) is moved after the
  // commit, recorded in regfs_pending inside the caller's transaction, so that a crash in
  // between is finished by FinishPending. `claimed` holds targets planned earlier in the
  // same transaction.
  Status PlanRekey(const Artifact& a, const std::string& new_key, const std::string& now,
                   std::vector<Move>* moves, std::set<std::string>* claimed);
  // After the commit: performs the planned moves and clears their pending rows. A move that
  // cannot be done stays pending (fsck --repair retries it) and is reported.
  Status DoMoves(const std::vector<Move>& moves);

  // ---------------------------------------------------------------- purges (purge.cc)
  Result<int64_t> AddPending(std::string_view op, const std::string& path,
                             const std::optional<std::string>& path2, const std::string& now);
  Status DropPending(int64_t id);
  struct PendingRow {
    int64_t id;
    std::string op, path;
    std::optional<std::string> path2;
  };
  Result<std::vector<PendingRow>> ListPending();
  Result<std::optional<std::string>> Protection(const Artifact& a);
  // The first nullable reference to `id` that is set: such a row points at the record and
  // would dangle (LaminDB protects these).
  Result<std::optional<std::string>> RefReason(const std::vector<Schema::Ref>& refs, int64_t id);
  // Deletes the link rows (NOT NULL references) that die with record `id`.
  Status DeleteLinks(const std::vector<Schema::Ref>& refs, int64_t id);
  // True when a row other than `a` (already deleted in this transaction) still stores its
  // content at `loc`: folder versions share one folder, real keys may be shared.
  Result<bool> LocatorShared(const Artifact& a, const Locator& loc);
  // True when some record stores its content at `loc` (an object a pending delete names).
  Result<bool> LocatorInUse(const Locator& loc);

  // ---------------------------------------------------------------- saving (save.cc)
  Result<int64_t> InsertArtifact(const std::string& uid, const StagedContent& c,
                                 const SaveRequest& req, const std::optional<std::string>& version,
                                 const std::string& now);
  // One save inside the caller's transaction. Published objects are appended to `published`
  // so that the caller can remove them if the transaction does not commit.
  Result<SaveOutcome> SaveOne(const StagedContent& c, const SaveRequest& req,
                              const std::string& now, std::vector<Locator>* published);
};

}  // namespace regfs
