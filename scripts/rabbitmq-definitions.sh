#!/usr/bin/env bash
# Applies the suite's broker topology from deploy/rabbitmq/definitions.json (its exchanges, queues with
# their arguments, bindings and policies) to one vhost, as the broker's administrator, before any app
# starts: no app depends on another having declared first, and each app's own declaration on connect
# is then the drift check (RabbitMQ refuses a redeclare whose arguments differ, and the app fails to
# start saying which). Idempotent: importing what exists already changes nothing.
#
# The file is the one an operator imports whole (README, "Operations"); its users, permissions and
# limits are not applied here: rabbitmq-users.sh and rabbitmq-webguest.sh set those with this run's
# names and passwords. POST /api/definitions/{vhost} puts what it takes into that vhost whatever the
# file's "vhost" fields say.
#
# The order timeout's delay queue is named after the timeout (order.timeout.delay.<seconds>s, TTL the
# same): the file holds the default (PT30M); with ORDER_TIMEOUT set, the queue and its binding are
# renamed to match what the order service will declare.
#
# Environment: RABBIT_VHOST (/); RABBIT_DEFINITIONS (deploy/rabbitmq/definitions.json); ORDER_TIMEOUT
# (PT30M; ISO-8601 like PT60S, or 60s / 30m / 2h / 1d, or milliseconds); the management API at
# RABBIT_MANAGEMENT_URL as RABBIT_USER / RABBIT_PASSWORD (rabbitmq-lib.sh). Needs jq, except with the
# default timeout: then the file goes as it is (the broker keeps only the vhost's part of it).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/rabbitmq-lib.sh"

definitions="${RABBIT_DEFINITIONS:-$(dirname "${BASH_SOURCE[0]}")/../deploy/rabbitmq/definitions.json}"
vhost="${RABBIT_VHOST:-/}"
[[ -r $definitions ]] || { echo "cannot read the broker definitions $definitions" >&2; exit 2; }

# Milliseconds of a duration as Spring Boot reads order.timeout; fails on any other form.
duration_ms() {
  local d=$1
  if [[ $d =~ ^PT(([0-9]+)H)?(([0-9]+)M)?(([0-9]+)S)?$ && $d != PT ]]; then
    echo $(((${BASH_REMATCH[2]:-0} * 3600 + ${BASH_REMATCH[4]:-0} * 60 + ${BASH_REMATCH[6]:-0}) * 1000))
  elif [[ $d =~ ^([0-9]+)(ms|s|m|h|d)?$ ]]; then
    local n=${BASH_REMATCH[1]}
    case ${BASH_REMATCH[2]} in
      ''|ms) echo "$n" ;; s) echo $((n * 1000)) ;; m) echo $((n * 60000)) ;; h) echo $((n * 3600000)) ;; d) echo $((n * 86400000)) ;;
    esac
  else
    echo "ORDER_TIMEOUT '$d' is not a duration this script reads (PT60S, 60s, 30m, 60000)" >&2
    return 2
  fi
}

ttl_ms=$(duration_ms "${ORDER_TIMEOUT:-PT30M}")
delay_queue="order.timeout.delay.$((ttl_ms / 1000))s"

if command -v jq >/dev/null 2>&1; then
  body=$(jq -c --arg delay "$delay_queue" --argjson ttl "$ttl_ms" '
    def delay_queue: test("^order\\.timeout\\.delay\\.[0-9]+s$");
    {exchanges, policies,
     queues: [.queues[] | if (.name | delay_queue) then .name = $delay | .arguments["x-message-ttl"] = $ttl else . end],
     bindings: [.bindings[] | if (.destination | delay_queue) then .destination = $delay | .routing_key = $delay else . end]}' \
    "$definitions")
elif [[ $delay_queue == order.timeout.delay.1800s ]]; then
  body=$(<"$definitions")
else
  echo "jq is needed to apply $definitions with ORDER_TIMEOUT=${ORDER_TIMEOUT}" >&2
  exit 2
fi

api POST "/api/definitions/$(urlencode "$vhost")" "$body"
echo "RabbitMQ topology of $(basename "$definitions") (delay queue $delay_queue) is applied to vhost $vhost"
