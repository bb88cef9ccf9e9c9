// Trash, restore and re-key (SPEC.md sections 3 and 4), for artifacts and collections. Each
// call is one transaction that checks the state the caller saw; stored objects that move
// with a key move after the commit, through the pending journal.
#include "core/clock.h"
#include "core/keys.h"
#include "core/path.h"
#include "core/registry/impl.h"
#include "core/storage/layout.h"

namespace regfs {

// ---------------------------------------------------------------- steps (in the transaction)

Status Registry::Impl::DoTrash(const Artifact& a, const std::string& now) {
  REGFS_RETURN_IF_ERROR(SetState(art, a.id, kStateTrash, now));
  if (a.is_latest) REGFS_RETURN_IF_ERROR(HandOffLatest(art, a.id, a.uid, a.state));
  return Status();
}

Status Registry::Impl::DoRestore(const Artifact& a, const std::string& now) {
  REGFS_RETURN_IF_ERROR(SetState(art, a.id, kStateVisible, now));
  return TakeLatestIfNewer(art, a.id, a.uid, a.created_at, kStateVisible);
}

Status Registry::Impl::DisplaceAt(const std::string& key, std::string_view stem,
                                  const std::string& now, const std::string& ctx) {
  REGFS_ASSIGN_OR_RETURN(auto shown, ByKey(key, kStateVisible));
  for (const Artifact& o : shown) {
    if (o.stem() == stem) continue;
    // Nothing is lost: the displaced record goes to the trash.
    REGFS_RETURN_IF_ERROR(DoTrash(o, now).Annotate(ctx + ": displace uid " + o.uid));
  }
  return Status();
}

Status Registry::Impl::PlanRekey(const Artifact& a, const std::string& new_key,
                                 const std::string& now, std::vector<Move>* moves,
                                 std::set<std::string>* claimed) {
  std::string ctx = "rekey " + DescribeUid(a) + " to " + new_key;
  // The suffix always matches the key's (LaminDB refuses any other record).
  const std::string new_suffix = SuffixOf(new_key);
  const bool suffix_changes = new_suffix != a.suffix;
  std::optional<Move> move;
  if (IsRealKey(a)) {
    auto from = LocateArtifact(a, store.storage_id());
    if (!from.ok()) return from.status().Annotate(ctx);
    auto to = RealKeyLocator(new_key);
    if (!to.ok()) return to.status().Annotate(ctx);
    move = Move{0, *from, *to};
  } else if (suffix_changes && IsManagedArtifact(a, store.storage_id())) {
    if (a.is_folder) {
      return Status::Invalid(ctx + ": the stored folder of a folder artifact is shared by its " +
                             "versions, so its suffix '" + a.suffix + "' cannot change");
    }
    // .lamindb/<uid><old suffix> becomes .lamindb/<uid><new suffix>.
    move = Move{0, Locator{layout::ManagedKey(a.uid, a.suffix, false), false},
                Locator{layout::ManagedKey(a.uid, new_suffix, false), false}};
  }
  if (move) {
    auto there = store.Stat(move->to);
    if (there.ok() || claimed->count(move->to.key)) {
      return Status::Exists(ctx + ": " + store.Address(move->to) + " already exists");
    }
    if (!there.status().IsNotFound()) return there.status().Annotate(ctx);
    claimed->insert(move->to.key);
    REGFS_ASSIGN_OR_RETURN(move->pending_id, AddPending("move", store.Address(move->from),
                                                        store.Address(move->to), now));
    moves->push_back(*move);
  }
  // With `_real_key` set the file's place is that column, not the key: it follows the move.
  bool set_real = IsRealKey(a) && a.real_key.has_value() && !s.real_key_col.empty();
  // LaminDB >= 1.0 leaves updated_at as it is on an edit; 0.7x (Django's auto_now) sets it.
  bool touch = s.layout == Layout::kV07;
  std::string sql = "UPDATE " + art.q + " SET key = ?2, suffix = ?3" +
                    (touch ? ", updated_at = ?4" : "") +
                    (set_real ? ", " + QuoteId(s.real_key_col) + " = ?2" : "") + " WHERE id = ?1";
  return RunCached(sql,
                   [&](Statement& st) {
                     st.Bind(1, a.id).Bind(2, new_key).Bind(3, new_suffix);
                     if (touch) st.Bind(4, now);
                   })
      .Annotate(ctx);
}

Status Registry::Impl::DoMoves(const std::vector<Move>& moves) {
  Status first;
  for (const Move& m : moves) {
    Status st = store.Move(m.from, m.to);
    if (st.ok()) st = DropPending(m.pending_id);
    if (!st.ok() && first.ok()) {
      first = st.Annotate("record re-keyed, file move left pending for `regfs fsck --repair`");
    }
  }
  return first;
}

// ---------------------------------------------------------------- artifacts

Status Registry::Trash(int64_t artifact_id) {
  REGFS_ASSIGN_OR_RETURN(auto txn, Transaction::Begin(*db_));
  REGFS_ASSIGN_OR_RETURN(Artifact a, impl_->MustArtifact(artifact_id, "trash"));
  if (a.state == kStateTrash)
    return Status::Invalid("trash " + DescribeUid(a) + ": already in trash");
  REGFS_RETURN_IF_ERROR(impl_->DoTrash(a, NowTimestamp()).Annotate("trash " + DescribeUid(a)));
  return txn->Commit().Annotate("trash " + DescribeUid(a));
}

Status Registry::Restore(int64_t artifact_id, const RestoreOptions& opts) {
  std::vector<Impl::Move> moves;
  {
    REGFS_ASSIGN_OR_RETURN(auto txn, Transaction::Begin(*db_));
    REGFS_ASSIGN_OR_RETURN(Artifact a, impl_->MustArtifact(artifact_id, "restore"));
    std::string ctx = "restore " + DescribeUid(a);
    if (opts.expect_state && a.state != *opts.expect_state) {
      return Status::NotFound(ctx + ": its state changed meanwhile (now " +
                              std::to_string(a.state) + "); nothing restored");
    }
    if (a.state == kStateVisible) return Status::Invalid(ctx + ": not in trash");
    std::string now = NowTimestamp();
    const bool rekey = opts.new_key && a.key != *opts.new_key;
    if (rekey) REGFS_RETURN_IF_ERROR(ValidateKey(*opts.new_key).Annotate(ctx));
    std::optional<std::string> target = rekey ? opts.new_key : a.key;
    if (target && opts.displace) {
      REGFS_RETURN_IF_ERROR(impl_->DisplaceAt(*target, a.stem(), now, ctx));
    } else if (rekey) {
      // Restoring under a new key must not hide an unrelated record there; versions of the
      // same family may share the key (the newest shows).
      REGFS_ASSIGN_OR_RETURN(auto there, impl_->ByKey(*target, kStateVisible));
      for (const Artifact& o : there) {
        if (o.stem() != a.stem()) {
          return Status::Exists(ctx + " as " + *target + ": key taken by uid " + o.uid);
        }
      }
    }
    if (rekey) {
      std::set<std::string> claimed;
      REGFS_RETURN_IF_ERROR(impl_->PlanRekey(a, *target, now, &moves, &claimed));
    }
    REGFS_RETURN_IF_ERROR(impl_->DoRestore(a, now).Annotate(ctx));
    REGFS_RETURN_IF_ERROR(txn->Commit().Annotate(ctx));
  }
  if (after_rekey_commit_for_test && !moves.empty() && !after_rekey_commit_for_test())
    return Status();
  return impl_->DoMoves(moves);
}

Result<int> Registry::RestoreDir(const std::string& from_in, const std::string& to_in) {
  std::string from = path::StripTrailingSlashes(from_in), to = path::StripTrailingSlashes(to_in);
  std::string ctx = "restore directory " + from + " as " + to;
  if (from.empty() || to.empty()) return Status::Invalid(ctx + ": empty directory name");
  std::vector<Impl::Move> moves;
  int restored = 0;
  {
    REGFS_ASSIGN_OR_RETURN(auto txn, Transaction::Begin(*db_));
    REGFS_ASSIGN_OR_RETURN(auto items, impl_->Under(from, kStateTrash));
    if (items.empty()) return Status::NotFound(ctx + ": nothing below " + from + " in the trash");
    std::string now = NowTimestamp();
    std::set<std::string> claimed;
    for (const Artifact& a : items) {
      // A key that is no safe path cannot be moved to a safe place by a rename: it stays.
      if (!a.key || !IsSafeKey(*a.key)) continue;
      std::string key = to + a.key->substr(from.size());
      std::string one = ctx + ": " + DescribeUid(a);
      REGFS_RETURN_IF_ERROR(ValidateKey(key).Annotate(one));
      REGFS_RETURN_IF_ERROR(impl_->DisplaceAt(key, a.stem(), now, one));
      if (key != *a.key) REGFS_RETURN_IF_ERROR(impl_->PlanRekey(a, key, now, &moves, &claimed));
      // The row as it is now: an earlier restore in this transaction may have moved
      // is_latest of its family.
      REGFS_ASSIGN_OR_RETURN(Artifact cur, impl_->MustArtifact(a.id, "restore"));
      REGFS_RETURN_IF_ERROR(impl_->DoRestore(cur, now).Annotate(one));
      ++restored;
    }
    REGFS_RETURN_IF_ERROR(txn->Commit().Annotate(ctx));
  }
  if (after_rekey_commit_for_test && !moves.empty() && !after_rekey_commit_for_test())
    return restored;
  REGFS_RETURN_IF_ERROR(impl_->DoMoves(moves));
  return restored;
}

Status Registry::Rekey(int64_t artifact_id, const std::string& new_key, bool replace) {
  std::vector<Impl::Move> moves;
  {
    REGFS_ASSIGN_OR_RETURN(auto txn, Transaction::Begin(*db_));
    REGFS_ASSIGN_OR_RETURN(Artifact a, impl_->MustArtifact(artifact_id, "rekey"));
    std::string ctx = "rekey " + DescribeUid(a) + " to " + new_key;
    if (a.key == new_key) return Status();
    REGFS_RETURN_IF_ERROR(ValidateKey(new_key).Annotate(ctx));
    std::string now = NowTimestamp();
    REGFS_ASSIGN_OR_RETURN(auto there, impl_->ByKey(new_key, a.state));
    for (const Artifact& o : there) {
      if (o.id == a.id) continue;
      if (!replace || a.state != kStateVisible) {
        return Status::Exists(ctx + ": key taken by uid " + o.uid);
      }
      // Rename-over: the displaced record goes to the trash, nothing is lost.
      REGFS_RETURN_IF_ERROR(
          impl_->DoTrash(o, now).Annotate(ctx + ": trash displaced uid " + o.uid));
    }
    std::set<std::string> claimed;
    REGFS_RETURN_IF_ERROR(impl_->PlanRekey(a, new_key, now, &moves, &claimed));
    REGFS_RETURN_IF_ERROR(txn->Commit().Annotate(ctx));
  }
  if (after_rekey_commit_for_test && !moves.empty() && !after_rekey_commit_for_test())
    return Status();
  return impl_->DoMoves(moves);
}

Status Registry::RekeyDir(const std::string& from_in, const std::string& to_in, int state) {
  std::string from = path::StripTrailingSlashes(from_in), to = path::StripTrailingSlashes(to_in);
  std::string ctx = "rekey directory " + from + " to " + to;
  if (from.empty() || to.empty()) return Status::Invalid(ctx + ": empty directory name");
  if (from == to) return Status();
  if (to.compare(0, from.size() + 1, from + "/") == 0) {
    return Status::Invalid(ctx + ": a directory cannot move into itself");
  }
  REGFS_RETURN_IF_ERROR(ValidateKey(to).Annotate(ctx));
  std::vector<Impl::Move> moves;
  {
    REGFS_ASSIGN_OR_RETURN(auto txn, Transaction::Begin(*db_));
    REGFS_ASSIGN_OR_RETURN(auto items, impl_->Under(from, state));
    if (items.empty()) return Status::NotFound(ctx + ": no records below " + from);
    std::set<int64_t> moving;
    for (const Artifact& a : items) moving.insert(a.id);
    std::string now = NowTimestamp();
    std::set<std::string> claimed;
    for (const Artifact& a : items) {
      std::string nk = to + a.key->substr(from.size());
      REGFS_RETURN_IF_ERROR(ValidateKey(nk).Annotate(ctx + ": " + DescribeUid(a)));
      REGFS_ASSIGN_OR_RETURN(auto there, impl_->ByKey(nk, state));
      for (const Artifact& o : there) {
        if (!moving.count(o.id)) {
          return Status::Exists(ctx + ": " + nk + " is taken by uid " + o.uid);
        }
      }
      REGFS_RETURN_IF_ERROR(impl_->PlanRekey(a, nk, now, &moves, &claimed));
    }
    REGFS_RETURN_IF_ERROR(txn->Commit().Annotate(ctx));
  }
  if (after_rekey_commit_for_test && !moves.empty() && !after_rekey_commit_for_test())
    return Status();
  return impl_->DoMoves(moves);
}

Status Registry::SetDescription(int64_t artifact_id,
                                const std::optional<std::string>& description) {
  REGFS_ASSIGN_OR_RETURN(auto txn, Transaction::Begin(*db_));
  REGFS_ASSIGN_OR_RETURN(Artifact a, impl_->MustArtifact(artifact_id, "set description of"));
  std::string ctx = "set description of " + DescribeUid(a);
  if (!schema().HasArtifactColumn("description")) {
    return Status::Invalid(ctx + ": this database has no description column");
  }
  // As LaminDB: >= 1.0 leaves updated_at as it is on an edit, 0.7x sets it.
  bool touch = schema().layout == Layout::kV07;
  REGFS_RETURN_IF_ERROR(impl_
                            ->RunCached("UPDATE " + impl_->art.q + " SET description = ?2" +
                                            (touch ? ", updated_at = ?3" : "") + " WHERE id = ?1",
                                        [&](Statement& st) {
                                          st.Bind(1, a.id).Bind(2, description);
                                          if (touch) st.Bind(3, NowTimestamp());
                                        })
                            .Annotate(ctx));
  return txn->Commit().Annotate(ctx);
}

// ---------------------------------------------------------------- collections

Status Registry::TrashCollection(int64_t collection_id) {
  REGFS_ASSIGN_OR_RETURN(auto txn, Transaction::Begin(*db_));
  REGFS_ASSIGN_OR_RETURN(Collection c, impl_->MustCollection(collection_id, "trash"));
  std::string ctx = "trash collection uid " + c.uid;
  if (c.state == kStateTrash) return Status::Invalid(ctx + ": already in trash");
  std::string now = NowTimestamp();
  REGFS_RETURN_IF_ERROR(impl_->SetState(impl_->coll, c.id, kStateTrash, now).Annotate(ctx));
  // Collections carry is_latest like artifacts; read it from the row.
  if (impl_->coll.has_latest) {
    REGFS_ASSIGN_OR_RETURN(
        auto st, db_->Cached("SELECT is_latest FROM " + impl_->coll.q + " WHERE id = ?1"));
    st->Bind(1, c.id);
    REGFS_ASSIGN_OR_RETURN(bool row, st->Step());
    bool latest = row && st->Bool(0);
    st->Reset();
    if (latest) REGFS_RETURN_IF_ERROR(impl_->HandOffLatest(impl_->coll, c.id, c.uid, c.state));
  }
  return txn->Commit().Annotate(ctx);
}

Status Registry::RestoreCollection(int64_t collection_id,
                                   const std::optional<std::string>& new_name) {
  REGFS_ASSIGN_OR_RETURN(auto txn, Transaction::Begin(*db_));
  REGFS_ASSIGN_OR_RETURN(Collection c, impl_->MustCollection(collection_id, "restore"));
  std::string ctx = "restore collection uid " + c.uid;
  if (c.state == kStateVisible) return Status::Invalid(ctx + ": not in trash");
  std::string now = NowTimestamp();
  if (new_name && *new_name != c.name) {
    if (!IsSafeComponent(*new_name)) {
      return Status::Invalid(ctx + ": invalid collection name '" + *new_name + "'");
    }
    REGFS_RETURN_IF_ERROR(
        impl_
            ->RunCached("UPDATE " + impl_->coll.q + " SET " +
                            QuoteId(schema().collection_name_col) + " = ?2 WHERE id = ?1",
                        [&](Statement& st) { st.Bind(1, c.id).Bind(2, *new_name); })
            .Annotate(ctx));
  }
  REGFS_RETURN_IF_ERROR(impl_->SetState(impl_->coll, c.id, kStateVisible, now).Annotate(ctx));
  REGFS_RETURN_IF_ERROR(
      impl_->TakeLatestIfNewer(impl_->coll, c.id, c.uid, c.created_at, kStateVisible));
  if (c.meta_artifact_id) {
    // The meta artifact describes the collection: it comes back with it.
    REGFS_ASSIGN_OR_RETURN(auto meta, impl_->GetArtifact(*c.meta_artifact_id));
    if (meta && meta->state != kStateVisible) {
      REGFS_RETURN_IF_ERROR(impl_->DoRestore(*meta, now).Annotate(ctx + ": meta artifact"));
    }
  }
  return txn->Commit().Annotate(ctx);
}

}  // namespace regfs
