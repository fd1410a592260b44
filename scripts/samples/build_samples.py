#!/usr/bin/env python3
"""Regenerate the sample snapshots under snapshots/.

    python3 scripts/samples/build_samples.py [--out DIR] [--only workshop|terraform-three-tier|todo-ecs]

For each sample: start (once) a moto server on a free 127.0.0.1 port, reset
and seed it, build the architecture with boto3 (``workshop.build_workshop``,
``terraform_three_tier.build_terraform_three_tier``, ``todo_ecs.build_todo_ecs``), dump it with the real AWS
CLI (``dump.py``), make the JSON look like real AWS (``postprocess.py``), write
``<out>/<sample>/123456789012/...`` and validate it (``check.py``).  The
server is stopped by PID at the end, also on error.  Output is reproducible:
a rerun gives byte-identical files.

Needs: python3, boto3, moto[server] 5.2.x (``moto_server`` on PATH) and the
AWS CLI (``aws``).  Uses dummy credentials only.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import signal
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from check import check_tree  # noqa: E402
from common import MotoServer, log  # noqa: E402
from dump import dump_account, write_files  # noqa: E402
from postprocess import postprocess  # noqa: E402
from terraform_three_tier import build_terraform_three_tier  # noqa: E402
from todo_ecs import build_todo_ecs  # noqa: E402
from workshop import build_workshop  # noqa: E402

UTC = dt.timezone.utc
# name -> (builder, moto seed, first resource's time, spacing of the timeline)
SAMPLES = {
    # A student working through the workshop one morning: minutes between steps.
    "workshop": (build_workshop, 1000, dt.datetime(2026, 11, 18, 9, 2, 0, tzinfo=UTC),
                 dt.timedelta(minutes=6)),
    # One `terraform apply`: seconds between resources.
    "terraform-three-tier": (build_terraform_three_tier, 2000, dt.datetime(2026, 11, 19, 14, 31, 0, tzinfo=UTC),
                             dt.timedelta(seconds=40)),
    # One `aws cloudformation create-stack`: seconds between resources.
    "todo-ecs": (build_todo_ecs, 3000, dt.datetime(2026, 11, 24, 16, 12, 0, tzinfo=UTC),
                 dt.timedelta(seconds=30)),
}
# Calls beyond the first samples' set (``dump.OPTIONAL_CALLS``) each sample was
# captured with.  The two older samples keep their original call set, so they
# stay byte-identical; see snapshots/README.md.
EXTRA_CALLS = {
    "todo-ecs": frozenset({"ecs", "elbv2-rules"}),
}


def repo_root() -> str:
    return os.path.normpath(os.path.join(HERE, "..", ".."))


def build_one(server: MotoServer, name: str, out_dir: str) -> None:
    builder, seed, base_time, step = SAMPLES[name]
    t0 = time.time()
    server.reset(seed=seed)
    run_start = dt.datetime.now(UTC)
    ids = builder(server.endpoint)
    log(f"[{name}] built in {time.time() - t0:.1f}s; dumping with the AWS CLI")
    files = dump_account(server.endpoint, EXTRA_CALLS.get(name, frozenset()))
    warnings: list[str] = []
    postprocess(files, ids, base_time=base_time, step=step, run_start=run_start,
                facts=ids.get("facts"), warn=warnings.append)
    for w in warnings:
        log(f"[{name}] warning: {w}")
    target = os.path.join(out_dir, name)
    tmp = tempfile.mkdtemp(prefix=f".{name}-", dir=out_dir)
    os.chmod(tmp, 0o755)  # mkdtemp makes it 0700
    try:
        write_files(files, tmp)
        problems = check_tree(tmp)
        if problems:
            for p in problems:
                log(f"[{name}] check: {p}")
            raise SystemExit(f"[{name}] {len(problems)} validation problem(s); {target} left unchanged")
        if os.path.isdir(target):
            shutil.rmtree(target)
        os.replace(tmp, target)
    finally:
        if os.path.isdir(tmp):
            shutil.rmtree(tmp)
    log(f"[{name}] wrote {len(files)} files to {target} in {time.time() - t0:.1f}s")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", default=os.path.join(repo_root(), "snapshots"),
                    help="output folder (default: the repo's snapshots/)")
    ap.add_argument("--only", choices=sorted(SAMPLES), help="build just this sample")
    ap.add_argument("--moto-log", default=None, help="write moto_server's log here")
    args = ap.parse_args(argv)
    os.makedirs(args.out, exist_ok=True)
    names = [args.only] if args.only else list(SAMPLES)
    server = MotoServer(log_path=args.moto_log)
    # a SIGTERM should still stop the server (via the finally below)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    server.start()
    log(f"moto_server pid {server.proc.pid} on {server.endpoint}")
    try:
        for name in names:
            build_one(server, name, args.out)
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
