// `regfs mount` / `regfs umount`: the entry points the CLI calls (fs/mount/daemon.cc).
#pragma once

#include <string>

#include "fs/options.h"

namespace regfs {

// Mounts and serves until unmounted. Without `foreground`, returns in the parent only once
// the mount is live (the child serves); returns a process exit code.
int RunMount(const MountConfig& cfg);

// Unmounts (fusermount3 -u, or umount2 when root). Returns a process exit code.
int RunUmount(const std::string& mountpoint);

}  // namespace regfs
