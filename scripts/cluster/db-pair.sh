#!/usr/bin/env bash
# A MariaDB primary and one asynchronous replica on this machine, for the cluster harness and the replica tests
# (docs/scaling.md, "The database tier"). Each server has its own data folder, socket, pid and log under <data dir>,
# reads no my.cnf (--no-defaults) and never touches the system MariaDB on 3306.
#
#   db-pair.sh start <dir>          create (first time) and start both, set up and wait for replication
#   db-pair.sh stop <dir>           stop both (clean shutdown)
#   db-pair.sh stop-replica <dir>   kill -9 the replica's server (a crash drill); the primary keeps running
#   db-pair.sh start-replica <dir>  start the replica again; it resumes replication where it stopped (GTID slave_pos)
#   db-pair.sh status <dir>         whether each runs, and the replica's IO/SQL threads and lag
#
# Ports: CLUSTER_PRIMARY_PORT (3307), CLUSTER_REPLICA_PORT (3308). root has no password and is reachable over TCP
# from 127.0.0.1 on both. `start` prints the two URLs on stdout (CLUSTER_PRIMARY_URL=…, CLUSTER_REPLICA_URL=…), so a
# caller can `eval "$(db-pair.sh start dir)"`; everything else goes to stderr. Every command is idempotent.
set -euo pipefail

PRIMARY_PORT="${CLUSTER_PRIMARY_PORT:-3307}"
REPLICA_PORT="${CLUSTER_REPLICA_PORT:-3308}"
REPL_USER=nimah_repl
REPL_PASSWORD=nimah_repl
WAIT_SECONDS=30

die() {
  echo "db-pair: $*" >&2
  exit 1
}
say() { echo "db-pair: $*" >&2; }

usage() { die "usage: db-pair.sh start|stop|stop-replica|start-replica|status <data dir>"; }

[[ $# -eq 2 ]] || usage
command_name="$1"
mkdir -p "$2" || die "cannot create the data dir $2"
DIR="$(cd "$2" && pwd)"

for tool in mariadbd mariadb-install-db mariadb mariadb-admin; do
  command -v "$tool" >/dev/null || [[ -x "/usr/sbin/$tool" ]] || die "$tool not found (install mariadb-server)"
done
MARIADBD="$(command -v mariadbd || echo /usr/sbin/mariadbd)"

# role → port / server id
port_of() { [[ $1 == primary ]] && echo "$PRIMARY_PORT" || echo "$REPLICA_PORT"; }
id_of() { [[ $1 == primary ]] && echo 1 || echo 2; }

sock() { echo "$DIR/$1.sock"; }
pidfile() { echo "$DIR/$1.pid"; }
errlog() { echo "$DIR/$1.err"; }

# SQL as root over the server's own socket (unix_socket authentication: we run as root).
sql() {
  local role="$1"
  shift
  mariadb --no-defaults --protocol=socket -S "$(sock "$role")" -uroot --batch --skip-column-names "$@"
}

pid_of() {
  local file
  file="$(pidfile "$1")"
  [[ -s $file ]] && cat "$file"
}

running() {
  local pid
  pid="$(pid_of "$1")" || return 1
  kill -0 "$pid" 2>/dev/null
}

answers() { mariadb-admin --no-defaults --protocol=socket -S "$(sock "$1")" -uroot ping >/dev/null 2>&1; }

install_datadir() {
  local role="$1" datadir="$DIR/$1"
  [[ -d $datadir/mysql ]] && return 0
  say "creating the $role's data folder $datadir"
  rm -rf "$datadir"
  # Each server gets a temp folder of its own (TMPDIR, which mariadbd and its bootstrap read): the two data folders
  # are created at once, and a shared /tmp once lost a bootstrap table ("Unknown table 'mysql.tmp_user_sys'").
  mkdir -p "$DIR/$role.tmp"
  TMPDIR="$DIR/$role.tmp" mariadb-install-db --no-defaults --user=root --datadir="$datadir" --auth-root-authentication-method=socket \
    --skip-test-db >"$DIR/$role.install.log" 2>&1 ||
    die "mariadb-install-db failed for the $role; see $DIR/$role.install.log"
}

start_server() {
  local role="$1" port id
  port="$(port_of "$role")"
  id="$(id_of "$role")"
  if running "$role"; then
    answers "$role" || wait_answers "$role"
    return 0
  fi
  install_datadir "$role"
  # Someone else on the port (another pair, a leftover server) would make every later step talk to the wrong server.
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    die "port $port (the $role's) is already taken by another process; stop it or set CLUSTER_$(echo "$role" | tr a-z A-Z)_PORT"
  fi
  local extra=()
  if [[ $role == replica ]]; then
    # read_only: the application cannot write here by mistake (root has READ ONLY ADMIN, the SQL thread is exempt).
    # relay_log_recovery: after a crash (stop-replica) the relay log is fetched again from the primary instead of
    # trusting a half-written file; the applied position is in mysql.gtid_slave_pos (InnoDB, crash-safe).
    extra+=(--read-only=ON --relay-log="$DIR/replica/relay-bin" --relay-log-recovery=ON)
  fi
  say "starting the $role on 127.0.0.1:$port"
  mkdir -p "$DIR/$role.tmp"
  "$MARIADBD" --no-defaults --user=root --tmpdir="$DIR/$role.tmp" \
    --datadir="$DIR/$role" --socket="$(sock "$role")" --pid-file="$(pidfile "$role")" \
    --log-error="$(errlog "$role")" --port="$port" --bind-address=127.0.0.1 --skip-name-resolve \
    --server-id="$id" --log-bin="$DIR/$role/binlog" --binlog-format=ROW --gtid-strict-mode=ON \
    --log-slave-updates=ON --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
    --innodb-buffer-pool-size=128M --innodb-flush-log-at-trx-commit=2 --sync-binlog=0 \
    --max-connections=500 --max-prepared-stmt-count=100000 \
    "${extra[@]}" >/dev/null 2>&1 &
  disown || true
  wait_answers "$role"
  # root over TCP from 127.0.0.1 without a password (skip-name-resolve: 127.0.0.1 is matched as an address, not as
  # localhost). Not written to the binary log: each server has its own users, replication carries data only.
  sql "$role" -e "SET sql_log_bin = 0;
    CREATE USER IF NOT EXISTS 'root'@'127.0.0.1';
    GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION;" ||
    die "could not give root TCP access on the $role"
}

wait_answers() {
  local role="$1" i
  for ((i = 0; i < WAIT_SECONDS * 10; i++)); do
    answers "$role" && return 0
    if ((i > 5)) && ! running "$role"; then
      die "the $role did not start; last lines of $(errlog "$role"):
$(tail -n 15 "$(errlog "$role")" 2>/dev/null)"
    fi
    sleep 0.1
  done
  die "the $role does not answer after ${WAIT_SECONDS}s; see $(errlog "$role")"
}

setup_replication() {
  sql primary -e "SET sql_log_bin = 0;
    CREATE USER IF NOT EXISTS '$REPL_USER'@'127.0.0.1' IDENTIFIED BY '$REPL_PASSWORD';
    GRANT REPLICATION SLAVE ON *.* TO '$REPL_USER'@'127.0.0.1';" || die "could not create the replication user"
  local configured
  configured="$(sql replica -e "SHOW SLAVE STATUS" | wc -l)"
  if [[ $configured -eq 0 ]]; then
    say "pointing the replica at the primary (GTID, slave_pos)"
    sql replica -e "CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=$PRIMARY_PORT,
      MASTER_USER='$REPL_USER', MASTER_PASSWORD='$REPL_PASSWORD', MASTER_USE_GTID=slave_pos,
      MASTER_CONNECT_RETRY=1;" || die "CHANGE MASTER TO failed on the replica"
  fi
  # START SLAVE on running threads is only a warning; it also restarts threads a test stopped with STOP SLAVE.
  sql replica -e "START SLAVE;" || die "START SLAVE failed on the replica"
  wait_replicating
}

slave_field() {
  mariadb --no-defaults --protocol=socket -S "$(sock replica)" -uroot -e "SHOW SLAVE STATUS\G" | sed -n "s/^ *$1: //p"
}

wait_replicating() {
  local i io sqlt
  for ((i = 0; i < WAIT_SECONDS * 10; i++)); do
    io="$(slave_field Slave_IO_Running)"
    sqlt="$(slave_field Slave_SQL_Running)"
    [[ $io == Yes && $sqlt == Yes ]] && return 0
    sleep 0.1
  done
  die "replication is not running (Slave_IO_Running=$io, Slave_SQL_Running=$sqlt): $(slave_field Last_IO_Error) $(slave_field Last_SQL_Error)"
}

stop_server() {
  local role="$1" pid i
  running "$role" || return 0
  pid="$(pid_of "$role")"
  say "stopping the $role (pid $pid)"
  if [[ ${2:-} == kill ]]; then
    kill -9 "$pid"
  else
    kill -TERM "$pid"
  fi
  for ((i = 0; i < WAIT_SECONDS * 10; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -0 "$pid" 2>/dev/null && die "the $role (pid $pid) did not stop"
  rm -f "$(pidfile "$role")"
}

print_urls() {
  echo "CLUSTER_PRIMARY_URL=mysql://root@127.0.0.1:$PRIMARY_PORT"
  echo "CLUSTER_REPLICA_URL=mysql://root@127.0.0.1:$REPLICA_PORT"
}

case "$command_name" in
  start)
    # The two data folders are created at the same time (mariadb-install-db takes a few seconds each).
    install_datadir primary &
    installing=$!
    install_datadir replica || die "could not create the replica's data folder"
    wait "$installing" || die "could not create the primary's data folder"
    start_server primary
    start_server replica
    setup_replication
    say "primary 127.0.0.1:$PRIMARY_PORT, replica 127.0.0.1:$REPLICA_PORT, replicating"
    print_urls
    ;;
  stop)
    stop_server replica
    stop_server primary
    ;;
  stop-replica)
    stop_server replica kill
    ;;
  start-replica)
    running primary || die "the primary is not running; use start"
    start_server replica
    setup_replication
    say "replica 127.0.0.1:$REPLICA_PORT replicating again"
    ;;
  status)
    for role in primary replica; do
      if running "$role"; then
        echo "$role: running (pid $(pid_of "$role"), 127.0.0.1:$(port_of "$role"))"
      else
        echo "$role: stopped"
      fi
    done
    if running replica && answers replica; then
      echo "replication: IO=$(slave_field Slave_IO_Running) SQL=$(slave_field Slave_SQL_Running) lag=$(slave_field Seconds_Behind_Master)s"
    fi
    ;;
  *) usage ;;
esac
