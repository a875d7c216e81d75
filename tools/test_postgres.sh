#!/usr/bin/env bash
# A private, throwaway PostgreSQL cluster for the test suite (never for real data).
#
#   tools/test_postgres.sh start [DIR]   initdb (first time) and start it; prints the URL
#   tools/test_postgres.sh stop  [DIR]   stop it (the data stays in DIR)
#   tools/test_postgres.sh url   [DIR]   the URL the tests take (PILOTAGE_TEST_DATABASE_URL)
#
# DIR defaults to /tmp/pilotage-pg, the port to 55432 (PILOTAGE_TEST_PG_PORT; the next free
# one if taken when the cluster is made). It listens on 127.0.0.1 only, trusts loopback
# connections, and trades durability for speed (fsync, synchronous_commit and full page
# writes off): a crash loses the cluster, which the tests rebuild anyway. PostgreSQL refuses
# to run as root, so as root (CI) the server runs as the `postgres` user Debian's package makes.
set -euo pipefail

command=${1:-}
dir=${2:-/tmp/pilotage-pg}
data="$dir/data"
role=pilotage_test
database=pilotage_test

pg_bin() {
  if [ -n "${PG_BIN:-}" ]; then
    echo "$PG_BIN"
    return
  fi
  # Debian keeps the server's programs (and a psql of the same version) out of PATH.
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$found" ] && command -v pg_ctl >/dev/null 2>&1; then
    found=$(dirname "$(readlink -f "$(command -v pg_ctl)")")
  fi
  if [ -z "$found" ]; then
    echo "no PostgreSQL server found: install the postgresql package or set PG_BIN" >&2
    exit 1
  fi
  echo "$found"
}

# Runs a server program as the cluster's owner: ourselves, or `postgres` when we are root.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

port_in_use() {
  (echo >"/dev/tcp/127.0.0.1/$1") >/dev/null 2>&1
}

port() {
  cat "$dir/port"
}

url() {
  echo "postgresql+psycopg://$role@127.0.0.1:$(port)/$database"
}

make_cluster() {
  local bin=$1 chosen=${PILOTAGE_TEST_PG_PORT:-55432}
  while port_in_use "$chosen"; do
    chosen=$((chosen + 1))
  done
  mkdir -p "$dir"
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$dir"
  fi
  as_owner "$bin/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 \
    >"$dir/initdb.log"
  cat >>"$data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $chosen
unix_socket_directories = '$dir'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
EOF
  # Only loopback, no Unix socket logins from other users of the machine: a test cluster.
  cat >"$data/pg_hba.conf" <<EOF
local all all trust
host all all 127.0.0.1/32 trust
EOF
  echo "$chosen" | as_owner tee "$dir/port" >/dev/null
}

start() {
  local bin
  bin=$(pg_bin)
  [ -f "$data/PG_VERSION" ] || make_cluster "$bin"
  if ! as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    as_owner "$bin/pg_ctl" -D "$data" -l "$dir/server.log" -w start >/dev/null
  fi
  local psql=("$bin/psql" -h 127.0.0.1 -p "$(port)" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt)
  if [ -z "$("${psql[@]}" -c "SELECT 1 FROM pg_roles WHERE rolname = '$role'")" ]; then
    "${psql[@]}" -c "CREATE ROLE $role LOGIN CREATEDB"
  fi
  # pg_signal_backend: DROP DATABASE ... WITH (FORCE) ends the connections a test left.
  "${psql[@]}" -c "SET client_min_messages = warning; GRANT pg_signal_backend TO $role"
  if [ -z "$("${psql[@]}" -c "SELECT 1 FROM pg_database WHERE datname = '$database'")" ]; then
    "${psql[@]}" -c "CREATE DATABASE $database OWNER $role"
  fi
  url
}

stop() {
  local bin
  bin=$(pg_bin)
  if [ -f "$data/PG_VERSION" ] && as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    as_owner "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null
  fi
}

case "$command" in
  start) start ;;
  stop) stop ;;
  url) url ;;
  *)
    echo "usage: $0 start|stop|url [DIR]" >&2
    exit 2
    ;;
esac
