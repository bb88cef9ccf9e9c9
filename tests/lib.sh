# Shared helpers for the shell tests (CLI and mount). Source it; it sets -euo pipefail.
#
# Environment (set by ctest): REGFS_BIN, REGFS_FIXTURES.
set -euo pipefail

REGFS=${REGFS_BIN:?REGFS_BIN not set}
FIXTURES=${REGFS_FIXTURES:?REGFS_FIXTURES not set}
TEST_NAME=$(basename "$0" .sh)
WORK=$(mktemp -d "/tmp/regfs-test-${TEST_NAME}.XXXXXX")
MOUNTS=()
DAEMON_PIDS=()
# How long a daemon may take to exit once its mount is gone.
DAEMON_EXIT_GRACE=${REGFS_DAEMON_EXIT_GRACE:-10}
# Files newer than this were written during the test (sanitizer log_path files).
TEST_START=$WORK/.start
: >"$TEST_START"

cleanup() {
  local rc=$?
  local m p
  for m in "${MOUNTS[@]+"${MOUNTS[@]}"}"; do
    # A mount whose daemon died is not a "mountpoint" to mountpoint(1) (stat fails with
    # ENOTCONN) but is still in /proc/mounts; mounts may also be stacked on one path.
    for _ in 1 2 3; do
      mountpoint -q "$m" 2>/dev/null || grep -qF " $m fuse" /proc/mounts 2>/dev/null || break
      fusermount3 -u "$m" 2>/dev/null || fusermount3 -uz "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || true
    done
  done
  unmount_all_under "$WORK"
  # Every daemon this test started (background mounts found by their log line, foreground
  # ones by their job's pid) must exit once its mount is gone. One that does not is killed,
  # and the test fails.
  for p in $(daemon_pids) "${DAEMON_PIDS[@]+"${DAEMON_PIDS[@]}"}"; do
    wait_until "$DAEMON_EXIT_GRACE" daemon_exited "$p" && continue
    echo "FAIL: $TEST_NAME: daemon $p still running $DAEMON_EXIT_GRACE s after its mount went: $(tr '\0' ' ' <"/proc/$p/cmdline" 2>/dev/null)" >&2
    kill -9 "$p" 2>/dev/null || true
    [ $rc -ne 0 ] || rc=1
  done
  # A daemon built with sanitizers reports into its log (or ASAN_OPTIONS' log_path files),
  # not through any exit status the test sees.
  if ! sanitizer_reports >&2; then
    [ $rc -ne 0 ] && [ $rc -ne 77 ] || rc=1
  fi
  if [ $rc -ne 0 ] && [ $rc -ne 77 ]; then
    echo "--- $TEST_NAME failed (exit $rc); daemon logs:" >&2
    for f in "$WORK"/*.log; do [ -f "$f" ] && { echo "== $f" >&2; tail -n 40 "$f" >&2; }; done
  fi
  rm -rf "$WORK" 2>/dev/null || true
  exit $rc
}
trap cleanup EXIT

fail() { echo "FAIL: $TEST_NAME: $*" >&2; exit 1; }
skip() { echo "SKIP: $TEST_NAME: $*" >&2; exit 77; }
step() { echo "--- $*"; }

assert_eq() {  # expected actual message
  [ "$1" == "$2" ] || fail "$3: expected [$1], got [$2]"
}
assert_contains() {  # haystack needle message
  case "$1" in *"$2"*) ;; *) fail "$3: [$2] not in [$1]" ;; esac
}
assert_not_contains() {
  case "$1" in *"$2"*) fail "$3: [$2] unexpectedly in [$1]" ;; *) ;; esac
}
# Runs a command that must fail; its stderr must contain the given text (errno message).
assert_fails_with() {  # "text" cmd...
  local want=$1; shift
  local out
  if out=$("$@" 2>&1); then fail "expected failure with [$want] from: $*"; fi
  assert_contains "$out" "$want" "error of: $*"
}

# The database of an instance root.
db_of() {
  if [ -f "$1/.lamindb/lamin.db" ]; then echo "$1/.lamindb/lamin.db"; else ls "$1"/*.lndb; fi
}
sql() {  # root sql
  sqlite3 -cmd ".timeout 5000" "$(db_of "$1")" "$2"
}

# Mount tests: require /dev/fuse (fail under CI, skip elsewhere).
require_fuse() {
  if [ ! -c /dev/fuse ] || ! command -v fusermount3 >/dev/null; then
    if [ "${CI:-}" = "true" ]; then fail "/dev/fuse or fusermount3 missing: mount tests are required in CI"; fi
    skip "/dev/fuse not available; mount tests skipped"
  fi
}

# mount_regfs ROOT MNT [options...]: mounts in the background; returns once the mount is
# live (regfs mount only returns after the kernel has the mount). Sets MOUNT_PID to the
# daemon's pid. The daemon's log (and its stderr: sanitizer reports) goes to daemon.log.
mount_regfs() {
  local root=$1 mnt=$2; shift 2
  mkdir -p "$mnt"
  MOUNTS+=("$mnt")
  "$REGFS" mount -C "$root" "$mnt" "$@" 2>>"$WORK/daemon.log" || fail "mount $root on $mnt failed"
  mountpoint -q "$mnt" || fail "mount returned but $mnt is not a mountpoint"
  MOUNT_PID=$(daemon_pid_of "$mnt")
  [ -n "$MOUNT_PID" ] || fail "the daemon serving $mnt did not log its start (no pid)"
}

# unmount_regfs MNT: unmounts; the daemon that served MNT must exit within
# DAEMON_EXIT_GRACE seconds.
unmount_regfs() {
  local pid
  pid=$(daemon_pid_of "$1")
  fusermount3 -u "$1" || fail "unmount $1 failed"
  [ -z "$pid" ] || wait_until "$DAEMON_EXIT_GRACE" daemon_exited "$pid" ||
    fail "daemon $pid still running $DAEMON_EXIT_GRACE s after unmounting $1"
}

# The daemon logs "regfs[PID] info: serving ROOT (...) on MNT" once the kernel's INIT is
# answered, which is before any request on the mount (so before mount_regfs returns).
# daemon_pid_of MNT: the pid of the newest daemon that served MNT ("" if none).
daemon_pid_of() {
  local real
  real=$(realpath -m "$1")
  cat "$WORK"/*.log 2>/dev/null | awk -v tail=" on $real" '
    index($0, "] info: serving ") && substr($0, length($0) - length(tail) + 1) == tail &&
    match($0, /regfs\[[0-9]+\]/) { pid = substr($0, RSTART + 6, RLENGTH - 7) }
    END { print pid }' || true
}
# daemon_pids: every daemon any mount of this test started.
daemon_pids() {
  cat "$WORK"/*.log 2>/dev/null | awk '
    index($0, "] info: serving ") && match($0, /regfs\[[0-9]+\]/) {
      print substr($0, RSTART + 6, RLENGTH - 7) }' | sort -u || true
}
# daemon_exited PID: true once PID is no regfs daemon any more (exited, a zombie, or the pid
# now belongs to another program).
daemon_exited() {
  daemon_gone "$1" && return 0
  ! tr '\0' '\n' <"/proc/$1/cmdline" 2>/dev/null | grep -qx mount
}

# sanitizer_reports: prints, and returns 1 for, reports of AddressSanitizer, LeakSanitizer,
# UBSan or ThreadSanitizer in the logs under $WORK (daemon.log, ...) and in the log_path
# files the sanitizer options name (written since this test began).
sanitizer_reports() {
  local pattern='ERROR: (AddressSanitizer|LeakSanitizer)|WARNING: ThreadSanitizer|runtime error:'
  local files=() f opts path
  for f in "$WORK"/*.log; do [ -f "$f" ] && files+=("$f"); done
  for opts in "${ASAN_OPTIONS:-}" "${UBSAN_OPTIONS:-}" "${TSAN_OPTIONS:-}" "${LSAN_OPTIONS:-}"; do
    path=$(printf '%s\n' "$opts" | tr ':' '\n' | sed -n 's/^log_path=//p' | tail -n 1)
    [ -n "$path" ] || continue
    for f in "$path".*; do [ -f "$f" ] && [ "$f" -nt "$TEST_START" ] && files+=("$f"); done
  done
  [ "${#files[@]}" -gt 0 ] || return 0
  local hits
  hits=$(grep -lE "$pattern" "${files[@]}" 2>/dev/null || true)
  [ -n "$hits" ] || return 0
  echo "FAIL: $TEST_NAME: sanitizer reports in $hits:"
  # shellcheck disable=SC2086
  grep -hE -m 3 -A 3 "$pattern" $hits | head -n 20
  return 1
}

# wait_until TIMEOUT_S cmd...: polls a condition instead of sleeping a fixed time.
wait_until() {
  local t=$1; shift
  local deadline=$(( $(date +%s%N) + t * 1000000000 ))
  until "$@" >/dev/null 2>&1; do
    [ "$(date +%s%N)" -lt "$deadline" ] || return 1
    sleep 0.05
  done
}

# gone_soon PATH: through the mount, the stored file of a purged record is deleted right
# after `rm` returns (the purge itself is committed, and crash-safe, before): waits up to 2 s.
gone_soon() {
  wait_until 2 test ! -e "$1"
}

# new_instance ROOT: a fresh instance made by `regfs init`.
new_instance() {
  "$REGFS" init "$1" --layout 0.73 >/dev/null || fail "regfs init $1"
}

# fixture_instance ROOT 0.73|2.6: an instance made from a fixture database and the seed rows
# its README describes.
fixture_instance() {
  local root=$1 which=$2 db
  mkdir -p "$root/.lamindb"
  case $which in
    0.73)
      db="$root/0123456789abcdef0123456789abcdef.lndb"
      sqlite3 "$db" < "$FIXTURES/lamindb-0.73-schema.sql"
      sqlite3 "$db" "INSERT INTO lnschema_core_user (id, uid, handle, name, created_at, updated_at) VALUES (1, 'testuser', 'testuser', 'Test', '2024-05-01 00:00:00.000000', '2024-05-01 00:00:00.000000');
        INSERT INTO lnschema_core_storage (id, uid, root, type, created_at, updated_at, created_by_id) VALUES (1, 'st0rage00001', '$root', 'local', '2024-05-01 00:00:00.000000', '2024-05-01 00:00:00.000000', 1);"
      ;;
    2.6|2.10)
      db="$root/.lamindb/lamin.db"
      if [ "$which" = 2.6 ]; then gunzip -c "$FIXTURES/lamindb-2.6-empty.db.gz" > "$db"
      else sqlite3 "$db" < "$FIXTURES/lamindb-2.10-schema.sql"
        sqlite3 "$db" "INSERT INTO lamindb_space (id, name, uid) VALUES (1, 'all', 'aaaaaaaaaaaa');"
      fi
      sqlite3 "$db" "PRAGMA foreign_keys=ON;
        INSERT INTO lamindb_user (id, uid, handle, name) VALUES (1, 'testuser', 'testuser', 'Test');
        INSERT INTO lamindb_branch (id, name, uid, created_by_id) VALUES (-1, 'trash', 'tttttttttttt', 1), (0, 'archive', 'aaaaaaaaaaaa', 1), (1, 'main', 'mmmmmmmmmmmm', 1);
        INSERT INTO lamindb_storage (id, uid, root, type, created_by_id) VALUES (1, 'st0rage00001', '$root', 'local', 1);"
      ;;
    *) fail "unknown fixture $which" ;;
  esac
  echo -n st0rage00001 > "$root/.lamindb/_is_initialized"
}

# ---------------------------------------------------------------- CLI test helpers

# capture cmd...: runs a command that may fail; sets RC, OUT (stdout) and ERR (stderr).
capture() {
  local rc=0
  "$@" >"$WORK/.capture.out" 2>"$WORK/.capture.err" </dev/null || rc=$?
  RC=$rc
  OUT=$(cat "$WORK/.capture.out")
  ERR=$(cat "$WORK/.capture.err")
}

# assert_rc EXPECTED message: checks RC from the last capture (prints its output on failure).
assert_rc() {
  [ "$RC" = "$1" ] || fail "$2: expected exit $1, got $RC; stdout [$OUT] stderr [$ERR]"
}

# assert_one_error_line message: the last capture's stderr is exactly one "regfs: ..." line.
assert_one_error_line() {
  local n
  n=$(printf '%s\n' "$ERR" | grep -c '' || true)
  if [ -z "$ERR" ] || [ "$n" != 1 ]; then fail "$1: expected one stderr line, got $n: [$ERR]"; fi
  case "$ERR" in regfs:\ *) ;; *) fail "$1: stderr does not start with 'regfs: ': [$ERR]" ;; esac
}

# md5_b64 FILE: LaminDB's hash of a file up to 50 MiB (URL-safe base64 md5, 22 chars).
md5_b64() {
  openssl dgst -md5 -binary "$1" | base64 | tr '+/' '-_' | tr -d '=' | cut -c1-22
}

# csv_get CSV UID COLUMN: COLUMN of the row whose uid is UID in `regfs ls --format csv`
# output (test data only: no quoted commas). Prints nothing when the uid is absent.
csv_get() {
  printf '%s\n' "$1" | awk -F, -v uid="$2" -v col="$3" '
    NR == 1 { for (i = 1; i <= NF; i++) if ($i == col) c = i; next }
    $1 == uid && c { print $c }'
}

# random_uid [N]: N (default 20) base62 characters, for rows a test inserts with sqlite3.
random_uid() {
  openssl rand -hex 16 | cut -c1-"${1:-20}"
}

# ---------------------------------------------------------------- mount test helpers

# python3 for small system-call helpers (the system one first: it starts fastest). Empty
# when there is none; callers then skip their check with a message.
PYTHON3=$(PATH="/usr/bin:/bin:$PATH" command -v python3 || true)

# rename_noreplace SRC DST: renameat2(2) with RENAME_NOREPLACE; prints the errno (0 when
# the rename succeeded). Returns 2 without printing when python3 is not installed.
rename_noreplace() {
  [ -n "$PYTHON3" ] || return 2
  "$PYTHON3" - "$1" "$2" <<'PY'
import ctypes, os, sys
libc = ctypes.CDLL(None, use_errno=True)
AT_FDCWD, RENAME_NOREPLACE = -100, 1
rc = libc.renameat2(AT_FDCWD, os.fsencode(sys.argv[1]), AT_FDCWD, os.fsencode(sys.argv[2]),
                    RENAME_NOREPLACE)
print(0 if rc == 0 else ctypes.get_errno())
PY
}

# epoch_of "YYYY-MM-DD HH:MM:SS.ffffff": a UTC datetime of the registry as whole seconds.
epoch_of() {
  date -u -d "$1" +%s
}

# listing DIR: the names in DIR, one a line, in readdir order (ls -U), or nothing.
listing() {
  ls -A -U "$1" 2>/dev/null || true
}

# now_utc: the current time as the registry writes it (UTC, microseconds).
now_utc() {
  date -u '+%Y-%m-%d %H:%M:%S.%6N'
}

# make_collection ROOT NAME [--meta ARTIFACT_ID] ARTIFACT_ID...: inserts a visible collection
# whose members are the given artifacts (linked in argument order) into a 0.7x-layout
# instance (`regfs init`), supplying every NOT NULL column; prints the collection's uid.
make_collection() {
  local root=$1 name=$2 meta=NULL uid now q a
  shift 2
  if [ "${1:-}" = --meta ]; then meta=$2; shift 2; fi
  uid=$(random_uid 20)
  now=$(now_utc)
  q="INSERT INTO lnschema_core_collection (version, created_at, updated_at, uid, name, visibility, artifact_id, created_by_id)
     VALUES (NULL, '$now', '$now', '$uid', '$name', 1, $meta, 1);"
  for a in "$@"; do
    q+="INSERT INTO lnschema_core_collectionartifact (created_at, artifact_id, collection_id, created_by_id)
        VALUES ('$now', $a, (SELECT id FROM lnschema_core_collection WHERE uid = '$uid'), 1);"
  done
  sql "$root" "BEGIN; $q COMMIT;" || fail "insert collection $name"
  echo "$uid"
}

# ---------------------------------------------------------------- reliability test helpers
# (crash.sh, concurrency.sh, hostile.sh, permissions.sh)

# REGFS_SOAK=1 runs the same scripts longer (more kills, longer load); the default (CI)
# mode keeps every script within about a minute.
SOAK=${REGFS_SOAK:-0}
soak() { [ "$SOAK" = 1 ]; }

require_python() {
  [ -n "$PYTHON3" ] || skip "python3 is needed for $*"
}

# rand_between LO HI: a random integer in [LO, HI].
rand_between() {
  echo $(( $1 + (RANDOM * 32768 + RANDOM) % ($2 - $1 + 1) ))
}

# sleep_ms MS
sleep_ms() {
  sleep "$(printf '%d.%03d' $(( $1 / 1000 )) $(( $1 % 1000 )))"
}

# forget_pid PID: drops a reaped daemon from DAEMON_PIDS (so cleanup never signals a
# recycled process id).
forget_pid() {
  local p keep=()
  for p in "${DAEMON_PIDS[@]+"${DAEMON_PIDS[@]}"}"; do [ "$p" = "$1" ] || keep+=("$p"); done
  DAEMON_PIDS=("${keep[@]+"${keep[@]}"}")
}

# on_proc_mounts MNT: true while MNT is in /proc/mounts as a FUSE mount (dead or alive).
on_proc_mounts() {
  grep -qF " $1 fuse" /proc/mounts 2>/dev/null
}

# clear_dead_mount MNT: lazily unmounts whatever FUSE mount (dead daemon) is left on MNT.
clear_dead_mount() {
  local i
  for i in 1 2 3 4 5; do
    on_proc_mounts "$1" || return 0
    fusermount3 -uz "$1" 2>/dev/null || umount -l "$1" 2>/dev/null || true
  done
  ! on_proc_mounts "$1" || fail "could not clear the dead mount on $1"
}

# mount_fg ROOT MNT [options...]: runs the daemon in the foreground (-f) as a background
# job of this shell, so that the test can SIGKILL it by pid; sets FG_PID and FG_CONN (the
# FUSE connection number, for /sys/fs/fuse/connections). Returns once the mount serves.
mount_fg() {
  local root=$1 mnt=$2; shift 2
  mkdir -p "$mnt"
  MOUNTS+=("$mnt")
  "$REGFS" mount -C "$root" "$mnt" -f "$@" 2>>"$WORK/daemon.log" &
  FG_PID=$!
  DAEMON_PIDS+=("$FG_PID")
  if ! wait_until 20 mountpoint -q "$mnt"; then
    kill "$FG_PID" 2>/dev/null || true
    fail "foreground mount of $root on $mnt did not come up within 20 s"
  fi
  FG_CONN=$(mountpoint -d "$mnt" | cut -d: -f2)
}

# daemon_gone PID: true once every thread of PID has exited (a zombie whose threads are all
# gone has closed /dev/fuse, so the kernel has aborted its connection).
daemon_gone() {
  local t st
  [ -d "/proc/$1" ] || return 0
  for t in /proc/"$1"/task/*; do
    st=$(cut -d' ' -f3 "$t/stat" 2>/dev/null) || continue
    [ "$st" = Z ] || [ "$st" = X ] || return 1
  done
  return 0
}

# abort_fuse_conn N: aborts FUSE connection N through fusectl (mounting fusectl when it is
# not), as an administrator does for a daemon that cannot die.
abort_fuse_conn() {
  local dir=/sys/fs/fuse/connections
  if [ ! -e "$dir/$1/abort" ] && ! grep -q "^fusectl " /proc/mounts; then
    mount -t fusectl fusectl "$dir" 2>/dev/null || true
  fi
  [ -e "$dir/$1/abort" ] || return 1
  echo 1 >"$dir/$1/abort"
}

# crash_fg MNT: SIGKILL of the foreground daemon started by mount_fg, then the dead mount
# is cleared (as an administrator would with fusermount3 -uz). When a thread of the killed
# daemon stays stuck in the kernel (the daemon then never exits and its mount hangs), the
# stacks go to $WORK/hung.log, HUNG_KILLS counts it, and the connection is aborted through
# fusectl so that the test can go on.
HUNG_KILLS=0
crash_fg() {
  local gone=1 t wchans=""
  # (stderr off: bash reports the killed job as "Killed" when it reaps it)
  { kill -9 "$FG_PID" || true; wait_until 2 daemon_gone "$FG_PID" || gone=0; } 2>/dev/null
  if [ "$gone" = 0 ]; then
    HUNG_KILLS=$((HUNG_KILLS + 1))
    {
      echo "=== daemon $FG_PID did not exit within 2 s of SIGKILL ($(date -u '+%F %T'))"
      for t in /proc/"$FG_PID"/task/*; do
        echo "thread ${t##*/}: state $(cut -d' ' -f3 "$t/stat" 2>/dev/null) wchan $(cat "$t/wchan" 2>/dev/null)"
        cat "$t/stack" 2>/dev/null | head -n 8
      done
    } >>"$WORK/hung.log"
    for t in /proc/"$FG_PID"/task/*; do
      [ "$(cut -d' ' -f3 "$t/stat" 2>/dev/null)" = D ] && wchans+=" $(cat "$t/wchan" 2>/dev/null)"
    done
    echo "    NOTE: the SIGKILLed daemon $FG_PID hangs in the kernel (thread(s) in D state at:$wchans); aborting its FUSE connection $FG_CONN" >&2
    abort_fuse_conn "$FG_CONN" || fail "the killed daemon hangs and FUSE connection $FG_CONN cannot be aborted"
    { wait_until 10 daemon_gone "$FG_PID" || gone=0; } 2>/dev/null
    daemon_gone "$FG_PID" || fail "the killed daemon $FG_PID does not exit even after aborting its connection"
  fi
  { wait "$FG_PID" || true; } 2>/dev/null
  forget_pid "$FG_PID"
  clear_dead_mount "$1"
}

# stop_fg MNT: clean unmount of the foreground daemon; waits for it to exit.
stop_fg() {
  fusermount3 -u "$1" || fail "unmount $1 failed"
  local rc=0
  wait "$FG_PID" || rc=$?
  forget_pid "$FG_PID"
  [ "$rc" = 0 ] || fail "the daemon on $1 exited with $rc after a clean unmount"
}

# plant_artifacts ROOT COUNT KEY_PREFIX STATE TAG: inserts COUNT artifacts into a `regfs init`
# (0.7x layout) instance in one transaction, stored files first (as regfs does): keys
# KEY_PREFIX/fNNNNN.txt (KEY_PREFIX "-": NULL keys), virtual, in state STATE (1 visible,
# -1 trash), content "TAG N\n", correct md5 hashes. uids are TAG (4 base62 chars) + the
# 12-digit index + "0000": `planted_uid TAG N`.
plant_artifacts() {
  require_python "plant_artifacts"
  "$PYTHON3" - "$(db_of "$1")" "$1" "$2" "$3" "$4" "$5" <<'PY'
import base64, datetime, hashlib, os, sqlite3, sys
db, root, count, prefix, state, tag = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], int(sys.argv[5]), sys.argv[6]
assert len(tag) == 4 and tag.isalnum()
now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M:%S.%f")
rows = []
for i in range(1, count + 1):
    uid = "%s%012d0000" % (tag, i)
    data = ("%s %d\n" % (tag, i)).encode()
    path = os.path.join(root, ".lamindb", uid + ".txt")
    with open(path, "wb") as f:
        f.write(data)
    h = base64.urlsafe_b64encode(hashlib.md5(data).digest()).decode().rstrip("=")[:22]
    key = None if prefix == "-" else "%s/f%05d.txt" % (prefix, i)
    rows.append((now, now, uid, key, ".txt", len(data), h, state))
con = sqlite3.connect(db, timeout=30)
with con:
    con.executemany(
        "INSERT INTO lnschema_core_artifact (version, created_at, updated_at, uid, key, suffix, size, hash,"
        " hash_type, visibility, key_is_virtual, storage_id, created_by_id)"
        " VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, 'md5', ?, 1, 1, 1)", rows)
con.close()
PY
}
planted_uid() { printf '%s%012d0000' "$1" "$2"; }

# check_rows_have_files ROOT: every artifact row (any state) of a 0.7x-layout instance has
# its stored file, a regular file (not a symlink) of the recorded size. Fails with the first
# problems; prints "<rows> rows, all with their stored files".
check_rows_have_files() {
  require_python "check_rows_have_files"
  local out
  out=$("$PYTHON3" - "$(db_of "$1")" "$1" <<'PY'
import os, sqlite3, stat, sys
db, root = sys.argv[1], sys.argv[2]
con = sqlite3.connect("file:%s?mode=ro" % db, uri=True, timeout=30)
rows = con.execute("SELECT uid, key, suffix, size, key_is_virtual, n_objects FROM lnschema_core_artifact").fetchall()
bad = []
for uid, key, suffix, size, virtual, n_objects in rows:
    if not virtual and key is not None:
        path = os.path.join(root, key)
    else:
        path = os.path.join(root, ".lamindb", (uid[:16] if n_objects is not None else uid) + suffix)
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        bad.append("row %s: stored file %s is missing" % (uid, path)); continue
    if n_objects is not None:
        continue
    if not stat.S_ISREG(st.st_mode):
        bad.append("row %s: %s is not a regular file" % (uid, path))
    elif size is not None and st.st_size != size:
        bad.append("row %s: %s has %d bytes, the row says %d (half-written?)" % (uid, path, st.st_size, size))
print(len(rows), len(bad))
for b in bad[:10]:
    print(b)
PY
) || fail "check_rows_have_files $1: the checker failed"
  local head n nbad
  head=$(printf '%s\n' "$out" | head -n 1)
  n=${head% *}
  nbad=${head#* }
  [ "$nbad" = 0 ] || fail "$nbad row(s) without their stored file: $(printf '%s\n' "$out" | tail -n +2)"
  ROWS_CHECKED=$n
}

# fsck_tally ROOT: runs `regfs fsck`; fails on a missing file or an unfinished pending
# operation; sets FSCK_ORPHANS (orphan files reported), FSCK_OUT and FSCK_RC.
fsck_tally() {
  FSCK_RC=0
  FSCK_OUT=$("$REGFS" fsck -C "$1" 2>&1) || FSCK_RC=$?
  local missing pending
  missing=$(printf '%s\n' "$FSCK_OUT" | grep -c '^missing file:' || true)
  pending=$(printf '%s\n' "$FSCK_OUT" | grep -c '^pending:' || true)
  FSCK_ORPHANS=$(printf '%s\n' "$FSCK_OUT" | grep -c '^orphan file:' || true)
  [ "$missing" = 0 ] || fail "regfs fsck: $missing row(s) whose stored file is missing: $(printf '%s\n' "$FSCK_OUT" | grep '^missing file:' | head -n 5)"
  [ "$pending" = 0 ] || fail "regfs fsck: $pending pending operation(s) left unfinished: $(printf '%s\n' "$FSCK_OUT" | grep '^pending:' | head -n 5)"
  if [ "$FSCK_ORPHANS" = 0 ]; then
    [ "$FSCK_RC" = 0 ] || fail "regfs fsck exited $FSCK_RC without reporting a problem: $FSCK_OUT"
    printf '%s\n' "$FSCK_OUT" | grep -qx clean || fail "regfs fsck did not say clean: $FSCK_OUT"
  else
    [ "$FSCK_RC" = 1 ] || fail "regfs fsck exited $FSCK_RC while reporting $FSCK_ORPHANS orphan(s)"
  fi
}

# errno_name_of MESSAGE: the errno name for a strerror text found in MESSAGE ("" if none).
errno_name_of() {
  case "$1" in
    *"No such file or directory"*) echo ENOENT ;;
    *"Operation not permitted"*) echo EPERM ;;
    *"Permission denied"*) echo EACCES ;;
    *"File exists"*) echo EEXIST ;;
    *"Directory not empty"*) echo ENOTEMPTY ;;
    *"Input/output error"*) echo EIO ;;
    *"Read-only file system"*) echo EROFS ;;
    *"No space left on device"*) echo ENOSPC ;;
    *"File name too long"*) echo ENAMETOOLONG ;;
    *"Is a directory"*) echo EISDIR ;;
    *"Not a directory"*) echo ENOTDIR ;;
    *"Invalid argument"*) echo EINVAL ;;
    *"Device or resource busy"*) echo EBUSY ;;
    *"Transport endpoint is not connected"*) echo ENOTCONN ;;
    *"Stale file handle"*) echo ESTALE ;;
    *) echo "" ;;
  esac
}

# unmount_all_under DIR: unmounts everything mounted below DIR (FUSE mounts, tmpfs, bind
# mounts), deepest first; used after sections that may have failed half-way.
unmount_all_under() {
  local m type i
  for i in 1 2 3; do
    local found=0
    while read -r m type; do
      found=1
      case $type in
        fuse*) fusermount3 -u "$m" 2>/dev/null || fusermount3 -uz "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || true ;;
        *) umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || true ;;
      esac
    done < <(awk -v d="$1/" 'index($2, d) == 1 { print length($2), $2, $3 }' /proc/mounts | sort -rn | cut -d' ' -f2-)
    [ "$found" = 1 ] || return 0
  done
}

# reliability_cleanup: EXIT trap for scripts that mount more than FUSE below $WORK (tmpfs,
# bind mounts) or mount inside sections: clears every mount below $WORK, then runs cleanup.
reliability_cleanup() {
  local rc=$?
  unmount_all_under "$WORK"
  (exit $rc)
  cleanup
}

# section NAME FUNCTION: runs FUNCTION in a subshell with errexit, so that one failing check
# does not hide the others: the failure is recorded (FAIL line on stderr), mounts it left
# below $WORK are cleared, and the script goes on. A section exiting 77 is a skip.
# REGFS_ONLY=FUNCTION[,FUNCTION...] runs only the named sections.
SECTIONS_FAILED=()
SECTIONS_PASSED=0
SECTIONS_SKIPPED=0
section() {
  local name=$1 fn=$2 rc
  # REGFS_ONLY=FUNCTION[,FUNCTION...] runs just those sections (for debugging).
  case ",${REGFS_ONLY:-$fn}," in *",$fn,"*) ;; *) return 0 ;; esac
  echo "--- $name"
  set +e
  (
    set -e
    "$fn"
  )
  rc=$?
  set -e
  unmount_all_under "$WORK"
  case $rc in
    0) SECTIONS_PASSED=$((SECTIONS_PASSED + 1)) ;;
    77) SECTIONS_SKIPPED=$((SECTIONS_SKIPPED + 1)) ;;
    *) SECTIONS_FAILED+=("$name") ;;
  esac
}

# sections_verdict: fails when a section failed, listing them.
sections_verdict() {
  echo "--- sections: $SECTIONS_PASSED passed, ${#SECTIONS_FAILED[@]} failed, $SECTIONS_SKIPPED skipped"
  if [ "${#SECTIONS_FAILED[@]}" -gt 0 ]; then
    local s
    for s in "${SECTIONS_FAILED[@]}"; do echo "    failed: $s" >&2; done
    fail "${#SECTIONS_FAILED[@]} section(s) failed"
  fi
}

# insert_artifact ROOT UID KEY SUFFIX VIRTUAL [STATE] [FILE]: one artifact row in a 0.7x-layout
# instance with every NOT NULL column; KEY and SUFFIX are SQL expressions (so that tests can
# plant NULL, NUL bytes or any text: "'a.txt'", "NULL", "CAST(X'6100' AS TEXT)"). Size and
# hash are those of FILE (the stored file, usually) when given, else 0 and NULL.
insert_artifact() {
  local root=$1 uid=$2 key=$3 suffix=$4 virtual=$5 state=${6:-1} file=${7:-} now size=0 hash=NULL
  now=$(now_utc)
  if [ -n "$file" ]; then
    size=$(stat -c %s "$file") || fail "insert_artifact: no file $file"
    hash="'$(md5_b64 "$file")'"
  fi
  sql "$root" "INSERT INTO lnschema_core_artifact (version, created_at, updated_at, uid, key, suffix, size, hash,
      hash_type, visibility, key_is_virtual, storage_id, created_by_id)
    VALUES (NULL, '$now', '$now', '$uid', $key, $suffix, $size, $hash, 'md5', $state, $virtual, 1, 1)"
}

# hex_of TEXT: lowercase hex of the bytes of TEXT.
hex_of() {
  printf '%s' "$1" | od -An -tx1 -v | tr -d ' \n'
}

# check_sanitizer_reports: fails when a log holds a sanitizer report (sanitizer_reports);
# for a check in the middle of a test. Every test's cleanup makes the same check.
check_sanitizer_reports() {
  local out
  out=$(sanitizer_reports) || fail "${out#FAIL: $TEST_NAME: }"
}
