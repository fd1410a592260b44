#!/usr/bin/env bash
# Live-capture benchmark: a moto account with 2,000 security groups and 5,000 instances,
# captured by `netaudit snapshot` and, side by side, dumped by the AWS CLI (the same describe calls).
#
#   scripts/capture/bench_capture.sh [NETAUDIT_BINARY] [SGS] [INSTANCES]
#
# Binds 127.0.0.1 only; the moto server is stopped by its PID.
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=${1:-.build-capture/release/netaudit}
SGS=${2:-2000}
INSTANCES=${3:-5000}
[ -x "$BIN" ] || { echo "build it first: swift build -c release --scratch-path .build-capture --product netaudit" >&2; exit 2; }
. scripts/capture/moto_up.sh

t0=$(date +%s.%N)
python3 scripts/capture/moto_setup.py workshop "$URL" >/dev/null
python3 scripts/capture/moto_setup.py groups "$URL" "$SGS"
python3 scripts/capture/moto_setup.py instances "$URL" "$INSTANCES"
t1=$(date +%s.%N)
echo "setup: $SGS security groups + $INSTANCES instances (+ workshop) in $(echo "$t1 - $t0" | bc) s"

# The server's own floor: the four biggest answers fetched one after another with curl (unsigned
# Authorization header: moto does not check signatures here).
AUTH='Authorization: AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=0'
t0=$(date +%s.%N)
for body in "Action=DescribeInstances&Version=2016-11-15" "Action=DescribeNetworkInterfaces&Version=2016-11-15" \
            "Action=DescribeSecurityGroups&Version=2016-11-15"; do
  curl -s -o /dev/null -H "$AUTH" -d "$body" "$URL/"
done
curl -s -o /dev/null -H "${AUTH//ec2/iam}" -d "Action=GetAccountAuthorizationDetails&Version=2010-05-08" "$URL/"
t1=$(date +%s.%N)
echo "moto alone, 4 biggest calls in sequence (curl): $(echo "$t1 - $t0" | bc) s"

t0=$(date +%s.%N)
"$BIN" snapshot --out "$WORK/live.db" --endpoint-url "$URL" --regions us-east-1 | tee "$WORK/netaudit.out"
t1=$(date +%s.%N)
echo "netaudit snapshot: $(echo "$t1 - $t0" | bc) s wall"

t0=$(date +%s.%N)
python3 scripts/capture/moto_setup.py cli-dump "$URL" "$WORK/cli"
t1=$(date +%s.%N)
FILES=$(find "$WORK/cli" -name '*.json' | wc -l)
echo "AWS CLI dump (one 'aws' process per call, $FILES documents): $(echo "$t1 - $t0" | bc) s wall"

"$BIN" import "$WORK/cli" --out "$WORK/cli.db" >/dev/null
for t in security_groups instances network_interfaces; do
  a=$(sqlite3 "$WORK/live.db" "select count(*) from $t"); b=$(sqlite3 "$WORK/cli.db" "select count(*) from $t")
  echo "$t: live $a, CLI import $b"
done
