#!/usr/bin/env bash
# `regfs add --key-from-path`: each file is keyed by the relative path it was given, all in
# one transaction; unsafe paths and a combination with --key are refused.
# shellcheck source=../lib.sh
source "${REGFS_TESTLIB:?REGFS_TESTLIB not set (run through ctest)}"

ROOT=$WORK/inst
ART=lnschema_core_artifact
new_instance "$ROOT"
mkdir -p "$WORK/src/run1" "$WORK/src/run2/deep"
printf 'a\n' > "$WORK/src/run1/a.csv"
printf 'b\n' > "$WORK/src/run2/deep/b.txt"
in_dir() { local dir=$1; shift; (cd "$dir" && "$@"); }

step "a tree is imported with keys = relative paths"
capture in_dir "$WORK/src" "$REGFS" -C "$ROOT" add --key-from-path run1/a.csv run2/deep/b.txt
assert_rc 0 "add --key-from-path"
assert_eq "run1/a.csv|.csv
run2/deep/b.txt|.txt" "$(sql "$ROOT" "SELECT key, suffix FROM $ART ORDER BY key")" "keys and suffixes"
assert_eq "1" "$(sql "$ROOT" "SELECT DISTINCT key_is_virtual FROM $ART")" "keys are virtual"

step "refusals"
capture in_dir "$WORK/src" "$REGFS" -C "$ROOT" add --key-from-path "$WORK/src/run1/a.csv"
assert_rc 1 "an absolute path is no key"
assert_one_error_line "absolute path"
capture in_dir "$WORK/src/run1" "$REGFS" -C "$ROOT" add --key-from-path ../run2/deep/b.txt
assert_rc 1 "a path with .. is no key"
capture in_dir "$WORK/src" "$REGFS" -C "$ROOT" add --key-from-path --key x.csv run1/a.csv
assert_rc 2 "--key with --key-from-path"
assert_eq 2 "$(sql "$ROOT" "SELECT count(*) FROM $ART")" "refusals added nothing"
echo "PASS: $TEST_NAME"
