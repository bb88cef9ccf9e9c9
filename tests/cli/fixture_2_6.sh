#!/usr/bin/env bash
# The CLI life cycle on a real LaminDB 2.6 database (lamindb_*, `branch_id`, `is_latest`):
# the state column and is_latest are checked with sqlite3 after every step.
# fixture_2_10.sh runs this same script on the LaminDB 2.10 schema (REGFS_FIXTURE_VERSION).
# shellcheck source=../lib.sh
source "${REGFS_TESTLIB:?REGFS_TESTLIB not set (run through ctest)}"

ROOT=$WORK/inst
ART=lamindb_artifact
fixture_instance "$ROOT" "${REGFS_FIXTURE_VERSION:-2.6}"
state_of() { sql "$ROOT" "SELECT branch_id FROM $ART WHERE uid='$1'"; }
latest_of() { sql "$ROOT" "SELECT is_latest FROM $ART WHERE uid='$1'"; }

step "add"
printf 'parquet-ish bytes for 2.6\n' > "$WORK/df.parquet"
capture "$REGFS" -C "$ROOT" add "$WORK/df.parquet" --description mydf
assert_rc 0 "add"
UID_=$(sql "$ROOT" "SELECT uid FROM $ART WHERE description='mydf'")
[ -n "$UID_" ] || fail "no row for the added file"
assert_eq 1 "$(state_of "$UID_")" "branch_id after add"
assert_eq "1|1|.parquet|md5|1" "$(sql "$ROOT" "SELECT _key_is_virtual, storage_id, suffix, _hash_type, is_latest FROM $ART WHERE uid='$UID_'")" "columns of the new row"
[ -f "$ROOT/.lamindb/$UID_.parquet" ] || fail "stored file missing"
capture "$REGFS" -C "$ROOT" ls --format csv
assert_eq 1 "$(csv_get "$OUT" "$UID_" visibility)" "ls shows branch_id as visibility 1"
assert_eq "$(md5_b64 "$WORK/df.parquet")" "$(csv_get "$OUT" "$UID_" hash)" "hash"

step "rm -> trash"
capture "$REGFS" -C "$ROOT" rm "$UID_"
assert_rc 0 "rm"
assert_contains "$OUT" "moved artifact to trash" "rm message"
assert_eq -1 "$(state_of "$UID_")" "branch_id after rm"
capture "$REGFS" -C "$ROOT" ls --all --format csv
assert_eq -1 "$(csv_get "$OUT" "$UID_" visibility)" "ls --all shows -1"

step "rm of a trashed record without --permanent and without a terminal is refused"
capture "$REGFS" -C "$ROOT" rm "$UID_"
assert_rc 1 "rm of a trashed record"
assert_one_error_line "rm of a trashed record"
assert_eq -1 "$(state_of "$UID_")" "still trashed"

step "restore, rm --permanent"
capture "$REGFS" -C "$ROOT" restore "$UID_"
assert_rc 0 "restore"
assert_eq 1 "$(state_of "$UID_")" "branch_id after restore"
capture "$REGFS" -C "$ROOT" rm --permanent "$UID_"
assert_rc 0 "rm --permanent"
assert_eq 0 "$(sql "$ROOT" "SELECT count(*) FROM $ART WHERE uid='$UID_'")" "row after purge"
[ ! -e "$ROOT/.lamindb/$UID_.parquet" ] || fail "stored file kept after purge"

step "two versions of one key: is_latest moves"
printf 'a,b\n1,2\n' > "$WORK/v1.csv"
printf 'a,b\n1,2\n3,4\n' > "$WORK/v2.csv"
capture "$REGFS" -C "$ROOT" add "$WORK/v1.csv" --key data/a.csv
assert_rc 0 "add v1"
capture "$REGFS" -C "$ROOT" add "$WORK/v2.csv" --key data/a.csv
assert_rc 0 "add v2"
V1=$(sql "$ROOT" "SELECT uid FROM $ART WHERE key='data/a.csv' ORDER BY id LIMIT 1")
V2=$(sql "$ROOT" "SELECT uid FROM $ART WHERE key='data/a.csv' ORDER BY id DESC LIMIT 1")
[ "$V1" != "$V2" ] || fail "the second add made no new row"
assert_eq "${V1:0:16}" "${V2:0:16}" "a new version keeps the uid stem"
assert_eq "0|1" "$(latest_of "$V1")|$(latest_of "$V2")" "is_latest after the second version"
assert_eq "1|1" "$(state_of "$V1")|$(state_of "$V2")" "both on main"

step "trashing the latest promotes the older version"
capture "$REGFS" -C "$ROOT" rm data/a.csv
assert_rc 0 "rm key"
assert_eq "1|-1" "$(state_of "$V1")|$(state_of "$V2")" "branch_id after rm key"
assert_eq 1 "$(latest_of "$V1")" "the older version is latest again"
assert_eq 1 "$(sql "$ROOT" "SELECT count(*) FROM $ART WHERE key='data/a.csv' AND branch_id=1 AND is_latest=1")" "one latest on main"

step "restoring the newer version takes is_latest back"
capture "$REGFS" -C "$ROOT" restore data/a.csv
assert_rc 0 "restore key"
assert_eq "1|1" "$(state_of "$V1")|$(state_of "$V2")" "branch_id after restore"
assert_eq "0|1" "$(latest_of "$V1")|$(latest_of "$V2")" "is_latest after restore"

step "rm of the trashed key without --permanent is refused; --permanent purges"
capture "$REGFS" -C "$ROOT" rm "$V2"
assert_rc 0 "rm v2"
capture "$REGFS" -C "$ROOT" rm "$V2"
assert_rc 1 "rm of trashed v2 without --permanent"
assert_one_error_line "refusal"
capture "$REGFS" -C "$ROOT" rm --permanent "$V2"
assert_rc 0 "purge v2"
assert_eq 0 "$(sql "$ROOT" "SELECT count(*) FROM $ART WHERE uid='$V2'")" "v2 row gone"
assert_eq "1|1" "$(state_of "$V1")|$(latest_of "$V1")" "v1 visible and latest"
echo "PASS: $TEST_NAME"
