// `regfs mount` / `regfs umount`: the entry points the CLI calls.
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

// Parses "-o a,b=c" option text into `cfg`. kInvalid for an unknown regfs option value.
Status ParseMountOptions(const std::string& text, MountConfig* cfg);

// Mounts and serves until unmounted. Without `foreground`, returns in the parent only once
// the mount is live (the child serves); returns a process exit code.
int RunMount(const MountConfig& cfg);

// Unmounts (fusermount3 -u, or umount2 when root). Returns a process exit code.
int RunUmount(const std::string& mountpoint);

}  // namespace regfs
