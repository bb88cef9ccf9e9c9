// The mount's configuration and its option table: what `regfs mount -o ...` accepts.
#pragma once

#include <string>
#include <vector>

#include "core/status.h"

namespace regfs {

struct MountConfig {
  std::string instance_root;  // absolute instance directory
  std::string mountpoint;
  bool foreground = false;       // -f: stay in the foreground, log to stderr
  bool debug = false;            // -o debug: libfuse request tracing
  bool notrash = false;          // -o notrash: unlink purges at once
  bool allow_other = false;      // -o allow_other (implies default_permissions)
  bool read_only = false;        // -o ro
  bool purge_real_keys = false;  // -o purge_real_keys
  bool sync = false;             // -o sync: each saved file reaches the disk before its row
  // -o nopassthrough: reads of stored files reach the daemon even where the kernel could
  // serve them itself (FUSE passthrough, fs/passthrough.h).
  bool nopassthrough = false;
  int max_threads = 8;                    // -o max_threads=N
  std::vector<std::string> fuse_options;  // anything else, passed through to libfuse
};

// Parses "-o a,b=c" option text into `cfg`: regfs's own options set their field, anything
// else is kept for libfuse (which refuses what it does not know when mounting). kInvalid
// for a bad value of a regfs option.
Status ParseMountOptions(const std::string& text, MountConfig* cfg);

}  // namespace regfs
