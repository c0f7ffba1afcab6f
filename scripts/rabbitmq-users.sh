#!/usr/bin/env bash
# Creates (or brings up to date) one broker user per app, each allowed only what its app does, and
# bounds how far the vhost can grow. Idempotent: run it as often as you like.
#
# changgou-pay    declares paynotify (the push fanout) and paynotify.token (the topic exchange the
#                 pages subscribe to by token, bound to paynotify: binding needs read on the source
#                 and write on the destination) and nothing else; publishes payment results to
#                 order.pay and pushes to paynotify; consumes nothing.
# changgou-order  declares and owns order.pay with its queues order.pay.result and
#                 order.refund.result, their dead-letter queues, and the delay and timeout exchanges
#                 and queues; consumes order.pay.result, order.refund.result, their dead-letter
#                 queues (it parks dead letters for the ops console) and order.timeout.q;
#                 publishes to order.delay and order.events (the order-events fanout, which it
#                 owns; rabbitmq-exchanges.sh declares it beforehand). It may bind its queue to
#                 order.pay (read on the exchange) but never publish there (no write on it):
#                 holding its password is no way to mark an order paid.
# changgou-user   declares its own queue user.order-events, with its dead-letter exchange and queue
#                 (user.order-events.dlx, user.order-events.dlq), binds it to order.events and
#                 consumes it; publishes nowhere (dead-lettering is the broker's).
# No user has tags, so neither can use the management UI or API. Dead-lettering is the
# broker's and needs no user permission, but declaring a queue with a dead-letter exchange needs
# read on the queue and write on that exchange: hence order.pay.dlx and order.timeout in
# changgou-order's write pattern.
#
# The vhost gets max-queues and max-connections limits, so no password holder (webguest's is in
# every wxpay page) can grow it without bound.
#
# The names are the apps' defaults (pay's PayRabbitProperties, order's RabbitNames): rename there,
# rename here. The permission tests declare each app's topology as its user and fail otherwise.
#
# Environment: RABBIT_VHOST (/); PAY_RABBIT_USER (changgou-pay), PAY_RABBIT_PASSWORD (required);
# ORDER_RABBIT_USER (changgou-order), ORDER_RABBIT_PASSWORD (required); USER_RABBIT_USER
# (changgou-user), USER_RABBIT_PASSWORD (required); RABBIT_VHOST_MAX_QUEUES
# (5000), RABBIT_VHOST_MAX_CONNECTIONS (2000); how the broker is reached: rabbitmq-lib.sh
# (RABBIT_USERS_VIA overrides RABBIT_VIA). RABBIT_USER/RABBIT_PASSWORD are the broker's
# administrator, for scripts only: the apps never use them.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/rabbitmq-lib.sh"

vhost="${RABBIT_VHOST:-/}"
pay_user="${PAY_RABBIT_USER:-changgou-pay}"
pay_password=$(required PAY_RABBIT_PASSWORD)
order_user="${ORDER_RABBIT_USER:-changgou-order}"
order_password=$(required ORDER_RABBIT_PASSWORD)
user_user="${USER_RABBIT_USER:-changgou-user}"
user_password=$(required USER_RABBIT_PASSWORD)
max_queues=$(count RABBIT_VHOST_MAX_QUEUES 5000)
max_connections=$(count RABBIT_VHOST_MAX_CONNECTIONS 2000)

pay_configure='^(paynotify|paynotify\.token)$'
pay_write='^(order\.pay|paynotify|paynotify\.token)$'
pay_read='^paynotify$'

# order.timeout.delay.<seconds>s: one delay queue per order timeout (RabbitNames.delayQueue)
order_queues='order\.pay\.result|order\.pay\.result\.dlq|order\.refund\.result|order\.refund\.result\.dlq|order\.timeout\.delay\.[0-9]+s|order\.timeout\.q'
order_exchanges='order\.pay|order\.pay\.dlx|order\.delay|order\.timeout|order\.events'
order_configure="^($order_exchanges|$order_queues)\$"
# its queues (queue.bind), order.delay (timeouts), order.events (its events), the dead-letter exchanges of its queues
order_write="^($order_queues|order\\.delay|order\\.events|order\\.pay\\.dlx|order\\.timeout)\$"
# the exchanges it binds from, the queues it consumes (its dead-letter queues too: it parks what dies
# there for the ops console), the delay queue (declared with a DLX)
order_read="^($order_exchanges|order\\.pay\\.result|order\\.pay\\.result\\.dlq|order\\.refund\\.result|order\\.refund\\.result\\.dlq|order\\.timeout\\.q|order\\.timeout\\.delay\\.[0-9]+s)\$"

# user.order-events with its dead-letter exchange and queue: configure all three; write the queues
# (binding) and the DLX (declaring a queue with it); read order.events and the DLX (bound from), and
# the queue it consumes.
user_configure='^user\.order-events(\.dlx|\.dlq)?$'
user_write='^user\.order-events(\.dlx|\.dlq)?$'
user_read='^(order\.events|user\.order-events|user\.order-events\.dlx)$'

with_ctl() {
  ctl_user "$pay_user" "$pay_password"
  ctl_permissions "$vhost" "$pay_user" "$pay_configure" "$pay_write" "$pay_read"
  ctl_user "$order_user" "$order_password"
  ctl_permissions "$vhost" "$order_user" "$order_configure" "$order_write" "$order_read"
  ctl_user "$user_user" "$user_password"
  ctl_permissions "$vhost" "$user_user" "$user_configure" "$user_write" "$user_read"
  rabbitmqctl -q set_vhost_limits -p "$vhost" \
    "{\"max-queues\": $max_queues, \"max-connections\": $max_connections}" >/dev/null
}

with_api() {
  local v
  v=$(urlencode "$vhost")
  api_user "$pay_user" "$pay_password"
  api_permissions "$vhost" "$pay_user" "$pay_configure" "$pay_write" "$pay_read"
  api_user "$order_user" "$order_password"
  api_permissions "$vhost" "$order_user" "$order_configure" "$order_write" "$order_read"
  api_user "$user_user" "$user_password"
  api_permissions "$vhost" "$user_user" "$user_configure" "$user_write" "$user_read"
  api PUT "/api/vhost-limits/$v/max-queues" "{\"value\": $max_queues}"
  api PUT "/api/vhost-limits/$v/max-connections" "{\"value\": $max_connections}"
}

via=$(rabbit_via "${RABBIT_USERS_VIA:-}")
"with_$via"
echo "RabbitMQ users $pay_user, $order_user and $user_user are set on vhost $vhost, which holds at most $max_queues queues and $max_connections connections (via $via)"
