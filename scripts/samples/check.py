"""Validate a snapshot tree: JSON, expected top-level keys, and every key
against the botocore output shape of the CLI call that produced the file.

    python3 scripts/samples/check.py [snapshots/workshop ...]
"""
from __future__ import annotations

import json
import os
import re
import sys
from typing import Any

import botocore.session

# file stem -> top-level keys that must be present
EXPECTED_KEYS = {
    "ec2-describe-vpcs": ["Vpcs"],
    "ec2-describe-subnets": ["Subnets"],
    "ec2-describe-route-tables": ["RouteTables"],
    "ec2-describe-internet-gateways": ["InternetGateways"],
    "ec2-describe-nat-gateways": ["NatGateways"],
    "ec2-describe-security-groups": ["SecurityGroups"],
    "ec2-describe-network-acls": ["NetworkAcls"],
    "ec2-describe-network-interfaces": ["NetworkInterfaces"],
    "ec2-describe-instances": ["Reservations"],
    "ec2-describe-addresses": ["Addresses"],
    "ec2-describe-vpc-endpoints": ["VpcEndpoints"],
    "ec2-describe-vpc-peering-connections": ["VpcPeeringConnections"],
    "ec2-describe-egress-only-internet-gateways": ["EgressOnlyInternetGateways"],
    "ec2-describe-managed-prefix-lists": ["PrefixLists"],
    "elbv2-describe-load-balancers": ["LoadBalancers"],
    "elbv2-describe-target-groups": ["TargetGroups"],
    "elbv2-describe-listeners": ["Listeners"],
    "elbv2-describe-target-health": ["TargetHealthDescriptions"],
    "rds-describe-db-instances": ["DBInstances"],
    "rds-describe-db-subnet-groups": ["DBSubnetGroups"],
    "lambda-list-functions": ["Functions"],
    "elbv2-describe-rules": ["Rules"],
    "ecs-list-clusters": ["clusterArns"],
    "ecs-describe-clusters": ["clusters", "failures"],
    "ecs-list-services": ["serviceArns"],
    "ecs-describe-services": ["services", "failures"],
    "ecs-list-tasks": ["taskArns"],
    "ecs-describe-tasks": ["tasks", "failures"],
    "ecs-describe-task-definition": ["taskDefinition"],
    "iam-get-account-authorization-details": ["UserDetailList", "GroupDetailList", "RoleDetailList", "Policies"],
    "s3api-list-buckets": ["Buckets", "Owner"],
    "s3api-get-bucket-policy": ["Policy"],
    "s3api-get-bucket-acl": ["Owner", "Grants"],
    "s3api-get-bucket-policy-status": ["PolicyStatus"],
    "s3api-get-public-access-block": ["PublicAccessBlockConfiguration"],
    "s3api-get-bucket-ownership-controls": ["OwnershipControls"],
    "s3api-get-bucket-location": ["LocationConstraint"],
    "s3control-get-public-access-block": ["PublicAccessBlockConfiguration"],
}
REQUIRED_REGIONAL = [k for k in EXPECTED_KEYS if k.startswith(("ec2-", "elbv2-describe-l", "elbv2-describe-ta", "rds-", "lambda-"))
                     and k != "ec2-describe-managed-prefix-lists"]
MAX_FILE_BYTES = 1_000_000
SECRET_RE = re.compile(r"(MasterUserPassword|SecretAccessKey|KeyMaterial|PrivateKey)", re.I)
# A password inside a URL (scheme://user:password@host).  The todo-ecs sample
# keeps the seed's plain DATABASE_URL on purpose (the finding); its password
# must be a marked fake, never anything that looks real.
URL_PASSWORD_RE = re.compile(r"[a-z][a-z0-9+.-]*://[^/\s:@\"]+:([^@/\s\"]+)@", re.I)
FAKE_PASSWORD_PREFIX = "sample-only-"

_session = botocore.session.get_session()
_models: dict[str, Any] = {}


def _op_shape(service: str, op: str):
    svc = {"s3api": "s3"}.get(service, service)
    if svc not in _models:
        _models[svc] = _session.get_service_model(svc)
    name = "".join(w.capitalize() for w in op.split("-"))
    for cand in _models[svc].operation_names:
        if cand.lower() == name.lower():
            return _models[svc].operation_model(cand).output_shape
    raise KeyError(f"{svc}.{name}")


def _check(value: Any, shape, where: str, problems: list[str]) -> None:
    if shape is None:
        return
    t = shape.type_name
    if t == "structure":
        if not isinstance(value, dict):
            problems.append(f"{where}: expected object")
            return
        for k, v in value.items():
            if k not in shape.members:
                problems.append(f"{where}.{k}: not in {shape.name}")
                continue
            _check(v, shape.members[k], f"{where}.{k}", problems)
    elif t == "list":
        if not isinstance(value, list):
            problems.append(f"{where}: expected list")
            return
        for i, v in enumerate(value):
            _check(v, shape.member, f"{where}[{i}]", problems)
    elif t == "string":
        # IAM policy documents are decoded to objects by the CLI.
        if isinstance(value, dict) and shape.name == "policyDocumentType":
            return
        if value is not None and not isinstance(value, str):
            problems.append(f"{where}: expected string, got {type(value).__name__}")
    elif t in ("integer", "long"):
        if not isinstance(value, int) or isinstance(value, bool):
            problems.append(f"{where}: expected integer")
    elif t == "boolean":
        if not isinstance(value, bool):
            problems.append(f"{where}: expected boolean")


def check_file(path: str, rel: str, problems: list[str]) -> None:
    size = os.path.getsize(path)
    if size > MAX_FILE_BYTES:
        problems.append(f"{rel}: {size} bytes (too big)")
    with open(path) as f:
        text = f.read()
    try:
        data = json.loads(text)
    except ValueError as e:
        problems.append(f"{rel}: invalid JSON ({e})")
        return
    if SECRET_RE.search(text):
        problems.append(f"{rel}: contains a secret-like field")
    for m in URL_PASSWORD_RE.finditer(text):
        if not m.group(1).startswith(FAKE_PASSWORD_PREFIX):
            problems.append(f"{rel}: a URL carries a password not marked {FAKE_PASSWORD_PREFIX}…")
    parts = rel.split("/")
    stem = parts[-2] if len(parts) >= 2 and parts[-2] in EXPECTED_KEYS else parts[-1][:-5]
    split = re.sub(r"-\d+$", "", stem)  # a call split in parts: <stem>-2.json, ...
    if stem not in EXPECTED_KEYS and split in EXPECTED_KEYS:
        stem = split
    if stem not in EXPECTED_KEYS:
        problems.append(f"{rel}: unknown file kind {stem}")
        return
    for k in EXPECTED_KEYS[stem]:
        if k not in data:
            problems.append(f"{rel}: missing top-level key {k}")
    service, op = stem.split("-", 1)
    _check(data, _op_shape(service, op), rel, problems)


def check_tree(root: str) -> list[str]:
    problems: list[str] = []
    seen = set()
    for dirpath, _dirs, names in os.walk(root):
        for n in sorted(names):
            if not n.endswith(".json"):
                continue
            path = os.path.join(dirpath, n)
            rel = os.path.relpath(path, root)
            check_file(path, rel, problems)
            seen.add(rel.split("/")[-1][:-5] if rel.count("/") == 2 else rel.split("/")[-2])
    accounts = [d for d in os.listdir(root) if d.isdigit()]
    if not accounts:
        problems.append(f"{root}: no account folder")
    for acct in accounts:
        for stem in REQUIRED_REGIONAL:
            if not os.path.exists(os.path.join(root, acct, "us-east-1", stem + ".json")) and not os.path.isdir(
                    os.path.join(root, acct, "us-east-1", stem)):
                problems.append(f"{acct}/us-east-1/{stem}.json: missing")
        for stem in ("iam-get-account-authorization-details", "s3api-list-buckets"):
            if not os.path.exists(os.path.join(root, acct, stem + ".json")):
                problems.append(f"{acct}/{stem}.json: missing")
    return problems


def main(argv: list[str]) -> int:
    here = os.path.dirname(os.path.abspath(__file__))
    roots = argv or [os.path.join(here, "..", "..", "snapshots", d) for d in ("workshop", "terraform-three-tier", "todo-ecs")]
    bad = 0
    for r in roots:
        problems = check_tree(r)
        for p in problems:
            print(f"{os.path.basename(os.path.normpath(r))}: {p}")
        bad += len(problems)
        print(f"{os.path.normpath(r)}: {'OK' if not problems else str(len(problems)) + ' problem(s)'}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
