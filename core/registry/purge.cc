// Permanent deletes (SPEC.md section 3, "Purge" and "Crash safety"): the rows go in one
// transaction that also records the file deletes they decide in regfs_pending; the files
// go after the commit, and whatever a crash interrupts FinishPending completes. Batches of
// purges (the mount), and emptying the trash.
#include <set>

#include "core/clock.h"
#include "core/keys.h"
#include "core/path.h"
#include "core/registry/impl.h"
#include "core/storage/layout.h"

namespace regfs {

// ---------------------------------------------------------------- the pending journal

Result<int64_t> Registry::Impl::AddPending(std::string_view op, const std::string& path,
                                           const std::optional<std::string>& path2,
                                           const std::string& now) {
  REGFS_ASSIGN_OR_RETURN(auto st, db.Cached(std::string("INSERT INTO ") + kPendingTable +
                                            " (op, path, path2, created_at) "
                                            "VALUES (?1, ?2, ?3, ?4) RETURNING id"));
  st->Bind(1, op).Bind(2, path).Bind(3, path2).Bind(4, now);
  return st->RunReturningId();
}

Status Registry::Impl::DropPending(int64_t id) {
  return RunCached(std::string("DELETE FROM ") + kPendingTable + " WHERE id = ?1",
                   [&](Statement& st) { st.Bind(1, id); });
}

Result<std::vector<Registry::Impl::PendingRow>> Registry::Impl::ListPending() {
  std::vector<PendingRow> rows;
  REGFS_ASSIGN_OR_RETURN(bool exists, db.TableExists(kPendingTable));
  if (!exists) return rows;
  REGFS_ASSIGN_OR_RETURN(auto st, db.Prepare(std::string("SELECT id, op, path, path2 FROM ") +
                                             kPendingTable + " ORDER BY id"));
  for (;;) {
    REGFS_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) return rows;
    rows.push_back(PendingRow{st->Int(0), st->Text(1), st->Text(2), st->OptText(3)});
  }
}

// ---------------------------------------------------------------- protection, links, sharing

Result<std::optional<std::string>> Registry::Impl::Protection(const Artifact& a) {
  {
    REGFS_ASSIGN_OR_RETURN(auto st, db.Cached(member_of));
    st->Bind(1, a.id);
    REGFS_ASSIGN_OR_RETURN(bool row, st->Step());
    if (row) return std::optional<std::string>("member of collection " + st->Text(0));
  }
  {
    REGFS_ASSIGN_OR_RETURN(auto st, db.Cached(meta_of));
    st->Bind(1, a.id);
    REGFS_ASSIGN_OR_RETURN(bool row, st->Step());
    if (row) return std::optional<std::string>("meta artifact of collection " + st->Text(0));
  }
  return RefReason(s.artifact_refs, a.id);
}

Result<std::optional<std::string>> Registry::Impl::RefReason(const std::vector<Schema::Ref>& refs,
                                                             int64_t id) {
  for (const auto& r : refs) {
    if (r.not_null) continue;
    REGFS_ASSIGN_OR_RETURN(auto st, db.Cached("SELECT 1 FROM " + QuoteId(r.table) + " WHERE " +
                                              QuoteId(r.column) + " = ?1 LIMIT 1"));
    st->Bind(1, id);
    REGFS_ASSIGN_OR_RETURN(bool row, st->Step());
    if (row) return std::optional<std::string>("referenced by " + r.table + "." + r.column);
  }
  return std::optional<std::string>();
}

Status Registry::Impl::DeleteLinks(const std::vector<Schema::Ref>& refs, int64_t id) {
  for (const auto& r : refs) {
    if (!r.not_null) continue;
    REGFS_RETURN_IF_ERROR(
        RunCached("DELETE FROM " + QuoteId(r.table) + " WHERE " + QuoteId(r.column) + " = ?1",
                  [&](Statement& st) { st.Bind(1, id); }));
  }
  return Status();
}

Result<bool> Registry::Impl::LocatorShared(const Artifact& a, const Locator& loc) {
  std::string stem = a.stem();
  REGFS_ASSIGN_OR_RETURN(auto st, db.Cached(path_sharers));
  st->Bind(1, stem).Bind(2, StemEnd(stem)).Bind(3, a.key);
  REGFS_ASSIGN_OR_RETURN(auto rows, CollectArtifacts(*st));
  for (const Artifact& o : rows) {
    if (o.id == a.id) continue;
    auto other = LocateArtifact(o, store.storage_id());
    if (other.ok() && other->key == loc.key) return true;
  }
  return false;
}

Result<bool> Registry::Impl::LocatorInUse(const Locator& loc) {
  std::vector<Artifact> rows;
  std::string managed = std::string(layout::kManagedDir) + "/";
  if (loc.key.compare(0, managed.size(), managed) == 0) {
    // .lamindb/<uid><suffix> or .lamindb/<uid[:16]><suffix>: the records of that family.
    std::string name = loc.key.substr(managed.size());
    if (name.size() < layout::kStemLength) return false;
    REGFS_ASSIGN_OR_RETURN(rows, FamilyOf(name.substr(0, layout::kStemLength)));
  } else {
    REGFS_ASSIGN_OR_RETURN(rows, ByKeyAnyState(loc.key));
    if (!by_real_key.empty()) {
      REGFS_ASSIGN_OR_RETURN(auto st, db.Cached(by_real_key));
      st->Bind(1, loc.key);
      REGFS_ASSIGN_OR_RETURN(auto more, CollectArtifacts(*st));
      rows.insert(rows.end(), more.begin(), more.end());
    }
  }
  for (const Artifact& a : rows) {
    auto used = LocateArtifact(a, store.storage_id());
    if (used.ok() && used->key == loc.key) return true;
  }
  return false;
}

// ---------------------------------------------------------------- batches

Status Registry::BeginBatch() {
  if (in_batch_) return Status();
  REGFS_RETURN_IF_ERROR(db_->BeginTxn(SqlDb::TxnKind::kWrite).Annotate("begin a batch"));
  in_batch_ = true;
  return Status();
}

Status Registry::CommitBatch() {
  if (!in_batch_) return Status();
  in_batch_ = false;
  // A failed commit (a full disk, say) rolls the whole batch back.
  Status st = db_->CommitTxn().Annotate("commit a batch");
  if (on_batch_end_) on_batch_end_(st);
  return st;
}

Status Registry::FlushPending() {
  if (done_pending_.empty()) return Status();
  std::set<std::string> dirs;
  for (const auto& d : done_pending_) dirs.insert(d.dir);
  // The deletions are on disk before the rows that would finish them go.
  for (const std::string& dir : dirs) {
    if (auto loc = store().LocatorOf(dir)) REGFS_RETURN_IF_ERROR(store().SyncDir(*loc));
  }
  REGFS_ASSIGN_OR_RETURN(auto txn, Transaction::Begin(*db_));
  for (const auto& d : done_pending_) REGFS_RETURN_IF_ERROR(impl_->DropPending(d.id));
  REGFS_RETURN_IF_ERROR(txn->Commit().Annotate("clear finished pending deletes"));
  done_pending_.clear();
  return Status();
}

// ---------------------------------------------------------------- purges

Result<PurgeOutcome> Registry::Purge(int64_t artifact_id, const PurgeOptions& opts) {
  PurgeOutcome out;
  std::optional<std::string> to_delete;
  bool to_delete_managed = false;
  int64_t pending_id = 0;
  std::string ctx;
  {
    REGFS_ASSIGN_OR_RETURN(auto txn, Transaction::Begin(*db_));
    REGFS_ASSIGN_OR_RETURN(Artifact a, impl_->MustArtifact(artifact_id, "purge"));
    out.uid = a.uid;
    ctx = "purge " + DescribeUid(a);
    if (opts.expect_state && a.state != *opts.expect_state) {
      return Status::NotFound(ctx + ": its state changed meanwhile (now " +
                              std::to_string(a.state) + "); nothing purged");
    }
    REGFS_ASSIGN_OR_RETURN(auto reason, impl_->Protection(a));
    if (reason) return Status::Permission(ctx + ": " + *reason);
    std::string now = NowTimestamp();
    REGFS_RETURN_IF_ERROR(impl_->DeleteLinks(schema().artifact_refs, a.id).Annotate(ctx));
    if (a.is_latest) REGFS_RETURN_IF_ERROR(impl_->HandOffLatest(impl_->art, a.id, a.uid, a.state));
    REGFS_RETURN_IF_ERROR(impl_
                              ->RunCached("DELETE FROM " + impl_->art.q + " WHERE id = ?1",
                                          [&](Statement& st) { st.Bind(1, a.id); })
                              .Annotate(ctx));

    // Which file goes: LaminDB-managed content always; a real-key file only when asked and
    // only inside this storage; never an object another row still uses.
    auto loc = LocateArtifact(a, store().storage_id());
    if (loc.ok()) {
      bool managed = IsManagedArtifact(a, store().storage_id());
      bool deletable = managed || (IsRealKey(a) && opts.purge_real_keys);
      if (deletable) {
        REGFS_ASSIGN_OR_RETURN(bool shared, impl_->LocatorShared(a, *loc));
        deletable = !shared;
      }
      std::string address = store().Address(*loc);
      if (deletable) {
        to_delete = address;
        to_delete_managed = managed;
        REGFS_ASSIGN_OR_RETURN(pending_id, impl_->AddPending("delete", address, std::nullopt, now));
      } else {
        out.kept_path = address;
      }
    }
    REGFS_RETURN_IF_ERROR(txn->Commit().Annotate(ctx));
  }
  if (!to_delete) return out;
  // Only a managed file (named by its uid, never taken again) may be deleted once the
  // writer is released; a real-key path could be taken by another record meanwhile.
  if (opts.caller_deletes && to_delete_managed) {
    out.to_delete = to_delete;
    out.pending_id = pending_id;
    return out;
  }
  // The file goes now, so its record's deletion must be committed first.
  if (in_batch_) REGFS_RETURN_IF_ERROR(CommitBatch().Annotate(ctx));
  if (after_purge_commit_for_test && !after_purge_commit_for_test()) return out;
  auto deleted = FinishDelete(PurgeOutcome{out.uid, {}, {}, to_delete, pending_id});
  if (!deleted.ok()) return deleted.status().Annotate(ctx);
  (*deleted ? out.deleted_path : out.kept_path) = *to_delete;
  return out;
}

Result<bool> Registry::FinishDelete(const PurgeOutcome& o) {
  REGFS_ASSIGN_OR_RETURN(bool deleted, DeleteFileOf(o));
  REGFS_RETURN_IF_ERROR(DeleteDone(o, deleted));
  return deleted;
}

Result<bool> Registry::DeleteFileOf(const PurgeOutcome& o) const {
  if (!o.to_delete) return false;
  auto loc = store().LocatorOf(*o.to_delete);
  if (!loc) return false;  // not inside this storage: never deleted
  Status st = store().Remove(*loc, /*durable=*/!batch_pending_);
  // A symlink on the way to the file (say a real-key directory replaced by one): what it
  // points to is never deleted. The record is gone; the path is kept.
  if (st.code() == Status::Code::kPermission) return false;
  if (!st.ok()) {
    return st.Annotate("record deleted; delete of " + *o.to_delete +
                       " left pending for `regfs fsck --repair`");
  }
  return true;
}

Status Registry::DeleteDone(const PurgeOutcome& o, bool deleted) {
  if (!o.to_delete) return Status();
  if (deleted && batch_pending_) {
    done_pending_.push_back(DonePending{o.pending_id, path::DirName(*o.to_delete)});
    // 256 purges share one transaction and one directory sync.
    return done_pending_.size() >= 256 ? FlushPending() : Status();
  }
  return impl_->DropPending(o.pending_id);
}

Status Registry::PurgeCollection(int64_t collection_id) {
  REGFS_ASSIGN_OR_RETURN(auto txn, Transaction::Begin(*db_));
  REGFS_ASSIGN_OR_RETURN(Collection c, impl_->MustCollection(collection_id, "purge"));
  std::string ctx = "purge collection uid " + c.uid;
  REGFS_ASSIGN_OR_RETURN(auto reason, impl_->RefReason(schema().collection_refs, c.id));
  if (reason) return Status::Permission(ctx + ": " + *reason);
  REGFS_RETURN_IF_ERROR(impl_->DeleteLinks(schema().collection_refs, c.id).Annotate(ctx));
  // Membership links go; the member artifacts stay.
  REGFS_RETURN_IF_ERROR(impl_
                            ->RunCached("DELETE FROM " + impl_->link + " WHERE collection_id = ?1",
                                        [&](Statement& st) { st.Bind(1, c.id); })
                            .Annotate(ctx));
  if (impl_->coll.has_latest) {
    REGFS_RETURN_IF_ERROR(impl_->HandOffLatest(impl_->coll, c.id, c.uid, c.state));
  }
  REGFS_RETURN_IF_ERROR(impl_
                            ->RunCached("DELETE FROM " + impl_->coll.q + " WHERE id = ?1",
                                        [&](Statement& st) { st.Bind(1, c.id); })
                            .Annotate(ctx));
  return txn->Commit().Annotate(ctx);
}

// ---------------------------------------------------------------- emptying the trash

Result<EmptyTrashReport> Registry::EmptyTrash(const EmptyTrashOptions& opts) {
  using Item = EmptyTrashReport::Item;
  EmptyTrashReport rep;
  // Old enough for the cutoff; an unreadable updated_at is reported and never purged.
  auto old_enough = [&](const std::string& updated_at, Item* item) {
    if (!opts.trashed_before) return true;
    timespec ts{};
    if (!ParseTimestamp(updated_at, &ts)) {
      item->kind = Item::kSkipped;
      item->reason = "unreadable updated_at '" + updated_at + "'";
      rep.items.push_back(*item);
      ++rep.skipped;
      return false;
    }
    const timespec& cut = *opts.trashed_before;
    return ts.tv_sec != cut.tv_sec ? ts.tv_sec < cut.tv_sec : ts.tv_nsec < cut.tv_nsec;
  };
  auto refused = [&](Item item, const Status& st) {
    bool skip = st.code() == Status::Code::kPermission;
    item.kind = skip ? Item::kSkipped : Item::kFailed;
    item.reason = st.message();
    ++(skip ? rep.skipped : rep.failed);
    rep.items.push_back(std::move(item));
  };

  std::vector<size_t> with_files;  // items whose stored file goes after the commit
  {
    // One transaction with the trash as it is now; each purge a savepoint of it, so one that
    // cannot go is undone alone.
    REGFS_ASSIGN_OR_RETURN(auto txn, Transaction::Begin(*db_));
    // Collections first: their purge drops the link rows that may be all that protects
    // their trashed members.
    REGFS_ASSIGN_OR_RETURN(auto collections, Collections(StateFilter::kTrash));
    for (const Collection& c : collections) {
      Item item{Item::kPurged, true, c.id, c.uid, c.name, false, "", {}};
      if (!old_enough(c.updated_at, &item)) continue;
      Status st;
      if (opts.dry_run) {
        REGFS_ASSIGN_OR_RETURN(auto reason, impl_->RefReason(schema().collection_refs, c.id));
        if (reason) st = Status::Permission("purge collection uid " + c.uid + ": " + *reason);
      } else {
        st = PurgeCollection(c.id);
      }
      if (!st.ok()) {
        refused(std::move(item), st);
        continue;
      }
      ++rep.purged_collections;
      rep.items.push_back(std::move(item));
    }
    REGFS_ASSIGN_OR_RETURN(auto artifacts, Artifacts(StateFilter::kTrash));
    for (const Artifact& a : artifacts) {
      Item item{Item::kPurged, false, a.id, a.uid, a.key.value_or(""), IsRealKey(a), "", {}};
      if (!old_enough(a.updated_at, &item)) continue;
      Status st;
      if (opts.dry_run) {
        REGFS_ASSIGN_OR_RETURN(auto reason, impl_->Protection(a));
        if (reason) st = Status::Permission("purge " + DescribeUid(a) + ": " + *reason);
        item.outcome.uid = a.uid;
      } else {
        PurgeOptions popts;
        popts.expect_state = kStateTrash;
        popts.caller_deletes = true;  // after the commit, below
        auto res = Purge(a.id, popts);
        st = res.status();
        if (res.ok()) item.outcome = std::move(*res);
      }
      if (!st.ok()) {
        refused(std::move(item), st);
        continue;
      }
      ++rep.purged_artifacts;
      if (item.outcome.to_delete) with_files.push_back(rep.items.size());
      rep.items.push_back(std::move(item));
    }
    if (opts.dry_run) return rep;  // the guard rolls everything back
    REGFS_RETURN_IF_ERROR(txn->Commit().Annotate("empty the trash"));
  }

  // Committed: the files go, their pending rows cleared in batches behind one sync.
  bool batched = batch_pending_;
  batch_pending_ = true;
  for (size_t i : with_files) {
    PurgeOutcome& o = rep.items[i].outcome;
    auto deleted = FinishDelete(o);
    if (!deleted.ok()) {
      rep.failed_deletes.push_back(deleted.status().message());
    } else {
      (*deleted ? o.deleted_path : o.kept_path) = o.to_delete;
    }
    o.to_delete.reset();
  }
  Status flushed = FlushPending();
  batch_pending_ = batched;
  if (!flushed.ok()) rep.failed_deletes.push_back(flushed.message());
  return rep;
}

// ---------------------------------------------------------------- finishing after a crash

Result<int> Registry::FinishPending() {
  REGFS_ASSIGN_OR_RETURN(auto rows, impl_->ListPending());
  int done = 0;
  for (const auto& r : rows) {
    std::string ctx = "finish pending " + r.op + " " + r.path;
    // Only objects inside this storage are ever acted on, whatever the table says.
    auto loc = store().LocatorOf(r.path);
    if (!loc) continue;
    if (r.op == "delete") {
      // An object a record uses again (a real key re-taken meanwhile) is that record's.
      REGFS_ASSIGN_OR_RETURN(bool in_use, impl_->LocatorInUse(*loc));
      Status removed = in_use ? Status() : store().Remove(*loc, /*durable=*/true);
      // A symlink on the way is never followed: such a delete can only be dropped.
      if (!removed.ok() && removed.code() != Status::Code::kPermission)
        return removed.Annotate(ctx);
    } else if (r.op == "move" && r.path2) {
      auto to = store().LocatorOf(*r.path2);
      if (!to) continue;
      // Done already, or the source is gone for good: Move tells which.
      auto from_there = store().Stat(*loc);
      auto to_there = store().Stat(*to);
      if (from_there.ok() && !to_there.ok())
        REGFS_RETURN_IF_ERROR(store().Move(*loc, *to).Annotate(ctx));
    } else {
      continue;  // unknown operation: left for a newer regfs
    }
    REGFS_RETURN_IF_ERROR(impl_->DropPending(r.id).Annotate(ctx));
    ++done;
  }
  return done;
}

}  // namespace regfs
