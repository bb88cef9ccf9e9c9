// Kept for the mount's sources, which include it: the registry is core/registry/registry.h.
#pragma once

#include "core/registry/registry.h"
