#!/usr/bin/env bash
# Runs every test: unit, integration (real MQTT broker, real SQLite and PostgreSQL), bUnit and end-to-end (real Chromium).
# Installs what the tests need on a fresh Debian machine with the .NET 10 SDK.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v npm >/dev/null || missing+=(npm)
[ -x /usr/sbin/mosquitto ] || missing+=(mosquitto)
# Redis holds the membership table of the cluster tests (two instances as one Orleans cluster).
[ -x /usr/bin/redis-server ] || missing+=(redis-server)
# Hangul in the end-to-end screenshots of the power pages.
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} ..."
  if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# PostgreSQL for the history tests: installed, started and given a role when missing; a value already set wins.
export DIGITALTWIN_TEST_POSTGRES="${DIGITALTWIN_TEST_POSTGRES:-$(scripts/start-postgres.sh)}"

results=$(mktemp -d)
status=0
# A test that hangs is stopped after 10 minutes and named, instead of holding the run until CI gives up.
dotnet test DigitalTwin.sln -c Release --logger "trx;LogFilePrefix=run" --results-directory "$results" \
  --blame-hang-timeout 10m --blame-hang-dump-type none "$@" || status=$?

# One closing line over all test assemblies, in the plain form CI reads.
count() { grep -ho "<Counters [^>]*" "$results"/*.trx 2>/dev/null | grep -o " $1=\"[0-9]*\"" | grep -o "[0-9]*" | awk "{ s += \$1 } END { print s + 0 }"; }
passed=$(count passed); failed=$(( $(count failed) + $(count error) + $(count timeout) )); skipped=$(count notExecuted)
echo "${passed:-0} passed, ${failed} failed, ${skipped:-0} skipped"
[ "${passed:-0}" -gt 0 ] || { echo "No test ran."; status=1; }
rm -rf "$results"
exit $status
