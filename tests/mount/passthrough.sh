#!/usr/bin/env bash
# Reads through the kernel's FUSE passthrough (fs/passthrough.h), and the same checks with
# -o nopassthrough: content read with cat and mmap equals the stored file; with passthrough
# the reads never reach the daemon (its request counters at unmount); a reader holding a file
# open keeps its bytes while `>>` and `cp` save new versions (the write open of an inode open
# in passthrough is retried by the kernel on a new inode); a file opened for writing keeps
# later readers in cached mode; rm, mv out of .trash and purge of files just read work.
# Without root or on a kernel before 6.9 passthrough is off: the content checks still run.
# shellcheck source=../lib.sh
source "${REGFS_TESTLIB:?REGFS_TESTLIB not set (run through ctest)}"
require_fuse

ROOT=$WORK/inst
MNT=$WORK/mnt
ART=lnschema_core_artifact
new_instance "$ROOT"
head -c $((20 * 1024 * 1024)) /dev/urandom >"$WORK/big.bin"
echo "small content" >"$WORK/small.txt"
"$REGFS" -C "$ROOT" add "$WORK/big.bin" --key big.bin >/dev/null
# Each round has files of its own, fresh from the CLI (so the mount first meets them as
# records, not as files it wrote).
for mode in passthrough cached; do
  for f in small held; do
    "$REGFS" -C "$ROOT" add "$WORK/small.txt" --key "$f-$mode.txt" >/dev/null
  done
done
stored_of() { echo "$ROOT/.lamindb/$(sql "$ROOT" "SELECT uid FROM $ART WHERE key='$1' ORDER BY id DESC LIMIT 1").${1##*.}"; }
md5_of() { md5sum <"$1" | cut -d' ' -f1; }
BIG_MD5=$(md5_of "$(stored_of big.bin)")
SMALL_MD5=$(md5_of "$(stored_of small-passthrough.txt)")
assert_eq "$(md5_of "$WORK/big.bin")" "$BIG_MD5" "stored copy of big.bin"
versions_of() { sql "$ROOT" "SELECT count(*) FROM $ART WHERE key='$1' AND visibility=1"; }
mmap_md5() {
  "$PYTHON3" -c 'import hashlib, mmap, sys
with open(sys.argv[1], "rb") as f:
    with mmap.mmap(f.fileno(), 0, prot=mmap.PROT_READ) as m:
        print(hashlib.md5(m).hexdigest())' "$1"
}

# log_from LINE: the daemon log from line LINE on.
log_lines() { if [ -f "$WORK/daemon.log" ]; then wc -l <"$WORK/daemon.log"; else echo 0; fi; }
log_from() { tail -n +"$(($1 + 1))" "$WORK/daemon.log"; }
# reads_at_unmount LOG: the "read" request count of the last unmount line of LOG (0 when the
# daemon saw none: the counters list only requests that arrived).
reads_at_unmount() {
  local line n
  line=$(printf '%s\n' "$1" | grep 'info: unmounted ' | tail -n 1)
  [ -n "$line" ] || fail "no unmount line in the daemon log"
  n=$(printf '%s\n' "$line" | grep -oE '(: |, )read [0-9]+' | grep -oE '[0-9]+$' || true)
  echo "${n:-0}"
}

# checks MODE [mount options]: one round of every check; MODE is "passthrough" or "cached".
checks() {
  local mode=$1 start log pt reads
  shift
  step "$mode: cat and md5sum of a 20 MiB and a small artifact"
  start=$(log_lines)
  mount_regfs "$ROOT" "$MNT" "$@"
  pt=off
  if log_from "$start" | grep -q 'FUSE passthrough on'; then pt=on; fi
  echo "    FUSE passthrough is $pt"
  if [ "$mode" = cached ] && [ "$pt" = on ]; then fail "-o nopassthrough mount has passthrough on"; fi
  assert_eq "$BIG_MD5" "$(md5_of "$MNT/artifacts/big.bin")" "md5 of big.bin through the mount"
  assert_eq "$SMALL_MD5" "$(md5_of "$MNT/artifacts/small-$mode.txt")" "md5 of a small artifact through the mount"
  assert_eq "small content" "$(cat "$MNT/artifacts/small-$mode.txt")" "cat of a small artifact"
  # Two readers at once share the inode's backing file.
  exec 3<"$MNT/artifacts/big.bin"
  cmp -s "$WORK/big.bin" "$MNT/artifacts/big.bin" || fail "second reader of big.bin while one holds it"
  exec 3<&-
  unmount_regfs "$MNT"
  # The daemon writes its counters as it exits, just after the unmount.
  unmount_logged() { log_from "$start" | grep -q 'info: unmounted '; }
  wait_until 10 unmount_logged || fail "the daemon did not log its unmount within 10 s"
  reads=$(reads_at_unmount "$(log_from "$start")")
  echo "    read requests that reached the daemon: $reads"
  if [ "$pt" = on ]; then
    assert_eq 0 "$reads" "read requests with passthrough on"
  elif [ "$mode" = cached ]; then
    [ "$reads" -gt 0 ] || fail "with -o nopassthrough no read reached the daemon"
  fi

  mount_regfs "$ROOT" "$MNT" "$@"
  step "$mode: mmap of a stored file"
  if [ -n "$PYTHON3" ]; then
    assert_eq "$BIG_MD5" "$(mmap_md5 "$MNT/artifacts/big.bin")" "md5 of an mmap of big.bin"
  else
    echo "    (python3 missing: mmap check skipped)"
  fi

  step "$mode: a reader keeps its bytes while >> and cp save new versions"
  local before k=small-$mode.txt
  before=$(versions_of $k)
  exec 3<"$MNT/artifacts/$k"
  echo more >>"$MNT/artifacts/$k" || fail "append to $k while a reader holds it"
  assert_eq "$((before + 1))" "$(versions_of $k)" "visible versions of $k after >>"
  assert_eq "$(printf 'small content\nmore')" "$(cat "$MNT/artifacts/$k")" "new cat after >>"
  echo "copied over" >"$WORK/other.txt"
  cp "$WORK/other.txt" "$MNT/artifacts/$k" || fail "cp onto $k while a reader holds it"
  assert_eq "$((before + 2))" "$(versions_of $k)" "visible versions of $k after cp"
  assert_eq "copied over" "$(cat "$MNT/artifacts/$k")" "new cat after cp"
  assert_eq "small content" "$(cat <&3)" "the held reader's bytes"
  exec 3<&-
  # A reader of the new version, then a write through O_RDWR on the inode it holds.
  exec 3<"$MNT/artifacts/$k"
  if [ -n "$PYTHON3" ]; then
    "$PYTHON3" -c 'import sys
with open(sys.argv[1], "r+b") as f:
    f.write(b"C")' "$MNT/artifacts/$k" || fail "O_RDWR write to $k while a reader holds it"
    assert_eq "Copied over" "$(cat "$MNT/artifacts/$k")" "content after the O_RDWR write"
  fi
  assert_eq "copied over" "$(cat <&3)" "the held reader's bytes after the O_RDWR write"
  exec 3<&-

  step "$mode: readers of a file held open for writing"
  # The first open of this inode is for writing (cached mode in the kernel): a reader that
  # comes while it is open must be cached too, or the kernel fails its open with EIO.
  k=held-$mode.txt
  exec 4>>"$MNT/artifacts/$k"
  assert_eq "small content" "$(cat "$MNT/artifacts/$k")" "read while a writer holds the file"
  echo "appended" >&4
  exec 4>&-
  assert_eq "$(printf 'small content\nappended')" "$(cat "$MNT/artifacts/$k")" "content after the held writer closed"

  step "$mode: rm, mv out of .trash and purge of files just read"
  local name=just-read-$mode.txt content
  content="$mode content of $name"
  echo "$content" >"$MNT/artifacts/$name"
  assert_eq "$content" "$(cat "$MNT/artifacts/$name")" "cat before rm"
  exec 3<"$MNT/artifacts/$name"
  rm "$MNT/artifacts/$name" || fail "rm of a file just read"
  assert_eq "$content" "$(cat "$MNT/.trash/artifacts/$name")" "cat in .trash"
  mv "$MNT/.trash/artifacts/$name" "$MNT/artifacts/$name" || fail "mv out of .trash of a file just read"
  assert_eq "$content" "$(cat "$MNT/artifacts/$name")" "cat after restore"
  echo "second" >>"$MNT/artifacts/$name" || fail "append after restore"
  assert_eq "$(printf '%s\nsecond' "$content")" "$(cat "$MNT/artifacts/$name")" "cat after append"
  # Two visible versions now: each rm trashes the one shown.
  rm "$MNT/artifacts/$name"
  rm "$MNT/artifacts/$name"
  [ ! -e "$MNT/artifacts/$name" ] || fail "$name still shown after two rm"
  # The most recently trashed keeps the plain name; once purged, the other one takes it.
  rm "$MNT/.trash/artifacts/$name" || fail "purge of a file just read"
  rm "$MNT/.trash/artifacts/$name" || fail "purge of the other version"
  assert_eq "" "$(listing "$MNT/.trash/artifacts")" ".trash after the purge"
  # (read(2) only: an fstat of a purged record's inode is ENOENT, with or without passthrough)
  if [ -n "$PYTHON3" ]; then
    assert_eq "$content" "$("$PYTHON3" -c 'import os, sys; sys.stdout.write(os.read(3, 4096).decode())')" \
      "a reader's bytes after the record was purged"
  fi
  exec 3<&-

  step "$mode: a collection member reads its artifact's content"
  local cid
  cid=$(sql "$ROOT" "SELECT id FROM $ART WHERE key='big.bin'")
  if [ -z "${COLLECTION_MADE:-}" ]; then
    make_collection "$ROOT" "col" "$cid" >/dev/null
    COLLECTION_MADE=1
  fi
  wait_until 2 test -f "$MNT/collections/col/big.bin" || fail "collection member not shown"
  assert_eq "$BIG_MD5" "$(md5_of "$MNT/collections/col/big.bin")" "md5 of a collection member"
  unmount_regfs "$MNT"
  check_sanitizer_reports
}

checks passthrough
checks cached -o nopassthrough
echo "passthrough: all checks passed"
