#!/usr/bin/env bash
# Both schema generations through the mount (SPEC.md sections 1 and 3): on the LaminDB 0.73
# fixture the state is `visibility`, on the real 2.6 database `branch_id` and `is_latest`.
# cp in, rm (trash), mv back out of .trash; on 2.6 two versions of one key, trash the
# latest (is_latest moves to the older), restore it (is_latest comes back).
# shellcheck source=../lib.sh
source "${REGFS_TESTLIB:?REGFS_TESTLIB not set (run through ctest)}"
require_fuse

# life_cycle ROOT MNT TABLE STATE_COLUMN VIRTUAL_COLUMN
life_cycle() {
  local root=$1 mnt=$2 art=$3 state=$4 virt=$5 uid
  mount_regfs "$root" "$mnt"
  printf 'PAR1 fixture bytes PAR1' > "$WORK/f.parquet"
  cp "$WORK/f.parquet" "$mnt/artifacts/f.parquet"
  uid=$(sql "$root" "SELECT uid FROM $art WHERE key='f.parquet'")
  [ -n "$uid" ] || fail "no row for the copied file"
  assert_eq "1|1|.parquet|$(md5_b64 "$WORK/f.parquet")|1|1" \
    "$(sql "$root" "SELECT count(*), $state, suffix, hash, $virt, storage_id FROM $art WHERE key='f.parquet'")" "row after cp"
  [ -f "$root/.lamindb/$uid.parquet" ] || fail "stored file missing"
  cmp -s "$WORK/f.parquet" "$mnt/artifacts/f.parquet" || fail "content through the mount"

  rm "$mnt/artifacts/f.parquet"
  assert_eq -1 "$(sql "$root" "SELECT $state FROM $art WHERE uid='$uid'")" "$state after rm"
  [ ! -e "$mnt/artifacts/f.parquet" ] || fail "f.parquet still in artifacts/"
  cmp -s "$WORK/f.parquet" "$mnt/.trash/artifacts/f.parquet" || fail "content in .trash"

  mv "$mnt/.trash/artifacts/f.parquet" "$mnt/artifacts/f.parquet"
  assert_eq 1 "$(sql "$root" "SELECT $state FROM $art WHERE uid='$uid'")" "$state after mv out of .trash"
  cmp -s "$WORK/f.parquet" "$mnt/artifacts/f.parquet" || fail "content after restore"
  [ ! -e "$mnt/.trash/artifacts/f.parquet" ] || fail "f.parquet still in .trash"

  mv "$mnt/artifacts/f.parquet" "$mnt/artifacts/sub/g.parquet" 2>/dev/null && fail "mv into a missing directory succeeded"
  mkdir "$mnt/artifacts/sub"
  mv "$mnt/artifacts/f.parquet" "$mnt/artifacts/sub/g.parquet"
  assert_eq "sub/g.parquet|1" "$(sql "$root" "SELECT key, $state FROM $art WHERE uid='$uid'")" "re-key"
}

step "LaminDB 0.73 layout (visibility)"
R73=$WORK/i073
fixture_instance "$R73" 0.73
life_cycle "$R73" "$WORK/m073" lnschema_core_artifact visibility key_is_virtual
unmount_regfs "$WORK/m073"

step "LaminDB 2.6 database (branch_id)"
R26=$WORK/i26
ART=lamindb_artifact
fixture_instance "$R26" 2.6
M26=$WORK/m26
life_cycle "$R26" "$M26" $ART branch_id _key_is_virtual
assert_eq 1 "$(sql "$R26" "SELECT is_latest FROM $ART WHERE key='sub/g.parquet'")" "is_latest of a single version"

step "2.6: two versions of one key, is_latest on the newer"
printf 'a,b\n1,2\n' > "$WORK/v1.csv"
printf 'a,b\n1,2\n3,4\n' > "$WORK/v2.csv"
cp "$WORK/v1.csv" "$M26/artifacts/data.csv"
cp "$WORK/v2.csv" "$M26/artifacts/data.csv"
V1=$(sql "$R26" "SELECT uid FROM $ART WHERE key='data.csv' ORDER BY id LIMIT 1")
V2=$(sql "$R26" "SELECT uid FROM $ART WHERE key='data.csv' ORDER BY id DESC LIMIT 1")
[ "$V1" != "$V2" ] || fail "the second write made no new version"
assert_eq "${V1:0:16}" "${V2:0:16}" "same uid stem"
state() { sql "$R26" "SELECT branch_id || '/' || is_latest FROM $ART WHERE uid='$1'"; }
assert_eq "1/0 1/1" "$(state "$V1") $(state "$V2")" "branch_id/is_latest of v1 v2"
cmp -s "$WORK/v2.csv" "$M26/artifacts/data.csv" || fail "cat shows v2"

step "2.6: trashing the latest moves is_latest to the older version"
rm "$M26/artifacts/data.csv"
assert_eq "1/1 -1/0" "$(state "$V1") $(state "$V2")" "branch_id/is_latest after rm"
cmp -s "$WORK/v1.csv" "$M26/artifacts/data.csv" || fail "cat shows v1 after rm"
cmp -s "$WORK/v2.csv" "$M26/.trash/artifacts/data.csv" || fail "v2 in .trash"

step "2.6: restoring the newer version takes is_latest back"
mv "$M26/.trash/artifacts/data.csv" "$M26/artifacts/data.csv"
assert_eq "1/0 1/1" "$(state "$V1") $(state "$V2")" "branch_id/is_latest after restore"
assert_eq 1 "$(sql "$R26" "SELECT count(*) FROM $ART WHERE key='data.csv' AND branch_id=1 AND is_latest=1")" "one latest on main"
cmp -s "$WORK/v2.csv" "$M26/artifacts/data.csv" || fail "cat shows v2 after restore"

step "2.6: purge through .trash deletes row and stored file"
rm "$M26/artifacts/data.csv"
rm "$M26/.trash/artifacts/data.csv"
assert_eq 0 "$(sql "$R26" "SELECT count(*) FROM $ART WHERE uid='$V2'")" "v2 row after purge"
gone_soon "$R26/.lamindb/$V2.csv" || fail "stored file of v2 left"
assert_eq "1/1" "$(state "$V1")" "v1 is the latest"
assert_eq 0 "$(sql "$R26" "PRAGMA foreign_key_check" | wc -l)" "foreign keys intact"
unmount_regfs "$M26"
echo "PASS: $TEST_NAME"
