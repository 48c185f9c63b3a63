#!/usr/bin/env bash
# Fills the placeholders of deploy/nginx/intranet.conf and writes the result to the file named as the argument.
# Settings come from the environment (defaults in brackets):
#   INTRANET_UPSTREAMS      instances, space separated host:port ["127.0.0.1:5001 127.0.0.1:5002"]
#   INTRANET_SERVER_NAME    [intranet.kagithane.bel.tr]
#   INTRANET_HTTPS_LISTEN   [443]            INTRANET_HTTP_LISTEN [80]     INTRANET_HTTPS_PORT [443]
#   INTRANET_CERTIFICATE    [/etc/ssl/certs/intranet.pem]
#   INTRANET_CERTIFICATE_KEY [/etc/ssl/private/intranet.key]
# Example: INTRANET_UPSTREAMS="10.0.5.11:5000 10.0.5.12:5000" deploy/nginx/render.sh /etc/nginx/sites-available/intranet.conf
set -euo pipefail
out=${1:?usage: render.sh OUTPUT_FILE}
here=$(cd "$(dirname "$0")" && pwd)
servers=""
for upstream in ${INTRANET_UPSTREAMS:-127.0.0.1:5001 127.0.0.1:5002}; do
  servers+="server $upstream max_fails=1 fail_timeout=10s; "
done
# Comment lines keep their placeholder names (they document them); every other line is filled.
sed -e "/^[[:space:]]*#/!{
s|@UPSTREAM_SERVERS@|$servers|
s|@SERVER_NAME@|${INTRANET_SERVER_NAME:-intranet.kagithane.bel.tr}|g
s|@HTTPS_LISTEN@|${INTRANET_HTTPS_LISTEN:-443}|g
s|@HTTP_LISTEN@|${INTRANET_HTTP_LISTEN:-80}|g
s|@HTTPS_PORT@|${INTRANET_HTTPS_PORT:-443}|g
s|@CERTIFICATE@|${INTRANET_CERTIFICATE:-/etc/ssl/certs/intranet.pem}|g
s|@CERTIFICATE_KEY@|${INTRANET_CERTIFICATE_KEY:-/etc/ssl/private/intranet.key}|g
}" "$here/intranet.conf" > "$out"
if grep -v '^[[:space:]]*#' "$out" | grep -q '@[A-Z_]*@'; then
  echo "render.sh: placeholders left in $out" >&2
  exit 1
fi
