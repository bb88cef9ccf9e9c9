#!/usr/bin/env bash
# Directory operations through the mount (SPEC.md section 4): rm -r trashes a tree, mv out of
# .trash restores it, mv of a directory re-keys every record below it, rm -rf .trash/*
# purges; mkdir/rmdir; rmdir of a non-empty directory; find, du and tar over the mount.
# shellcheck source=../lib.sh
source "${REGFS_TESTLIB:?REGFS_TESTLIB not set (run through ctest)}"
require_fuse

ROOT=$WORK/inst
MNT=$WORK/mnt
ART=lnschema_core_artifact
new_instance "$ROOT"
mount_regfs "$ROOT" "$MNT"

step "a tree D with nested directories, copied in with cp -r"
SRC=$WORK/D
mkdir -p "$SRC/sub/deep" "$SRC/other"
echo "top a" > "$SRC/a.txt"
printf 'x,y\n1,2\n' > "$SRC/b.csv"
echo "in sub" > "$SRC/sub/c.txt"
head -c 5000 /dev/urandom > "$SRC/sub/deep/d.bin"
echo "other e" > "$SRC/other/e.json"
FILES="D/a.txt
D/b.csv
D/other/e.json
D/sub/c.txt
D/sub/deep/d.bin"
cp -r "$SRC" "$MNT/artifacts/D"
assert_eq "$FILES" "$(sql "$ROOT" "SELECT key FROM $ART WHERE visibility=1 ORDER BY key")" "keys after cp -r"
assert_eq "$(cd "$WORK" && find D -type f | sort)" "$(cd "$MNT/artifacts" && find D -type f | sort)" "find -type f"
diff -r "$SRC" "$MNT/artifacts/D" || fail "diff -r of the copied tree"
declare -A UIDS
for k in $FILES; do UIDS[$k]=$(sql "$ROOT" "SELECT uid FROM $ART WHERE key='$k'"); done

step "find, du -s and tar -c out of the mount"
assert_eq "$(find "$SRC" -type f | wc -l)" "$(find "$MNT/artifacts" -type f | wc -l)" "find artifacts -type f count"
DU=$(du -s --apparent-size -B1 "$MNT/artifacts/D" | cut -f1)
[ "$DU" -ge "$(cat "$SRC"/a.txt "$SRC"/b.csv "$SRC"/sub/c.txt "$SRC"/sub/deep/d.bin "$SRC"/other/e.json | wc -c)" ] \
  || fail "du -s --apparent-size of D is $DU, less than the content"
du -s "$MNT/artifacts" >/dev/null || fail "du -s of artifacts/"
tar -C "$MNT/artifacts" -cf "$WORK/out.tar" D || fail "tar -c out of the mount"
assert_eq "$FILES" "$(tar -tf "$WORK/out.tar" | grep -v '/$' | sort)" "tar -t lists the files"
mkdir "$WORK/untar"
tar -C "$WORK/untar" -xf "$WORK/out.tar"
diff -r "$SRC" "$WORK/untar/D" || fail "content of the tar made from the mount"

step "rm -r artifacts/D trashes everything below D"
rm -r "$MNT/artifacts/D"
assert_eq "-1|5" "$(sql "$ROOT" "SELECT min(visibility), count(*) FROM $ART WHERE key LIKE 'D/%' AND visibility=-1")" "visibility of D/*"
assert_eq 0 "$(sql "$ROOT" "SELECT count(*) FROM $ART WHERE visibility=1")" "nothing visible"
[ ! -e "$MNT/artifacts/D" ] || fail "D still in artifacts/ after rm -r"
assert_eq "" "$(listing "$MNT/artifacts")" "artifacts/ after rm -r"
assert_eq "$FILES" "$(cd "$MNT/.trash/artifacts" && find D -type f | sort)" "the tree under .trash/artifacts/"
cmp -s "$SRC/sub/deep/d.bin" "$MNT/.trash/artifacts/D/sub/deep/d.bin" || fail "trashed content"

step "mv .trash/artifacts/D artifacts/D restores all"
mv "$MNT/.trash/artifacts/D" "$MNT/artifacts/D"
assert_eq "$FILES" "$(sql "$ROOT" "SELECT key FROM $ART WHERE visibility=1 ORDER BY key")" "keys after restore"
for k in $FILES; do
  assert_eq 1 "$(sql "$ROOT" "SELECT visibility FROM $ART WHERE uid='${UIDS[$k]}'")" "visibility of $k after restore"
done
[ ! -e "$MNT/.trash/artifacts/D" ] || fail ".trash/artifacts/D still there after the restore"
diff -r "$SRC" "$MNT/artifacts/D" || fail "diff -r after restore"

step "mv artifacts/D artifacts/E re-keys all"
mv "$MNT/artifacts/D" "$MNT/artifacts/E"
assert_eq "$(printf '%s\n' $FILES | sed 's#^D/#E/#')" "$(sql "$ROOT" "SELECT key FROM $ART ORDER BY key")" "keys after mv D E"
for k in $FILES; do
  assert_eq "E/${k#D/}" "$(sql "$ROOT" "SELECT key FROM $ART WHERE uid='${UIDS[$k]}'")" "the record of $k moved, not copied"
done
[ ! -e "$MNT/artifacts/D" ] || fail "D still shown after mv"
diff -r "$SRC" "$MNT/artifacts/E" || fail "diff -r after mv"
assert_eq 5 "$(sql "$ROOT" "SELECT count(*) FROM $ART")" "no record added by mv"

step "rm -r artifacts/E, then rm -rf .trash/* purges"
STORED_FILES=$(for k in $FILES; do sql "$ROOT" "SELECT '$ROOT/.lamindb/' || uid || suffix FROM $ART WHERE uid='${UIDS[$k]}'"; done)
for f in $STORED_FILES; do [ -f "$f" ] || fail "stored file $f missing before purge"; done
rm -r "$MNT/artifacts/E"
assert_eq 5 "$(sql "$ROOT" "SELECT count(*) FROM $ART WHERE visibility=-1")" "all trashed"
rm -rf "$MNT/.trash/"* || fail "rm -rf .trash/* exited $?"
assert_eq 0 "$(sql "$ROOT" "SELECT count(*) FROM $ART")" "rows after rm -rf .trash/*"
for f in $STORED_FILES; do [ ! -e "$f" ] || fail "stored file $f left after purge"; done
assert_eq "" "$(listing "$MNT/.trash/artifacts")" ".trash/artifacts/ after purge"
assert_eq "$(printf 'artifacts\ncollections')" "$(ls -A "$MNT/.trash" | sort)" ".trash keeps its fixed entries"

step "mkdir and rmdir of an empty directory"
mkdir "$MNT/artifacts/empty"
[ -d "$MNT/artifacts/empty" ] || fail "mkdir made no directory"
mkdir -p "$MNT/artifacts/p/q/r"
[ -d "$MNT/artifacts/p/q/r" ] || fail "mkdir -p made no directory"
assert_fails_with "File exists" mkdir "$MNT/artifacts/empty"
rmdir "$MNT/artifacts/empty"
[ ! -e "$MNT/artifacts/empty" ] || fail "rmdir left the directory"
assert_eq 0 "$(sql "$ROOT" "SELECT count(*) FROM $ART")" "mkdir/rmdir make no records"

step "rmdir of a non-empty directory: Directory not empty"
echo inside > "$MNT/artifacts/p/q/r/f.txt"
assert_eq 1 "$(sql "$ROOT" "SELECT count(*) FROM $ART WHERE key='p/q/r/f.txt' AND visibility=1")" "file written into a made directory"
assert_fails_with "Directory not empty" rmdir "$MNT/artifacts/p/q/r"
assert_fails_with "Directory not empty" rmdir "$MNT/artifacts/p"
assert_eq "inside" "$(cat "$MNT/artifacts/p/q/r/f.txt")" "file after the refused rmdir"
assert_eq 1 "$(sql "$ROOT" "SELECT visibility FROM $ART WHERE key='p/q/r/f.txt'")" "record after the refused rmdir"

step "rm -r of a tree whose directories exist only through keys (records added by the CLI)"
echo "k1" > "$WORK/k1.txt"
echo "k2" > "$WORK/k2.txt"
"$REGFS" -C "$ROOT" add "$WORK/k1.txt" --key K/sub/deep/k1.txt >/dev/null || fail "regfs add k1"
"$REGFS" -C "$ROOT" add "$WORK/k2.txt" --key K/k2.txt >/dev/null || fail "regfs add k2"
wait_until 1 test -f "$MNT/artifacts/K/sub/deep/k1.txt" || fail "CLI-added tree not shown within 1 s"
wait_until 1 test -f "$MNT/artifacts/K/k2.txt" || fail "CLI-added file not shown within 1 s"
rm -r "$MNT/artifacts/K" || fail "rm -r of a key-only tree exited $?"
assert_eq "-1|-1" "$(sql "$ROOT" "SELECT group_concat(visibility, '|') FROM $ART WHERE key LIKE 'K/%'")" "records of K trashed"
[ ! -e "$MNT/artifacts/K" ] || fail "K still shown after rm -r"
assert_eq "K/k2.txt
K/sub/deep/k1.txt" "$(cd "$MNT/.trash/artifacts" && find K -type f | sort)" "K under .trash/artifacts/"

unmount_regfs "$MNT"
echo "PASS: $TEST_NAME"
