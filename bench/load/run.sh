#!/usr/bin/env bash
# Load test with a fault: two instances of Upward behind Debian's nginx on loopback, sharing one
# PostgreSQL; N respondents (default 500) save questionnaire pages flat out with wrk; one instance is
# killed with SIGKILL part-way. Then: every answer an instance acknowledged must be in the database,
# and the only failed requests may be the killed instance's, at the moment it died. In the same run,
# the floor (bench/load/Floor: one INSERT per request, two instances behind the same nginx, same
# database) is measured with the same respondents, and the ratio printed.
#
#   bench/load/run.sh [respondents=500] [seconds=60] [kill-after=20] [floor-seconds=30]
#
# Needs wrk, nginx (Debian packages), PostgreSQL's server binaries and psql (it starts its own
# throwaway server with fsync on, as a real one runs), dotnet and python3. Ports: PORT_A, PORT_B for the
# instances and PORT_PROXY for nginx (default 5321, 5322, 8080 as in bench/nginx/nginx.conf).
set -euo pipefail
cd "$(dirname "$0")/../.."
REPO=$PWD
N=${1:-500}; SECONDS_RUN=${2:-60}; KILL_AFTER=${3:-20}; FLOOR_SECONDS=${4:-30}
PORT_A=${PORT_A:-5321}; PORT_B=${PORT_B:-5322}; PORT_PROXY=${PORT_PROXY:-8080}
WORK=$(mktemp -d /tmp/upward-load.XXXXXX); chmod 755 "$WORK"
PIDS=()

# shellcheck source=scripts/postgres.sh
. scripts/postgres.sh
trap - EXIT
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -f "$WORK/nginx/upward-nginx.pid" ] && kill "$(cat "$WORK/nginx/upward-nginx.pid")" 2>/dev/null || true
  stop_postgres
  echo "logs kept in $WORK"
}
trap cleanup EXIT

echo "== build (Release)"
dotnet build -c Release src/Upward.Web -clp:ErrorsOnly -v quiet -nologo >/dev/null
dotnet build -c Release bench/load/Floor -clp:ErrorsOnly -v quiet -nologo >/dev/null

echo "== PostgreSQL"
# As scripts/postgres.sh's start_postgres, but durable (fsync on) and with room for 2 × 40 connections.
pg_dir=$(mktemp -d /tmp/upward-pg.XXXXXX); chmod 755 "$pg_dir"; [ "$(id -u)" -eq 0 ] && chown postgres "$pg_dir"
pg_port=$(free_port)
as_postgres "$(pg_bin)/initdb" -D "$pg_dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$pg_dir/initdb.log" 2>&1
as_postgres "$(pg_bin)/pg_ctl" -D "$pg_dir/data" -o "-k $pg_dir -h 127.0.0.1 -p $pg_port -c max_connections=200 -c shared_buffers=256MB" \
  -l "$pg_dir/server.log" -w start >/dev/null
export PGHOST=127.0.0.1 PGPORT=$pg_port PGUSER=postgres PGDATABASE=upward_load
psql -X -q -d postgres -c "CREATE DATABASE upward_load"
CONN="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=upward_load;Maximum Pool Size=40"
echo "PostgreSQL $("$(pg_bin)/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port (fsync on)"

cpu_ms() { awk -v tck="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / tck)}' "/proc/$1/stat"; }
ready() { for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$1/health/ready" >/dev/null && return 0; sleep 1; done; echo "port $1 not ready" >&2; return 1; }
start_upward() {  # port [--demo]
  Upward__Database__Provider=postgres Upward__Database__ConnectionString="$CONN" \
  Upward__SealingKeys__Directory="$WORK/sealing-keys" Upward__Email__PickupFolder="$WORK/mail-$1" \
  Upward__SignInLimits__PostsPerAddress=1000000 \
    dotnet "$REPO/src/Upward.Web/bin/Release/net10.0/Upward.Web.dll" --urls "http://127.0.0.1:$1" --contentRoot "$REPO/src/Upward.Web" "${@:2}" \
    >"$WORK/upward-$1.log" 2>&1 &
  PIDS+=($!); LAST_PID=$!
}

echo "== two instances of Upward on :$PORT_A and :$PORT_B"
# One loads the demo programme into the empty database; the other starts once it has.
start_upward "$PORT_A" --demo; PID_A=$LAST_PID; ready "$PORT_A"
start_upward "$PORT_B"; PID_B=$LAST_PID; ready "$PORT_B"

echo "== nginx on :$PORT_PROXY (bench/nginx/nginx.conf with these ports)"
mkdir -p "$WORK/nginx"; chmod 777 "$WORK/nginx"
cp bench/nginx/upward-proxy.conf "$WORK/nginx/"
sed -e "s/127.0.0.1:5321/127.0.0.1:$PORT_A/; s/127.0.0.1:5322/127.0.0.1:$PORT_B/; s/127.0.0.1:8080/127.0.0.1:$PORT_PROXY/" \
    -e 's/^\(\s*\)access_log upward-nginx-access.log;/\1log_format bench "$msec $status $upstream_addr $upstream_status $request_time $request_method";\n\1access_log upward-nginx-access.log bench;/' \
    bench/nginx/nginx.conf >"$WORK/nginx/nginx.conf"
nginx -q -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx/" 2>/dev/null || nginx -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx/"
PROXY="http://127.0.0.1:$PORT_PROXY"
LOG="$WORK/nginx/upward-nginx-access.log"

echo "== $N respondents"
cd "$WORK"
python3 "$REPO/bench/load/respondents.py" add "$N"
python3 "$REPO/bench/load/respondents.py" sessions "$N" "http://127.0.0.1:$PORT_A" "http://127.0.0.1:$PORT_B"
# Warm up both instances through nginx (JIT, pools); the measured run overwrites these answers.
wrk -t"$N" -c"$N" -d5s --timeout 30s -s "$REPO/bench/wrk/answer-pages.lua" "$PROXY" >/dev/null

echo "== Upward: $N respondents for ${SECONDS_RUN} s; instance :$PORT_B killed (SIGKILL) after ${KILL_AFTER} s"
START=$(date +%s.%N); CPU_A=$(cpu_ms "$PID_A")
# wrk takes a while to start 500 threads on a busy machine and prints "Running" once it has; its
# time, and the kill, count from then.
: >"$WORK/wrk-upward.txt"
( while ! grep -q '^Running' "$WORK/wrk-upward.txt"; do sleep 0.1; done
  date +%s.%N >"$WORK/running-at"
  sleep "$KILL_AFTER"; kill -9 "$PID_B"; date +%s.%N >"$WORK/killed-at" ) &
KILLER=$!
# One thread per connection: each thread is one respondent with one save in flight (answer-pages.lua).
stdbuf -oL wrk -t"$N" -c"$N" -d"${SECONDS_RUN}s" --timeout 30s --latency -s "$REPO/bench/wrk/answer-pages.lua" "$PROXY" -- 0 | tee -a "$WORK/wrk-upward.txt"
END=$(date +%s.%N); CPU_A=$(( $(cpu_ms "$PID_A") - CPU_A ))
wait "$KILLER"
KILLED_AT=$(cat "$WORK/killed-at")
echo "-- acknowledged answers against the database"
LOST=0; python3 "$REPO/bench/load/respondents.py" verify results.tsv || LOST=1
echo "-- requests through nginx (its access log)"
RUNNING_AT=$(cat "$WORK/running-at")
BEYOND=0; SERVED_BY="127.0.0.1:$PORT_A" RUN_SPAN="$RUNNING_AT $SECONDS_RUN" python3 "$REPO/bench/load/analyse.py" "$LOG" "$START" "$END" 302 "$KILLED_AT" "127.0.0.1:$PORT_B" | tee "$WORK/upward-analysis.txt" || BEYOND=1
SAVES_A=$(sed -nE 's/^acknowledged by .*: ([0-9]+)$/\1/p' "$WORK/upward-analysis.txt")
echo "CPU of the surviving instance: $CPU_A ms for $SAVES_A saves, $(python3 -c "print(f'{$CPU_A / max($SAVES_A, 1):.1f}')") ms a save" | tee -a "$WORK/upward-analysis.txt"
echo "errors logged by the surviving instance: $(grep -c '"LogLevel":"Error"\|fail:' "$WORK/upward-$PORT_A.log" || true)"
kill "$PID_A"; wait "$PID_A" 2>/dev/null || true

echo "== the floor: one INSERT per request, two instances on :$PORT_A and :$PORT_B, the same nginx and database"
cd "$REPO"
for port in "$PORT_A" "$PORT_B"; do
  Floor__ConnectionString="$CONN" dotnet bench/load/Floor/bin/Release/net10.0/Floor.dll --urls "http://127.0.0.1:$port" >"$WORK/floor-$port.log" 2>&1 &
  PIDS+=($!); FLOOR_PID=$!
  ready "$port"
done
cd "$WORK"
sleep 10   # nginx's fail_timeout for the killed instance's port
wrk -t"$N" -c"$N" -d5s --timeout 30s -s "$REPO/bench/load/floor.lua" "$PROXY" >/dev/null
START=$(date +%s.%N); CPU_F=$(cpu_ms "$FLOOR_PID")
: >"$WORK/wrk-floor.txt"
( while ! grep -q '^Running' "$WORK/wrk-floor.txt"; do sleep 0.1; done; date +%s.%N >"$WORK/floor-running-at" ) &
WATCHER=$!
stdbuf -oL wrk -t"$N" -c"$N" -d"${FLOOR_SECONDS}s" --timeout 30s --latency -s "$REPO/bench/load/floor.lua" "$PROXY" | tee -a "$WORK/wrk-floor.txt"
wait "$WATCHER"
END=$(date +%s.%N); CPU_F=$(( $(cpu_ms "$FLOOR_PID") - CPU_F ))
FLOOR_LOST=0; python3 "$REPO/bench/load/respondents.py" verify-floor floor-acknowledged.tsv || FLOOR_LOST=1
SERVED_BY="127.0.0.1:$PORT_B" RUN_SPAN="$(cat "$WORK/floor-running-at") $FLOOR_SECONDS" python3 "$REPO/bench/load/analyse.py" "$LOG" "$START" "$END" 204 | tee "$WORK/floor-analysis.txt" || true
SAVES_F=$(sed -nE 's/^acknowledged by .*: ([0-9]+)$/\1/p' "$WORK/floor-analysis.txt")
echo "CPU of the floor instance on :$PORT_B: $CPU_F ms for $SAVES_F saves, $(python3 -c "print(f'{$CPU_F / max($SAVES_F, 1):.2f}')") ms a save" | tee -a "$WORK/floor-analysis.txt"

echo "== summary"
upward_rate=$(sed -nE 's/^  two instances .*: ([0-9.]+) saves\/s, p50 ([0-9]+) ms, p95 ([0-9]+) ms/\1 \2 \3/p' "$WORK/upward-analysis.txt")
floor_rate=$(sed -nE 's/^wrk.s run .* ([0-9.]+) saves\/s, p50 ([0-9]+) ms, p95 ([0-9]+) ms/\1 \2 \3/p' "$WORK/floor-analysis.txt")
read -r ur up50 up95 <<<"$upward_rate"; read -r fr fp50 fp95 <<<"$floor_rate"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
echo "Upward, two instances: $ur saves/s, p95 $up95 ms; floor: $fr saves/s, p95 $fp95 ms; Upward/floor: $(python3 -c "print(f'{$ur / $fr:.2f}')")"
echo "CPU a save: Upward $(python3 -c "print(f'{$CPU_A / max($SAVES_A, 1):.1f}')") ms, floor $(python3 -c "print(f'{$CPU_F / max($SAVES_F, 1):.2f}')") ms (one instance's CPU time over the saves it acknowledged)"
echo "acknowledged answers lost: $([ $LOST = 0 ] && echo none || echo SOME); floor: $([ $FLOOR_LOST = 0 ] && echo none || echo SOME); errors beyond the killed instance in flight: $([ $BEYOND = 0 ] && echo none || echo SOME)"
[ $LOST = 0 ] && [ $BEYOND = 0 ] && [ $FLOOR_LOST = 0 ]
