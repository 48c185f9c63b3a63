#!/usr/bin/env bash
# Runs the unit/component/HTTP test project (not the browser tests) with the machine's clock set to other dates
# (Debian's faketime), to show that no test depends on the day it runs. The monotonic clock and timed waits are left
# alone, so timeouts and timers still work. Dates (UTC): a year's last evening (already 1 January in Istanbul), a bayram
# day, a summer weekday and a Sunday night; or the dates given as arguments ("YYYY-MM-DD HH:MM:SS", UTC).
# Ends with the line "N passed, N failed, N skipped" over all dates; exits non-zero on any failure.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
source "$ROOT/scripts/lib.sh"
cd "$ROOT"

ensure_apt_packages faketime postgresql || true
command -v faketime >/dev/null || { echo "faketime is not installed"; echo "0 passed, 1 failed, 0 skipped"; exit 1; }
trap stop_postgres EXIT
if start_postgres; then export INTRANET_TEST_POSTGRES="$PG_CONNECTION"; fi

dates=("$@")
[ ${#dates[@]} -eq 0 ] && dates=("2026-12-31 20:30:00" "2027-03-20 09:00:00" "2027-07-15 09:00:00" "2027-02-07 22:30:00")

dotnet build tests/Intranet.Tests -c Release -nologo -v:q -clp:ErrorsOnly || { echo "0 passed, 1 failed, 0 skipped"; exit 1; }
RESULTS="$ROOT/TestResults/dates-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$RESULTS"
total_passed=0; total_failed=0; total_skipped=0
for when in "${dates[@]}"; do
  tag=$(echo "$when" | tr -c '0-9\n' '-')
  started=$(date +%s)
  # FAKETIME_FORCE_MONOTONIC_FIX=0: without it libfaketime 0.9.10 cuts .NET's timed waits short (a Thread.Sleep(1000)
  # returns after ~30 ms), so every timeout fires at once and the test host never connects.
  TZ=UTC FAKETIME_DONT_FAKE_MONOTONIC=1 FAKETIME_FORCE_MONOTONIC_FIX=0 faketime "$when" \
    dotnet test tests/Intranet.Tests -c Release --no-build --nologo --results-directory "$RESULTS" \
      --logger "trx;LogFileName=$tag.trx" --logger "console;verbosity=minimal" >"$RESULTS/$tag.log" 2>&1
  counters=$(grep -o '<Counters [^>]*>' "$RESULTS/$tag.trx" 2>/dev/null | head -n 1)
  get() { local v; v=$(echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'); echo "${v:-0}"; }
  passed=$(get passed); failed=$(( $(get failed) + $(get error) + $(get timeout) + $(get aborted) )); skipped=$(get notExecuted)
  [ -z "$counters" ] && failed=1
  echo "$when UTC: $passed passed, $failed failed, $skipped skipped ($(( $(date +%s) - started )) s)"
  if [ "$failed" -gt 0 ]; then
    perl -0777 -ne 'while (/<UnitTestResult [^>]*testName="([^"]*)"[^>]*outcome="(?:Failed|Error|Timeout|Aborted)"[^>]*>(.*?)<\/UnitTestResult>/sg) {
        my ($name, $body) = ($1, $2); my ($msg) = $body =~ /<Message>(.*?)<\/Message>/s; $msg //= ""; $msg =~ s/\s+/ /g;
        printf "  FAILED %s\n      %s\n", $name, substr($msg, 0, 400); }' "$RESULTS/$tag.trx" 2>/dev/null
  fi
  total_passed=$(( total_passed + passed )); total_failed=$(( total_failed + failed )); total_skipped=$(( total_skipped + skipped ))
done
echo "$total_passed passed, $total_failed failed, $total_skipped skipped"
[ "$total_failed" -eq 0 ] && [ "$total_passed" -gt 0 ]
