#!/usr/bin/env bash
# Ordinary copy tools in and out of the mount (SPEC.md section 4): cp -a, rsync -a (temp
# file + rename), tar -x into artifacts/; diff -r against the source; cp -r and cat out;
# getfattr/setfattr of user.regfs.*; a read through mmap.
# shellcheck source=../lib.sh
source "${REGFS_TESTLIB:?REGFS_TESTLIB not set (run through ctest)}"
require_fuse

ROOT=$WORK/inst
MNT=$WORK/mnt
ART=lnschema_core_artifact
new_instance "$ROOT"
mount_regfs "$ROOT" "$MNT"

SRC=$WORK/src
mkdir -p "$SRC/sub/deeper"
echo "x file" > "$SRC/x.txt"
printf 'a,b\n1,2\n3,4\n' > "$SRC/sub/y.csv"
echo '{"z": 1}' > "$SRC/sub/deeper/z.json"
head -c 300000 /dev/urandom > "$SRC/sub/big.bin"
N_SRC=$(find "$SRC" -type f | wc -l)
keys_under() { sql "$ROOT" "SELECT key FROM $ART WHERE visibility=1 AND key LIKE '$1/%' ORDER BY key"; }
expected_keys() { (cd "$SRC" && find . -type f | sed "s#^\./#$1/#" | LC_ALL=C sort); }

step "cp -a of a tree into artifacts/"
cp -a "$SRC" "$MNT/artifacts/cpa" || fail "cp -a exited $?"
diff -r "$SRC" "$MNT/artifacts/cpa" || fail "diff -r after cp -a"
assert_eq "$(expected_keys cpa)" "$(keys_under cpa | LC_ALL=C sort)" "keys after cp -a"

step "rsync -a of a tree into artifacts/ (temp files renamed into place)"
rsync -a "$SRC/" "$MNT/artifacts/rs/" || fail "rsync -a exited $?"
diff -r "$SRC" "$MNT/artifacts/rs" || fail "diff -r after rsync -a"
assert_eq "$(expected_keys rs)" "$(keys_under rs | LC_ALL=C sort)" "keys after rsync -a (no temp name left visible)"
assert_eq "" "$(find "$MNT/artifacts/rs" -name '.*')" "no rsync temp file shown"
assert_eq "$N_SRC" "$(sql "$ROOT" "SELECT count(*) FROM $ART WHERE visibility=1 AND key LIKE 'rs/%'")" "visible records under rs/"
step "rsync -a again after a source file changed: the key shows the new content"
echo "x file, changed" > "$SRC/x.txt"
rsync -a "$SRC/" "$MNT/artifacts/rs/" || fail "second rsync -a exited $?"
diff -r "$SRC" "$MNT/artifacts/rs" || fail "diff -r after the second rsync -a"
assert_eq "$(expected_keys rs)" "$(keys_under rs | LC_ALL=C sort)" "keys after the second rsync -a"
assert_eq "x file, changed" "$(cat "$MNT/artifacts/rs/x.txt")" "changed file through the mount"
assert_eq "$(md5_b64 "$SRC/x.txt")" "$(sql "$ROOT" "SELECT hash FROM $ART WHERE visibility=1 AND key='rs/x.txt'")" "hash of the visible rs/x.txt"
assert_eq 0 "$(sql "$ROOT" "SELECT count(*) FROM $ART WHERE visibility=1 AND key LIKE 'rs/%' AND key NOT IN ($(expected_keys rs | sed "s/.*/'&'/" | paste -sd,))")" "no visible temp-name record"
echo "x file" > "$SRC/x.txt"
step "tar -x into artifacts/"
tar -C "$WORK" -cf "$WORK/src.tar" src
mkdir "$MNT/artifacts/tx"
tar -C "$MNT/artifacts/tx" -xf "$WORK/src.tar" || fail "tar -x exited $?"
diff -r "$SRC" "$MNT/artifacts/tx/src" || fail "diff -r after tar -x"
assert_eq "$(expected_keys tx/src)" "$(keys_under tx | LC_ALL=C sort)" "keys after tar -x"

step "cp -r and cat out of the mount"
cp -r "$MNT/artifacts/cpa" "$WORK/out" || fail "cp -r out exited $?"
diff -r "$SRC" "$WORK/out" || fail "diff -r of the tree copied out"
assert_eq "x file" "$(cat "$MNT/artifacts/cpa/x.txt")" "cat"
cmp -s "$SRC/sub/big.bin" "$MNT/artifacts/tx/src/sub/big.bin" || fail "cmp of the 300 kB file"

step "getfattr -d shows user.regfs.*"
F=$MNT/artifacts/cpa/sub/y.csv
read -r UID_ HASH _ CREATED UPDATED < <(sql "$ROOT" "SELECT uid, hash, hash_type, replace(created_at, ' ', 'T'), replace(updated_at, ' ', 'T') FROM $ART WHERE key='cpa/sub/y.csv'" | tr '|' ' ')
CREATED=${CREATED/T/ }
UPDATED=${UPDATED/T/ }
XA=$(getfattr --absolute-names -d -m user.regfs "$F" 2>&1) || fail "getfattr -d: $XA"
assert_contains "$XA" "user.regfs.uid=\"$UID_\"" "getfattr uid"
assert_contains "$XA" "user.regfs.hash=\"$HASH\"" "getfattr hash"
assert_eq "$(md5_b64 "$SRC/sub/y.csv")" "$HASH" "hash of the copied file"
assert_contains "$XA" "user.regfs.hash_type=\"md5\"" "getfattr hash_type"
assert_contains "$XA" "user.regfs.key=\"cpa/sub/y.csv\"" "getfattr key"
assert_contains "$XA" "user.regfs.created_at=\"$CREATED\"" "getfattr created_at"
assert_contains "$XA" "user.regfs.updated_at=\"$UPDATED\"" "getfattr updated_at"
assert_eq "$UID_" "$(getfattr --absolute-names --only-values -n user.regfs.uid "$F")" "getfattr -n user.regfs.uid"
# Only user.* exists: other namespaces are not supported (so `ls -l` stops asking), and a
# user attribute that regfs does not define is simply absent.
assert_fails_with "Operation not supported" getfattr --absolute-names -n security.selinux "$F"
assert_fails_with "Operation not supported" getfattr --absolute-names -n system.posix_acl_access "$F"
assert_fails_with "No such attribute" getfattr --absolute-names -n user.other "$F"

step "setfattr -n user.regfs.description changes the description"
setfattr -n user.regfs.description -v "measured on tuesday" "$F" || fail "setfattr exited $?"
assert_eq "measured on tuesday" "$(sql "$ROOT" "SELECT description FROM $ART WHERE uid='$UID_'")" "description in the database"
assert_eq "measured on tuesday" "$(getfattr --absolute-names --only-values -n user.regfs.description "$F")" "description read back"
assert_fails_with "Operation not permitted" setfattr -n user.regfs.hash -v forged "$F"
assert_eq "$HASH" "$(sql "$ROOT" "SELECT hash FROM $ART WHERE uid='$UID_'")" "hash not forged"

step "a read through mmap"
if [ -n "$PYTHON3" ]; then
  "$PYTHON3" - "$MNT/artifacts/rs/sub/big.bin" "$SRC/sub/big.bin" <<'PY' || fail "mmap read differs"
import mmap, os, sys
fd = os.open(sys.argv[1], os.O_RDONLY)
try:
    m = mmap.mmap(fd, 0, prot=mmap.PROT_READ)
    data = m[:]
    m.close()
finally:
    os.close(fd)
with open(sys.argv[2], "rb") as f:
    want = f.read()
sys.exit(0 if data == want else 1)
PY
else
  echo "python3 missing: mmap check skipped" >&2
fi

unmount_regfs "$MNT"
echo "PASS: $TEST_NAME"
