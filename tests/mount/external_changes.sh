#!/usr/bin/env bash
# Changes made outside the mount are visible through it within 1 second (SPEC.md section
# 4): the CLI's add, rm and restore while mounted, a row changed with sqlite3, and a write
# through a second mount of the same instance.
# shellcheck source=../lib.sh
source "${REGFS_TESTLIB:?REGFS_TESTLIB not set (run through ctest)}"
require_fuse

ROOT=$WORK/inst
MNT=$WORK/mnt
MNT2=$WORK/mnt2
ART=lnschema_core_artifact
new_instance "$ROOT"
mount_regfs "$ROOT" "$MNT"
has_content() { [ "$(cat "$1" 2>/dev/null)" = "$2" ]; }
not_listed() { ! listing "$1" | grep -qxF "$2"; }

step "regfs add while mounted: the file appears"
# Look first, so the kernel has cached the (absent) directory and the listing.
assert_eq "" "$(listing "$MNT/artifacts")" "artifacts/ before"
[ ! -e "$MNT/artifacts/ext/new.txt" ] || fail "ext/new.txt before add"
echo "added by the CLI" > "$WORK/new.txt"
"$REGFS" -C "$ROOT" add "$WORK/new.txt" --key ext/new.txt >/dev/null || fail "regfs add"
wait_until 1 has_content "$MNT/artifacts/ext/new.txt" "added by the CLI" || fail "added file not shown within 1 s"
assert_eq ext "$(listing "$MNT/artifacts")" "artifacts/ after add"

step "regfs rm while mounted: the file moves to .trash"
"$REGFS" -C "$ROOT" rm ext/new.txt >/dev/null || fail "regfs rm"
wait_until 1 test ! -e "$MNT/artifacts/ext/new.txt" || fail "trashed file still in artifacts/ after 1 s"
wait_until 1 has_content "$MNT/.trash/artifacts/ext/new.txt" "added by the CLI" || fail "trashed file not in .trash within 1 s"
wait_until 1 not_listed "$MNT/artifacts" ext || fail "empty directory ext still listed after 1 s"

step "regfs restore while mounted: the file comes back"
"$REGFS" -C "$ROOT" restore ext/new.txt >/dev/null || fail "regfs restore"
wait_until 1 has_content "$MNT/artifacts/ext/new.txt" "added by the CLI" || fail "restored file not shown within 1 s"
wait_until 1 test ! -e "$MNT/.trash/artifacts/ext/new.txt" || fail "restored file still in .trash after 1 s"

step "a new version added by the CLI replaces what cat shows"
cat "$MNT/artifacts/ext/new.txt" >/dev/null  # the old content is in the page cache now
echo "second version from the CLI" > "$WORK/new2.txt"
"$REGFS" -C "$ROOT" add "$WORK/new2.txt" --key ext/new.txt >/dev/null || fail "regfs add of a new version"
assert_eq 2 "$(sql "$ROOT" "SELECT count(*) FROM $ART WHERE key='ext/new.txt'")" "two versions"
wait_until 1 has_content "$MNT/artifacts/ext/new.txt" "second version from the CLI" || fail "new version not shown within 1 s"
assert_eq "$(stat -c %s "$WORK/new2.txt")" "$(stat -c %s "$MNT/artifacts/ext/new.txt")" "size of the new version"

step "a key changed with sqlite3 (as LaminDB would) is shown within 1 s"
sql "$ROOT" "UPDATE $ART SET key='renamed/by-sql.txt', updated_at='$(now_utc)' WHERE id=(SELECT max(id) FROM $ART WHERE key='ext/new.txt')"
wait_until 1 has_content "$MNT/artifacts/renamed/by-sql.txt" "second version from the CLI" || fail "re-keyed record not shown within 1 s"
wait_until 1 has_content "$MNT/artifacts/ext/new.txt" "added by the CLI" || fail "the first version not shown at ext/new.txt within 1 s"

step "a second mount sees a write made through the first within 1 s"
mount_regfs "$ROOT" "$MNT2"
assert_eq "$(printf 'ext\nrenamed')" "$(listing "$MNT2/artifacts" | sort)" "second mount shows the same tree"
[ ! -e "$MNT2/artifacts/shared.txt" ] || fail "shared.txt before the write"
echo "written through mount 1" > "$MNT/artifacts/shared.txt"
wait_until 1 has_content "$MNT2/artifacts/shared.txt" "written through mount 1" || fail "write through mount 1 not shown in mount 2 within 1 s"
echo "version 2 through mount 1" > "$MNT/artifacts/shared.txt"
wait_until 1 has_content "$MNT2/artifacts/shared.txt" "version 2 through mount 1" || fail "new version through mount 1 not shown in mount 2 within 1 s"
rm "$MNT2/artifacts/shared.txt"
wait_until 1 has_content "$MNT/artifacts/shared.txt" "written through mount 1" || fail "rm through mount 2 not shown in mount 1 within 1 s"
wait_until 1 has_content "$MNT/.trash/artifacts/shared.txt" "version 2 through mount 1" || fail "trash through mount 2 not in mount 1's .trash within 1 s"

unmount_regfs "$MNT2"
unmount_regfs "$MNT"
echo "PASS: $TEST_NAME"
