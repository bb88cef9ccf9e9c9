#!/usr/bin/env bash
# The CLI life cycle on a LaminDB 0.73 database (lnschema_core_*, `visibility`): the state
# column is checked with sqlite3 after every step, plus versions of one key.
# shellcheck source=../lib.sh
source "${REGFS_TESTLIB:?REGFS_TESTLIB not set (run through ctest)}"

ROOT=$WORK/inst
ART=lnschema_core_artifact
fixture_instance "$ROOT" 0.73
state_of() { sql "$ROOT" "SELECT visibility FROM $ART WHERE uid='$1'"; }

step "add"
printf 'parquet-ish bytes for 0.73\n' > "$WORK/df.parquet"
capture "$REGFS" -C "$ROOT" add "$WORK/df.parquet" --description mydf
assert_rc 0 "add"
UID_=$(sql "$ROOT" "SELECT uid FROM $ART WHERE description='mydf'")
assert_eq 1 "$(state_of "$UID_")" "visibility after add"
assert_eq "1|1|1|.parquet|md5" "$(sql "$ROOT" "SELECT key_is_virtual, storage_id, created_by_id, suffix, hash_type FROM $ART WHERE uid='$UID_'")" "columns of the new row"
[ -f "$ROOT/.lamindb/$UID_.parquet" ] || fail "stored file missing"

step "rm -> trash"
capture "$REGFS" -C "$ROOT" rm "$UID_"
assert_rc 0 "rm"
assert_contains "$OUT" "moved artifact to trash (visibility = -1)" "rm message"
assert_eq -1 "$(state_of "$UID_")" "visibility after rm"

step "rm of a trashed record without --permanent and without a terminal is refused"
capture "$REGFS" -C "$ROOT" rm "$UID_"
assert_rc 1 "rm of a trashed record"
assert_one_error_line "rm of a trashed record"
assert_contains "$ERR" "--permanent" "the refusal tells how to purge"
assert_eq -1 "$(state_of "$UID_")" "still trashed"

step "restore"
capture "$REGFS" -C "$ROOT" restore "$UID_"
assert_rc 0 "restore"
assert_eq 1 "$(state_of "$UID_")" "visibility after restore"

step "rm by 16-char stem, then rm --permanent"
capture "$REGFS" -C "$ROOT" rm "${UID_:0:16}"
assert_rc 0 "rm by stem"
assert_eq -1 "$(state_of "$UID_")" "visibility after rm by stem"
capture "$REGFS" -C "$ROOT" rm --permanent "$UID_"
assert_rc 0 "rm --permanent"
assert_eq 0 "$(sql "$ROOT" "SELECT count(*) FROM $ART WHERE uid='$UID_'")" "row after purge"
[ ! -e "$ROOT/.lamindb/$UID_.parquet" ] || fail "stored file kept after purge"

step "two versions of one key"
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
assert_eq "1|1" "$(state_of "$V1")|$(state_of "$V2")" "both versions visible"
capture "$REGFS" -C "$ROOT" add "$WORK/v2.csv" --key data/a.csv
assert_rc 0 "add of unchanged content"
assert_eq 2 "$(sql "$ROOT" "SELECT count(*) FROM $ART WHERE key='data/a.csv'")" "unchanged content creates nothing"

step "rm KEY trashes the latest version"
capture "$REGFS" -C "$ROOT" rm data/a.csv
assert_rc 0 "rm key"
assert_eq "1|-1" "$(state_of "$V1")|$(state_of "$V2")" "states after rm key"
capture "$REGFS" -C "$ROOT" ls --format csv
assert_eq 1 "$(csv_get "$OUT" "$V1" visibility)" "the older version is listed"
assert_eq "" "$(csv_get "$OUT" "$V2" uid)" "the trashed version is not"

step "restore KEY restores the trashed version"
capture "$REGFS" -C "$ROOT" restore data/a.csv
assert_rc 0 "restore key"
assert_eq "1|1" "$(state_of "$V1")|$(state_of "$V2")" "states after restore key"

step "rm KEY twice trashes both; a third rm is refused; rm --permanent KEY purges"
capture "$REGFS" -C "$ROOT" rm data/a.csv
assert_rc 0 "rm key (1)"
capture "$REGFS" -C "$ROOT" rm data/a.csv
assert_rc 0 "rm key (2)"
assert_eq "-1|-1" "$(state_of "$V1")|$(state_of "$V2")" "both trashed"
capture "$REGFS" -C "$ROOT" rm data/a.csv
assert_rc 1 "rm of a key whose records are all trashed, without --permanent"
assert_one_error_line "refusal"
capture "$REGFS" -C "$ROOT" rm --permanent data/a.csv
assert_rc 0 "rm --permanent key"
assert_eq 0 "$(sql "$ROOT" "SELECT count(*) FROM $ART WHERE uid='$V1'")" "the most recently trashed (v1) is purged"
assert_eq -1 "$(state_of "$V2")" "v2 stays in the trash"
capture "$REGFS" -C "$ROOT" restore data/a.csv
assert_rc 0 "restore the remaining version"
assert_eq 1 "$(state_of "$V2")" "v2 restored"
echo "PASS: $TEST_NAME"
