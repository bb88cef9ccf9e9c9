#include "core/registry/schema.h"

#include <algorithm>
#include <initializer_list>

namespace regfs {

namespace {

bool Contains(const std::vector<std::string>& v, const std::string& name) {
  return std::find(v.begin(), v.end(), name) != v.end();
}

// The first of `candidates` that is a column of `cols`, or "" when none is.
std::string Pick(const std::vector<std::string>& cols,
                 std::initializer_list<const char*> candidates) {
  for (const char* c : candidates) {
    if (Contains(cols, c)) return c;
  }
  return "";
}

std::string Join(const std::vector<std::string>& v, size_t max_items = 12) {
  std::string out;
  for (size_t i = 0; i < v.size() && i < max_items; ++i) {
    if (i) out += ", ";
    out += v[i];
  }
  if (v.size() > max_items) out += ", ...";
  return out;
}

Status Unknown(const std::string& what) {
  return Status::Unsupported("unknown LaminDB layout: " + what +
                             "; regfs reads LaminDB 0.7x (lnschema_core_*) and >= 1.0 "
                             "(lamindb_*) registries and will not write to this one");
}

}  // namespace

bool Schema::HasArtifactColumn(const std::string& name) const {
  return Contains(artifact_columns, name);
}

bool Schema::HasCollectionColumn(const std::string& name) const {
  return Contains(collection_columns, name);
}

Result<Schema> DetectSchema(SqlDb& db) {
  // Reading sqlite_master is also what fails (kCorrupt) on a file that is not a database.
  REGFS_ASSIGN_OR_RETURN(auto tables, db.TableNames());
  Schema s;
  std::string prefix;
  if (Contains(tables, "lnschema_core_artifact")) {
    s.layout = Layout::kV07;
    prefix = "lnschema_core_";
  } else if (Contains(tables, "lamindb_artifact")) {
    s.layout = Layout::kV1;
    prefix = "lamindb_";
  } else {
    return Unknown("no lnschema_core_artifact or lamindb_artifact table (tables: " +
                   (tables.empty() ? std::string("none") : Join(tables)) + ")");
  }
  s.artifact = prefix + "artifact";
  s.collection = prefix + "collection";
  s.collection_artifact = prefix + "collectionartifact";
  s.storage = prefix + "storage";
  s.user = prefix + "user";
  for (const std::string* t : {&s.collection, &s.collection_artifact, &s.storage, &s.user}) {
    if (!Contains(tables, *t)) return Unknown(s.artifact + " without table " + *t);
  }

  REGFS_ASSIGN_OR_RETURN(s.artifact_columns, db.Columns(s.artifact));
  REGFS_ASSIGN_OR_RETURN(s.collection_columns, db.Columns(s.collection));
  const auto& ac = s.artifact_columns;
  const auto& cc = s.collection_columns;

  // The state column decides the layout's meaning of every transition; a state column this
  // build does not know (a future LaminDB) must not be guessed at.
  s.state_col =
      s.layout == Layout::kV07 ? Pick(ac, {"visibility"}) : Pick(ac, {"branch_id", "_branch_code"});
  if (s.state_col.empty()) {
    return Unknown(s.artifact + " has no known state column (expected " +
                   (s.layout == Layout::kV07 ? "visibility" : "branch_id or _branch_code") +
                   "; columns: " + Join(ac, 40) + ")");
  }
  s.key_virtual_col = Pick(ac, {"key_is_virtual", "_key_is_virtual"});
  s.real_key_col = Pick(ac, {"_real_key"});
  s.n_objects_col = Pick(ac, {"n_objects", "n_files"});
  s.folder_flag_col = s.layout == Layout::kV1 ? Pick(ac, {"_overwrite_versions"}) : "";
  s.version_col = Pick(ac, {"version", "version_tag"});
  s.hash_type_col = Pick(ac, {"hash_type", "_hash_type"});
  s.accessor_col = Pick(ac, {"accessor", "otype"});
  s.transform_col = Pick(ac, {"transform_id"});
  s.artifact_has_is_latest = Contains(ac, "is_latest");
  for (const char* required : {"id", "uid", "key", "suffix", "hash", "size", "storage_id",
                               "created_by_id", "created_at", "updated_at"}) {
    if (!Contains(ac, required)) return Unknown(s.artifact + " without column " + required);
  }
  if (s.key_virtual_col.empty() || s.n_objects_col.empty() || s.version_col.empty() ||
      s.hash_type_col.empty()) {
    return Unknown(s.artifact +
                   " lacks a key-is-virtual, object-count, version or hash-type "
                   "column (columns: " +
                   Join(ac, 40) + ")");
  }

  s.collection_name_col = Pick(cc, {"name", "key"});
  s.collection_state_col = Contains(cc, s.state_col) ? s.state_col : "";
  s.collection_version_col = Pick(cc, {"version", "version_tag"});
  s.collection_meta_col = Pick(cc, {"artifact_id", "meta_artifact_id"});
  s.collection_has_is_latest = Contains(cc, "is_latest");
  if (s.collection_name_col.empty() || s.collection_state_col.empty() ||
      s.collection_meta_col.empty()) {
    return Unknown(s.collection + " lacks a name, " + s.state_col +
                   " or meta artifact column (columns: " + Join(cc, 40) + ")");
  }
  REGFS_ASSIGN_OR_RETURN(auto link_cols, db.Columns(s.collection_artifact));
  if (!Contains(link_cols, "artifact_id") || !Contains(link_cols, "collection_id")) {
    return Unknown(s.collection_artifact + " without artifact_id/collection_id");
  }

  // References to the artifact table, minus the ones with rules of their own: collection
  // membership, the collection's meta artifact, and the artifact table's own columns.
  REGFS_ASSIGN_OR_RETURN(auto arefs, db.ReferencesTo(s.artifact));
  for (auto& r : arefs) {
    if (r.table == s.artifact) continue;
    if (r.table == s.collection_artifact && r.column == "artifact_id") continue;
    if (r.table == s.collection && r.column == s.collection_meta_col) continue;
    s.artifact_refs.push_back(std::move(r));
  }
  REGFS_ASSIGN_OR_RETURN(auto crefs, db.ReferencesTo(s.collection));
  for (auto& r : crefs) {
    if (r.table == s.collection) continue;
    if (r.table == s.collection_artifact && r.column == "collection_id") continue;
    s.collection_refs.push_back(std::move(r));
  }
  return s;
}

Status EnsureRegfsObjects(SqlDb& db, const Schema& schema) {
  // regfs_pending holds file operations decided by a committed transaction but not yet done
  // on disk ('delete' path, or 'move' path -> path2); FinishPending works it off.
  // The key index serves the key ranges of the mount's listings, in byte order.
  const Dialect& d = db.dialect();
  std::string sql = "CREATE TABLE IF NOT EXISTS regfs_pending (id " + d.AutoIdColumn() +
                    ", op TEXT NOT NULL, path TEXT NOT NULL, path2 TEXT, "
                    "created_at TEXT NOT NULL);\n"
                    "CREATE INDEX IF NOT EXISTS regfs_artifact_key_idx ON " +
                    QuoteId(schema.artifact) + " (" + d.Bytewise("key") + ");\n";
  return db.Exec(sql).Annotate("create regfs bookkeeping in " + db.name());
}

}  // namespace regfs
