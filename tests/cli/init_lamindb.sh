#!/usr/bin/env bash
# SPEC.md section 1 (last bullet) and issue 11: `regfs init` creates the complete instance
# LaminDB's own init creates. For both layouts it is compared with the instance LaminDB made
# (fixtures lamindb-2.9-sqlite-demo / lamindb-0.73-sqlite-demo, content steps undone):
# `sqlite3 .schema` byte for byte, every row (`.dump`) apart from the storage uid, the root and
# the times, the rows LaminDB ships exactly, the file names, the marker byte for byte apart
# from the storage uid, and LaminDB's settings file (with HOME in the test's own folder).
# shellcheck source=../lib.sh
source "${REGFS_TESTLIB:?REGFS_TESTLIB not set (run through ctest)}"

export HOME=$WORK/home
unset LAMIN_SETTINGS_DIR LAMIN_ENV
mkdir -p "$HOME"

TIME_RE="'[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?'"

# dump DB PREFIX: the database as `.dump` with what belongs to one instance replaced (in a
# copy: the instance itself stays as it is).
dump() {
  local copy
  copy=$(mktemp "$WORK/dump.XXXXXX")
  cp "$1" "$copy"
  sqlite3 "$copy" "UPDATE ${2}storage SET root = 'ROOT', uid = 'STORAGEUID'" ||
    fail "normalise $1"
  sqlite3 "$copy" .dump | sed -E "s/$TIME_RE/'TIME'/g"
  rm -f "$copy"
}

# check LAYOUT FIXTURE PREFIX DBFILE MARKER
check_layout() {
  local layout=$1 fixture=$2 prefix=$3 dbfile=$4 marker=$5
  local lamin=$WORK/lamindb-$layout mine=$WORK/regfs-$layout/lamindemo
  step "LaminDB $layout: the fixture instance, content steps undone"
  mkdir -p "$lamin"
  tar xzf "$FIXTURES/$fixture" -C "$lamin"
  sqlite3 "$lamin/$dbfile" "DELETE FROM ${prefix}collectionartifact; DELETE FROM ${prefix}collection;
    DELETE FROM ${prefix}artifact; UPDATE sqlite_sequence SET seq = 0
    WHERE name IN ('${prefix}artifact', '${prefix}collection', '${prefix}collectionartifact')" ||
    fail "undo content steps"

  step "LaminDB $layout: regfs init (the name comes from the directory: lamindemo)"
  capture "$REGFS" init "$mine" --layout "$layout"
  assert_rc 0 "regfs init --layout $layout"
  assert_eq "initialized LaminDB $layout instance anonymous/lamindemo at $mine" "$OUT" "init report"
  # The same files as LaminDB's: the database (for 0.73 named by the instance id) and the
  # marker, nothing else.
  [ -f "$lamin/$dbfile" ] && [ -f "$lamin/$marker" ] || fail "fixture lacks $dbfile or $marker"
  assert_eq "$(printf '.\n./.lamindb\n./%s\n./%s\n' "$dbfile" "$marker" | sort)" \
    "$(cd "$mine" && find . | sort)" "files of the instance"

  step "LaminDB $layout: sqlite3 .schema is LaminDB's, byte for byte"
  sqlite3 "$lamin/$dbfile" .schema >"$WORK/lamin-$layout.schema"
  sqlite3 "$mine/$dbfile" .schema >"$WORK/mine-$layout.schema"
  [ "$(grep -c '' "$WORK/lamin-$layout.schema")" -gt 150 ] || fail "fixture schema too small"
  diff "$WORK/lamin-$layout.schema" "$WORK/mine-$layout.schema" >&2 || fail ".schema differs"

  step "LaminDB $layout: every row is LaminDB's (uid of the storage, root and times aside)"
  [ "$(sqlite3 "$mine/$dbfile" "SELECT count(*) FROM django_migrations")" -gt 10 ] ||
    fail "no migration rows"
  diff <(dump "$lamin/$dbfile" "$prefix") <(dump "$mine/$dbfile" "$prefix") >&2 ||
    fail ".dump differs"
  assert_eq "00000000|anonymous" "$(sql "$mine" "SELECT uid || '|' || handle FROM ${prefix}user")" \
    "LaminDB's anonymous user"
  assert_eq "delete" "$(sqlite3 "$mine/$dbfile" "PRAGMA journal_mode")" "rollback-journal mode"
  assert_eq "ok" "$(sqlite3 "$mine/$dbfile" "PRAGMA integrity_check")" "integrity_check"
  assert_eq "" "$(sqlite3 "$mine/$dbfile" "PRAGMA foreign_key_check")" "foreign_key_check"

  step "LaminDB $layout: the marker, byte for byte apart from the storage uid"
  local suid
  suid=$(sqlite3 "$mine/$dbfile" "SELECT uid FROM ${prefix}storage")
  assert_eq 12 "${#suid}" "storage uid length"
  local lsuid
  lsuid=$(sqlite3 "$lamin/$dbfile" "SELECT uid FROM ${prefix}storage")
  cmp <(sed "s/^$lsuid/$suid/" "$lamin/$marker") "$mine/$marker" ||
    fail "marker differs: [$(cat "$mine/$marker")]"

  step "LaminDB $layout: regfs works there"
  echo hello >"$WORK/hello.txt"
  capture "$REGFS" -C "$mine" add "$WORK/hello.txt" --key data/hello.txt
  assert_rc 0 "regfs add"
  capture "$REGFS" -C "$mine" ls --format csv
  assert_rc 0 "regfs ls"
  assert_contains "$OUT" "data/hello.txt" "ls shows the new artifact"
}

check_layout 2.9 lamindb-2.9-sqlite-demo.tar.gz lamindb_ .lamindb/lamin.db .lamindb/storage_uid.txt
check_layout 0.73 lamindb-0.73-sqlite-demo.tar.gz lnschema_core_ \
  0088f8a3dd1b5657a48d24591fc09add.lndb .lamindb/_is_initialized

step "the rows LaminDB ships in its empty 2.9 database are kept exactly (times included)"
fixdb=$WORK/lamindb-2.9/.lamindb/lamin.db
mydb=$WORK/regfs-2.9/lamindemo/.lamindb/lamin.db
for q in "SELECT * FROM django_migrations WHERE applied < '2026-12'" "SELECT * FROM lamindb_space"; do
  assert_eq "$(sqlite3 "$fixdb" "$q")" "$(sqlite3 "$mydb" "$q")" "$q"
done
assert_eq 19 "$(sqlite3 "$mydb" "SELECT count(*) FROM django_migrations WHERE applied < '2026-12'")" \
  "shipped migration rows"

step "what LaminDB 0.73 could not do on an instance of the old regfs init works now"
db073=$WORK/regfs-0.73/lamindemo/0088f8a3dd1b5657a48d24591fc09add.lndb
sqlite3 "$db073" "PRAGMA foreign_keys = ON; BEGIN;
  DELETE FROM lnschema_core_artifact_input_of WHERE artifact_id IN (1);
  INSERT INTO lnschema_core_featureset (uid, name, n, registry, hash, created_at, created_by_id)
    VALUES ('abcdefghijklmnopqrst', 'fs', 0, 'Feature', NULL, '2026-01-01 00:00:00', 1);
  INSERT INTO lnschema_core_artifactfeatureset (created_at, artifact_id, featureset_id, created_by_id)
    VALUES ('2026-01-01 00:00:00', 1, 1, 1);
  ROLLBACK;" || fail "LaminDB 0.73's purge and collection tables are missing"

step "--lamin-settings: LaminDB's settings file, in \$HOME/.lamin"
capture "$REGFS" init "$WORK/s29" --layout 2.9 --name lamindemo --lamin-settings
assert_rc 0 "init --lamin-settings"
env29=$HOME/.lamin/instance--anonymous--lamindemo.env
assert_contains "$OUT" "wrote LaminDB settings $env29" "init reports the settings file"
expected="lamindb_instance_owner=anonymous
lamindb_instance_name=lamindemo
lamindb_instance_storage_root=$WORK/s29
lamindb_instance_storage_region=null
lamindb_instance_db=null
lamindb_instance_schema_str=null
lamindb_instance_id=0088f8a3dd1b5657a48d24591fc09add
lamindb_instance_git_repo=null
lamindb_instance_keep_artifacts_local=False"
assert_eq "$expected
lamindb_instance_api_url=null
lamindb_instance_schema_id=null
lamindb_instance_fine_grained_access=False
lamindb_instance_db_permissions=null
lamindb_instance_is_clone=False" "$(cat "$env29")" "2.9.1's settings lines"
assert_eq "" "$(tail -c1 "$env29" | tr -d '\n')" "settings end with a newline"

step "an instance name LaminDB already knows is refused before anything is made"
capture "$REGFS" init "$WORK/s073" --layout 0.73 --name lamindemo --lamin-settings
assert_rc 1 "same name again"
assert_one_error_line "same name again"
assert_contains "$ERR" "anonymous/lamindemo" "error names the instance"
[ ! -e "$WORK/s073/.lamindb" ] || fail "a refused init left .lamindb behind"
capture "$REGFS" init "$WORK/s073" --layout 0.73 --name other073 --lamin-settings
assert_rc 0 "init 0.73 --lamin-settings"
# The instance id is the one that names the 0.73 database.
id073=$(cd "$WORK/s073" && ls ./*.lndb)
id073=${id073#./}
id073=${id073%.lndb}
assert_eq 32 "${#id073}" "instance id length"
want073=${expected//lamindemo/other073}
want073=${want073//s29/s073}
assert_eq "${want073//0088f8a3dd1b5657a48d24591fc09add/$id073}" \
  "$(cat "$HOME/.lamin/instance--anonymous--other073.env")" "0.73.0's settings lines"
ls "$HOME/.lamin" >"$WORK/lamin-files"
assert_eq "instance--anonymous--lamindemo.env
instance--anonymous--other073.env" "$(cat "$WORK/lamin-files")" "only the instance files"

step "without --lamin-settings nothing is written there"
capture "$REGFS" init "$WORK/nosettings"
assert_rc 0 "init"
assert_eq "$(cat "$WORK/lamin-files")" "$(ls "$HOME/.lamin")" "settings folder unchanged"

step "the default layout is today's (2.9)"
capture "$REGFS" init "$WORK/default"
assert_rc 0 "init"
assert_contains "$OUT" "initialized LaminDB 2.9 instance anonymous/default" "init report"
[ -f "$WORK/default/.lamindb/lamin.db" ] && [ -f "$WORK/default/.lamindb/storage_uid.txt" ] ||
  fail "init without --layout made no LaminDB 2.9 instance"
assert_eq "$(cat "$WORK/mine-2.9.schema")" "$(sqlite3 "$WORK/default/.lamindb/lamin.db" .schema)" \
  "default schema"

step "usage errors and a second init"
capture "$REGFS" init "$WORK/u" --layout 1.0
assert_rc 2 "unknown layout"
capture "$REGFS" init "$WORK/u" --name a/b
assert_rc 2 "a name with /"
[ ! -e "$WORK/u" ] || fail "a usage error made $WORK/u"
capture "$REGFS" init "$WORK/regfs-2.9/lamindemo" --layout 0.73
assert_rc 1 "init on an instance of the other layout"
assert_one_error_line "second init"
assert_contains "$ERR" "already" "second init says why"
echo "init_lamindb: all checks passed"
