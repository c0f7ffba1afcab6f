#!/usr/bin/env bash
# Makes, once, the two RSA key pairs of Alipay's public-key mode, so the suite runs Alipay with no
# merchant account: the merchant's app key pair (the pay service signs requests with the private
# half; Alipay, here the sandbox, verifies with the public half) and Alipay's own pair (the sandbox
# signs answers and notifications; the pay service verifies with the public half). Nothing here
# belongs in the repository: ./changgou keeps them in its run folder's secrets.
#
#   scripts/alipay-keys.sh DIR
#
# Writes into DIR (kept when already there): app-private.pem (PKCS#8), app-public.pem (X.509
# SubjectPublicKeyInfo), alipay-private.pem, alipay-public.pem; 2048-bit RSA, for RSA2 (SHA256withRSA).
set -euo pipefail

dir=${1:?usage: alipay-keys.sh DIR}
mkdir -p "$dir"
chmod 700 "$dir"
umask 077

for who in app alipay; do
  if [[ ! -s $dir/$who-private.pem || ! -s $dir/$who-public.pem ]]; then
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$dir/$who-private.pem" 2>/dev/null
    openssl pkey -in "$dir/$who-private.pem" -pubout -out "$dir/$who-public.pem"
  fi
done
echo "Alipay key pairs in $dir (app-*.pem: the merchant's; alipay-*.pem: Alipay's, the sandbox's)"
