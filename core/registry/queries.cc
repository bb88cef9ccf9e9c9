// Opening a registry, the queries, and the connection calls the mount makes.
#include "core/keys.h"
#include "core/registry/impl.h"
#include "core/sql/open.h"
#include "core/storage/layout.h"

namespace regfs {

Registry::Registry(std::shared_ptr<const InstanceInfo> info, std::unique_ptr<SqlDb> db)
    : info_(std::move(info)), db_(std::move(db)), impl_(std::make_unique<Impl>(*info_, *db_)) {}

Registry::~Registry() {
  // Best effort: what is not cleared here is cleared by the next FinishPending.
  on_batch_end_ = nullptr;
  if (in_batch_) (void)CommitBatch();
  if (!done_pending_.empty()) (void)FlushPending();
}

Result<std::unique_ptr<Registry>> Registry::Open(std::shared_ptr<const InstanceInfo> info,
                                                 bool read_only) {
  if (!info || !info->store) return Status::Invalid("open registry: instance not open");
  bool ro = read_only || info->read_only;
  auto db = OpenSqlDb(info->db_path, {.read_only = ro});
  if (!db.ok()) return db.status().Annotate("open registry of " + info->root);
  return std::unique_ptr<Registry>(new Registry(std::move(info), std::move(*db)));
}

Result<std::optional<Artifact>> Registry::ArtifactById(int64_t id) {
  return impl_->GetArtifact(id);
}

Result<std::optional<Artifact>> Registry::ArtifactByUid(std::string_view uid) {
  if (uid.size() == 20) {
    REGFS_ASSIGN_OR_RETURN(auto st, db_->Cached(impl_->by_uid));
    st->Bind(1, uid);
    REGFS_ASSIGN_OR_RETURN(auto v, Impl::CollectArtifacts(*st));
    return Impl::First(std::move(v));
  }
  if (uid.size() == layout::kStemLength) {
    // A stem names its family's latest: the visible latest when there is one.
    REGFS_ASSIGN_OR_RETURN(auto st, db_->Cached(impl_->by_stem));
    st->Bind(1, uid).Bind(2, StemEnd(uid));
    REGFS_ASSIGN_OR_RETURN(auto v, Impl::CollectArtifacts(*st));
    return Impl::First(std::move(v));
  }
  return std::optional<Artifact>();
}

Status Registry::ForEachArtifact(StateFilter filter,
                                 const std::function<void(const Artifact&)>& fn) {
  // Prepared, not cached: `fn` may call back into this registry, even into this listing.
  bool all = filter == StateFilter::kAll;
  REGFS_ASSIGN_OR_RETURN(auto st, db_->Prepare(all ? impl_->all : impl_->all_of_state));
  if (!all) st->Bind(1, filter == StateFilter::kVisible ? kStateVisible : kStateTrash);
  for (;;) {
    REGFS_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) return Status();
    fn(Impl::ReadArtifact(*st));
  }
}

Result<std::vector<Artifact>> Registry::Artifacts(StateFilter filter) {
  std::vector<Artifact> out;
  REGFS_RETURN_IF_ERROR(ForEachArtifact(filter, [&](const Artifact& a) { out.push_back(a); }));
  return out;
}

namespace {

// Reads the Listed columns (Impl's list_* queries, in their order) from the current row,
// without copying text.
Registry::Listed ReadListed(const Statement& st) {
  Registry::Listed l;
  l.id = st.Int(0);
  l.uid = st.TextView(1);
  if (!st.IsNull(2)) l.key = st.TextView(2);
  l.suffix = st.TextView(3);
  l.size = st.Int(4);
  l.created_at = st.TextView(5);
  l.updated_at = st.TextView(6);
  l.state = static_cast<int>(st.Int(7));
  l.is_latest = st.Bool(8);
  l.is_folder = st.Bool(9);
  return l;
}

}  // namespace

Status Registry::ListDir(std::string_view dir, int state,
                         const std::function<void(const Listed&)>& on_file,
                         const std::function<void(std::string_view name)>& on_subdir) {
  const std::string prefix = dir.empty() ? std::string() : std::string(dir) + "/";
  if (dir.empty()) {
    // Key-less records (and keys that are not text) are shown at the top.
    REGFS_ASSIGN_OR_RETURN(auto st, db_->Cached(impl_->list_keyless));
    st->Bind(1, state);
    for (;;) {
      REGFS_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      on_file(ReadListed(*st));
    }
  }
  // Keys in [dir/, dir0) are exactly those below dir ('0' is the byte after '/'); at the
  // top, every text key.
  REGFS_ASSIGN_OR_RETURN(auto st, db_->Cached(dir.empty() ? impl_->list_top : impl_->list_range));
  const std::string end = std::string(dir) + "0";
  std::string from = prefix;
  auto bind = [&] {
    st->Reset();
    st->Bind(1, from).Bind(2, state);
    if (!dir.empty()) st->Bind(3, end);
  };
  bind();
  for (;;) {
    REGFS_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) return Status();
    Listed l = ReadListed(*st);
    if (!l.key) continue;  // not text: listed at the top above
    std::string_view rest = l.key->substr(prefix.size());
    size_t slash = rest.find('/');
    if (slash != std::string_view::npos && IsSafeComponent(rest.substr(0, slash))) {
      std::string_view name = rest.substr(0, slash);
      on_subdir(name);
      // Every key below prefix/name/ sorts before prefix/name0: continue from there. The
      // new bound is above the current key, so the scan always moves on.
      from = prefix + std::string(name) + "0";
      bind();
      continue;
    }
    // keys::KeyDir(key) is `dir` here: the key's first component below `dir` is its last,
    // or an unsafe one.
    on_file(l);
  }
}

Status Registry::ListedAt(std::string_view key, const std::function<void(const Listed&)>& fn) {
  REGFS_ASSIGN_OR_RETURN(auto st, db_->Cached(impl_->list_at_key));
  st->Bind(1, key);
  for (;;) {
    REGFS_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) return Status();
    fn(ReadListed(*st));
  }
}

Result<bool> Registry::ListedById(int64_t id, const std::function<void(const Listed&)>& fn) {
  REGFS_ASSIGN_OR_RETURN(auto st, db_->Cached(impl_->list_by_id));
  st->Bind(1, id);
  REGFS_ASSIGN_OR_RETURN(bool row, st->Step());
  if (row) fn(ReadListed(*st));
  return row;
}

Result<std::vector<Artifact>> Registry::ArtifactsByKey(std::string_view key, int state) {
  return impl_->ByKey(key, state);
}

Result<std::vector<Artifact>> Registry::ArtifactsUnder(std::string_view dir, int state) {
  return impl_->Under(dir, state);
}

Result<std::vector<Artifact>> Registry::Family(std::string_view stem) {
  return impl_->FamilyOf(stem.substr(0, layout::kStemLength));
}

Result<std::vector<Collection>> Registry::Collections(StateFilter filter) {
  std::string sql = impl_->sel_c;
  if (filter != StateFilter::kAll) sql += "WHERE c." + impl_->coll.state + " = ?1 ";
  sql += "ORDER BY c.id";
  REGFS_ASSIGN_OR_RETURN(auto st, db_->Cached(sql));
  if (filter != StateFilter::kAll) {
    st->Bind(1, filter == StateFilter::kVisible ? kStateVisible : kStateTrash);
  }
  return Impl::CollectCollections(*st);
}

Result<std::optional<Collection>> Registry::CollectionByUid(std::string_view uid) {
  REGFS_ASSIGN_OR_RETURN(auto st, db_->Cached(impl_->sel_c + "WHERE c.uid = ?1"));
  st->Bind(1, uid);
  REGFS_ASSIGN_OR_RETURN(auto v, Impl::CollectCollections(*st));
  return Impl::First(std::move(v));
}

Result<std::optional<Collection>> Registry::CollectionById(int64_t id) {
  return impl_->GetCollection(id);
}

Result<std::vector<Artifact>> Registry::Members(int64_t collection_id) {
  REGFS_ASSIGN_OR_RETURN(auto st, db_->Cached(impl_->members));
  st->Bind(1, collection_id);
  return Impl::CollectArtifacts(*st);
}

Result<std::vector<Registry::MemberLink>> Registry::MemberLinks(int64_t collection_id) {
  REGFS_ASSIGN_OR_RETURN(auto st, db_->Cached(impl_->member_links));
  st->Bind(1, collection_id);
  std::vector<MemberLink> out;
  for (;;) {
    REGFS_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) return out;
    MemberLink m;
    m.link_id = st->Int(0);
    m.artifact = Impl::ReadArtifact(*st, 1);
    out.push_back(std::move(m));
  }
}

Result<std::optional<std::string>> Registry::ProtectionReason(const Artifact& a) {
  return impl_->Protection(a);
}

// ---------------------------------------------------------------- connection use

Status Registry::Tune(Role role) {
  return db_->Tune(role);
}

Status Registry::InReadSnapshot(const std::function<Status()>& fn) {
  if (db_->InTransaction()) return fn();
  REGFS_RETURN_IF_ERROR(db_->BeginTxn(SqlDb::TxnKind::kRead));
  Status st = fn();
  Status end = st.ok() ? db_->CommitTxn() : db_->RollbackTxn();
  return st.ok() ? end : st;
}

Result<bool> Registry::ChangedElsewhere() {
  REGFS_ASSIGN_OR_RETURN(std::string token, db_->ChangeToken());
  bool changed = seen_token_ && *seen_token_ != token;
  seen_token_ = std::move(token);
  return changed;
}

Status Registry::Checkpoint(bool only_if_large) {
  return db_->Checkpoint(only_if_large);
}

}  // namespace regfs
