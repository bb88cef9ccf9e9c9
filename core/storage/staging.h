// Staging content for a save: the one copy that streams bytes into a staging file while
// hashing them with LaminDB's hash (core/hash.h). `regfs add` stages files with it; the
// mount's writes copy an existing record's content for a new version with it.
#pragma once

#include <cstdint>
#include <string>

#include "core/hash.h"
#include "core/status.h"
#include "core/storage/blob_store.h"

namespace regfs {

// Content written into a staging file and hashed, ready for Registry::Save.
struct StagedContent {
  std::string path;  // inside the staging directory; moved into place or removed by Save
  HashResult hash;
};

// Reads `src` from offset 0 to its end and writes the bytes to `dst_fd` from offset 0,
// feeding `hasher` as they pass. Returns how many bytes were copied. `dst_what` names the
// destination in errors. Uses a per-thread 1 MiB buffer.
Result<uint64_t> CopyHashing(ReadHandle& src, int dst_fd, const std::string& dst_what,
                             StreamHasher* hasher);

// A new staging file of `store` holding the content of the local file `src_path`, and its
// hash. On failure nothing is left in the staging directory.
Result<StagedContent> StageFile(const BlobStore& store, const std::string& src_path);

}  // namespace regfs
