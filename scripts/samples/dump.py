"""Dump an account into the snapshot folder layout with the real AWS CLI.

Every file is the verbatim JSON the AWS CLI prints (``--output json``), except
the account-level S3 Public Access Block, which the CLI cannot fetch from a
local endpoint (S3 Control puts the account id in front of the host name); that
one call is made through botocore with the host prefix switched off and written
in the CLI's shape.

``dump_account(endpoint, extra_calls)`` returns a dict {relative path: parsed
JSON}, so post-processing can work on it in memory (``write_files`` writes it).
``extra_calls`` adds the call groups later samples use: ECS (``dump_ecs``) and
ELBv2 describe-rules per listener.
"""
from __future__ import annotations

import json
import os
import subprocess
from typing import Any

try:
    from .common import ACCOUNT_ID, DUMMY_ENV, REGION, AwsTarget
except ImportError:  # pragma: no cover
    from common import ACCOUNT_ID, DUMMY_ENV, REGION, AwsTarget

# (file stem, service, operation) for the regional listing calls.
REGIONAL_CALLS = [
    ("ec2-describe-vpcs", "ec2", "describe-vpcs"),
    ("ec2-describe-subnets", "ec2", "describe-subnets"),
    ("ec2-describe-route-tables", "ec2", "describe-route-tables"),
    ("ec2-describe-internet-gateways", "ec2", "describe-internet-gateways"),
    ("ec2-describe-nat-gateways", "ec2", "describe-nat-gateways"),
    ("ec2-describe-security-groups", "ec2", "describe-security-groups"),
    ("ec2-describe-network-acls", "ec2", "describe-network-acls"),
    ("ec2-describe-network-interfaces", "ec2", "describe-network-interfaces"),
    ("ec2-describe-instances", "ec2", "describe-instances"),
    ("ec2-describe-addresses", "ec2", "describe-addresses"),
    ("ec2-describe-vpc-endpoints", "ec2", "describe-vpc-endpoints"),
    ("ec2-describe-vpc-peering-connections", "ec2", "describe-vpc-peering-connections"),
    ("ec2-describe-egress-only-internet-gateways", "ec2", "describe-egress-only-internet-gateways"),
    ("ec2-describe-managed-prefix-lists", "ec2", "describe-managed-prefix-lists"),
    ("elbv2-describe-load-balancers", "elbv2", "describe-load-balancers"),
    ("elbv2-describe-target-groups", "elbv2", "describe-target-groups"),
    ("rds-describe-db-instances", "rds", "describe-db-instances"),
    ("rds-describe-db-subnet-groups", "rds", "describe-db-subnet-groups"),
    ("lambda-list-functions", "lambda", "list-functions"),
]

# Errors that mean "not configured" (AWS answers the same way): skip the file.
NOT_CONFIGURED = (
    "NoSuchBucketPolicy",
    "NoSuchPublicAccessBlockConfiguration",
    "OwnershipControlsNotFoundError",
)


class CliError(RuntimeError):
    pass


class Cli:
    def __init__(self, endpoint: str, region: str = REGION):
        self.endpoint = endpoint
        self.region = region
        self.env = dict(os.environ)
        self.env.update(DUMMY_ENV)
        # Never pick up a user's profile or config.
        self.env.pop("AWS_PROFILE", None)
        self.env["AWS_CONFIG_FILE"] = os.devnull
        self.env["AWS_SHARED_CREDENTIALS_FILE"] = os.devnull
        self.env["AWS_PAGER"] = ""

    def __call__(self, service: str, op: str, *args: str) -> Any:
        cmd = ["aws", "--endpoint-url", self.endpoint, "--region", self.region,
               "--output", "json", service, op, *args]
        p = subprocess.run(cmd, capture_output=True, text=True, env=self.env, timeout=300)
        if p.returncode != 0:
            raise CliError(f"{' '.join(cmd[5:])}: {p.stderr.strip()}")
        return json.loads(p.stdout) if p.stdout.strip() else None

    def optional(self, service: str, op: str, *args: str) -> Any:
        try:
            return self(service, op, *args)
        except CliError as e:
            if any(code in str(e) for code in NOT_CONFIGURED):
                return None
            raise


# Calls added after the first two samples were made.  A sample lists the ones
# it was captured with (``build_samples.EXTRA_CALLS``); the older samples keep
# the call set they were captured with.
OPTIONAL_CALLS = ("ecs", "elbv2-rules")


def dump_account(endpoint: str, extra_calls: frozenset[str] = frozenset()) -> dict[str, Any]:
    """Run the CLI against ``endpoint``; return {relative path: JSON}.

    ``extra_calls``: any of ``OPTIONAL_CALLS`` -- ``"ecs"`` (clusters, services,
    tasks, task definitions in use) and ``"elbv2-rules"`` (describe-rules per
    listener)."""
    unknown = set(extra_calls) - set(OPTIONAL_CALLS)
    if unknown:
        raise ValueError(f"unknown optional calls: {sorted(unknown)}")
    cli = Cli(endpoint)
    acct = ACCOUNT_ID
    reg = f"{acct}/{REGION}"
    files: dict[str, Any] = {}

    for stem, service, op in REGIONAL_CALLS:
        try:
            files[f"{reg}/{stem}.json"] = cli(service, op)
        except CliError as e:
            if op == "describe-managed-prefix-lists":
                continue  # not emulated -> skip, as the brief allows
            raise

    for lb in files[f"{reg}/elbv2-describe-load-balancers.json"]["LoadBalancers"]:
        files[f"{reg}/elbv2-describe-listeners/{lb['LoadBalancerName']}.json"] = cli(
            "elbv2", "describe-listeners", "--load-balancer-arn", lb["LoadBalancerArn"])
    for lb in files[f"{reg}/elbv2-describe-load-balancers.json"]["LoadBalancers"] if "elbv2-rules" in extra_calls else []:
        for lis in files[f"{reg}/elbv2-describe-listeners/{lb['LoadBalancerName']}.json"]["Listeners"]:
            # one file per listener: the output names its rules, not the listener
            files[f"{reg}/elbv2-describe-rules/{lb['LoadBalancerName']}-{lis['Protocol']}-{lis['Port']}.json"] = cli(
                "elbv2", "describe-rules", "--listener-arn", lis["ListenerArn"])
    for tg in files[f"{reg}/elbv2-describe-target-groups.json"]["TargetGroups"]:
        files[f"{reg}/elbv2-describe-target-health/{tg['TargetGroupName']}.json"] = cli(
            "elbv2", "describe-target-health", "--target-group-arn", tg["TargetGroupArn"])

    if "ecs" in extra_calls:
        dump_ecs(cli, reg, files)

    files[f"{acct}/iam-get-account-authorization-details.json"] = cli(
        "iam", "get-account-authorization-details")

    buckets = cli("s3api", "list-buckets")
    files[f"{acct}/s3api-list-buckets.json"] = buckets
    for b in buckets.get("Buckets", []):
        name = b["Name"]
        pol = cli.optional("s3api", "get-bucket-policy", "--bucket", name)
        if pol is not None:
            files[f"{acct}/s3api-get-bucket-policy/{name}.json"] = pol
            files[f"{acct}/s3api-get-bucket-policy-status/{name}.json"] = cli(
                "s3api", "get-bucket-policy-status", "--bucket", name)
        files[f"{acct}/s3api-get-bucket-acl/{name}.json"] = cli(
            "s3api", "get-bucket-acl", "--bucket", name)
        pab = cli.optional("s3api", "get-public-access-block", "--bucket", name)
        if pab is not None:
            files[f"{acct}/s3api-get-public-access-block/{name}.json"] = pab
        oc = cli.optional("s3api", "get-bucket-ownership-controls", "--bucket", name)
        if oc is not None:
            files[f"{acct}/s3api-get-bucket-ownership-controls/{name}.json"] = oc
        files[f"{acct}/s3api-get-bucket-location/{name}.json"] = cli(
            "s3api", "get-bucket-location", "--bucket", name)

    # Account-level BPA: botocore with the account-id host prefix disabled.
    s3c = AwsTarget(endpoint).client("s3control")
    try:
        resp = s3c.get_public_access_block(AccountId=acct)
        files[f"{acct}/s3control-get-public-access-block.json"] = {
            "PublicAccessBlockConfiguration": resp["PublicAccessBlockConfiguration"]}
    except s3c.exceptions.NoSuchPublicAccessBlockConfiguration:
        pass  # not configured: AWS answers NoSuchPublicAccessBlockConfiguration
    except Exception as e:  # moto may use a generic error code
        if "NoSuchPublicAccessBlockConfiguration" not in str(e):
            raise
    return files


def _chunks(items: list[str], n: int) -> list[list[str]]:
    return [items[i:i + n] for i in range(0, len(items), n)]


def dump_ecs(cli: Cli, reg: str, files: dict[str, Any]) -> None:
    """ECS: clusters, then per cluster its services and running tasks, then
    every task definition in use (by a service or a task).

    Layout: ``ecs-list-clusters.json`` and ``ecs-describe-clusters.json`` (both
    name the clusters; DescribeClusters takes 100 clusters, a ``-2``, ``-3`` …
    file per further call); per cluster ``ecs-list-services/<cluster>.json``,
    ``ecs-describe-services/<cluster>.json``, ``ecs-list-tasks/<cluster>.json``,
    ``ecs-describe-tasks/<cluster>.json``, ``ecs-list-container-instances/<cluster>.json``,
    ``ecs-describe-container-instances/<cluster>.json`` (the same suffix when the call had to
    be split: DescribeServices takes 10 services, DescribeTasks and
    DescribeContainerInstances 100);
    ``ecs-describe-task-definition/<family>-<revision>.json``; services, tasks
    and task definitions with ``--include TAGS`` (as ``netaudit snapshot``
    captures them).  A describe call
    is skipped when its list is empty (an account without ECS gets only the
    empty ``ecs-list-clusters.json``, as AWS answers it).
    """
    def numbered(folder: str, name: str, i: int) -> str:
        return f"{reg}/{folder}/{name}{'' if i == 0 else f'-{i + 1}'}.json"

    arns = cli("ecs", "list-clusters")
    files[f"{reg}/ecs-list-clusters.json"] = arns
    clusters: list[dict] = []
    for i, part in enumerate(_chunks(arns.get("clusterArns", []), 100)):
        out = cli("ecs", "describe-clusters", "--clusters", *part)
        files[f"{reg}/ecs-describe-clusters{'' if i == 0 else f'-{i + 1}'}.json"] = out
        clusters += out.get("clusters", [])
    in_use: list[str] = []

    for c in sorted(clusters, key=lambda c: c["clusterName"]):
        name, arn = c["clusterName"], c["clusterArn"]
        svc_arns = cli("ecs", "list-services", "--cluster", arn)
        files[f"{reg}/ecs-list-services/{name}.json"] = svc_arns
        for i, part in enumerate(_chunks(svc_arns.get("serviceArns", []), 10)):
            out = cli("ecs", "describe-services", "--cluster", arn, "--services", *part, "--include", "TAGS")
            files[numbered("ecs-describe-services", name, i)] = out
            in_use += [s["taskDefinition"] for s in out.get("services", [])]
        task_arns = cli("ecs", "list-tasks", "--cluster", arn, "--desired-status", "RUNNING")
        files[f"{reg}/ecs-list-tasks/{name}.json"] = task_arns
        for i, part in enumerate(_chunks(task_arns.get("taskArns", []), 100)):
            out = cli("ecs", "describe-tasks", "--cluster", arn, "--tasks", *part, "--include", "TAGS")
            files[numbered("ecs-describe-tasks", name, i)] = out
            in_use += [t["taskDefinitionArn"] for t in out.get("tasks", [])]
        ci_arns = cli("ecs", "list-container-instances", "--cluster", arn)
        files[f"{reg}/ecs-list-container-instances/{name}.json"] = ci_arns
        for i, part in enumerate(_chunks(ci_arns.get("containerInstanceArns", []), 100)):
            files[numbered("ecs-describe-container-instances", name, i)] = cli(
                "ecs", "describe-container-instances", "--cluster", arn, "--container-instances", *part, "--include", "TAGS")
    for td in sorted(set(in_use)):
        family_rev = td.rsplit("/", 1)[-1]
        files[f"{reg}/ecs-describe-task-definition/{family_rev.replace(':', '-')}.json"] = cli(
            "ecs", "describe-task-definition", "--task-definition", td, "--include", "TAGS")


def write_files(files: dict[str, Any], out_dir: str) -> None:
    for rel, data in sorted(files.items()):
        path = os.path.join(out_dir, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            json.dump(data, f, indent=4, ensure_ascii=False)
            f.write("\n")
