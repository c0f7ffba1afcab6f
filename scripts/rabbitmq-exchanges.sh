#!/usr/bin/env bash
# Declares, as the broker's administrator, the exchanges that several apps meet at, so none of them
# depends on another having started first and none needs the right to configure (and so delete)
# another's exchange. Idempotent: declaring an existing exchange with the same arguments is a no-op.
#
# ./changgou and docker-compose apply the whole topology from deploy/rabbitmq/definitions.json instead
# (rabbitmq-definitions.sh); the services' broker tests still prepare their vhosts with this script.
#
# order.events  durable fanout: the order service publishes every order event there (its outbox
#               relay, with confirms); each subscribing service binds its own queue to it. The order
#               service declares it too (it owns it); the subscribers only bind.
#
# Environment: RABBIT_VHOST (/); the management API at RABBIT_MANAGEMENT_URL as RABBIT_USER /
# RABBIT_PASSWORD (rabbitmq-lib.sh). Always through the API: rabbitmqctl cannot declare exchanges.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/rabbitmq-lib.sh"

vhost=$(urlencode "${RABBIT_VHOST:-/}")
order_events="${ORDER_EVENTS_EXCHANGE:-order.events}"

api PUT "/api/exchanges/$vhost/$(urlencode "$order_events")" '{"type": "fanout", "durable": true, "auto_delete": false}'
echo "RabbitMQ exchange $order_events (fanout) is declared on vhost ${RABBIT_VHOST:-/}"
