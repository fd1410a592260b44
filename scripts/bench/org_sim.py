#!/usr/bin/env python3
"""A simulated AWS organization for the rate-limiter benchmark (127.0.0.1 only; asyncio, HTTP/1.1 keep-alive).

  org_sim.py ACCOUNTS [--latency-ms LO,HI] [--hot-every N] [--hot-lists K]

Answers the calls `netaudit snapshot --org --regions all` makes to STS, Organizations, EC2 and IAM (other services
are skipped by the benchmark): ListAccounts pages (20 a page) of ACCOUNTS member accounts plus the management account
100000000000, AssumeRole (credentials `ASIA<account>` so later requests name their account), GetCallerIdentity,
DescribeRegions (17 regions, all enabled), and empty answers to every other describe call, after a random latency
in LO..HI ms (default 20,60). Every Nth account (--hot-every, default 50) has K customer-managed prefix lists in
us-east-1 (--hot-lists, default 250): K GetManagedPrefixListEntries calls into one bucket.

Throttling follows AWS "Request throttling for the Amazon EC2 API": a token bucket per account, region and action,
100 tokens refilled at 20/s for non-mutating actions, 50 at 10/s for DescribeInstances, DescribeNetworkInterfaces,
DescribeSecurityGroups, DescribeSnapshots, DescribeVolumes, DescribeSpotInstanceRequests and DescribeImages sent
unpaginated and unfiltered; an empty bucket answers 503 RequestLimitExceeded. IAM and Organizations (20 at 5/s, one
bucket per account) and STS (100 at 50/s) publish no figures: the simulation enforces the rates netaudit assumes.

Prints its port; GET /sim-stats answers the counts as JSON (requests, throttled, per service, the hottest bucket).
"""
import asyncio
import json
import random
import re
import sys
import time
import urllib.parse

MANAGEMENT = "100000000000"
REGIONS = ["us-east-1", "us-east-2", "us-west-1", "us-west-2", "ca-central-1", "eu-west-1", "eu-west-2", "eu-west-3",
           "eu-central-1", "eu-north-1", "ap-south-1", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
           "ap-southeast-1", "ap-southeast-2", "sa-east-1"]
EXPENSIVE = {"DescribeInstances", "DescribeNetworkInterfaces", "DescribeSecurityGroups", "DescribeSnapshots",
             "DescribeVolumes", "DescribeSpotInstanceRequests", "DescribeImages"}
CRED = re.compile(r"Credential=([^/]+)/[^/]+/([^/]+)/([^/]+)/")


def arg(name, default):
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default


N = int(sys.argv[1])
LO, HI = (float(x) / 1000 for x in arg("--latency-ms", "20,60").split(","))
HOT_EVERY, HOT_LISTS = int(arg("--hot-every", "50")), int(arg("--hot-lists", "250"))
MEMBERS = [f"{200000000000 + i}" for i in range(N)]

buckets = {}  # key -> [tokens, last, capacity, rate, requests, first, lowest]
stats = {"requests": 0, "throttled": 0, "throttled_actions": {}, "by_service": {}, "started": None, "last": None}


def limit(service, action):
    if service == "ec2":
        return (50, 10) if action.endswith("(unpaginated)") else (100, 20)
    if service in ("iam", "organizations"):
        return (20, 5)
    if service == "sts":
        return (100, 50)
    return (100, 20)


def take(key, service, action):
    now = time.monotonic()
    b = buckets.get(key)
    if b is None:
        cap, rate = limit(service, action)
        b = buckets[key] = [cap, now, cap, rate, 0, now, cap]
    b[0] = min(b[2], b[0] + (now - b[1]) * b[3])
    b[1] = now
    if b[0] < 1:
        return False
    b[0] -= 1
    b[4] += 1
    b[6] = min(b[6], b[0])
    return True


def xml(action, inner=""):
    return f'<{action}Response xmlns="https://sim/"><requestId>sim</requestId>{inner}</{action}Response>'


def wrapped(action, inner):
    return xml(action, f"<{action}Result>{inner}</{action}Result>")


def answer_query(service, action, params, account, region):
    if action == "GetCallerIdentity":
        arn = f"arn:aws:sts::{account}:" + ("user/auditor" if account == MANAGEMENT else "assumed-role/Audit/netaudit")
        return 200, wrapped(action, f"<Arn>{arn}</Arn><UserId>SIM</UserId><Account>{account}</Account>")
    if action == "AssumeRole":
        target = params.get("RoleArn", "").split(":")[4] if params.get("RoleArn", "").count(":") >= 5 else ""
        creds = (f"<Credentials><AccessKeyId>ASIA{target}</AccessKeyId><SecretAccessKey>s</SecretAccessKey>"
                 f"<SessionToken>t</SessionToken><Expiration>2030-01-01T00:00:00Z</Expiration></Credentials>")
        return 200, wrapped(action, creds)
    if action == "DescribeRegions":
        items = "".join(f"<item><regionName>{r}</regionName><regionEndpoint>ec2.{r}.amazonaws.com</regionEndpoint>"
                        f"<optInStatus>opt-in-not-required</optInStatus></item>" for r in REGIONS)
        return 200, xml(action, f"<regionInfo>{items}</regionInfo>")
    if action == "DescribeManagedPrefixLists":
        hot = region == "us-east-1" and account in MEMBERS and MEMBERS.index(account) % HOT_EVERY == 0
        items = "".join(f"<item><prefixListId>pl-{i:08x}</prefixListId><addressFamily>IPv4</addressFamily>"
                        f"<state>create-complete</state><prefixListName>list-{i}</prefixListName>"
                        f"<ownerId>{account}</ownerId></item>" for i in range(HOT_LISTS if hot else 0))
        return 200, xml(action, f"<prefixListSet>{items}</prefixListSet>")
    if service == "iam":
        return 200, wrapped(action, "<IsTruncated>false</IsTruncated>")
    return 200, xml(action)


def answer_json(action, body):
    if action == "ListAccounts":
        start = int(body.get("NextToken") or 0)
        everyone = [MANAGEMENT] + MEMBERS
        page = everyone[start:start + 20]
        out = {"Accounts": [{"Id": a, "Name": f"account-{a}", "Status": "ACTIVE", "Arn": f"arn:aws:organizations::{MANAGEMENT}:account/o-sim/{a}"} for a in page]}
        if start + 20 < len(everyone):
            out["NextToken"] = str(start + 20)
        return 200, json.dumps(out)
    return 200, "{}"


async def handle(reader, writer):
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            lines = head.decode("latin-1").split("\r\n")
            method, path, _ = lines[0].split(" ", 2)
            headers = {}
            for line in lines[1:]:
                if ":" in line:
                    k, v = line.split(":", 1)
                    headers[k.strip().lower()] = v.strip()
            body = await reader.readexactly(int(headers.get("content-length", "0") or 0))
            status, ctype, payload = await respond(method, path, headers, body)
            data = payload.encode()
            writer.write(f"HTTP/1.1 {status} X\r\nContent-Type: {ctype}\r\nContent-Length: {len(data)}\r\n\r\n".encode() + data)
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionResetError, asyncio.LimitOverrunError, ValueError):
        pass
    finally:
        writer.close()


async def respond(method, path, headers, body):
    if path.startswith("/sim-stats"):
        hottest = max(buckets.items(), key=lambda kv: kv[1][4], default=(None, None))
        out = dict(stats)
        out["buckets"] = len(buckets)
        out["lowest_tokens"] = min((b[6] for b in buckets.values()), default=None)
        if hottest[0]:
            k, b = hottest
            out["hottest"] = {"bucket": "/".join(k), "requests": b[4], "seconds": round(b[1] - b[5], 2)}
        return 200, "application/json", json.dumps(out)
    m = CRED.search(headers.get("authorization", ""))
    key_id, region, service = m.groups() if m else ("?", "us-east-1", "?")
    account = key_id[4:] if key_id.startswith("ASIA") else MANAGEMENT
    target = headers.get("x-amz-target")
    params = {}
    if target:
        action = target.split(".")[-1]
        try:
            jbody = json.loads(body or b"{}")
        except ValueError:
            jbody = {}
    else:
        params = dict(urllib.parse.parse_qsl(body.decode()))
        action = params.get("Action", method + " " + path.split("?")[0])
    bucket_action = action
    if service == "ec2" and action in EXPENSIVE and not any(p in params for p in ("MaxResults", "NextToken")) \
            and not any(p.startswith("Filter.") for p in params):
        bucket_action += " (unpaginated)"
    bucket_region = "global" if service in ("iam", "organizations") else region
    now = time.monotonic()
    stats["started"] = stats["started"] or now
    stats["last"] = now
    stats["requests"] += 1
    stats["by_service"][service] = stats["by_service"].get(service, 0) + 1
    admitted = take((account, bucket_region, service, bucket_action), service, bucket_action)  # on arrival, as AWS
    await asyncio.sleep(random.uniform(LO, HI))
    if not admitted:
        stats["throttled"] += 1
        stats["throttled_actions"][bucket_action] = stats["throttled_actions"].get(bucket_action, 0) + 1
        if target:
            return 400, "application/x-amz-json-1.1", json.dumps({"__type": "TooManyRequestsException", "message": "Rate exceeded"})
        code = "RequestLimitExceeded" if service == "ec2" else "Throttling"
        return 503 if service == "ec2" else 400, "text/xml", (
            f"<Response><Errors><Error><Code>{code}</Code><Message>Request limit exceeded.</Message></Error></Errors>"
            f"<RequestID>sim</RequestID></Response>")
    if target:
        status, payload = answer_json(action, jbody)
        return status, "application/x-amz-json-1.1", payload
    status, payload = answer_query(service, action, params, account, region)
    return status, "text/xml", payload


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0, limit=1 << 20, backlog=1024)
    print(server.sockets[0].getsockname()[1], flush=True)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(main())
