// Kept for the mount's sources, which include it: the key rules are in core/keys.h and the
// local store in core/storage/local_store.h.
#pragma once

#include "core/keys.h"
#include "core/storage/local_store.h"

namespace regfs {
// The store of a local instance under its old name.
using Storage = LocalStore;
}  // namespace regfs
