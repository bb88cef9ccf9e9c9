#!/usr/bin/env bash
# Builds regfs and runs every test (unit, CLI, mount) with ctest.
#
#   scripts/test.sh                 RelWithDebInfo build in build/, warnings as errors
#   scripts/test.sh --sanitize      AddressSanitizer + UndefinedBehaviorSanitizer, in build-asan/
#   scripts/test.sh --thread-safety clang with -Wthread-safety as errors, in build-tsa/
#                                   (the lock annotations of core/sync.h checked; then the
#                                   unit and CLI tests of that build)
#   scripts/test.sh --tsan          ThreadSanitizer, in build-tsan/
#   scripts/test.sh --release       a user's plain `cmake -DCMAKE_BUILD_TYPE=Release` build
#                                   (no -Werror), in build-release/; unit and CLI tests
#   scripts/test.sh --quick         skip the mount and fuzz tests
#
# Exits with ctest's status. Mount tests need /dev/fuse: without it they are skipped, or
# fail when CI=true.
set -euo pipefail

usage() {
  echo "usage: scripts/test.sh [--sanitize | --thread-safety | --tsan | --release] [--quick]"
}

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=lib/deps.sh
source "$repo/scripts/lib/deps.sh"
# shellcheck source=lib/s3rver.sh
source "$repo/scripts/lib/s3rver.sh"

mode=normal
quick=0
for arg in "$@"; do
  case $arg in
    --sanitize) mode=asan ;;
    --tsan) mode=tsan ;;
    --thread-safety) mode=tsa ;;
    --release) mode=plain-release ;;
    --quick) quick=1 ;;
    -h | --help) usage; exit 0 ;;
    *) echo "scripts/test.sh: unknown option $arg" >&2; usage >&2; exit 2 ;;
  esac
done

regfs_install_deps || exit 1

build_dir=$repo/build
dev=(-DREGFS_WERROR=ON -DREGFS_SANITIZE=OFF -DREGFS_TSAN=OFF -DREGFS_THREAD_SAFETY=OFF)
cmake_args=(-DCMAKE_BUILD_TYPE=RelWithDebInfo "${dev[@]}")
case $mode in
  asan)
    build_dir=$repo/build-asan
    cmake_args=(-DCMAKE_BUILD_TYPE=RelWithDebInfo "${dev[@]}" -DREGFS_SANITIZE=ON)
    export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
    export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
    ;;
  tsan)
    build_dir=$repo/build-tsan
    cmake_args=(-DCMAKE_BUILD_TYPE=RelWithDebInfo "${dev[@]}" -DREGFS_TSAN=ON)
    export TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1
    ;;
  tsa)
    build_dir=$repo/build-tsa
    cmake_args=(-DCMAKE_BUILD_TYPE=RelWithDebInfo "${dev[@]}" -DREGFS_THREAD_SAFETY=ON
      -DCMAKE_CXX_COMPILER=clang++)
    quick=1
    ;;
  plain-release)
    # Exactly what a user types: no regfs options at all.
    build_dir=$repo/build-plain-release
    cmake_args=(-DCMAKE_BUILD_TYPE=Release)
    quick=1
    ;;
esac

start=$(date +%s)
echo "=== configure ($mode) in $build_dir"
cmake -S "$repo" -B "$build_dir" "${cmake_args[@]}"
echo "=== build"
cmake --build "$build_dir" -j2

if [ ! -c /dev/fuse ]; then
  echo "=== NOTE: /dev/fuse is missing: the mount tests cannot run here" \
    "(they are skipped, or fail when CI=true)"
fi

# The S3 test server for this run (scripts/lib/s3rver.sh): s3rver on 127.0.0.1 with a fresh
# key pair and bucket. The tests find it through REGFS_TEST_S3_ENDPOINT/_BUCKET/_LOG and the
# AWS_* variables set here for the tests only (never a developer's own AWS profile or keys).
# Its request log stays in $build_dir/s3rver/requests.log after the run; its data is removed.
# Without a server the S3 tests skip, or the run fails when CI=true.
s3_work=$build_dir/s3rver
# shellcheck disable=SC2317 # run by the trap
s3_cleanup() {
  regfs_s3rver_stop
  rm -rf "$s3_work/data"
}
trap s3_cleanup EXIT
rm -rf "$s3_work"
if regfs_s3rver_start "$s3_work"; then
  echo "=== S3 test server: s3rver $REGFS_S3RVER_VERSION at $REGFS_TEST_S3_ENDPOINT (PID $REGFS_S3RVER_PID), request log $REGFS_TEST_S3_LOG"
  unset AWS_PROFILE AWS_DEFAULT_PROFILE AWS_SESSION_TOKEN AWS_SECURITY_TOKEN AWS_REGION \
    AWS_DEFAULT_REGION AWS_ENDPOINT_URL AWS_ENDPOINT_URL_S3 AWS_CA_BUNDLE
  export AWS_ACCESS_KEY_ID=$REGFS_TEST_S3_ACCESS_KEY_ID
  export AWS_SECRET_ACCESS_KEY=$REGFS_TEST_S3_SECRET_ACCESS_KEY
  export AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null
elif [ "${CI:-}" = true ]; then
  echo "=== FAIL: the S3 test server did not start (CI=true)" >&2
  exit 1
else
  echo "=== NOTE: no S3 test server could be started: the S3 tests are skipped"
fi

# PostgreSQL: a throwaway server for this run, stopped when this script exits; the tests find
# it through REGFS_TEST_PG_URL (scripts/lib/pg.sh). Without one they skip; under CI=true a
# server that does not start fails the run.
# shellcheck source=lib/pg.sh
source "$repo/scripts/lib/pg.sh"
regfs_pg_test_server || exit 1

ctest_args=(--output-on-failure -j2 --no-tests=error)
# The fuzz test builds its own AddressSanitizer target; the sanitizer run need not repeat it.
if [ "$mode" = asan ] && [ "$quick" -eq 0 ]; then
  ctest_args+=(-LE fuzz)
fi
if [ "$quick" -eq 1 ]; then
  ctest_args+=(-LE "mount|fuzz")
fi
echo "=== test"
rc=0
(cd "$build_dir" && ctest "${ctest_args[@]}") || rc=$?
echo "=== scripts/test.sh ($mode): ctest exit $rc after $(($(date +%s) - start)) s"
exit "$rc"
