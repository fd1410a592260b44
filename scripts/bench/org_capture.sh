#!/usr/bin/env bash
# Organization capture benchmark on moto: an organization of MEMBERS member accounts (moto_setup.py org), a VPC in
# every further region of one member, captured by `netaudit snapshot --org` in REGIONS (default 3 regions).
#
#   scripts/bench/org_capture.sh [NETAUDIT_BINARY] [MEMBERS] [REGIONS]
#
# moto does not check signatures here, so the member whose role is missing is captured too (moto lets AssumeRole
# into any ARN). Binds 127.0.0.1 only; the moto server is stopped by its PID.
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=${1:-.build/release/netaudit}
MEMBERS=${2:-20}
REGIONS=${3:-us-east-1,eu-west-1,ap-southeast-2}
[ -x "$BIN" ] || { echo "build it first: swift build -c release --product netaudit" >&2; exit 2; }
. scripts/capture/moto_up.sh
python3 scripts/capture/moto_setup.py org "$URL" "$MEMBERS" "$REGIONS" >/dev/null

t0=$(date +%s.%N)
"$BIN" snapshot --org --out "$WORK/org.db" --endpoint-url "$URL" --regions "$REGIONS" --skip-services directconnect \
  --concurrency 16 | tee "$WORK/out.txt"
t1=$(date +%s.%N)
secs=$(echo "$t1 - $t0" | bc)
calls=$(grep -o '[0-9]* API calls' "$WORK/out.txt" | grep -o '^[0-9]*')
resources=$(sqlite3 "$WORK/org.db" "select (select count(*) from vpcs)+(select count(*) from subnets)+(select count(*) from security_groups)+(select count(*) from route_tables)+(select count(*) from network_acls)+(select count(*) from iam_roles)+(select count(*) from iam_users)+(select count(*) from iam_policies)")
echo "wall $secs s; $calls calls ($(echo "scale=1; $calls / $secs" | bc) calls/s); $resources resources ($(echo "scale=1; $resources / $secs" | bc) resources/s)"
"$BIN" inspect "$WORK/org.db" | sed -n '/Accounts ×/,/Warnings/p'
