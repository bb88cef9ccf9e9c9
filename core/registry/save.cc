// Saving content as a record (SPEC.md section 3, "Saving content"), with every column as
// LaminDB writes it for the layout.
#include <unistd.h>

#include "core/clock.h"
#include "core/keys.h"
#include "core/path.h"
#include "core/registry/impl.h"
#include "core/storage/layout.h"
#include "core/uid.h"

namespace regfs {

Result<int64_t> Registry::Impl::InsertArtifact(const std::string& uid, const StagedContent& c,
                                               const SaveRequest& req,
                                               const std::optional<std::string>& version,
                                               const std::string& now) {
  REGFS_ASSIGN_OR_RETURN(auto st, db.Cached(insert_artifact));
  for (size_t i = 0; i < insert_cols.size(); ++i) {
    const std::string& col = insert_cols[i];
    int n = static_cast<int>(i + 1);
    if (col == "uid") {
      st->Bind(n, uid);
    } else if (col == "key") {
      st->Bind(n, req.key);
    } else if (col == "suffix") {
      st->Bind(n, req.suffix);
    } else if (col == "description") {
      st->Bind(n, req.description);
    } else if (col == "size") {
      st->Bind(n, static_cast<int64_t>(c.hash.size));
    } else if (col == "hash") {
      st->Bind(n, c.hash.hash);
    } else if (col == s.hash_type_col) {
      st->Bind(n, c.hash.hash_type);
    } else if (col == s.n_objects_col) {
      st->Bind(n, std::nullopt);  // a file: no object count
    } else if (col == s.state_col) {
      st->Bind(n, kStateVisible);
    } else if (col == s.key_virtual_col) {
      st->Bind(n, true);
    } else if (col == s.version_col) {
      st->Bind(n, version);
    } else if (col == "storage_id") {
      st->Bind(n, info.storage_id);
    } else if (col == "created_by_id") {
      st->Bind(n, info.user_id);
    } else if (col == "created_at" || col == "updated_at") {
      st->Bind(n, now);
    } else if (col == "is_latest") {
      st->Bind(n, true);
    } else if (col == s.folder_flag_col) {
      st->Bind(n, false);
    } else if (col == "_aux") {
      st->Bind(n, std::nullopt);  // LaminDB's final value (its default is the JSON 'null')
    } else if (col == "otype") {
      std::string name = req.key ? path::BaseOf(*req.key) : req.source_name;
      st->Bind(n, keys::OtypeOf(name));
    }
  }
  return st->RunReturningId();
}

Result<SaveOutcome> Registry::Impl::SaveOne(const StagedContent& c, const SaveRequest& req,
                                            const std::string& now,
                                            std::vector<Locator>* published) {
  std::string ctx = "save " + (req.key ? "key " + *req.key : std::string("key-less file"));
  auto drop_staged = [&] { unlink(c.path.c_str()); };
  if (req.key) REGFS_RETURN_IF_ERROR(ValidateKey(*req.key).Annotate(ctx));
  // The suffix becomes part of a file name in .lamindb/: one plain name component.
  if (!req.suffix.empty() &&
      (req.suffix.front() != '.' ||
       req.suffix.find_first_of(std::string_view("/\0", 2)) != std::string::npos)) {
    return Status::Invalid(ctx + ": bad suffix '" + req.suffix + "'");
  }

  std::optional<Artifact> latest;
  if (req.key) {
    REGFS_ASSIGN_OR_RETURN(auto at_key, ByKey(*req.key, kStateVisible));
    latest = First(std::move(at_key));
    // A new version of this family is made, or its is_latest moves: serialized first.
    if (latest) REGFS_RETURN_IF_ERROR(db.LockFamily(latest->stem()));
  }
  if (latest && latest->hash == c.hash.hash) {
    drop_staged();
    return SaveOutcome{SaveOutcome::kUnchanged, std::move(*latest)};
  }

  std::optional<Artifact> same;
  {
    REGFS_ASSIGN_OR_RETURN(auto st, db.Cached(req.key ? same_keyed : same_keyless));
    st->Bind(1, info.storage_id);
    if (req.key) {
      st->Bind(2, *req.key).Bind(3, c.hash.hash);
    } else {
      st->Bind(2, c.hash.hash);
    }
    REGFS_ASSIGN_OR_RETURN(auto v, CollectArtifacts(*st));
    same = First(std::move(v));
  }
  if (same && !req.key) {
    // As LaminDB 2.9: saving, without a key, content that a key-less record already holds
    // returns that record, and brings it back from the trash first. (Its unique index on
    // storage and hash where the key is NULL would refuse a second row.)
    drop_staged();
    if (same->state == kStateTrash) {
      REGFS_RETURN_IF_ERROR(DoRestore(*same, now).Annotate(ctx + ": restore uid " + same->uid));
      REGFS_ASSIGN_OR_RETURN(Artifact back, MustArtifact(same->id, ctx));
      return SaveOutcome{SaveOutcome::kUnchanged, std::move(back)};
    }
    return SaveOutcome{SaveOutcome::kUnchanged, std::move(*same)};
  }
  if (same && s.layout == Layout::kV1 && s.artifact_has_is_latest) {
    // LaminDB >= 1.0 allows one row per (storage, key, hash): content that an older or
    // trashed row at this key already holds brings that row back as the latest instead of
    // a duplicate the unique index would refuse.
    REGFS_RETURN_IF_ERROR(db.LockFamily(same->stem()));
    if (same->state != kStateVisible) {
      REGFS_RETURN_IF_ERROR(SetState(art, same->id, kStateVisible, now).Annotate(ctx));
    }
    if (latest) REGFS_RETURN_IF_ERROR(SetLatest(art, latest->id, false).Annotate(ctx));
    REGFS_RETURN_IF_ERROR(ClearFamilyLatest(art, same->stem(), kStateVisible, same->id));
    REGFS_RETURN_IF_ERROR(SetLatest(art, same->id, true).Annotate(ctx));
    drop_staged();
    REGFS_ASSIGN_OR_RETURN(Artifact back, MustArtifact(same->id, ctx));
    return SaveOutcome{latest ? SaveOutcome::kNewVersion : SaveOutcome::kCreated, std::move(back)};
  }

  std::string uid;
  std::optional<std::string> version;
  if (latest) {
    REGFS_ASSIGN_OR_RETURN(uid, NewVersionUidOf(latest->stem()));
    if (s.layout == Layout::kV07) {
      // LaminDB 0.7x labels versions "1", "2", ...: the first gets its label (and, as
      // Django's auto_now does, a new updated_at) when the second appears.
      version = NextVersion(latest->version);
      if (!latest->version) {
        REGFS_RETURN_IF_ERROR(RunCached("UPDATE " + art.q + " SET " + QuoteId(s.version_col) +
                                            " = '1', updated_at = ?2 WHERE id = ?1",
                                        [&](Statement& st) { st.Bind(1, latest->id).Bind(2, now); })
                                  .Annotate(ctx));
      }
    }
    // LaminDB >= 1.0 leaves version_tag NULL and changes nothing of the previous version
    // but its is_latest.
    if (art.has_latest) {
      REGFS_RETURN_IF_ERROR(SetLatest(art, latest->id, false).Annotate(ctx));
      REGFS_RETURN_IF_ERROR(ClearFamilyLatest(art, latest->stem(), kStateVisible, 0));
    }
  } else {
    uid = NewArtifactUid();
  }
  Locator dest{layout::ManagedKey(uid, req.suffix, false), false};
  // Durability for the whole batch comes from one SyncAll() before the commit.
  REGFS_RETURN_IF_ERROR(
      store.Publish(c.path, dest, /*durable=*/false).Annotate(ctx + " uid " + uid));
  published->push_back(dest);
  auto id = InsertArtifact(uid, c, req, version, now);
  if (!id.ok()) return id.status().Annotate(ctx + " uid " + uid);
  // The new row is what was just inserted (no need to read it back).
  Artifact row;
  row.id = *id;
  row.uid = uid;
  row.key = req.key;
  row.suffix = req.suffix;
  row.description = req.description;
  row.size = static_cast<int64_t>(c.hash.size);
  row.hash = c.hash.hash;
  row.hash_type = c.hash.hash_type;
  row.state = kStateVisible;
  row.key_is_virtual = true;
  row.version = version;
  row.is_latest = true;
  row.is_folder = false;
  row.storage_id = info.storage_id;
  row.created_by_id = info.user_id;
  row.created_at = now;
  row.updated_at = now;
  if (s.layout == Layout::kV1 && s.accessor_col == "otype") {
    row.accessor = keys::OtypeOf(req.key ? path::BaseOf(*req.key) : req.source_name);
  }
  return SaveOutcome{latest ? SaveOutcome::kNewVersion : SaveOutcome::kCreated, std::move(row),
                     /*inserted=*/true};
}

Result<SaveOutcome> Registry::Save(StagedContent content, const SaveRequest& req) {
  std::vector<std::pair<StagedContent, SaveRequest>> one;
  one.emplace_back(std::move(content), req);
  REGFS_ASSIGN_OR_RETURN(auto v, SaveMany(std::move(one)));
  return std::move(v.front());
}

Result<std::vector<SaveOutcome>> Registry::SaveMany(
    std::vector<std::pair<StagedContent, SaveRequest>> items) {
  std::vector<Locator> published;
  // Files are published before the commit, so a committed row always has its file; if the
  // transaction does not commit, the published files and unconsumed staged files go.
  auto fail = [&](const Status& st) -> Status {
    for (const auto& p : published) (void)store().Remove(p, /*durable=*/false);
    for (const auto& item : items) unlink(item.first.path.c_str());
    return st;
  };
  std::vector<SaveOutcome> outs;
  auto txn = Transaction::Begin(*db_);
  if (!txn.ok()) return fail(txn.status().Annotate("save"));
  std::string now = NowTimestamp();
  for (const auto& [content, req] : items) {
    auto out = impl_->SaveOne(content, req, now, &published);
    if (!out.ok()) return fail(out.status());
    outs.push_back(std::move(*out));
  }
  if (sync_writes_ && !published.empty()) {
    Status synced = store().SyncAll();
    if (!synced.ok()) return fail(synced.Annotate("save"));
  }
  Status st = (*txn)->Commit();
  if (!st.ok()) return fail(st.Annotate("save: commit"));
  return outs;
}

}  // namespace regfs
