#!/usr/bin/env bash
# Runs a command with a local PostgreSQL cluster started and TESSERA_TEST_PG_URL exported: the base
# URL the tests make their throwaway databases from (src/main/mfa/store/testing/). Idempotent: a
# cluster already running and a role already there are fine. Needs Debian's `postgresql` package
# and root (it starts the cluster and administers it as the `postgres` user).
# Without PostgreSQL the command still runs and the PostgreSQL tests skip, saying why; under CI
# (CI=true or TESSERA_REQUIRE_POSTGRES=1, which .ci/run sets) a missing PostgreSQL is an error. A TESSERA_TEST_PG_URL already set is used as it is.
# Usage: scripts/with-postgres.sh npm run test:all
set -euo pipefail
if [ -n "${TESSERA_TEST_PG_URL:-}" ]; then exec "$@"; fi

ROLE=tessera_test
PASSWORD=tessera_test


start_cluster() {
  command -v pg_lsclusters >/dev/null || { echo "PostgreSQL is not installed (apt install postgresql)"; return 1; }
  [ "$(id -u)" = 0 ] || { echo "starting PostgreSQL needs root (or set TESSERA_TEST_PG_URL)"; return 1; }
  local version cluster status
  read -r version cluster _ status _ < <(pg_lsclusters --no-header | head -n 1) || true
  [ -n "${version:-}" ] || { echo "no PostgreSQL cluster (pg_createcluster)"; return 1; }
  if [ "$status" != online ]; then
    # Another run starting it at the same moment is fine: what counts is that it is online.
    pg_ctlcluster --skip-systemctl-redirect "$version" "$cluster" start >/dev/null 2>&1 ||
      pg_lsclusters --no-header | awk -v v="$version" -v c="$cluster" '$1 == v && $2 == c && $4 == "online" { ok = 1 } END { exit !ok }' ||
      { echo "PostgreSQL $version/$cluster did not start"; return 1; }
  fi
  # A role that logs in over TCP with a password and may create the throwaway databases. Two runs
  # creating it at once: one of them loses the race and simply tries again.
  local try
  for try in 1 2 3; do
    runuser -u postgres -- psql -p "$PORT" -qAt -v ON_ERROR_STOP=1 >/dev/null 2>&1 <<SQL && return 0
SELECT 'CREATE ROLE $ROLE' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$ROLE')\gexec
ALTER ROLE $ROLE WITH LOGIN CREATEDB PASSWORD '$PASSWORD';
GRANT pg_signal_backend TO $ROLE;
SQL
    sleep "$try"
  done
  echo "could not create the role $ROLE"
  return 1
}

# The first cluster's port (read here: start_cluster runs in a subshell).
PORT=$( (pg_lsclusters --no-header 2>/dev/null || true) | awk 'NR == 1 { print $3 }')
PORT=${PORT:-5432}
if reason=$(start_cluster 2>&1); then
  export TESSERA_TEST_PG_URL="postgres://$ROLE:$PASSWORD@127.0.0.1:$PORT/postgres"
  exec "$@"
fi
reason=${reason:-PostgreSQL unavailable}
if [ "${CI:-}" = "true" ] || [ -n "${TESSERA_REQUIRE_POSTGRES:-}" ]; then echo "with-postgres: $reason" >&2; exit 1; fi
echo "with-postgres: $reason; the PostgreSQL tests will be skipped" >&2
export TESSERA_TEST_PG_SKIP="$reason"
exec "$@"
