#!/usr/bin/env bash
# shellcheck shell=bash
# A throwaway PostgreSQL server for the tests. Its data, log and unix socket live in one temp
# directory; it listens on 127.0.0.1 on a free port and on a socket in that directory only.
# Its superuser (regfs_admin) exists for set-up and connects through the socket (trust); the
# tests connect over TCP as regfs_test, a role with CREATEDB and a password (scram-sha-256), so
# that password handling is real. The cluster's default locale is ICU en-US where the server
# has ICU (LaminDB's own deployments use such locales; uid ordering must not depend on it), and
# fsync is off: nothing in it outlives the run.
#
# Sourced by scripts/test.sh:
#   regfs_pg_test_server   starts a server for the run, stopped when the script exits, and
#                          exports REGFS_TEST_PG_URL (postgresql://regfs_test:PW@127.0.0.1:PORT/
#                          postgres; no parameters, so ${REGFS_TEST_PG_URL%/*}/NAME names database
#                          NAME, which a test creates with CREATE DATABASE), REGFS_TEST_PG_SOCKET
#                          (the socket directory), REGFS_TEST_PG_PORT and REGFS_TEST_PG_HELPER
#                          (this script). Without a server the PostgreSQL tests skip; under
#                          CI=true it fails the run.
# Run by tests that need a server of their own (to restart it):
#   scripts/lib/pg.sh start DIR     start a server in DIR (an empty directory); prints its URL
#   scripts/lib/pg.sh restart DIR   stop it (fast: sessions are cut) and start it again
#   scripts/lib/pg.sh stop DIR      stop it and delete DIR
# Running as root, the server runs as the system user postgres (initdb refuses root).

REGFS_PG_ADMIN=regfs_admin
REGFS_PG_ROLE=regfs_test

# The newest installed server's bin directory (Debian: /usr/lib/postgresql/N/bin), or "".
regfs_pg_bindir() {
  local d best=""
  while IFS= read -r d; do
    [ -x "$d/initdb" ] && [ -x "$d/postgres" ] && [ -x "$d/pg_ctl" ] && best=$d
  done < <(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V)
  if [ -z "$best" ] && command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    best=$(dirname "$(command -v initdb)")
  fi
  echo "$best"
}

# Installs Debian's postgresql when no server is installed (through scripts/lib/deps.sh).
regfs_pg_ensure_installed() {
  [ -n "$(regfs_pg_bindir)" ] && return 0
  local here
  here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
  # shellcheck source=deps.sh
  source "$here/deps.sh"
  regfs_install_deps "${REGFS_PG_PACKAGES[@]}" || return 1
  [ -n "$(regfs_pg_bindir)" ]
}

# Runs a server program as the owner of the data directory.
_regfs_pg_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

_regfs_pg_free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Waits until the server in DIR answers on its port (pg_isready), 30 s at most; fails at once
# when its postmaster has exited: the log after byte OFFSET says it shut down, or its pid
# file names a process that is gone.
_regfs_pg_wait_ready() {
  local dir=$1 offset=$2 bin port t0 pid elapsed
  bin=$(regfs_pg_bindir)
  port=$(cat "$dir/port")
  t0=$(date +%s%N)
  until "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" -t 1; do
    elapsed=$((($(date +%s%N) - t0) / 1000000))
    pid=$(head -n 1 "$dir/data/postmaster.pid" 2>/dev/null || true)
    if tail -c "+$((offset + 1))" "$dir/server.log" 2>/dev/null |
      grep -q "database system is shut down" ||
      { [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; }; then
      echo "regfs pg: the server in $dir exited while starting:" >&2
      tail -c "+$((offset + 1))" "$dir/server.log" | tail -n 20 >&2
      return 1
    fi
    if [ "$elapsed" -gt 30000 ]; then
      echo "regfs pg: the server in $dir is not ready after 30 s" >&2
      tail -n 20 "$dir/server.log" >&2 2>/dev/null
      return 1
    fi
    sleep 0.05
  done
}

_regfs_pg_launch() {
  local dir=$1 bin offset
  bin=$(regfs_pg_bindir)
  offset=$(stat -c %s "$dir/server.log" 2>/dev/null || echo 0)
  _regfs_pg_as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -W start >/dev/null &&
    _regfs_pg_wait_ready "$dir" "$offset"
}

# Percent-encodes $1 for the user part of a URL.
_regfs_pg_urlencode() {
  python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$1"
}

# Starts a server in DIR and prints its URL; on failure it stops what it started.
regfs_pg_start() {
  local dir=$1 bin port pw locale_args=() url
  bin=$(regfs_pg_bindir)
  if [ -z "$bin" ]; then
    echo "regfs pg: no PostgreSQL server installed (Debian package postgresql)" >&2
    return 1
  fi
  mkdir -p "$dir" || return 1
  if [ "$(id -u)" -eq 0 ]; then
    if ! id postgres >/dev/null 2>&1; then
      echo "regfs pg: running as root needs the system user postgres to run the server" >&2
      return 1
    fi
    chown postgres "$dir" || return 1
    if ! runuser -u postgres -- test -w "$dir"; then
      echo "regfs pg: the user postgres cannot write $dir" >&2
      return 1
    fi
  fi
  # ICU en-US where this server has ICU (PostgreSQL 15+), else the C.UTF-8 libc locale.
  if "$bin/initdb" --help 2>/dev/null | grep -q -- --locale-provider; then
    locale_args=(--locale-provider=icu --icu-locale=en-US --locale=C.UTF-8)
  else
    locale_args=(--locale=C.UTF-8)
  fi
  if ! _regfs_pg_as_owner "$bin/initdb" -D "$dir/data" -U "$REGFS_PG_ADMIN" -E UTF8 \
    "${locale_args[@]}" --auth-local=trust --auth-host=scram-sha-256 -N --no-instructions \
    >"$dir/initdb.log" 2>&1; then
    rm -rf "$dir/data"
    if ! _regfs_pg_as_owner "$bin/initdb" -D "$dir/data" -U "$REGFS_PG_ADMIN" -E UTF8 \
      --auth-local=trust --auth-host=scram-sha-256 -N --no-instructions \
      >>"$dir/initdb.log" 2>&1; then
      echo "regfs pg: initdb failed:" >&2
      tail -n 20 "$dir/initdb.log" >&2
      return 1
    fi
  fi
  # A free port may be taken before the server binds it: three tries. (In postgresql.conf
  # the last setting of a name wins.)
  local try started=0
  for try in 1 2 3; do
    port=$(_regfs_pg_free_port) || return 1
    echo "$port" >"$dir/port"
    # As the owner: the configuration file is the server's.
    _regfs_pg_as_owner tee -a "$dir/data/postgresql.conf" >/dev/null <<EOF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
fsync = off
full_page_writes = off
max_connections = 100
shared_buffers = 32MB
log_min_messages = warning
log_connections = off
EOF
    if _regfs_pg_launch "$dir"; then
      started=1
      break
    fi
    regfs_pg_stop_server "$dir"
    echo "regfs pg: start attempt $try on port $port failed" >&2
  done
  [ "$started" -eq 1 ] || return 1
  # A password with characters a URL must encode (':', '@', '/'), as users' passwords have.
  pw="rf$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n'):@/x"
  if ! "$bin/psql" -X -q -h "$dir" -p "$port" -U "$REGFS_PG_ADMIN" -d postgres \
    -v ON_ERROR_STOP=1 -c "CREATE ROLE $REGFS_PG_ROLE LOGIN CREATEDB PASSWORD '$pw'" \
    >>"$dir/initdb.log" 2>&1; then
    echo "regfs pg: could not create the test role:" >&2
    tail -n 5 "$dir/initdb.log" >&2
    regfs_pg_stop_server "$dir"
    return 1
  fi
  url="postgresql://$REGFS_PG_ROLE:$(_regfs_pg_urlencode "$pw")@127.0.0.1:$port/postgres"
  echo "$url" >"$dir/url"
  echo "$url"
}

regfs_pg_restart() {
  local dir=$1 bin
  bin=$(regfs_pg_bindir)
  _regfs_pg_as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >/dev/null &&
    _regfs_pg_launch "$dir"
}

# Stops the server in DIR: pg_ctl, else its postmaster's PID (the first line of
# postmaster.pid, a process this script started).
regfs_pg_stop_server() {
  local dir=$1 bin pid
  bin=$(regfs_pg_bindir)
  [ -f "$dir/data/postmaster.pid" ] || return 0
  if ! _regfs_pg_as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >/dev/null 2>&1; then
    pid=$(head -n 1 "$dir/data/postmaster.pid" 2>/dev/null)
    if [ -n "$pid" ]; then
      kill -QUIT "$pid" 2>/dev/null
    fi
  fi
  return 0
}

regfs_pg_stop() {
  local dir=$1
  regfs_pg_stop_server "$dir"
  rm -rf "$dir"
}

# Runs CMD when the calling script exits, after the commands already set to run then.
regfs_on_exit() {
  local cmd=$1 prev
  prev=$(trap -p EXIT)
  if [ -n "$prev" ]; then
    eval "set -- $prev"  # trap -- 'COMMANDS' EXIT
    prev="$3"$'\n'
  fi
  # shellcheck disable=SC2064
  trap "$prev$cmd" EXIT
}

# For scripts/test.sh: a server for the whole run (see the top of this file).
regfs_pg_test_server() {
  local dir url t0 why=""
  t0=$(date +%s%N)
  if ! regfs_pg_ensure_installed; then
    why="PostgreSQL is not installed and could not be installed"
  else
    local parent=${TMPDIR:-/tmp}
    # Running as root, the server's user must reach the directory.
    if [ "$(id -u)" -eq 0 ] && id postgres >/dev/null 2>&1 &&
      ! runuser -u postgres -- test -x "$parent"; then
      parent=/tmp
    fi
    dir=$(mktemp -d "$parent/regfs-pg.XXXXXX")
    if url=$(regfs_pg_start "$dir"); then
      regfs_on_exit "regfs_pg_stop '$dir'"
      # An interrupted run still stops it (the EXIT trap runs on exit).
      trap 'exit 130' INT
      trap 'exit 143' TERM
      export REGFS_TEST_PG_URL=$url REGFS_TEST_PG_SOCKET=$dir
      REGFS_TEST_PG_PORT=$(cat "$dir/port")
      REGFS_TEST_PG_HELPER=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/pg.sh
      export REGFS_TEST_PG_PORT REGFS_TEST_PG_HELPER
      echo "=== PostgreSQL test server on 127.0.0.1:$REGFS_TEST_PG_PORT (data in $dir)," \
        "ready in $((($(date +%s%N) - t0) / 1000000)) ms"
      return 0
    fi
    rm -rf "$dir"
    why="the PostgreSQL test server did not start"
  fi
  unset REGFS_TEST_PG_URL
  if [ "${CI:-}" = true ]; then
    echo "=== FAIL: $why (CI=true)" >&2
    return 1
  fi
  echo "=== NOTE: $why: the PostgreSQL tests are skipped"
  return 0
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -uo pipefail
  case ${1:-} in
    start) regfs_pg_start "${2:?usage: pg.sh start DIR}" ;;
    restart) regfs_pg_restart "${2:?usage: pg.sh restart DIR}" ;;
    stop) regfs_pg_stop "${2:?usage: pg.sh stop DIR}" ;;
    *)
      echo "usage: scripts/lib/pg.sh start|restart|stop DIR" >&2
      exit 2
      ;;
  esac
fi
