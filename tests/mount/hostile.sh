#!/usr/bin/env bash
# Hostile and broken input (SPEC.md section 4, "A key that cannot be a safe path ...
# Nothing ever resolves outside the mount", and the operations table): names of 255 and 256
# bytes, newlines and invalid UTF-8 in names; keys, uids and suffixes planted in the database
# with "..", a leading "/", empty components, NUL and "/"; stored files (and real-key
# directories) replaced by symlinks pointing outside the instance; a corrupt database and one
# of an unknown newer layout (a clear refusal, nothing written); a read-only instance (reads
# work, writes fail with EROFS); a full disk during cp (ENOSPC, no record half-made, the
# instance still usable).
#
# Each section runs on its own; the script reports every failing section, then fails.
# shellcheck source=../lib.sh
source "${REGFS_TESTLIB:?REGFS_TESTLIB not set (run through ctest)}"
require_fuse
trap reliability_cleanup EXIT

ART=lnschema_core_artifact
SECRET="outside secret: must never be read through the mount"
echo "$SECRET" >"$WORK/secret.txt"

rows() { sql "$1" "SELECT count(*) FROM $ART"; }
# snapshot ROOT: every byte regfs could have written: the database and .lamindb/. (SQLite's
# own -shm index and an empty -wal, which even a read-only open of a WAL database leaves,
# are not counted as writes.)
snapshot() {
  (
    cd "$1" || exit 1
    find . -path ./.lamindb/.regfs-staging -prune -o -type f ! -name '*-shm' ! \( -name '*-wal' -empty \) -print0 |
      sort -z | xargs -0 md5sum
    find . ! -name '*-shm' ! \( -name '*-wal' -empty \) | sort
  )
}
# must_not_leak OUTPUT WHAT: the secret never appears in OUTPUT.
must_not_leak() {
  assert_not_contains "$1" "outside secret" "$2: content from outside the instance"
}

# ------------------------------------------------------------------ names
long_names() {
  local root=$WORK/names mnt=$WORK/names-mnt n255 n256 n251 listed
  new_instance "$root"
  mount_regfs "$root" "$mnt"
  n255=$(printf 'a%.0s' $(seq 1 251)).txt
  n256=$(printf 'b%.0s' $(seq 1 252)).txt
  assert_eq 255 "${#n255}" "length of the 255-byte name"
  echo "two five five" >"$mnt/artifacts/$n255" || fail "write of a 255-byte name failed"
  assert_eq "two five five" "$(cat "$mnt/artifacts/$n255")" "read back of the 255-byte name"
  assert_eq 1 "$(sql "$root" "SELECT count(*) FROM $ART WHERE key = '$n255'")" "row of the 255-byte name"
  assert_fails_with "File name too long" sh -c 'echo x > "$1"' sh "$mnt/artifacts/$n256"
  assert_eq 1 "$(rows "$root")" "rows after the refused 256-byte name"
  mkdir "$mnt/artifacts/d" && echo deep >"$mnt/artifacts/d/$n255" || fail "255-byte name below a directory"
  assert_fails_with "File name too long" mkdir "$mnt/artifacts/$n256"
  assert_fails_with "File name too long" mv "$mnt/artifacts/d/$n255" "$mnt/artifacts/d/$n256"
  assert_eq "deep" "$(cat "$mnt/artifacts/d/$n255")" "record after the refused rename"

  step "two trashed records with one 255-byte key: both listed, every name <= 255 bytes"
  rm "$mnt/artifacts/$n255"
  echo "second" >"$mnt/artifacts/$n255"
  rm "$mnt/artifacts/$n255"
  assert_eq 2 "$(sql "$root" "SELECT count(*) FROM $ART WHERE key = '$n255' AND visibility = -1")" "trashed rows of the 255-byte key"
  listed=$(listing "$mnt/.trash/artifacts")
  assert_eq 2 "$(printf '%s\n' "$listed" | grep -c .)" "names in .trash/artifacts (SPEC: every trashed record is listed)"
  local name
  while IFS= read -r name; do
    [ "${#name}" -le 255 ] || fail ".trash/artifacts shows a name of ${#name} bytes (more than NAME_MAX 255): ${name:0:40}...${name: -30}"
    [ -n "$(cat "$mnt/.trash/artifacts/$name")" ] || fail "trashed record $name unreadable"
  done <<<"$listed"
  unmount_regfs "$mnt"
}

odd_bytes() {
  local root=$WORK/bytes mnt=$WORK/bytes-mnt nl bad listed
  require_python "byte-exact directory listings"
  new_instance "$root"
  mount_regfs "$root" "$mnt"
  nl=$'line1\nline2.txt'
  bad=$'caf\xe9-\xff\xfe.txt'
  echo "newline" >"$mnt/artifacts/$nl" || fail "write of a name with a newline"
  echo "latin1" >"$mnt/artifacts/$bad" || fail "write of a name with invalid UTF-8"
  assert_eq "newline" "$(cat "$mnt/artifacts/$nl")" "read of the name with a newline"
  assert_eq "latin1" "$(cat "$mnt/artifacts/$bad")" "read of the invalid UTF-8 name"
  assert_eq "$(hex_of "$nl")" "$(sql "$root" "SELECT hex(key) FROM $ART WHERE size = 8" | tr 'A-F' 'a-f')" "key of the newline name, byte for byte"
  assert_eq "$(hex_of "$bad")" "$(sql "$root" "SELECT hex(key) FROM $ART WHERE size = 7" | tr 'A-F' 'a-f')" "key of the invalid UTF-8 name, byte for byte"
  listed=$("$PYTHON3" -c 'import os,sys; print(" ".join(sorted(n.hex() for n in os.listdir(os.fsencode(sys.argv[1])))))' "$mnt/artifacts")
  assert_eq "$(printf '%s\n' "$(hex_of "$bad")" "$(hex_of "$nl")" | sort | tr '\n' ' ' | sed 's/ $//')" "$listed" "listing, byte for byte"
  # Through rm, mv out of .trash and a re-key, the bytes survive.
  rm "$mnt/artifacts/$nl"
  mv "$mnt/.trash/artifacts/$nl" "$mnt/artifacts/$nl" || fail "restore of the newline name"
  mv "$mnt/artifacts/$bad" "$mnt/artifacts/x$bad" || fail "re-key of the invalid UTF-8 name"
  assert_eq "latin1" "$(cat "$mnt/artifacts/x$bad")" "read after re-key"
  assert_eq "$(hex_of "x$bad")" "$(sql "$root" "SELECT hex(key) FROM $ART WHERE size = 7" | tr 'A-F' 'a-f')" "key after the re-key"
  "$REGFS" fsck -C "$root" >/dev/null || fail "fsck after odd names"
  unmount_regfs "$mnt"
}

# ------------------------------------------------------------------ planted database rows
planted_keys() {
  local root=$WORK/keys mnt=$WORK/keys-mnt key u name listed
  new_instance "$root"
  # Virtual keys that are no safe path: each is shown as <uid>.txt, content from .lamindb/, in
  # the directory made of the key's components before its first unsafe one.
  local -a keys=("'../evil.txt'" "'/abs.txt'" "'a//b.txt'" "'./dot.txt'" "'x/../../up.txt'" "'trail/'" "''"
    "CAST(X'6576696C00782E747874' AS TEXT)" "'$(printf 'c%.0s' $(seq 1 256)).txt'" "'..'" "'.'")
  local -a dirs=("" "" a "" x trail "" "" "" "" "")
  local -a uids=() paths=()
  local i
  for i in "${!keys[@]}"; do
    u=$(random_uid 20)
    uids+=("$u")
    paths+=("${dirs[$i]:+${dirs[$i]}/}$u.txt")
    echo "content of $u" >"$root/.lamindb/$u.txt"
    insert_artifact "$root" "$u" "${keys[$i]}" "'.txt'" 1 1 "$root/.lamindb/$u.txt"
  done
  mount_regfs "$root" "$mnt"
  listed=$(cd "$mnt/artifacts" && find . -type f | sed 's|^\./||' | sort) || true
  ls "$mnt/artifacts" >/dev/null 2>"$WORK/ls.err" || fail "ls artifacts/ fails: $(cat "$WORK/ls.err")"
  for i in "${!uids[@]}"; do
    u=${uids[$i]}
    assert_eq "content of $u" "$(cat "$mnt/artifacts/${paths[$i]}")" "record $u with an unsafe key, shown as ${paths[$i]}"
  done
  assert_eq "$(printf '%s\n' "${paths[@]}" | sort)" "$listed" "files in artifacts/ (each unsafe key as one <uid>.txt)"
  assert_eq "$(printf '%s\n' a trail x)" "$(cd "$mnt/artifacts" && find . -mindepth 1 -type d | sed 's|^\./||' | sort)" \
    "directories in artifacts/ (only the safe prefixes a/, x/ and trail/)"
  for name in evil.txt abs.txt dot.txt up.txt b.txt a/b.txt x/up.txt; do
    [ ! -e "$mnt/artifacts/$name" ] || fail "an unsafe key resolved as artifacts/$name"
  done
  [ ! -e "$mnt/evil.txt" ] && [ ! -e "$WORK/evil.txt" ] || fail "an unsafe key resolved outside artifacts/"
  # Trash and purge them all through the mount: each purge deletes its .lamindb file only.
  for p in "${paths[@]}"; do rm "$mnt/artifacts/$p"; done
  for p in "${paths[@]}"; do rm "$mnt/.trash/artifacts/$p"; done
  assert_eq 0 "$(rows "$root")" "rows after purging the unsafe-key records"
  assert_eq "$SECRET" "$(cat "$WORK/secret.txt")" "a file outside the instance after the purges"
  "$REGFS" fsck -C "$root" >/dev/null || fail "fsck after the purges: $("$REGFS" fsck -C "$root" 2>&1)"
  unmount_regfs "$mnt"
}

planted_uids_and_suffixes() {
  # Rows whose uid or suffix would make a name with '/', a NUL, or "..": whatever is shown
  # must be one valid name, the listing must work, and nothing may be read from outside.
  local root=$WORK/uids mnt=$WORK/uids-mnt listed good name out
  new_instance "$root"
  good=$(random_uid 20)
  echo "good" >"$root/.lamindb/$good.txt"
  insert_artifact "$root" "$good" "'good.txt'" "'.txt'" 1 1 "$root/.lamindb/$good.txt"
  # Sizes are the secret's, so that a read that escaped would show it.
  insert_artifact "$root" ".." "NULL" "''" 1 1 "$WORK/secret.txt"
  insert_artifact "$root" "../../secret" "NULL" "'.txt'" 1 1 "$WORK/secret.txt"
  insert_artifact "$root" "$(random_uid 20)" "NULL" "'.txt/../../../secret.txt'" 1 1 "$WORK/secret.txt"
  insert_artifact "$root" "$(random_uid 20)" "NULL" "CAST(X'2E7478740078' AS TEXT)" 1 1 "$WORK/secret.txt"
  insert_artifact "$root" "$(random_uid 20)" "'dir/name.csv'" "'/x'" 1 -1 "$WORK/secret.txt"
  insert_artifact "$root" "$(random_uid 20)" "'dir/name.csv'" "'/x'" 1 -1 "$WORK/secret.txt"
  mount_regfs "$root" "$mnt"
  ls "$mnt/artifacts" >/dev/null 2>"$WORK/ls.err" || fail "ls artifacts/ fails because of hostile rows: $(cat "$WORK/ls.err")"
  ls -R "$mnt/.trash/artifacts" >/dev/null 2>"$WORK/ls.err" || fail "ls -R .trash/artifacts/ fails because of hostile rows: $(cat "$WORK/ls.err")"
  assert_eq "good" "$(cat "$mnt/artifacts/good.txt")" "a good record next to hostile ones"
  listed=$(listing "$mnt/artifacts")
  while IFS= read -r name; do
    [ -n "$name" ] || continue
    case $name in . | ..) fail "artifacts/ lists '$name' as an entry" ;; esac
    out=$(cat "$mnt/artifacts/$name" 2>&1 || true)
    must_not_leak "$out" "read of artifacts/$name"
  done <<<"$listed"
  out=$(cd "$mnt" && find . -type f -exec cat {} + 2>&1 || true)
  must_not_leak "$out" "reading every file of the mount"
  unmount_regfs "$mnt"
}

real_keys_outside() {
  # Real keys (key_is_virtual = 0) whose path would leave the instance, next to real files
  # there: never read, never deleted, even when purging with real keys.
  local root=$WORK/real mnt=$WORK/real-mnt u1 u2 u3 out
  new_instance "$root"
  mkdir -p "$WORK/outside"
  echo "$SECRET" >"$WORK/outside/victim.txt"
  u1=$(random_uid 20)
  u2=$(random_uid 20)
  u3=$(random_uid 20)
  insert_artifact "$root" "$u1" "'../outside/victim.txt'" "'.txt'" 0 1 "$WORK/outside/victim.txt"
  insert_artifact "$root" "$u2" "'$WORK/outside/victim.txt'" "'.txt'" 0 1 "$WORK/outside/victim.txt"
  insert_artifact "$root" "$u3" "'sub/../../outside/victim.txt'" "'.txt'" 0 1 "$WORK/outside/victim.txt"
  mount_regfs "$root" "$mnt" -o purge_real_keys
  # u3's key is safe up to sub/: it is shown there.
  for p in "$u1.txt" "$u2.txt" "sub/$u3.txt"; do
    out=$(cat "$mnt/artifacts/$p" 2>&1 || true)
    must_not_leak "$out" "read of real-key record artifacts/$p"
    rm "$mnt/artifacts/$p" || fail "trash of real-key record artifacts/$p"
  done
  rm "$mnt/.trash/artifacts/$u1.txt" || fail "purge of $u1"
  unmount_regfs "$mnt"
  "$REGFS" rm -C "$root" --permanent --purge-real-keys "$u2" >/dev/null 2>&1 || fail "regfs rm --permanent --purge-real-keys $u2"
  [ -f "$WORK/outside/victim.txt" ] || fail "a purge with real keys deleted a file outside the instance"
  assert_eq "$SECRET" "$(cat "$WORK/outside/victim.txt")" "the file outside the instance"
  "$REGFS" trash empty -C "$root" >/dev/null 2>&1 || true
  [ -f "$WORK/outside/victim.txt" ] || fail "regfs trash empty deleted a file outside the instance"
}

# ------------------------------------------------------------------ symlinks
# symlinked_instance ROOT MNT: an instance with a managed file, a real-key file and a real-key
# file in a real-key directory, then (unmounted) each replaced by a symlink that points
# outside: the managed file and real.txt to $WORK/secret.txt, the directory rk/ to
# $WORK/outdir (holding its own inner.txt). Sets SYM_UID (the managed record's uid).
symlinked_instance() {
  local root=$1 mnt=$2
  new_instance "$root"
  mount_regfs "$root" "$mnt" -o purge_real_keys
  echo "managed content" >"$mnt/artifacts/managed.txt"
  SYM_UID=$(sql "$root" "SELECT uid FROM $ART WHERE key = 'managed.txt'")
  echo "real content" >"$root/real.txt"
  mkdir -p "$root/rk" "$WORK/outdir"
  echo "inner content" >"$root/rk/inner.txt"
  echo "$SECRET" >"$WORK/outdir/inner.txt"
  insert_artifact "$root" "$(random_uid 20)" "'real.txt'" "'.txt'" 0 1 "$root/real.txt"
  insert_artifact "$root" "$(random_uid 20)" "'rk/inner.txt'" "'.txt'" 0 1 "$root/rk/inner.txt"
  wait_until 2 test -e "$mnt/artifacts/rk/inner.txt" || fail "planted real-key records not shown"
  unmount_regfs "$mnt"
  ln -sf "$WORK/secret.txt" "$root/.lamindb/$SYM_UID.txt"
  ln -sf "$WORK/secret.txt" "$root/real.txt"
  rm -rf "$root/rk"
  ln -s "$WORK/outdir" "$root/rk"
}

symlink_reads() {
  local root=$WORK/sym mnt=$WORK/sym-mnt out f
  symlinked_instance "$root" "$mnt"
  mount_regfs "$root" "$mnt" -o purge_real_keys
  for f in managed.txt real.txt rk/inner.txt; do
    out=$(cat "$mnt/artifacts/$f" 2>&1 || true)
    must_not_leak "$out" "read of artifacts/$f whose stored file (or its directory) is a symlink"
    assert_contains "$out" "Input/output error" "read of artifacts/$f through a symlink (EIO)"
    out=$(cp "$mnt/artifacts/$f" "$WORK/copied" 2>&1; cat "$WORK/copied" 2>/dev/null || true)
    rm -f "$WORK/copied"
    must_not_leak "$out" "cp of artifacts/$f"
  done
  # A new version of a key whose stored file is a symlink must not write through it.
  echo "new version" >>"$mnt/artifacts/real.txt" 2>/dev/null || true
  assert_eq "$SECRET" "$(cat "$WORK/secret.txt")" "the symlink target after a write to its record"
  unmount_regfs "$mnt"
}

symlink_purges() {
  local root=$WORK/symp mnt=$WORK/symp-mnt f
  symlinked_instance "$root" "$mnt"
  mount_regfs "$root" "$mnt" -o purge_real_keys
  # Purging (real keys too, by the mount option) removes the links, never what they point to.
  for f in managed.txt real.txt rk/inner.txt; do
    rm "$mnt/artifacts/$f" || fail "trash of artifacts/$f"
    rm "$mnt/.trash/artifacts/$f" || fail "purge of .trash/artifacts/$f"
  done
  unmount_regfs "$mnt"
  assert_eq "$SECRET" "$(cat "$WORK/secret.txt")" "the symlink target after the purges"
  [ -f "$WORK/outdir/inner.txt" ] || fail "purging rk/inner.txt (rk/ a symlink to $WORK/outdir) deleted $WORK/outdir/inner.txt, outside the instance"
  wait_until 2 test ! -L "$root/.lamindb/$SYM_UID.txt" || fail "the purge left the symlink of the managed file"
  assert_eq 0 "$(rows "$root")" "rows after the purges"
}

# ------------------------------------------------------------------ broken databases
# refuses ROOT WHAT: every way in (mount, ls, add, fsck) fails with a clear one-line message
# and nothing in ROOT changes.
refuses() {
  local root=$1 what=$2 before mnt=$WORK/refuse-mnt
  before=$(snapshot "$root")
  mkdir -p "$mnt" "$WORK/in"
  echo "new" >"$WORK/in/new.txt"
  capture "$REGFS" mount -C "$root" "$mnt"
  assert_rc 1 "mount of $what"
  ! mountpoint -q "$mnt" || { fusermount3 -u "$mnt"; fail "a $what was mounted"; }
  assert_contains "$ERR" "regfs: mount:" "message of the refused mount of $what"
  echo "    mount: $ERR"
  capture "$REGFS" ls -C "$root"
  assert_rc 1 "regfs ls of $what"
  assert_one_error_line "regfs ls of $what"
  capture "$REGFS" add -C "$root" "$WORK/in/new.txt"
  assert_rc 1 "regfs add to $what"
  assert_one_error_line "regfs add to $what"
  capture "$REGFS" fsck -C "$root" --repair
  assert_rc 1 "regfs fsck --repair of $what"
  assert_eq "$before" "$(snapshot "$root")" "files of the instance after the refusals ($what: nothing written)"
}

corrupt_db() {
  local root=$WORK/corrupt db
  new_instance "$root"
  echo "x" >"$WORK/x.txt"
  "$REGFS" add -C "$root" "$WORK/x.txt" >/dev/null
  db=$(db_of "$root")
  step "a database file that is not a database"
  cp "$db" "$WORK/good.db"
  rm -f "$db-wal" "$db-shm"
  head -c 65536 /dev/urandom >"$db"
  refuses "$root" "garbage database"
  step "a database with damaged pages"
  cp "$WORK/good.db" "$db"
  rm -f "$db-wal" "$db-shm"
  dd if=/dev/urandom of="$db" bs=4096 seek=2 count=6 conv=notrunc 2>/dev/null
  refuses "$root" "database with damaged pages"
  step "a truncated database"
  head -c 8192 "$WORK/good.db" >"$db"
  refuses "$root" "truncated database"
}

newer_layout() {
  local root=$WORK/newer db
  mkdir -p "$root/.lamindb"
  db=$root/.lamindb/lamin.db
  # A future LaminDB: the 2.x tables, but the state column renamed (branch_id -> lifecycle_id).
  sed 's/"branch_id"/"lifecycle_id"/g' "$FIXTURES/lamindb-2.10-schema.sql" | sqlite3 "$db"
  sqlite3 "$db" "INSERT INTO lamindb_space (id, name, uid) VALUES (1, 'all', 'aaaaaaaaaaaa');
    INSERT INTO lamindb_user (id, uid, handle, name) VALUES (1, 'testuser', 'testuser', 'Test');
    INSERT INTO lamindb_storage (id, uid, root, type, created_by_id) VALUES (1, 'st0rage00001', '$root', 'local', 1);" ||
    fail "could not build the newer-layout database"
  echo -n st0rage00001 >"$root/.lamindb/_is_initialized"
  refuses "$root" "database of an unknown newer layout"
  capture "$REGFS" ls -C "$root"
  assert_contains "$ERR" "layout" "the refusal names the unknown layout"
  assert_eq "" "$(sqlite3 "$db" "SELECT name FROM sqlite_master WHERE name LIKE 'regfs%'")" "regfs tables in the newer-layout database"
}

# ------------------------------------------------------------------ read-only instance
read_only_instance() {
  local root=$WORK/rw ro=$WORK/ro mnt=$WORK/ro-mnt before out
  new_instance "$root"
  echo "readable" >"$WORK/r.txt"
  "$REGFS" add -C "$root" --key r.txt "$WORK/r.txt" >/dev/null
  "$REGFS" rm -C "$root" r.txt >/dev/null
  "$REGFS" restore -C "$root" r.txt >/dev/null
  echo "trashed" >"$WORK/t.txt"
  "$REGFS" add -C "$root" --key t.txt "$WORK/t.txt" >/dev/null
  "$REGFS" rm -C "$root" t.txt >/dev/null
  mkdir -p "$ro"
  mount --bind "$root" "$ro" && mount -o remount,bind,ro "$ro" || skip "cannot make a read-only bind mount here"
  before=$(snapshot "$root")
  step "the CLI reads a read-only instance and refuses to write it"
  capture "$REGFS" ls -C "$ro"
  assert_rc 0 "regfs ls of a read-only instance"
  assert_contains "$OUT" "r.txt" "regfs ls of a read-only instance"
  capture "$REGFS" add -C "$ro" --key n.txt "$WORK/r.txt"
  assert_rc 1 "regfs add to a read-only instance"
  assert_one_error_line "regfs add to a read-only instance"
  step "the mount: reads work, writes fail with EROFS"
  mount_regfs "$ro" "$mnt"
  assert_eq "readable" "$(cat "$mnt/artifacts/r.txt")" "read on a read-only instance"
  assert_eq "trashed" "$(cat "$mnt/.trash/artifacts/t.txt")" "read of the trash on a read-only instance"
  assert_fails_with "Read-only file system" cp "$WORK/r.txt" "$mnt/artifacts/n.txt"
  assert_fails_with "Read-only file system" sh -c 'echo x >> "$1"' sh "$mnt/artifacts/r.txt"
  assert_fails_with "Read-only file system" rm "$mnt/artifacts/r.txt"
  assert_fails_with "Read-only file system" rm "$mnt/.trash/artifacts/t.txt"
  assert_fails_with "Read-only file system" mv "$mnt/.trash/artifacts/t.txt" "$mnt/artifacts/t.txt"
  assert_fails_with "Read-only file system" mkdir "$mnt/artifacts/d"
  assert_fails_with "Read-only file system" mv "$mnt/artifacts/r.txt" "$mnt/artifacts/r2.txt"
  assert_fails_with "Read-only file system" setfattr -n user.regfs.description -v x "$mnt/artifacts/r.txt"
  unmount_regfs "$mnt"
  # The daemon lets go of the instance's files when it exits, just after the unmount.
  wait_until 10 umount "$ro" || fail "the read-only mount of the instance stays busy after the unmount"
  assert_eq "$before" "$(snapshot "$root")" "the instance after the refused writes"
}

# ------------------------------------------------------------------ full disk
full_disk() {
  local disk=$WORK/disk root mnt=$WORK/disk-mnt out n before_rows
  mkdir -p "$disk"
  mount -t tmpfs -o size=8m tmpfs "$disk" || skip "cannot mount a tmpfs here"
  root=$disk/inst
  new_instance "$root"
  mount_regfs "$root" "$mnt"
  echo "before" >"$mnt/artifacts/before.txt"
  before_rows=$(rows "$root")
  head -c $((16 * 1024 * 1024)) /dev/urandom >"$WORK/big16.bin"
  step "cp of 16 MiB onto an 8 MiB disk: ENOSPC, no record"
  if out=$(cp "$WORK/big16.bin" "$mnt/artifacts/big.bin" 2>&1); then fail "cp onto a full disk succeeded"; fi
  assert_contains "$out" "No space left on device" "error of cp onto a full disk"
  assert_eq "$before_rows" "$(rows "$root")" "rows after the failed cp (no record half-made)"
  [ ! -e "$mnt/artifacts/big.bin" ] || fail "artifacts/big.bin shown after the failed cp: $(stat -c %s "$mnt/artifacts/big.bin" 2>&1) bytes"
  # (the mount keeps a few empty staging files ready for new files: only content counts)
  assert_eq 0 "$(find "$root/.lamindb/.regfs-staging" -type f -size +0c | grep -c . || true)" "staging files left by the failed cp"
  "$REGFS" fsck -C "$root" >"$WORK/fsck.out" 2>&1 || fail "fsck after the failed cp: $(cat "$WORK/fsck.out")"
  step "the instance stays usable: a small cp works, a remount works"
  rm -f "$mnt/artifacts/big.bin" 2>/dev/null || true
  echo "after" >"$mnt/artifacts/after.txt" || fail "small write after the full disk"
  assert_eq "after" "$(cat "$mnt/artifacts/after.txt")" "small write after the full disk"
  assert_eq "before" "$(cat "$mnt/artifacts/before.txt")" "earlier record after the full disk"
  step "the database itself on a full disk: a write fails cleanly, then works once space is back"
  n=$(rows "$root")
  head -c 16M /dev/zero >"$disk/filler" 2>/dev/null || true
  if echo "tiny" >"$mnt/artifacts/tiny.txt" 2>"$WORK/tiny.err"; then
    assert_eq $((n + 1)) "$(rows "$root")" "a tiny write that succeeded on a full disk made one record"
  else
    assert_contains "$(cat "$WORK/tiny.err")" "No space left on device" "error of a tiny write on a full disk"
    assert_eq "$n" "$(rows "$root")" "rows after a write refused on a full disk"
  fi
  rm -f "$disk/filler"
  echo "space again" >"$mnt/artifacts/again.txt" || fail "write after space came back"
  unmount_regfs "$mnt"
  mount_regfs "$root" "$mnt"
  assert_eq "space again" "$(cat "$mnt/artifacts/again.txt")" "record after remount"
  "$REGFS" fsck -C "$root" >"$WORK/fsck.out" 2>&1 || fail "fsck at the end: $(cat "$WORK/fsck.out")"
  check_rows_have_files "$root"
  unmount_regfs "$mnt"
}

full_managed_dir() {
  # The stored files' filesystem is full but the database's is not (.lamindb/ on a disk of
  # its own): the daemon must not record what it could not write.
  local root=$WORK/split mnt=$WORK/split-mnt out uid
  new_instance "$root"
  uid=$(cat "$root/.lamindb/_is_initialized")
  mount -t tmpfs -o size=8m tmpfs "$root/.lamindb" || skip "cannot mount a tmpfs here"
  echo -n "$uid" >"$root/.lamindb/_is_initialized"
  mount_regfs "$root" "$mnt"
  head -c $((16 * 1024 * 1024)) /dev/urandom >"$WORK/big16.bin"
  if out=$(cp "$WORK/big16.bin" "$mnt/artifacts/big.bin" 2>&1); then fail "cp onto a full disk succeeded"; fi
  assert_contains "$out" "No space left on device" "error of cp onto a full .lamindb"
  assert_eq 0 "$(rows "$root")" "rows after the failed cp (a truncated record was saved: $(sql "$root" "SELECT key || ' ' || size FROM $ART"))"
  [ ! -e "$mnt/artifacts/big.bin" ] || fail "artifacts/big.bin shown after the failed cp"
  echo "small" >"$mnt/artifacts/small.txt" || fail "small write after the failed cp"
  unmount_regfs "$mnt"
  "$REGFS" fsck -C "$root" >"$WORK/fsck.out" 2>&1 || fail "fsck after the failed cp: $(cat "$WORK/fsck.out")"
  check_rows_have_files "$root"
}

section "names of 255 and 256 bytes" long_names
section "newlines and invalid UTF-8 in names" odd_bytes
section "keys planted in the database (.., /, //, NUL, 256 bytes)" planted_keys
section "uids and suffixes planted in the database ('/', NUL, ..)" planted_uids_and_suffixes
section "real keys that point outside the instance" real_keys_outside
section "stored files and real-key directories replaced by symlinks: reads" symlink_reads
section "stored files and real-key directories replaced by symlinks: purges" symlink_purges
section "a corrupt database" corrupt_db
section "a database of an unknown newer layout" newer_layout
section "a read-only instance" read_only_instance
section "a full disk during cp" full_disk
section "a full .lamindb/ (database elsewhere) during cp" full_managed_dir
section "no sanitizer reports in the logs" check_sanitizer_reports
sections_verdict
echo "PASS: $TEST_NAME"
