#!/usr/bin/env bash
# Versions and name clashes through the mount (SPEC.md sections 3 and 4): a second write to
# a key makes a new version shown at the key; rm shows the previous version again; records
# that share a path in .trash get `<name>@<uid><suffix>`; mv onto an existing key trashes
# the displaced record; RENAME_NOREPLACE gives EEXIST.
# shellcheck source=../lib.sh
source "${REGFS_TESTLIB:?REGFS_TESTLIB not set (run through ctest)}"
require_fuse

ROOT=$WORK/inst
MNT=$WORK/mnt
ART=lnschema_core_artifact
new_instance "$ROOT"
mount_regfs "$ROOT" "$MNT"
echo "first content" > "$WORK/a.txt"
echo "second, longer content" > "$WORK/b.txt"

step "cp a then cp b to one key: two versions, the latest shown"
cp "$WORK/a.txt" "$MNT/artifacts/v.txt"
cp "$WORK/b.txt" "$MNT/artifacts/v.txt"
assert_eq 2 "$(sql "$ROOT" "SELECT count(*) FROM $ART WHERE key='v.txt'")" "rows at key v.txt"
assert_eq 1 "$(sql "$ROOT" "SELECT count(DISTINCT substr(uid, 1, 16)) FROM $ART WHERE key='v.txt'")" "one version family (uid stem)"
V1=$(sql "$ROOT" "SELECT uid FROM $ART WHERE key='v.txt' ORDER BY id LIMIT 1")
V2=$(sql "$ROOT" "SELECT uid FROM $ART WHERE key='v.txt' ORDER BY id DESC LIMIT 1")
[ "$V1" != "$V2" ] || fail "the second write made no new record"
assert_eq "1|1" "$(sql "$ROOT" "SELECT group_concat(visibility, '|') FROM (SELECT visibility FROM $ART WHERE key='v.txt' ORDER BY id)")" "both versions visible"
assert_eq "$(md5_b64 "$WORK/b.txt")" "$(sql "$ROOT" "SELECT hash FROM $ART WHERE uid='$V2'")" "hash of the new version"
assert_eq "second, longer content" "$(cat "$MNT/artifacts/v.txt")" "cat shows the latest"
assert_eq "$(stat -c %s "$WORK/b.txt")" "$(stat -c %s "$MNT/artifacts/v.txt")" "size of the latest"
assert_eq v.txt "$(listing "$MNT/artifacts")" "one name for the two versions"

step "the same content again creates nothing"
cp "$WORK/b.txt" "$MNT/artifacts/v.txt"
assert_eq 2 "$(sql "$ROOT" "SELECT count(*) FROM $ART WHERE key='v.txt'")" "rows after writing identical content"

step "rm shows the previous version again"
rm "$MNT/artifacts/v.txt"
assert_eq "1|-1" "$(sql "$ROOT" "SELECT visibility FROM $ART WHERE uid='$V1'")|$(sql "$ROOT" "SELECT visibility FROM $ART WHERE uid='$V2'")" "visibility after rm"
assert_eq "first content" "$(cat "$MNT/artifacts/v.txt")" "cat after rm shows the previous version"
assert_eq "$(stat -c %s "$WORK/a.txt")" "$(stat -c %s "$MNT/artifacts/v.txt")" "size after rm"
assert_eq v.txt "$(listing "$MNT/.trash/artifacts")" "the trashed version in .trash"

step "two trashed records at one path: the most recently trashed keeps the name"
rm "$MNT/artifacts/v.txt"
assert_eq "-1|-1" "$(sql "$ROOT" "SELECT visibility FROM $ART WHERE uid='$V1'")|$(sql "$ROOT" "SELECT visibility FROM $ART WHERE uid='$V2'")" "both trashed"
[ ! -e "$MNT/artifacts/v.txt" ] || fail "v.txt still shown with both versions trashed"
assert_eq "$(printf 'v.txt\nv@%s.txt' "$V2")" "$(listing "$MNT/.trash/artifacts" | sort)" ".trash names"
assert_eq "first content" "$(cat "$MNT/.trash/artifacts/v.txt")" "plain name = most recently trashed (V1)"
assert_eq "second, longer content" "$(cat "$MNT/.trash/artifacts/v@$V2.txt")" "the other at name@uid"

step "restoring the one at name@uid takes the key back"
mv "$MNT/.trash/artifacts/v@$V2.txt" "$MNT/artifacts/v.txt"
assert_eq 1 "$(sql "$ROOT" "SELECT visibility FROM $ART WHERE uid='$V2'")" "V2 restored"
assert_eq "v.txt" "$(sql "$ROOT" "SELECT key FROM $ART WHERE uid='$V2'")" "V2 keeps its key"
assert_eq "second, longer content" "$(cat "$MNT/artifacts/v.txt")" "restored content at the key"
assert_eq v.txt "$(listing "$MNT/.trash/artifacts")" "V1 alone in .trash, plain name"

step "mv onto an existing key: the displaced record goes to the trash"
echo "content of x" > "$MNT/artifacts/x.txt"
echo "content of y" > "$MNT/artifacts/y.txt"
X=$(sql "$ROOT" "SELECT uid FROM $ART WHERE key='x.txt'")
Y=$(sql "$ROOT" "SELECT uid FROM $ART WHERE key='y.txt'")
mv "$MNT/artifacts/x.txt" "$MNT/artifacts/y.txt"
assert_eq "content of x" "$(cat "$MNT/artifacts/y.txt")" "y.txt shows x's content"
[ ! -e "$MNT/artifacts/x.txt" ] || fail "x.txt still shown after mv"
assert_eq "1|y.txt" "$(sql "$ROOT" "SELECT visibility, key FROM $ART WHERE uid='$X'")" "x's record re-keyed"
assert_eq "-1|y.txt" "$(sql "$ROOT" "SELECT visibility, key FROM $ART WHERE uid='$Y'")" "displaced y record in the trash"
assert_eq "content of y" "$(cat "$MNT/.trash/artifacts/y.txt")" "displaced content in .trash"

step "RENAME_NOREPLACE onto an existing key: EEXIST"
echo "c content" > "$MNT/artifacts/c.txt"
echo "d content" > "$MNT/artifacts/d.txt"
if [ -n "$PYTHON3" ]; then
  assert_eq 17 "$(rename_noreplace "$MNT/artifacts/c.txt" "$MNT/artifacts/d.txt")" "errno of renameat2(RENAME_NOREPLACE)"
  assert_eq "c content|d content" "$(cat "$MNT/artifacts/c.txt")|$(cat "$MNT/artifacts/d.txt")" "both files unchanged"
  assert_eq "1|1" "$(sql "$ROOT" "SELECT group_concat(visibility, '|') FROM $ART WHERE key IN ('c.txt', 'd.txt')")" "both records visible"
  assert_eq 0 "$(rename_noreplace "$MNT/artifacts/c.txt" "$MNT/artifacts/e.txt")" "RENAME_NOREPLACE onto a free name"
  assert_eq "c content" "$(cat "$MNT/artifacts/e.txt")" "renamed with RENAME_NOREPLACE"
else
  echo "python3 missing: RENAME_NOREPLACE check skipped" >&2
fi

step "restoring a newer version from .trash keeps the older version visible"
echo "n1" > "$MNT/artifacts/n.txt"
echo "n2" > "$MNT/artifacts/n.txt"
N1=$(sql "$ROOT" "SELECT uid FROM $ART WHERE key='n.txt' ORDER BY id LIMIT 1")
N2=$(sql "$ROOT" "SELECT uid FROM $ART WHERE key='n.txt' ORDER BY id DESC LIMIT 1")
rm "$MNT/artifacts/n.txt"
assert_eq n1 "$(cat "$MNT/artifacts/n.txt")" "older version shown after rm"
mv "$MNT/.trash/artifacts/n.txt" "$MNT/artifacts/n.txt"
assert_eq n2 "$(cat "$MNT/artifacts/n.txt")" "restored newer version shown"
assert_eq "1|1" "$(sql "$ROOT" "SELECT visibility FROM $ART WHERE uid='$N1'")|$(sql "$ROOT" "SELECT visibility FROM $ART WHERE uid='$N2'")" \
  "visibility of the older|newer version (the older one is a version of the restored record, not displaced)"
assert_eq "" "$(listing "$MNT/.trash/artifacts" | grep '^n' || true)" "nothing of n.txt left in .trash"

unmount_regfs "$MNT"
echo "PASS: $TEST_NAME"
