// What LaminDB's own `init` creates for a new instance, as data regfs can write: every table,
// index, sequence, function, trigger and constraint, the rows init writes (migrations, the
// anonymous user, space, branches, storage), the storage marker file and LaminDB's settings
// file. The schema and seed rows are the files in core/registry/lamindb/ (derived from
// instances LaminDB itself made, see derive.sh there), embedded at build time.
//
// Nothing here opens a database: scripts run through SqlScriptExecutor, so the same code serves
// SQLite today and PostgreSQL once that backend exists.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace regfs {

// The one thing creating an instance asks of a database connection.
class SqlScriptExecutor {
 public:
  virtual ~SqlScriptExecutor() = default;
  // Runs the statements of `script` in order; none returns rows. Stops at the first failing
  // statement and returns the database's error for it.
  virtual Status Exec(std::string_view script) = 0;
};

// The LaminDB release whose instances regfs creates.
enum class LaminDbRelease {
  k0_73,  // LaminDB 0.73.0 (2024): lnschema_core_* tables, ROOT/<instance id>.lndb,
          // marker .lamindb/_is_initialized
  k2_9,   // LaminDB 2.9.1: lamindb_* tables, ROOT/.lamindb/lamin.db, marker
          // .lamindb/storage_uid.txt
};

enum class SqlBackend { kSqlite, kPostgres };

// "0.73" or "2.9" (what `regfs init --layout` takes); kInvalid otherwise.
Result<LaminDbRelease> ParseLaminDbRelease(std::string_view text);
std::string_view LaminDbReleaseName(LaminDbRelease release);

// The identifiers and per-instance values of one new instance.
struct LaminDbInstanceIds {
  std::string owner;         // handle of the owning user: "anonymous" (see InitInstance)
  std::string name;          // instance name
  std::string id_hex;        // instance id: uuid5(NAMESPACE_URL, owner/name), 32 lowercase hex
  std::string uid;           // instance uid: 12 base62 characters derived from id_hex
  std::string storage_uid;   // 12 random base62 characters
  std::string storage_root;  // absolute, canonical, no trailing '/'
  std::string now;           // UTC "YYYY-MM-DD HH:MM:SS.ffffff": times Django writes itself

  std::string slug() const { return owner + "/" + name; }
};

// lamindb-setup's instance id for `slug` ("owner/name"): the hex of uuid5(NAMESPACE_URL, slug).
std::string LaminDbInstanceId(std::string_view slug);
// lamindb-setup's instance uid for an instance id: the first 12 characters of the base62
// encoding (0-9A-Za-z, leading zero bytes as "0<count>") of md5(id_hex).
std::string LaminDbInstanceUid(std::string_view id_hex);

// kInvalid (with the reason) for a name LaminDB cannot use as one path component of its
// settings file name: empty, ".", "..", a '/', a control character, more than 200 bytes.
Status ValidateInstanceName(std::string_view name);
// What lamindb-setup names an instance when no name is given: the last component of its
// storage root, ASCII letters lowered. "" for the root directory.
std::string DefaultInstanceName(std::string_view storage_root);

// Ids for a new instance `owner/name` at `storage_root`: derived ids, a fresh storage uid,
// the current time.
LaminDbInstanceIds NewLaminDbInstanceIds(std::string owner, std::string name,
                                         std::string storage_root);

// The schema script of `release` on `backend`, as embedded. kUnsupported for a pair regfs
// has no data for (0.73 on PostgreSQL).
Result<std::string> LaminDbSchemaScript(LaminDbRelease release, SqlBackend backend);
// The seed rows of `release` on `backend` with the values of `ids` filled in as SQL literals.
// kInvalid when a value cannot be one (a NUL byte); kUnsupported as above.
Result<std::string> LaminDbSeedScript(LaminDbRelease release, SqlBackend backend,
                                      const LaminDbInstanceIds& ids);

// Creates the complete database of a new instance through `db`: schema, then seed rows, in
// one transaction (BEGIN ... COMMIT, ROLLBACK after a failure). `db` must be an empty
// database. Errors: those of the scripts above, and the database's (annotated with the step).
Status CreateLaminDbDatabase(SqlScriptExecutor& db, LaminDbRelease release, SqlBackend backend,
                             const LaminDbInstanceIds& ids);

// Where the instance's files go, relative to the storage root.
std::string LaminDbSqliteFile(LaminDbRelease release, const LaminDbInstanceIds& ids);
std::string LaminDbMarkerFile(LaminDbRelease release);
// The storage marker's content, byte for byte as lamindb-setup writes it: 0.73 the storage
// uid alone; 2.9 the storage uid, then "creation info:" and the instance slug, id and uid, one
// per line, without a final newline.
std::string LaminDbMarkerText(LaminDbRelease release, const LaminDbInstanceIds& ids);

// LaminDB's settings folder: $LAMIN_SETTINGS_DIR/.lamin when that is set, else $HOME/.lamin.
// kNotFound when neither variable is set.
Result<std::string> LaminDbSettingsDir();
// The instance settings file's name: [<LAMIN_ENV>--]instance--<owner>--<name>.env (the prefix
// only when LAMIN_ENV is set and not "prod"), as lamindb-setup names it.
std::string LaminDbSettingsFileName(const LaminDbInstanceIds& ids);
// Its content as the release writes it for a local SQLite instance at ids.storage_root (2.9.1:
// 14 lines, 0.73.0: the first 9). kInvalid for a root that the file cannot carry unchanged
// (python-dotenv, which LaminDB reads it with, would cut or expand it: a line break, " #",
// "${", a leading quote, surrounding blanks).
Result<std::string> LaminDbSettingsText(LaminDbRelease release, const LaminDbInstanceIds& ids);

}  // namespace regfs
