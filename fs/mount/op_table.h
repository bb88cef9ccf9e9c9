// The table of FUSE operations libfuse calls (fuse_lowlevel_ops): each entry counts the
// request and runs its handler (fs/ops.h) inside a guard that turns any C++ exception into
// an EIO reply, so nothing unwinds through libfuse's C frames. The session is the table's
// userdata.
#pragma once

#include <fuse_lowlevel.h>

namespace regfs {

fuse_lowlevel_ops MakeOpTable();

}  // namespace regfs
