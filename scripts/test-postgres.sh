#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: initdb in a temporary folder, pg_ctl on a free
# local port, run as a non-root user (the package's `postgres` user when we are root).
#
#   eval "$(scripts/test-postgres.sh start)"   # prints: export KEFU_TEST_POSTGRES_URL=postgres://kefu@127.0.0.1:PORT/kefu_test
#   scripts/test-postgres.sh stop              # stops the cluster named in KEFU_TEST_POSTGRES_DIR and removes it
#   scripts/test-postgres.sh pause|resume      # stops it keeping its files / starts it again (fault tests)
#
# The tests' cluster runs with fsync=off (it is thrown away); KEFU_POSTGRES_DURABLE=1 keeps
# PostgreSQL's durable defaults (the scale benchmark).
#
# Needs Debian's postgresql (initdb and pg_ctl under /usr/lib/postgresql/*/bin).
set -euo pipefail

bin=""
for candidate in /usr/lib/postgresql/*/bin; do [[ -x "$candidate/initdb" ]] && bin="$candidate"; done
[[ -n "$bin" ]] || { echo "test-postgres: no initdb under /usr/lib/postgresql/*/bin; apt-get install -y postgresql" >&2; exit 1; }

as_owner() {
  if [[ "$(id -u)" == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
  start)
    folder="$(mktemp -d /tmp/kefu-postgres.XXXXXX)"
    [[ "$(id -u)" == 0 ]] && chown postgres "$folder"
    port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
    as_owner "$bin/initdb" -D "$folder/data" -U kefu --auth=trust --encoding=UTF8 --locale=C.UTF-8 > "$folder/initdb.log" 2>&1 \
      || { cat "$folder/initdb.log" >&2; exit 1; }
    echo "-h 127.0.0.1 -p $port -k $folder $([[ "${KEFU_POSTGRES_DURABLE:-0}" == 1 ]] || echo "-c fsync=off") -c max_connections=200" \
      > "$folder/options"
    as_owner "$bin/pg_ctl" -D "$folder/data" -l "$folder/server.log" -w -t 60 -o "$(cat "$folder/options")" start > /dev/null \
      || { cat "$folder/server.log" >&2; exit 1; }
    as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U kefu kefu_test
    echo "export KEFU_TEST_POSTGRES_URL=postgres://kefu@127.0.0.1:$port/kefu_test"
    echo "export KEFU_TEST_POSTGRES_DIR=$folder"
    ;;
  stop)
    folder="${KEFU_TEST_POSTGRES_DIR:?set by start}"
    as_owner "$bin/pg_ctl" -D "$folder/data" -m fast -w stop > /dev/null || true
    rm -rf "$folder"
    ;;
  pause)
    folder="${KEFU_TEST_POSTGRES_DIR:?set by start}"
    as_owner "$bin/pg_ctl" -D "$folder/data" -m fast -w stop > /dev/null
    ;;
  resume)
    folder="${KEFU_TEST_POSTGRES_DIR:?set by start}"
    as_owner "$bin/pg_ctl" -D "$folder/data" -l "$folder/server.log" -w -t 60 -o "$(cat "$folder/options")" start > /dev/null \
      || { cat "$folder/server.log" >&2; exit 1; }
    ;;
  *)
    echo "usage: scripts/test-postgres.sh start|stop|pause|resume" >&2
    exit 2
    ;;
esac
