#!/usr/bin/env bash
# The seed scenario through the mount (SPEC.md sections 3 and 4): cp a parquet file into
# artifacts/, see the row with sqlite3, rm it (trash), find it in .trash, mv it back, rm it
# again and rm it inside .trash (purge): the row and the stored file are gone.
# shellcheck source=../lib.sh
source "${REGFS_TESTLIB:?REGFS_TESTLIB not set (run through ctest)}"
require_fuse

ROOT=$WORK/inst
MNT=$WORK/mnt
ART=lnschema_core_artifact
new_instance "$ROOT"
mount_regfs "$ROOT" "$MNT"

step "the fixed tree"
assert_eq "$(printf '.trash\nartifacts\ncollections')" "$(ls -A "$MNT" | sort)" "top of the mount"
assert_eq "$(printf 'artifacts\ncollections')" "$(ls -A "$MNT/.trash" | sort)" "top of .trash"
assert_eq "" "$(listing "$MNT/artifacts")" "artifacts/ of a new instance"

step "cp df.parquet into artifacts/"
printf 'PAR1\x15\x04\x15\x10\x15\x14\x4c\x15\x02\x15\x00\x12\x00\x00some columnar bytesPAR1' > "$WORK/df.parquet"
SIZE=$(stat -c %s "$WORK/df.parquet")
cp "$WORK/df.parquet" "$MNT/artifacts/df.parquet"
assert_eq 1 "$(sql "$ROOT" "SELECT count(*) FROM $ART")" "one artifact row after cp"
UID_=$(sql "$ROOT" "SELECT uid FROM $ART")
assert_eq 20 "${#UID_}" "uid length"
assert_eq "df.parquet|.parquet|$SIZE|$(md5_b64 "$WORK/df.parquet")|md5|1|1" \
  "$(sql "$ROOT" "SELECT key, suffix, size, hash, hash_type, visibility, key_is_virtual FROM $ART WHERE uid='$UID_'")" \
  "row of the copied file"
STORED=$ROOT/.lamindb/$UID_.parquet
[ -f "$STORED" ] || fail "stored file $STORED missing"
cmp -s "$STORED" "$WORK/df.parquet" || fail "stored file differs from the source"
assert_eq df.parquet "$(listing "$MNT/artifacts")" "listing of artifacts/"
cmp -s "$MNT/artifacts/df.parquet" "$WORK/df.parquet" || fail "content read through the mount differs"
assert_eq "$SIZE" "$(stat -c %s "$MNT/artifacts/df.parquet")" "st_size = stored size"
CREATED=$(sql "$ROOT" "SELECT created_at FROM $ART WHERE uid='$UID_'")
assert_eq "$(epoch_of "$CREATED")" "$(stat -c %Y "$MNT/artifacts/df.parquet")" "st_mtime = created_at"

step "rm moves it to .trash"
rm "$MNT/artifacts/df.parquet"
assert_eq -1 "$(sql "$ROOT" "SELECT visibility FROM $ART WHERE uid='$UID_'")" "visibility after rm"
[ ! -e "$MNT/artifacts/df.parquet" ] || fail "df.parquet still in artifacts/ after rm"
assert_eq "" "$(listing "$MNT/artifacts")" "artifacts/ after rm"
assert_eq df.parquet "$(listing "$MNT/.trash/artifacts")" ".trash/artifacts/ after rm"
cmp -s "$MNT/.trash/artifacts/df.parquet" "$WORK/df.parquet" || fail "trashed content differs"
[ -f "$STORED" ] || fail "trash must not touch the stored file"
UPDATED=$(sql "$ROOT" "SELECT updated_at FROM $ART WHERE uid='$UID_'")
assert_eq "$(epoch_of "$UPDATED")" "$(stat -c %Z "$MNT/.trash/artifacts/df.parquet")" "st_ctime = updated_at"

step "mv it back out of .trash"
mv "$MNT/.trash/artifacts/df.parquet" "$MNT/artifacts/df.parquet"
assert_eq "1|df.parquet" "$(sql "$ROOT" "SELECT visibility, key FROM $ART WHERE uid='$UID_'")" "row after restore"
assert_eq df.parquet "$(listing "$MNT/artifacts")" "artifacts/ after restore"
assert_eq "" "$(listing "$MNT/.trash/artifacts")" ".trash/artifacts/ after restore"
cmp -s "$MNT/artifacts/df.parquet" "$WORK/df.parquet" || fail "restored content differs"

step "rm, then rm inside .trash purges"
rm "$MNT/artifacts/df.parquet"
assert_eq -1 "$(sql "$ROOT" "SELECT visibility FROM $ART WHERE uid='$UID_'")" "visibility after the second rm"
rm "$MNT/.trash/artifacts/df.parquet"
assert_eq 0 "$(sql "$ROOT" "SELECT count(*) FROM $ART WHERE uid='$UID_'")" "row after purge"
gone_soon "$STORED" || fail "stored file still there after purge"
assert_not_contains "$(ls -A "$ROOT/.lamindb")" "$UID_" "stored file after purge"
assert_eq "" "$(listing "$MNT/.trash/artifacts")" ".trash/artifacts/ after purge"
assert_eq "" "$(listing "$MNT/artifacts")" "artifacts/ after purge"
# The row that made the purge crash-safe goes with the next batch (within a poll, 200 ms),
# and at the latest at unmount.
no_pending() { [ "$(sql "$ROOT" "SELECT count(*) FROM regfs_pending")" = 0 ]; }
wait_until 2 no_pending || fail "a finished purge's pending row is still there after 2 s"

unmount_regfs "$MNT"
assert_eq 0 "$(sql "$ROOT" "SELECT count(*) FROM regfs_pending")" "no pending file operation left after unmount"
echo "PASS: $TEST_NAME"
