#!/usr/bin/env bash
# Quick start: installs what is missing, builds regfs, creates a demo instance when none is
# given, and mounts it.
#
#   scripts/start.sh [INSTANCE [MOUNTPOINT]]   INSTANCE: else $REGFS_INSTANCE, else a demo in
#                                              ${XDG_DATA_HOME:-~/.local/share}/regfs-demo;
#                                              MOUNTPOINT: default ~/regfs-mnt
#   scripts/start.sh --stop [MOUNTPOINT]       unmounts
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=lib/deps.sh
source "$repo/scripts/lib/deps.sh"
REGFS=$repo/build/fs/regfs
default_mnt=$HOME/regfs-mnt

say() { printf '%s\n' "$*"; }

if [ "${1:-}" = "--stop" ]; then
  mnt=${2:-$default_mnt}
  if ! mountpoint -q "$mnt" 2>/dev/null; then
    say "nothing mounted at $mnt"
    exit 0
  fi
  if [ -x "$REGFS" ]; then
    "$REGFS" umount "$mnt"
  else
    fusermount3 -u "$mnt"
  fi
  say "unmounted $mnt"
  exit 0
fi
case ${1:-} in
  -h | --help)
    sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
    exit 0
    ;;
esac

regfs_install_deps

say "=== building regfs in $repo/build"
cmake -S "$repo" -B "$repo/build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$repo/build" -j2 --target regfs

# make_demo ROOT: a small instance with keyed artifacts, versions, a key-less artifact, a
# trashed record and a collection.
make_demo() {
  local root=$1 src db now cuid
  src=$(mktemp -d)
  "$REGFS" init "$root"
  printf 'gene,count\nACTB,120\nGAPDH,98\n' > "$src/counts.csv"
  "$REGFS" -C "$root" add "$src/counts.csv" --key raw/run1/counts.csv --description "run 1 counts"
  printf 'gene,count\nACTB,131\nGAPDH,87\n' > "$src/counts.csv"
  "$REGFS" -C "$root" add "$src/counts.csv" --key raw/run2/counts.csv --description "run 2 counts"
  printf 'gene,count\nACTB,122\nGAPDH,99\nMYC,7\n' > "$src/counts.csv"
  "$REGFS" -C "$root" add "$src/counts.csv" --key raw/run1/counts.csv \
    --description "run 1 counts, recounted"
  printf 'Two runs, ACTB stable, MYC appears in the recount.\n' > "$src/summary.txt"
  "$REGFS" -C "$root" add "$src/summary.txt" --key reports/summary.txt --description "summary"
  printf 'PAR1 (not a real parquet file: a demo stand-in) PAR1' > "$src/df.parquet"
  "$REGFS" -C "$root" add "$src/df.parquet" --key tables/df.parquet --description "mydf"
  printf 'a note saved without a key\n' > "$src/notes.txt"
  "$REGFS" -C "$root" add "$src/notes.txt" --description "key-less note"
  printf 'scratch data nobody needs\n' > "$src/old.txt"
  "$REGFS" -C "$root" add "$src/old.txt" --key scratch/old.txt --description "trashed demo"
  "$REGFS" -C "$root" rm scratch/old.txt
  rm -rf "$src"

  # A collection of the two latest run tables (regfs has no command for collections yet).
  db=$(ls "$root"/*.lndb)
  now=$(date -u '+%Y-%m-%d %H:%M:%S.000000')
  cuid=$(openssl rand -hex 10)
  sqlite3 "$db" "
    INSERT INTO lnschema_core_collection (version, created_at, updated_at, uid, name,
        description, hash, reference, reference_type, visibility, artifact_id, run_id,
        transform_id, created_by_id)
      VALUES ('1', '$now', '$now', '$cuid', 'runs', 'latest count tables', NULL, NULL, NULL,
        1, NULL, NULL, NULL, (SELECT min(id) FROM lnschema_core_user));
    INSERT INTO lnschema_core_collectionartifact (created_at, artifact_id, collection_id,
        run_id, created_by_id)
      SELECT '$now', a.id, c.id, NULL, c.created_by_id
      FROM lnschema_core_artifact a, lnschema_core_collection c
      WHERE c.uid = '$cuid' AND a.visibility = 1
        AND a.key IN ('raw/run1/counts.csv', 'raw/run2/counts.csv')
        AND a.id = (SELECT max(b.id) FROM lnschema_core_artifact b WHERE b.key = a.key)
      ORDER BY a.key;"
}

instance=${1:-${REGFS_INSTANCE:-}}
if [ -z "$instance" ]; then
  instance=${XDG_DATA_HOME:-$HOME/.local/share}/regfs-demo
  if [ -d "$instance/.lamindb" ]; then
    say "=== using the demo instance at $instance"
  else
    say "=== creating a demo instance at $instance"
    mkdir -p "$(dirname "$instance")"
    make_demo "$instance"
  fi
elif [ ! -d "$instance/.lamindb" ]; then
  say "regfs: $instance holds no instance (no .lamindb/); create one with: $REGFS init $instance" >&2
  exit 1
fi

say ""
say "=== the registry, through the CLI:  $REGFS -C $instance ls"
"$REGFS" -C "$instance" ls
say ""
say "    in the trash:  $REGFS -C $instance ls --trash"
"$REGFS" -C "$instance" ls --trash

mnt=${2:-$default_mnt}
log=${XDG_STATE_HOME:-$HOME/.local/state}/regfs/mount.log
mounted=0
if mountpoint -q "$mnt" 2>/dev/null; then
  say ""
  say "=== $mnt is already mounted"
  mounted=1
elif [ ! -c /dev/fuse ] || ! command -v fusermount3 >/dev/null 2>&1; then
  say ""
  say "=== cannot mount here: /dev/fuse or fusermount3 is missing (in a container, run it"
  say "    with --device /dev/fuse --cap-add SYS_ADMIN). The CLI works without a mount:"
else
  mkdir -p "$mnt" "$(dirname "$log")"
  say ""
  say "=== mounting $instance at $mnt (daemon log: $log)"
  # The daemon keeps its stderr: a file, so that `scripts/start.sh | tee` does not wait for it.
  : >"$log"
  if "$REGFS" mount -C "$instance" "$mnt" 2>>"$log"; then
    mounted=1
  else
    tail -n 5 "$log" >&2
    say "=== the mount failed (see the message above); the CLI works without a mount:"
  fi
fi

say ""
if [ "$mounted" -eq 1 ]; then
  cat <<TRY
Try:
  ls -R $mnt
  cat $mnt/artifacts/reports/summary.txt
  getfattr -d $mnt/artifacts/raw/run1/counts.csv
  # save a new artifact, trash it, find it in the trash, restore it:
  cp /etc/hostname $mnt/artifacts/reports/host.txt
  rm $mnt/artifacts/reports/host.txt
  ls $mnt/.trash/artifacts/reports
  mv $mnt/.trash/artifacts/reports/host.txt $mnt/artifacts/reports/
  # delete the demo's trashed record permanently:
  rm $mnt/.trash/artifacts/scratch/old.txt
  # the same registry through the CLI, and what the daemon did:
  $REGFS -C $instance ls --all
  tail $log
  # unmount:
  scripts/start.sh --stop$( [ "$mnt" = "$default_mnt" ] || printf ' %s' "$mnt")
TRY
else
  cat <<TRY
Try:
  $REGFS -C $instance ls --all --format csv
  # trash a record and bring it back:
  $REGFS -C $instance rm reports/summary.txt
  $REGFS -C $instance restore reports/summary.txt
  # save a new artifact (or a new version of an existing key):
  $REGFS -C $instance add FILE --key some/key.txt
  # delete trashed records permanently, check rows against files:
  $REGFS -C $instance trash empty
  $REGFS -C $instance fsck
TRY
fi
