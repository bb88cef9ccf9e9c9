# shellcheck shell=bash
# The Debian packages regfs needs to build, test and run, and how to install the missing ones.
# Sourced by scripts/start.sh and scripts/test.sh.

REGFS_PACKAGES=(
  libfuse3-dev fuse3 libsqlite3-dev sqlite3 libssl-dev libgtest-dev libpq-dev libcurl4-openssl-dev
  cmake g++ pkg-config attr rsync libglib2.0-bin openssl util-linux clang python3 curl
)
# The PostgreSQL server (its client programs come with it), for the tests' throwaway server:
# scripts/lib/pg.sh installs it when scripts/test.sh needs it.
# shellcheck disable=SC2034  # used by scripts/lib/pg.sh
REGFS_PG_PACKAGES=(postgresql)

# Prints the packages of the arguments (default: REGFS_PACKAGES) that are not installed, one
# per line.
regfs_missing_packages() {
  local pkg status
  [ "$#" -gt 0 ] || set -- "${REGFS_PACKAGES[@]}"
  for pkg in "$@"; do
    status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
    case $status in
      *"install ok installed"*) ;;
      *) echo "$pkg" ;;
    esac
  done
}

# Installs the missing packages of the arguments (default: REGFS_PACKAGES) when running as root;
# otherwise says what to install and returns 1. On systems without dpkg it only warns: the
# build will tell what is missing.
regfs_install_deps() {
  [ "$#" -gt 0 ] || set -- "${REGFS_PACKAGES[@]}"
  if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "regfs: no dpkg-query here; make sure these are installed: $*" >&2
    return 0
  fi
  local missing=()
  mapfile -t missing < <(regfs_missing_packages "$@")
  if [ "${#missing[@]}" -eq 0 ]; then
    return 0
  fi
  if [ "$(id -u)" -ne 0 ]; then
    echo "regfs: missing packages: ${missing[*]}" >&2
    echo "regfs: install them with: sudo apt-get install ${missing[*]}" >&2
    return 1
  fi
  echo "regfs: installing ${missing[*]}"
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
}

# Node.js for the S3 test server (scripts/lib/s3rver.sh), installed only where `node` is
# missing: a machine may already have a Node.js (>= 20) from elsewhere, whose own npm
# conflicts with Debian's npm package.
# shellcheck disable=SC2034 # used by scripts/lib/s3rver.sh
REGFS_NODE_PACKAGES=(nodejs npm)
