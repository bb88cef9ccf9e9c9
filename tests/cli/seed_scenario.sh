#!/usr/bin/env bash
# SPEC.md section 5, the seed scenario end to end on a fresh `regfs init` instance:
# add -> ls (visible) -> rm (trash) -> ls / ls --all -> restore -> rm --permanent.
# shellcheck source=../lib.sh
source "${REGFS_TESTLIB:?REGFS_TESTLIB not set (run through ctest)}"

ROOT=$WORK/inst
ART=lnschema_core_artifact
COLUMNS="uid,version,description,key,suffix,accessor,size,hash,hash_type,n_objects,n_observations,visibility,key_is_virtual,storage_id,transform_id,run_id,created_by_id,updated_at"

step "init"
capture "$REGFS" init "$ROOT" --layout 0.73
assert_rc 0 "regfs init"
[ -d "$ROOT/.lamindb" ] || fail "init made no .lamindb/"
[ -f "$ROOT/.lamindb/_is_initialized" ] || fail "init made no _is_initialized"
assert_eq 12 "$(wc -c < "$ROOT/.lamindb/_is_initialized" | tr -d ' ')" "_is_initialized holds a 12-char storage uid"
capture "$REGFS" init "$ROOT" --layout 0.73
assert_rc 1 "a second init on the same root"
assert_one_error_line "second init"

step "add df.parquet --description mydf"
printf 'PAR1\x15\x04\x15\x10\x15\x14\x4c\x15\x02\x15\x00\x12\x00\x00some columnar bytesPAR1' > "$WORK/df.parquet"
capture "$REGFS" -C "$ROOT" add "$WORK/df.parquet" --description mydf
assert_rc 0 "regfs add"
assert_eq 1 "$(sql "$ROOT" "SELECT count(*) FROM $ART")" "one artifact row"
UID_=$(sql "$ROOT" "SELECT uid FROM $ART")
assert_eq 20 "${#UID_}" "uid length"
assert_contains "$OUT" "$UID_" "add reports the new uid"
STORED=$ROOT/.lamindb/$UID_.parquet
[ -f "$STORED" ] || fail "stored file $STORED missing"
cmp -s "$STORED" "$WORK/df.parquet" || fail "stored file differs from the source"

step "ls shows it with visibility 1 (csv)"
capture "$REGFS" -C "$ROOT" ls --format csv
assert_rc 0 "ls --format csv"
assert_eq "$COLUMNS" "$(printf '%s\n' "$OUT" | head -n1)" "csv header"
assert_eq 1 "$(csv_get "$OUT" "$UID_" visibility)" "visibility after add"
assert_eq mydf "$(csv_get "$OUT" "$UID_" description)" "description"
assert_eq .parquet "$(csv_get "$OUT" "$UID_" suffix)" "suffix"
assert_eq "$(md5_b64 "$WORK/df.parquet")" "$(csv_get "$OUT" "$UID_" hash)" "hash = md5-b64 of the file"
assert_eq md5 "$(csv_get "$OUT" "$UID_" hash_type)" "hash_type"
assert_eq "$(wc -c < "$WORK/df.parquet" | tr -d ' ')" "$(csv_get "$OUT" "$UID_" size)" "size"
assert_eq 1 "$(csv_get "$OUT" "$UID_" key_is_virtual)" "key_is_virtual"
assert_eq "" "$(csv_get "$OUT" "$UID_" key)" "no key"
assert_eq 2 "$(printf '%s\n' "$OUT" | grep -c '')" "header + one row"

step "ls (table) and ls --format json"
capture "$REGFS" -C "$ROOT" ls
assert_rc 0 "ls"
assert_contains "$(printf '%s\n' "$OUT" | head -n1)" "uid" "table header"
assert_contains "$(printf '%s\n' "$OUT" | head -n1)" "visibility" "table header"
assert_contains "$OUT" "$UID_" "table row"
capture "$REGFS" -C "$ROOT" ls --format json
assert_rc 0 "ls --format json"
assert_contains "$OUT" "\"uid\": \"$UID_\"" "json uid"
assert_contains "$OUT" "\"visibility\": 1" "json visibility"
assert_contains "$OUT" "\"key\": null" "json null key"
if command -v python3 >/dev/null; then
  printf '%s' "$OUT" | python3 -c 'import json,sys; d=json.load(sys.stdin); assert len(d)==1 and d[0]["description"]=="mydf"' \
    || fail "ls --format json is not the expected JSON"
fi

step "rm (no terminal, no --permanent) moves it to the trash"
capture "$REGFS" -C "$ROOT" rm "$UID_"
assert_rc 0 "rm"
assert_contains "$OUT$ERR" "moved artifact to trash (visibility = -1)" "rm message"
assert_eq -1 "$(sql "$ROOT" "SELECT visibility FROM $ART WHERE uid='$UID_'")" "visibility in the database"
[ -f "$STORED" ] || fail "trash must not touch the stored file"

step "ls no longer shows it; ls --all shows it with -1; ls --trash shows it"
capture "$REGFS" -C "$ROOT" ls --format csv
assert_rc 0 "ls"
assert_eq "" "$(csv_get "$OUT" "$UID_" uid)" "trashed record in default ls"
capture "$REGFS" -C "$ROOT" ls --all --format csv
assert_eq -1 "$(csv_get "$OUT" "$UID_" visibility)" "visibility in ls --all"
capture "$REGFS" -C "$ROOT" ls --trash --format csv
assert_eq -1 "$(csv_get "$OUT" "$UID_" visibility)" "visibility in ls --trash"

step "restore brings it back"
capture "$REGFS" -C "$ROOT" restore "$UID_"
assert_rc 0 "restore"
assert_eq 1 "$(sql "$ROOT" "SELECT visibility FROM $ART WHERE uid='$UID_'")" "visibility after restore"
capture "$REGFS" -C "$ROOT" ls --format csv
assert_eq 1 "$(csv_get "$OUT" "$UID_" visibility)" "ls after restore"

step "rm --permanent removes the row and the stored file"
capture "$REGFS" -C "$ROOT" rm --permanent "$UID_"
assert_rc 0 "rm --permanent"
assert_eq 0 "$(sql "$ROOT" "SELECT count(*) FROM $ART WHERE uid='$UID_'")" "row after purge"
[ ! -e "$STORED" ] || fail "stored file still there after purge"
assert_not_contains "$(ls -A "$ROOT/.lamindb")" "$UID_" "nothing of the artifact left in .lamindb/"
capture "$REGFS" -C "$ROOT" ls --all --format csv
assert_eq "$COLUMNS" "$OUT" "ls --all on an empty instance prints only the header"

step "fsck on the result is clean"
capture "$REGFS" -C "$ROOT" fsck
assert_rc 0 "fsck"
echo "PASS: $TEST_NAME"
