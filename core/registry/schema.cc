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

// LaminDB 0.73's own statements for the tables regfs uses, byte for byte as its migrations
// leave them in sqlite_master (fixtures/lamindb-0.73-schema.sql), so that LaminDB 0.7x
// itself recognises an instance made by `regfs init`. Each table is followed by its indexes,
// in the fixture's order (SQLite does not check foreign-key targets at CREATE time).
constexpr const char* kV07Tables =
    R"sql(CREATE TABLE IF NOT EXISTS "lnschema_core_user" ("id" integer NOT NULL PRIMARY )sql"
    R"sql(KEY AUTOINCREMENT, "uid" varchar(8) NOT NULL UNIQUE, "handle" varchar(30) NOT )sql"
    R"sql(NULL UNIQUE, "name" varchar(150) NULL, "created_at" datetime NOT NULL, )sql"
    R"sql("updated_at" datetime NOT NULL);)sql"
    R"sql(CREATE INDEX "lnschema_core_user_name_849be4d5" ON "lnschema_core_user" )sql"
    R"sql(("name");)sql"
    R"sql(CREATE INDEX "lnschema_core_user_created_at_2fc60712" ON "lnschema_core_user" )sql"
    R"sql(("created_at");)sql"
    R"sql(CREATE INDEX "lnschema_core_user_updated_at_8ea206d8" ON "lnschema_core_user" )sql"
    R"sql(("updated_at");)sql"
    R"sql(CREATE TABLE IF NOT EXISTS "lnschema_core_storage" ("created_at" datetime NOT )sql"
    R"sql(NULL, "updated_at" datetime NOT NULL, "id" integer NOT NULL PRIMARY KEY )sql"
    R"sql(AUTOINCREMENT, "uid" varchar(12) NOT NULL UNIQUE, "root" varchar(255) NOT NULL )sql"
    R"sql(UNIQUE, "description" varchar(255) NULL, "type" varchar(30) NOT NULL, "region" )sql"
    R"sql(varchar(64) NULL, "instance_uid" varchar(12) NULL, "run_id" bigint NULL )sql"
    R"sql(REFERENCES "lnschema_core_run" ("id") DEFERRABLE INITIALLY DEFERRED, )sql"
    R"sql("created_by_id" integer NOT NULL REFERENCES "lnschema_core_user" ("id") )sql"
    R"sql(DEFERRABLE INITIALLY DEFERRED);)sql"
    R"sql(CREATE INDEX "lnschema_core_storage_created_at_9f6be89e" ON )sql"
    R"sql("lnschema_core_storage" ("created_at");)sql"
    R"sql(CREATE INDEX "lnschema_core_storage_updated_at_836da6e9" ON )sql"
    R"sql("lnschema_core_storage" ("updated_at");)sql"
    R"sql(CREATE INDEX "lnschema_core_storage_description_284990c5" ON )sql"
    R"sql("lnschema_core_storage" ("description");)sql"
    R"sql(CREATE INDEX "lnschema_core_storage_type_b0ad0d3f" ON "lnschema_core_storage" )sql"
    R"sql(("type");)sql"
    R"sql(CREATE INDEX "lnschema_core_storage_region_0da1c7eb" ON "lnschema_core_storage" )sql"
    R"sql(("region");)sql"
    R"sql(CREATE INDEX "lnschema_core_storage_instance_uid_bc22d475" ON )sql"
    R"sql("lnschema_core_storage" ("instance_uid");)sql"
    R"sql(CREATE INDEX "lnschema_core_storage_run_id_a151c744" ON "lnschema_core_storage" )sql"
    R"sql(("run_id");)sql"
    R"sql(CREATE INDEX "lnschema_core_storage_created_by_id_e242a244" ON )sql"
    R"sql("lnschema_core_storage" ("created_by_id");)sql"
    R"sql(CREATE TABLE IF NOT EXISTS "lnschema_core_transform" ("version" varchar(10) )sql"
    R"sql(NULL, "id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "uid" varchar(16) NOT )sql"
    R"sql(NULL UNIQUE, "name" varchar(150) NULL, "key" varchar(120) NULL, "description" )sql"
    R"sql(varchar(255) NULL, "type" varchar(20) NOT NULL, "reference" varchar(255) NULL, )sql"
    R"sql("reference_type" varchar(25) NULL, "created_at" datetime NOT NULL, "updated_at" )sql"
    R"sql(datetime NOT NULL, "latest_report_id" integer NULL REFERENCES )sql"
    R"sql("lnschema_core_artifact" ("id") DEFERRABLE INITIALLY DEFERRED, "source_code_id" )sql"
    R"sql(integer NULL REFERENCES "lnschema_core_artifact" ("id") DEFERRABLE INITIALLY )sql"
    R"sql(DEFERRED, "created_by_id" integer NOT NULL REFERENCES "lnschema_core_user" )sql"
    R"sql(("id") DEFERRABLE INITIALLY DEFERRED);)sql"
    R"sql(CREATE INDEX "lnschema_core_transform_version_a07c3ab3" ON )sql"
    R"sql("lnschema_core_transform" ("version");)sql"
    R"sql(CREATE INDEX "lnschema_core_transform_name_e69ec5be" ON )sql"
    R"sql("lnschema_core_transform" ("name");)sql"
    R"sql(CREATE INDEX "lnschema_core_transform_key_92e9c94b" ON )sql"
    R"sql("lnschema_core_transform" ("key");)sql"
    R"sql(CREATE INDEX "lnschema_core_transform_type_0cf7d7be" ON )sql"
    R"sql("lnschema_core_transform" ("type");)sql"
    R"sql(CREATE INDEX "lnschema_core_transform_reference_201acbc9" ON )sql"
    R"sql("lnschema_core_transform" ("reference");)sql"
    R"sql(CREATE INDEX "lnschema_core_transform_reference_type_39f5c300" ON )sql"
    R"sql("lnschema_core_transform" ("reference_type");)sql"
    R"sql(CREATE INDEX "lnschema_core_transform_created_at_0ddf11bd" ON )sql"
    R"sql("lnschema_core_transform" ("created_at");)sql"
    R"sql(CREATE INDEX "lnschema_core_transform_updated_at_b3ace29f" ON )sql"
    R"sql("lnschema_core_transform" ("updated_at");)sql"
    R"sql(CREATE INDEX "lnschema_core_transform_latest_report_id_2d40f507" ON )sql"
    R"sql("lnschema_core_transform" ("latest_report_id");)sql"
    R"sql(CREATE INDEX "lnschema_core_transform_source_code_id_d40af568" ON )sql"
    R"sql("lnschema_core_transform" ("source_code_id");)sql"
    R"sql(CREATE INDEX "lnschema_core_transform_created_by_id_8afc7db3" ON )sql"
    R"sql("lnschema_core_transform" ("created_by_id");)sql"
    R"sql(CREATE TABLE IF NOT EXISTS "lnschema_core_run" ("id" integer NOT NULL PRIMARY )sql"
    R"sql(KEY AUTOINCREMENT, "uid" varchar(20) NOT NULL UNIQUE, "started_at" datetime NOT )sql"
    R"sql(NULL, "finished_at" datetime NULL, "is_consecutive" bool NULL, "reference" )sql"
    R"sql(varchar(255) NULL, "reference_type" varchar(25) NULL, "created_at" datetime NOT )sql"
    R"sql(NULL, "environment_id" integer NULL REFERENCES "lnschema_core_artifact" ("id") )sql"
    R"sql(DEFERRABLE INITIALLY DEFERRED, "report_id" integer NULL REFERENCES )sql"
    R"sql("lnschema_core_artifact" ("id") DEFERRABLE INITIALLY DEFERRED, "transform_id" )sql"
    R"sql(integer NOT NULL REFERENCES "lnschema_core_transform" ("id") DEFERRABLE )sql"
    R"sql(INITIALLY DEFERRED, "created_by_id" integer NOT NULL REFERENCES )sql"
    R"sql("lnschema_core_user" ("id") DEFERRABLE INITIALLY DEFERRED);)sql"
    R"sql(CREATE INDEX "lnschema_core_run_started_at_a56364c1" ON "lnschema_core_run" )sql"
    R"sql(("started_at");)sql"
    R"sql(CREATE INDEX "lnschema_core_run_finished_at_88452f27" ON "lnschema_core_run" )sql"
    R"sql(("finished_at");)sql"
    R"sql(CREATE INDEX "lnschema_core_run_reference_d066e4b9" ON "lnschema_core_run" )sql"
    R"sql(("reference");)sql"
    R"sql(CREATE INDEX "lnschema_core_run_reference_type_ae6c9b98" ON "lnschema_core_run" )sql"
    R"sql(("reference_type");)sql"
    R"sql(CREATE INDEX "lnschema_core_run_created_at_5e480be3" ON "lnschema_core_run" )sql"
    R"sql(("created_at");)sql"
    R"sql(CREATE INDEX "lnschema_core_run_environment_id_3a21a1b6" ON "lnschema_core_run" )sql"
    R"sql(("environment_id");)sql"
    R"sql(CREATE INDEX "lnschema_core_run_report_id_2694daee" ON "lnschema_core_run" )sql"
    R"sql(("report_id");)sql"
    R"sql(CREATE INDEX "lnschema_core_run_transform_id_d087654e" ON "lnschema_core_run" )sql"
    R"sql(("transform_id");)sql"
    R"sql(CREATE INDEX "lnschema_core_run_created_by_id_f6dec9d3" ON "lnschema_core_run" )sql"
    R"sql(("created_by_id");)sql"
    R"sql(CREATE TABLE IF NOT EXISTS "lnschema_core_collectionartifact" ("created_at" )sql"
    R"sql(datetime NOT NULL, "id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, )sql"
    R"sql("artifact_id" integer NOT NULL REFERENCES "lnschema_core_artifact" ("id") )sql"
    R"sql(DEFERRABLE INITIALLY DEFERRED, "collection_id" integer NOT NULL REFERENCES )sql"
    R"sql("lnschema_core_collection" ("id") DEFERRABLE INITIALLY DEFERRED, "run_id" )sql"
    R"sql(bigint NULL REFERENCES "lnschema_core_run" ("id") DEFERRABLE INITIALLY )sql"
    R"sql(DEFERRED, "created_by_id" integer NOT NULL REFERENCES "lnschema_core_user" )sql"
    R"sql(("id") DEFERRABLE INITIALLY DEFERRED);)sql"
    R"sql(CREATE INDEX "lnschema_core_collectionartifact_created_at_cd7916c9" ON )sql"
    R"sql("lnschema_core_collectionartifact" ("created_at");)sql"
    R"sql(CREATE INDEX "lnschema_core_collectionartifact_artifact_id_e723ceca" ON )sql"
    R"sql("lnschema_core_collectionartifact" ("artifact_id");)sql"
    R"sql(CREATE INDEX "lnschema_core_collectionartifact_collection_id_8f8ece46" ON )sql"
    R"sql("lnschema_core_collectionartifact" ("collection_id");)sql"
    R"sql(CREATE INDEX "lnschema_core_collectionartifact_run_id_2ec44fcf" ON )sql"
    R"sql("lnschema_core_collectionartifact" ("run_id");)sql"
    R"sql(CREATE INDEX "lnschema_core_collectionartifact_created_by_id_8800737c" ON )sql"
    R"sql("lnschema_core_collectionartifact" ("created_by_id");)sql"
    R"sql(CREATE TABLE IF NOT EXISTS "lnschema_core_collection" ("version" varchar(10) )sql"
    R"sql(NULL, "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL, "id" )sql"
    R"sql(integer NOT NULL PRIMARY KEY AUTOINCREMENT, "uid" varchar(20) NOT NULL UNIQUE, )sql"
    R"sql("name" varchar(150) NOT NULL, "description" text NULL, "hash" varchar(86) NULL, )sql"
    R"sql("reference" varchar(255) NULL, "reference_type" varchar(25) NULL, "visibility" )sql"
    R"sql(smallint NOT NULL, "artifact_id" integer NULL UNIQUE REFERENCES )sql"
    R"sql("lnschema_core_artifact" ("id") DEFERRABLE INITIALLY DEFERRED, "run_id" bigint )sql"
    R"sql(NULL REFERENCES "lnschema_core_run" ("id") DEFERRABLE INITIALLY DEFERRED, )sql"
    R"sql("transform_id" integer NULL REFERENCES "lnschema_core_transform" ("id") )sql"
    R"sql(DEFERRABLE INITIALLY DEFERRED, "created_by_id" integer NOT NULL REFERENCES )sql"
    R"sql("lnschema_core_user" ("id") DEFERRABLE INITIALLY DEFERRED);)sql"
    R"sql(CREATE INDEX "lnschema_core_collection_version_5a98daf2" ON )sql"
    R"sql("lnschema_core_collection" ("version");)sql"
    R"sql(CREATE INDEX "lnschema_core_collection_created_at_4c5787bc" ON )sql"
    R"sql("lnschema_core_collection" ("created_at");)sql"
    R"sql(CREATE INDEX "lnschema_core_collection_updated_at_3466c6bb" ON )sql"
    R"sql("lnschema_core_collection" ("updated_at");)sql"
    R"sql(CREATE INDEX "lnschema_core_collection_name_9dadc464" ON )sql"
    R"sql("lnschema_core_collection" ("name");)sql"
    R"sql(CREATE INDEX "lnschema_core_collection_hash_86e9816e" ON )sql"
    R"sql("lnschema_core_collection" ("hash");)sql"
    R"sql(CREATE INDEX "lnschema_core_collection_reference_b02129f1" ON )sql"
    R"sql("lnschema_core_collection" ("reference");)sql"
    R"sql(CREATE INDEX "lnschema_core_collection_reference_type_bebfe559" ON )sql"
    R"sql("lnschema_core_collection" ("reference_type");)sql"
    R"sql(CREATE INDEX "lnschema_core_collection_visibility_1257781e" ON )sql"
    R"sql("lnschema_core_collection" ("visibility");)sql"
    R"sql(CREATE INDEX "lnschema_core_collection_run_id_35cbeb6d" ON )sql"
    R"sql("lnschema_core_collection" ("run_id");)sql"
    R"sql(CREATE INDEX "lnschema_core_collection_transform_id_5e4f7196" ON )sql"
    R"sql("lnschema_core_collection" ("transform_id");)sql"
    R"sql(CREATE INDEX "lnschema_core_collection_created_by_id_ee62bcde" ON )sql"
    R"sql("lnschema_core_collection" ("created_by_id");)sql"
    R"sql(CREATE TABLE IF NOT EXISTS "lnschema_core_artifact" ("version" varchar(10) )sql"
    R"sql(NULL, "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL, "id" )sql"
    R"sql(integer NOT NULL PRIMARY KEY AUTOINCREMENT, "uid" varchar(20) NOT NULL UNIQUE, )sql"
    R"sql("key" varchar(255) NULL, "suffix" varchar(30) NOT NULL, "accessor" varchar(64) )sql"
    R"sql(NULL, "description" varchar(255) NULL, "size" bigint NULL, "hash" varchar(86) )sql"
    R"sql(NULL, "hash_type" varchar(30) NULL, "n_objects" bigint NULL, "n_observations" )sql"
    R"sql(bigint NULL, "visibility" smallint NOT NULL, "key_is_virtual" bool NOT NULL, )sql"
    R"sql("run_id" bigint NULL REFERENCES "lnschema_core_run" ("id") DEFERRABLE INITIALLY )sql"
    R"sql(DEFERRED, "storage_id" integer NOT NULL REFERENCES "lnschema_core_storage" )sql"
    R"sql(("id") DEFERRABLE INITIALLY DEFERRED, "transform_id" integer NULL REFERENCES )sql"
    R"sql("lnschema_core_transform" ("id") DEFERRABLE INITIALLY DEFERRED, "created_by_id" )sql"
    R"sql(integer NOT NULL REFERENCES "lnschema_core_user" ("id") DEFERRABLE INITIALLY )sql"
    R"sql(DEFERRED);)sql"
    R"sql(CREATE INDEX "lnschema_core_artifact_version_601a6701" ON )sql"
    R"sql("lnschema_core_artifact" ("version");)sql"
    R"sql(CREATE INDEX "lnschema_core_artifact_created_at_9a542c07" ON )sql"
    R"sql("lnschema_core_artifact" ("created_at");)sql"
    R"sql(CREATE INDEX "lnschema_core_artifact_updated_at_6c767178" ON )sql"
    R"sql("lnschema_core_artifact" ("updated_at");)sql"
    R"sql(CREATE INDEX "lnschema_core_artifact_key_ddde90ff" ON "lnschema_core_artifact" )sql"
    R"sql(("key");)sql"
    R"sql(CREATE INDEX "lnschema_core_artifact_suffix_d919c19d" ON )sql"
    R"sql("lnschema_core_artifact" ("suffix");)sql"
    R"sql(CREATE INDEX "lnschema_core_artifact_accessor_11e1d280" ON )sql"
    R"sql("lnschema_core_artifact" ("accessor");)sql"
    R"sql(CREATE INDEX "lnschema_core_artifact_description_53bf504e" ON )sql"
    R"sql("lnschema_core_artifact" ("description");)sql"
    R"sql(CREATE INDEX "lnschema_core_artifact_size_24311f09" ON "lnschema_core_artifact" )sql"
    R"sql(("size");)sql"
    R"sql(CREATE INDEX "lnschema_core_artifact_hash_df4e1e10" ON "lnschema_core_artifact" )sql"
    R"sql(("hash");)sql"
    R"sql(CREATE INDEX "lnschema_core_artifact_hash_type_1e5a684b" ON )sql"
    R"sql("lnschema_core_artifact" ("hash_type");)sql"
    R"sql(CREATE INDEX "lnschema_core_artifact_n_objects_a4f487a0" ON )sql"
    R"sql("lnschema_core_artifact" ("n_objects");)sql"
    R"sql(CREATE INDEX "lnschema_core_artifact_n_observations_0ccb643f" ON )sql"
    R"sql("lnschema_core_artifact" ("n_observations");)sql"
    R"sql(CREATE INDEX "lnschema_core_artifact_visibility_9122f423" ON )sql"
    R"sql("lnschema_core_artifact" ("visibility");)sql"
    R"sql(CREATE INDEX "lnschema_core_artifact_run_id_526c0383" ON )sql"
    R"sql("lnschema_core_artifact" ("run_id");)sql"
    R"sql(CREATE INDEX "lnschema_core_artifact_storage_id_e22573cf" ON )sql"
    R"sql("lnschema_core_artifact" ("storage_id");)sql"
    R"sql(CREATE INDEX "lnschema_core_artifact_transform_id_92fe5bfa" ON )sql"
    R"sql("lnschema_core_artifact" ("transform_id");)sql"
    R"sql(CREATE INDEX "lnschema_core_artifact_created_by_id_aef34342" ON )sql"
    R"sql("lnschema_core_artifact" ("created_by_id");)sql"
    R"sql(CREATE UNIQUE INDEX )sql"
    R"sql("lnschema_core_collectionartifact_collection_id_artifact_id_9f78a864_uniq" ON )sql"
    R"sql("lnschema_core_collectionartifact" ("collection_id", "artifact_id");)sql";

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

Status CreateV07Tables(SqlDb& db) {
  return db.Exec(kV07Tables).Annotate("create LaminDB 0.73 tables in " + db.name());
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
