#!/usr/bin/env bash
# Makes a local PostgreSQL ready for the tests and prints its connection string (the only line on stdout):
#   export DIGITALTWIN_TEST_POSTGRES="$(scripts/start-postgres.sh)"
# Installs PostgreSQL on a fresh Debian machine, starts the cluster if it is down and creates the test role.
# Idempotent; the tests create (and drop) their own databases with this role.
set -euo pipefail

user="${DIGITALTWIN_PG_USER:-digitaltwin}"
password="${DIGITALTWIN_PG_PASSWORD:-digitaltwin}"
if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi

if ! command -v pg_ctlcluster >/dev/null; then
  echo "Installing postgresql ..." >&2
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends postgresql >/dev/null
fi

# The newest installed cluster; apt creates "main" when it installs the server.
read -r version cluster port status _ < <(pg_lsclusters --no-header | sort -k1,1n | tail -n 1)
if [ "$status" != "online" ]; then
  echo "Starting PostgreSQL $version/$cluster on port $port ..." >&2
  $sudo pg_ctlcluster "$version" "$cluster" start >&2
fi

as_postgres() { if [ "$(id -u)" -eq 0 ]; then su postgres -c "$1"; else sudo -u postgres bash -c "$1"; fi; }
for _ in $(seq 1 30); do
  as_postgres "psql -p $port -tAc 'SELECT 1'" >/dev/null 2>&1 && break
  sleep 1
done
# Superuser: the tests create and drop a database per test class.
if [ "$(as_postgres "psql -p $port -tAc \"SELECT 1 FROM pg_roles WHERE rolname = '$user'\"")" != "1" ]; then
  echo "Creating role $user ..." >&2
  as_postgres "psql -p $port -q -c \"CREATE ROLE $user LOGIN SUPERUSER PASSWORD '$password'\"" >&2
fi

echo "Host=127.0.0.1;Port=$port;Username=$user;Password=$password;Database=postgres"
