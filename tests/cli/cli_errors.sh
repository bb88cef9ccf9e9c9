#!/usr/bin/env bash
# Exit codes and instance discovery: 2 for usage errors, 1 (one stderr line) for failures;
# the instance comes from -C (before or after the command), $REGFS_INSTANCE or the cwd.
# shellcheck source=../lib.sh
source "${REGFS_TESTLIB:?REGFS_TESTLIB not set (run through ctest)}"

ROOT=$WORK/inst
new_instance "$ROOT"
unset REGFS_INSTANCE
in_dir() { local dir=$1; shift; (cd "$dir" && "$@"); }
printf 'x,y\n' > "$WORK/one.csv"

step "usage errors exit 2"
capture "$REGFS"
assert_rc 2 "no command"
capture "$REGFS" frobnicate
assert_rc 2 "unknown command"
assert_contains "$ERR" "unknown command" "unknown command message"
capture "$REGFS" --frobnicate
assert_rc 2 "unknown global option"
capture "$REGFS" -C "$ROOT" ls --frobnicate
assert_rc 2 "unknown option"
capture "$REGFS" -C "$ROOT" ls --format xml
assert_rc 2 "unknown format"
capture "$REGFS" -C "$ROOT" ls --trash --all
assert_rc 2 "--trash with --all"
capture "$REGFS" -C "$ROOT" rm
assert_rc 2 "rm without operand"
capture "$REGFS" -C "$ROOT" restore
assert_rc 2 "restore without operand"
capture "$REGFS" -C "$ROOT" add
assert_rc 2 "add without file"
capture "$REGFS" -C "$ROOT" add "$WORK/one.csv" --key
assert_rc 2 "--key without value"
capture "$REGFS" -C "$ROOT" add "$WORK/one.csv" "$WORK/one.csv" --key a.csv
assert_rc 2 "--key with two files"
capture "$REGFS" -C "$ROOT" trash
assert_rc 2 "trash without subcommand"
capture "$REGFS" -C "$ROOT" trash burn
assert_rc 2 "trash with an unknown subcommand"
capture "$REGFS" -C "$ROOT" trash empty --older-than soon
assert_rc 2 "--older-than without a number"
capture "$REGFS" -C "$ROOT" mount
assert_rc 2 "mount without mountpoint"
capture "$REGFS" umount
assert_rc 2 "umount without mountpoint"
capture "$REGFS" -C
assert_rc 2 "-C without value"

step "help and version exit 0"
capture "$REGFS" --help
assert_rc 0 "--help"
assert_contains "$OUT" "regfs mount" "help lists mount"
capture "$REGFS" -h
assert_rc 0 "-h"
capture "$REGFS" rm --help
assert_rc 0 "rm --help"
assert_contains "$OUT" "--permanent" "rm help"
capture "$REGFS" --version
assert_rc 0 "--version"
assert_contains "$OUT" "regfs " "version text"

step "no instance found: exit 1, one line"
mkdir -p "$WORK/nowhere/deeper"
capture in_dir "$WORK/nowhere/deeper" env -u REGFS_INSTANCE "$REGFS" ls
assert_rc 1 "ls outside any instance"
assert_one_error_line "ls outside any instance"
capture "$REGFS" -C "$WORK/nowhere" ls
assert_rc 1 "-C on a directory that is no instance"
assert_one_error_line "-C on a non-instance"

step "failures exit 1 with one line"
capture "$REGFS" -C "$ROOT" rm AAAAAAAAAAAAAAAAAAAA
assert_rc 1 "rm of an unknown uid"
assert_one_error_line "rm of an unknown uid"
capture "$REGFS" -C "$ROOT" rm no/such/key.csv
assert_rc 1 "rm of an unknown key"
assert_one_error_line "rm of an unknown key"
capture "$REGFS" -C "$ROOT" restore AAAAAAAAAAAAAAAAAAAA
assert_rc 1 "restore of an unknown uid"
assert_one_error_line "restore of an unknown uid"
capture "$REGFS" -C "$ROOT" add "$WORK/missing.csv"
assert_rc 1 "add of a missing file"
assert_one_error_line "add of a missing file"
mkdir -p "$WORK/folder"
capture "$REGFS" -C "$ROOT" add "$WORK/folder"
assert_rc 1 "add of a folder"
assert_one_error_line "add of a folder"
assert_contains "$ERR" "folders are not supported by add yet" "folder message"
capture "$REGFS" -C "$ROOT" add "$WORK/one.csv" --key data/one.parquet
assert_rc 1 "add with a key whose suffix differs"
assert_one_error_line "suffix mismatch"
capture "$REGFS" -C "$ROOT" add "$WORK/one.csv" --key ../escape.csv
assert_rc 1 "add with an unsafe key"
assert_one_error_line "unsafe key"
assert_eq 0 "$(sql "$ROOT" "SELECT count(*) FROM lnschema_core_artifact")" "failed adds left no rows"

step "instance via -C before and after the command"
capture "$REGFS" -C "$ROOT" add "$WORK/one.csv" --key data/one.csv
assert_rc 0 "add"
capture "$REGFS" -C "$ROOT" ls --format csv
assert_rc 0 "-C before"
assert_contains "$OUT" "data/one.csv" "-C before lists the artifact"
capture "$REGFS" ls --format csv -C "$ROOT"
assert_rc 0 "-C after"
assert_contains "$OUT" "data/one.csv" "-C after lists the artifact"
capture "$REGFS" ls "-C$ROOT" --format csv
assert_rc 0 "-CROOT"
assert_contains "$OUT" "data/one.csv" "-CROOT lists the artifact"

step "instance via \$REGFS_INSTANCE"
capture in_dir "$WORK/nowhere" env REGFS_INSTANCE="$ROOT" "$REGFS" ls --format csv
assert_rc 0 "REGFS_INSTANCE"
assert_contains "$OUT" "data/one.csv" "REGFS_INSTANCE lists the artifact"

step "instance via an ancestor of the working directory"
mkdir -p "$ROOT/some/sub/dir"
capture in_dir "$ROOT/some/sub/dir" env -u REGFS_INSTANCE "$REGFS" ls --format csv
assert_rc 0 "cwd ancestor"
assert_contains "$OUT" "data/one.csv" "cwd ancestor lists the artifact"

step "-C wins over \$REGFS_INSTANCE"
capture env REGFS_INSTANCE="$WORK/nowhere" "$REGFS" -C "$ROOT" ls --format csv
assert_rc 0 "-C over REGFS_INSTANCE"
assert_contains "$OUT" "data/one.csv" "-C wins"
echo "PASS: $TEST_NAME"
