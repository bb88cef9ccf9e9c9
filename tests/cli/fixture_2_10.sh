#!/usr/bin/env bash
# The fixture_2_6.sh life cycle on the newest LaminDB schema (2.10, from its migrations).
set -euo pipefail
REGFS_FIXTURE_VERSION=2.10 exec bash "$(dirname "${BASH_SOURCE[0]}")/fixture_2_6.sh"
