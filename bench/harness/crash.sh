#!/usr/bin/env bash
# kill -9 under the shared Telegram harness's load (../shared/bench, README "Through a real channel"): 100 users run
# peers/tamkeen-script.json against a service that crash-peer.sh starts again after each death; it is killed once,
# KILL_AT seconds after the load starts; afterwards the harness's counts and the SQLite file say what was lost or doubled.
# usage: bench/harness/crash.sh HOST_DIR [KILL_AT=20] [OUT=/tmp/harness-crash]     (BENCH_DIR: the harness, default ../shared/bench)
set -euo pipefail
host=$(realpath "$1"); kill_at=${2:-20}; out=${3:-/tmp/harness-crash}
here=$(realpath "$(dirname "$0")")
bench=$(realpath "${BENCH_DIR:-$here/../../../shared/bench}")
rm -rf "$out"; mkdir -p "$out/db"
cd "$bench"
node bench.js --peers tamkeen --users 100 --reps 1 --warmup 10 --duration 20 \
  --peer tamkeen="env TAMKEEN_HOST_DIR=$host CRASH_DIR=$out/db $here/crash-peer.sh" \
  --script-for tamkeen=peers/tamkeen-script.json --secret s3cret --webhook-path /telegram/webhook --out "$out/results" &
harness=$!
# The load starts once the service listens (bench.js waits for the port).
until grep -q "Now listening" "$out/db/service.log" 2>/dev/null; do sleep 0.1; done
sleep "$kill_at"
pkill -9 -f "$host/Tamkeen.Host.dll"
echo "killed at $(date -u +%T.%3N), ${kill_at} s after the service first listened"
wait "$harness"
python3 "$here/crash-count.py" "$out/db/tamkeen.db" "$out/results/tamkeen-u100-r1.json" "$out/db/service.log"
