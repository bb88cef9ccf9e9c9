// Status -> errno: the one place where core errors become what a syscall returns.
#pragma once

#include "core/status.h"

namespace regfs {

// Positive errno for a non-OK status (0 for OK).
int ToErrno(const Status& s);

}  // namespace regfs
