// Opening the database of an instance from where LaminDB says it is: a file path (SQLite) or a
// `postgresql://` URL. The one place that picks an SqlDb implementation.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/sql/sql_db.h"
#include "core/status.h"

namespace regfs {

struct SqlOpenOptions {
  bool read_only = false;
  bool create = false;  // SQLite: create the file when missing (init only); PostgreSQL: the
                        // database must exist
  // SQLite: a writable connection that leaves the journal mode as the file has it (init,
  // which writes LaminDB's database in LaminDB's own rollback-journal mode).
  bool keep_journal_mode = false;
};

// True for a PostgreSQL connection URL (`postgresql://` or `postgres://`).
bool IsPostgresUrl(std::string_view location);

// Opens `location`: a PostgreSQL URL with PostgresDb (kIO when the server cannot be reached or
// refuses, kUnsupported for a server older than 13), anything else as a SQLite file with
// SqliteDb (kCorrupt for a file that is no database, kReadOnly when writing was asked for and
// refused, ...). Messages name a URL without its password.
Result<std::unique_ptr<SqlDb>> OpenSqlDb(const std::string& location, const SqlOpenOptions& opts);

}  // namespace regfs
