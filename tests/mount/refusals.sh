#!/usr/bin/env bash
# Every refusal of the operations table (SPEC.md section 4) with its errno, and that a
# refusal changes nothing: writes into .trash, collection members, purge of a protected
# record, links and device nodes, a missing stored file (EIO, daemon keeps serving), and
# chmod/chown/touch accepted without effect.
# shellcheck source=../lib.sh
source "${REGFS_TESTLIB:?REGFS_TESTLIB not set (run through ctest)}"
require_fuse

ROOT=$WORK/inst
MNT=$WORK/mnt
ART=lnschema_core_artifact
EPERM="Operation not permitted"
new_instance "$ROOT"
mount_regfs "$ROOT" "$MNT"
echo "new content" > "$WORK/new.txt"

step "setup: files, one trashed, a collection C with two members"
echo "keep" > "$MNT/artifacts/keep.txt"
echo "trashed" > "$MNT/artifacts/t.txt"
echo "member one" > "$MNT/artifacts/m1.txt"
echo "member two" > "$MNT/artifacts/m2.txt"
rm "$MNT/artifacts/t.txt"
id_of() { sql "$ROOT" "SELECT id FROM $ART WHERE key='$1'"; }
make_collection "$ROOT" C "$(id_of m1.txt)" "$(id_of m2.txt)" >/dev/null
wait_until 1 test -f "$MNT/collections/C/m1.txt" || fail "collection C not shown within 1 s"
snapshot() { sql "$ROOT" "SELECT * FROM $ART ORDER BY id; SELECT * FROM lnschema_core_collectionartifact ORDER BY id"; }
BEFORE=$(snapshot)

step "create, write, truncate, mkdir and rename into .trash: EPERM"
assert_fails_with "$EPERM" cp "$WORK/new.txt" "$MNT/.trash/artifacts/new.txt"
assert_fails_with "$EPERM" cp "$WORK/new.txt" "$MNT/.trash/new.txt"
assert_fails_with "$EPERM" sh -c 'echo x > "$1"' sh "$MNT/.trash/artifacts/t.txt"
assert_fails_with "$EPERM" sh -c 'echo x >> "$1"' sh "$MNT/.trash/artifacts/t.txt"
assert_fails_with "$EPERM" truncate -s 0 "$MNT/.trash/artifacts/t.txt"
assert_fails_with "$EPERM" mkdir "$MNT/.trash/artifacts/newdir"
assert_fails_with "$EPERM" mkdir "$MNT/.trash/newdir"
assert_fails_with "$EPERM" mv "$MNT/artifacts/keep.txt" "$MNT/.trash/artifacts/keep.txt"
assert_fails_with "$EPERM" mv "$MNT/artifacts/keep.txt" "$MNT/.trash/artifacts/other.txt"
assert_eq "trashed" "$(cat "$MNT/.trash/artifacts/t.txt")" "trashed content unchanged"
assert_eq "keep" "$(cat "$MNT/artifacts/keep.txt")" "keep.txt still in artifacts/"
assert_eq "t.txt" "$(listing "$MNT/.trash/artifacts")" ".trash/artifacts/ unchanged"
assert_eq "$BEFORE" "$(snapshot)" "database after the refused .trash writes"

step "unlink, rename and write of a collection member: EPERM"
assert_fails_with "$EPERM" rm "$MNT/collections/C/m1.txt"
assert_fails_with "$EPERM" mv "$MNT/collections/C/m1.txt" "$MNT/artifacts/moved.txt"
assert_fails_with "$EPERM" mv "$MNT/collections/C/m1.txt" "$MNT/collections/C/renamed.txt"
assert_fails_with "$EPERM" sh -c 'echo x > "$1"' sh "$MNT/collections/C/m1.txt"
assert_fails_with "$EPERM" cp "$WORK/new.txt" "$MNT/collections/C/new.txt"
assert_eq "member one" "$(cat "$MNT/collections/C/m1.txt")" "member still readable"
assert_eq "$(printf 'm1.txt\nm2.txt')" "$(listing "$MNT/collections/C" | sort)" "members unchanged"
assert_eq "$BEFORE" "$(snapshot)" "database after the refused member changes"

step "links, symlinks and device nodes: EPERM"
assert_fails_with "$EPERM" ln "$MNT/artifacts/keep.txt" "$MNT/artifacts/hard.txt"
assert_fails_with "$EPERM" ln -s keep.txt "$MNT/artifacts/sym.txt"
assert_fails_with "$EPERM" mkfifo "$MNT/artifacts/fifo"
assert_fails_with "$EPERM" mknod "$MNT/artifacts/null" c 1 3
for n in hard.txt sym.txt fifo null; do [ ! -e "$MNT/artifacts/$n" ] && [ ! -L "$MNT/artifacts/$n" ] || fail "$n exists"; done
assert_eq "$BEFORE" "$(snapshot)" "database after the refused links"

step "chmod, chown and touch on a visible file: accepted, nothing changes"
chmod 600 "$MNT/artifacts/keep.txt" || fail "chmod exited $?"
chown "$(id -u):$(id -g)" "$MNT/artifacts/keep.txt" || fail "chown exited $?"
touch "$MNT/artifacts/keep.txt" || fail "touch exited $?"
touch -d '2001-01-01 00:00:00' "$MNT/artifacts/keep.txt" || fail "touch -d exited $?"
chmod 755 "$MNT/artifacts" || fail "chmod of a directory exited $?"
assert_eq "keep" "$(cat "$MNT/artifacts/keep.txt")" "content after chmod/chown/touch"
assert_eq "$BEFORE" "$(snapshot)" "database after chmod/chown/touch"

step "purge of a protected record (a trashed collection member): EPERM, reason in the log"
rm "$MNT/artifacts/m1.txt"
M1=$(sql "$ROOT" "SELECT uid FROM $ART WHERE key='m1.txt'")
assert_eq -1 "$(sql "$ROOT" "SELECT visibility FROM $ART WHERE uid='$M1'")" "a member can be trashed"
assert_fails_with "$EPERM" rm "$MNT/.trash/artifacts/m1.txt"
assert_eq "1|-1" "$(sql "$ROOT" "SELECT count(*), visibility FROM $ART WHERE uid='$M1'")" "protected row kept"
[ -f "$ROOT/.lamindb/$M1.txt" ] || fail "stored file of the protected record deleted"
assert_eq "member one" "$(cat "$MNT/.trash/artifacts/m1.txt")" "protected record still in .trash"
grep -q "$M1.*member of collection" "$WORK/daemon.log" || fail "no 'member of collection' reason for $M1 in the daemon log"
assert_fails_with "$EPERM" rm -rf "$MNT/.trash/artifacts/m1.txt"
assert_eq 2 "$(sql "$ROOT" "SELECT count(*) FROM lnschema_core_collectionartifact")" "links kept"

step "read of a record whose stored file is missing: EIO, path in the log, still serving"
echo "soon missing" > "$MNT/artifacts/miss.txt"
MISS=$(sql "$ROOT" "SELECT uid FROM $ART WHERE key='miss.txt'")
rm "$ROOT/.lamindb/$MISS.txt"
assert_fails_with "Input/output error" cat "$MNT/artifacts/miss.txt"
grep -qF "$ROOT/.lamindb/$MISS.txt" "$WORK/daemon.log" || fail "the missing path $ROOT/.lamindb/$MISS.txt is not in the daemon log"
assert_contains "$(listing "$MNT/artifacts")" "keep.txt" "ls after the EIO"
assert_eq "keep" "$(cat "$MNT/artifacts/keep.txt")" "reads after the EIO"
mountpoint -q "$MNT" || fail "the mount went away after the EIO"

unmount_regfs "$MNT"
echo "PASS: $TEST_NAME"
