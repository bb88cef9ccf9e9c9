#!/usr/bin/env bash
# collections/ through the mount (SPEC.md sections 3 and 4): members listed in link order
# and readable, member name clashes get @uid, rmdir trashes a collection (members
# untouched), mv out of .trash restores it (with its meta artifact), rmdir in .trash purges
# it (collection and link rows gone, member artifacts kept); a meta artifact is protected.
# shellcheck source=../lib.sh
source "${REGFS_TESTLIB:?REGFS_TESTLIB not set (run through ctest)}"
require_fuse

ROOT=$WORK/inst
MNT=$WORK/mnt
ART=lnschema_core_artifact
COL=lnschema_core_collection
LINK=lnschema_core_collectionartifact
new_instance "$ROOT"
mount_regfs "$ROOT" "$MNT"

step "setup: artifacts written through the mount, collections inserted with sqlite3"
mkdir -p "$MNT/artifacts/data" "$MNT/artifacts/other" "$MNT/artifacts/x"
echo "zeta content" > "$MNT/artifacts/data/zeta.txt"
echo "alpha content" > "$MNT/artifacts/data/alpha.txt"
echo "mid content" > "$MNT/artifacts/other/mid.txt"
echo "another alpha" > "$MNT/artifacts/x/alpha.txt"
echo '{"meta": true}' > "$MNT/artifacts/meta.json"
id_of() { sql "$ROOT" "SELECT id FROM $ART WHERE key='$1'"; }
uid_of() { sql "$ROOT" "SELECT uid FROM $ART WHERE key='$1'"; }
# Link order differs from name order on purpose.
C_UID=$(make_collection "$ROOT" C --meta "$(id_of meta.json)" "$(id_of data/zeta.txt)" "$(id_of data/alpha.txt)" "$(id_of other/mid.txt)")
make_collection "$ROOT" D "$(id_of data/alpha.txt)" "$(id_of x/alpha.txt)" >/dev/null
wait_until 1 test -d "$MNT/collections/D" || fail "collections not shown within 1 s"
MEMBERS_BEFORE=$(sql "$ROOT" "SELECT uid, key, visibility FROM $ART ORDER BY id")

step "members in link order, readable"
assert_eq "$(printf 'C\nD')" "$(listing "$MNT/collections" | sort)" "collections/"
assert_eq "$(printf 'zeta.txt\nalpha.txt\nmid.txt')" "$(listing "$MNT/collections/C")" "members of C in link order (ls -U)"
assert_eq "alpha content" "$(cat "$MNT/collections/C/alpha.txt")" "cat of a member"
assert_eq "zeta content" "$(cat "$MNT/collections/C/zeta.txt")" "cat of a member"
assert_eq "$(stat -c %s "$MNT/artifacts/other/mid.txt")" "$(stat -c %s "$MNT/collections/C/mid.txt")" "member size"
cmp -s "$MNT/artifacts/other/mid.txt" "$MNT/collections/C/mid.txt" || fail "member differs from its artifact"

step "two members with one name: the later link gets @uid"
assert_eq "$(printf 'alpha.txt\nalpha@%s.txt' "$(uid_of x/alpha.txt)")" "$(listing "$MNT/collections/D")" "members of D"
assert_eq "alpha content" "$(cat "$MNT/collections/D/alpha.txt")" "first member keeps the plain name"
assert_eq "another alpha" "$(cat "$MNT/collections/D/alpha@$(uid_of x/alpha.txt).txt")" "second member at name@uid"

step "a collection's meta artifact can be trashed, not purged"
rm "$MNT/artifacts/meta.json"
assert_eq -1 "$(sql "$ROOT" "SELECT visibility FROM $ART WHERE key='meta.json'")" "meta artifact trashed"
assert_fails_with "Operation not permitted" rm "$MNT/.trash/artifacts/meta.json"
assert_eq 1 "$(sql "$ROOT" "SELECT count(*) FROM $ART WHERE key='meta.json'")" "meta artifact row kept"

step "rmdir collections/C trashes it, members untouched"
rmdir "$MNT/collections/C"
assert_eq -1 "$(sql "$ROOT" "SELECT visibility FROM $COL WHERE uid='$C_UID'")" "collection visibility after rmdir"
assert_eq 3 "$(sql "$ROOT" "SELECT count(*) FROM $LINK WHERE collection_id=(SELECT id FROM $COL WHERE uid='$C_UID')")" "links kept"
assert_eq "$(printf '%s\n' "$MEMBERS_BEFORE" | sed 's/|meta.json|1$/|meta.json|-1/')" "$(sql "$ROOT" "SELECT uid, key, visibility FROM $ART ORDER BY id")" "artifacts after trashing C"
assert_eq D "$(listing "$MNT/collections")" "collections/ after rmdir"
assert_eq C "$(listing "$MNT/.trash/collections")" ".trash/collections/ after rmdir"
assert_eq "alpha content" "$(cat "$MNT/artifacts/data/alpha.txt")" "member artifact still shown in artifacts/"

step "mv .trash/collections/C collections/C restores it and its meta artifact"
mv "$MNT/.trash/collections/C" "$MNT/collections/C"
assert_eq "1|C" "$(sql "$ROOT" "SELECT visibility, name FROM $COL WHERE uid='$C_UID'")" "collection after restore"
assert_eq 1 "$(sql "$ROOT" "SELECT visibility FROM $ART WHERE key='meta.json'")" "meta artifact restored with the collection"
assert_eq '{"meta": true}' "$(cat "$MNT/artifacts/meta.json" 2>&1)" "the restored meta artifact shown in artifacts/"
[ ! -e "$MNT/.trash/artifacts/meta.json" ] || fail "the restored meta artifact is still shown in .trash/artifacts/"
assert_eq "$(printf 'C\nD')" "$(listing "$MNT/collections" | sort)" "collections/ after restore"
assert_eq "" "$(listing "$MNT/.trash/collections")" ".trash/collections/ after restore"
assert_eq "$(printf 'zeta.txt\nalpha.txt\nmid.txt')" "$(listing "$MNT/collections/C")" "members after restore"

step "rmdir .trash/collections/C purges it; member artifacts stay"
rmdir "$MNT/collections/C"
rmdir "$MNT/.trash/collections/C"
assert_eq 0 "$(sql "$ROOT" "SELECT count(*) FROM $COL WHERE uid='$C_UID'")" "collection row after purge"
assert_eq 0 "$(sql "$ROOT" "SELECT count(*) FROM $LINK WHERE collection_id NOT IN (SELECT id FROM $COL)")" "link rows of C after purge"
assert_eq 2 "$(sql "$ROOT" "SELECT count(*) FROM $LINK")" "links of D kept"
assert_eq "$MEMBERS_BEFORE" "$(sql "$ROOT" "SELECT uid, key, visibility FROM $ART ORDER BY id")" "every artifact kept"
for k in data/zeta.txt data/alpha.txt other/mid.txt meta.json; do
  [ -f "$ROOT/.lamindb/$(uid_of "$k").${k##*.}" ] || fail "stored file of $k gone"
done
assert_eq "" "$(listing "$MNT/.trash/collections")" ".trash/collections/ after purge"
assert_eq D "$(listing "$MNT/collections")" "collections/ after purge"
rm "$MNT/artifacts/meta.json"
rm "$MNT/.trash/artifacts/meta.json" || fail "the former meta artifact is purgeable once its collection is gone"
assert_eq 0 "$(sql "$ROOT" "SELECT count(*) FROM $ART WHERE key='meta.json'")" "meta artifact purged"

unmount_regfs "$MNT"
echo "PASS: $TEST_NAME"
