#!/usr/bin/env bash
# Archive search benchmark: 500,000 clippings, median/p95 of the archive search on SQLite (FTS5) and PostgreSQL
# (tsvector + GIN). Usage: bench/run-press-bench.sh [N=500000] [Sqlite|PostgreSQL|all] [--iterations 30 --warmup 3]
# The SQLite file stays in bench/data (git-ignored) so a second run skips the seed; PostgreSQL is a throwaway server
# on 127.0.0.1 started and stopped by this script.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
source scripts/lib.sh
DATA="$ROOT/bench/data"
mkdir -p "$DATA"
N=${1:-500000}
WHICH=${2:-all}

dotnet build bench/Intranet.PressBench -c Release -nologo -v:q -clp:ErrorsOnly
run() { dotnet bench/Intranet.PressBench/bin/Release/net10.0/Intranet.PressBench.dll "$@"; }

if [ "$WHICH" = "all" ] || [ "$WHICH" = "Sqlite" ]; then
  run --provider Sqlite --connection "Data Source=$DATA/press-sqlite.db" --count "$N" "${@:3}"
fi
if [ "$WHICH" = "all" ] || [ "$WHICH" = "PostgreSQL" ]; then
  trap stop_postgres EXIT
  start_postgres
  run --provider PostgreSQL --connection "${PG_CONNECTION/Database=postgres/Database=press_bench};Command Timeout=600" --count "$N" "${@:3}"
fi
