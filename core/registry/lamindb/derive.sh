#!/usr/bin/env bash
# Writes the LaminDB instance data of this directory (*.sql) from the instances LaminDB itself
# made (../shared/fixtures, see its README): the schema statements exactly as LaminDB's
# databases hold them, and the rows LaminDB's `init` writes, with @NAME@ placeholders for the
# values that belong to one instance (instance_init.cc fills them in).
#
#   core/registry/lamindb/derive.sh [FIXTURES_DIR]
#
# Rerunning it on the same fixtures reproduces the files byte for byte. Needs sqlite3.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
fixtures=${1:-$here/../../../../shared/fixtures}
fixtures=$(cd "$fixtures" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

mkdir -p "$tmp/v2_9" "$tmp/v0_73"
tar xzf "$fixtures/lamindb-2.9-sqlite-demo.tar.gz" -C "$tmp/v2_9"
tar xzf "$fixtures/lamindb-0.73-sqlite-demo.tar.gz" -C "$tmp/v0_73"
db29=$tmp/v2_9/.lamindb/lamin.db
db073=$(ls "$tmp"/v0_73/*.lndb)

# The schema: every statement of sqlite_master in its order (which is the order `.schema`
# prints), without sqlite_sequence and the implicit indexes (SQLite makes both itself).
sqlite_schema() {  # db source-name
  echo "-- LaminDB $2: every table and index, in the order LaminDB's database holds them."
  echo "-- Derived by derive.sh from fixtures/$3 (sqlite_master in rowid order)."
  sqlite3 "$1" "SELECT sql || ';' FROM sqlite_master WHERE sql IS NOT NULL AND name <> 'sqlite_sequence' ORDER BY rowid"
}

# `INSERT INTO sqlite_sequence` of every counter LaminDB's database holds, in its order, at
# 0: the seed rows that follow move the counters of their tables in place, so the counters
# end as LaminDB's init left them.
sqlite_sequence() {  # db
  echo "INSERT INTO sqlite_sequence (name, seq) VALUES"
  sqlite3 "$1" "SELECT '  (''' || name || ''', 0)' || CASE WHEN rowid = (SELECT max(rowid) FROM sqlite_sequence) THEN ';' ELSE ',' END FROM sqlite_sequence ORDER BY rowid"
}

sql_text() {  # a value as an SQL literal
  printf "'%s'" "${1//\'/\'\'}"
}

{
  sqlite_schema "$db29" "2.9.1 on SQLite" lamindb-2.9-sqlite-demo.tar.gz
} >"$here/sqlite_2_9_schema.sql"

{
  echo "-- The rows LaminDB 2.9.1's init writes into a new SQLite instance (fixtures/"
  echo "-- lamindb-2.9-sqlite-demo.tar.gz without its content steps). LaminDB starts from the empty"
  echo "-- database lamindb-setup ships (migrated to 0189_v2_6, with the space row and the bionty"
  echo "-- migrations), then migrates it and registers the user, the branches and the storage."
  sqlite_sequence "$db29"
  echo "-- Migrations: the shipped database's rows as they are, then the ones init applies."
  echo "INSERT INTO django_migrations (id, app, name, applied) VALUES"
  sqlite3 "$db29" "SELECT '  (' || id || ', ''' || app || ''', ''' || name || ''', ' || CASE WHEN applied < (SELECT applied FROM django_migrations WHERE name = '0190_v2_6_1') THEN '''' || applied || '''' ELSE '@NOW@' END || ')' || CASE WHEN id = (SELECT max(id) FROM django_migrations) THEN ';' ELSE ',' END FROM django_migrations ORDER BY id"
  echo "-- The space of the shipped database."
  sqlite3 "$db29" "SELECT 'INSERT INTO lamindb_space (id, name, uid, description, created_at, created_by_id) VALUES (' || id || ', ''' || name || ''', ''' || uid || ''', ''' || description || ''', ''' || created_at || ''', NULL);' FROM lamindb_space"
  cat <<'EOF'
-- LaminDB's anonymous user, the three branches and the storage, in the order init writes them;
-- their times are the columns' defaults, as for LaminDB.
INSERT INTO lamindb_user (uid, handle, name) VALUES ('00000000', 'anonymous', NULL);
INSERT INTO lamindb_branch (id, name, uid, description, space_id, created_by_id, _status_code, _aux) VALUES (-1, 'trash', 'tttttttttttt', 'The trash.', 1, 1, 0, NULL);
INSERT INTO lamindb_branch (id, name, uid, description, space_id, created_by_id, _status_code, _aux) VALUES (0, 'archive', 'aaaaaaaaaaaa', 'The archive.', 1, 1, 0, NULL);
INSERT INTO lamindb_branch (name, uid, description, space_id, created_by_id, _status_code, _aux) VALUES ('main', 'mmmmmmmmmmmm', 'The main & default branch of the instance.', 1, 1, 0, NULL);
INSERT INTO lamindb_storage (is_locked, _aux, uid, root, description, type, region, instance_uid, branch_id, created_on_id, run_id, space_id, created_by_id) VALUES (0, NULL, @STORAGE_UID@, @ROOT@, NULL, 'local', NULL, @INSTANCE_UID@, 1, 1, NULL, 1, 1);
EOF
} >"$here/sqlite_2_9_seed.sql"

{
  sqlite_schema "$db073" "0.73.0 on SQLite" lamindb-0.73-sqlite-demo.tar.gz
} >"$here/sqlite_0_73_schema.sql"

{
  echo "-- The rows LaminDB 0.73.0's init writes into a new SQLite instance (fixtures/"
  echo "-- lamindb-0.73-sqlite-demo.tar.gz without its content steps). Django writes every time;"
  echo "-- these tables have no defaults."
  sqlite_sequence "$db073"
  echo "INSERT INTO django_migrations (id, app, name, applied) VALUES"
  sqlite3 "$db073" "SELECT '  (' || id || ', ''' || app || ''', ''' || name || ''', @NOW@)' || CASE WHEN id = (SELECT max(id) FROM django_migrations) THEN ';' ELSE ',' END FROM django_migrations ORDER BY id"
  cat <<'EOF'
INSERT INTO lnschema_core_user (uid, handle, name, created_at, updated_at) VALUES ('00000000', 'anonymous', NULL, @NOW@, @NOW@);
INSERT INTO lnschema_core_storage (created_at, updated_at, uid, root, description, type, region, instance_uid, run_id, created_by_id) VALUES (@NOW@, @NOW@, @STORAGE_UID@, @ROOT@, NULL, 'local', NULL, @INSTANCE_UID@, NULL, 1);
EOF
} >"$here/sqlite_0_73_seed.sql"

# PostgreSQL: pg_dump's schema of a fresh instance without what a creating connection must
# not run: psql's \restrict/\unrestrict meta-commands and the session settings (SET, and the
# set_config that empties search_path, which would break every later statement of that
# connection). Every table, sequence, index, function, trigger and constraint stays.
{
  echo "-- LaminDB 2.9.1 on PostgreSQL: every table, sequence, index, function, trigger and"
  echo "-- constraint of a fresh instance. Derived by derive.sh from"
  echo "-- fixtures/lamindb-2.9-postgres-schema.sql without psql meta-commands and session settings."
  grep -v -e '^\\restrict ' -e '^\\unrestrict ' -e '^SET ' -e "^SELECT pg_catalog.set_config('search_path', '', false);\$" \
    "$fixtures/lamindb-2.9-postgres-schema.sql"
} >"$here/postgres_2_9_schema.sql"

{
  echo "-- The rows LaminDB 2.9.1's init writes into a new PostgreSQL instance (fixtures/"
  echo "-- lamindb-2.9-postgres-demo.sql without its content steps), in the order it writes them."
  echo "-- Ids come from the identity sequences (explicit ids only where LaminDB gives them), so"
  echo "-- the sequences end where LaminDB's init left them; times are the columns' defaults."
  echo "INSERT INTO public.django_migrations (app, name, applied) VALUES"
  awk '/^COPY public.django_migrations /{on=1; next} on && /^\\\.$/{exit} on' \
    "$fixtures/lamindb-2.9-postgres-demo.sql" | awk -F'\t' '{rows[NR]="  ('\''" $2 "'\'', '\''" $3 "'\'', now())"} END {for (i = 1; i <= NR; i++) print rows[i] (i < NR ? "," : ";")}'
  cat <<'EOF'
INSERT INTO public.lamindb_space (name, uid, description, created_by_id) VALUES ('all', 'aaaaaaaaaaaa', 'Every team & user with access to the instance has access.', NULL);
INSERT INTO public.lamindb_user (uid, handle, name) VALUES ('00000000', 'anonymous', NULL);
INSERT INTO public.lamindb_branch (id, name, uid, description, _status_code, _aux, space_id, created_by_id) VALUES (-1, 'trash', 'tttttttttttt', 'The trash.', 0, NULL, 1, 1);
INSERT INTO public.lamindb_branch (id, name, uid, description, _status_code, _aux, space_id, created_by_id) VALUES (0, 'archive', 'aaaaaaaaaaaa', 'The archive.', 0, NULL, 1, 1);
INSERT INTO public.lamindb_branch (name, uid, description, _status_code, _aux, space_id, created_by_id) VALUES ('main', 'mmmmmmmmmmmm', 'The main & default branch of the instance.', 0, NULL, 1, 1);
INSERT INTO public.lamindb_storage (is_locked, _aux, uid, root, description, type, region, instance_uid, branch_id, created_on_id, run_id, space_id, created_by_id) VALUES (false, NULL, @STORAGE_UID@, @ROOT@, NULL, 'local', NULL, @INSTANCE_UID@, 1, 1, NULL, 1, 1);
EOF
} >"$here/postgres_2_9_seed.sql"

echo "derive.sh: wrote $(cd "$here" && ls ./*.sql | tr '\n' ' ')"
