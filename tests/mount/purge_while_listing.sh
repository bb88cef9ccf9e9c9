#!/usr/bin/env bash
# Issue 11's deadlock, through a real mount: a file manager keeps showing collections/ and
# folder artifacts while `rm -rf .trash/*` purges thousands of records. A listing that
# needs the database (members of a collection, the stored folder of a folder artifact, not
# loaded yet) must never wait for the writer while it holds the view's lock, which every
# purge of a batch takes next. Another process keeps changing the registry meanwhile, so
# the mount reloads and the members it loaded are read again and again.
#
# Every command is bounded: a deadlock fails the test instead of hanging CI. `timeout` alone
# cannot do it: a process waiting for a FUSE request the daemon has read but never answers
# sleeps uninterruptibly, even through SIGKILL. So each command runs in the background with
# a deadline; past it, the test aborts the FUSE connection (which ends every waiting
# request), kills the daemon and fails. Afterwards the trash is empty, every collection
# shows its members, every folder artifact its file, and fsck is clean.
# shellcheck source=../lib.sh
source "${REGFS_TESTLIB:?REGFS_TESTLIB not set (run through ctest)}"
require_fuse
require_python "planting the records"

ROOT=$WORK/inst
MNT=$WORK/mnt
NTRASH=${REGFS_PURGE_LISTING_RECORDS:-3000}
NCOL=40        # collections of 5 members each
NFOLD=100      # folder artifacts
LIMIT=${REGFS_PURGE_LISTING_LIMIT:-120}  # seconds any one command may take

new_instance "$ROOT"
plant_artifacts "$ROOT" $((NCOL * 5)) m 1 Memb       # ids 1..200: the members
plant_artifacts "$ROOT" "$NTRASH" t -1 Prge          # the trash to purge
for c in $(seq 0 $((NCOL - 1))); do
  make_collection "$ROOT" "col$c" $((5 * c + 1)) $((5 * c + 2)) $((5 * c + 3)) $((5 * c + 4)) $((5 * c + 5)) >/dev/null
done
q=""
for f in $(seq 1 "$NFOLD"); do
  stem=$(printf 'FoLd%012d' "$f")
  mkdir -p "$ROOT/.lamindb/$stem"
  echo "folder $f" >"$ROOT/.lamindb/$stem/inside.txt"
  q+="INSERT INTO lnschema_core_artifact (version, created_at, updated_at, uid, key, suffix, size,
      hash, hash_type, n_objects, visibility, key_is_virtual, storage_id, created_by_id)
      VALUES (NULL, '$(now_utc)', '$(now_utc)', '${stem}0000', 'fold/d$f', '', 9, NULL, 'md5-d', 1, 1,
      1, 1, 1);"
done
sql "$ROOT" "BEGIN; $q COMMIT;"
mount_fg "$ROOT" "$MNT"

step "on ext4 first: listing a directory while rm -rf empties another one"
mkdir -p "$WORK/plain/keep" "$WORK/plain/gone"
for i in $(seq 1 200); do : >"$WORK/plain/gone/f$i"; done
: >"$WORK/plain/keep/a"
( for _ in $(seq 1 20); do ls "$WORK/plain/keep" >/dev/null; done ) &
rm -rf "$WORK/plain/gone" || fail "rm -rf on ext4"
wait $!
assert_eq "a" "$(ls "$WORK/plain/keep")" "ext4: the listed directory is unchanged"

# A hung daemon cannot be unmounted cleanly: abort its connection (every waiting request
# then fails with ENOTCONN and its process goes on), kill it, and fail.
deadlock() {
  echo "    $1 did not finish within $LIMIT s: the mount deadlocked" >&2
  abort_fuse_conn "$FG_CONN" || echo "    (could not abort FUSE connection $FG_CONN)" >&2
  kill -9 "$FG_PID" 2>/dev/null || true
  touch "$WORK/stop"
  wait_until 10 daemon_gone "$FG_PID" || true
  # The loops below end at the stop file; let them go before the cleanup removes $WORK.
  wait_until 10 test -e "$WORK/lister.count" -a -e "$WORK/ext.count" || true
  fail "deadlock: $1 did not return within $LIMIT s while collections and folder artifacts were listed"
}

# bounded NAME CMD...: runs CMD in the background (also under `timeout`, for a command that
# is merely slow) and waits up to LIMIT s for it; sets BOUNDED_RC.
bounded() {
  local name=$1 done=$WORK/bounded.$RANDOM
  shift
  ( rc=0; timeout -k 5 "$LIMIT" "$@" || rc=$?; echo "$rc" >"$done" ) &
  wait_until "$((LIMIT + 10))" test -e "$done" || deadlock "$name"
  wait $! || true
  BOUNDED_RC=$(cat "$done")
  # 124: `timeout` ended it at the deadline (137: with SIGKILL).
  [ "$BOUNDED_RC" != 124 ] && [ "$BOUNDED_RC" != 137 ] || deadlock "$name"
}

step "list collections/* and folder artifacts while rm -rf .trash/* purges $NTRASH records"
bounded "ls collections" ls "$MNT/collections" >/dev/null  # as a file manager shows it first
stop=$WORK/stop
# (The loops end at the stop file, or when this script is gone.)
# Another process keeps changing the registry: the mount reloads, and forgets the members.
(
  i=0
  echo ext >"$WORK/ext.txt"
  while [ ! -e "$stop" ] && kill -0 $$ 2>/dev/null; do
    i=$((i + 1))
    timeout -k 5 "$LIMIT" "$REGFS" -C "$ROOT" add "$WORK/ext.txt" --key "ext/e$i.txt" >/dev/null 2>&1 || true
    sleep_ms 50
  done
  echo "$i" >"$WORK/ext.count"
) &
changer=$!
(
  n=0
  while [ ! -e "$stop" ] && kill -0 $$ 2>/dev/null; do
    n=$((n + 1))
    timeout -k 5 "$LIMIT" ls "$MNT"/collections/* >/dev/null 2>&1 || true
    timeout -k 5 "$LIMIT" ls "$MNT/artifacts/fold/d$(( (n % NFOLD) + 1 ))" >/dev/null 2>&1 || true
  done
  echo "$n" >"$WORK/lister.count"
) &
lister=$!
bounded "rm -rf .trash/*" sh -c 'rm -rf "$1"/.trash/*' sh "$MNT"
[ "$BOUNDED_RC" = 0 ] || fail "rm -rf .trash/* exited $BOUNDED_RC"
touch "$stop"
wait_until "$LIMIT" test -e "$WORK/lister.count" || deadlock "the listing loop (ls collections/*, ls artifacts/fold/dN)"
wait_until "$LIMIT" test -e "$WORK/ext.count" || deadlock "the other process's additions"
wait "$lister" "$changer" || true
passes=$(cat "$WORK/lister.count")
echo "    $passes listing passes over $NCOL collections and folder artifacts; $(cat "$WORK/ext.count") additions by another process meanwhile"
[ "$passes" -ge 1 ] || fail "the listing loop never ran"

step "the purge is complete and everything shown is right"
trashed=$("$REGFS" -C "$ROOT" ls --trash --format csv | tail -n +2 | grep -c . || true)
assert_eq 0 "$trashed" "records left in the trash after rm -rf .trash/*"
assert_eq "" "$(listing "$MNT/.trash/artifacts")" ".trash/artifacts/ after rm -rf"
for c in 0 17 $((NCOL - 1)); do
  want=$(for k in 1 2 3 4 5; do printf 'f%05d.txt\n' $((5 * c + k)); done)
  bounded "ls collections/col$c" ls "$MNT/collections/col$c" >"$WORK/members"
  assert_eq "$want" "$(cat "$WORK/members")" "members of col$c"
done
bounded "cat a member" cat "$MNT/collections/col1/f00006.txt" >"$WORK/member"
assert_eq "Memb 6" "$(cat "$WORK/member")" "a member's content"
bounded "cat inside a folder artifact" cat "$MNT/artifacts/fold/d$NFOLD/inside.txt" >"$WORK/inside"
assert_eq "folder $NFOLD" "$(cat "$WORK/inside")" "a folder artifact's file"
fsck_tally "$ROOT"
assert_eq 0 "$FSCK_ORPHANS" "orphan files after the purge"
stop_fg "$MNT"
echo "PASS: $TEST_NAME"
