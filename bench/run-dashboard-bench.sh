#!/usr/bin/env bash
# Live-dashboard benchmark on 1,000,000 requests (SQLite). Prints figures; it is not a test and asserts nothing.
#   1. dashboard refresh (DashboardQueries.ComputeAsync), municipality and one directorate, median/p95, per query
#   2. change-to-screen latency with 50, 100 and 500 open dashboards (circuit-load's client against the real app;
#      bench/circuits-dashboard.js: the stock circuits.js answers JS calls with null, which ends every dashboard circuit)
#   3. app CPU during a burst of 100 changes/s for 10 s with 50 dashboards open, and whether any screen fell behind
# Idempotent: reuses $DASHBENCH_DIR/intranet.db when present; otherwise copies $DASHBENCH_SOURCE_DB when that
# database has this branch's migration history, else seeds one (about 15-20 min on 2 cores).
# Environment: DASHBENCH_DIR (/tmp/dashbench), DASHBENCH_SOURCE_DB, DASHBENCH_REQUESTS (1000000),
#              DASHBENCH_RUNS (30), DASHBENCH_CIRCUITS ("50 200 500"), DASHBENCH_CHANGES (20),
#              DASHBENCH_FLOOR_PAGES (/bench/bos), DASHBENCH_SKIP_REFRESH (reuse the last refresh figures),
#              DASHBENCH_BURST_KINDS ("route intake"; " " for none), DASHBENCH_CLIENT_ARGS (more options for
#              circuits-dashboard.js, e.g. "--dump-batches FILE"), CIRCUIT_LOAD (/work/shared/tools/circuit-load)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
source scripts/lib.sh

WORK=${DASHBENCH_DIR:-/tmp/dashbench}
DB=$WORK/intranet.db
SOURCE_DB=${DASHBENCH_SOURCE_DB:-/work/wt-stats/bench/data/requests-sqlite.db}
REQUESTS=${DASHBENCH_REQUESTS:-1000000}
RUNS=${DASHBENCH_RUNS:-30}
CIRCUITS=${DASHBENCH_CIRCUITS:-50 200 500}
CHANGES=${DASHBENCH_CHANGES:-20}
FLOOR_PAGES=${DASHBENCH_FLOOR_PAGES:-/bench/bos}
CIRCUIT_LOAD=${CIRCUIT_LOAD:-/work/shared/tools/circuit-load}
OUT=$WORK/results
mkdir -p "$WORK" "$OUT"
APP_PID=""

log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

stop_app() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=""
}
trap stop_app EXIT

# --- build (Release) ---------------------------------------------------------------------------------------------
log "building Release"
dotnet build src/Intranet.Web -c Release -nologo -v:q -clp:ErrorsOnly
dotnet build bench/Intranet.DashboardBench -c Release -nologo -v:q -clp:ErrorsOnly
APP_DIR=$ROOT/src/Intranet.Web
APP_BIN=$APP_DIR/bin/Release/net10.0/Intranet.Web
BENCH_BIN=$ROOT/bench/Intranet.DashboardBench/bin/Release/net10.0/Intranet.DashboardBench

# --- circuit-load client: npm ci where it is, or in a writable copy -----------------------------------------------
CL=$CIRCUIT_LOAD
if [ ! -d "$CL/node_modules/@microsoft/signalr" ]; then
  if ! (npm ci --prefix "$CL" --no-audit --no-fund --loglevel=error) >/dev/null 2>&1; then
    CL=/tmp/circuit-load
    if [ ! -d "$CL/node_modules/@microsoft/signalr" ]; then
      rm -rf "$CL" && cp -r "$CIRCUIT_LOAD" "$CL" && chmod -R u+w "$CL"
      npm ci --prefix "$CL" --no-audit --no-fund --loglevel=error >/dev/null
    fi
  fi
fi

# --- the 1M database ----------------------------------------------------------------------------------------------
# A copied database must carry only migrations this branch has; another branch's schema would time other indexes.
compatible() {
  local src=$1 id
  [ -f "$src" ] || return 1
  for id in $(sqlite3 "$src" "select MigrationId from __EFMigrationsHistory" 2>/dev/null); do
    [ -f "src/Intranet.Migrations.Sqlite/Migrations/$id.cs" ] || { log "$src has migration $id that this branch lacks"; return 1; }
  done
  [ "$(sqlite3 "$src" 'select count(*) from Requests')" -ge "$REQUESTS" ]
}
if [ -f "$DB" ]; then
  log "reusing $DB"
elif compatible "$SOURCE_DB"; then
  log "copying $SOURCE_DB"
  cp "$SOURCE_DB" "$DB.tmp" && mv "$DB.tmp" "$DB"
else
  log "seeding $REQUESTS requests into $DB (takes a while)"
  rm -f "$DB.seed" "$DB.seed-wal" "$DB.seed-shm"
  (cd "$APP_DIR" && ASPNETCORE_ENVIRONMENT=Development Database__Provider=Sqlite \
    ConnectionStrings__Intranet="Data Source=$DB.seed" Escalation__Enabled=false Kvkk__RetentionEnabled=false \
    dotnet run --no-build -c Release -- --seed-requests "$REQUESTS")
  sqlite3 "$DB.seed" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
  mv "$DB.seed" "$DB"; rm -f "$DB.seed-wal" "$DB.seed-shm"
fi

# --- 1. refresh time ----------------------------------------------------------------------------------------------
if [ -n "${DASHBENCH_SKIP_REFRESH:-}" ] && [ -f "$OUT/refresh.txt" ]; then
  log "dashboard refresh: reusing $OUT/refresh.txt (DASHBENCH_SKIP_REFRESH)"
else
  log "dashboard refresh: $RUNS runs per scope"
  "$BENCH_BIN" "$DB" --runs "$RUNS" --migrate --plans | tee "$OUT/refresh.txt"
fi

# --- the app ------------------------------------------------------------------------------------------------------
PORT=$(free_port)
BASE=http://127.0.0.1:$PORT
start_app() {
  (cd "$APP_DIR" && exec env ASPNETCORE_ENVIRONMENT=Development Database__Provider=Sqlite \
    ConnectionStrings__Intranet="Data Source=$DB" Database__SeedDemoData=false Bench__Enabled=true \
    Escalation__Enabled=false Kvkk__RetentionEnabled=false Logging__LogLevel__Default=Warning \
    "$APP_BIN" --urls "$BASE" >"$OUT/app.log" 2>&1) &
  APP_PID=$!
  for _ in $(seq 1 600); do  # start-up migrates a database that lacks migrations: up to 5 min on 1M rows
    curl -fsS "$BASE/healthz" >/dev/null 2>&1 && break
    kill -0 "$APP_PID" 2>/dev/null || { cat "$OUT/app.log" >&2; exit 1; }
    sleep 0.5
  done
  curl -fsS "$BASE/healthz" >/dev/null
  # Dev sign-in as demo-ozk-1 (mayor's office: the whole municipality).
  local jar=$WORK/cookies.txt token
  rm -f "$jar"
  token=$(curl -fsS -c "$jar" -b "$jar" "$BASE/hesap/giris" \
    | grep -o 'name="__RequestVerificationToken"[^>]*value="[^"]*"' | head -n 1 | sed 's/.*value="\([^"]*\)"/\1/')
  [ -n "$token" ] || { echo "no antiforgery token on /hesap/giris" >&2; exit 1; }
  curl -fsS -o /dev/null -c "$jar" -b "$jar" "$BASE/hesap/demo-giris" \
    --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "objectId=demo-ozk-1" --data-urlencode "returnUrl=/"
  COOKIE=$(awk -F'\t' 'NF >= 7 && $1 !~ /^#( |$)/ {printf "%s%s=%s", (n++ ? "; " : ""), $6, $7}' "$jar")
  grep -q 'intranet.auth' <<<"$COOKIE" || { echo "sign-in failed: no intranet.auth cookie" >&2; exit 1; }
  export COOKIE
  curl -fsS -H "cookie: $COOKIE" -o "$WORK/home.html" "$BASE/"
  warm_saves
  grep -q '<!--Blazor:{"type":"server"' "$WORK/home.html" \
    || { echo "the dashboard has no interactive server marker (see $WORK/home.html)" >&2; exit 1; }
}

# --- 2. change-to-screen latency, dashboard and the bare floor under the same conditions ---------------------------
# Each page gets a fresh app (clean RSS and heap per circuit). A change counts as arrived only with a render showing a
# newer snapshot version (--await-version); two warm-up changes first are not counted (the first change pays the
# trigger's own JIT and query compilation). The floor: /bench/bos, one number of the same shared snapshot pushed with
# InvokeAsync(StateHasChanged), no shell (the circuit-load README's bare page, inside this app, on this database).
# The save path a change goes through is run once per change, so in a fresh app it is still being compiled to its
# optimized tier long after the pages are: measured, ~20 ms of JIT per change over the first ~700 changes, then next
# to none. The figures are of a server that has been up for a while, so each fresh app first takes 400 intakes and
# 400 re-routes (added to the database like any other change); the JIT figures before and after go in the log.
warm_saves() {
  log "warming the save path: 400 intakes and 400 re-routes; JIT before: $(curl -fsS "$BASE/bench/bellek" | grep -o '"jit_methods.*')"
  for i in $(seq 1 400); do
    curl -fsS -o /dev/null "$BASE/bench/degisiklik?k=isinma-$i" && curl -fsS -o /dev/null "$BASE/bench/degisiklik?k=isinma-$i&kind=route"
  done
  log "JIT after: $(curl -fsS "$BASE/bench/bellek" | grep -o '"jit_methods.*')"
}

run_circuits() { # name path n
  log "change-to-screen latency: $1 with $3 circuits (fresh app)"
  start_app
  NODE_PATH=$CL/node_modules node bench/circuits-dashboard.js "$BASE$2" "$3" --pid "$APP_PID" --heap "$BASE/bench/bellek" \
    --trigger "$BASE/bench/degisiklik?k={k}" --changes "$CHANGES" --await-version --warmup 2 --warm-circuits 5 ${DASHBENCH_CLIENT_ARGS:-} | tee "$OUT/circuits-$1-$3.json"
  stop_app
  sleep 2
}
for n in $CIRCUITS; do
  run_circuits dashboard / "$n"
  for page in $FLOOR_PAGES; do run_circuits "floor$(tr / - <<<"$page")" "$page" "$n"; done
done

# --- 3. burst CPU -------------------------------------------------------------------------------------------------
# Two kinds of change: "route" (a request re-routed to another directorate through the workflow service: the change
# staff make all day in the grids; every screen's directorate figures move) and "intake" (a new request taken in:
# every card moves, and the save is the heaviest the app has).
BURST_KINDS=${DASHBENCH_BURST_KINDS:-route intake}
for kind in $BURST_KINDS; do
  log "burst ($kind): 100 changes/s for 10 s with 50 dashboards (fresh app)"
  start_app
  NODE_PATH=$CL/node_modules node bench/dashboard-burst.js "$BASE/" 50 --pid "$APP_PID" \
    --trigger "$BASE/bench/degisiklik?k={k}&kind=$kind" --rate 100 --seconds 10 --clk-tck "$(getconf CLK_TCK)" \
    --version-url "$BASE/bench/surum" | tee "$OUT/burst-$kind.json"
  stop_app
  sleep 2
done

# --- summary ------------------------------------------------------------------------------------------------------
{
  echo
  echo "================ live dashboard benchmark: summary ================"
  echo "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ {print $2}') GB RAM;"
  echo "         app and load client share the cores; database $DB ($(du -m "$DB" | cut -f1) MB)"
  sed -n '/== dashboard refresh summary ==/,$p' "$OUT/refresh.txt" | tail -n +2
  for n in $CIRCUITS; do
    for name in dashboard $(for p in $FLOOR_PAGES; do echo "floor$(tr / - <<<"$p")"; done); do
      [ -f "$OUT/circuits-$name-$n.json" ] || continue
      node -e '
        const lines = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").map(l => JSON.parse(l));
        const o = Object.assign({}, ...lines);
        console.log(`latency ${String(o.circuits).padStart(3)} ${process.argv[2].padEnd(20)}: median=${o.median_ms} ms p95=${o.p95_ms} ms max=${o.max_ms} ms missed=${o.missed}/${o.changes * o.circuits} batch=${o.batch_bytes_per_change} B  RSS ${o.rss_per_circuit_kb} KB/circuit, managed heap ${o.heap_per_circuit_kb} KB/circuit${o.circuits_with_errors ? "  ERRORS " + o.circuits_with_errors : ""}`);
      ' "$OUT/circuits-$name-$n.json" "$name"
    done
  done
  echo "  (floor = the bare page in this app under the same conditions; circuit-load README on an idle machine: 100 circuits p95 42 ms, 500 p95 127 ms)"
  echo "  (memory: growth after 5 circuits were opened and closed first, divided by the circuits; batch = render-batch bytes per screen and change)"
  for kind in $BURST_KINDS; do node -e '
    const o = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n")[0]);
    console.log(`burst (${process.argv[2]}) 100/s x 10 s, 50 dashboards: changes ok=${o.changes_ok} failed=${o.changes_failed} in ${o.burst_s} s; app CPU ${o.app_cpu_s} s over ${o.observed_wall_s} s = ${o.app_cores_avg} cores avg (${o.app_cpu_ms_per_change} ms/change)`);
    console.log(`  renders per dashboard during burst: min=${o.batches_per_circuit_min} median=${o.batches_per_circuit_median} max=${o.batches_per_circuit_max}; behind after burst: ${o.circuits_behind_after_burst}/${o.circuits}; last render after last change: median=${o.settle_after_last_change_ms_median} ms max=${o.settle_after_last_change_ms_max} ms; client CPU ${o.client_cpu_s} s`);
  ' "$OUT/burst-$kind.json" "$kind"; done
  echo "raw output: $OUT"
} | tee "$OUT/summary.txt"
