#!/usr/bin/env bash
# `regfs trash empty [--older-than DAYS]`: purges trashed artifacts and collections whose
# updated_at is older than DAYS; protected records are skipped (exit 0) until unprotected.
# shellcheck source=../lib.sh
source "${REGFS_TESTLIB:?REGFS_TESTLIB not set (run through ctest)}"

ROOT=$WORK/inst
ART=lnschema_core_artifact
COL=lnschema_core_collection
new_instance "$ROOT"
count() { sql "$ROOT" "SELECT count(*) FROM $ART WHERE uid='$1'"; }
age() {  # uid days: sets updated_at to DAYS days ago
  sql "$ROOT" "UPDATE $ART SET updated_at = strftime('%Y-%m-%d %H:%M:%S', 'now', '-$2 days') || '.000000' WHERE uid='$1'"
}

for name in old mid new member; do printf '%s\n' "$name" > "$WORK/$name.txt"; done
capture "$REGFS" -C "$ROOT" add "$WORK/old.txt" "$WORK/mid.txt" "$WORK/new.txt" "$WORK/member.txt"
assert_rc 0 "add"
uid_of() { sql "$ROOT" "SELECT uid FROM $ART WHERE hash='$(md5_b64 "$WORK/$1.txt")'"; }
OLD=$(uid_of old); MID=$(uid_of mid); NEW=$(uid_of new); MEMBER=$(uid_of member)
capture "$REGFS" -C "$ROOT" rm "$OLD" "$MID" "$NEW" "$MEMBER"
assert_rc 0 "rm of four records"
assert_eq -1 "$(sql "$ROOT" "SELECT DISTINCT visibility FROM $ART")" "all four trashed"
age "$OLD" 10
age "$MID" 3
age "$MEMBER" 30

step "a visible collection protects its trashed member"
NOW=$(date -u '+%Y-%m-%d %H:%M:%S.000000')
CUID=$(random_uid 20)
sql "$ROOT" "INSERT INTO $COL (version, created_at, updated_at, uid, name, description, hash,
    reference, reference_type, visibility, artifact_id, run_id, transform_id, created_by_id)
  VALUES (NULL, '$NOW', '$NOW', '$CUID', 'mycollection', NULL, NULL, NULL, NULL, 1, NULL, NULL,
    NULL, (SELECT id FROM lnschema_core_user LIMIT 1));
  INSERT INTO lnschema_core_collectionartifact (created_at, artifact_id, collection_id, run_id, created_by_id)
  VALUES ('$NOW', (SELECT id FROM $ART WHERE uid='$MEMBER'), (SELECT id FROM $COL WHERE uid='$CUID'),
    NULL, (SELECT id FROM lnschema_core_user LIMIT 1));"

step "--older-than 5 purges only the 10-day-old record and skips the protected one"
capture "$REGFS" -C "$ROOT" trash empty --older-than 5
assert_rc 0 "trash empty --older-than 5 (a skipped protected record is not a failure)"
assert_eq "0|1|1|1" "$(count "$OLD")|$(count "$MID")|$(count "$NEW")|$(count "$MEMBER")" "rows after --older-than 5"
[ ! -e "$ROOT/.lamindb/$OLD.txt" ] || fail "purged record's file kept"
[ -f "$ROOT/.lamindb/$MID.txt" ] || fail "a younger record's file was deleted"
assert_contains "$OUT" "skipped" "the protected member is reported as skipped"
assert_contains "$OUT" "$MEMBER" "the skipped record is named"

step "--older-than 1 purges the 3-day-old record"
capture "$REGFS" -C "$ROOT" trash empty --older-than 1
assert_rc 0 "trash empty --older-than 1"
assert_eq "0|1|1" "$(count "$MID")|$(count "$NEW")|$(count "$MEMBER")" "rows after --older-than 1"

step "a trashed collection younger than the cutoff is kept; rm of a collection uid trashes it"
capture "$REGFS" -C "$ROOT" rm "$CUID"
assert_rc 0 "rm of a collection uid"
assert_eq -1 "$(sql "$ROOT" "SELECT visibility FROM $COL WHERE uid='$CUID'")" "collection trashed"
capture "$REGFS" -C "$ROOT" trash empty --older-than 1
assert_rc 0 "trash empty --older-than 1 again"
assert_eq 1 "$(sql "$ROOT" "SELECT count(*) FROM $COL WHERE uid='$CUID'")" "young trashed collection kept"
assert_eq 1 "$(count "$MEMBER")" "its member is still protected"

step "trash empty without --older-than purges everything in the trash, collection first"
capture "$REGFS" -C "$ROOT" trash empty
assert_rc 0 "trash empty"
assert_eq 0 "$(sql "$ROOT" "SELECT count(*) FROM $COL")" "collection purged"
assert_eq 0 "$(sql "$ROOT" "SELECT count(*) FROM lnschema_core_collectionartifact")" "link rows purged"
assert_eq 0 "$(sql "$ROOT" "SELECT count(*) FROM $ART")" "every trashed artifact purged"
[ -z "$(find "$ROOT/.lamindb" -maxdepth 1 -name '*.txt')" ] || fail "stored files left behind"

step "trash empty on an empty trash"
capture "$REGFS" -C "$ROOT" trash empty
assert_rc 0 "empty trash"
echo "PASS: $TEST_NAME"
