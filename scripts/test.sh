#!/usr/bin/env bash
# Runs every test: unit, component, HTTP, live PostgreSQL and browser (Debian chromium).
# Installs chromium and postgresql when missing and starts PostgreSQL on 127.0.0.1 for the run.
# With CI=true a missing dependency fails the tests that need it instead of skipping them.
# Ends with the line "N passed, N failed, N skipped"; exits non-zero on any failure.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
source "$ROOT/scripts/lib.sh"
cd "$ROOT"

ensure_apt_packages chromium postgresql redis-server || true
ensure_front_end_packages
trap stop_postgres EXIT
if start_postgres; then export INTRANET_TEST_POSTGRES="$PG_CONNECTION"; fi
[ -x /usr/bin/chromium ] && export INTRANET_CHROMIUM=/usr/bin/chromium

RESULTS="$ROOT/TestResults/run-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$RESULTS"
dotnet build Intranet.sln -c Release -nologo -v:q -clp:ErrorsOnly || { echo "0 passed, 1 failed"; exit 1; }
dotnet test Intranet.sln -c Release --no-build --nologo --results-directory "$RESULTS" \
  --logger "trx" --logger "console;verbosity=normal" "$@"
status=$?

# Sum the counters of every test assembly's TRX file into the one closing line CI reads.
passed=0; failed=0; skipped=0
for trx in "$RESULTS"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { local v; v=$(echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'); echo "${v:-0}"; }
  passed=$(( passed + $(get passed) ))
  failed=$(( failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted) ))
  skipped=$(( skipped + $(get notExecuted) ))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
# Name each failed test with the first line of its message just above the summary: CI keeps only the log's tail.
if [ "$failed" -gt 0 ]; then
  for trx in "$RESULTS"/*.trx; do
    [ -f "$trx" ] || continue
    perl -0777 -ne 'while (/<UnitTestResult [^>]*testName="([^"]*)"[^>]*outcome="(?:Failed|Error|Timeout|Aborted)"[^>]*>(.*?)<\/UnitTestResult>/sg) {
        my ($name, $body) = ($1, $2); my ($msg) = $body =~ /<Message>(.*?)<\/Message>/s; $msg //= "";
        $msg =~ s/\s+/ /g; $msg =~ s/&quot;/"/g; $msg =~ s/&lt;/</g; $msg =~ s/&gt;/>/g; $msg =~ s/&amp;/&/g;
        my ($where) = $body =~ /(\/[^\s]*\/tests\/[^\s]*:line \d+)/; $where //= "";
        printf "FAILED %s\n    %s\n    %s\n", $name, substr($msg, 0, 600), $where; }' "$trx"
  done
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
