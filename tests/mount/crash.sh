#!/usr/bin/env bash
# Crash safety (SPEC.md section 3, "Crash safety", and section 4): the daemon (or the CLI)
# is killed with SIGKILL at a random moment during
#   (a) rm -r of 5k artifacts          (b) rm -rf .trash/* of 5k (purges)
#   (c) cp of a 200 MiB file           (d) mv of a directory of 5k
#   (e) regfs add of 5k files (the CLI is killed, the mount stays up)
# After each kill: the dead mount is cleared, the instance remounted, `regfs fsck` run. Then:
# no row whose stored file is missing (nor one of the wrong size: half-written), no stored
# file deleted whose row survives, every operation that had returned success still in
# effect (rm -v / cp / mv / add report what succeeded) except the purges of the batch the
# kill caught (README "Decisions"), which must be the last ones and back in the trash,
# all-or-nothing where the operation is one transaction (mv of a directory, regfs add),
# pending purges finished by the remount, and the mount's view agreeing with the registry.
#
# CI mode: 3 kills per case, kill after 50-800 ms. REGFS_SOAK=1: 20 kills per case, kill
# after 50-3000 ms ((e): over the duration of an uninterrupted add, measured first). REGFS_CRASH_N (default 5000) and REGFS_CRASH_ROUNDS override the sizes;
# REGFS_CRASH_CASES (default "a b c d e") picks cases.
# shellcheck source=../lib.sh
source "${REGFS_TESTLIB:?REGFS_TESTLIB not set (run through ctest)}"
require_fuse
require_python "the crash workloads"

ART=lnschema_core_artifact
N=${REGFS_CRASH_N:-5000}
KILL_MIN=50
if soak; then
  ROUNDS=${REGFS_CRASH_ROUNDS:-20}
  KILL_MAX=3000
else
  ROUNDS=${REGFS_CRASH_ROUNDS:-3}
  KILL_MAX=800
fi
CASES=${REGFS_CRASH_CASES:-a b c d e}
KILLS=0
ORPHANS_TOTAL=0
TALLY=()
START=$(date +%s)

note() {
  TALLY+=("$*")
  echo "    $*"
}

# removed_keys OUT DIR: the keys below DIR that `rm -v` reported removed (files only).
removed_keys() {
  sed -n "s|^removed '$2/\(.*\)'\$|\1|p" "$1"
}

# count_keys ROOT KEYFILE WHERE: rows whose key is listed in KEYFILE and that match WHERE.
count_keys() {
  local values
  [ -s "$2" ] || { echo 0; return; }
  values=$(sed "s/'/''/g; s/.*/('&')/" "$2" | paste -sd,)
  sql "$1" "WITH k(key) AS (VALUES $values) SELECT count(*) FROM $ART a JOIN k ON a.key = k.key WHERE $3"
}

# key_uid KEY: the uid plant_artifacts gave the record at KEY (PREFIX/fNNNNN.txt).
key_uid() {
  local i=${1#*/f}
  planted_uid "${1%%/*}" $((10#${i%.txt}))
}

# entries DIR: how many names DIR lists through the mount (0 when it does not exist).
entries() {
  listing "$1" | grep -c . || true
}

# files_below DIR: regular files below DIR through the mount.
files_below() {
  [ -d "$1" ] || { echo 0; return; }
  find "$1" -type f | grep -c . || true
}

# drop_orphans ROOT: counts the orphans the last fsck_tally reported, then removes them (test
# hygiene: each round starts clean, so an orphan is charged to the round that made it).
drop_orphans() {
  ORPHANS_TOTAL=$((ORPHANS_TOTAL + FSCK_ORPHANS))
  [ "$FSCK_ORPHANS" = 0 ] && return
  printf '%s\n' "$FSCK_OUT" | sed -n "s|^orphan file: \($1/\.lamindb/..*\)\$|\1|p" | tr '\n' '\0' | xargs -0 -r rm -rf --
}

# staging_left ROOT: staging files holding content (half-written files). A live mount also
# keeps a few empty ones ready for new files (Session::TakeStaging); those are not leftovers.
staging_left() {
  find "$1/.lamindb/.regfs-staging" -type f -size +0c 2>/dev/null | grep -c . || true
}

# kill_daemon_after MS MNT: sleeps, then SIGKILLs the foreground daemon and clears the dead
# mount.
kill_daemon_after() {
  sleep_ms "$1"
  crash_fg "$2"
  KILLS=$((KILLS + 1))
}

# ------------------------------------------------------------------ (a) rm -r of 5k artifacts
case_a() {
  step "(a) rm -r of $N artifacts, daemon killed $ROUNDS times"
  local root=$WORK/a mnt=$WORK/a-mnt r ms wl acked rc vis trash
  new_instance "$root"
  plant_artifacts "$root" "$N" big 1 AAAA
  for r in $(seq 1 "$ROUNDS"); do
    mount_fg "$root" "$mnt"
    assert_eq "$N" "$(entries "$mnt/artifacts/big")" "(a) round $r: artifacts/big before rm -r"
    (
      rc=0
      rm -rv "$mnt/artifacts/big" >"$WORK/a.out" 2>"$WORK/a.err" || rc=$?
      echo "$rc" >"$WORK/a.rc"
    ) &
    wl=$!
    ms=$(rand_between $KILL_MIN $KILL_MAX)
    kill_daemon_after "$ms" "$mnt"
    wait "$wl" || true
    rc=$(cat "$WORK/a.rc")
    removed_keys "$WORK/a.out" "$mnt/artifacts" >"$WORK/a.keys"
    acked=$(grep -c . "$WORK/a.keys" || true)

    mount_fg "$root" "$mnt"
    assert_eq 0 "$(sql "$root" "SELECT count(*) FROM regfs_pending")" "(a) round $r: pending operations after the remount"
    assert_eq "$N" "$(sql "$root" "SELECT count(*) FROM $ART")" "(a) round $r: rows after the kill (rm trashes, it never deletes)"
    assert_eq 0 "$(count_keys "$root" "$WORK/a.keys" "a.visibility <> -1")" \
      "(a) round $r: records whose rm had succeeded but that are not in the trash"
    vis=$(sql "$root" "SELECT count(*) FROM $ART WHERE visibility = 1")
    trash=$(sql "$root" "SELECT count(*) FROM $ART WHERE visibility = -1")
    [ "$trash" -ge "$acked" ] || fail "(a) round $r: $acked rm's succeeded but only $trash records are in the trash"
    if [ "$rc" = 0 ]; then assert_eq "$N" "$trash" "(a) round $r: rm -r finished before the kill, all trashed"; fi
    assert_eq "$vis" "$(entries "$mnt/artifacts/big")" "(a) round $r: artifacts/big through the remounted mount"
    assert_eq "$trash" "$(entries "$mnt/.trash/artifacts/big")" "(a) round $r: .trash/artifacts/big through the remounted mount"
    check_rows_have_files "$root"
    fsck_tally "$root"
    note "(a) rm -r, kill $r after ${ms} ms: rm exit $rc, $acked unlinks acknowledged, $trash trashed, $vis still visible, $ROWS_CHECKED rows all with files, $FSCK_ORPHANS orphans"
    drop_orphans "$root"
    stop_fg "$mnt"
    sql "$root" "UPDATE $ART SET visibility = 1 WHERE visibility = -1"
  done
}

# ------------------------------------------------------------------ (b) rm -rf .trash/* of 5k
case_b() {
  step "(b) rm -rf .trash/* of $N trashed artifacts, daemon killed $ROUNDS times"
  local root=$WORK/b mnt=$WORK/b-mnt r ms wl acked rc left pend tag k uid gone kept
  new_instance "$root"
  plant_artifacts "$root" "$N" B000 -1 B000
  for r in $(seq 1 "$ROUNDS"); do
    mount_fg "$root" "$mnt"
    assert_eq "$N" "$(files_below "$mnt/.trash/artifacts")" "(b) round $r: files in .trash before rm -rf"
    (
      rc=0
      rm -rfv "$mnt/.trash/"* >"$WORK/b.out" 2>"$WORK/b.err" || rc=$?
      echo "$rc" >"$WORK/b.rc"
    ) &
    wl=$!
    ms=$(rand_between $KILL_MIN $KILL_MAX)
    kill_daemon_after "$ms" "$mnt"
    wait "$wl" || true
    rc=$(cat "$WORK/b.rc")
    removed_keys "$WORK/b.out" "$mnt/.trash/artifacts" >"$WORK/b.keys"
    acked=$(grep -c . "$WORK/b.keys" || true)
    pend=$(sql "$root" "SELECT count(*) FROM regfs_pending")

    mount_fg "$root" "$mnt"
    assert_eq 0 "$(sql "$root" "SELECT count(*) FROM regfs_pending")" "(b) round $r: pending purges after the remount (the mount finishes them)"
    # Purges share a batch until they pause (README "Decisions"): the kill may roll back the
    # batch it caught. Those are the last purges acknowledged, at most one batch (256), and
    # they are back in the trash with their files; every earlier one is gone for good.
    kept=$(count_keys "$root" "$WORK/b.keys" "1")
    [ "$kept" -le 256 ] || fail "(b) round $r: $kept acknowledged purges rolled back by the kill, more than one batch (256)"
    tail -n "$kept" "$WORK/b.keys" >"$WORK/b.tail"
    head -n $((acked - kept)) "$WORK/b.keys" >"$WORK/b.done"
    assert_eq "$kept" "$(count_keys "$root" "$WORK/b.tail" "a.visibility = -1")" "(b) round $r: rolled-back purges are the last ones acknowledged, and in the trash"
    # The stored file of every purge that stayed done is gone (finished by the remount at the
    # latest); that of every rolled-back one is there.
    gone=0
    while IFS= read -r k; do
      uid=$(key_uid "$k")
      [ ! -e "$root/.lamindb/$uid.txt" ] || fail "(b) round $r: the purge of $k succeeded but its file $uid.txt is still there"
      gone=$((gone + 1))
    done <"$WORK/b.done"
    while IFS= read -r k; do
      uid=$(key_uid "$k")
      [ -e "$root/.lamindb/$uid.txt" ] || fail "(b) round $r: the purge of $k was rolled back but its file $uid.txt is gone"
    done <"$WORK/b.tail"
    left=$(sql "$root" "SELECT count(*) FROM $ART")
    [ $((left + acked - kept)) -le "$N" ] || fail "(b) round $r: $left rows left + $((acked - kept)) purged > $N"
    # rm -rf ends with rmdirs, which commit the batch: once it has returned, nothing rolls back.
    if [ "$rc" = 0 ]; then
      assert_eq 0 "$kept" "(b) round $r: rm -rf finished before the kill, purges rolled back"
      assert_eq 0 "$left" "(b) round $r: rm -rf finished before the kill, nothing left"
    fi
    assert_eq "$left" "$(files_below "$mnt/.trash/artifacts")" "(b) round $r: files in .trash through the remounted mount"
    check_rows_have_files "$root"
    fsck_tally "$root"
    assert_eq 0 "$FSCK_ORPHANS" "(b) round $r: orphan files after purges (a purged file must not leak)"
    note "(b) rm -rf .trash/*, kill $r after ${ms} ms: rm exit $rc, $acked purges acknowledged ($gone files checked gone, $kept rolled back with the batch the kill caught), $pend pending delete(s) left by the kill and finished by the remount, $left rows left"
    stop_fg "$mnt"
    # Top the trash up again with fresh records (new keys, so no @uid names).
    if [ "$left" -lt "$N" ]; then
      tag=$(printf 'B%03d' "$r")
      plant_artifacts "$root" $((N - left)) "$tag" -1 "$tag"
    fi
  done
}

# ------------------------------------------------------------------ (c) cp of a 200 MiB file
case_c() {
  step "(c) cp of a 200 MiB file, daemon killed $ROUNDS times"
  local root=$WORK/c mnt=$WORK/c-mnt r ms wl rc rows big want size=$((200 * 1024 * 1024)) s
  local made=0 none=0
  new_instance "$root"
  big=$WORK/big200.bin
  head -c "$size" /dev/urandom >"$big"
  local chunk=52428800
  want=$( { head -c $chunk "$big" | openssl dgst -sha1 -binary; tail -c $chunk "$big" | openssl dgst -sha1 -binary; } \
    | openssl dgst -sha1 -binary | base64 | tr '+/' '-_' | tr -d '=' | cut -c1-22)
  for r in $(seq 1 "$ROUNDS"); do
    mount_fg "$root" "$mnt"
    mkdir -p "$mnt/artifacts/c"
    # Writes that returned before the kill: they must survive it.
    printf 'small %s\n' "$r" >"$mnt/artifacts/c/small$r.txt" || fail "(c) round $r: small write failed"
    (
      rc=0
      cp "$big" "$mnt/artifacts/c/big$r.bin" 2>"$WORK/c.err" || rc=$?
      echo "$rc" >"$WORK/c.rc"
    ) &
    wl=$!
    ms=$(rand_between $KILL_MIN $KILL_MAX)
    kill_daemon_after "$ms" "$mnt"
    wait "$wl" || true
    rc=$(cat "$WORK/c.rc")

    mount_fg "$root" "$mnt"
    assert_eq 0 "$(staging_left "$root")" "(c) round $r: staging files after the remount"
    for s in $(seq 1 "$r"); do
      assert_eq "small $s" "$(cat "$mnt/artifacts/c/small$s.txt")" "(c) round $r: a write acknowledged before the kill"
    done
    rows=$(sql "$root" "SELECT count(*) FROM $ART WHERE key = 'c/big$r.bin'")
    case $rows in
      0)
        [ "$rc" != 0 ] || fail "(c) round $r: cp succeeded but there is no record"
        [ ! -e "$mnt/artifacts/c/big$r.bin" ] || fail "(c) round $r: no row, yet artifacts/c/big$r.bin is shown"
        none=$((none + 1))
        ;;
      1)
        assert_eq "$size|$want|sha1-fl|1" "$(sql "$root" "SELECT size, hash, hash_type, visibility FROM $ART WHERE key = 'c/big$r.bin'")" \
          "(c) round $r: the record made by the interrupted cp (never half-written)"
        cmp -s "$big" "$mnt/artifacts/c/big$r.bin" || fail "(c) round $r: content of the record differs from the source"
        made=$((made + 1))
        ;;
      *) fail "(c) round $r: $rows records for one cp" ;;
    esac
    check_rows_have_files "$root"
    fsck_tally "$root"
    note "(c) cp 200 MiB, kill $r after ${ms} ms: cp exit $rc, $rows complete record(s), $FSCK_ORPHANS orphan(s)"
    drop_orphans "$root"
    # Free the space: trash and purge the big record through the mount.
    if [ "$rows" = 1 ]; then
      rm "$mnt/artifacts/c/big$r.bin" && rm "$mnt/.trash/artifacts/c/big$r.bin" || fail "(c) round $r: purge of the big record failed"
      [ -z "$(sql "$root" "SELECT uid FROM $ART WHERE key = 'c/big$r.bin'")" ] || fail "(c) round $r: big record not purged"
    fi
    stop_fg "$mnt"
  done
  note "(c) totals: $made cp's whose record was complete, $none left no record"
  rm -f "$big"
}

# ------------------------------------------------------------------ (d) mv of a directory of 5k
case_d() {
  step "(d) mv of a directory of $N records, daemon killed $ROUNDS times"
  local root=$WORK/d mnt=$WORK/d-mnt r ms wl rc cur=src other=dst ncur noth moved=0 stayed=0
  new_instance "$root"
  plant_artifacts "$root" "$N" src 1 DDDD
  for r in $(seq 1 "$ROUNDS"); do
    mount_fg "$root" "$mnt"
    assert_eq "$N" "$(entries "$mnt/artifacts/$cur")" "(d) round $r: artifacts/$cur before mv"
    (
      rc=0
      mv "$mnt/artifacts/$cur" "$mnt/artifacts/$other" 2>"$WORK/d.err" || rc=$?
      echo "$rc" >"$WORK/d.rc"
    ) &
    wl=$!
    ms=$(rand_between $KILL_MIN $KILL_MAX)
    kill_daemon_after "$ms" "$mnt"
    wait "$wl" || true
    rc=$(cat "$WORK/d.rc")

    mount_fg "$root" "$mnt"
    assert_eq "$N" "$(sql "$root" "SELECT count(*) FROM $ART WHERE visibility = 1")" "(d) round $r: visible rows after the kill"
    ncur=$(sql "$root" "SELECT count(*) FROM $ART WHERE key LIKE '$cur/%'")
    noth=$(sql "$root" "SELECT count(*) FROM $ART WHERE key LIKE '$other/%'")
    if [ "$ncur" = "$N" ] && [ "$noth" = 0 ]; then
      [ "$rc" != 0 ] || fail "(d) round $r: mv succeeded but the records are still under $cur/"
      stayed=$((stayed + 1))
    elif [ "$ncur" = 0 ] && [ "$noth" = "$N" ]; then
      moved=$((moved + 1))
      local t=$cur
      cur=$other
      other=$t
    else
      fail "(d) round $r: the directory move is not all-or-nothing: $ncur records under $cur/, $noth under $other/"
    fi
    assert_eq "$N" "$(entries "$mnt/artifacts/$cur")" "(d) round $r: artifacts/$cur through the remounted mount"
    [ ! -e "$mnt/artifacts/$other" ] || fail "(d) round $r: artifacts/$other shown though no record is below it"
    check_rows_have_files "$root"
    fsck_tally "$root"
    note "(d) mv dir, kill $r after ${ms} ms: mv exit $rc, all $N records now under $cur/, $FSCK_ORPHANS orphan(s)"
    drop_orphans "$root"
    stop_fg "$mnt"
  done
  note "(d) totals: $moved kills after the move committed, $stayed before"
}

# ------------------------------------------------------------------ (e) regfs add of 5k, CLI killed
case_e() {
  step "(e) regfs add of $N files, the CLI killed $ROUNDS times (the mount stays up)"
  local root=$WORK/e mnt=$WORK/e-mnt src=$WORK/e-src r ms cli rc n i all=0 nothing=0
  new_instance "$root"
  mkdir -p "$src"
  mount_fg "$root" "$mnt"
  # Soak mode: one uninterrupted add first; it must commit everything, and its duration
  # spreads the kill times over the whole run (staging, publishing, the commit, after it).
  # CI mode keeps to 50-800 ms (staging and publishing) to stay within its time budget.
  local t0 t1 kill_max=$KILL_MAX
  if soak; then
    for i in $(seq -f '%05g' 1 "$N"); do printf 'baseline file %s\n' "$i" >"$src/f$i.txt"; done
    t0=$(date +%s%N)
    "$REGFS" add -C "$root" --description baseline "$src"/f*.txt >/dev/null 2>"$WORK/e.err" || fail "(e) uninterrupted regfs add failed: $(cat "$WORK/e.err")"
    t1=$(date +%s%N)
    assert_eq "$N" "$(sql "$root" "SELECT count(*) FROM $ART WHERE description = 'baseline'")" "(e) records of the uninterrupted add"
    kill_max=$(( (t1 - t0) / 1000000 * 12 / 10 ))
    [ "$kill_max" -gt "$KILL_MIN" ] || kill_max=$((KILL_MIN + 1))
    note "(e) an uninterrupted add of $N files took $(( (t1 - t0) / 1000000 )) ms: kills land in $KILL_MIN-$kill_max ms"
    stop_fg "$mnt"
    sql "$root" "SELECT uid || suffix FROM $ART WHERE description = 'baseline'" | sed "s|^|$root/.lamindb/|" | xargs rm -f
    sql "$root" "DELETE FROM $ART WHERE description = 'baseline'"
    mount_fg "$root" "$mnt"
  fi
  for r in $(seq 1 "$ROUNDS"); do
    for i in $(seq -f '%05g' 1 "$N"); do printf 'round %s file %s\n' "$r" "$i" >"$src/f$i.txt"; done
    "$REGFS" add -C "$root" --description "batch-$r" "$src"/f*.txt >"$WORK/e.out" 2>"$WORK/e.err" &
    cli=$!
    ms=$(rand_between $KILL_MIN "$kill_max")
    sleep_ms "$ms"
    rc=0
    { kill -9 "$cli" || true; wait "$cli" || rc=$?; } 2>/dev/null
    KILLS=$((KILLS + 1))
    n=$(sql "$root" "SELECT count(*) FROM $ART WHERE description = 'batch-$r'")
    case $n in
      0) [ "$rc" != 0 ] || fail "(e) round $r: regfs add exited 0 but added nothing"; nothing=$((nothing + 1)) ;;
      "$N") all=$((all + 1)) ;;
      *) fail "(e) round $r: regfs add (one transaction) left $n of $N records" ;;
    esac
    # The live mount shows the whole batch or none of it, within a second.
    shows_registry() { [ "$(entries "$mnt/artifacts")" = "$(sql "$root" "SELECT count(*) FROM $ART WHERE visibility = 1")" ]; }
    wait_until 2 shows_registry ||
      fail "(e) round $r: the mount shows $(entries "$mnt/artifacts") records, the registry has $(sql "$root" "SELECT count(*) FROM $ART WHERE visibility = 1")"
    stop_fg "$mnt"
    mount_fg "$root" "$mnt"
    assert_eq 0 "$(staging_left "$root")" "(e) round $r: staging files of the killed CLI after the remount"
    check_rows_have_files "$root"
    fsck_tally "$root"
    note "(e) regfs add, kill $r after ${ms} ms: add exit $rc, $n of $N records committed, $FSCK_ORPHANS orphan file(s) left by the killed CLI"
    drop_orphans "$root"
    # Keep the registry small for the next round: remove the batch (rows, then files).
    if [ "$n" != 0 ]; then
      stop_fg "$mnt"
      sql "$root" "SELECT uid || suffix FROM $ART WHERE description = 'batch-$r'" | sed "s|^|$root/.lamindb/|" | xargs rm -f
      sql "$root" "DELETE FROM $ART WHERE description = 'batch-$r'"
      mount_fg "$root" "$mnt"
    fi
  done
  stop_fg "$mnt"
  note "(e) totals: $all kills after the commit, $nothing before it"
}

for c in $CASES; do
  case $c in
    a | b | c | d | e)
      t0=$(date +%s)
      "case_$c"
      note "($c) took $(($(date +%s) - t0)) s"
      ;;
    *) fail "unknown case $c in REGFS_CRASH_CASES" ;;
  esac
done

echo "--- tally ($( soak && echo soak || echo CI) mode, N=$N, $ROUNDS kills per case, $(($(date +%s) - START)) s)"
printf '    %s\n' "${TALLY[@]}"
echo "    kills survived: $KILLS ($HUNG_KILLS left the daemon hung in the kernel until its FUSE connection was aborted); orphan files reported by fsck (and removed): $ORPHANS_TOTAL; rows lost: 0"
check_sanitizer_reports
echo "PASS: $TEST_NAME"
