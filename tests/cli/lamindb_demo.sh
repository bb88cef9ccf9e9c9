#!/usr/bin/env bash
# What the CLI shows of the instances LaminDB 2.9.1 and 0.73.0 made themselves
# (fixtures/lamindb-*-sqlite-demo) equals what LaminDB's own queries returned
# (fixtures/*.expected.json): visible, trashed and all records, the latest per key, hashes,
# sizes, stored paths and their content, versions, collection members in order. fsck finds
# them clean. After a round of changes through the CLI the instance is still clean, holds what
# the CLI said it did, and its file is back in the rollback-journal mode LaminDB made it in.
# shellcheck source=../lib.sh
source "${REGFS_TESTLIB:?REGFS_TESTLIB not set (run through ctest)}"

[ -n "$PYTHON3" ] || skip "python3 is needed to read the fixtures' expected.json"

# check_demo NAME DBFILE STORAGE_TABLE ARTIFACT_TABLE: the comparison for one demo instance.
check_demo() {
  local name=$1 dbfile=$2 storage_table=$3 art=$4
  local root="$WORK/$name/lamindemo" out="$WORK/$name/out" uid key
  local expected="$FIXTURES/$name.expected.json"
  mkdir -p "$root" "$out"
  tar xzf "$FIXTURES/$name.tar.gz" -C "$root"
  sqlite3 "$root/$dbfile" "update $storage_table set root='$root' where id=1"

  step "$name: ls, ls --trash, ls --all"
  for filter in "" --trash --all; do
    capture "$REGFS" -C "$root" ls $filter --format json
    assert_rc 0 "ls $filter"
    printf '%s\n' "$OUT" >"$out/ls${filter}.json"
  done
  step "$name: describe, path and content of every record; versions; the collection"
  "$PYTHON3" - "$expected" >"$out/uids" <<'PY'
import json, sys
e = json.load(open(sys.argv[1]))
for u in e["artifact_all_uids"]:
    print(u)
PY
  while read -r uid; do
    capture "$REGFS" -C "$root" describe "$uid" --format json
    assert_rc 0 "describe $uid"
    printf '%s\n' "$OUT" >"$out/describe.$uid.json"
    capture "$REGFS" -C "$root" path "$uid"
    assert_rc 0 "path $uid"
    printf '%s\n' "$OUT" >"$out/path.$uid"
  done <"$out/uids"
  "$PYTHON3" - "$expected" >"$out/keys" <<'PY'
import json, sys
for k in json.load(open(sys.argv[1]))["latest_uid_by_key"]:
    print(k)
PY
  while read -r key; do
    capture "$REGFS" -C "$root" describe "$key" --format json
    assert_rc 0 "describe $key"
    printf '%s\n' "$OUT" >"$out/latest.$(printf '%s' "$key" | tr / _).json"
  done <"$out/keys"
  capture "$REGFS" -C "$root" versions data/v.txt --format json
  assert_rc 0 "versions data/v.txt"
  printf '%s\n' "$OUT" >"$out/versions.json"
  capture "$REGFS" -C "$root" describe mycoll --format json
  assert_rc 0 "describe mycoll (a collection by name)"
  printf '%s\n' "$OUT" >"$out/mycoll.json"

  "$PYTHON3" - "$expected" "$out" "$root" <<'PY' || fail "$name: the CLI disagrees with LaminDB (above)"
import json, os, sys
exp = json.load(open(sys.argv[1]))
out, root = sys.argv[2], sys.argv[3]
bad = []
def check(what, want, got):
    if want != got:
        bad.append(f"{what}: LaminDB {want!r}, regfs {got!r}")
def load(name):
    return json.load(open(os.path.join(out, name)))
uids = lambda rows: sorted(r["uid"] for r in rows)
check("visible uids", sorted(exp["artifact_filter_uids"]), uids(load("ls.json")))
check("trashed uids", sorted(exp["artifact_trash_uids"]), uids(load("ls--trash.json")))
check("all uids", sorted(exp["artifact_all_uids"]), uids(load("ls--all.json")))
check("the permanently deleted record is gone", False,
      exp["permanently_deleted"]["uid"] in uids(load("ls--all.json")))
rows = {r["uid"]: r for r in load("ls--all.json")}
for uid, (h, ht, size) in exp["hash_hashtype_size_by_uid"].items():
    r = rows.get(uid, {})
    check(f"hash, hash_type, size of {uid}", [h, ht, size],
          [r.get("hash"), r.get("hash_type"), r.get("size")])
latest = exp.get("artifact_is_latest_uids", exp.get("artifact_latest_version_uids"))
for uid in exp["artifact_all_uids"]:
    d = load(f"describe.{uid}.json")
    check(f"describe {uid}", uid, d["uid"])
    # LaminDB's filter(is_latest=True) lists visible records; 0.73 has no is_latest column,
    # and regfs derives it as .latest_version() does (the newest created_at of the family).
    if uid in exp["artifact_filter_uids"]:
        check(f"is_latest of {uid}", uid in latest, d["is_latest"] == 1)
    want_path = exp["path_by_uid"][uid].replace("@ROOT@", root)
    got_path = open(os.path.join(out, f"path.{uid}")).read().strip()
    check(f"stored path of {uid}", want_path, got_path)
    if uid in exp["content_by_uid"]:
        check(f"content of {uid}", exp["content_by_uid"][uid], open(got_path).read())
    if "version_by_uid" in exp:
        check(f"version of {uid}", exp["version_by_uid"][uid], d["version"])
for key, uid in exp["latest_uid_by_key"].items():
    d = load("latest." + key.replace("/", "_") + ".json")
    check(f"latest of key {key}", uid, d["uid"])
check("versions of data/v.txt", sorted(exp["versions_of_data_v_txt"]),
      sorted(r["uid"] for r in load("versions.json")))
check("members of mycoll, in order", exp["collection_mycoll_ordered_artifact_uids"],
      load("mycoll.json")["members"])
for b in bad:
    print("MISMATCH " + b, file=sys.stderr)
sys.exit(1 if bad else 0)
PY

  step "$name: fsck of the instance LaminDB made is clean"
  capture "$REGFS" -C "$root" fsck
  assert_rc 0 "fsck"
  assert_contains "$OUT" "clean" "fsck output"

  step "$name: a round of changes through the CLI"
  printf 'version four\n' >"$WORK/$name/v4.txt"
  capture "$REGFS" -C "$root" add "$WORK/$name/v4.txt" --key data/v.txt
  assert_rc 0 "add a fourth version"
  capture "$REGFS" -C "$root" versions data/v.txt --format csv
  assert_eq 5 "$(printf '%s\n' "$OUT" | wc -l)" "four versions and a header"
  capture "$REGFS" -C "$root" rm data/f1.txt
  assert_rc 0 "rm data/f1.txt"
  capture "$REGFS" -C "$root" restore data/f1.txt
  assert_rc 0 "restore data/f1.txt"
  uid=$("$PYTHON3" -c 'import json,sys; print(json.load(open(sys.argv[1]))["artifact_trash_uids"][0])' "$expected")
  capture "$REGFS" -C "$root" rm --permanent "$uid"
  assert_rc 0 "rm --permanent of the record LaminDB trashed"
  capture "$REGFS" -C "$root" ls --trash --format csv
  assert_eq "" "$(csv_get "$OUT" "$uid" uid)" "the purged record is gone"
  capture "$REGFS" -C "$root" fsck
  assert_rc 0 "fsck after the changes"
  assert_eq delete "$(sqlite3 "$root/$dbfile" 'pragma journal_mode')" \
    "the database is back in the journal mode LaminDB made it in"
  [ ! -e "$root/$dbfile-wal" ] || fail "$name: a -wal file is left next to the database"
  assert_eq ok "$(sqlite3 "$root/$dbfile" 'pragma integrity_check')" "integrity_check"
  assert_eq "" "$(sqlite3 "$root/$dbfile" 'pragma foreign_key_check')" "foreign_key_check"
  assert_eq 4 "$(sqlite3 "$root/$dbfile" "select count(*) from $art where key = 'data/v.txt'")" \
    "rows of data/v.txt"
}

check_demo lamindb-2.9-sqlite-demo .lamindb/lamin.db lamindb_storage lamindb_artifact
check_demo lamindb-0.73-sqlite-demo 0088f8a3dd1b5657a48d24591fc09add.lndb lnschema_core_storage \
  lnschema_core_artifact
echo "PASS: $TEST_NAME"
