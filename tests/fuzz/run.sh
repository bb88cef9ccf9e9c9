#!/usr/bin/env bash
# Builds the libFuzzer target with clang in a build directory of its own and fuzzes it.
#
#   tests/fuzz/run.sh [SECONDS]     default 30; ctest runs it for 20 s
#
# Environment: REGFS_FUZZ_BUILD (default <repo>/build-fuzz), REGFS_FUZZ_JOBS (default 1).
# The corpus is kept in $REGFS_FUZZ_BUILD/corpus-names, so longer runs build on earlier
# ones; a crashing input is written to $REGFS_FUZZ_BUILD/crash-* and the script exits 1.
# Exits 77 (skip) when clang or its libFuzzer runtime is missing.
set -euo pipefail

seconds=${1:-30}
case $seconds in '' | *[!0-9]*) echo "usage: tests/fuzz/run.sh [SECONDS]" >&2; exit 2 ;; esac
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${REGFS_FUZZ_BUILD:-$repo/build-fuzz}
jobs=${REGFS_FUZZ_JOBS:-1}

if ! command -v clang++ >/dev/null || ! command -v clang >/dev/null; then
  echo "SKIP: clang is not installed (Debian: apt-get install clang)" >&2
  exit 77
fi
probe=$(mktemp -d)
trap 'rm -rf "$probe"' EXIT
echo 'extern "C" int LLVMFuzzerTestOneInput(const unsigned char*, unsigned long) { return 0; }' >"$probe/p.cc"
if ! clang++ -fsanitize=fuzzer,address "$probe/p.cc" -o "$probe/p" 2>"$probe/err"; then
  echo "SKIP: clang has no libFuzzer runtime here: $(head -n 3 "$probe/err")" >&2
  exit 77
fi

echo "=== configure $build (clang, REGFS_FUZZ=ON)"
CC=clang CXX=clang++ cmake -S "$repo" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DREGFS_FUZZ=ON >/dev/null
echo "=== build fuzz_names"
cmake --build "$build" --target fuzz_names -j2 >/dev/null

corpus=$build/corpus-names
mkdir -p "$corpus"
echo "=== fuzz for $seconds s (corpus $corpus)"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
args=(-max_total_time="$seconds" -max_len=4096 -timeout=10 -print_final_stats=1 -artifact_prefix="$build/")
if [ "$jobs" -gt 1 ]; then args+=(-jobs="$jobs" -workers="$jobs"); fi
rc=0
(cd "$build" && "$build/tests/fuzz/fuzz_names" "${args[@]}" "$corpus") >"$build/fuzz.log" 2>&1 || rc=$?
grep -E '^(#[0-9]+.*DONE|stat::number_of_executed_units|naming invariant|==[0-9]+==ERROR|SUMMARY)' "$build/fuzz.log" || true
if [ "$rc" != 0 ]; then
  echo "FAIL: fuzz_names exited $rc; input(s):" >&2
  ls -1 "$build"/crash-* "$build"/timeout-* "$build"/leak-* 2>/dev/null >&2 || true
  tail -n 30 "$build/fuzz.log" >&2
  exit 1
fi
echo "PASS: fuzz_names ran $seconds s, corpus $(ls "$corpus" | wc -l) inputs"
