#!/usr/bin/env bash
# Mount options and robustness (SPEC.md sections 3 and 4): -o notrash, -o ro, stable inode
# numbers across a remount, unsafe keys shown as <uid><suffix>, a pending purge finished on
# mount, and a stale mountpoint (daemon killed) cleared by the next mount.
# shellcheck source=../lib.sh
source "${REGFS_TESTLIB:?REGFS_TESTLIB not set (run through ctest)}"
require_fuse

ROOT=$WORK/inst
MNT=$WORK/mnt
ART=lnschema_core_artifact
new_instance "$ROOT"

step "-o notrash: rm purges at once"
mount_regfs "$ROOT" "$MNT" -o notrash
echo "short-lived" > "$MNT/artifacts/gone.txt"
UID_=$(sql "$ROOT" "SELECT uid FROM $ART WHERE key='gone.txt'")
[ -f "$ROOT/.lamindb/$UID_.txt" ] || fail "stored file missing"
rm "$MNT/artifacts/gone.txt"
assert_eq 0 "$(sql "$ROOT" "SELECT count(*) FROM $ART WHERE uid='$UID_'")" "row after rm with notrash"
gone_soon "$ROOT/.lamindb/$UID_.txt" || fail "stored file left after rm with notrash"
assert_eq "" "$(listing "$MNT/.trash/artifacts")" ".trash stays empty with notrash"
echo "kept" > "$MNT/artifacts/keep.txt"
mkdir -p "$MNT/artifacts/d/e"
echo "nested" > "$MNT/artifacts/d/e/n.txt"
unmount_regfs "$MNT"

step "-o ro: reads work, writes fail with Read-only file system"
mount_regfs "$ROOT" "$MNT" -o ro
assert_eq "kept" "$(cat "$MNT/artifacts/keep.txt")" "read on a ro mount"
assert_eq "nested" "$(cat "$MNT/artifacts/d/e/n.txt")" "nested read on a ro mount"
BEFORE=$(sql "$ROOT" "SELECT * FROM $ART ORDER BY id")
echo "new" > "$WORK/new.txt"
assert_fails_with "Read-only file system" cp "$WORK/new.txt" "$MNT/artifacts/new.txt"
assert_fails_with "Read-only file system" sh -c 'echo x >> "$1"' sh "$MNT/artifacts/keep.txt"
assert_fails_with "Read-only file system" rm "$MNT/artifacts/keep.txt"
assert_fails_with "Read-only file system" mkdir "$MNT/artifacts/newdir"
assert_fails_with "Read-only file system" mv "$MNT/artifacts/keep.txt" "$MNT/artifacts/k2.txt"
assert_eq "$BEFORE" "$(sql "$ROOT" "SELECT * FROM $ART ORDER BY id")" "database after the refused writes"
unmount_regfs "$MNT"

step "stable inode numbers across a remount"
mount_regfs "$ROOT" "$MNT"
ino_of() { stat -c %i "$MNT/artifacts/$1"; }
INO="$(ino_of keep.txt) $(ino_of d) $(ino_of d/e) $(ino_of d/e/n.txt)"
mkdir "$MNT/artifacts/made-empty"
unmount_regfs "$MNT"
mount_regfs "$ROOT" "$MNT"
# Looked up in another order this time.
N=$(ino_of d/e/n.txt)
E=$(ino_of d/e)
INO2="$(ino_of keep.txt) $(ino_of d) $E $N"
assert_eq "$INO" "$INO2" "st_ino of keep.txt, d, d/e, d/e/n.txt after remount"
assert_eq 4 "$(printf '%s\n' $INO | sort -u | wc -l)" "distinct inode numbers"
[ ! -e "$MNT/artifacts/made-empty" ] || fail "an empty directory made by mkdir outlived the unmount"
unmount_regfs "$MNT"

step "unsafe keys are shown as <uid><suffix> in the directory their key still names safely"
NOW=$(now_utc)
declare -A UNSAFE=([../evil.txt]=evil [/abs.txt]=abs [a//b.txt]=dslash [a/./b.txt]=dot [x/../../up.txt]=up)
# key -> the directory of artifacts/ it is shown in: its components before the first unsafe one
declare -A WHERE=([../evil.txt]="" [/abs.txt]="" [a//b.txt]=a [a/./b.txt]=a [x/../../up.txt]=x)
for key in "${!UNSAFE[@]}"; do
  u=$(random_uid 20)
  UNSAFE[$key]=$u
  echo "content of $key" > "$ROOT/.lamindb/$u.txt"
  sql "$ROOT" "INSERT INTO $ART (version, created_at, updated_at, uid, key, suffix, size, hash, hash_type, visibility, key_is_virtual, storage_id, created_by_id)
    VALUES (NULL, '$NOW', '$NOW', '$u', '$key', '.txt', $(stat -c %s "$ROOT/.lamindb/$u.txt"), '$(md5_b64 "$ROOT/.lamindb/$u.txt")', 'md5', 1, 1, 1, 1)"
done
# A real-key record whose key points outside the instance, next to a file there.
echo "outside secret" > "$WORK/outside.txt"
OUT_UID=$(random_uid 20)
sql "$ROOT" "INSERT INTO $ART (version, created_at, updated_at, uid, key, suffix, size, hash, hash_type, visibility, key_is_virtual, storage_id, created_by_id)
  VALUES (NULL, '$NOW', '$NOW', '$OUT_UID', '../outside.txt', '.txt', 15, '$(md5_b64 "$WORK/outside.txt")', 'md5', 1, 0, 1, 1)"
# A hidden record (state 0) is shown nowhere.
HID=$(random_uid 20)
echo "hidden" > "$ROOT/.lamindb/$HID.txt"
sql "$ROOT" "INSERT INTO $ART (version, created_at, updated_at, uid, key, suffix, size, hash, hash_type, visibility, key_is_virtual, storage_id, created_by_id)
  VALUES (NULL, '$NOW', '$NOW', '$HID', 'hidden.txt', '.txt', 7, '$(md5_b64 "$ROOT/.lamindb/$HID.txt")', 'md5', 0, 1, 1, 1)"
mount_regfs "$ROOT" "$MNT"
[ ! -e "$MNT/artifacts/hidden.txt" ] && [ ! -e "$MNT/.trash/artifacts/hidden.txt" ] || fail "a hidden record (visibility 0) is shown"
assert_eq "" "$(find "$MNT" -name "hidden.txt" -o -name "$HID*")" "find sees no hidden record"
for key in "${!UNSAFE[@]}"; do
  u=${UNSAFE[$key]}
  dir=${WHERE[$key]}
  assert_contains "$(listing "$MNT/artifacts/$dir")" "$u.txt" "record with key $key shown as <uid>.txt in artifacts/$dir"
  assert_eq "content of $key" "$(cat "$MNT/artifacts/${dir:+$dir/}$u.txt")" "content of the record with key $key"
done
TOP=$(listing "$MNT/artifacts")
assert_contains "$TOP" "$OUT_UID.txt" "real-key record with an outside key shown as <uid>.txt"
assert_eq "$(printf '%s\n' a d keep.txt x "$OUT_UID.txt" "${UNSAFE[../evil.txt]}.txt" "${UNSAFE[/abs.txt]}.txt" | sort)" \
  "$(printf '%s\n' "$TOP" | sort)" "artifacts/ holds nothing else"
assert_eq "$(printf '%s\n' "${UNSAFE[a//b.txt]}.txt" "${UNSAFE[a/./b.txt]}.txt" | sort)" \
  "$(listing "$MNT/artifacts/a" | sort)" "artifacts/a holds the two records whose keys go unsafe below a/"
assert_eq "${UNSAFE[x/../../up.txt]}.txt" "$(listing "$MNT/artifacts/x")" "artifacts/x holds only the record of x/../../up.txt"
for n in evil.txt abs.txt b.txt up.txt a/b.txt x/up.txt; do
  [ ! -e "$MNT/artifacts/$n" ] || fail "unsafe key resolved as artifacts/$n"
done
[ ! -e "$MNT/evil.txt" ] && [ ! -e "$MNT/up.txt" ] || fail "an unsafe key resolved at the mount's top"
assert_eq "" "$(find "$MNT" -name evil.txt -o -name up.txt -o -name abs.txt -o -name b.txt)" "find sees no unsafe name"
OUT_READ=$(cat "$MNT/artifacts/$OUT_UID.txt" 2>&1 || true)
assert_not_contains "$OUT_READ" "outside secret" "a read through the mount never reaches outside the instance"
assert_eq "outside secret" "$(cat "$WORK/outside.txt")" "the outside file untouched"
unmount_regfs "$MNT"

step "a pending purge (regfs_pending) is finished on the next mount"
ORPHAN=$ROOT/.lamindb/$(random_uid 20).csv
echo "orphan left by a crash" > "$ORPHAN"
sql "$ROOT" "INSERT INTO regfs_pending (op, path, path2, created_at) VALUES ('delete', '$ORPHAN', NULL, '$(now_utc)')"
mount_regfs "$ROOT" "$MNT"
[ ! -e "$ORPHAN" ] || fail "the pending delete was not finished on mount"
assert_eq 0 "$(sql "$ROOT" "SELECT count(*) FROM regfs_pending")" "regfs_pending after mount"
assert_eq "kept" "$(cat "$MNT/artifacts/keep.txt")" "records untouched by the recovery"
unmount_regfs "$MNT"

step "a stale mountpoint (daemon killed) is cleared by the next mount"
"$REGFS" mount -C "$ROOT" "$MNT" -f 2>>"$WORK/daemon.log" &
FG_PID=$!
DAEMON_PIDS+=("$FG_PID")
MOUNTS+=("$MNT")
wait_until 5 mountpoint -q "$MNT" || fail "foreground mount not up within 5 s"
assert_eq "kept" "$(cat "$MNT/artifacts/keep.txt")" "foreground mount serves"
kill -9 "$FG_PID"
wait "$FG_PID" 2>/dev/null || true
assert_fails_with "Transport endpoint is not connected" stat "$MNT"
"$REGFS" mount -C "$ROOT" "$MNT" 2>>"$WORK/daemon.log" || fail "regfs mount on the stale mountpoint failed"
mountpoint -q "$MNT" || fail "regfs mount returned but $MNT is not a mountpoint"
assert_eq 1 "$(grep -cF " $MNT fuse" /proc/mounts || true)" "mounts on $MNT (the dead one cleared, not stacked under the new one)"
assert_eq "kept" "$(cat "$MNT/artifacts/keep.txt")" "the new mount serves"
echo "after the crash" > "$MNT/artifacts/after.txt"
assert_eq 1 "$(sql "$ROOT" "SELECT count(*) FROM $ART WHERE key='after.txt' AND visibility=1")" "writes after the crash"
"$REGFS" umount "$MNT" || fail "regfs umount exited $?"
! mountpoint -q "$MNT" || fail "still a mountpoint after unmount (the dead mount was left underneath)"
stat "$MNT" >/dev/null || fail "the mountpoint is not a plain directory again after unmount"
echo "PASS: $TEST_NAME"
