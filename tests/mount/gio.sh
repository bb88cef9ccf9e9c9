#!/usr/bin/env bash
# The mount as GLib's GIO (the layer under GNOME Files and other file managers) uses it:
# gio list, info, copy in, cat, move (re-key), remove (trash), save.
# shellcheck source=../lib.sh
source "${REGFS_TESTLIB:?REGFS_TESTLIB not set (run through ctest)}"
require_fuse
if ! command -v gio >/dev/null; then
  [ "${CI:-}" = "true" ] && fail "gio (libglib2.0-bin) missing: required in CI"
  skip "gio (libglib2.0-bin) not installed"
fi
# Local files only: no gvfs daemon or D-Bus session is needed (or wanted) for a FUSE path.
export GIO_USE_VFS=local GIO_USE_VOLUME_MONITOR=unix

ROOT=$WORK/inst
MNT=$WORK/mnt
ART=lnschema_core_artifact
new_instance "$ROOT"
mount_regfs "$ROOT" "$MNT"
echo "already there" > "$MNT/artifacts/present.txt"
mkdir "$MNT/artifacts/dir"

step "gio list of artifacts/"
OUT=$(gio list "$MNT/artifacts" 2>&1) || fail "gio list: $OUT"
assert_eq "$(printf 'dir\npresent.txt')" "$(printf '%s\n' "$OUT" | cut -f1 | sort)" "gio list names"
OUT=$(gio list -l "$MNT/artifacts" 2>&1) || fail "gio list -l: $OUT"
assert_contains "$OUT" "present.txt	14	(regular)" "gio list -l: name, size, type"
assert_contains "$OUT" "dir	0	(directory)" "gio list -l of the directory"
OUT=$(gio info "$MNT/artifacts/present.txt" 2>&1) || fail "gio info: $OUT"
assert_contains "$OUT" "size:  14" "gio info size"

step "gio copy of a local file into artifacts/ creates a record"
printf 'copied by gio\n' > "$WORK/g.txt"
OUT=$(gio copy "$WORK/g.txt" "$MNT/artifacts/dir/g.txt" 2>&1) || fail "gio copy: $OUT"
assert_eq "1|$(md5_b64 "$WORK/g.txt")" "$(sql "$ROOT" "SELECT visibility, hash FROM $ART WHERE key='dir/g.txt'")" "record of the gio copy"
assert_eq 1 "$(sql "$ROOT" "SELECT count(*) FROM $ART WHERE key='dir/g.txt'")" "one record for the gio copy"
assert_eq "copied by gio" "$(gio cat "$MNT/artifacts/dir/g.txt")" "gio cat"
assert_eq 2 "$(sql "$ROOT" "SELECT count(*) FROM $ART")" "no other record made by gio copy"

step "gio save (stdin into a new file)"
printf 'saved by gio\n' | gio save "$MNT/artifacts/saved.txt" || fail "gio save exited $?"
assert_eq "saved by gio" "$(cat "$MNT/artifacts/saved.txt")" "content saved by gio"
assert_eq "1|1" "$(sql "$ROOT" "SELECT count(*), visibility FROM $ART WHERE key='saved.txt'")" "record of gio save"
assert_eq 0 "$(sql "$ROOT" "SELECT count(*) FROM $ART WHERE visibility=1 AND key LIKE '%.goutputstream%'")" "no visible temp record of gio save"

step "gio move re-keys"
UID_=$(sql "$ROOT" "SELECT uid FROM $ART WHERE key='dir/g.txt'")
OUT=$(gio move "$MNT/artifacts/dir/g.txt" "$MNT/artifacts/moved.txt" 2>&1) || fail "gio move: $OUT"
assert_eq "moved.txt|1" "$(sql "$ROOT" "SELECT key, visibility FROM $ART WHERE uid='$UID_'")" "record after gio move"

step "gio remove of a file in artifacts/ trashes it"
OUT=$(gio remove "$MNT/artifacts/moved.txt" 2>&1) || fail "gio remove: $OUT"
assert_eq -1 "$(sql "$ROOT" "SELECT visibility FROM $ART WHERE uid='$UID_'")" "visibility after gio remove"
[ ! -e "$MNT/artifacts/moved.txt" ] || fail "moved.txt still shown after gio remove"
assert_eq "copied by gio" "$(cat "$MNT/.trash/artifacts/moved.txt")" "removed file in .trash"
OUT=$(gio list "$MNT/.trash/artifacts" 2>&1) || fail "gio list of .trash: $OUT"
assert_eq "moved.txt" "$(printf '%s\n' "$OUT" | cut -f1)" "gio list of .trash/artifacts/"

unmount_regfs "$MNT"
echo "PASS: $TEST_NAME"
