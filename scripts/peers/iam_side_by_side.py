#!/usr/bin/env python3
"""netaudit's IAM judgments side by side with Cloudsplaining and Parliament on the same principals.

    pip install cloudsplaining parliament
    swift build -c release
    python3 scripts/peers/iam_side_by_side.py [--netaudit .build/release/netaudit]

Builds one `aws iam get-account-authorization-details` document holding one principal per judgment of
issue 14 ("IAM judgments to make right"), runs `netaudit scan` on it, `cloudsplaining scan` on the same
file and Parliament (with its community auditors) on each principal's policies, and prints a Markdown table:
one row per principal, what each tool reports, and what AWS's documentation says. The peers are measured
here, never used by netaudit at run time.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

ACCOUNT = "111122223333"


def doc(*statements):
    return {"Version": "2012-10-17", "Statement": list(statements)}


TRUST_EC2 = doc({"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"})

# (kind, name, inline policy, trust policy or None, what AWS's documentation says)
CASES = [
    ("role", "power-user",
     doc({"Effect": "Allow", "NotAction": ["iam:*", "organizations:*", "account:*"], "Resource": "*"}), TRUST_EC2,
     "every service but IAM: broad, not administrator (AWS managed policy PowerUserAccess); "
     "lambda:UpdateFunctionCode on a privileged function still escalates"),
    ("role", "passrole-to-autoscaling",
     doc({"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*",
          "Condition": {"StringLike": {"iam:PassedToService": ["application-autoscaling.amazonaws.com", "dax.amazonaws.com"]}}},
         {"Effect": "Allow", "Action": ["ec2:RunInstances", "lambda:CreateFunction", "lambda:InvokeFunction"], "Resource": "*"}),
     TRUST_EC2,
     "iam:PassedToService limits PassRole to services that run none of the caller's code: no EC2 or Lambda path "
     "(IAM User Guide, \"Granting a user permissions to pass a role to an AWS service\")"),
    ("user", "self-service-keys",
     doc({"Effect": "Allow", "Action": ["iam:CreateAccessKey", "iam:UpdateLoginProfile"],
          "Resource": f"arn:aws:iam::{ACCOUNT}:user/${{aws:username}}"}), None,
     "${aws:username} scopes the actions to the caller: no other user's credentials (IAM policy elements: Variables)"),
    ("role", "own-role-writer",
     doc({"Effect": "Allow", "Action": "iam:PutRolePolicy", "Resource": f"arn:aws:iam::{ACCOUNT}:role/own-role-writer"}), TRUST_EC2,
     "a role that writes its own inline policy escalates without sts:AssumeRole"),
    ("role", "admin-cut-to-s3",
     doc({"Effect": "Allow", "Action": "*", "Resource": "*"}, {"Effect": "Deny", "NotAction": "s3:*", "Resource": "*"}), TRUST_EC2,
     "an explicit Deny overrides an Allow (Policy evaluation logic): only s3:* is left, not administrator"),
    ("role", "github-any-repo",
     doc({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::artifacts/*"}),
     doc({"Effect": "Allow", "Principal": {"Federated": f"arn:aws:iam::{ACCOUNT}:oidc-provider/token.actions.githubusercontent.com"},
          "Action": "sts:AssumeRoleWithWebIdentity",
          "Condition": {"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}}}),
     "no token.actions.githubusercontent.com:sub condition: every repository's workflows can assume the role "
     "(Configuring a role for GitHub OIDC identity provider)"),
    ("role", "org-wide-reader",
     doc({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*"}),
     doc({"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole",
          "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}}),
     "Principal * pinned by aws:PrincipalOrgID: access within the organization, not public"),
]


def authorization_details():
    users, roles = [], []
    for kind, name, policy, trust, _ in CASES:
        entry = {"Path": "/", "Arn": f"arn:aws:iam::{ACCOUNT}:{kind}/{name}", "CreateDate": "2026-11-01T00:00:00Z",
                 "AttachedManagedPolicies": [], "Tags": []}
        inline = [{"PolicyName": f"{name}-policy", "PolicyDocument": policy}]
        if kind == "user":
            users.append(entry | {"UserName": name, "UserId": "AIDA" + name.upper().replace("-", "")[:16], "UserPolicyList": inline, "GroupList": []})
        else:
            roles.append(entry | {"RoleName": name, "RoleId": "AROA" + name.upper().replace("-", "")[:16], "AssumeRolePolicyDocument": trust,
                                  "InstanceProfileList": [], "RolePolicyList": inline, "RoleLastUsed": {}})
    return {"UserDetailList": users, "GroupDetailList": [], "RoleDetailList": roles, "Policies": []}


def netaudit_findings(binary, path):
    out = subprocess.run([binary, "scan", path, "--format", "json", "--fail-on", "none"], capture_output=True, text=True, check=True)
    found = {}
    for f in json.loads(out.stdout)["findings"]:
        if f["rule_id"].startswith("iam-"):
            found.setdefault(f["resource"].get("name"), []).append(f"{f['severity']}: {f['title'].split(' ', 2)[-1]}")
    return found


def cloudsplaining_findings(path, workdir):
    os.makedirs(workdir, exist_ok=True)
    subprocess.run(["cloudsplaining", "scan", "--input-file", path, "--output", workdir, "--skip-open-report", "-t"],
                   capture_output=True, text=True, check=True)
    findings = json.load(open(os.path.join(workdir, "iam-findings-" + os.path.basename(path))))
    found = {}
    for policy in findings.get("inline_policies", {}).values():
        names = [n for who in (policy.get("AttachedTo") or {}).values() for n in who] or [policy.get("PolicyName", "").removesuffix("-policy")]
        items = []
        for key in ("PrivilegeEscalation", "ServiceWildcard", "ResourceExposure", "InfrastructureModification", "CredentialsExposure"):
            value = policy.get(key) or {}
            hits = value.get("findings") if isinstance(value, dict) else value
            if hits:
                shown = [h["type"] if isinstance(h, dict) and "type" in h else str(h) for h in hits][:4]
                items.append(f"{key}: {', '.join(shown)}")
        for name in names:
            found.setdefault(name, []).extend(items)
    for role in findings.get("roles", {}).values():
        trust = role.get("assume_role_policy") or {}
        if trust.get("privilege_escalation") or trust.get("findings"):
            found.setdefault(role["name"], []).append("trust policy flagged")
    return found


def parliament_findings(policy):
    from parliament import analyze_policy_string
    result = analyze_policy_string(json.dumps(policy), include_community_auditors=True)
    return sorted({f.issue + (f" {f.detail.get('type')}" if isinstance(f.detail, dict) and f.detail.get("type") else "") for f in result.findings})


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--netaudit", default=".build/release/netaudit")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = os.path.join(tmp, ACCOUNT)
        os.makedirs(folder)
        path = os.path.join(folder, "iam-get-account-authorization-details.json")
        with open(path, "w") as f:
            json.dump(authorization_details(), f, indent=1)
        ours = netaudit_findings(args.netaudit, tmp)
        theirs = cloudsplaining_findings(path, os.path.join(tmp, "cloudsplaining"))
        print("| principal | AWS's documentation | netaudit | Cloudsplaining | Parliament |")
        print("| --- | --- | --- | --- | --- |")
        for kind, name, policy, trust, truth in CASES:
            cell = lambda items: "<br>".join(items) if items else "nothing"
            print(f"| {kind} `{name}` | {truth} | {cell(ours.get(name, []))} | {cell(theirs.get(name, []))} | {cell(parliament_findings(policy))} |")


if __name__ == "__main__":
    sys.exit(main())
