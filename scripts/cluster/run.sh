#!/usr/bin/env bash
# A real cluster on one machine, and the suites that run through it (issue 21): a MariaDB primary with binary logging
# and a replica (scripts/cluster/db-pair.sh), three Nimah instances (the compiled server, as `npm start` runs it) and
# Debian's nginx in front of them, all in one temp folder and on their own ports; stopped again on exit.
#
#   scripts/cluster/run.sh                       the cluster suites (test/cluster/*.cluster.ts), mocha's summary last
#   scripts/cluster/run.sh test/cluster/x.ts     only those files
#   scripts/cluster/run.sh --measure             the 1-instance vs 3-instance figures (bench/cluster.ts), no tests
#   scripts/cluster/run.sh --up                  starts everything and waits (Ctrl-C stops it): to try it by hand
#
# Ports: nginx 3910 (all instances) and 3919 (instance 1 alone, for the figures), instances 3911-3913 (CLUSTER_PORT
# moves them all), MariaDB 3307 (primary) and 3308 (replica) (CLUSTER_PRIMARY_PORT, CLUSTER_REPLICA_PORT: see
# db-pair.sh). CLUSTER_PRIMARY_URL set beforehand (mysql://…/db, dropped and created anew) uses that server instead
# of the pair, with no replica. CLUSTER_KEEP=1 keeps the temp folder (logs) after a passing run too.
# Each instance runs under a small supervisor loop that starts it again when it dies, as systemd's Restart=always
# would: the failover drill kills one with SIGKILL and waits for it to come back.
set -uo pipefail
cd "$(dirname "$0")/../.."

mode=test
files=()
for arg in "$@"; do
  case $arg in
    --measure) mode=measure ;;
    --up) mode=up ;;
    *) files+=("$arg") ;;
  esac
done
[ ${#files[@]} -gt 0 ] || files=(test/cluster/*.cluster.ts)

dir=$(mktemp -d "${TMPDIR:-/tmp}/nimah-cluster-XXXXXX")
base_port=${CLUSTER_PORT:-3910}
lb_port=$base_port
solo_port=$((base_port + 9))
ports=($((base_port + 1)) $((base_port + 2)) $((base_port + 3)))
db_name=nimah_cluster
pii_key=$(node -e "process.stdout.write(require('node:crypto').randomBytes(32).toString('hex'))")
own_pair=false
nginx_pid=
supervisors=()

log() { printf '[cluster] %s\n' "$*"; }

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  touch "$dir/stopping"
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null
  # SIGTERM to each instance (a supervisor that was restarting one may start it once more: ask until none is left).
  local port pid tries=0 alive
  while :; do
    for port in "${ports[@]}"; do
      pid=$(cat "$dir/instance-$port.pid" 2>/dev/null) && kill "$pid" 2>/dev/null
    done
    alive=0
    for pid in "${supervisors[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ $alive = 0 ] || [ $tries -ge 40 ] && break
    tries=$((tries + 1))
    sleep 0.25
  done
  for pid in "${supervisors[@]}"; do wait "$pid" 2>/dev/null; done
  [ -n "$nginx_pid" ] && wait "$nginx_pid" 2>/dev/null
  $own_pair && scripts/cluster/db-pair.sh stop "$dir/db" >/dev/null 2>&1
  local summary=''
  [ -f "$dir/mocha.log" ] && summary=$(sed 's/\x1b\[[0-9;]*m//g' "$dir/mocha.log" | grep -E '^ *[0-9]+ (passing|failing|pending)')
  if [ "${CLUSTER_KEEP:-0}" = 1 ] || [ "$rc" -ne 0 ]; then
    log "logs kept in $dir"
  else
    rm -rf "$dir"
  fi
  # Mocha's summary again, last, for .ci/run's count.
  [ -z "$summary" ] || printf '\n%s\n' "$summary"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Debian's nginx, as the Debian step of .ci/run installs chromium.
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
if [ ! -x "$nginx_bin" ]; then
  log "installing nginx"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null) ||
    { log "nginx is not installed (apt-get install nginx)"; exit 1; }
  nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
fi

# The compiled server (CI's earlier steps built it; compiled here only when missing or older than the sources).
node scripts/ensure-server.mjs || exit 1

# The database pair.
if [ -n "${CLUSTER_PRIMARY_URL:-}" ]; then
  primary_url=$CLUSTER_PRIMARY_URL
  db_name=${primary_url##*/}
  replica_url=${CLUSTER_REPLICA_URL:-}
else
  log "starting the MariaDB primary and replica (scripts/cluster/db-pair.sh)"
  own_pair=true
  # Its servers get a temp folder of their own (mariadbd takes TMPDIR), and a failed start is tried once more in a
  # new folder: once in a dozen runs on a busy machine, mariadb-install-db's bootstrap lost a temporary table in the
  # shared /tmp ("Unknown table 'mysql.tmp_user_sys'").
  start_pair() { mkdir -p "$dir/$1-tmp" && TMPDIR="$dir/$1-tmp" scripts/cluster/db-pair.sh start "$dir/$1"; }
  pair=$(start_pair db) || {
    log "db-pair.sh start failed (logs in $dir/db); once more"
    scripts/cluster/db-pair.sh stop "$dir/db" >/dev/null 2>&1
    mv "$dir/db" "$dir/db-failed"
    pair=$(start_pair db)
  } || { log "db-pair.sh start failed"; exit 1; }
  # It prints CLUSTER_PRIMARY_URL=mysql://root@127.0.0.1:3307 and CLUSTER_REPLICA_URL=… (servers, no database).
  primary_url=$(sed -n 's/^CLUSTER_PRIMARY_URL=//p' <<<"$pair")/$db_name
  replica_url=$(sed -n 's/^CLUSTER_REPLICA_URL=//p' <<<"$pair")/$db_name
fi
mysql_at() { # url, sql
  local u=${1#*://}
  local hostport=${u#*@}
  hostport=${hostport%%/*}
  [[ $hostport == *:* ]] || hostport=$hostport:3306
  mysql -uroot -h"${hostport%:*}" -P"${hostport#*:}" -e "$2"
}
mysql_at "$primary_url" "DROP DATABASE IF EXISTS $db_name; CREATE DATABASE $db_name CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci" || exit 1
if [ -n "$replica_url" ]; then
  # The CREATE DATABASE reaches the replica through the binary log: wait for it, so no instance starts too early.
  for _ in $(seq 1 100); do
    mysql_at "$replica_url" "USE $db_name" 2>/dev/null && break
    sleep 0.1
  done
fi

# One supervised instance: started again one second after it dies, until the run stops.
instance() { # port
  local port=$1
  local env=(
    NODE_ENV=production PORT="$port" PATH="$PATH" HOME="$dir"
    DATABASE_URL="$primary_url" DATABASE_REPLICA_URLS="$replica_url" REPLICA_MAX_LAG_MS=2000
    DATA_DIR="$dir/data" PII_KEY="$pii_key" PUBLIC_URL="http://127.0.0.1:$lb_port" TRUST_PROXY=loopback
    ADMIN_EMAIL=admin@cluster.test ADMIN_PASSWORD=cluster-admin-password
    LOG_LEVEL=info LOG_FILE="$dir/instance-$port.log"
    WEBHOOK_ALLOW_PRIVATE=true OUTBOX_POLL_MS=100 OUTBOX_LEASE_MS=5000 OUTBOX_RETRY_BASE_MS=200
  )
  until [ -f "$dir/stopping" ]; do
    env -i "${env[@]}" node dist/server/main.js >>"$dir/instance-$port.out" 2>&1 &
    echo $! >"$dir/instance-$port.pid"
    wait $!
    [ -f "$dir/stopping" ] || sleep 1
  done
}

wait_health() { # url, seconds
  local until=$((SECONDS + $2))
  until curl -fs -o /dev/null "$1/api/health"; do
    [ $SECONDS -lt $until ] || { log "$1 not healthy after $2 s"; return 1; }
    sleep 0.2
  done
}

mkdir -p "$dir/data" "$dir/nginx/temp"
# All three start at once on the empty database: one migrates it and creates the first admin under the boot lock
# (server/db/boot-lock.ts), the others wait for it and find nothing left to do.
for port in "${ports[@]}"; do
  instance "$port" &
  supervisors+=($!)
done
for port in "${ports[@]}"; do
  wait_health "http://127.0.0.1:$port" 120 || { tail -20 "$dir/instance-$port.out"; exit 1; }
done

# nginx: its own prefix, pid, logs and temp folders in $dir, in the foreground (not the system's configuration).
servers=''
for port in "${ports[@]}"; do servers+="    server 127.0.0.1:$port max_fails=1 fail_timeout=5s;"$'\n'; done
# Started by root, nginx would run its worker as nobody, which may not enter the temp folder (mktemp makes it 0700).
user_line=''
[ "$(id -u)" = 0 ] && user_line="user $(id -un) $(id -gn);"
cat >"$dir/nginx/nginx.conf" <<EOF
daemon off;
$user_line
worker_processes 1;
pid $dir/nginx/nginx.pid;
error_log $dir/nginx/error.log warn;
events { worker_connections 1024; }
http {
  log_format upstream '\$remote_addr "\$request" \$status upstream=\$upstream_addr upstream_status=\$upstream_status';
  access_log $dir/nginx/access.log upstream;
  client_body_temp_path $dir/nginx/temp/body;
  proxy_temp_path $dir/nginx/temp/proxy;
  fastcgi_temp_path $dir/nginx/temp/fastcgi;
  uwsgi_temp_path $dir/nginx/temp/uwsgi;
  scgi_temp_path $dir/nginx/temp/scgi;
  client_max_body_size 20m;

  # Passive health: an instance that fails a request (refused, reset, 502) is left out for 5 s, then tried again.
  upstream nimah {
$servers    keepalive 32;
  }
  upstream nimah_solo {
    server 127.0.0.1:${ports[0]};
    keepalive 32;
  }

  map \$http_upgrade \$connection_upgrade { default ''; }

  server {
    listen 127.0.0.1:$lb_port;
    location / {
      proxy_pass http://nimah;
      # A request that failed before an instance answered goes to the next one. nginx never resends a POST, PUT,
      # PATCH or DELETE that reached an instance (no non_idempotent here): that write may have committed, so its
      # failure is the client's to see (502), not retried behind its back.
      proxy_next_upstream error timeout http_502;
      proxy_next_upstream_tries 3;
      proxy_connect_timeout 2s;
      proxy_read_timeout 60s;
      proxy_http_version 1.1;
      proxy_set_header Connection \$connection_upgrade;
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      # Which instance answered (the tests check that all three served): the balancer's header, not the app's.
      add_header X-Upstream \$upstream_addr always;
    }
  }
  server {
    listen 127.0.0.1:$solo_port;
    location / {
      proxy_pass http://nimah_solo;
      proxy_http_version 1.1;
      proxy_set_header Connection '';
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
    }
  }
}
EOF
"$nginx_bin" -p "$dir/nginx" -c "$dir/nginx/nginx.conf" -e "$dir/nginx/error.log" &
nginx_pid=$!
wait_health "http://127.0.0.1:$lb_port" 20 || { cat "$dir/nginx/error.log"; exit 1; }

instances=''
for port in "${ports[@]}"; do instances+="${instances:+,}$port"; done
export CLUSTER_URL=http://127.0.0.1:$lb_port CLUSTER_SOLO_URL=http://127.0.0.1:$solo_port CLUSTER_INSTANCES=$instances
export CLUSTER_PRIMARY_URL=$primary_url CLUSTER_REPLICA_URL=$replica_url CLUSTER_DIR=$dir CLUSTER_PII_KEY=$pii_key
log "up: nginx $CLUSTER_URL, instances $instances (pids in $dir/instance-<port>.pid), primary $primary_url${replica_url:+, replica $replica_url}"

case $mode in
  up)
    log "Ctrl-C stops it"
    wait "$nginx_pid"
    ;;
  measure)
    node --import tsx bench/cluster.ts
    ;;
  test)
    # The suites' own process writes fixtures straight into the primary (test/setup.ts empties it before each test).
    DATABASE_URL=$primary_url PII_KEY=$pii_key npx mocha --no-config --node-option import=tsx/esm --extension ts \
      --require test/setup.ts --timeout 60000 --exit "${files[@]}" 2>&1 | tee "$dir/mocha.log"
    exit "${PIPESTATUS[0]}"
    ;;
esac
