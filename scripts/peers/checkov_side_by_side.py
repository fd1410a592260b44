#!/usr/bin/env python3
"""netaudit's before-deploy findings side by side with checkov on the same template and plan.

    pip install checkov
    swift build -c release
    python3 scripts/peers/checkov_side_by_side.py [--netaudit .build/release/netaudit] [--checkov checkov]

Runs `checkov -f FILE -o json` and `netaudit scan FILE --format json --fail-on none` on the IaC fixtures (seed 002's
CloudFormation Todo app, seed 003's shape as a Terraform plan: an Auto Scaling group behind an ALB) and prints one
Markdown row per resource that either tool reports: checkov's failed checks, netaudit's findings. checkov judges
one resource at a time; netaudit runs the reachability solver on the planned state. The peer is measured here,
never used by netaudit at run time.
"""
import argparse
import json
import os
import subprocess
import sys
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FIXTURES = [
    ("Tests/IaCImportTests/Fixtures/todo-app.yaml", "cloudformation"),
    ("Tests/IaCImportTests/Fixtures/asg-behind-alb.plan.json", "terraform_plan"),
]


def checkov(binary, path, framework):
    out = subprocess.run([binary, "-f", path, "--framework", framework, "-o", "json", "--compact", "--quiet"],
                         capture_output=True, text=True, cwd=ROOT)
    data = json.loads(out.stdout or "{}")
    data = data[0] if isinstance(data, list) else data
    found = defaultdict(list)
    for check in data.get("results", {}).get("failed_checks", []):
        # `AWS::S3::Bucket.TodoAppBucket` or `aws_subnet.public[0]`: the logical ID or address after the type.
        resource = check["resource"].split(".", 2)[-1] if check["resource"].startswith("AWS::") else check["resource"]
        found[resource].append(check["check_id"])
    return found


def netaudit(binary, path):
    out = subprocess.run([binary, "scan", path, "--format", "json", "--fail-on", "none"], capture_output=True, text=True, cwd=ROOT)
    if out.returncode != 0:
        sys.exit(f"netaudit scan {path} failed: {out.stderr.strip()}")
    found = defaultdict(list)
    for f in json.loads(out.stdout)["findings"]:
        location = (f["resource"].get("location") or {}).get("name") or f["resource"].get("name") or f["resource"]["id"]
        found[location].append(f"{f['rule_id']} ({f['severity']})")
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--netaudit", default=os.path.join(ROOT, ".build/release/netaudit"))
    parser.add_argument("--checkov", default="checkov")
    args = parser.parse_args()
    for path, framework in FIXTURES:
        theirs, ours = checkov(args.checkov, path, framework), netaudit(args.netaudit, path)
        print(f"\n### {os.path.basename(path)}\n")
        print("| resource | checkov (failed checks) | netaudit |")
        print("| --- | --- | --- |")
        for resource in sorted(set(theirs) | set(ours)):
            print(f"| {resource} | {', '.join(sorted(theirs.get(resource, []))) or '—'} | {', '.join(ours.get(resource, [])) or '—'} |")


if __name__ == "__main__":
    main()
