#!/usr/bin/env bash
# Load test: 50 respondents saving questionnaire pages at once on SQLite, then a count of what was
# saved. Starts its own Upward on 127.0.0.1 with a throwaway database and stops it afterwards.
#   bench/wrk/run-answer-bench.sh [respondents=50] [duration=30s] [think-ms=0]
# With think-ms 0 each respondent saves again as soon as the last save returns (saturation: the
# figures are the server's capacity); with, say, 1000 each pauses 0.5–1.5 s between pages.
set -euo pipefail
cd "$(dirname "$0")"
RESPONDENTS="${1:-50}"
CONNECTIONS="${CONNECTIONS:-$RESPONDENTS}"
DURATION="${2:-30s}"
THINK_MS="${3:-0}"
PORT="${PORT:-5077}"
WORK="$(mktemp -d)"
DB="$WORK/upward.db"
BASE="http://127.0.0.1:$PORT"
REPO="$(cd ../.. && pwd)"

dotnet build "$REPO/src/Upward.Web" -c Release -v quiet -nologo >/dev/null
Upward__Database__Provider=sqlite Upward__Database__ConnectionString="Data Source=$DB" \
  dotnet "$REPO/src/Upward.Web/bin/Release/net10.0/Upward.Web.dll" --demo --urls "$BASE" \
  --contentRoot "$REPO/src/Upward.Web" >"$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -fs "$BASE/health/ready" >/dev/null && break; sleep 1; done

python3 respondents.py add "$DB" "$RESPONDENTS"
python3 respondents.py sessions "$DB" "$BASE" "$RESPONDENTS"
# Warm up (JIT, caches, SQLite pages) before measuring; its saves are overwritten by the run.
wrk -t"$CONNECTIONS" -c"$CONNECTIONS" -d5s -s answer-pages.lua "$BASE" >/dev/null
CPU_BEFORE=$(awk '{print $14 + $15}' "/proc/$SERVER/stat")
# One thread per connection: each thread is one respondent (see answer-pages.lua).
wrk -t"$CONNECTIONS" -c"$CONNECTIONS" -d"$DURATION" --latency -s answer-pages.lua "$BASE" -- "$THINK_MS" | tee "$WORK/wrk.txt"
CPU_AFTER=$(awk '{print $14 + $15}' "/proc/$SERVER/stat")
echo "server CPU during the run: $(( (CPU_AFTER - CPU_BEFORE) * 1000 / $(getconf CLK_TCK) )) ms; machine load: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 respondents.py verify "$DB" results.tsv
echo "server errors logged: $(grep -c '"LogLevel":"Error"' "$WORK/server.log" || true)"
rm -f sessions.tsv items.tsv results.tsv
