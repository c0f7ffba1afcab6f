# Sourced by the rabbitmq-*.sh scripts: how they reach the broker as its administrator.
#
# A local rabbitmqctl that answers is used; otherwise (or with RABBIT_VIA=api) the management API
# at RABBIT_MANAGEMENT_URL (http://127.0.0.1:15672) as RABBIT_USER/RABBIT_PASSWORD (guest/guest).
# Passwords reach rabbitmqctl and curl on stdin or through a pipe, never on a command line, where
# any local user could read them in the process list.

rabbit_api="${RABBIT_MANAGEMENT_URL:-http://127.0.0.1:15672}"
rabbit_admin="${RABBIT_USER:-guest}:${RABBIT_PASSWORD:-guest}"

# ctl or api: $1 if set (a script's own override), else RABBIT_VIA, else whichever is at hand.
rabbit_via() {
  local via="${1:-${RABBIT_VIA:-}}"
  if [[ -z $via ]]; then
    if command -v rabbitmqctl >/dev/null 2>&1 && rabbitmqctl -q status >/dev/null 2>&1; then via=ctl; else via=api; fi
  fi
  [[ $via == ctl || $via == api ]] || { echo "unknown way to the broker: $via (ctl or api)" >&2; return 2; }
  echo "$via"
}

# The value of variable $1, which must be set and not empty.
required() {
  [[ -n ${!1:-} ]] || { echo "$1 must be set" >&2; exit 2; }
  printf '%s' "${!1}"
}

# The value of variable $1 (default $2), which must be a whole number.
count() {
  local value="${!1:-$2}"
  [[ $value =~ ^[0-9]+$ ]] || { echo "$1 must be a whole number, not '$value'" >&2; exit 2; }
  printf '%s' "$value"
}

json_string() {
  local s=$1
  [[ $s != *[[:cntrl:]]* ]] || { echo "refusing a name or password with control characters" >&2; exit 2; }
  s=${s//\\/\\\\}
  printf '"%s"' "${s//\"/\\\"}"
}

urlencode() {
  local LC_ALL=C s=$1 out='' c i
  for ((i = 0; i < ${#s}; i++)); do
    c=${s:i:1}
    case $c in
      [A-Za-z0-9._~-]) out+=$c ;;
      *) printf -v c '%%%02X' "'$c"; out+=$c ;;
    esac
  done
  printf '%s' "$out"
}

# api METHOD PATH [JSON]: one management API call as the administrator; fails with the answer's body.
api() {
  local quoted=${rabbit_admin//\\/\\\\}
  curl -sS --fail-with-body --max-time 15 -X "$1" -H 'content-type: application/json' \
    --config <(printf 'user = "%s"\n' "${quoted//\"/\\\"}") \
    --data-binary @- "$rabbit_api$2" <<<"${3:-}" >/dev/null
}

# ctl_user USER PASSWORD: creates the user or sets its password (so a changed password takes
# effect), with no tags: no management UI or API for it.
ctl_user() {
  if rabbitmqctl -q list_users | awk '{print $1}' | grep -qxF -- "$1"; then
    rabbitmqctl -q change_password "$1" <<<"$2" >/dev/null
  else
    rabbitmqctl -q add_user "$1" <<<"$2" >/dev/null
  fi
  rabbitmqctl -q set_user_tags "$1" >/dev/null
}

api_user() {
  api PUT "/api/users/$(urlencode "$1")" "{\"password\": $(json_string "$2"), \"tags\": \"\"}"
}

# ctl_permissions|api_permissions VHOST USER CONFIGURE WRITE READ
ctl_permissions() {
  rabbitmqctl -q set_permissions -p "$1" "$2" "$3" "$4" "$5" >/dev/null
}

api_permissions() {
  api PUT "/api/permissions/$(urlencode "$1")/$(urlencode "$2")" \
    "{\"configure\": $(json_string "$3"), \"write\": $(json_string "$4"), \"read\": $(json_string "$5")}"
}
