# Folder artifacts (n_objects set): a read-only directory mirroring the stored folder;
# symlinks inside are neither shown nor followed; rmdir trashes, rmdir in .trash purges.
source "$REGFS_TESTLIB"
require_fuse

ROOT=$WORK/inst MNT=$WORK/mnt
new_instance "$ROOT"
stem=FoLdEr0123456789
stored=$ROOT/.lamindb/$stem
mkdir -p "$stored/sub" "$WORK/outside"
echo alpha > "$stored/a.txt"
echo beta > "$stored/sub/b.txt"
echo secret > "$WORK/outside/secret.txt"
ln -s "$WORK/outside" "$stored/escape"
sql "$ROOT" "INSERT INTO lnschema_core_artifact (version, created_at, updated_at, uid, key, suffix,
  size, hash, hash_type, n_objects, visibility, key_is_virtual, storage_id, created_by_id)
  VALUES (NULL, '2024-05-01 00:00:00.000000', '2024-05-01 00:00:00.000000', '${stem}0000',
  'data/myfolder', '', 11, 'YNCwyFw7rBegqZLBVEckCg', 'md5-d', 2, 1, 1, 1, 1)"
mount_regfs "$ROOT" "$MNT"

step "a folder artifact is a directory with the stored files"
[ -d "$MNT/artifacts/data/myfolder" ] || fail "folder artifact is not a directory"
assert_eq "a.txt
sub" "$(ls "$MNT/artifacts/data/myfolder")" "folder listing (symlink hidden)"
assert_eq "beta" "$(cat "$MNT/artifacts/data/myfolder/sub/b.txt")" "file inside a subfolder"
assert_eq "data/myfolder/a.txt
data/myfolder/sub/b.txt" "$(cd "$MNT/artifacts" && find data -type f | sort)" "find inside the folder"
[ ! -e "$MNT/artifacts/data/myfolder/escape" ] || fail "a symlink inside a stored folder is reachable"
assert_eq "${stem}0000" "$(getfattr --only-values -n user.regfs.uid "$MNT/artifacts/data/myfolder")" "xattr uid"

step "it is read-only inside"
assert_fails_with "Operation not permitted" rm "$MNT/artifacts/data/myfolder/a.txt"
assert_fails_with "Operation not permitted" cp /etc/hostname "$MNT/artifacts/data/myfolder/new.txt"
assert_eq "alpha" "$(cat "$stored/a.txt")" "stored file untouched"

step "rmdir trashes it, rmdir in .trash purges it (stored folder removed, outside kept)"
rmdir "$MNT/artifacts/data/myfolder"
assert_eq "-1" "$(sql "$ROOT" "SELECT visibility FROM lnschema_core_artifact WHERE uid='${stem}0000'")" "trashed"
[ -d "$MNT/.trash/artifacts/data/myfolder" ] || fail "folder not in .trash"
rmdir "$MNT/.trash/artifacts/data/myfolder"
assert_eq "0" "$(sql "$ROOT" "SELECT count(*) FROM lnschema_core_artifact WHERE uid='${stem}0000'")" "row purged"
# The stored folder goes right after the answer (the purge itself is committed before it).
gone_soon "$stored" || fail "stored folder still on disk 2 s after the purge"
assert_eq "secret" "$(cat "$WORK/outside/secret.txt")" "the symlink's target outside was not touched"
unmount_regfs "$MNT"
echo "PASS: $TEST_NAME"
