// The LaminDB instance data files (core/registry/lamindb/*.sql), embedded into the binary at
// build time by core/registry/lamindb/embed.cmake.
#pragma once

#include <optional>
#include <string_view>

namespace regfs {

// The bytes of core/registry/lamindb/<name> (e.g. "sqlite_2_9_schema.sql") as they were when
// regfs was built; nullopt for a name that is not one of those files. The view lives as long
// as the program.
std::optional<std::string_view> LaminDbSqlFile(std::string_view name);

}  // namespace regfs
