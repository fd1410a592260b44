"""Shared helpers for the sample-snapshot builders.

* ``MotoServer``: starts ``moto_server`` on a free 127.0.0.1 port, waits until it
  answers, resets/seeds it between samples and stops it by PID.
* ``AwsTarget``: what the ``build_*`` functions talk to.  Pass either a moto
  endpoint URL (dummy credentials are used) or a ready ``boto3.Session``
  (real AWS; no endpoint override), or an ``AwsTarget`` itself.

Only the standard library and boto3 are used.
"""
from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from typing import Any

import boto3

ACCOUNT_ID = "123456789012"
REGION = "us-east-1"

# Dummy credentials: moto accepts anything; these are never real secrets.
DUMMY_ENV = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_SESSION_TOKEN": "testing",
    "AWS_SECURITY_TOKEN": "testing",
    "AWS_DEFAULT_REGION": REGION,
}


class AwsTarget:
    """Client factory for either a moto endpoint or a real boto3 session."""

    def __init__(self, session_or_endpoint: Any, region: str = REGION):
        if isinstance(session_or_endpoint, AwsTarget):
            self.session = session_or_endpoint.session
            self.endpoint = session_or_endpoint.endpoint
        elif isinstance(session_or_endpoint, str):
            self.endpoint = session_or_endpoint.rstrip("/")
            self.session = boto3.Session(
                aws_access_key_id=DUMMY_ENV["AWS_ACCESS_KEY_ID"],
                aws_secret_access_key=DUMMY_ENV["AWS_SECRET_ACCESS_KEY"],
                region_name=region,
            )
        else:
            self.session = session_or_endpoint
            self.endpoint = None
        self.region = region
        self._cache: dict[str, Any] = {}

    def client(self, service: str):
        if service not in self._cache:
            kwargs: dict[str, Any] = {"region_name": self.region}
            if self.endpoint:
                kwargs["endpoint_url"] = self.endpoint
            client = self.session.client(service, **kwargs)
            if self.endpoint and service == "s3control":
                # S3 Control puts the account id in front of the host
                # ("123456789012.127.0.0.1"), which cannot resolve for a local
                # endpoint: strip that prefix again just before sending.
                client.meta.events.register("before-send.s3-control", _strip_account_host_prefix)
            self._cache[service] = client
        return self._cache[service]

    def account_id(self) -> str:
        if self.endpoint:
            return ACCOUNT_ID
        return self.client("sts").get_caller_identity()["Account"]


def _strip_account_host_prefix(request, **_kwargs):
    request.url = re.sub(r"^(https?://)\d{12}\.", r"\1", request.url)
    return None


def tags(name: str | None = None, **extra: str) -> list[dict[str, str]]:
    out = []
    if name is not None:
        out.append({"Key": "Name", "Value": name})
    out.extend({"Key": k, "Value": v} for k, v in extra.items())
    return out


def tag_spec(resource_type: str, name: str | None = None, **extra: str) -> list[dict]:
    return [{"ResourceType": resource_type, "Tags": tags(name, **extra)}]


def console_trust_policy(service: str) -> str:
    """Trust policy exactly as the IAM console writes it for an AWS-service role."""
    return json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Action": ["sts:AssumeRole"],
                    "Principal": {"Service": [service]},
                }
            ],
        },
        indent=4,
    )


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class MotoServer:
    """``moto_server`` child process on 127.0.0.1:<free port>, stopped by PID."""

    def __init__(self, port: int | None = None, log_path: str | None = None):
        self.port = port or free_port()
        self.endpoint = f"http://127.0.0.1:{self.port}"
        self.log_path = log_path
        self.proc: subprocess.Popen | None = None
        self._log = None

    def start(self) -> "MotoServer":
        env = dict(os.environ)
        env.update(DUMMY_ENV)
        # AWS managed policies (AmazonS3FullAccess, ...) only exist with this.
        env["MOTO_IAM_LOAD_MANAGED_POLICIES"] = "true"
        # Deterministic set/dict ordering inside moto -> reproducible output.
        env["PYTHONHASHSEED"] = "0"
        self._log = open(self.log_path, "w") if self.log_path else subprocess.DEVNULL
        self.proc = subprocess.Popen(
            ["moto_server", "-H", "127.0.0.1", "-p", str(self.port)],
            stdout=self._log,
            stderr=subprocess.STDOUT,
            env=env,
            start_new_session=True,
        )
        deadline = time.time() + 60
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"moto_server exited early (rc={self.proc.returncode})")
            try:
                urllib.request.urlopen(self.endpoint + "/moto-api/data.json", timeout=2).read()
                return self
            except Exception:
                time.sleep(0.3)
        self.stop()
        raise RuntimeError("moto_server did not come up within 60 s")

    def _post(self, path: str, body: bytes = b"") -> None:
        req = urllib.request.Request(self.endpoint + path, data=body, method="POST")
        urllib.request.urlopen(req, timeout=120).read()

    def reset(self, seed: int | None = None) -> None:
        """Wipe all state; optionally seed moto's id generator for stable ids."""
        self._post("/moto-api/reset")
        if seed is not None:
            self._post(f"/moto-api/seed?a={int(seed)}")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            # Stop exactly the process we started (it leads its own session;
            # signal only that PID, never by name).
            try:
                os.kill(self.proc.pid, signal.SIGTERM)
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.kill(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=10)
            except ProcessLookupError:
                pass
        self.proc = None
        if self._log not in (None, subprocess.DEVNULL):
            self._log.close()
            self._log = None

    def __enter__(self) -> "MotoServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)
