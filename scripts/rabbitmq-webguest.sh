#!/usr/bin/env bash
# Creates (or brings up to date) the broker user that browsers use over Web STOMP.
#
# webguest may read the paynotify fanout and manage its own stomp-subscription-* queues:
# it can subscribe to /exchange/paynotify, it can never publish (no write on any exchange)
# and it cannot read the suite's own queues. Idempotent: run it as often as you like.
#
# Environment: WEBSTOMP_USER (webguest), WEBSTOMP_PASSWORD (webguest), RABBIT_VHOST (/),
# WEBSTOMP_MAX_CONNECTIONS (1000). With a local rabbitmqctl it is used; otherwise (or with
# WEBGUEST_VIA=api) the management API at RABBIT_MANAGEMENT_URL (http://127.0.0.1:15672) as
# RABBIT_USER/RABBIT_PASSWORD (guest/guest).
set -euo pipefail

user="${WEBSTOMP_USER:-webguest}"
password="${WEBSTOMP_PASSWORD:-webguest}"
vhost="${RABBIT_VHOST:-/}"
max_connections="${WEBSTOMP_MAX_CONNECTIONS:-1000}"
api="${RABBIT_MANAGEMENT_URL:-http://127.0.0.1:15672}"
configure='^stomp-subscription-.*'
write='^stomp-subscription-.*'
read='^(paynotify|stomp-subscription-.*)$'

via="${WEBGUEST_VIA:-}"
if [[ -z $via ]]; then
  if command -v rabbitmqctl >/dev/null 2>&1 && rabbitmqctl -q status >/dev/null 2>&1; then via=ctl; else via=api; fi
fi

with_ctl() {
  if rabbitmqctl -q list_users | awk '{print $1}' | grep -qxF -- "$user"; then
    # keep the password the environment asks for, so a changed WEBSTOMP_PASSWORD takes effect
    rabbitmqctl -q change_password "$user" "$password" >/dev/null
  else
    rabbitmqctl -q add_user "$user" "$password" >/dev/null
  fi
  rabbitmqctl -q set_user_tags "$user" >/dev/null
  rabbitmqctl -q set_permissions -p "$vhost" "$user" "$configure" "$write" "$read" >/dev/null
  rabbitmqctl -q set_user_limits "$user" "{\"max-connections\": $max_connections}" >/dev/null
}

json() { python3 -c 'import json, sys; print(json.dumps(dict(zip(sys.argv[1::2], sys.argv[2::2]))))' "$@"; }
urlencode() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$1"; }
call() {
  curl -fsS -u "${RABBIT_USER:-guest}:${RABBIT_PASSWORD:-guest}" -H 'content-type: application/json' "$@" >/dev/null
}

with_api() {
  local u v
  u=$(urlencode "$user"); v=$(urlencode "$vhost")
  call -X PUT -d "$(json password "$password" tags "")" "$api/api/users/$u"
  call -X PUT -d "$(json configure "$configure" write "$write" read "$read")" "$api/api/permissions/$v/$u"
  call -X PUT -d "{\"value\": $max_connections}" "$api/api/user-limits/$u/max-connections"
}

"with_$via"
echo "RabbitMQ user $user may subscribe to /exchange/paynotify on vhost $vhost (via $via)"
