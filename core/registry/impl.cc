#include "core/registry/impl.h"

#include "core/storage/layout.h"

namespace regfs {

std::string StemEnd(std::string_view stem) {
  std::string end(stem);
  end += '\x7f';
  return end;
}

Registry::Impl::Impl(const InstanceInfo& info, SqlDb& db)
    : info(info), s(info.schema), db(db), d(db.dialect()), store(*info.store) {
  auto q = [](const std::string& c) { return QuoteId(c); };
  art = RecordTable{q(s.artifact), q(s.state_col), s.artifact_has_is_latest};
  coll = RecordTable{q(s.collection), q(s.collection_state_col), s.collection_has_is_latest};
  link = q(s.collection_artifact);

  auto acol = [&](const std::string& c) { return c.empty() ? "NULL" : "a." + q(c); };
  auto aopt = [&](const char* c) { return s.HasArtifactColumn(c) ? "a." + q(c) : "NULL"; };
  const std::string a_state = "a." + art.state;
  const std::string a_uid = d.Bytewise("a.uid");
  const std::string family_range = a_uid + " >= ?1 AND " + a_uid + " < ?2";
  // Without a stored is_latest, the latest of a family on a branch is its newest row.
  const std::string b_uid = d.Bytewise("b.uid");
  std::string latest =
      s.artifact_has_is_latest
          ? "a.is_latest"
          : "NOT EXISTS (SELECT 1 FROM " + art.q + " b WHERE " + b_uid +
                " >= substr(a.uid, 1, 16) AND " + b_uid + " < " +
                d.PrefixEnd("substr(a.uid, 1, 16)") + " AND " + d.Unindexed("b." + art.state) +
                " = " + a_state +
                " AND (b.created_at > a.created_at OR (b.created_at = a.created_at "
                "AND b.id > a.id)))";
  std::string folder = s.folder_flag_col.empty()
                           ? "(a." + q(s.n_objects_col) + " IS NOT NULL)"
                           : "coalesce(a." + q(s.folder_flag_col) + ", FALSE)";
  // Column order is ReadArtifact's; `is_latest` is the expression for regfs_is_latest.
  auto cols = [&](const std::string& is_latest) {
    return "a.id, a.uid, a.key, a.suffix, " + aopt("description") + ", " + acol(s.accessor_col) +
           ", a.size, a.hash, " + acol(s.hash_type_col) + ", " + acol(s.n_objects_col) + ", " +
           aopt("n_observations") + ", " + a_state + ", a." + q(s.key_virtual_col) + ", " +
           acol(s.real_key_col) + ", " + acol(s.version_col) + ", (" + is_latest +
           ") AS regfs_is_latest, " + folder + ", a.storage_id, " + acol(s.transform_col) + ", " +
           aopt("run_id") + ", a.created_by_id, " + d.TimeText("a.created_at") + ", " +
           d.TimeText("a.updated_at");
  };
  a_cols = cols(latest);
  sel_a = "SELECT " + a_cols + " FROM " + art.q + " a ";
  // The same row for the transitions: they use is_latest only where the column exists, so
  // without it the per-row family subquery is left out.
  sel_tx = s.artifact_has_is_latest ? sel_a : "SELECT " + cols("TRUE") + " FROM " + art.q + " a ";
  const std::string newest_first = "regfs_is_latest DESC, a.created_at DESC, a.id DESC";

  by_id = sel_a + "WHERE a.id = ?1";
  by_id_tx = sel_tx + "WHERE a.id = ?1";
  by_uid = sel_a + "WHERE a.uid = ?1";
  by_stem = sel_a + "WHERE " + family_range + " ORDER BY (" + a_state + " = 1) DESC, " +
            newest_first + " LIMIT 1";
  family = sel_a + "WHERE " + family_range + " ORDER BY a.created_at, a.id";
  top_uid = "SELECT a.uid FROM " + art.q + " a WHERE " + family_range + " ORDER BY " + a_uid +
            " DESC LIMIT 1";
  // Unindexed: SQLite (which has no statistics here) would pick the state or storage
  // index, where nearly every row matches, over the selective key/hash/uid indexes.
  const std::string u_state = d.Unindexed(a_state);
  const std::string a_key = d.Bytewise("a.key");
  by_key = sel_a + "WHERE a.key = ?1 AND " + u_state + " = ?2 ORDER BY " + newest_first;
  by_key_any = sel_a + "WHERE a.key = ?1";
  if (!s.real_key_col.empty()) by_real_key = sel_a + "WHERE a." + q(s.real_key_col) + " = ?1";
  under = sel_a + "WHERE " + a_key + " >= ?1 AND " + a_key + " < ?2 AND " + u_state +
          " = ?3 ORDER BY " + a_key + ", " + newest_first;
  under_all = sel_a + "WHERE a.key IS NOT NULL AND " + u_state + " = ?1 ORDER BY " + a_key + ", " +
              newest_first;
  all_of_state = sel_a + "WHERE " + a_state + " = ?1 ORDER BY a.id";
  all = sel_a + "ORDER BY a.id";
  const std::string same_order =
      " ORDER BY (" + a_state + " = 1) DESC, a.updated_at DESC, a.id DESC LIMIT 1";
  same_keyed = sel_a + "WHERE " + d.Unindexed("a.storage_id") +
               " = ?1 AND a.key = ?2 AND a.hash = ?3" + same_order;
  same_keyless = sel_a + "WHERE " + d.Unindexed("a.storage_id") +
                 " = ?1 AND a.key IS NULL AND a.hash = ?2" + same_order;
  path_sharers = sel_tx + "WHERE (" + family_range + ") OR a.key = ?3";
  members = "SELECT " + a_cols + " FROM " + link + " l JOIN " + art.q +
            " a ON a.id = l.artifact_id WHERE l.collection_id = ?1 ORDER BY l.id";
  member_links = "SELECT l.id, " + a_cols + " FROM " + link + " l JOIN " + art.q +
                 " a ON a.id = l.artifact_id WHERE l.collection_id = ?1 ORDER BY l.id";

  auto copt = [&](const char* c) { return s.HasCollectionColumn(c) ? "c." + q(c) : "NULL"; };
  std::string c_cols =
      "c.id, c.uid, c." + q(s.collection_name_col) + ", " + copt("description") + ", " +
      (s.collection_version_col.empty() ? "NULL" : "c." + q(s.collection_version_col)) + ", " +
      copt("hash") + ", c." + coll.state + ", c." + q(s.collection_meta_col) + ", " +
      d.TimeText("c.created_at") + ", " + d.TimeText("c.updated_at");
  sel_c = "SELECT " + c_cols + " FROM " + coll.q + " c ";

  member_of = "SELECT c.uid FROM " + link + " l JOIN " + coll.q +
              " c ON c.id = l.collection_id WHERE l.artifact_id = ?1 ORDER BY l.id LIMIT 1";
  meta_of = "SELECT uid FROM " + coll.q + " WHERE " + q(s.collection_meta_col) + " = ?1 LIMIT 1";

  // Every column LaminDB writes for a new file artifact. The 0.7x tables have no defaults,
  // so every NOT NULL column is given; on >= 1.0 the columns left out (branch metadata,
  // space, lock, schema, run) get the defaults LaminDB writes too, and `_aux` is SQL NULL
  // as LaminDB leaves it (the column's default is the JSON text 'null').
  insert_cols = {"uid",         "key",           "suffix",        "description", "size",
                 "hash",        s.hash_type_col, s.n_objects_col, s.state_col,   s.key_virtual_col,
                 s.version_col, "storage_id",    "created_by_id", "created_at",  "updated_at"};
  if (s.artifact_has_is_latest) insert_cols.push_back("is_latest");
  if (!s.folder_flag_col.empty()) insert_cols.push_back(s.folder_flag_col);
  if (s.HasArtifactColumn("_aux")) insert_cols.push_back("_aux");
  if (s.layout == Layout::kV1 && s.accessor_col == "otype") insert_cols.push_back("otype");
  std::string names, params;
  for (size_t i = 0; i < insert_cols.size(); ++i) {
    names += (i ? ", " : "") + q(insert_cols[i]);
    params += (i ? ", ?" : "?") + std::to_string(i + 1);
  }
  insert_artifact =
      "INSERT INTO " + art.q + " (" + names + ") VALUES (" + params + ") RETURNING id";

  // The light listing of the mount (Registry::Listed), in ReadListed's column order.
  const std::string l_state = QuoteId(s.state_col);
  const std::string l_key = d.Bytewise("key");
  std::string l_folder = s.folder_flag_col.empty()
                             ? "(" + QuoteId(s.n_objects_col) + " IS NOT NULL)"
                             : "coalesce(" + QuoteId(s.folder_flag_col) + ", FALSE)";
  std::string l_sel = "SELECT id, uid, " + d.TextOrNull("key") + ", suffix, coalesce(size, 0), " +
                      d.TimeText("created_at") + ", " + d.TimeText("updated_at") + ", " + l_state +
                      ", " + (s.artifact_has_is_latest ? "is_latest" : "TRUE") + ", " + l_folder +
                      " FROM " + art.q + " ";
  std::string shown = d.Unindexed(l_state) + " IN (1, -1)";
  list_keyless = l_sel + "WHERE " + d.NotText("key") + " AND " + d.Unindexed(l_state) + " = ?1";
  list_top = l_sel + "WHERE " + l_key + " >= ?1 AND " + d.TextUpperBound(l_key) + " AND " +
             d.Unindexed(l_state) + " = ?2 ORDER BY " + l_key;
  list_range = l_sel + "WHERE " + l_key + " >= ?1 AND " + l_key + " < ?3 AND " +
               d.Unindexed(l_state) + " = ?2 ORDER BY " + l_key;
  list_at_key = l_sel + "WHERE key = ?1 AND " + shown;
  list_by_id = l_sel + "WHERE id = ?1 AND " + shown;
}

// ---------------------------------------------------------------- rows

Artifact Registry::Impl::ReadArtifact(const Statement& st, int c) {
  Artifact a;
  a.id = st.Int(c + 0);
  a.uid = st.Text(c + 1);
  a.key = st.OptText(c + 2);
  a.suffix = st.Text(c + 3);
  a.description = st.OptText(c + 4);
  a.accessor = st.OptText(c + 5);
  a.size = st.OptInt(c + 6);
  a.hash = st.OptText(c + 7);
  a.hash_type = st.OptText(c + 8);
  a.n_objects = st.OptInt(c + 9);
  a.n_observations = st.OptInt(c + 10);
  a.state = static_cast<int>(st.Int(c + 11));
  a.key_is_virtual = st.Bool(c + 12);
  a.real_key = st.OptText(c + 13);
  a.version = st.OptText(c + 14);
  a.is_latest = st.Bool(c + 15);
  a.is_folder = st.Bool(c + 16);
  a.storage_id = st.Int(c + 17);
  a.transform_id = st.OptInt(c + 18);
  a.run_id = st.OptInt(c + 19);
  a.created_by_id = st.Int(c + 20);
  a.created_at = st.Text(c + 21);
  a.updated_at = st.Text(c + 22);
  return a;
}

Collection Registry::Impl::ReadCollection(const Statement& st) {
  Collection c;
  c.id = st.Int(0);
  c.uid = st.Text(1);
  c.name = st.Text(2);
  c.description = st.OptText(3);
  c.version = st.OptText(4);
  c.hash = st.OptText(5);
  c.state = static_cast<int>(st.Int(6));
  c.meta_artifact_id = st.OptInt(7);
  c.created_at = st.Text(8);
  c.updated_at = st.Text(9);
  return c;
}

Result<std::vector<Artifact>> Registry::Impl::CollectArtifacts(Statement& st) {
  std::vector<Artifact> out;
  for (;;) {
    REGFS_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return out;
    out.push_back(ReadArtifact(st));
  }
}

Result<std::vector<Collection>> Registry::Impl::CollectCollections(Statement& st) {
  std::vector<Collection> out;
  for (;;) {
    REGFS_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return out;
    out.push_back(ReadCollection(st));
  }
}

Status Registry::Impl::RunCached(const std::string& sql,
                                 const std::function<void(Statement&)>& bind) {
  REGFS_ASSIGN_OR_RETURN(auto st, db.Cached(sql));
  bind(*st);
  return st->Run();
}

Result<std::optional<Artifact>> Registry::Impl::GetArtifact(int64_t id) {
  REGFS_ASSIGN_OR_RETURN(auto st, db.Cached(by_id));
  st->Bind(1, id);
  REGFS_ASSIGN_OR_RETURN(auto v, CollectArtifacts(*st));
  return First(std::move(v));
}

Result<Artifact> Registry::Impl::MustArtifact(int64_t id, std::string_view what) {
  REGFS_ASSIGN_OR_RETURN(auto st, db.Cached(by_id_tx));
  st->Bind(1, id);
  REGFS_ASSIGN_OR_RETURN(auto v, CollectArtifacts(*st));
  std::optional<Artifact> a = First(std::move(v));
  if (!a) {
    return Status::NotFound(std::string(what) + " artifact id " + std::to_string(id) +
                            ": no such artifact");
  }
  return std::move(*a);
}

Result<std::vector<Artifact>> Registry::Impl::ByKey(std::string_view key, int state) {
  REGFS_ASSIGN_OR_RETURN(auto st, db.Cached(by_key));
  st->Bind(1, key).Bind(2, state);
  return CollectArtifacts(*st);
}

Result<std::vector<Artifact>> Registry::Impl::ByKeyAnyState(const std::string& key) {
  REGFS_ASSIGN_OR_RETURN(auto st, db.Cached(by_key_any));
  st->Bind(1, key);
  return CollectArtifacts(*st);
}

Result<std::vector<Artifact>> Registry::Impl::FamilyOf(std::string_view stem) {
  REGFS_ASSIGN_OR_RETURN(auto st, db.Cached(family));
  st->Bind(1, stem).Bind(2, StemEnd(stem));
  return CollectArtifacts(*st);
}

Result<std::vector<Artifact>> Registry::Impl::Under(std::string_view dir_in, int state) {
  std::string dir(dir_in);
  while (!dir.empty() && dir.back() == '/') dir.pop_back();
  REGFS_ASSIGN_OR_RETURN(auto st, db.Cached(dir.empty() ? under_all : under));
  // '0' is the byte after '/': [dir/, dir0) is every key below dir, and nothing else.
  if (dir.empty()) {
    st->Bind(1, state);
  } else {
    st->Bind(1, dir + "/").Bind(2, dir + "0").Bind(3, state);
  }
  return CollectArtifacts(*st);
}

Result<std::optional<Collection>> Registry::Impl::GetCollection(int64_t id) {
  REGFS_ASSIGN_OR_RETURN(auto st, db.Cached(sel_c + "WHERE c.id = ?1"));
  st->Bind(1, id);
  REGFS_ASSIGN_OR_RETURN(auto v, CollectCollections(*st));
  return First(std::move(v));
}

Result<Collection> Registry::Impl::MustCollection(int64_t id, std::string_view what) {
  REGFS_ASSIGN_OR_RETURN(auto c, GetCollection(id));
  if (!c) {
    return Status::NotFound(std::string(what) + " collection id " + std::to_string(id) +
                            ": no such collection");
  }
  return std::move(*c);
}

}  // namespace regfs
