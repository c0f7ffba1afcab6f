#!/usr/bin/env bash
# Creates (or brings up to date) the broker user that browsers use over Web STOMP, and bounds
# what its subscriptions can hold. Idempotent: run it as often as you like.
#
# webguest may read paynotify.token (the push, routed by each payment's opaque token) and manage its
# own stomp-subscription-* queues: a page subscribes to /exchange/paynotify.token/<its token>. It may
# not read the paynotify fanout itself (every payment's push), it can never publish to the suite's
# exchanges and it cannot read the suite's queues. A topic permission on paynotify.token lets it bind
# with a token-shaped key only (22 url-safe characters, as the pay service makes them): a wildcard
# such as # (every payment's push) is refused. Its password is in every wxpay page, so what it can create is bounded:
# the policy webstomp-subscriptions deletes a stomp-subscription-* queue nobody consumed for
# WEBSTOMP_QUEUE_EXPIRES_MS and keeps at most WEBSTOMP_QUEUE_MAX_LENGTH messages and
# WEBSTOMP_QUEUE_MAX_LENGTH_BYTES of bodies in one, dropping the oldest (a browser wants the
# latest state only). The vhost's own limits (max-queues, max-connections) come from
# rabbitmq-users.sh.
#
# The permission patterns cannot tell a queue from an exchange: over AMQP 0-9-1, webguest could
# declare an exchange named stomp-subscription-x and publish into its own queues. The policy
# bounds what those queues keep, and the AMQP port is for the apps only: browsers need Web STOMP.
#
# Environment: WEBSTOMP_USER (webguest), WEBSTOMP_PASSWORD (webguest), RABBIT_VHOST (/),
# WEBSTOMP_MAX_CONNECTIONS (1000), WEBSTOMP_QUEUE_EXPIRES_MS (60000), WEBSTOMP_QUEUE_MAX_LENGTH
# (1000), WEBSTOMP_QUEUE_MAX_LENGTH_BYTES (262144); how the broker is reached: rabbitmq-lib.sh
# (WEBGUEST_VIA overrides RABBIT_VIA).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/rabbitmq-lib.sh"

user="${WEBSTOMP_USER:-webguest}"
password="${WEBSTOMP_PASSWORD:-webguest}"
vhost="${RABBIT_VHOST:-/}"
max_connections=$(count WEBSTOMP_MAX_CONNECTIONS 1000)
configure='^stomp-subscription-.*'
write='^stomp-subscription-.*'
read='^(paynotify\.token|stomp-subscription-.*)$'
token_exchange="${WEBSTOMP_TOKEN_EXCHANGE:-paynotify.token}"
token_key='^[A-Za-z0-9_-]{22}$'
policy=webstomp-subscriptions
pattern='^stomp-subscription-'
definition="{\"expires\": $(count WEBSTOMP_QUEUE_EXPIRES_MS 60000), \
\"max-length\": $(count WEBSTOMP_QUEUE_MAX_LENGTH 1000), \
\"max-length-bytes\": $(count WEBSTOMP_QUEUE_MAX_LENGTH_BYTES 262144), \"overflow\": \"drop-head\"}"
# only one policy applies to a queue, the highest priority's: above a catch-all an operator adds at 0
priority=10

with_ctl() {
  ctl_user "$user" "$password"
  ctl_permissions "$vhost" "$user" "$configure" "$write" "$read"
  rabbitmqctl -q set_topic_permissions -p "$vhost" "$user" "$token_exchange" '^$' "$token_key" >/dev/null
  rabbitmqctl -q set_user_limits "$user" "{\"max-connections\": $max_connections}" >/dev/null
  rabbitmqctl -q set_policy -p "$vhost" --apply-to queues --priority "$priority" \
    "$policy" "$pattern" "$definition" >/dev/null
}

with_api() {
  api_user "$user" "$password"
  api_permissions "$vhost" "$user" "$configure" "$write" "$read"
  api PUT "/api/topic-permissions/$(urlencode "$vhost")/$(urlencode "$user")" \
    "{\"exchange\": $(json_string "$token_exchange"), \"write\": \"^\$\", \"read\": $(json_string "$token_key")}"
  api PUT "/api/user-limits/$(urlencode "$user")/max-connections" "{\"value\": $max_connections}"
  api PUT "/api/policies/$(urlencode "$vhost")/$policy" "{\"pattern\": $(json_string "$pattern"), \
\"definition\": $definition, \"priority\": $priority, \"apply-to\": \"queues\"}"
}

via=$(rabbit_via "${WEBGUEST_VIA:-}")
"with_$via"
echo "RabbitMQ user $user may subscribe to /exchange/paynotify.token/<token> on vhost $vhost; its queues are bounded by policy $policy (via $via)"
