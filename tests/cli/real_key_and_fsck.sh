#!/usr/bin/env bash
# Real ("semantic") keys: a purge keeps the file at ROOT/<key> and reports its path, unless
# --purge-real-keys. fsck: reports a row whose stored file is missing and an orphan file
# under .lamindb/; --repair never deletes the orphan.
# shellcheck source=../lib.sh
source "${REGFS_TESTLIB:?REGFS_TESTLIB not set (run through ctest)}"

ROOT=$WORK/inst
ART=lnschema_core_artifact
new_instance "$ROOT"
ROOT_REAL=$(cd "$ROOT" && pwd -P)

# insert_real_key KEY: a file at ROOT/KEY and an artifact row with key_is_virtual = 0.
insert_real_key() {
  local key=$1 uid now
  mkdir -p "$(dirname "$ROOT/$key")"
  printf 'id,value\n1,%s\n' "$key" > "$ROOT/$key"
  uid=$(random_uid 20)
  now=$(date -u '+%Y-%m-%d %H:%M:%S.000000')
  sql "$ROOT" "INSERT INTO $ART (version, created_at, updated_at, uid, key, suffix, accessor,
      description, size, hash, hash_type, n_objects, n_observations, visibility, key_is_virtual,
      run_id, storage_id, transform_id, created_by_id)
    VALUES (NULL, '$now', '$now', '$uid', '$key', '.csv', NULL, 'real key', $(wc -c < "$ROOT/$key"),
      '$(md5_b64 "$ROOT/$key")', 'md5', NULL, NULL, 1, 0, NULL,
      (SELECT id FROM lnschema_core_storage LIMIT 1), NULL, (SELECT id FROM lnschema_core_user LIMIT 1));"
  echo "$uid"
}

step "a real-key artifact: trash, then purge keeps the file and reports its path"
REAL1=$(insert_real_key data/real.csv)
capture "$REGFS" -C "$ROOT" ls --format csv
assert_eq 0 "$(csv_get "$OUT" "$REAL1" key_is_virtual)" "ls shows key_is_virtual 0"
capture "$REGFS" -C "$ROOT" rm data/real.csv
assert_rc 0 "rm real key"
assert_eq -1 "$(sql "$ROOT" "SELECT visibility FROM $ART WHERE uid='$REAL1'")" "trashed"
[ -f "$ROOT/data/real.csv" ] || fail "trash touched the real-key file"
capture "$REGFS" -C "$ROOT" rm --permanent data/real.csv
assert_rc 0 "purge real key"
assert_eq 0 "$(sql "$ROOT" "SELECT count(*) FROM $ART WHERE uid='$REAL1'")" "row gone"
[ -f "$ROOT/data/real.csv" ] || fail "purge deleted a real-key file without --purge-real-keys"
assert_contains "$OUT$ERR" "$ROOT_REAL/data/real.csv" "the kept path is reported"

step "rm --permanent --purge-real-keys deletes the real-key file"
REAL2=$(insert_real_key data/real2.csv)
capture "$REGFS" -C "$ROOT" rm --permanent --purge-real-keys "$REAL2"
assert_rc 0 "purge with --purge-real-keys"
assert_eq 0 "$(sql "$ROOT" "SELECT count(*) FROM $ART WHERE uid='$REAL2'")" "row gone"
[ ! -e "$ROOT/data/real2.csv" ] || fail "--purge-real-keys kept the file"
[ -f "$ROOT/data/real.csv" ] || fail "another real-key file was touched"

step "fsck of a consistent instance is clean"
capture "$REGFS" -C "$ROOT" fsck
assert_rc 0 "fsck clean"
assert_contains "$OUT" "clean" "fsck says clean"

step "fsck reports a missing stored file and an orphan"
printf 'keep me\n' > "$WORK/keep.txt"
printf 'lose me\n' > "$WORK/lose.txt"
capture "$REGFS" -C "$ROOT" add "$WORK/keep.txt" "$WORK/lose.txt"
assert_rc 0 "add two files"
assert_eq 2 "$(sql "$ROOT" "SELECT count(*) FROM $ART WHERE key_is_virtual = 1")" "one transaction, two rows"
LOSE=$(sql "$ROOT" "SELECT uid FROM $ART WHERE hash='$(md5_b64 "$WORK/lose.txt")'")
KEEP=$(sql "$ROOT" "SELECT uid FROM $ART WHERE hash='$(md5_b64 "$WORK/keep.txt")'")
rm "$ROOT/.lamindb/$LOSE.txt"
ORPHAN=$ROOT/.lamindb/0rphan0rphan0rphan00.csv
printf 'nobody points here\n' > "$ORPHAN"
capture "$REGFS" -C "$ROOT" fsck
assert_rc 1 "fsck with problems"
assert_contains "$OUT" "$LOSE" "fsck names the row whose file is missing"
assert_contains "$OUT" "0rphan0rphan0rphan00.csv" "fsck names the orphan"
assert_not_contains "$OUT" "$KEEP" "a healthy artifact is not reported"

step "fsck --repair does not delete the orphan"
capture "$REGFS" -C "$ROOT" fsck --repair
assert_rc 1 "fsck --repair cannot repair a missing file"
[ -f "$ORPHAN" ] || fail "fsck --repair deleted the orphan file"
[ -f "$ROOT/.lamindb/$KEEP.txt" ] || fail "fsck --repair touched a stored file"

step "after purging the broken row and moving the orphan away, fsck is clean"
capture "$REGFS" -C "$ROOT" rm --permanent "$LOSE"
assert_rc 0 "purge of a row whose file is missing"
mv "$ORPHAN" "$WORK/"
capture "$REGFS" -C "$ROOT" fsck
assert_rc 0 "fsck clean again"
echo "PASS: $TEST_NAME"
