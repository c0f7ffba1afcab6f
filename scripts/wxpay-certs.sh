#!/usr/bin/env bash
# Makes, once, the certificates that let refunds run over mutual TLS with no merchant account:
# a local CA, the sandbox's HTTPS server certificate, and the merchant's client certificate as
# WeChat hands it out (apiclient_cert.p12, password = the merchant id). Nothing here belongs in the
# repository: ./changgou keeps them in its run folder's secrets, readable by their owner only.
#
#   scripts/wxpay-certs.sh DIR MCH_ID
#
# Writes into DIR (kept when already there, so a restart keeps its certificates):
#   ca.pem                the local CA: the sandbox trusts clients it signed, the pay service trusts
#                         the sandbox's server certificate through it (WXPAY_TRUST_CA)
#   sandbox-tls.p12       the sandbox's server key and certificate (127.0.0.1, localhost, wxpay-sandbox)
#   sandbox-tls.password  that keystore's password (random)
#   apiclient_cert.p12    the merchant's client key and certificate, CN = MCH_ID, password MCH_ID
# ca.key stays in DIR too, so a later run can sign a new client certificate with the same CA.
set -euo pipefail

dir=${1:?usage: wxpay-certs.sh DIR MCH_ID}
mch_id=${2:?usage: wxpay-certs.sh DIR MCH_ID}
[[ $mch_id =~ ^[0-9A-Za-z]{1,32}$ ]] || { echo "MCH_ID must be 1-32 letters or digits" >&2; exit 2; }

mkdir -p "$dir"
chmod 700 "$dir"
umask 077
cd "$dir"

days=3650
if [[ ! -s ca.pem || ! -s ca.key ]]; then
  openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days "$days" \
    -subj "/O=Changgou sandbox/CN=Changgou sandbox CA" \
    -keyout ca.key -out ca.pem \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
  rm -f sandbox-tls.p12 apiclient_cert.p12
fi

sign() { # name subject extensions
  openssl req -new -newkey rsa:2048 -nodes -sha256 -subj "$2" -keyout "$1.key" -out "$1.csr" 2>/dev/null
  printf '%s\n' "$3" > "$1.ext"
  openssl x509 -req -in "$1.csr" -CA ca.pem -CAkey ca.key -CAcreateserial -days "$days" -sha256 \
    -extfile "$1.ext" -out "$1.pem" 2>/dev/null
  rm -f "$1.csr" "$1.ext"
}

if [[ ! -s sandbox-tls.p12 || ! -s sandbox-tls.password ]]; then
  sign sandbox-tls "/O=Changgou sandbox/CN=wxpay-sandbox" \
    "subjectAltName=IP:127.0.0.1,DNS:localhost,DNS:wxpay-sandbox
extendedKeyUsage=serverAuth
keyUsage=critical,digitalSignature,keyEncipherment"
  openssl rand -hex 16 > sandbox-tls.password
  openssl pkcs12 -export -name sandbox-tls -inkey sandbox-tls.key -in sandbox-tls.pem -certfile ca.pem \
    -passout "file:sandbox-tls.password" -out sandbox-tls.p12
  rm -f sandbox-tls.key sandbox-tls.pem
fi

if [[ ! -s apiclient_cert.p12 ]] || ! openssl pkcs12 -in apiclient_cert.p12 -passin "pass:$mch_id" -nokeys 2>/dev/null \
    | grep -q "CN *= *$mch_id"; then
  sign apiclient "/O=Changgou sandbox merchant/CN=$mch_id" \
    "extendedKeyUsage=clientAuth
keyUsage=critical,digitalSignature,keyEncipherment"
  openssl pkcs12 -export -name apiclient -inkey apiclient.key -in apiclient.pem -certfile ca.pem \
    -passout "pass:$mch_id" -out apiclient_cert.p12
  rm -f apiclient.key apiclient.pem
fi
rm -f ca.srl
echo "WeChat refund certificates in $dir (CA ca.pem, sandbox sandbox-tls.p12, merchant apiclient_cert.p12 for $mch_id)"
