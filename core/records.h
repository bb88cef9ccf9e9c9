// Record types shared by the registry, storage and the adapters. Field names follow the
// LaminDB 0.7x columns; the >= 1.0 columns are mapped onto them by core/schema.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace regfs {

// The state column: `visibility` (0.7x) or `branch_id` / `_branch_code` (>= 1.0).
enum State : int { kStateTrash = -1, kStateHidden = 0, kStateVisible = 1 };

// Which records a listing includes.
enum class StateFilter { kVisible, kTrash, kAll };

struct Artifact {
  int64_t id = 0;
  std::string uid;                          // 20 chars: 16 stem + 4 version
  std::optional<std::string> key;           // NULL for key-less artifacts
  std::string suffix;                       // ".parquet", "" ...
  std::optional<std::string> description;
  std::optional<std::string> accessor;      // 0.7x accessor / >= 1.0 otype
  std::optional<int64_t> size;
  std::optional<std::string> hash;
  std::optional<std::string> hash_type;
  std::optional<int64_t> n_objects;         // 0.7x n_objects / >= 1.0 n_files
  std::optional<int64_t> n_observations;
  int state = kStateVisible;
  bool key_is_virtual = true;
  std::optional<std::string> real_key;      // >= 1.0 `_real_key`; overrides the path
  std::optional<std::string> version;       // 0.7x version / >= 1.0 version_tag
  bool is_latest = true;                    // stored where the column exists, else derived
  bool is_folder = false;                   // n_objects set (0.7x) / _overwrite_versions (>= 1.0)
  int64_t storage_id = 0;
  std::optional<int64_t> transform_id;
  std::optional<int64_t> run_id;
  int64_t created_by_id = 0;
  std::string created_at;                   // UTC "YYYY-MM-DD HH:MM:SS.ffffff"
  std::string updated_at;

  std::string stem() const { return uid.substr(0, 16); }
};

struct Collection {
  int64_t id = 0;
  std::string uid;
  std::string name;                         // 0.7x name / >= 1.0 key
  std::optional<std::string> description;
  std::optional<std::string> version;
  std::optional<std::string> hash;
  int state = kStateVisible;
  std::optional<int64_t> meta_artifact_id;  // 0.7x artifact_id / >= 1.0 meta_artifact_id
  std::string created_at;
  std::string updated_at;
};

}  // namespace regfs
