#!/usr/bin/env bash
# Runs a three-node RabbitMQ cluster of the run's own on this machine, from Debian's rabbitmq-server,
# beside the machine's broker and apart from it: the fault tests stop nodes while the suite works, and
# quorum queues need three nodes to show that a message outlives one. Node k is
# ${RABBIT_CLUSTER_NAME}-k@localhost; everything it reads or writes (its rabbitmq-env.conf, rabbitmq.conf
# and enabled_plugins, its data, logs and pid file) is in its own folder under RABBIT_CLUSTER_DIR. Its
# rabbitmq-env.conf stands in for /etc/rabbitmq/rabbitmq-env.conf and names every path, so nothing of
# the machine's broker (/etc/rabbitmq, /var/lib/rabbitmq/mnesia, /var/log/rabbitmq) is read or written.
#
#   start          start the nodes that are not running (together: a member waits at boot for the
#                  others), make 2 and 3 join 1 unless they are members already, wait until all three
#                  run as one cluster; idempotent
#   stop           stop the three gracefully, SIGKILL any still up after 60 s; keeps their data
#   stop-node N    stop node N (1 to 3) gracefully and wait until it is gone
#   start-node N   start node N and wait until it runs and is back in the cluster
#   status         per node: name, pid, AMQP port, running or stopped, the running members it sees
#   addresses      127.0.0.1:<AMQP port>, comma-separated, for the apps' spring.rabbitmq.addresses
#   destroy        stop, then delete the nodes' folders
#
# The nodes run as the rabbitmq user with its home, as the machine's broker does, so they share its
# Erlang cookie (~rabbitmq/.erlang.cookie): the one rabbitmqctl uses too, since Debian's wrapper switches
# root to rabbitmq. `rabbitmqctl -n changgou-2@localhost ...` therefore works as it is. The nodes
# register with the machine's epmd (4369) under their own names and listen on 127.0.0.1 only.
#
# Ports: node k uses RABBIT_CLUSTER_PORT + 10k (AMQP), + 1 (Erlang distribution), + 2 (management),
# + 3 (Web STOMP), + 4 (Prometheus). Environment: RABBIT_CLUSTER_DIR (required, but for addresses),
# RABBIT_CLUSTER_NAME (changgou), RABBIT_CLUSTER_PORT (5700). Run it as root or as rabbitmq.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/rabbitmq-lib.sh"

name="${RABBIT_CLUSTER_NAME:-changgou}"
base=$(count RABBIT_CLUSTER_PORT 5700)
server=/usr/lib/rabbitmq/bin/rabbitmq-server
rabbit_user=rabbitmq
BOOT_TIMEOUT=180
STOP_TIMEOUT=60
PORT_ROLES=(AMQP "Erlang distribution" management "Web STOMP" Prometheus)
launcher=() # the process that start_nodes launched node k in: it ends when the node dies

die() { echo "$*" >&2; exit 1; }

[[ $name =~ ^[A-Za-z0-9_-]+$ ]] || die "RABBIT_CLUSTER_NAME may hold letters, digits, - and _ only, not '$name'"
((base >= 1024 && base + 34 <= 65535)) || die "RABBIT_CLUSTER_PORT must leave room for 1024..65535, not $base"

node() { echo "$name-$1@localhost"; }
port() { echo $((base + 10 * $1 + $2)); }
node_dir() { echo "$cluster_dir/$name-$1"; }
ctl() { local k=$1; shift; rabbitmqctl -q -n "$(node "$k")" "$@"; }

elapsed() {
  local us=$((${EPOCHREALTIME/./} - ${started_at/./}))
  printf '%d.%d s' $((us / 1000000)) $((us / 100000 % 10))
}

# The pid of node k while it runs: the pid file's process, if that is still the node (whose working
# folder is the node's), not a later process that got the number of one killed.
node_pid() {
  local dir pid
  dir=$(node_dir "$1")
  [[ -r $dir/rabbitmq.pid ]] || return 1
  pid=$(<"$dir/rabbitmq.pid")
  [[ $pid =~ ^[0-9]+$ && $(readlink "/proc/$pid/cwd" 2>/dev/null) == "$dir" ]] || return 1
  echo "$pid"
}

alive() { local state; state=$(ps -o stat= -p "$1" 2>/dev/null) && [[ $state != Z* ]]; }

# The node names in one list field of `cluster_status --formatter json`.
nodes_in() { grep -o "\"$1\":\[[^]]*\]" | grep -o '"[^"]*@[^"]*"' | tr -d '"' || true; }

running_members() { ctl "$1" cluster_status --formatter json | nodes_in running_nodes; }

check_host() {
  [[ -x $server ]] || die "Debian's rabbitmq-server is not installed ($server)"
  rabbit_home=$(getent passwd "$rabbit_user" | cut -d: -f6)
  [[ -n $rabbit_home ]] || die "there is no $rabbit_user user: is Debian's rabbitmq-server installed?"
  if ((EUID == 0)); then
    as_rabbit=(setpriv --reuid="$rabbit_user" --regid="$rabbit_user" --init-groups)
  elif [[ $(id -un) == "$rabbit_user" ]]; then
    as_rabbit=()
  else
    die "run this as root or as $rabbit_user: the nodes and rabbitmqctl share $rabbit_user's Erlang cookie"
  fi
}

ensure_ports_free() {
  local k=$1 offset p taken
  for offset in 0 1 2 3 4; do
    p=$(port "$k" "$offset")
    taken=$(ss -Hltnp "sport = :$p")
    [[ -z $taken ]] || die "port $p ($(node "$k")'s ${PORT_ROLES[offset]}) is taken by another process; pick another RABBIT_CLUSTER_PORT:
$taken"
  done
}

# Written on every start, so a node always runs with what this script says.
write_node_files() {
  local k=$1 dir
  dir=$(node_dir "$k")
  install -d -o "$rabbit_user" -g "$rabbit_user" "$dir" "$dir/data" "$dir/log"
  "${as_rabbit[@]}" test -w "$dir/data" ||
    die "$rabbit_user cannot write $dir (is a folder above it closed to other users?); choose another RABBIT_CLUSTER_DIR"
  {
    echo "# $(node "$k"), written by scripts/rabbitmq-cluster.sh; the node reads this instead of /etc/rabbitmq/rabbitmq-env.conf."
    # The full names: RabbitMQ reads some (FEATURE_FLAGS_FILE) only with their RABBITMQ_ prefix. The
    # conf.d folder and advanced.config need not exist: naming them keeps /etc/rabbitmq's out.
    printf 'RABBITMQ_%s=%q\n' NODENAME "$(node "$k")" NODE_IP_ADDRESS 127.0.0.1 NODE_PORT "$(port "$k" 0)" \
      DIST_PORT "$(port "$k" 1)" CONFIG_FILE "$dir/rabbitmq.conf" CONFIG_FILES "$dir/conf.d" \
      ADVANCED_CONFIG_FILE "$dir/advanced.config" ENABLED_PLUGINS_FILE "$dir/enabled_plugins" \
      MNESIA_BASE "$dir/data" MNESIA_DIR "$dir/data/mnesia" FEATURE_FLAGS_FILE "$dir/data/feature_flags" \
      PLUGINS_EXPAND_DIR "$dir/data/plugins-expand" PID_FILE "$dir/rabbitmq.pid" \
      LOG_BASE "$dir/log" LOGS "$dir/log/rabbit.log" \
      SERVER_ADDITIONAL_ERL_ARGS '-kernel inet_dist_use_interface {127,0,0,1}'
    printf 'export %s=%q\n' ERL_EPMD_ADDRESS 127.0.0.1 ERL_CRASH_DUMP "$dir/log/erl_crash.dump"
  } >"$dir/rabbitmq-env.conf"
  cat >"$dir/rabbitmq.conf" <<EOF
# $(node "$k"), written by scripts/rabbitmq-cluster.sh on every start.
listeners.tcp.default = 127.0.0.1:$(port "$k" 0)
management.tcp.ip = 127.0.0.1
management.tcp.port = $(port "$k" 2)
web_stomp.tcp.ip = 127.0.0.1
web_stomp.tcp.port = $(port "$k" 3)
prometheus.tcp.ip = 127.0.0.1
prometheus.tcp.port = $(port "$k" 4)
# Web STOMP brings plain STOMP along, whose default port (61613) the nodes would fight over.
stomp.listeners.tcp = none
# guest stays loopback-only: the suite connects from 127.0.0.1.
loopback_users.guest = true
# Three nodes share the machine with a dozen JVMs: publishers are throttled at 512 MiB, not at 40 %
# of the machine's memory, and the quorum queues' write-ahead log rolls over at 64 MB, not 512 MB.
vm_memory_high_watermark.absolute = 512MiB
raft.wal_max_size_bytes = 64000000
disk_free_limit.absolute = 256MB
log.console = false
log.file.level = info
EOF
  echo '[rabbitmq_management,rabbitmq_web_stomp,rabbitmq_prometheus].' >"$dir/enabled_plugins"
}

launch() {
  local k=$1 dir
  dir=$(node_dir "$k")
  # env -i: nothing of the caller's environment (a NODENAME, an ERL_FLAGS) reaches the node.
  (cd "$dir" && exec setsid "${as_rabbit[@]}" env -i HOME="$rabbit_home" PATH=/usr/bin:/bin LANG=C.UTF-8 \
    RABBITMQ_CONF_ENV_FILE="$dir/rabbitmq-env.conf" "$server") </dev/null >"$dir/log/startup.log" 2>&1 &
  launcher[k]=$!
}

# A node that fails at boot says why first on its console (a bad setting: before its log is open),
# one that fails later says it last in its log.
show_log() {
  local dir
  dir=$(node_dir "$1")
  echo "$(node "$1") did not start" >&2
  if [[ -s $dir/log/startup.log ]]; then
    echo "--- the first 30 lines of its console output, $dir/log/startup.log:" >&2
    head -n 30 "$dir/log/startup.log" >&2
  fi
  if [[ -s $dir/log/rabbit.log ]]; then
    echo "--- the last 30 lines of its log, $dir/log/rabbit.log:" >&2
    tail -n 30 "$dir/log/rabbit.log" >&2
  fi
}

# The pid file comes early in the boot; a node that dies before it (bad config, port taken) ends its launcher.
await_node() {
  local k=$1
  until node_pid "$k" >/dev/null; do
    alive "${launcher[k]:-0}" || return 1
    sleep 0.2
  done
  ctl "$k" await_startup --timeout "$BOOT_TIMEOUT" >/dev/null
}

# Starts those of the given nodes not running, all at once (a restarted member waits at boot for the
# members that stopped after it), and waits until every given node has booted.
start_nodes() {
  local k waits=() failed=0
  for k; do node_pid "$k" >/dev/null || ensure_ports_free "$k"; done
  for k; do
    node_pid "$k" >/dev/null && continue
    write_node_files "$k"
    launch "$k"
  done
  for k; do
    await_node "$k" &
    waits[k]=$!
  done
  for k; do wait "${waits[k]}" || { show_log "$k"; failed=1; }; done
  ((!failed)) || exit 1
}

# on_each COMMAND N...: `rabbitmqctl COMMAND` on the nodes at once.
on_each() {
  local command=$1 k pids=()
  shift
  for k; do
    ctl "$k" "$command" >/dev/null &
    pids+=($!)
  done
  for k in "${pids[@]}"; do wait "$k"; done
}

# The given nodes (of 2 and 3) join node 1's cluster unless they are members already (a restarted
# member rejoins by itself; each node is asked itself, so this works while node 1 is down). Their apps
# are stopped and started together (stopping alone takes 5 s: the management plugin's statistics
# tick), the joins go one after the other.
form_cluster() {
  local k seed members joining=()
  seed=$(node 1)
  for k; do
    members=$(ctl "$k" cluster_status --formatter json | nodes_in disk_nodes)
    contains_all "$members" "$seed" || joining+=("$k")
  done
  ((${#joining[@]})) || return 0
  on_each stop_app "${joining[@]}"
  for k in "${joining[@]}"; do
    echo "$(node "$k") joins $seed"
    ctl "$k" join_cluster "$seed" >/dev/null
  done
  on_each start_app "${joining[@]}"
}

# contains_all LINES NAME...: whether every NAME is one of the LINES.
contains_all() {
  local lines=$1 name
  shift
  for name; do grep -qxF "$name" <<<"$lines" || return 1; done
}

# Waits until node k sees every node that runs among the cluster's running members.
await_cluster() {
  local k=$1 j expected=() seen deadline=$((SECONDS + 60))
  for j in 1 2 3; do node_pid "$j" >/dev/null && expected+=("$(node "$j")"); done
  until seen=$(running_members "$k") && contains_all "$seen" "${expected[@]}"; do
    ((SECONDS < deadline)) || die "$(node "$k") sees $(paste -sd' ' - <<<"$seen") running, not all of ${expected[*]}"
    sleep 1
  done
}

# Stops the given nodes gracefully, together; any still up after STOP_TIMEOUT is killed.
stop_nodes() {
  local k pid pids=() deadline=$((SECONDS + STOP_TIMEOUT))
  for k; do
    pid=$(node_pid "$k") || continue
    pids[k]=$pid
    timeout "$STOP_TIMEOUT" rabbitmqctl -q -n "$(node "$k")" stop >/dev/null 2>&1 &
  done
  for k in "${!pids[@]}"; do
    while kill -0 "${pids[k]}" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.2; done
    if kill -0 "${pids[k]}" 2>/dev/null; then
      echo "$(node "$k") did not stop in $STOP_TIMEOUT s; killing pid ${pids[k]}" >&2
      kill -KILL "${pids[k]}"
    fi
  done
  wait
}

status_line() {
  local k=$1 pid state=stopped members=''
  if pid=$(node_pid "$k"); then
    state=running
    members=$(timeout 30 rabbitmqctl -q -n "$(node "$k")" cluster_status --formatter json 2>/dev/null |
      nodes_in running_nodes | paste -sd, -) || true
    members="members ${members:-?}"
  else
    pid=-
  fi
  printf '%-24s pid %-7s amqp %-5s %-8s %s\n' "$(node "$k")" "$pid" "$(port "$k" 0)" "$state" "$members"
}

node_number() {
  [[ ${1:-} =~ ^[1-3]$ ]] || die "which node? 1, 2 or 3, not '${1:-}'"
  echo "$1"
}

command=${1:-}
if [[ $command == addresses ]]; then
  printf '127.0.0.1:%s,127.0.0.1:%s,127.0.0.1:%s\n' "$(port 1 0)" "$(port 2 0)" "$(port 3 0)"
  exit 0
fi
cluster_dir=$(required RABBIT_CLUSTER_DIR)
cluster_dir=$(realpath -m "$cluster_dir")
check_host
started_at=$EPOCHREALTIME

case $command in
  start)
    start_nodes 1 2 3
    form_cluster 2 3
    await_cluster 1
    echo "RabbitMQ cluster $name is up in $(elapsed): $(node 1), $(node 2) and $(node 3) running as one"
    ;;
  stop)
    stop_nodes 1 2 3
    echo "RabbitMQ cluster $name is stopped in $(elapsed)"
    ;;
  start-node)
    k=$(node_number "${2:-}")
    start_nodes "$k"
    ((k == 1)) || form_cluster "$k"
    await_cluster "$k"
    echo "$(node "$k") is up and in the cluster in $(elapsed)"
    ;;
  stop-node)
    k=$(node_number "${2:-}")
    stop_nodes "$k"
    echo "$(node "$k") is stopped in $(elapsed)"
    ;;
  status)
    # the three asked at once (rabbitmqctl takes a second to start), printed in order
    exec {one}< <(status_line 1) {two}< <(status_line 2) {three}< <(status_line 3)
    cat <&"$one"; cat <&"$two"; cat <&"$three"
    ;;
  destroy)
    stop_nodes 1 2 3
    rm -rf "$(node_dir 1)" "$(node_dir 2)" "$(node_dir 3)"
    rmdir "$cluster_dir" 2>/dev/null || true
    echo "RabbitMQ cluster $name is gone from $cluster_dir"
    ;;
  *)
    die "usage: $0 start|stop|stop-node N|start-node N|status|addresses|destroy"
    ;;
esac
