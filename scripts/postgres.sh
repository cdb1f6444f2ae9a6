#!/usr/bin/env bash
# A local PostgreSQL 16 with pgvector for tests, CI and the bench: `start` installs pgserver (PyPI, bundles PostgreSQL
# 16.2 and pgvector 0.6.2) into .postgres/, runs it on a free loopback port as a non-root user and prints its URL;
# `stop` stops it; `url` prints the URL of the running one. Debian's PostgreSQL has no pgvector package, hence pgserver.
#
#   eval "$(scripts/postgres.sh start)"   # sets TEST_DATABASE_URL
#   scripts/postgres.sh stop
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
version="0.1.4"

# PostgreSQL refuses to run as root: as root, run it as the postgres user (or POSTGRES_USER), else as oneself. That
# user must reach the binaries and the data folder, which a checkout under a private folder would not allow: as root
# they go to a folder of this checkout's own under /var/tmp.
if [ "$(id -u)" = 0 ]; then
  user="${POSTGRES_USER:-postgres}"
  id "$user" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$user"
  as_user() { runuser -u "$user" -- "$@"; }
  default_home="/var/tmp/beschluss-postgres-$(printf '%s' "$root" | sha256sum | cut -c1-12)"
else
  user="$(id -un)"
  as_user() { "$@"; }
  default_home="$root/.postgres"
fi
home="${BESCHLUSS_POSTGRES_HOME:-$default_home}"
bin="$home/py/pgserver/pginstall/bin"
data="$home/data"

install() {
  if [ -x "$bin/pg_ctl" ]; then return; fi
  mkdir -p "$home"
  chmod 755 "$home"
  python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore --no-warn-script-location \
    --target "$home/py" "pgserver==$version" >&2
  chmod -R a+rX "$home/py"
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

url() {
  echo "postgresql://$user@127.0.0.1:$(cat "$home/port")/postgres"
}

start() {
  install
  if [ -f "$home/port" ] && as_user "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    echo "export TEST_DATABASE_URL=$(url)"
    return
  fi
  if [ ! -f "$data/PG_VERSION" ]; then
    rm -rf "$data"
    mkdir -p "$data"
    chown "$user" "$data"
    chmod 700 "$data"
    as_user "$bin/initdb" -D "$data" -U "$user" --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  fi
  free_port >"$home/port"
  # TCP on loopback only (no socket file); enough connections for the two-replica test and the bench.
  as_user "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 \
    -o "-h 127.0.0.1 -p $(cat "$home/port") -k '' -c max_connections=200" start >/dev/null
  echo "export TEST_DATABASE_URL=$(url)"
}

stop() {
  if [ -x "$bin/pg_ctl" ] && [ -f "$data/PG_VERSION" ]; then
    as_user "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -f "$home/port"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  url) url ;;
  *)
    echo "usage: scripts/postgres.sh start|stop|url" >&2
    exit 2
    ;;
esac
