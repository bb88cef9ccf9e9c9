// Finding, creating and opening an instance (SPEC.md sections 1 and 5): the composition
// root, which picks the database (core/sql/open.h, from where LaminDB keeps it) and the store
// of content (core/storage/, from the storage row's root).
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "core/registry/lamindb_instance.h"
#include "core/registry/schema.h"
#include "core/sql/sql_db.h"
#include "core/status.h"
#include "core/storage/blob_store.h"
#include "core/storage/local_store.h"

namespace regfs {

// Immutable facts about an open instance, shared by every connection and thread.
struct InstanceInfo {
  std::string root;  // absolute, canonical
  // Where the registry is: ROOT/.lamindb/lamin.db or ROOT/<uuid-hex>.lndb (OpenSqlDb).
  std::string db_path;
  Schema schema;
  int64_t storage_id = 0;  // the storage row whose root is this instance
  std::string storage_uid;
  int64_t user_id = 0;  // created_by_id for new rows: the user whose handle is the login
                        // name, else the lowest user id
  // Where content lives (the storage row's root).
  std::unique_ptr<BlobStore> store;
  // The same store when it is a local directory, for the path-based calls the mount's
  // operations make today; null for an object store.
  LocalStore* storage = nullptr;
  // True when opened read-only: asked for, or because the database file or its directory is
  // not writable. Registry::Open then opens read-only too.
  bool read_only = false;
  // A writable connection held, unused, while the instance is open (null when read-only):
  // the registry file goes back to the journal mode it was found in when the last
  // connection of this process closes (core/sql/sqlite_db.h), and this one keeps the
  // registries of one instance from switching it back and forth.
  std::unique_ptr<SqlDb> anchor;
};

// -C ROOT, else $REGFS_INSTANCE, else the nearest ancestor of the working directory that
// holds `.lamindb/`. kNotFound with a helpful message when none.
Result<std::string> FindInstanceRoot(const std::optional<std::string>& flag_root);

// The database file of an instance: ROOT/.lamindb/lamin.db, else the single ROOT/*.lndb.
// kNotFound when neither, kInvalid when several .lndb files exist.
Result<std::string> FindDatabase(const std::string& root);

// What `regfs init` creates.
struct InitOptions {
  // Which LaminDB's instance to create (core/registry/lamindb_instance.h).
  LaminDbRelease layout = LaminDbRelease::k2_9;
  // The instance name; empty: lamindb-setup's default, the root directory's base name with
  // ASCII letters lowered. The owner is always LaminDB's anonymous user.
  std::string name;
  // Also write LaminDB's settings file for the instance (LaminDbSettingsDir()/
  // instance--anonymous--NAME.env), through which LaminDB connects to a local instance.
  bool write_lamin_settings = false;
};

// What `regfs init` created, for its report.
struct InitReport {
  std::string root;           // canonical
  std::string slug;           // owner/name
  std::string db_path;        // the SQLite database
  std::string marker_path;    // the storage marker
  std::string settings_path;  // LaminDB's settings file; empty when not written
};

// `regfs init ROOT`: creates ROOT (and parents) and in it the complete instance LaminDB's own
// init creates for a local SQLite instance of `options.layout`: the database with every
// table, index and seed row (core/registry/lamindb/), in rollback-journal mode as LaminDB
// leaves it, then the storage marker (written last among the instance's files: its presence
// means a complete instance), then, when asked for, LaminDB's settings file. Nothing is left
// behind when a step fails.
// Errors: kExists when ROOT already holds a LaminDB database or storage marker, or the
// settings file exists; kInvalid for a bad name (or a root the settings file cannot hold);
// errno-based codes for the filesystem; the database's codes.
Status InitInstance(const std::string& root, const InitOptions& options = {},
                    InitReport* report = nullptr);

// Opens the instance at `root`: finds the database, detects the schema, finds the storage
// row (its root, else the uid in a storage marker file) and the user row. When writable,
// ensures regfs's own tables exist.
Result<std::shared_ptr<const InstanceInfo>> OpenInstance(const std::string& root, bool read_only);

}  // namespace regfs
