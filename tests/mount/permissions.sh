#!/usr/bin/env bash
# Permissions (SPEC.md section 4: "The mount is private to the mounting user unless
# -o allow_other is given; with it, permissions are enforced by the kernel
# (default_permissions)"), tested with a real second user (nobody, through runuser):
#   - without -o allow_other, another user can neither list nor read the mount;
#   - with it, the kernel enforces the modes: reading a 0644 file works, writing, removing,
#     renaming, mkdir and xattr edits are refused, and the registry does not change;
#   - the database and stored files are not readable by other users unless the instance
#     directory already allows it, whatever regfs creates in it (init, add, writes through
#     the mount, fsck), and regfs never widens the instance directory's mode;
#   - files regfs creates respect the creator's umask;
#   - another user who may read a shared instance (but not write it) can list it with the
#     CLI, and is refused a write with a clear message.
# Needs root (to mount for, and switch to, another user).
# shellcheck source=../lib.sh
source "${REGFS_TESTLIB:?REGFS_TESTLIB not set (run through ctest)}"
require_fuse
trap reliability_cleanup EXIT
[ "$(id -u)" = 0 ] || skip "needs root to act as a second user"
OTHER=nobody
id "$OTHER" >/dev/null 2>&1 || skip "no user $OTHER"
command -v runuser >/dev/null || skip "runuser missing"
as_other() { runuser -u "$OTHER" -- "$@"; }
ART=lnschema_core_artifact
# The second user must be able to reach the test directory and run the binary.
chmod 755 "$WORK"
as_other "$REGFS" --version >/dev/null 2>&1 || skip "$OTHER cannot run $REGFS"
EACCES="Permission denied"

snapshot_db() { sql "$1" "SELECT * FROM $ART ORDER BY id"; }

# A private instance with two records (one trashed) and a mount of it.
setup_instance() {
  local root=$1
  mkdir -p "$root"
  new_instance "$root"
  echo "public content" >"$WORK/pub.txt"
  "$REGFS" add -C "$root" --key pub.txt "$WORK/pub.txt" >/dev/null
  echo "trashed content" >"$WORK/tr.txt"
  "$REGFS" add -C "$root" --key tr.txt "$WORK/tr.txt" >/dev/null
  "$REGFS" rm -C "$root" tr.txt >/dev/null
}

private_mount() {
  local root=$WORK/priv mnt=$WORK/priv-mnt
  setup_instance "$root"
  chmod 755 "$root"
  mount_regfs "$root" "$mnt"
  chmod 755 "$mnt" 2>/dev/null || true
  assert_eq "public content" "$(cat "$mnt/artifacts/pub.txt")" "the owner reads the mount"
  assert_fails_with "$EACCES" as_other ls "$mnt/artifacts"
  assert_fails_with "$EACCES" as_other cat "$mnt/artifacts/pub.txt"
  assert_fails_with "$EACCES" as_other stat "$mnt/artifacts/pub.txt"
  assert_fails_with "$EACCES" as_other ls "$mnt"
  unmount_regfs "$mnt"
}

allow_other_mount() {
  local root=$WORK/shared mnt=$WORK/shared-mnt before
  setup_instance "$root"
  mount_regfs "$root" "$mnt" -o allow_other
  before=$(snapshot_db "$root")
  step "reads: allowed by the modes"
  as_other ls "$mnt/artifacts" >"$WORK/ls.out" 2>&1 || fail "$OTHER cannot list an allow_other mount: $(cat "$WORK/ls.out")"
  assert_contains "$(cat "$WORK/ls.out")" "pub.txt" "listing by $OTHER"
  assert_eq "$(stat -c %a "$mnt/artifacts/pub.txt")" 644 "mode of a visible file"
  assert_eq "public content" "$(as_other cat "$mnt/artifacts/pub.txt")" "$OTHER reads a 0644 file"
  assert_eq "trashed content" "$(as_other cat "$mnt/.trash/artifacts/tr.txt")" "$OTHER reads a trashed file"
  step "writes: refused by the modes (owner root), nothing changes"
  assert_fails_with "$EACCES" as_other sh -c 'echo x > "$1"' sh "$mnt/artifacts/new.txt"
  assert_fails_with "$EACCES" as_other sh -c 'echo x >> "$1"' sh "$mnt/artifacts/pub.txt"
  assert_fails_with "$EACCES" as_other truncate -s 0 "$mnt/artifacts/pub.txt"
  assert_fails_with "$EACCES" as_other rm -f "$mnt/artifacts/pub.txt"
  assert_fails_with "$EACCES" as_other rm -f "$mnt/.trash/artifacts/tr.txt"
  assert_fails_with "$EACCES" as_other mv "$mnt/.trash/artifacts/tr.txt" "$mnt/artifacts/tr.txt"
  assert_fails_with "$EACCES" as_other mv "$mnt/artifacts/pub.txt" "$mnt/artifacts/moved.txt"
  assert_fails_with "$EACCES" as_other mkdir "$mnt/artifacts/d"
  if command -v setfattr >/dev/null; then
    assert_fails_with "$EACCES" as_other setfattr -n user.regfs.description -v mine "$mnt/artifacts/pub.txt"
  fi
  assert_eq "$before" "$(snapshot_db "$root")" "the registry after $OTHER's refused writes"
  assert_eq "public content" "$(cat "$mnt/artifacts/pub.txt")" "the owner still reads the file"
  unmount_regfs "$mnt"
}

# The files an instance is made of: the database (and its -wal/-shm), .lamindb/ and
# everything in it.
instance_files() {
  find "$1" -mindepth 1 \( -name '*.lndb*' -o -path "$1/.lamindb" -o -path "$1/.lamindb/*" \)
}

private_files() {
  local root=$WORK/private/inst mnt=$WORK/private-mnt f uid
  mkdir -p "$WORK/private"
  chmod 755 "$WORK/private"
  mkdir -m 700 "$root"
  step "an instance directory of mode 0700, used by its owner (umask 022)"
  (umask 022 && new_instance "$root")
  echo "secret data" >"$WORK/secret.txt"
  (umask 022 && "$REGFS" add -C "$root" --key s.txt "$WORK/secret.txt" >/dev/null)
  (umask 022 && mount_regfs "$root" "$mnt")
  echo "written through the mount" >"$mnt/artifacts/w.txt"
  unmount_regfs "$mnt"
  "$REGFS" fsck -C "$root" --repair >/dev/null || fail "fsck of the private instance"
  assert_eq 700 "$(stat -c %a "$root")" "mode of the instance directory after init, add, a mount and fsck (never widened)"
  uid=$(sql "$root" "SELECT uid FROM $ART WHERE key = 's.txt'")
  step "$OTHER cannot read any of it"
  for f in $(instance_files "$root") "$root/.lamindb/$uid.txt"; do
    if as_other cat "$f" >/dev/null 2>&1 || as_other ls "$f" >/dev/null 2>&1; then
      fail "$OTHER can read $f of an instance whose directory is 0700"
    fi
  done
  capture as_other "$REGFS" ls -C "$root"
  assert_rc 1 "regfs ls by $OTHER on a private instance"
  assert_one_error_line "regfs ls by $OTHER on a private instance"
}

umask_respected() {
  local root=$WORK/um/inst mnt=$WORK/um-mnt f mode bad=""
  mkdir -p "$root"
  chmod 755 "$WORK/um" "$root"
  step "umask 077: what regfs creates is private even in an open directory"
  (umask 077 && new_instance "$root")
  echo "mine" >"$WORK/mine.txt"
  (umask 077 && "$REGFS" add -C "$root" --key mine.txt "$WORK/mine.txt" >/dev/null)
  mkdir -p "$mnt"
  (umask 077 && "$REGFS" mount -C "$root" "$mnt" 2>>"$WORK/daemon.log") || fail "mount with umask 077"
  echo "through the mount" >"$mnt/artifacts/t.txt"
  unmount_regfs "$mnt"
  for f in $(instance_files "$root"); do
    # The daemon may still be closing the database (its -wal/-shm files go) after the unmount.
    mode=$(stat -c %a "$f" 2>/dev/null) || continue
    case $mode in *00) ;; *) bad+=" $f($mode)" ;; esac
  done
  [ -z "$bad" ] || fail "files created under umask 077 that others may access:$bad"
  for f in "$root/.lamindb/"*; do
    if as_other cat "$f" >/dev/null 2>&1; then fail "$OTHER reads $f created under umask 077"; fi
  done
}

shared_read_only() {
  local root=$WORK/open/inst before
  mkdir -p "$WORK/open"
  chmod 755 "$WORK/open"
  step "an instance others may read (0755, umask 022): $OTHER lists it, cannot write it"
  (umask 022 && setup_instance "$root")
  chmod 755 "$root"
  before=$(snapshot_db "$root")
  capture as_other "$REGFS" ls -C "$root"
  assert_rc 0 "regfs ls by $OTHER on an instance it may read"
  assert_contains "$OUT" "pub.txt" "regfs ls by $OTHER"
  echo "intruder" >"$WORK/intruder.txt"
  chmod 644 "$WORK/intruder.txt"
  capture as_other "$REGFS" add -C "$root" --key intruder.txt "$WORK/intruder.txt"
  assert_rc 1 "regfs add by $OTHER on an instance it may not write"
  assert_one_error_line "regfs add by $OTHER"
  capture as_other "$REGFS" rm -C "$root" --permanent pub.txt
  assert_rc 1 "regfs rm --permanent by $OTHER"
  assert_eq "$before" "$(snapshot_db "$root")" "the registry after $OTHER's refused writes"
  [ -z "$(find "$root" -user "$OTHER")" ] || fail "$OTHER left files in the instance: $(find "$root" -user "$OTHER")"
}

section "without -o allow_other another user can neither list nor read" private_mount
section "with -o allow_other the kernel enforces the modes" allow_other_mount
section "a private instance directory keeps its files private" private_files
section "files regfs creates respect the umask" umask_respected
section "another user reads a shared instance but cannot write it" shared_read_only
section "no sanitizer reports in the logs" check_sanitizer_reports
sections_verdict
echo "PASS: $TEST_NAME"
