// Detects which LaminDB layout a database has, from table and column names (never from
// column order), and names its tables and columns for the registry's SQL.
#pragma once

#include <string>
#include <vector>

#include "core/sql/sql_db.h"
#include "core/status.h"

namespace regfs {

enum class Layout {
  kV07,  // LaminDB 0.7x: lnschema_core_* tables, `visibility`, `key_is_virtual`
  kV1,   // LaminDB >= 1.0: lamindb_* tables, `branch_id`/`_branch_code`, `is_latest`
};

struct Schema {
  Layout layout = Layout::kV07;
  // Table names.
  std::string artifact, collection, collection_artifact, storage, user;
  // Artifact columns.
  std::string state_col;        // visibility | branch_id | _branch_code
  std::string key_virtual_col;  // key_is_virtual | _key_is_virtual
  std::string real_key_col;     // "" | _real_key
  std::string n_objects_col;    // n_objects | n_files
  std::string folder_flag_col;  // "" | _overwrite_versions
  std::string version_col;      // version | version_tag
  std::string hash_type_col;    // hash_type | _hash_type
  std::string accessor_col;     // accessor | otype ("" when neither exists)
  std::string transform_col;    // transform_id | "" (>= 1.0 has none on artifact)
  bool artifact_has_is_latest = false;
  // Collection columns.
  std::string collection_name_col;   // name | key
  std::string collection_state_col;  // same state column as the artifact table
  std::string collection_version_col;
  std::string collection_meta_col;  // artifact_id | meta_artifact_id
  bool collection_has_is_latest = false;

  std::vector<std::string> artifact_columns;
  std::vector<std::string> collection_columns;

  // A column of another table holding a foreign key to the artifact (or collection) table.
  using Ref = ForeignKeyRef;
  // Link tables whose rows die with the artifact (NOT NULL foreign keys) and nullable
  // references that make an artifact protected while set. Excludes the collection link
  // table and the collection meta column, which are protection rules of their own.
  std::vector<Ref> artifact_refs;
  std::vector<Ref> collection_refs;

  bool HasArtifactColumn(const std::string& name) const;
  bool HasCollectionColumn(const std::string& name) const;
};

// Reads the database catalog. Returns kUnsupported, with what was found,
// for a database that is neither layout (including a newer layout with a state column this
// build does not know), and kCorrupt for a file that is not a database.
Result<Schema> DetectSchema(SqlDb& db);

// Creates regfs's own bookkeeping (regfs_pending, index on key) when missing. Idempotent.
// Only `regfs_`-prefixed objects are created.
Status EnsureRegfsObjects(SqlDb& db, const Schema& schema);

}  // namespace regfs
