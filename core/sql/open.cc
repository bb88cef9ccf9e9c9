#include "core/sql/open.h"

#include "core/sql/postgres_db.h"
#include "core/sql/sqlite_db.h"

namespace regfs {

bool IsPostgresUrl(std::string_view location) {
  return location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0;
}

Result<std::unique_ptr<SqlDb>> OpenSqlDb(const std::string& location, const SqlOpenOptions& opts) {
  if (IsPostgresUrl(location)) {
    auto db = PostgresDb::Open(location, {.read_only = opts.read_only});
    if (!db.ok()) return db.status();
    return std::unique_ptr<SqlDb>(std::move(*db));
  }
  auto db = SqliteDb::Open(location, {.read_only = opts.read_only,
                                      .create = opts.create,
                                      .keep_journal_mode = opts.keep_journal_mode});
  if (!db.ok()) return db.status();
  return std::unique_ptr<SqlDb>(std::move(*db));
}

}  // namespace regfs
