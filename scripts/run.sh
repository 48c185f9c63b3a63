#!/usr/bin/env bash
# Runs the intranet on SQLite with the demo municipality and the development sign-in.
# Usage: scripts/run.sh [port]   (default 5080; the app listens on 127.0.0.1 only)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
source "$ROOT/scripts/lib.sh"
PORT=${1:-5080}

ensure_front_end_packages
echo "Belediye İntranet: http://127.0.0.1:$PORT  (demo kullanıcı seçerek oturum açın; durdurmak için Ctrl+C)"
cd "$ROOT"
exec dotnet run --project src/Intranet.Web --launch-profile Intranet.Web --urls "http://127.0.0.1:$PORT"
