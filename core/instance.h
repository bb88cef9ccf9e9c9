// Finding, creating and opening an instance (SPEC.md sections 1 and 5).
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "core/schema.h"
#include "core/sql/sql_db.h"
#include "core/status.h"
#include "core/storage.h"

namespace regfs {

// Immutable facts about an open instance, shared by every connection and thread.
struct InstanceInfo {
  std::string root;     // absolute, canonical
  std::string db_path;  // ROOT/.lamindb/lamin.db or ROOT/<uuid-hex>.lndb
  Schema schema;
  int64_t storage_id = 0;  // the storage row whose root is this instance
  std::string storage_uid;
  int64_t user_id = 0;  // created_by_id for new rows: the user whose handle is the login
                        // name, else the lowest user id
  std::unique_ptr<Storage> storage;
  // True when opened read-only: asked for, or because the database file or its directory is
  // not writable. Registry::Open then opens read-only too.
  bool read_only = false;
  // A writable connection held, unused, while the instance is open (null when read-only).
  std::unique_ptr<SqlDb> anchor;
};

// -C ROOT, else $REGFS_INSTANCE, else the nearest ancestor of the working directory that
// holds `.lamindb/`. kNotFound with a helpful message when none.
Result<std::string> FindInstanceRoot(const std::optional<std::string>& flag_root);

// The database file of an instance: ROOT/.lamindb/lamin.db, else the single ROOT/*.lndb.
// kNotFound when neither, kInvalid when several .lndb files exist.
Result<std::string> FindDatabase(const std::string& root);

// `regfs init ROOT`: creates ROOT (and parents), ROOT/<uuid-hex>.lndb with the 0.7x tables,
// a storage row (root = absolute ROOT, type local), a user row (handle = login name) and
// ROOT/.lamindb/_is_initialized. kExists when ROOT already holds an instance.
Status InitInstance(const std::string& root);

// Opens the instance at `root`: finds the database, detects the schema, finds the storage
// and user rows. When writable, ensures regfs's own tables exist.
Result<std::shared_ptr<const InstanceInfo>> OpenInstance(const std::string& root, bool read_only);

}  // namespace regfs
