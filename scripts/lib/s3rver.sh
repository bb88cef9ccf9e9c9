# shellcheck shell=bash
# The S3 protocol server of the S3 tests: s3rver (the maintained fork published as
# @20minutes/s3rver, pinned with its whole dependency tree in scripts/lib/s3rver/; unlike
# s3rver 3.x it checks SigV4 signatures, so a wrong secret is refused as AWS refuses it).
# Sourced by scripts/test.sh.
#
#   regfs_s3rver_install            installs Node.js (Debian's nodejs + npm, only when `node`
#                                   is missing) and the pinned server into a cache directory
#                                   (never globally); prints that directory
#   regfs_s3rver_start WORKDIR      starts it on 127.0.0.1, on a port the kernel picks, with
#                                   its own data directory and a fresh random key pair and
#                                   bucket, and waits until it answers; sets the variables
#                                   below
#   regfs_s3rver_stop               stops the server it started (by its PID)
#   regfs_s3rver_request_counts LOG [FROM_LINE]
#                                   requests per HTTP method in the request log, from line
#                                   FROM_LINE on (`wc -l < LOG` + 1 before a workload counts
#                                   just that workload), and their total
#
# After a successful start:
#   REGFS_S3RVER_PID        the server's PID
#   REGFS_TEST_S3_ENDPOINT  http://127.0.0.1:PORT
#   REGFS_TEST_S3_BUCKET    the bucket that exists
#   REGFS_TEST_S3_LOG       one line per request: time, method, path?query, status, bytes in, out
#   REGFS_TEST_S3_ACCESS_KEY_ID, REGFS_TEST_S3_SECRET_ACCESS_KEY   the only valid key pair
#
# Functions return non-zero with a message on stderr when something cannot be done; the caller
# decides whether that fails the run (CI) or skips the S3 tests.

REGFS_S3RVER_VERSION=4.0.4
REGFS_S3RVER_NODE_MAJOR=20 # the fork's engines field

# Where the pinned server is installed: a cache shared by every build when we may write to
# /var/cache (root, as on CI), else inside the checkout's build tree.
regfs_s3rver_cache_dir() {
  local repo
  repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
  if [ -n "${REGFS_S3RVER_CACHE:-}" ]; then
    echo "$REGFS_S3RVER_CACHE"
  elif [ -w /var/cache ] || { [ -d /var/cache/regfs ] && [ -w /var/cache/regfs ]; }; then
    echo "/var/cache/regfs/s3rver-$REGFS_S3RVER_VERSION"
  else
    echo "$repo/build/s3rver-$REGFS_S3RVER_VERSION"
  fi
}

regfs_s3rver_install() {
  local here cache stage major
  here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/s3rver
  if ! command -v node >/dev/null 2>&1; then
    if [ "$(id -u)" -ne 0 ]; then
      echo "regfs: s3rver needs Node.js: sudo apt-get install ${REGFS_NODE_PACKAGES[*]}" >&2
      return 1
    fi
    echo "regfs: installing ${REGFS_NODE_PACKAGES[*]} for the S3 test server" >&2
    apt-get update >&2 &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y "${REGFS_NODE_PACKAGES[@]}" >&2 ||
      return 1
  fi
  major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
  if [ "$major" -lt "$REGFS_S3RVER_NODE_MAJOR" ]; then
    echo "regfs: s3rver $REGFS_S3RVER_VERSION needs Node.js >= $REGFS_S3RVER_NODE_MAJOR" \
      "(this node is $(node --version))" >&2
    return 1
  fi
  if ! command -v npm >/dev/null 2>&1; then
    echo "regfs: npm is missing (Debian's package: npm)" >&2
    return 1
  fi
  cache=$(regfs_s3rver_cache_dir)
  # Installed and unchanged since: the lock file in the cache equals ours.
  if [ -f "$cache/node_modules/@20minutes/s3rver/package.json" ] &&
    cmp -s "$here/package-lock.json" "$cache/package-lock.json"; then
    echo "$cache"
    return 0
  fi
  mkdir -p "$(dirname "$cache")" || return 1
  stage=$(mktemp -d "$(dirname "$cache")/.s3rver-install.XXXXXX") || return 1
  cp "$here/package.json" "$here/package-lock.json" "$stage/"
  echo "regfs: installing s3rver $REGFS_S3RVER_VERSION into $cache" >&2
  if ! (cd "$stage" && npm ci --omit=dev --no-audit --no-fund --loglevel=error >&2); then
    echo "regfs: npm could not install s3rver $REGFS_S3RVER_VERSION" >&2
    rm -rf "$stage"
    return 1
  fi
  # Replace any older install in one step, so a concurrent run never sees half of one.
  rm -rf "$cache.old"
  [ -e "$cache" ] && mv "$cache" "$cache.old"
  mv "$stage" "$cache" && rm -rf "$cache.old"
  echo "$cache"
}

# Prints N random characters from [A-Za-z0-9].
regfs_random_alnum() {
  local out=""
  while [ "${#out}" -lt "$1" ]; do
    out+=$(head -c 256 /dev/urandom | tr -dc 'A-Za-z0-9')
  done
  echo "${out:0:$1}"
}

regfs_s3rver_start() {
  local work=$1 cache here deadline
  here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/s3rver
  cache=$(regfs_s3rver_install) || return 1
  mkdir -p "$work/data" || return 1
  rm -f "$work/ready"
  : >"$work/requests.log"
  REGFS_TEST_S3_ACCESS_KEY_ID="REGFSTEST$(regfs_random_alnum 11)"
  REGFS_TEST_S3_SECRET_ACCESS_KEY=$(regfs_random_alnum 40)
  REGFS_TEST_S3_BUCKET=regfs-test
  REGFS_TEST_S3_LOG=$work/requests.log
  # NODE_PATH lets the launcher, which stays in the checkout, find the cached modules.
  # --openssl-legacy-provider: s3rver makes ListObjectsV2 continuation tokens with DES,
  # which Node's OpenSSL 3 offers only from its legacy provider (without it every listing
  # that has a next page is an InternalError).
  S3RVER_ACCESS_KEY_ID=$REGFS_TEST_S3_ACCESS_KEY_ID \
    S3RVER_SECRET_ACCESS_KEY=$REGFS_TEST_S3_SECRET_ACCESS_KEY \
    S3RVER_BUCKETS=$REGFS_TEST_S3_BUCKET \
    NODE_PATH=$cache/node_modules \
    node --openssl-legacy-provider "$here/run.js" "$work/data" "$work/ready" "$REGFS_TEST_S3_LOG" \
    >"$work/server.out" 2>&1 </dev/null &
  REGFS_S3RVER_PID=$!
  # Ready when it wrote its address and that address answers HTTP (any status: an
  # unsigned GET / is answered with an error document, which is an answer).
  deadline=$((SECONDS + 30))
  while :; do
    if ! kill -0 "$REGFS_S3RVER_PID" 2>/dev/null; then
      echo "regfs: s3rver exited during start; its output ($work/server.out):" >&2
      sed 's/^/  /' "$work/server.out" >&2
      REGFS_S3RVER_PID=
      return 1
    fi
    if [ -s "$work/ready" ]; then
      REGFS_TEST_S3_ENDPOINT=$(head -n1 "$work/ready")
      if curl -s -o /dev/null --max-time 2 "$REGFS_TEST_S3_ENDPOINT/"; then
        break
      fi
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      echo "regfs: s3rver did not answer within 30 s; its output ($work/server.out):" >&2
      sed 's/^/  /' "$work/server.out" >&2
      regfs_s3rver_stop
      return 1
    fi
    # Polls a file the server writes, not a guess at how long it takes.
    sleep 0.1
  done
  export REGFS_TEST_S3_ENDPOINT REGFS_TEST_S3_BUCKET REGFS_TEST_S3_LOG \
    REGFS_TEST_S3_ACCESS_KEY_ID REGFS_TEST_S3_SECRET_ACCESS_KEY
}

regfs_s3rver_stop() {
  local pid=${REGFS_S3RVER_PID:-} i
  [ -n "$pid" ] || return 0
  REGFS_S3RVER_PID=
  kill -TERM "$pid" 2>/dev/null || return 0
  for ((i = 0; i < 50; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

regfs_s3rver_request_counts() {
  local log=$1 from=${2:-1}
  tail -n +"$from" "$log" | awk '{ n[$2]++; total++ } END { for (m in n) print m, n[m]; print "total", total + 0 }' | sort
}
