#!/usr/bin/env bash
# Writing through the mount (SPEC.md sections 2-4): `echo >`, `>>` and `truncate` make a new
# artifact or a new version on the last close; nothing is a record while a file is still
# being written; a file over 50 MiB gets LaminDB's sha1-fl hash, computed as it streams.
# shellcheck source=../lib.sh
source "${REGFS_TESTLIB:?REGFS_TESTLIB not set (run through ctest)}"
require_fuse

ROOT=$WORK/inst
MNT=$WORK/mnt
ART=lnschema_core_artifact
new_instance "$ROOT"
mount_regfs "$ROOT" "$MNT"
rows() { sql "$ROOT" "SELECT count(*) FROM $ART WHERE key='$1'"; }
latest_hash() { sql "$ROOT" "SELECT hash FROM $ART WHERE key='$1' ORDER BY id DESC LIMIT 1"; }
hash_of_text() { printf "$1" > "$WORK/expect"; md5_b64 "$WORK/expect"; }

step "echo > a new file: one artifact"
echo hello > "$MNT/artifacts/w.txt"
assert_eq 1 "$(rows w.txt)" "rows after echo >"
assert_eq "$(hash_of_text 'hello\n')|6|md5" "$(sql "$ROOT" "SELECT hash, size, hash_type FROM $ART WHERE key='w.txt'")" "hash and size"
assert_eq hello "$(cat "$MNT/artifacts/w.txt")" "content"

step ">> appends: a new version holding old + new bytes"
echo more >> "$MNT/artifacts/w.txt"
assert_eq 2 "$(rows w.txt)" "rows after >>"
assert_eq "$(printf 'hello\nmore')" "$(cat "$MNT/artifacts/w.txt")" "content after >>"
assert_eq "$(hash_of_text 'hello\nmore\n')" "$(latest_hash w.txt)" "hash after >>"
assert_eq 1 "$(sql "$ROOT" "SELECT count(DISTINCT substr(uid, 1, 16)) FROM $ART WHERE key='w.txt'")" "one version family"

step "truncate: a new version"
truncate -s 3 "$MNT/artifacts/w.txt"
assert_eq 3 "$(rows w.txt)" "rows after truncate"
assert_eq hel "$(cat "$MNT/artifacts/w.txt")" "content after truncate"
assert_eq 3 "$(stat -c %s "$MNT/artifacts/w.txt")" "size after truncate"
assert_eq "$(hash_of_text 'hel')" "$(latest_hash w.txt)" "hash after truncate"

step "echo > an existing key: one new version, no empty one in between"
echo replaced > "$MNT/artifacts/w.txt"
assert_eq 4 "$(rows w.txt)" "rows after echo > of an existing key"
assert_eq 0 "$(sql "$ROOT" "SELECT count(*) FROM $ART WHERE size=0")" "no empty version recorded"
assert_eq replaced "$(cat "$MNT/artifacts/w.txt")" "content"
assert_eq "1|1|1|1" "$(sql "$ROOT" "SELECT group_concat(visibility, '|') FROM $ART WHERE key='w.txt'")" "all versions visible"

step "nothing is a record while the file is still open for writing"
# slow_write MODE FILE FIRST SECOND TAG: one process writes FIRST, creates $WORK/TAG.ready,
# waits for $WORK/TAG.go, writes SECOND and closes. The descriptor is never duplicated.
slow_write() {
  "$PYTHON3" - "$@" <<'PY'
import os, sys, time
mode, path, first, second, tag = sys.argv[1:]
work = os.environ["WORK"]
fd = os.open(path, os.O_WRONLY | os.O_CREAT | (os.O_APPEND if mode == "a" else os.O_TRUNC), 0o644)
os.write(fd, first.encode())
open(os.path.join(work, tag + ".ready"), "w").close()
deadline = time.time() + 10
while not os.path.exists(os.path.join(work, tag + ".go")) and time.time() < deadline:
    time.sleep(0.02)
os.write(fd, second.encode())
os.close(fd)
PY
}
export WORK
if [ -n "$PYTHON3" ]; then
  slow_write w "$MNT/artifacts/open.txt" "first half " "second half" new &
  WRITER=$!
  wait_until 5 test -e "$WORK/new.ready" || fail "the writer's first half never arrived"
  assert_eq 0 "$(rows open.txt)" "no record for a new file while it is open"
  touch "$WORK/new.go"
  wait "$WRITER" || fail "writer failed"
  assert_eq 1 "$(rows open.txt)" "record after the close"
  assert_eq "first half second half" "$(cat "$MNT/artifacts/open.txt")" "content after the close"

  slow_write a "$MNT/artifacts/w.txt" "appended slowly " "done" app &
  WRITER=$!
  wait_until 5 test -e "$WORK/app.ready" || fail "the appender's first part never arrived"
  assert_eq 4 "$(rows w.txt)" "no new version while the writer is open"
  assert_eq replaced "$(cat "$MNT/artifacts/w.txt")" "readers see the previous version while the writer is open"
  touch "$WORK/app.go"
  wait "$WRITER" || fail "appender failed"
  assert_eq 5 "$(rows w.txt)" "one new version after the close"
  assert_eq "$(printf 'replaced\nappended slowly done')" "$(cat "$MNT/artifacts/w.txt")" "content after the slow append"
else
  echo "python3 missing: open-writer checks skipped" >&2
fi

step "copies of the descriptor closed early (shell redirections, children): only the last close saves"
# bash saves and restores stdout around `echo note >&2` by duplicating it: the copy's close
# is not the last close of the file.
{ printf 'part one '; echo "a note on stderr" >&2; printf 'part two\n'; } > "$MNT/artifacts/grouped.txt" 2>/dev/null
assert_eq 1 "$(rows grouped.txt)" "records made by one redirected command group"
assert_eq "part one part two" "$(cat "$MNT/artifacts/grouped.txt")" "content of the group's output"
# A command run while the script holds `exec 3>` inherits descriptor 3 and closes it on exit.
exec 3>"$MNT/artifacts/inherited.txt"
printf 'part one ' >&3
/bin/true
printf 'part two\n' >&3
exec 3>&-
assert_eq 1 "$(rows inherited.txt)" "records after exec 3>, a child process, and the last close"
assert_eq "part one part two" "$(cat "$MNT/artifacts/inherited.txt")" "content after the last close"

step "a 60 MiB file: sha1-fl hash (LaminDB's, for files over 50 MiB)"
BIG=$WORK/big.bin
head -c $((60 * 1024 * 1024)) /dev/urandom > "$BIG"
CHUNK=52428800
WANT=$( { head -c $CHUNK "$BIG" | openssl dgst -sha1 -binary; tail -c $CHUNK "$BIG" | openssl dgst -sha1 -binary; } \
  | openssl dgst -sha1 -binary | base64 | tr '+/' '-_' | tr -d '=' | cut -c1-22)
cp "$BIG" "$MNT/artifacts/big.bin"
assert_eq "$WANT|sha1-fl|$((60 * 1024 * 1024))" "$(sql "$ROOT" "SELECT hash, hash_type, size FROM $ART WHERE key='big.bin'")" "hash of the 60 MiB file"
cmp -s "$BIG" "$MNT/artifacts/big.bin" || fail "60 MiB content read back differs"
rm -f "$BIG"

unmount_regfs "$MNT"
echo "PASS: $TEST_NAME"
