#!/usr/bin/env bash
# Concurrency (SPEC.md sections 3 and 4): 8 workers mix cat, ls, rm, mv out of .trash, rm in
# .trash (purge) and cp in on one mount, while the CLI trashes and restores records and a
# reader walks and reads a second mount of the same instance. Afterwards: both daemons still
# serve, no errno outside SPEC.md's operations table was seen, every read returned the full,
# right content, the registry's counts equal what the operations that succeeded imply, both
# mounts show exactly the registry, and fsck is clean.
# Before the load, deterministic races with a stale view: the CLI changes a record and the
# mount acts on it before its 200 ms poll has seen the change (rm in .trash after a restore,
# rm after a trash, mv out of .trash to a new key after a restore).
#
# CI mode: 10 s of load. REGFS_SOAK=1: 60 s. REGFS_CONCURRENCY_SECONDS and
# REGFS_CONCURRENCY_WORKERS override.
# shellcheck source=../lib.sh
source "${REGFS_TESTLIB:?REGFS_TESTLIB not set (run through ctest)}"
require_fuse
require_python "the concurrent workers"

ART=lnschema_core_artifact
if soak; then SECONDS_OF_LOAD=${REGFS_CONCURRENCY_SECONDS:-60}; else SECONDS_OF_LOAD=${REGFS_CONCURRENCY_SECONDS:-10}; fi
WORKERS=${REGFS_CONCURRENCY_WORKERS:-8}
ROOT=$WORK/inst
MNT=$WORK/mnt
MNT2=$WORK/mnt2
NVIS=400
NTRASH=100

# The workers. Content is a function of the key, so every read can be checked in full:
# p/fN.txt holds "PLNT N\n", q/fN.txt "QTRS N\n", new/wW-K.txt its own name 50 times.
cat >"$WORK/worker.py" <<'PY'
import errno, json, os, random, sys, time

role, wid, mnt, deadline, out = sys.argv[1], int(sys.argv[2]), sys.argv[3], float(sys.argv[4]), sys.argv[5]
rng = random.Random(wid * 7919 + int(time.time()))
art, trash = os.path.join(mnt, "artifacts"), os.path.join(mnt, ".trash", "artifacts")
counts = {}          # op -> successes
errs = {}            # "op errno" -> count
bad = []             # unexpected errno or wrong content, with details
reads = 0
log = open(out + ".ops", "w")

def expected(key):
    d, name = key.split("/", 1)
    if d in ("p", "q"):
        n = int(name[1:-4])
        return ("%s %d\n" % ("PLNT" if d == "p" else "QTRS", n)).encode()
    return (name + "\n").encode() * 50

def files(top):
    out = []
    for d in ("p", "q", "new"):
        try:
            out += [d + "/" + n for n in os.listdir(os.path.join(top, d))]
        except FileNotFoundError:
            pass
    return out

# Errnos of SPEC.md's table (plus ENOENT: the name went away under a concurrent operation).
SPEC = {errno.ENOENT, errno.EPERM, errno.EEXIST, errno.ENOTEMPTY, errno.EIO}

def failed(op, key, e):
    log.write("%.6f fail-%s %s %s\n" % (time.time(), op, key, errno.errorcode.get(e.errno, e.errno)))
    errs["%s %s" % (op, errno.errorcode.get(e.errno, e.errno))] = errs.get("%s %s" % (op, errno.errorcode.get(e.errno, e.errno)), 0) + 1
    if e.errno == errno.EBUSY and op == "cat" and key.startswith("new/"):
        return  # another worker is still writing it: not a record yet (README, "Decisions")
    if e.errno not in SPEC:
        bad.append("%s %s: %s (outside SPEC's table)" % (op, key, e))
    elif e.errno != errno.ENOENT:
        bad.append("%s %s: %s (no cause for it in this workload)" % (op, key, e))

def ok(op):
    counts[op] = counts.get(op, 0) + 1

def read(top, key, op):
    global reads
    try:
        with open(os.path.join(top, key), "rb") as f:
            data = f.read()
    except OSError as e:
        failed(op, key, e)
        return
    reads += 1
    if data != expected(key):
        bad.append("%s %s: read %d bytes %r..., expected %r..." % (op, key, len(data), data[:40], expected(key)[:40]))
    else:
        ok(op)

vis, tr = [], []
seq = 0
while time.time() < deadline:
    if role == "reader":   # the second mount: walk and read everything, again and again
        for key in files(art):
            read(art, key, "read2")
            if time.time() >= deadline:
                break
        for key in files(trash):
            read(trash, key, "read2-trash")
        ok("walk2")
        continue
    if not vis or rng.random() < 0.05:
        vis = files(art)
    if not tr or rng.random() < 0.05:
        tr = files(trash)
    r = rng.random()
    if r < 0.25 and vis:
        read(art, rng.choice(vis), "cat")
    elif r < 0.35:
        d = rng.choice(["", "p", "q", "new"])
        try:
            for n in os.listdir(os.path.join(art, d)):
                os.lstat(os.path.join(art, d, n))
            ok("ls")
        except OSError as e:
            failed("ls", d, e)
    elif r < 0.55 and vis:
        key = vis.pop(rng.randrange(len(vis)))
        try:
            os.unlink(os.path.join(art, key))
            ok("rm")
            log.write("%.6f rm %s\n" % (time.time(), key))
        except OSError as e:
            failed("rm", key, e)
    elif r < 0.75 and tr:
        key = tr.pop(rng.randrange(len(tr)))
        try:
            os.makedirs(os.path.join(art, key.split("/")[0]), exist_ok=True)
        except OSError:
            pass
        try:
            os.rename(os.path.join(trash, key), os.path.join(art, key))
            ok("mv-restore")
            log.write("%.6f restore %s\n" % (time.time(), key))
        except OSError as e:
            failed("mv-restore", key, e)
    elif r < 0.80 and tr:
        key = tr.pop(rng.randrange(len(tr)))
        try:
            os.unlink(os.path.join(trash, key))
            ok("purge")
            log.write("%.6f purge %s\n" % (time.time(), key))
        except OSError as e:
            failed("purge", key, e)
    else:
        seq += 1
        key = "new/w%d-%d.txt" % (wid, seq)
        try:
            os.makedirs(os.path.join(art, "new"), exist_ok=True)
        except OSError as e:
            failed("mkdir", "new", e)
        try:
            fd = os.open(os.path.join(art, key), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            try:
                os.write(fd, expected(key))
            finally:
                os.close(fd)
            ok("cp-in")
            log.write("%.6f create %s\n" % (time.time(), key))
        except OSError as e:
            failed("cp-in", key, e)
log.close()
json.dump({"counts": counts, "errs": errs, "bad": bad[:50], "nbad": len(bad), "reads": reads}, open(out, "w"))
PY

# Sums up the workers' results.
cat >"$WORK/summary.py" <<'PY'
import json, sys
work, n = sys.argv[1], int(sys.argv[2])
tot, errs, bad, nbad, reads = {}, {}, [], 0, 0
for name in ["w%d" % i for i in range(1, n + 1)] + ["reader"]:
    d = json.load(open("%s/%s.json" % (work, name)))
    for k, v in d["counts"].items():
        tot[k] = tot.get(k, 0) + v
    for k, v in d["errs"].items():
        errs[k] = errs.get(k, 0) + v
    bad += ["%s: %s" % (name, b) for b in d["bad"]]
    nbad += d["nbad"]
    reads += d["reads"]
print("COUNTS " + " ".join("%s=%d" % kv for kv in sorted(tot.items())))
print("ERRNOS " + (" ".join("%s=%d" % (k.replace(" ", ":"), v) for k, v in sorted(errs.items())) or "none"))
print("READS %d" % reads)
print("NBAD %d" % nbad)
for b in bad[:20]:
    print("BAD " + b)
PY

# On a count mismatch: replays each record's successful operations in completion order and
# lists operations that acted on a record in the wrong state, and records whose final state
# differs.
cat >"$WORK/explain.py" <<'PY'
import sys
ops = [l.split() for l in open(sys.argv[1]) if l.strip()]
final, uid2key = {}, {}
for l in open(sys.argv[2]):
    uid, key, vis, upd = l.rstrip("\n").split("|")
    final[key] = (int(vis), upd)
    uid2key[uid] = key
def initial(key):
    return 1 if key.startswith("p/") else -1 if key.startswith("q/") else None
hist, state = {}, {}
# What each operation needs and leaves: rm and the CLI's trash need a visible record, a
# restore (mv out of .trash, the CLI's restore) and a purge need a trashed one.
need = {"rm": 1, "cli-trash": 1, "restore": -1, "cli-restore": -1, "purge": -1, "create": None}
leave = {"rm": -1, "cli-trash": -1, "restore": 1, "cli-restore": 1, "purge": None, "create": 1}
wrong = []
for fields in ops:
    t, op, key = fields[0], fields[1], fields[2]
    hist.setdefault(key, []).append("%s %s%s" % (t, op, (" " + fields[3]) if len(fields) > 3 else ""))
    if op.startswith("fail-"):
        continue
    before = state.get(key, initial(key))
    if before != need[op]:
        wrong.append("    %s succeeded on %s while its state was %s; history: %s" % (op, key, before, "; ".join(hist[key][-4:])))
    state[key] = leave[op]
for w in wrong[:10]:
    print(w)
print("    %d operation(s) succeeded on a record not in the state they act on (by completion order)" % len(wrong))
shown = 0
for key in sorted(set(hist) | set(final)):
    want = state.get(key, initial(key))
    got = final.get(key, (None, ""))[0]
    if want != got:
        shown += 1
        if shown <= 10:
            print("    %s: expected state %s, registry has %s (updated_at %s); history: %s" % (
                key, want, got, final.get(key, (None, "-"))[1], "; ".join(hist.get(key, []))))
print("    %d record(s) differ from their successful operations" % shown)
PY

stale_view_races() {
  local root=$WORK/race mnt=$WORK/race-mnt i n errs=() out purged=0 einval=0 partial=0
  new_instance "$root"
  mount_regfs "$root" "$mnt"
  for i in $(seq 1 10); do
    # rm in .trash of a record the CLI has just restored: ENOENT, the record stays.
    echo "a$i" >"$mnt/artifacts/a$i.txt"
    rm "$mnt/artifacts/a$i.txt"
    ls "$mnt/.trash/artifacts" >/dev/null
    "$REGFS" restore -C "$root" "a$i.txt" >/dev/null || fail "regfs restore a$i.txt"
    rm "$mnt/.trash/artifacts/a$i.txt" 2>/dev/null || true
    n=$(sql "$root" "SELECT count(*) FROM $ART WHERE key = 'a$i.txt' AND visibility = 1")
    [ "$n" = 1 ] || purged=$((purged + 1))
    # rm of a record the CLI has just trashed: an errno of SPEC's table (ENOENT), not EINVAL.
    echo "b$i" >"$mnt/artifacts/b$i.txt"
    ls "$mnt/artifacts" >/dev/null
    "$REGFS" rm -C "$root" "b$i.txt" >/dev/null || fail "regfs rm b$i.txt"
    if out=$(rm "$mnt/artifacts/b$i.txt" 2>&1); then :; else
      case $(errno_name_of "$out") in ENOENT | EPERM | EEXIST | ENOTEMPTY | EIO) ;; *) einval=$((einval + 1)); errs+=("$out") ;; esac
    fi
    # mv out of .trash under a new key, of a record the CLI has just restored: either the mv
    # succeeds (the record is at the new key) or it fails and changed nothing.
    echo "c$i" >"$mnt/artifacts/c$i.txt"
    rm "$mnt/artifacts/c$i.txt"
    ls "$mnt/.trash/artifacts" >/dev/null
    "$REGFS" restore -C "$root" "c$i.txt" >/dev/null || fail "regfs restore c$i.txt"
    if mv "$mnt/.trash/artifacts/c$i.txt" "$mnt/artifacts/d$i.txt" 2>/dev/null; then
      assert_eq "d$i.txt|1" "$(sql "$root" "SELECT key, visibility FROM $ART WHERE key IN ('c$i.txt', 'd$i.txt')")" "mv c$i.txt that succeeded"
    else
      [ "$(sql "$root" "SELECT key FROM $ART WHERE key IN ('c$i.txt', 'd$i.txt')")" = "c$i.txt" ] || partial=$((partial + 1))
    fi
  done
  unmount_regfs "$mnt"
  echo "    of 10 each: $purged restored record(s) purged by rm in .trash; $einval rm(s) failing outside SPEC's errnos (${errs[0]:-none}); $partial failed mv(s) that re-keyed the record anyway"
  assert_eq 0 "$purged" "records restored by the CLI, then purged by an rm in .trash that no longer held them (data loss)"
  assert_eq 0 "$einval" "rm of a record trashed meanwhile: errno outside SPEC's table"
  assert_eq 0 "$partial" "mv out of .trash that failed but re-keyed the record"
}

load() {
  step "setup: $NVIS visible records under p/, $NTRASH trashed under q/; two mounts"
  new_instance "$ROOT"
  plant_artifacts "$ROOT" "$NVIS" p 1 PLNT
  plant_artifacts "$ROOT" "$NTRASH" q -1 QTRS
  mount_fg "$ROOT" "$MNT"
  PID1=$FG_PID
  mount_fg "$ROOT" "$MNT2"
  PID2=$FG_PID
  ls "$MNT/artifacts/p" >/dev/null && ls "$MNT2/artifacts/p" >/dev/null


  step "load: $WORKERS workers on one mount, the CLI, a reader on the second mount, for $SECONDS_OF_LOAD s"
  DEADLINE=$(($(date +%s) + SECONDS_OF_LOAD))
  PIDS=()
  for w in $(seq 1 "$WORKERS"); do
    "$PYTHON3" "$WORK/worker.py" worker "$w" "$MNT" "$DEADLINE" "$WORK/w$w.json" &
    PIDS+=($!)
  done
  "$PYTHON3" "$WORK/worker.py" reader 99 "$MNT2" "$DEADLINE" "$WORK/reader.json" &
  PIDS+=($!)

  # The CLI: trash a visible record or restore a trashed one, by uid, until the deadline.
  CLI_TRASH=0
  CLI_RESTORE=0
  CLI_REFUSED=0
  : >"$WORK/cli.log"
  while [ "$(date +%s)" -lt "$DEADLINE" ]; do
    row=$(sql "$ROOT" "SELECT uid, visibility, key FROM $ART WHERE visibility IN (1, -1) ORDER BY random() LIMIT 1")
    IFS='|' read -r uid vis key <<<"$row"
    if [ "$vis" = 1 ]; then
      if "$REGFS" rm -C "$ROOT" "$uid" >>"$WORK/cli.log" 2>&1 </dev/null; then
        CLI_TRASH=$((CLI_TRASH + 1)); echo "$(date +%s.%6N) cli-trash $key $uid" >>"$WORK/cli.ops"
      else
        CLI_REFUSED=$((CLI_REFUSED + 1)); echo "$(date +%s.%6N) fail-cli-trash $key $uid" >>"$WORK/cli.ops"
      fi
    else
      # `regfs restore` of a record that is no longer in the trash (a worker restored it
      # meanwhile) says so and exits 0: only a restore it reports counts as one.
      if out=$("$REGFS" restore -C "$ROOT" "$uid" 2>&1 </dev/null); then
        echo "$out" >>"$WORK/cli.log"
        case $out in
          *"restored artifact"*)
            CLI_RESTORE=$((CLI_RESTORE + 1)); echo "$(date +%s.%6N) cli-restore $key $uid" >>"$WORK/cli.ops" ;;
          *) CLI_REFUSED=$((CLI_REFUSED + 1)); echo "$(date +%s.%6N) fail-cli-restore $key $uid" >>"$WORK/cli.ops" ;;
        esac
      else
        echo "$out" >>"$WORK/cli.log"
        CLI_REFUSED=$((CLI_REFUSED + 1)); echo "$(date +%s.%6N) fail-cli-restore $key $uid" >>"$WORK/cli.ops"
      fi
    fi
  done
  for p in "${PIDS[@]}"; do wait "$p" || fail "a worker crashed (exit $?)"; done

  step "both daemons survived"
  kill -0 "$PID1" 2>/dev/null && mountpoint -q "$MNT" || fail "the daemon of the first mount died under load"
  kill -0 "$PID2" 2>/dev/null && mountpoint -q "$MNT2" || fail "the daemon of the second mount died under load"

  step "no errno outside SPEC's table, every read complete and right"
  SUMMARY=$("$PYTHON3" "$WORK/summary.py" "$WORK" "$WORKERS")
  echo "$SUMMARY" | sed 's/^/    /'
  count_of() { printf '%s\n' "$SUMMARY" | sed -n "s/^COUNTS .*\b$1=\([0-9]*\).*/\1/p" | grep . || echo 0; }
  NBAD=$(printf '%s\n' "$SUMMARY" | sed -n 's/^NBAD //p')
  [ "$NBAD" = 0 ] || fail "$NBAD unexpected results under load: $(printf '%s\n' "$SUMMARY" | grep '^BAD' | head -n 10)"

  step "the registry's counts equal the operations that succeeded"
  CREATED=$(count_of cp-in)
  RM=$(count_of rm)
  RESTORED=$(count_of mv-restore)
  PURGED=$(count_of purge)
  # A worker may rm a file another is still writing (listings show it): as on any
  # filesystem the name goes and nothing is saved at its close. Such a create and rm both
  # succeed; the record never exists (and its rm trashed nothing).
  cat "$WORK"/w*.json.ops >"$WORK/ops.txt"
  sed -n 's/^[0-9.]* create //p' "$WORK/ops.txt" | sort -u >"$WORK/created.keys"
  sed -n 's/^[0-9.]* purge //p' "$WORK/ops.txt" | sort -u >"$WORK/purged.keys"
  sed -n 's/^[0-9.]* rm //p' "$WORK/ops.txt" | sort -u >"$WORK/rmd.keys"
  sql "$ROOT" "SELECT key FROM $ART WHERE key LIKE 'new/%'" | sort -u >"$WORK/new.rows"
  comm -23 "$WORK/created.keys" "$WORK/purged.keys" | comm -23 - "$WORK/new.rows" | comm -12 - "$WORK/rmd.keys" >"$WORK/cancelled.keys"
  CANCELLED=$(grep -c . "$WORK/cancelled.keys" || true)
  WANT_TOTAL=$((NVIS + NTRASH + CREATED - PURGED - CANCELLED))
  WANT_VIS=$((NVIS + CREATED - RM + RESTORED - CLI_TRASH + CLI_RESTORE))
  WANT_TRASH=$((NTRASH + RM - CANCELLED - RESTORED - PURGED + CLI_TRASH - CLI_RESTORE))
  # explain_counts: on a mismatch, replays each record's successful operations (in time order)
  # from its initial state and lists the records whose final state differs, with their history.
  explain_counts() {
    cat "$WORK"/w*.json.ops "$WORK/cli.ops" 2>/dev/null | sort -n >"$WORK/all.ops"
    sql "$ROOT" "SELECT uid, key, visibility, updated_at FROM $ART" >"$WORK/final.rows"
    "$PYTHON3" "$WORK/explain.py" "$WORK/all.ops" "$WORK/final.rows" >&2
  }
  COUNTS_OK=1
  [ "$WANT_TOTAL" = "$(sql "$ROOT" "SELECT count(*) FROM $ART")" ] || COUNTS_OK=0
  [ "$WANT_VIS" = "$(sql "$ROOT" "SELECT count(*) FROM $ART WHERE visibility = 1")" ] || COUNTS_OK=0
  [ "$WANT_TRASH" = "$(sql "$ROOT" "SELECT count(*) FROM $ART WHERE visibility = -1")" ] || COUNTS_OK=0
  [ "$COUNTS_OK" = 1 ] || explain_counts
  assert_eq "$WANT_TOTAL" "$(sql "$ROOT" "SELECT count(*) FROM $ART")" "rows = $NVIS + $NTRASH + $CREATED created - $PURGED purged - $CANCELLED removed while being written"
  assert_eq "$WANT_VIS" "$(sql "$ROOT" "SELECT count(*) FROM $ART WHERE visibility = 1")" \
    "visible = $NVIS + $CREATED created - $RM rm + $RESTORED mv-restored - $CLI_TRASH CLI-trashed + $CLI_RESTORE CLI-restored"
  assert_eq "$WANT_TRASH" "$(sql "$ROOT" "SELECT count(*) FROM $ART WHERE visibility = -1")" "trashed"
  # Every create that succeeded is a record with its content (unless removed while being
  # written); every purge that succeeded is gone.
  assert_eq "$(($(comm -23 "$WORK/created.keys" "$WORK/purged.keys" | grep -c . || true) - CANCELLED))" \
    "$(grep -c . "$WORK/new.rows" || true)" "records under new/ = creates that succeeded - their purges - removed while written"
  [ -s "$WORK/purged.keys" ] && while IFS= read -r k; do
    [ -z "$(sql "$ROOT" "SELECT uid FROM $ART WHERE key = '$k'")" ] || fail "purge of $k succeeded but its row is back"
  done <"$WORK/purged.keys"

  step "both mounts show exactly the registry (SPEC: within a second; 2 s allowed)"
  files_in() { [ -d "$1" ] && find "$1" -type f | sed "s|^$1/||" | sort; }
  SQL_VIS=$(sql "$ROOT" "SELECT key FROM $ART WHERE visibility = 1 ORDER BY key" | sort)
  SQL_TRASH=$(sql "$ROOT" "SELECT key FROM $ART WHERE visibility = -1 ORDER BY key" | sort)
  for m in "$MNT" "$MNT2"; do
    same_files() { [ "$(files_in "$1")" = "$2" ]; }
    wait_until 2 same_files "$m/artifacts" "$SQL_VIS" ||
      fail "$m/artifacts differs from the registry: $(diff <(files_in "$m/artifacts") <(printf '%s\n' "$SQL_VIS") | head -n 10)"
    wait_until 2 same_files "$m/.trash/artifacts" "$SQL_TRASH" ||
      fail "$m/.trash/artifacts differs from the registry: $(diff <(files_in "$m/.trash/artifacts") <(printf '%s\n' "$SQL_TRASH") | head -n 10)"
  done

  step "fsck clean, every row has its file"
  stop_fg "$MNT2"
  FG_PID=$PID1
  stop_fg "$MNT"
  fsck_tally "$ROOT"
  assert_eq 0 "$FSCK_ORPHANS" "orphan files after the load"
  check_rows_have_files "$ROOT"

  echo "--- tally ($(soak && echo soak || echo CI) mode, $SECONDS_OF_LOAD s, $WORKERS workers)"
  echo "    worker operations that succeeded: cp-in $CREATED ($CANCELLED of them removed by an rm while being written), rm $RM, mv out of .trash $RESTORED, purge $PURGED, cat $(count_of cat), ls $(count_of ls)"
  echo "    second mount: $(count_of walk2) full walks, $(count_of read2) + $(count_of read2-trash) reads checked"
  echo "    CLI: $CLI_TRASH trashed, $CLI_RESTORE restored, $CLI_REFUSED refused (lost a race)"
  echo "    errnos seen: $(printf '%s\n' "$SUMMARY" | sed -n 's/^ERRNOS //p')"
  echo "    registry: $(sql "$ROOT" "SELECT count(*) FROM $ART") rows, $ROWS_CHECKED with their files; files lost: 0"
}

section "stale-view races between the CLI and the mount" stale_view_races
section "$WORKERS workers, the CLI and a second mount for $SECONDS_OF_LOAD s" load
section "no sanitizer reports in the logs" check_sanitizer_reports
sections_verdict
echo "PASS: $TEST_NAME"
