#!/usr/bin/env bash
# `rm` of a trashed record on a terminal asks "... permanently delete it? (y/n)" and purges
# only on "y". A terminal is simulated with script(1).
# shellcheck source=../lib.sh
source "${REGFS_TESTLIB:?REGFS_TESTLIB not set (run through ctest)}"

command -v script >/dev/null || skip "script(1) not installed"
ROOT=$WORK/inst
ART=lnschema_core_artifact
new_instance "$ROOT"
printf 'to be confirmed\n' > "$WORK/c.txt"
capture "$REGFS" -C "$ROOT" add "$WORK/c.txt" --key c.txt
assert_rc 0 "add"
UID_=$(sql "$ROOT" "SELECT uid FROM $ART")

# on_terminal ANSWER ARGS...: runs regfs ARGS on a pseudo-terminal, typing ANSWER.
on_terminal() {
  local answer=$1 cmd
  shift
  cmd=$(printf '%q ' "$REGFS" "$@")
  printf '%s\n' "$answer" | script -qec "$cmd" /dev/null
}

step "a visible record is trashed without a question"
OUT=$(on_terminal n -C "$ROOT" rm "$UID_")
assert_not_contains "$OUT" "(y/n)" "no question for trashing"
assert_eq -1 "$(sql "$ROOT" "SELECT visibility FROM $ART WHERE uid='$UID_'")" "trashed"

step "answering n keeps the trashed record"
OUT=$(on_terminal n -C "$ROOT" rm "$UID_")
assert_contains "$OUT" "permanently delete it? (y/n)" "the question"
assert_eq -1 "$(sql "$ROOT" "SELECT visibility FROM $ART WHERE uid='$UID_'")" "still trashed after n"
[ -f "$ROOT/.lamindb/$UID_.txt" ] || fail "stored file deleted after n"

step "answering y purges it"
OUT=$(on_terminal y -C "$ROOT" rm "$UID_")
assert_contains "$OUT" "(y/n)" "the question"
assert_eq 0 "$(sql "$ROOT" "SELECT count(*) FROM $ART WHERE uid='$UID_'")" "purged after y"
[ ! -e "$ROOT/.lamindb/$UID_.txt" ] || fail "stored file kept after y"
echo "PASS: $TEST_NAME"
