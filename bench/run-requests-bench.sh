#!/usr/bin/env bash
# Request list and statistics benchmark on SQLite and PostgreSQL.
# Usage: bench/run-requests-bench.sh [N=1000000] [Sqlite|PostgreSQL|all] [harness options: --iterations 30 --warmup 3 --analyze]
#        bench/run-requests-bench.sh --stop
# The SQLite file and the PostgreSQL cluster are kept between runs (bench/data, git-ignored) so a second run skips
# the ~5 minute seed; --stop shuts the kept PostgreSQL down and deletes its cluster.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
source scripts/lib.sh
DATA="$ROOT/bench/data"
STATE="$DATA/postgres.env"
mkdir -p "$DATA"

if [ "${1:-}" = "--stop" ]; then
  [ -f "$STATE" ] && source "$STATE" && stop_postgres && rm -f "$STATE"
  exit 0
fi
N=${1:-1000000}
WHICH=${2:-all}

# Reuses the kept server when it still answers; otherwise starts one the way the tests do (127.0.0.1 only).
ensure_postgres() {
  if [ -f "$STATE" ]; then
    source "$STATE"
    local bin; bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
    if "$bin/pg_isready" -h 127.0.0.1 -p "$PG_PORT" -q; then echo "PostgreSQL reused on 127.0.0.1:$PG_PORT"; return 0; fi
    rm -rf "$PG_DIR"
  fi
  start_postgres
  printf 'PG_DIR=%q\nPG_PORT=%q\nPG_CONNECTION=%q\n' "$PG_DIR" "$PG_PORT" "$PG_CONNECTION" > "$STATE"
}

dotnet build bench/Intranet.Bench -c Release -nologo -v:q -clp:ErrorsOnly
run() { dotnet bench/Intranet.Bench/bin/Release/net10.0/Intranet.Bench.dll "$@"; }

if [ "$WHICH" = "all" ] || [ "$WHICH" = "Sqlite" ]; then
  run --provider Sqlite --connection "Data Source=$DATA/requests-sqlite.db" --count "$N" "${@:3}"
fi
if [ "$WHICH" = "all" ] || [ "$WHICH" = "PostgreSQL" ]; then
  ensure_postgres
  run --provider PostgreSQL --connection "${PG_CONNECTION/Database=postgres/Database=intranet_bench};Command Timeout=600" --count "$N" "${@:3}"
fi
