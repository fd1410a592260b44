#!/usr/bin/env bash
# Rate-limiter simulation: `netaudit snapshot --org --regions all` against scripts/bench/org_sim.py (an organization
# of ACCOUNTS members × 17 regions answering with latency and AWS's EC2 throttling). Only STS, Organizations, EC2 and
# IAM are called (--skip-services for the rest: ~30 calls per account-region instead of ~60), so the run stays a few
# minutes; the figures are then extrapolated per call.
#
#   scripts/bench/org_sim.sh [NETAUDIT_BINARY] [ACCOUNTS] [CONCURRENCY] [extra netaudit flags...]
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=${1:-.build/release/netaudit}
ACCOUNTS=${2:-1000}
CONCURRENCY=${3:-64}
shift $(( $# < 3 ? $# : 3 ))
[ -x "$BIN" ] || { echo "build it first: swift build -c release --product netaudit" >&2; exit 2; }
WORK=$(mktemp -d)
python3 scripts/bench/org_sim.py "$ACCOUNTS" >"$WORK/port" 2>"$WORK/sim.log" &
SIM_PID=$!
cleanup() { kill "$SIM_PID" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
for _ in $(seq 50); do [ -s "$WORK/port" ] && break; sleep 0.1; done
URL=http://127.0.0.1:$(cat "$WORK/port")
SKIP=elbv2,rds,lambda,sns,sqs,kms,secretsmanager,ecr,efs,eks,elasticache,opensearch,ecs,directconnect,s3,s3control
t0=$(date +%s.%N)
AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null \
  AWS_DEFAULT_REGION=us-east-1 "$BIN" snapshot --org --out "$WORK/org.db" --endpoint-url "$URL" --regions all \
  --concurrency "$CONCURRENCY" --account-concurrency "$CONCURRENCY" --skip-services "$SKIP" "$@" | cut -c1-200
t1=$(date +%s.%N)
echo "wall: $(echo "$t1 - $t0" | bc) s"
curl -s "$URL/sim-stats"; echo
