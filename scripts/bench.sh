#!/usr/bin/env bash
# Benchmarks regfs against the same work done natively (on the underlying disk) and through
# bindfs (a widely used FUSE filesystem, over a plain tree of the same shape), in one run.
#
#   scripts/bench.sh [--quick | --full | --smoke] [--reps N] [--out FILE]
#
#   --quick   small sizes (10k artifacts in 100 dirs, 256 MiB file, 2k-file directories);
#             the default; finishes in a few minutes
#   --full    the sizes of the targets (100k artifacts in 1,000 dirs, 1 GiB file, 10k-file
#             directories); needs about 6 GiB free under /tmp and takes a while
#   --smoke   tiny sizes, to check the script itself in seconds (figures mean nothing)
#   --reps N  repetitions per figure (default 3, at least 3); every figure is their median
#   --out F   also write the result table (and its notes) to F
#
# Builds a release binary in build-release/, installs bindfs from Debian when it is missing
# (as root), works in one mktemp -d directory under /tmp and removes it, and every mount it
# made, on exit. Run it as root: cold-cache figures need /proc/sys/vm/drop_caches.
# Progress goes to stderr; the markdown table goes to stdout at the end.
set -uo pipefail

usage() {
  echo "usage: scripts/bench.sh [--quick | --full | --smoke] [--reps N] [--out FILE]"
}

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
mode=quick
reps=3
out_file=
while [ $# -gt 0 ]; do
  case $1 in
    --quick) mode=quick ;;
    --full) mode=full ;;
    --smoke) mode=smoke ;;
    --reps)
      [ $# -ge 2 ] || { usage >&2; exit 2; }
      reps=$2
      shift
      ;;
    --out)
      [ $# -ge 2 ] || { usage >&2; exit 2; }
      out_file=$2
      shift
      ;;
    -h | --help) usage; exit 0 ;;
    *) echo "scripts/bench.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
  shift
done
case $reps in
  '' | *[!0-9]*) echo "scripts/bench.sh: --reps needs a number" >&2; exit 2 ;;
esac
if [ "$reps" -lt 3 ]; then
  echo "scripts/bench.sh: --reps must be at least 3 (figures are medians)" >&2
  exit 2
fi
if [ -n "$out_file" ]; then
  out_dir=$(dirname -- "$out_file")
  [ -d "$out_dir" ] || { echo "scripts/bench.sh: no directory $out_dir for --out" >&2; exit 2; }
  out_file="$(cd "$out_dir" && pwd)/$(basename -- "$out_file")"
fi

if [ "$mode" = full ]; then
  n_dirs=1000          # key directories of the big tree
  per_dir=100          # artifacts in each (100k in all)
  small_size=64        # bytes per tree artifact (keeps the setup fast)
  big_mib=1024         # the big artifact
  k_files=10000        # files in the rm / cp -r / add directories
  batch=5000           # files per `regfs add` call in the setup
  need_kib=$((6 * 1024 * 1024))
elif [ "$mode" = smoke ]; then
  n_dirs=10
  per_dir=20
  small_size=64
  big_mib=16
  k_files=100
  batch=100
  need_kib=$((512 * 1024))
else
  n_dirs=100
  per_dir=100
  small_size=64
  big_mib=256
  k_files=2000
  batch=2000
  need_kib=$((2 * 1024 * 1024))
fi
n_tree=$((n_dirs * per_dir))
k_size=4096
big_bytes=$((big_mib * 1024 * 1024))

t_start=$(date +%s%N)
log() {
  local now
  now=$(date +%s%N)
  printf '[bench %6.1fs] %s\n' "$(awk -v a="$t_start" -v b="$now" 'BEGIN{print (b-a)/1e9}')" "$*" >&2
}
die() {
  echo "scripts/bench.sh: $*" >&2
  exit 1
}

notes=()
note() {
  notes+=("$*")
  log "note: $*"
}

# ------------------------------------------------------------------------ prerequisites

is_root=0
[ "$(id -u)" -eq 0 ] && is_root=1

[ -e /dev/fuse ] || die "/dev/fuse is missing: FUSE mounts are not possible here"
command -v fusermount3 >/dev/null || die "fusermount3 is missing (Debian package fuse3)"
command -v python3 >/dev/null || die "python3 is needed to create the test trees"
command -v mountpoint >/dev/null || die "mountpoint is missing (util-linux)"

if ! command -v bindfs >/dev/null 2>&1; then
  [ "$is_root" -eq 1 ] || die "bindfs is missing; install it with: sudo apt-get install bindfs"
  log "installing bindfs"
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y bindfs >&2; then
    apt-get update >&2 || die "apt-get update failed"
    DEBIAN_FRONTEND=noninteractive apt-get install -y bindfs >&2 || die "cannot install bindfs"
  fi
fi

avail_kib=$(df -Pk /tmp | awk 'NR==2{print $4}')
log "free under /tmp: $((avail_kib / 1024)) MiB (this mode needs about $((need_kib / 1024)) MiB)"
if [ "$avail_kib" -lt "$need_kib" ]; then
  die "not enough free space under /tmp: $((avail_kib / 1024)) MiB free, about $((need_kib / 1024)) MiB needed"
fi

# ------------------------------------------------------------------------ build

build_dir=$repo/build-release
regfs=$build_dir/fs/regfs
log "building regfs (Release) in $build_dir"
build_log=$(mktemp /tmp/regfs-bench-build.XXXXXX)
build() {
  cmake -S "$repo" -B "$build_dir" -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF "$@" \
    >"$build_log" 2>&1 &&
    cmake --build "$build_dir" -j2 --target regfs >>"$build_log" 2>&1
}
retried_build=0
if ! build; then
  retried_build=1
  # -O2/-O3 brings warnings the default build does not see (-Werror turns them into errors).
  # Demote exactly those to warnings, say so, and try again.
  extra=$(grep -o -- '-Werror=[a-z0-9=-]*' "$build_log" | sed 's/^-Werror=/-Wno-error=/' |
    sort -u | tr '\n' ' ')
  if [ -z "$extra" ]; then
    tail -n 30 "$build_log" >&2
    rm -f "$build_log"
    die "the release build failed"
  fi
  log "release build failed on warnings; retrying with $extra"
  if ! build "-DCMAKE_CXX_FLAGS=${extra% }"; then
    tail -n 30 "$build_log" >&2
    rm -f "$build_log"
    die "the release build failed"
  fi
fi
rm -f "$build_log"
cxx_flags=$(sed -n 's/^CMAKE_CXX_FLAGS:[A-Z]*=//p' "$build_dir/CMakeCache.txt")
if [ "$retried_build" -eq 1 ]; then
  note "the plain Release build failed with -Werror; built with CMAKE_CXX_FLAGS='$cxx_flags' instead"
elif [ -n "$cxx_flags" ]; then
  note "build-release keeps CMAKE_CXX_FLAGS='$cxx_flags' (from an earlier run, e.g. a bench run whose plain Release build failed with -Werror); rm -rf build-release to retry without it"
fi
[ -x "$regfs" ] || die "no binary at $regfs"

# ------------------------------------------------------------------------ work dir, cleanup

work=$(mktemp -d /tmp/regfs-bench.XXXXXX) || die "mktemp failed"
plain=$work/plain      # the plain tree: native figures, and what bindfs shows
root=$work/root        # the regfs instance
mnt=$work/mnt          # regfs mount
bmnt=$work/bmnt        # bindfs mount (of $plain)
scratch=$work/scratch  # native write targets
daemon_log=$work/regfs.log
mkdir -p "$plain" "$mnt" "$bmnt" "$scratch"

fg_pids=()  # foreground daemons this script started

unmount_quietly() {
  local m=$1
  mountpoint -q "$m" 2>/dev/null || return 0
  for _ in $(seq 1 50); do
    fusermount3 -u "$m" 2>/dev/null && return 0
    mountpoint -q "$m" 2>/dev/null || return 0
    sleep 0.1
  done
  fusermount3 -u -z "$m" 2>/dev/null
}

cleanup() {
  local rc=$? pid
  trap - EXIT INT TERM
  cd / || true
  unmount_quietly "$mnt"
  unmount_quietly "$bmnt"
  for pid in "${fg_pids[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then
      sleep 0.5
      kill "$pid" 2>/dev/null
    fi
    wait "$pid" 2>/dev/null
  done
  if mountpoint -q "$mnt" 2>/dev/null || mountpoint -q "$bmnt" 2>/dev/null; then
    echo "scripts/bench.sh: a mount under $work is still there; not removing $work" >&2
  else
    rm -rf --one-file-system "$work"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ------------------------------------------------------------------------ helpers

declare -A S  # samples: S[name] = "v1 v2 v3"
add_sample() { S[$1]="${S[$1]:-} $2"; }

median() {
  printf '%s\n' "$@" | awk 'NF' | sort -g |
    awk '{a[NR]=$1} END{if (NR==0) {print "nan"; exit}
      if (NR%2) printf "%.6f\n", a[(NR+1)/2]; else printf "%.6f\n", (a[NR/2]+a[NR/2+1])/2}'
}
med() {  # median of the samples of one name
  # shellcheck disable=SC2086
  median ${S[$1]:-}
}

# elapsed seconds of "$@" in the variable named $1; returns the command's status
timeit() {
  local __var=$1 __t0 __t1 __rc
  shift
  __t0=$(date +%s%N)
  "$@"
  __rc=$?
  __t1=$(date +%s%N)
  printf -v "$__var" '%s' "$(awk -v a="$__t0" -v b="$__t1" 'BEGIN{printf "%.6f", (b-a)/1e9}')"
  return $__rc
}

t=0
entries() { find "$1" -mindepth 1 -maxdepth 1 2>/dev/null | wc -l; }  # names in a directory
calc() { awk "BEGIN{print $*}"; }
mibps() { awk -v b="$1" -v s="$2" 'BEGIN{ if (s <= 0) print "nan"; else printf "%.3f", b/1048576/s }'; }

cold=1
drop_caches() {
  [ "$cold" -eq 1 ] || return 0
  sync
  if ! { echo 3 >/proc/sys/vm/drop_caches; } 2>/dev/null; then
    cold=0
    note "cold cache not available (cannot write /proc/sys/vm/drop_caches): 'first read' and 'mount to first ls' ran with whatever was cached"
  fi
}

regfs_up() {  # background mode: returns once the mount is live
  "$regfs" mount -C "$root" "$mnt" >>"$daemon_log" 2>&1 || die "regfs mount failed (log: see below)$(tail -n 5 "$daemon_log")"
}
regfs_down() {
  unmount_quietly "$mnt"
  mountpoint -q "$mnt" && die "cannot unmount $mnt"
  return 0
}
bindfs_up() { bindfs "$plain" "$bmnt" >>"$work/bindfs.log" 2>&1 || die "bindfs mount failed"; }
bindfs_down() {
  unmount_quietly "$bmnt"
  mountpoint -q "$bmnt" && die "cannot unmount $bmnt"
  return 0
}

wait_mounted() {  # $1 mountpoint, $2 pid of the daemon
  for _ in $(seq 1 200); do
    mountpoint -q "$1" && return 0
    kill -0 "$2" 2>/dev/null || return 1
    sleep 0.05
  done
  return 1
}

# read a file with dd; elapsed seconds in the variable named $1, and checks the byte count
dd_read() {
  local __var=$1 file=$2 got
  timeit "$__var" dd if="$file" of=/dev/null bs=1M 2>"$work/dd.err"
  got=$(awk '/bytes/{print $1; exit}' "$work/dd.err")
  if [ "$got" != "$big_bytes" ]; then
    note "dd of $file read ${got:-?} bytes, expected $big_bytes: $(tr '\n' ' ' <"$work/dd.err")"
  fi
}

# ------------------------------------------------------------------------ regfs add, bulk

have_kfp=0
probe=$work/probe
mkdir -p "$probe/src/x"
echo probe >"$probe/src/x/y.txt"
"$regfs" init "$probe/root" >/dev/null 2>&1 || die "regfs init failed"
if (cd "$probe/src" && "$regfs" -C "$probe/root" add --key-from-path x/y.txt) >/dev/null 2>&1 &&
  "$regfs" -C "$probe/root" ls --format csv 2>/dev/null | grep -q 'x/y\.txt'; then
  have_kfp=1
fi
rm -rf "$probe"
if [ "$have_kfp" -eq 0 ]; then
  if [ "$mode" = full ]; then
    die "regfs add --key-from-path is not available in this build; --full needs it (the one-file-at-a-time fallback would take hours)"
  fi
  note "regfs add --key-from-path is not available in this build: the setup falls back to one 'regfs add FILE --key KEY' per file (2 at a time), which is slow and not the bulk path; the 'regfs add' workload uses keyless 'regfs add FILE...' (one transaction)"
fi

# regfs_add_keyed DIR LISTFILE: adds the files of LISTFILE (paths relative to DIR), each at
# the key equal to its relative path
regfs_add_keyed() {
  local dir=$1 list=$2
  if [ "$have_kfp" -eq 1 ]; then
    (cd "$dir" && xargs -a "$list" -d '\n' -s 1000000 "$regfs" -C "$root" add --key-from-path) \
      >/dev/null 2>>"$work/add.err"
  else
    (cd "$dir" && xargs -a "$list" -d '\n' -P 2 -I{} "$regfs" -C "$root" add {} --key {}) \
      >/dev/null 2>>"$work/add.err"
  fi
}

# regfs_add_keyless DIR LISTFILE: the same files, without keys (one transaction a call)
regfs_add_keyless() {
  (cd "$1" && xargs -a "$2" -d '\n' -s 1000000 "$regfs" -C "$root" add) >/dev/null 2>>"$work/add.err"
}

# ------------------------------------------------------------------------ setup

log "creating the plain tree: $n_tree files of $small_size B in $n_dirs dirs, a $big_mib MiB file"
python3 "$repo/scripts/bench/mktree.py" "$plain" --dirs "$n_dirs" --per-dir "$per_dir" \
  --size "$small_size" --list "$work/tree.list" || die "mktree failed"
dd if=/dev/urandom of="$plain/big.bin" bs=1M count="$big_mib" status=none || die "dd failed"
# the k-file sources: 4 KiB files for cp -r and add, small ones for the rm directories
python3 "$repo/scripts/bench/mktree.py" "$work/src4k" --dirs 0 --per-dir "$k_files" \
  --size "$k_size" --file-fmt 'f%05d.txt' || die "mktree failed"
python3 "$repo/scripts/bench/mktree.py" "$work/rmtpl" --dirs 0 --per-dir "$k_files" \
  --size "$small_size" --file-fmt 'f%05d.txt' || die "mktree failed"

"$regfs" init "$root" >/dev/null || die "regfs init failed"

log "setup: adding $n_tree artifacts with regfs add, $batch per call"
split -l "$batch" -d -a 4 "$work/tree.list" "$work/chunk."
setup_total=0
for chunk in "$work"/chunk.*; do
  n=$(wc -l <"$chunk")
  timeit t regfs_add_keyed "$plain" "$chunk" || die "regfs add failed: $(tail -n 3 "$work/add.err")"
  add_sample setup.rate "$(calc "$n / $t")"
  setup_total=$(calc "$setup_total + $t")
  log "  $n artifacts in ${t}s"
done
rm -f "$work"/chunk.*
printf 'big.bin\n' >"$work/big.list"
timeit t regfs_add_keyed "$plain" "$work/big.list" || die "regfs add of big.bin failed"
big_add_s=$t
# every new artifact here has a virtual key, so it owns one stored file under .lamindb/
n_rows=$(find "$root/.lamindb" -maxdepth 1 -type f ! -name '_is_initialized' | wc -l)
[ "$n_rows" -eq $((n_tree + 1)) ] ||
  die "$n_rows stored files after the setup, expected $((n_tree + 1)) (errors: $(tail -n 3 "$work/add.err"))"
stored_big=$(find "$root/.lamindb" -maxdepth 1 -type f -size "${big_bytes}c" | head -n 1)
[ -n "$stored_big" ] || die "cannot find the stored file of big.bin under $root/.lamindb"
log "setup done: $n_rows artifacts in ${setup_total}s; big.bin stored at $stored_big"

# ------------------------------------------------------------------------ mount to first ls

log "mount to first ls ($reps reps, cold cache)"
for r in $(seq 1 "$reps"); do
  regfs_down
  bindfs_down
  drop_caches
  timeit t ls "$plain" >/dev/null
  add_sample mls.native "$t"
  drop_caches
  t0=$(date +%s%N)
  regfs_up
  t1=$(date +%s%N)
  ls "$mnt/artifacts" >/dev/null || note "ls $mnt/artifacts failed right after mount"
  t2=$(date +%s%N)
  add_sample mls.regfs.mount "$(calc "($t1 - $t0) / 1e9")"
  add_sample mls.regfs.ls "$(calc "($t2 - $t1) / 1e9")"
  add_sample mls.regfs "$(calc "($t2 - $t0) / 1e9")"
  drop_caches
  t0=$(date +%s%N)
  bindfs_up
  t1=$(date +%s%N)
  ls "$bmnt" >/dev/null
  t2=$(date +%s%N)
  add_sample mls.bindfs.mount "$(calc "($t1 - $t0) / 1e9")"
  add_sample mls.bindfs.ls "$(calc "($t2 - $t1) / 1e9")"
  add_sample mls.bindfs "$(calc "($t2 - $t0) / 1e9")"
done

# ------------------------------------------------------------------------ first read, re-read

log "first sequential read after mount and re-read of the $big_mib MiB artifact ($reps reps)"
for r in $(seq 1 "$reps"); do
  regfs_down
  bindfs_down
  drop_caches
  dd_read t "$stored_big"
  add_sample read1.native "$(mibps "$big_bytes" "$t")"
  dd_read t "$stored_big"
  add_sample read2.native "$(mibps "$big_bytes" "$t")"

  drop_caches
  bindfs_up
  dd_read t "$bmnt/big.bin"
  add_sample read1.bindfs "$(mibps "$big_bytes" "$t")"
  dd_read t "$bmnt/big.bin"
  add_sample read2.bindfs "$(mibps "$big_bytes" "$t")"

  drop_caches
  regfs_up
  dd_read t "$mnt/artifacts/big.bin"
  add_sample read1.regfs "$(mibps "$big_bytes" "$t")"
  dd_read t "$mnt/artifacts/big.bin"
  add_sample read2.regfs "$(mibps "$big_bytes" "$t")"
done

# ------------------------------------------------------------------------ find, ls -lR

count_files() { find "$1" -type f | wc -l >"$work/count"; }
ls_lr() { ls -lR "$1" >/dev/null 2>"$work/lslr.err"; }

log "find -type f and ls -lR over the tree ($reps reps, each on a fresh mount, warm disk cache)"
for r in $(seq 1 "$reps"); do
  for walk in find lslr; do
    regfs_down
    bindfs_down
    regfs_up
    bindfs_up
    if [ "$walk" = find ]; then
      timeit t count_files "$plain"
      add_sample find.native "$t"
      c_native=$(cat "$work/count")
      timeit t count_files "$bmnt"
      add_sample find.bindfs "$t"
      c_bindfs=$(cat "$work/count")
      timeit t count_files "$mnt/artifacts"
      add_sample find.regfs "$t"
      c_regfs=$(cat "$work/count")
      # the same walk again on the same mounts (caches of the daemon and the kernel warm)
      timeit t count_files "$plain"
      add_sample find2.native "$t"
      timeit t count_files "$bmnt"
      add_sample find2.bindfs "$t"
      timeit t count_files "$mnt/artifacts"
      add_sample find2.regfs "$t"
      if [ "$r" -eq 1 ]; then
        log "  files seen: native $c_native, bindfs $c_bindfs, regfs $c_regfs"
        [ "$c_regfs" = "$c_native" ] ||
          note "find artifacts -type f saw $c_regfs files in regfs, $c_native natively"
      fi
    else
      timeit t ls_lr "$plain"
      add_sample lslr.native "$t"
      timeit t ls_lr "$bmnt"
      add_sample lslr.bindfs "$t"
      timeit t ls_lr "$mnt/artifacts" ||
        note "ls -lR $mnt/artifacts failed (rep $r): $(head -c 300 "$work/lslr.err")"
      add_sample lslr.regfs "$t"
    fi
  done
done
regfs_down
bindfs_down

# ------------------------------------------------------------------------ daemon memory

walk_twice() {
  find "$1" -type f | wc -l >/dev/null
  find "$1" -type f | wc -l >/dev/null
  ls -lR "$1" >/dev/null 2>&1
}
vm_hwm_mib() { awk '/^VmHWM:/{printf "%.1f", $2/1024}' "/proc/$1/status" 2>/dev/null; }

log "daemon peak RSS after walking the tree twice ($reps reps, fresh daemon each)"
for r in $(seq 1 "$reps"); do
  "$regfs" mount -C "$root" "$mnt" -f >>"$daemon_log" 2>&1 &
  pid=$!
  fg_pids+=("$pid")
  wait_mounted "$mnt" "$pid" || die "regfs mount -f did not come up"
  walk_twice "$mnt/artifacts"
  add_sample rss.regfs "$(vm_hwm_mib "$pid")"
  regfs_down
  wait "$pid" 2>/dev/null

  bindfs -f "$plain" "$bmnt" >>"$work/bindfs.log" 2>&1 &
  pid=$!
  fg_pids+=("$pid")
  wait_mounted "$bmnt" "$pid" || die "bindfs -f did not come up"
  walk_twice "$bmnt"
  add_sample rss.bindfs "$(vm_hwm_mib "$pid")"
  bindfs_down
  wait "$pid" 2>/dev/null
done
fg_pids=()

# ------------------------------------------------------------------------ phase order
# The write phases (cp, cp -r, regfs add) run before the delete phases (rm -r, purge): on
# ext4 without a journal, creating files shortly after many were deleted is slow for native
# cp, bindfs and regfs alike (the inode allocator skips recently freed inodes for minutes),
# which would measure the filesystem's recovery rather than the contenders.

regfs_up
bindfs_up
# ------------------------------------------------------------------------ cp of the big file

log "cp of the $big_mib MiB file into the tree ($reps reps)"
cat "$plain/big.bin" >/dev/null  # the source comes from the page cache in every variant
for r in $(seq 1 "$reps"); do
  sync
  timeit t cp "$plain/big.bin" "$scratch/bigcp$r.bin"
  add_sample cpbig.native "$(mibps "$big_bytes" "$t")"
  rm -f "$scratch/bigcp$r.bin"
  sync
  timeit t cp "$plain/big.bin" "$bmnt/bigcp$r.bin" || note "cp into bindfs failed"
  add_sample cpbig.bindfs "$(mibps "$big_bytes" "$t")"
  rm -f "$bmnt/bigcp$r.bin"
  sync
  timeit t cp "$plain/big.bin" "$mnt/artifacts/bigcp$r.bin" 2>"$work/op.err" ||
    note "rep $r: cp into artifacts/ failed: $(head -n 2 "$work/op.err" | tr '\n' ' ')"
  add_sample cpbig.regfs "$(mibps "$big_bytes" "$t")"
  size=$(stat -c %s "$mnt/artifacts/bigcp$r.bin" 2>/dev/null || echo missing)
  [ "$size" = "$big_bytes" ] || note "rep $r: artifacts/bigcp$r.bin has size $size after cp, expected $big_bytes"
  # free the space: trash, then purge
  rm -f "$mnt/artifacts/bigcp$r.bin" 2>/dev/null
  rm -f "$mnt/.trash/artifacts/bigcp$r.bin" 2>/dev/null
done

# ------------------------------------------------------------------------ cp -r, regfs add

log "cp -r of $k_files files of 4 KiB ($reps reps)"
mkdir -p "$work/adds"
for r in $(seq 1 "$reps"); do
  sync
  timeit t cp -r "$work/src4k" "$work/adds/a$r"  # native; these copies feed regfs add below
  add_sample cpr.native "$t"
  sync
  timeit t cp -r "$work/src4k" "$bmnt/cpr$r" || note "cp -r into bindfs failed"
  add_sample cpr.bindfs "$t"
  sync
  timeit t cp -r "$work/src4k" "$mnt/artifacts/cpr$r" 2>"$work/op.err" ||
    note "rep $r: cp -r into artifacts/ exited non-zero: $(head -n 2 "$work/op.err" | tr '\n' ' ')"
  add_sample cpr.regfs "$t"
  n=$(entries "$mnt/artifacts/cpr$r")
  [ "$n" -eq "$k_files" ] || note "rep $r: artifacts/cpr$r shows $n files after cp -r, expected $k_files"
done
regfs_down
bindfs_down

log "regfs add of $k_files files of 4 KiB ($reps reps, one call each)"
for r in $(seq 1 "$reps"); do
  (cd "$work/adds" && find "a$r" -type f | sort) >"$work/add.list"
  sync
  if [ "$have_kfp" -eq 1 ]; then
    timeit t regfs_add_keyed "$work/adds" "$work/add.list" ||
      note "rep $r: regfs add failed: $(tail -n 2 "$work/add.err" | tr '\n' ' ')"
  else
    timeit t regfs_add_keyless "$work/adds" "$work/add.list" ||
      note "rep $r: regfs add failed: $(tail -n 2 "$work/add.err" | tr '\n' ' ')"
  fi
  add_sample add.regfs "$t"
done

# ------------------------------------------------------------------------ rm -r, mv back, purge

log "setup: adding $reps directories of $k_files artifacts for rm -r"
: >"$work/rm.list"
for r in $(seq 1 "$reps"); do
  mkdir -p "$work/rmsrc"
  cp -r "$work/rmtpl" "$work/rmsrc/rm$r" || die "cp -r failed"
  (cd "$work/rmsrc" && find "rm$r" -type f | sort) >>"$work/rm.list"
done
split -l "$batch" -d -a 4 "$work/rm.list" "$work/chunk."
for chunk in "$work"/chunk.*; do
  n=$(wc -l <"$chunk")
  timeit t regfs_add_keyed "$work/rmsrc" "$chunk" || die "regfs add failed: $(tail -n 3 "$work/add.err")"
  add_sample setup.rate "$(calc "$n / $t")"
  setup_total=$(calc "$setup_total + $t")
done
rm -f "$work"/chunk.*
rm -rf "$work/rmsrc"

regfs_up
bindfs_up
n_trash_left=0
log "rm -r of $k_files (trash), mv back out of .trash, rm -rf .trash/* ($reps reps)"
for r in $(seq 1 "$reps"); do
  cp -r "$work/rmtpl" "$plain/rmn$r"
  cp -r "$work/rmtpl" "$plain/rmb$r"
  sync
  timeit t rm -r "$plain/rmn$r"
  add_sample rm.native "$t"
  sync
  timeit t rm -r "$bmnt/rmb$r"
  add_sample rm.bindfs "$t"
  sync

  d=$mnt/artifacts/rm$r
  n=$(entries "$d")
  [ "$n" -eq "$k_files" ] || note "rep $r: $d shows $n files before rm -r, expected $k_files"
  timeit t rm -r "$d" 2>"$work/op.err" ||
    note "rep $r: 'rm -r artifacts/rm$r' exited non-zero: $(head -n 2 "$work/op.err" | tr '\n' ' ')"
  add_sample rm.regfs "$t"
  n=$(entries "$mnt/.trash/artifacts/rm$r")
  [ "$n" -eq "$k_files" ] || note "rep $r: .trash/artifacts/rm$r shows $n files after rm -r, expected $k_files"
  [ -e "$d" ] && note "rep $r: artifacts/rm$r still exists after rm -r"

  timeit t mv "$mnt/.trash/artifacts/rm$r" "$d" 2>"$work/op.err" ||
    note "rep $r: 'mv .trash/artifacts/rm$r artifacts/rm$r' exited non-zero: $(head -n 2 "$work/op.err" | tr '\n' ' ')"
  add_sample mv.regfs "$t"
  n=$(entries "$d")
  if [ "$n" -ne "$k_files" ]; then
    sleep 1.5
    n2=$(entries "$d")
    note "rep $r: artifacts/rm$r shows $n files right after mv out of .trash ($n2 after 1.5 s), expected $k_files"
  fi

  rm -r "$d" 2>"$work/op.err" ||
    note "rep $r: second 'rm -r artifacts/rm$r' exited non-zero: $(head -n 2 "$work/op.err" | tr '\n' ' ')"
  n=$(entries "$mnt/.trash/artifacts/rm$r")
  [ "$n" -eq "$k_files" ] || note "rep $r: .trash/artifacts/rm$r shows $n files before the purge, expected $k_files"
  sync
  timeit t rm -rf "$mnt/.trash/"* 2>"$work/op.err" ||
    note "rep $r: 'rm -rf .trash/*' exited non-zero: $(head -n 2 "$work/op.err" | tr '\n' ' ')"
  add_sample purge.regfs "$t"
  n_trash_left=$(find "$mnt/.trash" -type f 2>/dev/null | wc -l)
  [ "$n_trash_left" -eq 0 ] || note "rep $r: $n_trash_left files left in .trash after rm -rf .trash/*"
done
regfs_down
bindfs_down

# ------------------------------------------------------------------------ the table

fmt_s() { awk -v v="$1" 'BEGIN{ if (v == "nan" || v == "") print "-"; else if (v < 1) printf "%.3f s", v; else printf "%.2f s", v }'; }
fmt_thr() { awk -v v="$1" 'BEGIN{ if (v == "nan" || v == "") print "-"; else printf "%.0f MiB/s", v }'; }
fmt_mib() { awk -v v="$1" 'BEGIN{ if (v == "nan" || v == "") print "-"; else printf "%.1f MiB", v }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{ if (b+0 == 0) print "nan"; else printf "%.2f", a/b }'; }
# met VALUE OP LIMIT -> yes/no (quick runs say so)
met() {
  local ok
  ok=$(awk -v v="$1" -v l="$3" -v op="$2" 'BEGIN{
    if (v == "nan") { print "n/a"; exit }
    if (op == ">=") r = (v >= l); else if (op == "<=") r = (v <= l); else r = (v < l)
    print (r ? "yes" : "no") }')
  if [ "$mode" != full ] && [ "$ok" != n/a ]; then ok="$ok ($mode sizes)"; fi
  echo "$ok"
}

human() {  # 100000 -> 100k
  awk -v n="$1" 'BEGIN{ if (n >= 1000 && n % 1000 == 0) printf "%dk", n/1000; else print n }'
}
big_h=$([ "$big_mib" -ge 1024 ] && echo "$((big_mib / 1024)) GiB" || echo "$big_mib MiB")
tree_h="$(human "$n_tree") artifacts in $(human "$n_dirs") dirs"
k_h=$(human "$k_files")

rows=()
row() { rows+=("| $1 | $2 | $3 | $4 | $5 | $6 | $7 |"); }

v_n=$(med read1.native); v_b=$(med read1.bindfs); v_r=$(med read1.regfs); q=$(ratio "$v_r" "$v_b")
row "first sequential read of a $big_h artifact after mount (dd bs=1M$([ "$cold" -eq 1 ] && echo ", cold cache"))" \
  "$(fmt_thr "$v_n")" "$(fmt_thr "$v_b")" "$(fmt_thr "$v_r")" "${q}x" ">= 2x bindfs" "$(met "$q" '>=' 2)"

v_n=$(med read2.native); v_b=$(med read2.bindfs); v_r=$(med read2.regfs); q=$(ratio "$v_r" "$v_b")
qn=$(ratio "$v_r" "$v_n")
row "re-read of the same artifact" "$(fmt_thr "$v_n")" "$(fmt_thr "$v_b")" "$(fmt_thr "$v_r")" "${q}x" \
  ">= 0.9x native (regfs/native ${qn}x)" "$(met "$qn" '>=' 0.9)"

v_n=$(med find.native); v_b=$(med find.bindfs); v_r=$(med find.regfs); q=$(ratio "$v_r" "$v_b")
row "\`find artifacts -type f\`, $tree_h" "$(fmt_s "$v_n")" "$(fmt_s "$v_b")" "$(fmt_s "$v_r")" "${q}x" \
  "<= bindfs" "$(met "$q" '<=' 1)"

v_n=$(med find2.native); v_b=$(med find2.bindfs); v_r=$(med find2.regfs); q=$(ratio "$v_r" "$v_b")
row "  the same \`find\` again on the same mount" "$(fmt_s "$v_n")" "$(fmt_s "$v_b")" "$(fmt_s "$v_r")" "${q}x" \
  "(info)" "-"

v_n=$(med lslr.native); v_b=$(med lslr.bindfs); v_r=$(med lslr.regfs); q=$(ratio "$v_r" "$v_b")
row "\`ls -lR artifacts\`, $tree_h" "$(fmt_s "$v_n")" "$(fmt_s "$v_b")" "$(fmt_s "$v_r")" "${q}x" \
  "<= bindfs" "$(met "$q" '<=' 1)"

v_n=$(med rm.native); v_b=$(med rm.bindfs); v_r=$(med rm.regfs); q=$(ratio "$v_r" "$v_b")
trash_s=$v_r
row "\`rm -r\` of a directory of $k_h artifacts (trash)" "$(fmt_s "$v_n")" "$(fmt_s "$v_b")" "$(fmt_s "$v_r")" \
  "${q}x" "<= bindfs rm -r" "$(met "$q" '<=' 1)"

v_r=$(med mv.regfs); qt=$(ratio "$v_r" "$trash_s")
row "\`mv\` of that directory back out of \`.trash\`" "-" "-" "$(fmt_s "$v_r")" "- (${qt}x trash)" \
  "<= 2x trash time" "$(met "$qt" '<=' 2)"

v_r=$(med purge.regfs); qt=$(ratio "$v_r" "$trash_s")
row "\`rm -rf .trash/*\` of $k_h (purge)" "-" "-" "$(fmt_s "$v_r")" "- (${qt}x trash)" \
  "<= 2x trash time" "$(met "$qt" '<=' 2)"

v_n=$(med cpbig.native); v_b=$(med cpbig.bindfs); v_r=$(med cpbig.regfs); q=$(ratio "$v_r" "$v_b")
row "\`cp\` of a $big_h file into \`artifacts/\` (hash included)" "$(fmt_thr "$v_n")" "$(fmt_thr "$v_b")" \
  "$(fmt_thr "$v_r")" "${q}x" ">= 2x bindfs" "$(met "$q" '>=' 2)"

v_n=$(med cpr.native); v_b=$(med cpr.bindfs); v_r=$(med cpr.regfs); q=$(ratio "$v_r" "$v_b")
cpr_native=$v_n
row "\`cp -r\` of $k_h 4 KiB files into \`artifacts/\`" "$(fmt_s "$v_n")" "$(fmt_s "$v_b")" "$(fmt_s "$v_r")" \
  "${q}x" "<= bindfs" "$(met "$q" '<=' 1)"

v_r=$(med add.regfs); qn=$(ratio "$v_r" "$cpr_native")
add_label="\`regfs add\` of $k_h 4 KiB files"
[ "$have_kfp" -eq 1 ] || add_label="$add_label (keyless, no --key-from-path)"
row "$add_label" "$(fmt_s "$cpr_native") (cp -r)" "-" "$(fmt_s "$v_r")" "- (${qn}x native cp -r)" \
  "<= 2x native cp -r" "$(met "$qn" '<=' 2)"

v_n=$(med mls.native); v_b=$(med mls.bindfs); v_r=$(med mls.regfs); q=$(ratio "$v_r" "$v_b")
row "mount to first \`ls\`, $tree_h$([ "$cold" -eq 1 ] && echo ", cold cache")" "$(fmt_s "$v_n") (ls only)" \
  "$(fmt_s "$v_b")" "$(fmt_s "$v_r")" "${q}x" "< 0.2 s" "$(met "$v_r" '<' 0.2)"
row "  of which: \`regfs mount\` returns (mount live)" "-" "$(fmt_s "$(med mls.bindfs.mount)")" \
  "$(fmt_s "$(med mls.regfs.mount)")" "$(ratio "$(med mls.regfs.mount)" "$(med mls.bindfs.mount)")x" "(info)" "-"
row "  of which: first \`ls artifacts\`" "-" "$(fmt_s "$(med mls.bindfs.ls)")" \
  "$(fmt_s "$(med mls.regfs.ls)")" "$(ratio "$(med mls.regfs.ls)" "$(med mls.bindfs.ls)")x" "(info)" "-"

v_b=$(med rss.bindfs); v_r=$(med rss.regfs); q=$(ratio "$v_r" "$v_b")
row "daemon peak RSS (VmHWM) after walking the tree twice" "-" "$(fmt_mib "$v_b")" "$(fmt_mib "$v_r")" \
  "${q}x" "< 100 MiB" "$(met "$v_r" '<' 100)"

rate=$(med setup.rate)
setup_mode=$([ "$have_kfp" -eq 1 ] && echo "\`regfs add --key-from-path\`, $batch files a call" ||
  echo "one \`regfs add --key\` per file (fallback)")
row "setup: $setup_mode, $(human "$n_tree") + $reps x $k_h artifacts" "-" "-" \
  "$(awk -v r="$rate" 'BEGIN{printf "%.0f artifacts/s", r}') ($(fmt_s "$setup_total") total)" "-" "(info)" "-"
row "setup: \`regfs add\` of the $big_h file (one run)" "-" "-" \
  "$(fmt_thr "$(mibps "$big_bytes" "$big_add_s")") ($(fmt_s "$big_add_s"))" "-" "(info)" "-"

# what the daemon said: errors, warnings, and how often it (re)loaded its view per mount
if [ -s "$daemon_log" ]; then
  n_err=$(grep -c ' error: ' "$daemon_log")
  n_warn=$(grep -c ' warn: ' "$daemon_log")
  loads=$(sed -n 's/.*(view reloads: \([0-9]*\);.*/\1/p' "$daemon_log" | tr '\n' ' ')
  note "daemon log: $(wc -l <"$daemon_log") lines, $n_err errors, $n_warn warnings; view reloads after external changes, per mount: ${loads:-none reported}"
  if grep -q 'FUSE passthrough on' "$daemon_log"; then
    note "FUSE passthrough was on: reads of stored files did not go through the daemon"
  else
    note "FUSE passthrough was off ($(grep -o 'FUSE passthrough off: [^;]*' "$daemon_log" | head -n 1)): reads went through the daemon"
  fi
  # What the kernel asked the daemon during the last mount (the write and delete phases).
  last_req=$(grep -o 'requests: .*' "$daemon_log" | tail -n 1 | sed 's/)$//')
  [ -z "$last_req" ] || note "requests the kernel sent during the last mount (rm -r, mv back, purge): ${last_req#requests: }"
  if [ "$n_err" -gt 0 ]; then
    note "first daemon errors: $(grep ' error: ' "$daemon_log" | head -n 3 | cut -c 1-300 | tr '\n' ' ')"
  fi
fi

t_end=$(date +%s%N)
elapsed=$(awk -v a="$t_start" -v b="$t_end" 'BEGIN{printf "%.0f", (b-a)/1e9}')

{
  echo "## regfs benchmark ($mode): $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$repo" diff --quiet 2>/dev/null || echo '+dirty')"
  echo
  echo "| workload | native | bindfs | regfs | regfs/bindfs | target | met? |"
  echo "|---|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
  echo
  echo "Each figure is the median of $reps repetitions (setup throughput: median over the add calls)."
  echo "Native = the files on the underlying disk (for reads: the stored file itself); bindfs $(bindfs --version 2>/dev/null | head -n 1 | awk '{print $2}') runs over a plain tree of the same shape."
  echo "find / ls -lR run on a fresh mount with a warm disk cache; writes are timed until cp/rm returns (no sync)."
  if [ "$cold" -eq 1 ]; then
    echo "Cold cache = this kernel's page cache dropped before mounting; in a VM the host may still cache the disk."
  fi
  echo "Run took ${elapsed} s (build included, cleanup not)."
  if [ "${#notes[@]}" -gt 0 ]; then
    echo
    echo "Notes:"
    printf -- '- %s\n' "${notes[@]}"
  fi
  echo
  echo "<details><summary>samples</summary>"
  echo
  for k in $(printf '%s\n' "${!S[@]}" | sort); do
    echo "- $k:${S[$k]}"
  done
  echo
  echo "</details>"
} >"$work/table.md"

cat "$work/table.md"
if [ -n "$out_file" ]; then
  cp "$work/table.md" "$out_file" || echo "scripts/bench.sh: cannot write $out_file" >&2
fi
