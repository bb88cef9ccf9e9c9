#!/usr/bin/env bash
# The checks every mount suite's cleanup makes (tests/lib.sh), shown to catch what they are
# for: each case is a small test script of its own, run as a child, whose exit status and
# message are checked here.
#   - a clean mount and unmount passes, and the daemon's pid is known to the test;
#   - a daemon still running after its unmount fails the test (and is killed);
#   - a sanitizer report in the daemon's log fails a test that otherwise passed.
# shellcheck source=../lib.sh
source "${REGFS_TESTLIB:?REGFS_TESTLIB not set (run through ctest)}"
require_fuse

# child NAME BODY: runs BODY as a test script that sources lib.sh; sets CHILD_RC, CHILD_OUT.
child() {
  local script=$WORK/$1.sh
  {
    echo "source \"\$REGFS_TESTLIB\""
    echo "ROOT=\$WORK/inst MNT=\$WORK/mnt"
    printf '%s\n' "$2"
  } >"$script"
  CHILD_RC=0
  CHILD_OUT=$(REGFS_DAEMON_EXIT_GRACE=2 bash "$script" 2>&1) || CHILD_RC=$?
}

step "a clean mount and unmount passes; the daemon's pid is known"
child clean 'new_instance "$ROOT"
mount_regfs "$ROOT" "$MNT"
[ -d "/proc/$MOUNT_PID" ] || fail "no process $MOUNT_PID"
tr "\0" " " <"/proc/$MOUNT_PID/cmdline" | grep -q " mount " || fail "$MOUNT_PID is no regfs mount"
echo "daemon $MOUNT_PID"
unmount_regfs "$MNT"
daemon_exited "$MOUNT_PID" || fail "daemon $MOUNT_PID still there after unmount_regfs returned"
echo "PASS: clean"'
assert_eq 0 "$CHILD_RC" "clean mount and unmount: exit status (output: $CHILD_OUT)"
assert_contains "$CHILD_OUT" "PASS: clean" "clean mount and unmount"

# stuck_case NAME UNMOUNT MESSAGE: a child whose daemon is stopped (so it cannot exit when
# the kernel lets go of its mount), unmounted by the child (UNMOUNT=1) or left to its
# cleanup (0), must fail with MESSAGE, and the cleanup must not leave that daemon behind.
stuck_case() {
  local name=$1 unmount=$2 message=$3 stuck
  child "$name" 'new_instance "$ROOT"
mount_regfs "$ROOT" "$MNT"
echo "$MOUNT_PID" >"'"$WORK/$name"'.pid"
kill -STOP "$MOUNT_PID"
[ '"$unmount"' = 0 ] || unmount_regfs "$MNT"
echo "PASS: '"$name"'"'
  assert_eq 1 "$CHILD_RC" "$name: exit status (output: $CHILD_OUT)"
  assert_contains "$CHILD_OUT" "$message" "$name"
  stuck=$(cat "$WORK/$name.pid")
  wait_until 5 daemon_exited "$stuck" || fail "$name: the stopped daemon $stuck was left running"
}

step "a daemon that does not exit after its unmount fails the test"
stuck_case stuck 1 "still running 2 s after unmounting"

step "the same when the test leaves the unmount to the cleanup"
stuck_case stuck_at_cleanup 0 "still running 2 s after its mount went"

step "a sanitizer report in the daemon's log fails a test that passed"
child sanitized 'new_instance "$ROOT"
mount_regfs "$ROOT" "$MNT"
echo "==4242==ERROR: AddressSanitizer: heap-use-after-free on address 0x602000000010" >>"$WORK/daemon.log"
unmount_regfs "$MNT"
echo "PASS: sanitized"'
assert_eq 1 "$CHILD_RC" "a sanitizer report: exit status (output: $CHILD_OUT)"
assert_contains "$CHILD_OUT" "sanitizer reports in" "a sanitizer report"
assert_contains "$CHILD_OUT" "heap-use-after-free" "the report is shown"

step "and one in a file ASAN_OPTIONS' log_path names"
mkdir -p "$WORK/asan"
child sanitized_file 'echo "==4243==ERROR: LeakSanitizer: detected memory leaks" >"'"$WORK"'/asan/report.4243"
echo "PASS: sanitized_file"'
CHILD_RC=0
CHILD_OUT=$(ASAN_OPTIONS="detect_leaks=1:log_path=$WORK/asan/report" bash "$WORK/sanitized_file.sh" 2>&1) || CHILD_RC=$?
assert_eq 1 "$CHILD_RC" "a report in a log_path file: exit status (output: $CHILD_OUT)"
assert_contains "$CHILD_OUT" "LeakSanitizer" "a report in a log_path file"
echo "PASS: $TEST_NAME"
