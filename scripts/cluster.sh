#!/usr/bin/env bash
# A local ZhuHe cluster without containers: PostgreSQL primary + one streaming replica, N app processes on the
# primary, nginx in front (deploy/nginx/zhuhe.conf). Used by developers, by the cluster test and by CI.
#
#   scripts/cluster.sh start [N]       start everything (N app processes, default 3); prints the addresses
#   scripts/cluster.sh stop            drain and stop the apps, stop nginx and both PostgreSQL servers
#   scripts/cluster.sh restart-app I   rolling deploy of process I: SIGTERM (drains), start again, wait for /readyz
#   scripts/cluster.sh status          processes, readiness and replication lag
#
# Environment: CLUSTER_DIR (default /tmp/zhuhe-cluster; wiped by `start`), PRIMARY_PORT 5433, REPLICA_PORT 5434,
# NGINX_PORT 3320, APP_PORT 3321 (process I listens on APP_PORT+I-1), PG_BIN (/usr/lib/postgresql/15/bin),
# SERVER_CMD (default: the built server when apps/server/dist exists and CLUSTER_BUILT=1, else tsx on the source),
# and any server variable (SEED_DEMO, LOGIN_RATE_LIMIT_MAX, SCHEDULER_HEARTBEAT_CRON …), passed to every process.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CLUSTER_DIR="${CLUSTER_DIR:-/tmp/zhuhe-cluster}"
PRIMARY_PORT="${PRIMARY_PORT:-5433}"
REPLICA_PORT="${REPLICA_PORT:-5434}"
NGINX_PORT="${NGINX_PORT:-3320}"
APP_PORT="${APP_PORT:-3321}"
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
NGINX="${NGINX:-/usr/sbin/nginx}"
DB_NAME="${DB_NAME:-zhuhe}"
PRIMARY_URL="postgres://postgres@127.0.0.1:${PRIMARY_PORT}/${DB_NAME}"
REPLICA_URL="postgres://postgres@127.0.0.1:${REPLICA_PORT}/${DB_NAME}"

if [[ -z "${SERVER_CMD:-}" ]]; then
  if [[ "${CLUSTER_BUILT:-0}" == 1 && -f "$ROOT/apps/server/dist/bundle/main.js" ]]; then
    SERVER_CMD="node --enable-source-maps $ROOT/apps/server/dist/bundle/main.js"
  else
    SERVER_CMD="node --import tsx $ROOT/apps/server/src/main.ts"
  fi
fi

# PostgreSQL refuses to run as root: its commands run as the postgres user then, on directories it owns.
as_pg() {
  if [[ "$(id -u)" == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

log() { echo "[cluster] $*" >&2; }

wait_for() { # url seconds
  local url="$1" deadline=$((SECONDS + $2))
  until curl -fsS -o /dev/null "$url" 2>/dev/null; do
    if ((SECONDS > deadline)); then return 1; fi
    sleep 0.3
  done
}

pg_start() { # name port
  local dir="$CLUSTER_DIR/$1"
  as_pg "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 start >/dev/null
}

start_primary() {
  local dir="$CLUSTER_DIR/primary"
  mkdir -p "$dir" "$CLUSTER_DIR/wal-archive" "$CLUSTER_DIR/sock"
  [[ "$(id -u)" == 0 ]] && chown -R postgres:postgres "$dir" "$CLUSTER_DIR/wal-archive" "$CLUSTER_DIR/sock"
  as_pg "$PG_BIN/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  cat >>"$dir/data/postgresql.conf" <<CONF
port = ${PRIMARY_PORT}
listen_addresses = '127.0.0.1'
unix_socket_directories = '${CLUSTER_DIR}/sock'
max_connections = 200
wal_level = replica
max_wal_senders = 5
wal_keep_size = '256MB'
hot_standby = on
archive_mode = on
archive_command = 'test ! -f ${CLUSTER_DIR}/wal-archive/%f && cp %p ${CLUSTER_DIR}/wal-archive/%f'
archive_timeout = 60
CONF
  pg_start primary
  as_pg "$PG_BIN/createdb" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres "$DB_NAME"
  log "primary on 127.0.0.1:${PRIMARY_PORT} (WAL archived to ${CLUSTER_DIR}/wal-archive)"
}

start_replica() {
  local dir="$CLUSTER_DIR/replica"
  mkdir -p "$dir"
  [[ "$(id -u)" == 0 ]] && chown -R postgres:postgres "$dir"
  # -R writes standby.signal and primary_conninfo: the copy starts as a streaming replica of the primary
  as_pg "$PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -D "$dir/data" -R -X stream -c fast
  as_pg bash -c "echo \"port = ${REPLICA_PORT}\" >> '$dir/data/postgresql.auto.conf'"
  pg_start replica
  log "replica on 127.0.0.1:${REPLICA_PORT} (streaming from ${PRIMARY_PORT})"
}

start_app() { # index
  local i="$1" port=$((APP_PORT + $1 - 1))
  mkdir -p "$CLUSTER_DIR/apps"
  # one data directory for all (files, the development key); one master key, given to every process
  (
    cd "$ROOT"
    export DATABASE_URL="$PRIMARY_URL" DATABASE_REPLICA_URL="${DATABASE_REPLICA_URL:-$REPLICA_URL}"
    export PORT="$port" HOST=127.0.0.1 DATA_DIR="$CLUSTER_DIR/data" MASTER_KEY="$(cat "$CLUSTER_DIR/master.key")"
    export MAIL_CATCHER_PORT=0 LOG_LEVEL="${LOG_LEVEL:-warn}"
    exec setsid $SERVER_CMD >"$CLUSTER_DIR/apps/app-$i.log" 2>&1
  ) &
  echo $! >"$CLUSTER_DIR/apps/app-$i.pid"
}

wait_app() { # index
  local port=$((APP_PORT + $1 - 1))
  if ! wait_for "http://127.0.0.1:${port}/readyz" 180; then
    log "app $1 did not become ready; its log:"
    tail -30 "$CLUSTER_DIR/apps/app-$1.log" >&2
    return 1
  fi
}

stop_app() { # index
  local pidfile="$CLUSTER_DIR/apps/app-$1.pid"
  [[ -f "$pidfile" ]] || return 0
  local pid
  pid="$(cat "$pidfile")"
  if kill -TERM "$pid" 2>/dev/null; then
    for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
}

start_nginx() { # n
  local n="$1" prefix="$CLUSTER_DIR/nginx" servers=""
  mkdir -p "$prefix/tmp"
  for i in $(seq 1 "$n"); do
    servers+="    server 127.0.0.1:$((APP_PORT + i - 1)) max_fails=2 fail_timeout=5s;"$'\n'
  done
  sed -e "s#@PREFIX@#${prefix}#g" -e "s#@LISTEN@#127.0.0.1:${NGINX_PORT}#g" "$ROOT/deploy/nginx/zhuhe.conf" |
    awk -v servers="$servers" '{ if ($0 == "@UPSTREAM_SERVERS@") printf "%s", servers; else print }' >"$prefix/nginx.conf"
  "$NGINX" -t -q -p "$prefix" -c "$prefix/nginx.conf"
  "$NGINX" -p "$prefix" -c "$prefix/nginx.conf"
  wait_for "http://127.0.0.1:${NGINX_PORT}/nginx-health" 10
  log "nginx on 127.0.0.1:${NGINX_PORT} in front of ${n} process(es)"
}

cmd_start() {
  local n="${1:-3}"
  if [[ -d "$CLUSTER_DIR" ]]; then cmd_stop >/dev/null 2>&1 || true; rm -rf "$CLUSTER_DIR"; fi
  mkdir -p "$CLUSTER_DIR"
  chmod 755 "$CLUSTER_DIR"
  echo "$n" >"$CLUSTER_DIR/processes"
  start_primary
  start_replica
  head -c 32 /dev/urandom | base64 >"$CLUSTER_DIR/master.key"
  # all processes start together: the migration lock and the seed lock make them take turns
  for i in $(seq 1 "$n"); do start_app "$i"; done
  for i in $(seq 1 "$n"); do wait_app "$i"; done
  log "${n} app process(es) ready on ports ${APP_PORT}..$((APP_PORT + n - 1))"
  start_nginx "$n"
  echo "ZHUHE_URL=http://127.0.0.1:${NGINX_PORT}"
  echo "DATABASE_URL=${PRIMARY_URL}"
  echo "DATABASE_REPLICA_URL=${REPLICA_URL}"
}

cmd_stop() {
  [[ -d "$CLUSTER_DIR" ]] || return 0
  local n
  n="$(cat "$CLUSTER_DIR/processes" 2>/dev/null || echo 0)"
  for i in $(seq 1 "$n"); do stop_app "$i" & done
  wait
  if [[ -f "$CLUSTER_DIR/nginx/nginx.pid" ]]; then
    "$NGINX" -p "$CLUSTER_DIR/nginx" -c "$CLUSTER_DIR/nginx/nginx.conf" -s quit 2>/dev/null || true
  fi
  for node in replica primary; do
    if [[ -f "$CLUSTER_DIR/$node/data/postmaster.pid" ]]; then
      as_pg "$PG_BIN/pg_ctl" -D "$CLUSTER_DIR/$node/data" -m fast -w stop >/dev/null || true
    fi
  done
  log "stopped"
}

cmd_restart_app() {
  local i="$1"
  stop_app "$i"
  start_app "$i"
  wait_app "$i"
  log "process ${i} restarted and ready"
}

cmd_status() {
  local n
  n="$(cat "$CLUSTER_DIR/processes" 2>/dev/null || echo 0)"
  for i in $(seq 1 "$n"); do
    local port=$((APP_PORT + i - 1))
    printf 'app %s :%s %s\n' "$i" "$port" "$(curl -fsS "http://127.0.0.1:${port}/readyz" 2>/dev/null || echo down)"
  done
  psql -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -d "$DB_NAME" -tAc \
    "select 'replica ' || client_addr || ' ' || state || ' replay lag ' || coalesce(replay_lag::text, '0') ||
       ' (' || pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn) || ' bytes)' from pg_stat_replication"
}

case "${1:-}" in
  start) cmd_start "${2:-3}" ;;
  stop) cmd_stop ;;
  restart-app) cmd_restart_app "${2:?process index}" ;;
  status) cmd_status ;;
  *)
    sed -n '2,14p' "$0"
    exit 2
    ;;
esac
