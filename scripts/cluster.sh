#!/usr/bin/env bash
# Two app instances as one cluster on this machine: mosquitto (devices' broker, shared subscription), Redis (Orleans
# membership), PostgreSQL (history) and the app published once and started twice.
#   scripts/cluster.sh            # instance 1 on http://localhost:5001, instance 2 on http://localhost:5002
# Installs what is missing on Debian; stop everything with Ctrl+C. Sign in as admin with DIGITALTWIN_ADMIN_PASSWORD
# (default Admin-pass-2026). Devices publish to mosquitto on localhost:1883 (anonymous here: loopback only).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
missing=()
[ -x /usr/sbin/mosquitto ] || missing+=(mosquitto)
[ -x /usr/bin/redis-server ] || missing+=(redis-server)
if [ ${#missing[@]} -gt 0 ]; then
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

work=.cluster
mkdir -p "$work"
server="$(scripts/start-postgres.sh)"
database="Host=127.0.0.1;Port=${server#*Port=}"
# Two instances share PostgreSQL's connections (100 by default): 40 each at most.
database="${database%%;Database=*};Database=digitaltwin_cluster;Maximum Pool Size=40"
PGPASSWORD="${server#*Password=}" ; PGPASSWORD="${PGPASSWORD%%;*}"
export PGPASSWORD
psql -h 127.0.0.1 -U "$(sed 's/.*Username=\([^;]*\).*/\1/' <<<"$server")" -d postgres -tAc \
  "SELECT 1 FROM pg_database WHERE datname = 'digitaltwin_cluster'" | grep -q 1 \
  || psql -h 127.0.0.1 -U "$(sed 's/.*Username=\([^;]*\).*/\1/' <<<"$server")" -d postgres -qc "CREATE DATABASE digitaltwin_cluster"

echo "Publishing the app to $work/app ..."
dotnet publish DigitalTwin.Web -c Release -o "$work/app" --nologo -v quiet

pids=()
trap 'kill "${pids[@]}" 2>/dev/null; wait' EXIT INT TERM
printf "listener 1883 127.0.0.1\nallow_anonymous true\npersistence true\npersistence_location %s/\nmax_queued_messages 1000000\n" "$PWD/$work" > "$work/mosquitto.conf"
[ "$(id -u)" -eq 0 ] && echo "user root" >> "$work/mosquitto.conf"
/usr/sbin/mosquitto -c "$work/mosquitto.conf" & pids+=($!)
redis-server --port 6379 --bind 127.0.0.1 --save "" --appendonly no >"$work/redis.log" & pids+=($!)
sleep 1

for n in 1 2; do
  ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://localhost:500$n" \
  Auth__AdminPassword="${DIGITALTWIN_ADMIN_PASSWORD:-Admin-pass-2026}" \
  Cluster__Enabled=true Cluster__Redis=127.0.0.1:6379 Orleans__SiloPort="1111$n" \
  Database__Provider=Postgres ConnectionStrings__DigitalTwin="$database" \
  Mqtt__Mode=External Mqtt__Host=127.0.0.1 Mqtt__Port=1883 Mqtt__ClientId="digitaltwin-$n" Mqtt__SharedGroup=digitaltwin \
  Simulator__Count=$([ "$n" = 1 ] && echo 3 || echo 0) Power__SeedSampleData=$([ "$n" = 1 ] && echo true || echo false) \
  "$work/app/DigitalTwin.Web" & pids+=($!)
  sleep 5
done
echo "Cluster up: http://localhost:5001 and http://localhost:5002 (Ctrl+C stops both instances, mosquitto and Redis)."
wait
