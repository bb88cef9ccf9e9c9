// LaminDB's hash of an object it registers from S3 without reading it.
//
// lamindb_setup (core/upath.py, get_stat_file_cloud) takes the object's ETag:
//   plain ETag "<32 hex>"       -> hash = b64(bytes of the hex)[:22],  hash_type "md5"
//   multipart ETag "<hex>-<N>"  -> hash = b64(bytes of the hex)[:22],  hash_type "md5-<N>"
// where b64 is URL-safe base64 without '=' (lamindb_setup's b16_to_b64: the quotes around
// the ETag are stripped and the hex is read case-insensitively). A multipart ETag is the md5
// of the parts' md5s, not of the content, so such a hash can only be compared with another
// ETag of the same part layout; that is why its type names the part count. (Older
// lamindb_setup releases, 0.72 among them, wrote "<b64>-<N>" with type "md5-n"; today's rule
// is the one here, as SPEC.md section 2 says.)
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace regfs::s3 {

struct EtagHash {
  std::string hash;       // 22 characters
  std::string hash_type;  // "md5" or "md5-<N>"
};

// Errors: kInvalid for an ETag that is not (quoted) hex, optionally followed by "-<digits>",
// which LaminDB cannot turn into a hash either (its b16decode raises).
Result<EtagHash> HashFromEtag(std::string_view etag);

}  // namespace regfs::s3
