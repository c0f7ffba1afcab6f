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
# renamed to match what the order service will declare. Likewise the queues' delivery limits: the
# file holds the default (10), ORDER_DELIVERY_LIMIT sets the order.* queues', USER_DELIVERY_LIMIT
# user.order-events'.
#
# RabbitMQ cannot change a queue's type or arguments, and the import leaves a queue that exists as it
# is: a vhost that still has one of these quorum queues as a classic queue (made by an earlier release),
# or with another delivery limit, would make the apps' declarations fail with PRECONDITION_FAILED
# (inequivalent arg). So, first, each queue of the file that the vhost has as a classic queue with
# other arguments is deleted if it is empty and unused, for the import to make it anew (with its
# bindings); one that holds messages or has consumers is never deleted, and neither is a quorum queue
# declared otherwise (RabbitMQ 3.10 deletes those whatever they hold): the script stops and says what
# to do.
#
# Environment: RABBIT_VHOST (/); RABBIT_DEFINITIONS (deploy/rabbitmq/definitions.json); ORDER_TIMEOUT
# (PT30M; ISO-8601 like PT60S, or 60s / 30m / 2h / 1d, or milliseconds); ORDER_DELIVERY_LIMIT and
# USER_DELIVERY_LIMIT (10); the management API at RABBIT_MANAGEMENT_URL as RABBIT_USER /
# RABBIT_PASSWORD (rabbitmq-lib.sh). Needs jq, except with the defaults: then the file goes as it is
# (the broker keeps only the vhost's part of it), and queues declared otherwise are not looked for.
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
order_limit=$(count ORDER_DELIVERY_LIMIT 10)
user_limit=$(count USER_DELIVERY_LIMIT 10)

# METHOD PATH: one management API call as the administrator, answered as its body, a space, its HTTP status.
api_answer() {
  local quoted=${rabbit_admin//\\/\\\\}
  curl -sS --max-time 15 -X "$1" -w ' %{http_code}' --config <(printf 'user = "%s"\n' "${quoted//\"/\\\"}") \
    "$rabbit_api$2"
}

# Each queue of $body that the vhost has with other arguments: deleted if it is a classic queue and
# empty and unused, which the broker checks as it deletes; otherwise the script stops.
replace_empty_queues_declared_otherwise() {
  local v name path answer live
  v=$(urlencode "$vhost")
  for name in $(jq -r '.queues[].name' <<<"$body"); do
    path="/api/queues/$v/$(urlencode "$name")"
    answer=$(api_answer GET "$path")
    case ${answer##* } in
      200) live=$(jq -c '{type, arguments}' <<<"${answer% *}") ;;
      404) continue ;;
      *) echo "GET $path answered ${answer##* }: ${answer% *}" >&2; exit 1 ;;
    esac
    jq -e --arg name "$name" --argjson live "$live" \
      '.queues[] | select(.name == $name) | .arguments != $live.arguments' <<<"$body" >/dev/null || continue
    if [[ $(jq -r '.type' <<<"$live") == classic ]]; then
      answer=$(api_answer DELETE "$path?if-empty=true&if-unused=true")
      if [[ ${answer##* } == 204 ]]; then
        echo "queue $name on vhost $vhost was an empty classic queue ($live): deleted, for the import to make it anew"
        continue
      fi
      cat >&2 <<MESSAGE
Queue $name on vhost $vhost is a classic queue ($live), and $(basename "$definitions") makes it a
quorum queue; RabbitMQ cannot change a queue's type. The broker refuses to delete it:
$(jq -r '.reason // .error' <<<"${answer% *}" 2>/dev/null || printf '%s' "${answer% *}").
A queue that holds messages is never deleted here: they would be lost. Nothing was imported. Stop what
publishes to it and empty it: let the release that declared it consume what is left, or move its messages
to a queue of another name with a shovel (rabbitmq_shovel). Then stop its consumers and run this script
again: it deletes the empty queue and makes the quorum queue. Shovel moved messages back the same way.
MESSAGE
    else
      cat >&2 <<MESSAGE
Queue $name on vhost $vhost was declared with other arguments ($live) than $(basename "$definitions")
gives it, and RabbitMQ cannot change them (a different ORDER_DELIVERY_LIMIT or USER_DELIVERY_LIMIT?).
Nothing was imported, and nothing deleted: RabbitMQ 3.10 deletes a quorum queue whatever it holds. Set
the limit back, or stop what publishes to the queue, let its consumers empty it, delete it (management
UI), and run this script again.
MESSAGE
    fi
    exit 3
  done
}

if command -v jq >/dev/null 2>&1; then
  body=$(jq -c --arg delay "$delay_queue" --argjson ttl "$ttl_ms" \
    --argjson order_limit "$order_limit" --argjson user_limit "$user_limit" '
    def delay_queue: test("^order\\.timeout\\.delay\\.[0-9]+s$");
    def delivery_limit: if startswith("user.") then $user_limit else $order_limit end;
    {exchanges, policies,
     queues: [.queues[]
       | if (.name | delay_queue) then .name = $delay | .arguments["x-message-ttl"] = $ttl else . end
       | if .arguments | has("x-delivery-limit") then .arguments["x-delivery-limit"] = (.name | delivery_limit)
         else . end],
     bindings: [.bindings[] | if (.destination | delay_queue) then .destination = $delay | .routing_key = $delay else . end]}' \
    "$definitions")
  replace_empty_queues_declared_otherwise
elif [[ $delay_queue == order.timeout.delay.1800s && $order_limit == 10 && $user_limit == 10 ]]; then
  body=$(<"$definitions")
else
  echo "jq is needed to apply $definitions with ORDER_TIMEOUT, ORDER_DELIVERY_LIMIT or USER_DELIVERY_LIMIT set" >&2
  exit 2
fi

api POST "/api/definitions/$(urlencode "$vhost")" "$body"
echo "RabbitMQ topology of $(basename "$definitions") (delay queue $delay_queue, delivery limits $order_limit and" \
  "$user_limit) is applied to vhost $vhost"
