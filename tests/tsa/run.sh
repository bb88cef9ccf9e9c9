#!/usr/bin/env bash
# The thread-safety build's own check: the compiler with the build's analysis flags must
# reject a guarded field touched without its lock and two locks taken against their written
# order, and accept the same shapes used correctly; and the same for the mount's locks: a
# database load under the view's lock and the writer taken under it are rejected. Without it, a flag lost from the build
# would let every annotation in the tree pass unchecked.
#
#   run.sh CXX SOURCE_ROOT FLAG...
set -u
cxx=$1 root=$2
shift 2
flags=("$@")
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
fail=0

# expect ok|reject FILE [MESSAGE]
expect() {
  local want=$1 file=$2 message=${3:-} out rc
  out=$("$cxx" -std=c++20 -fsyntax-only "${flags[@]}" -I"$root" "$here/$file" 2>&1 >/dev/null)
  rc=$?
  if [ "$want" = ok ] && [ "$rc" -ne 0 ]; then
    echo "FAIL: $file should compile cleanly:"
    echo "$out"
    fail=1
  elif [ "$want" = reject ] && { [ "$rc" -eq 0 ] || ! grep -qF -- "$message" <<<"$out"; }; then
    echo "FAIL: $file should be rejected with \"$message\" (exit $rc):"
    echo "$out"
    fail=1
  else
    echo "ok: $file ($want)"
  fi
}

expect ok good.cc
expect reject unguarded.cc "requires holding mutex 'mu'"
expect reject lock_order.cc "mutex 'outer' must be acquired before 'inner'"
# The mount's own rules (fs/session/session.h): they stay checked.
expect ok fs_good.cc
expect reject fs_db_under_view.cc "cannot call function 'EnsureMembers' while shared_mutex 's.view().mu_' is held"
expect reject fs_writer_under_view.cc "mutex 'mu_' must be acquired before 'mu_'"
exit $fail
