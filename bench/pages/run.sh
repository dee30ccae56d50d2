#!/usr/bin/env bash
# Seeds a programme of 5,000 mentors and 5,000 mentees (or the sizes given) into a fresh database,
# starts Upward on it and times every page for each role with bench/pages/measure.py.
#
#   bench/pages/run.sh sqlite [mentors mentees rounds]
#   bench/pages/run.sh postgres [mentors mentees rounds]     (starts a throwaway PostgreSQL: scripts/postgres.sh)
#
# Use a quiet machine: the figures are only as good as the machine is idle.
set -euo pipefail
cd "$(dirname "$0")/../.."
provider=${1:-sqlite}; mentors=${2:-5000}; mentees=${3:-5000}; rounds=${4:-20}
port=${UPWARD_BENCH_PORT:-5380}
work=$(mktemp -d /tmp/upward-pages.XXXXXX)
app_pid=""
cleanup() { [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

dotnet build -c Release src/Upward.Web -clp:ErrorsOnly >/dev/null
dotnet build -c Release src/Upward.Cli -clp:ErrorsOnly >/dev/null
if [ "$provider" = postgres ]; then
  # shellcheck source=scripts/postgres.sh
  . scripts/postgres.sh
  # postgres.sh traps EXIT to stop its server; stop the app and remove the files too.
  trap 'cleanup; stop_postgres' EXIT
  start_postgres >&2
  connection="$UPWARD_TEST_POSTGRES"
else
  connection="Data Source=$work/upward.db"
fi
dotnet src/Upward.Cli/bin/Release/net10.0/upward.dll seed --mentors "$mentors" --mentees "$mentees" \
  --provider "$provider" --connection "$connection" | tee "$work/seed.txt"
password=$(sed -nE 's/.*the password (\S+).*/\1/p' "$work/seed.txt")
domain=$(sed -nE 's/^ +admin@(\S+)$/\1/p' "$work/seed.txt")

Upward__Database__Provider="$provider" Upward__Database__ConnectionString="$connection" \
Upward__SealingKeys__Directory="$work/sealing-keys" Upward__Scheduler__Enabled=false \
Upward__SignInLimits__PostsPerAddress=100000 Upward__Email__PickupFolder="$work/mail" \
  dotnet src/Upward.Web/bin/Release/net10.0/Upward.Web.dll --urls "http://127.0.0.1:$port" --contentRoot "$PWD/src/Upward.Web" >"$work/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 1; done
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB; $provider; $mentors mentors, $mentees mentees"
python3 bench/pages/measure.py "http://127.0.0.1:$port" "$domain" "$password" "$rounds"
