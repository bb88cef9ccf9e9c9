// Kept for the mount's sources, which include it: the instance is core/registry/instance.h.
#pragma once

#include "core/registry/instance.h"
