"""Make moto's CLI output look like what real AWS returns.

``postprocess(files, ids, base_time, facts)`` rewrites the dict produced by
``dump.dump_account`` in place.  Every fix below says what moto 5.2.1 does and
what AWS does instead.  All generated values (addresses, ids, times, MACs) are
derived from stable hashes, so a rebuild gives byte-identical files.

Fixes, in order of application:

 1. secrets: drop any password / secret / key-material field (none expected).
 2. orphans: moto keeps the default NACL of a deleted VPC (and its subnet
    associations); AWS deletes it with the VPC.
 3. ids: moto's 17-hex resource ids start with any hex digit; AWS's always
    start with "0" (vpc-0..., subnet-0..., i-0...).  Rewritten everywhere.
 4. IAM get-account-authorization-details: moto returns all ~1,485 AWS
    managed policies; keep the attached ones plus customer-managed ones; fill
    in PolicyName / PolicyId (moto omits both), PermissionsBoundaryUsageCount,
    recount AttachmentCount; drop moto's empty Description; InstanceProfileId
    gets AWS's "AIPA..." form (moto: 20 random lower-case chars); nested
    instance-profile roles lose the fields AWS leaves out there; roles in use
    get RoleLastUsed.  Trust/permission documents stay JSON objects (the CLI
    decodes them).
 5. timestamps: moto stamps everything with the wall clock of the build
    (seconds apart, different every run).  Each resource gets a time from its
    place in the build's timeline (a realistic session), in the wire format of
    its service (EC2/S3 ".000Z", ELBv2/RDS milliseconds, IAM whole seconds,
    Lambda "+0000").
 6. VPC: DhcpOptionsId "default" -> a dopt- id (AWS's default DHCP option set).
 7. subnets: AvailabilityZoneId as in the seed's account (us-east-1a=use1-az1,
    b=use1-az2, c=use1-az4); DefaultForAz only in the default VPC (moto flags
    the first subnet of each AZ once the default VPC is deleted);
    AvailableIpAddressCount recomputed after the ENIs below are added
    (size - 5 reserved - addresses in use); MapCustomerOwnedIpOnLaunch,
    EnableDns64, BlockPublicAccessStates added (VPCs get the latter too).
 8. NACLs: moto creates custom NACLs without the two "*" (32767) deny entries
    that AWS always adds; entries sorted as AWS lists them.
 9. instances: moto's KernelId "None", empty StateReason, paravirtual /
    SriovNetSupport and empty HibernationOptions replaced by what an HVM
    Ubuntu/AL2023 instance reports; PlatformDetails, UsageOperation, CpuOptions,
    CapacityReservationSpecification, EnclaveOptions, MaintenanceOptions,
    PrivateDnsNameOptions, EnaSupport, BootMode added; IamInstanceProfile.Id is
    the profile's AIPA id (moto: an association id); RootDeviceName follows
    the root volume (moto: always /dev/sda1).
10. ENIs of instances: Description "" (moto: "Primary network interface"),
    no RequesterId (moto: a fake IAM user id), auto-assigned public IPs are
    owned by "amazon" (moto: the account), PrivateDnsName on the ENI and on
    each private address.
11. NAT gateway ENI: moto's has a random private IP outside its subnet, the
    VPC default SG, InterfaceType "interface", empty description and status
    "available".  Rewritten: IP inside the subnet (same in NatGatewayAddresses
    and the EIP's PrivateIpAddress), InterfaceType "nat_gateway", Description
    "Interface for NAT Gateway nat-...", no groups, RequesterManaged, in-use,
    SourceDestCheck false, Association with the EIP.  NatGatewayAddresses get
    IsPrimary/Status; EIPs lose moto's empty InstanceId and get
    PublicIpv4Pool/NetworkBorderGroup.
12. public addresses: moto hands out EIPs from 127.0.0.0/8 and instance public
    IPs from 54.214.0.0/16 (a us-west-2 range).  Both are mapped, consistently
    in every file, to us-east-1-style addresses (44.x/3.2x/52.x for EIPs,
    54.1xx/3.8x/18.2xx for auto-assigned); public DNS names become
    ec2-a-b-c-d.compute-1.amazonaws.com (moto: ip-a-b-c-d.ec2.internal).
13. ALB ENIs (moto has none): one per ALB subnet, "ELB app/<name>/<id>",
    RequesterId/InstanceOwnerId "amazon-elb", the LB's SGs, an address in the
    subnet, plus a public Association for internet-facing ALBs.
14. RDS ENIs (moto has none): "RDSNetworkInterface" in the subnet of the
    DB's AZ (and of the standby's AZ for Multi-AZ), RequesterId "amazon-rds",
    the DB's VPC SGs, public Association only if PubliclyAccessible.
15. ELBv2: DNS name "<name>-<digits>.us-east-1.elb.amazonaws.com" and the
    real us-east-1 ALB hosted zone (moto: "-1" and Z2P70J7EXAMPLE);
    AvailabilityZones get LoadBalancerAddresses; HTTP listeners lose moto's
    SslPolicy, no listener keeps moto's empty AlpnPolicy; forward actions get
    ForwardConfig; HTTPS listeners get MutualAuthentication off;
    target health reports the real health-check port (moto: "traffic-port").
16. RDS: endpoint host "<id>.<12 chars>.us-east-1.rds.amazonaws.com" plus
    HostedZoneId (moto: "aaaaaaaaaa", none); CA rds-ca-rsa2048-g1 and
    CertificateDetails (moto: "rds-ca-default"); the settings moto drops
    (MonitoringInterval/RoleArn, Performance Insights, SecondaryAvailabilityZone,
    gp3 Iops/throughput) come back from the build's facts; fields AWS always
    returns are added (NetworkType, PendingModifiedValues, BackupTarget, ...);
    a DbiResourceId per DB (moto reuses one); PostgreSQL default option group
    per major version (moto: "default:postgres-15-10").
    Subnet groups get SupportedNetworkTypes and SubnetOutpost.
17. Lambda: list-functions does not return State/LastUpdateStatus on AWS;
    moto's empty Layers dropped; LoggingConfig and RevisionId added.
18. S3: one 64-hex canonical owner id everywhere (moto: a 32-hex id in
    list-buckets and another id in ACLs); DisplayName dropped (AWS stopped
    returning it in 2025); moto's "Prefix": null dropped; BucketRegion added;
    bucket policies compacted as S3 returns them; PolicyStatus computed
    (moto returns an empty one): IsPublic when an Allow statement has
    Principal "*" (or AWS "*") without a Condition.
19. managed prefix lists: real us-east-1 ids for S3/DynamoDB/CloudFront
    (pl-63a5400a, pl-02cd2c6b, pl-3b927c52) and "aws" as the ARN account
    (moto: "AWS"); ids rewritten in routes too.
20. VPC endpoints: gateway endpoints report PrivateDnsEnabled false,
    RequesterManaged false, IpAddressType ipv4; policy as AWS prints it
    (compact JSON).
21. MAC addresses: moto's 02:00:00:xx:xx:xx -> VPC-style 0a/0e/12/16:...
22.-25. ECS tasks and their ENIs and targets, ECS services, clusters and task
    definitions, ELBv2 listener rules: see ``postprocess_ecs.py`` (only acts
    on samples dumped with those calls).

Fix 16 also rewrites moto's RDS endpoint host wherever else it appears (a
task definition's environment names the database host).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import ipaddress
import json
import re
from typing import Any, Callable, Iterable

try:
    from . import postprocess_ecs
    from .common import ACCOUNT_ID, REGION
except ImportError:  # pragma: no cover
    import postprocess_ecs
    from common import ACCOUNT_ID, REGION

R = f"{ACCOUNT_ID}/{REGION}/"
AZ_IDS = {"us-east-1a": "use1-az1", "us-east-1b": "use1-az2", "us-east-1c": "use1-az4",
          "us-east-1d": "use1-az6", "us-east-1e": "use1-az3", "us-east-1f": "use1-az5"}
ALB_ZONE_ID = "Z35SXDOTRQ7X7K"          # us-east-1 ALB/CLB hosted zone
RDS_ZONE_ID = "Z2R2ITUGPM61AM"          # us-east-1 RDS hosted zone
KNOWN_PREFIX_LISTS = {
    "com.amazonaws.us-east-1.s3": "pl-63a5400a",
    "com.amazonaws.us-east-1.dynamodb": "pl-02cd2c6b",
    "com.amazonaws.global.cloudfront.origin-facing": "pl-3b927c52",
}
SECRET_KEYS = {"MasterUserPassword", "Password", "SecretString", "SecretBinary", "KeyMaterial",
               "SecretAccessKey", "SessionToken", "PrivateKey", "AuthToken"}
ID_PREFIXES = ("vpc-cidr-assoc", "rtbassoc", "aclassoc", "eipalloc", "eipassoc", "eni-attach",
               "subnet", "vpce", "vpc", "rtb", "igw", "eigw", "nat", "sg", "acl", "eni", "vol",
               "ami", "lt", "pcx", "dopt", "fl", "i", "r")
CPU = {"t2.micro": (1, 1), "t3.micro": (1, 2), "t3.small": (1, 2)}


# ---------------------------------------------------------------- helpers
def h(*parts: Any) -> int:
    return int(hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest(), 16)


def hexid(n: int, *parts: Any) -> str:
    return hashlib.sha256(("hex|" + "|".join(map(str, parts))).encode()).hexdigest()[:n]


def walk(obj: Any, fn: Callable[[Any], Any]) -> Any:
    """Map fn over every string leaf, in place (containers keep their identity)."""
    if isinstance(obj, dict):
        for k, v in obj.items():
            obj[k] = walk(v, fn)
        return obj
    if isinstance(obj, list):
        for i, v in enumerate(obj):
            obj[i] = walk(v, fn)
        return obj
    if isinstance(obj, str):
        return fn(obj)
    return obj


def rewrite_all(files: dict, fn: Callable[[str], str]) -> None:
    for k in list(files):
        files[k] = walk(files[k], fn)


def delete_keys(obj: Any, keys: set[str]) -> None:
    if isinstance(obj, dict):
        for k in [k for k in obj if k in keys]:
            del obj[k]
        for v in obj.values():
            delete_keys(v, keys)
    elif isinstance(obj, list):
        for v in obj:
            delete_keys(v, keys)


def reg(files: dict, stem: str) -> Any:
    return files.get(R + stem + ".json")


def pick_ip(cidr: str, used: set[str], *seed: Any) -> str:
    net = ipaddress.ip_network(cidr)
    n = net.num_addresses
    for i in range(1000):
        host = 4 + h(*seed, i) % (n - 5)  # .0-.3 and broadcast are reserved
        ip = str(net.network_address + host)
        if ip not in used:
            used.add(ip)
            return ip
    raise RuntimeError(f"no free address in {cidr}")


def public_dns(ip: str) -> str:
    return f"ec2-{ip.replace('.', '-')}.compute-1.amazonaws.com"


def private_dns(ip: str) -> str:
    return f"ip-{ip.replace('.', '-')}.ec2.internal"


def mac(*seed: Any) -> str:
    b = hashlib.sha256(("mac|" + "|".join(map(str, seed))).encode()).digest()
    first = (0x0A, 0x0E, 0x12, 0x16)[b[0] % 4]
    return ":".join(f"{x:02x}" for x in (first, *b[1:6]))


def iam_id(prefix: str, *seed: Any) -> str:
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
    n = h("iamid", prefix, *seed)
    out = []
    for _ in range(17):
        n, r = divmod(n, 32)
        out.append(alphabet[r])
    return prefix + "".join(out)


# ---------------------------------------------------------------- timestamps
TS_RE = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$")
ID_FIELDS = ("InstanceId", "NatGatewayId", "VpcEndpointId", "LoadBalancerArn", "DBInstanceIdentifier",
             "FunctionName", "RoleName", "InstanceProfileName", "Arn", "Name", "PolicyName")


def fmt_time(service: str, t: dt.datetime, ms: int) -> str:
    if service in ("ec2", "s3api"):
        return t.strftime("%Y-%m-%dT%H:%M:%S.000Z")
    if service in ("elbv2", "rds"):
        return t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{ms:03d}Z"
    if service == "iam":
        return t.strftime("%Y-%m-%dT%H:%M:%SZ")
    if service == "lambda":
        return t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{ms:03d}+0000"
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_ts(s: str) -> dt.datetime | None:
    m = TS_RE.match(s)
    if not m:
        return None
    return dt.datetime.fromisoformat(f"{m.group(1)}T{m.group(2)}").replace(tzinfo=dt.timezone.utc)


def service_of(path: str) -> str:
    """'123456789012/us-east-1/elbv2-describe-listeners/x.json' -> 'elbv2'."""
    parts = path.split("/")[1:]
    if parts and parts[0] == REGION:
        parts = parts[1:]
    return parts[0].split("-", 1)[0]


def normalize_timestamps(files: dict, times: dict[str, dt.datetime], run_start: dt.datetime,
                         snapshot_time: dt.datetime, warn: Callable[[str], None]) -> None:
    lo = run_start - dt.timedelta(hours=2)
    hi = dt.datetime.now(dt.timezone.utc) + dt.timedelta(hours=2)

    def visit(obj: Any, stack: list[dict], service: str, key: str | None = None) -> Any:
        if isinstance(obj, dict):
            stack.append(obj)
            for k, v in obj.items():
                obj[k] = visit(v, stack, service, k)
            stack.pop()
            return obj
        if isinstance(obj, list):
            for i, v in enumerate(obj):
                obj[i] = visit(v, stack, service, key)
            return obj
        if not isinstance(obj, str):
            return obj
        t = parse_ts(obj)
        if t is None or not (lo <= t <= hi):
            return obj
        if key == "LatestRestorableTime":
            return fmt_time(service, snapshot_time - dt.timedelta(minutes=4), h(key) % 1000)
        # the innermost enclosing object that names a timeline resource
        for anc in reversed(stack):
            for f in ID_FIELDS:
                v = anc.get(f)
                if isinstance(v, str) and v in times:
                    return fmt_time(service, times[v] + dt.timedelta(seconds=h(v, key) % 7),
                                    h(v, key) % 1000)
        warn(f"timestamp {key}={obj} matched no timeline entry; using snapshot time")
        return fmt_time(service, snapshot_time, 0)

    for path in list(files):
        files[path] = visit(files[path], [], service_of(path))


# ---------------------------------------------------------------- main entry
def postprocess(files: dict[str, Any], ids: dict[str, Any], *, base_time: dt.datetime,
                step: dt.timedelta, run_start: dt.datetime, facts: dict[str, Any] | None = None,
                warn: Callable[[str], None] = print) -> dict[str, Any]:
    facts = facts or {}
    acct = ACCOUNT_ID

    # 1. secrets
    for v in files.values():
        delete_keys(v, SECRET_KEYS)

    # 2. orphans of deleted VPCs
    vpc_ids = {v["VpcId"] for v in reg(files, "ec2-describe-vpcs")["Vpcs"]}
    subnet_ids = {s["SubnetId"] for s in reg(files, "ec2-describe-subnets")["Subnets"]}
    for stem, key in (("ec2-describe-network-acls", "NetworkAcls"),
                      ("ec2-describe-security-groups", "SecurityGroups"),
                      ("ec2-describe-route-tables", "RouteTables"),
                      ("ec2-describe-network-interfaces", "NetworkInterfaces")):
        doc = reg(files, stem)
        doc[key] = [x for x in doc[key] if x.get("VpcId") in vpc_ids]
    for acl in reg(files, "ec2-describe-network-acls")["NetworkAcls"]:
        acl["Associations"] = [a for a in acl["Associations"] if a["SubnetId"] in subnet_ids]

    # 3. resource ids start with 0 (applied to ids dict too, for the timeline)
    id_re = re.compile(r"(?<![\w])(" + "|".join(re.escape(p) for p in ID_PREFIXES) + r")-([0-9a-f]{17})(?![0-9a-f])")

    def fix_id(s: str) -> str:
        return id_re.sub(lambda m: f"{m.group(1)}-0{m.group(2)[1:]}", s)

    rewrite_all(files, fix_id)
    ids = walk(ids, fix_id)

    # 4. IAM
    iam_path = f"{acct}/iam-get-account-authorization-details.json"
    iam = files[iam_path]
    attach_count: dict[str, int] = {}
    for kind in ("UserDetailList", "GroupDetailList", "RoleDetailList"):
        for ent in iam.get(kind, []):
            for p in ent.get("AttachedManagedPolicies", []):
                attach_count[p["PolicyArn"]] = attach_count.get(p["PolicyArn"], 0) + 1
    kept = []
    for p in iam["Policies"]:
        customer = not p["Arn"].startswith("arn:aws:iam::aws:policy/")
        if not customer and p["Arn"] not in attach_count:
            continue
        name = p["Arn"].rsplit("/", 1)[-1]
        new = {"PolicyName": name, "PolicyId": iam_id("ANPA", p["Arn"])}
        new.update(p)
        new["AttachmentCount"] = attach_count.get(p["Arn"], 0)
        new.setdefault("PermissionsBoundaryUsageCount", 0)
        if not new.get("Description"):
            new.pop("Description", None)
        kept.append(new)
    iam["Policies"] = sorted(kept, key=lambda p: p["Arn"])
    profile_ids: dict[str, str] = {}
    for role in iam.get("RoleDetailList", []):
        for prof in role.get("InstanceProfileList", []):
            prof["InstanceProfileId"] = iam_id("AIPA", prof["Arn"])
            profile_ids[prof["Arn"]] = prof["InstanceProfileId"]
            for r in prof.get("Roles", []):
                for k in ("Tags", "RoleLastUsed", "MaxSessionDuration", "Description"):
                    r.pop(k, None)

    # 5. timestamps (timeline -> times)
    times: dict[str, dt.datetime] = {}
    for i, key in enumerate(ids.get("timeline", [])):
        times.setdefault(key, base_time + i * step)
    snapshot_time = base_time + len(ids.get("timeline", [])) * step + dt.timedelta(minutes=12)
    # the IAM instance profile shares its role's time unless listed itself
    normalize_timestamps(files, times, run_start, snapshot_time, warn)

    # (normalize_timestamps and rewrite_all build new objects: re-fetch documents
    # after them rather than keeping references across.)
    iam = files[iam_path]
    # roles in use -> RoleLastUsed
    used_roles = set(facts.get("roles_in_use", []))
    for fn in (reg(files, "lambda-list-functions") or {}).get("Functions", []):
        used_roles.add(fn["Role"].rsplit("/", 1)[-1])
    inst_profiles = set()
    for res in reg(files, "ec2-describe-instances")["Reservations"]:
        for inst in res["Instances"]:
            if inst.get("IamInstanceProfile"):
                inst_profiles.add(inst["IamInstanceProfile"]["Arn"])
    for role in iam.get("RoleDetailList", []):
        in_use = role["Path"].startswith("/aws-service-role/") or role["RoleName"] in used_roles or any(
            p["Arn"] in inst_profiles for p in role.get("InstanceProfileList", []))
        if in_use:
            created = parse_ts(role["CreateDate"]) or base_time
            span = max((snapshot_time - created).total_seconds(), 120)
            when = created + dt.timedelta(seconds=60 + h(role["RoleName"]) % int(span - 60))
            role["RoleLastUsed"] = {"LastUsedDate": fmt_time("iam", when, 0), "Region": REGION}
        else:
            role["RoleLastUsed"] = {}

    # 6. VPCs
    dopt = "dopt-0" + hexid(16, acct, "dopt")
    for v in reg(files, "ec2-describe-vpcs")["Vpcs"]:
        if v.get("DhcpOptionsId") in (None, "default"):
            v["DhcpOptionsId"] = dopt
        v.setdefault("BlockPublicAccessStates", {"InternetGatewayBlockMode": "off"})

    subnets = {s["SubnetId"]: s for s in reg(files, "ec2-describe-subnets")["Subnets"]}
    default_vpcs = {v["VpcId"] for v in reg(files, "ec2-describe-vpcs")["Vpcs"] if v.get("IsDefault")}
    for s in subnets.values():
        # moto marks the first subnet it sees in an AZ DefaultForAz, even in a
        # custom VPC (once the default VPC is gone); AWS: only default subnets.
        s["DefaultForAz"] = s["VpcId"] in default_vpcs
        s["AvailabilityZoneId"] = AZ_IDS.get(s["AvailabilityZone"], s.get("AvailabilityZoneId"))
        s.setdefault("MapCustomerOwnedIpOnLaunch", False)
        s.setdefault("EnableDns64", False)
        s.setdefault("BlockPublicAccessStates", {"InternetGatewayBlockMode": "off"})
    for rt in reg(files, "ec2-describe-route-tables")["RouteTables"]:
        rt.setdefault("PropagatingVgws", [])

    # 8. NACL default deny entries
    for acl in reg(files, "ec2-describe-network-acls")["NetworkAcls"]:
        for egress in (True, False):
            if not any(e["RuleNumber"] == 32767 and e["Egress"] == egress for e in acl["Entries"]):
                acl["Entries"].append({"CidrBlock": "0.0.0.0/0", "Egress": egress, "Protocol": "-1",
                                       "RuleAction": "deny", "RuleNumber": 32767})
        acl["Entries"].sort(key=lambda e: (not e["Egress"], e["RuleNumber"]))

    # 9/10. instances and their ENIs
    eni_doc = reg(files, "ec2-describe-network-interfaces")
    enis = {e["NetworkInterfaceId"]: e for e in eni_doc["NetworkInterfaces"]}
    eip_ips = {a["PublicIp"] for a in reg(files, "ec2-describe-addresses")["Addresses"]}
    for res in reg(files, "ec2-describe-instances")["Reservations"]:
        for inst in res["Instances"]:
            for k in ("KernelId", "StateReason", "SriovNetSupport", "RamdiskId"):
                if k == "StateReason" and inst.get(k, {}).get("Code"):
                    continue
                inst.pop(k, None)
            inst["VirtualizationType"] = "hvm"
            inst["HibernationOptions"] = {"Configured": False}
            inst.setdefault("EnaSupport", True)
            inst.setdefault("PlatformDetails", "Linux/UNIX")
            inst.setdefault("UsageOperation", "RunInstances")
            inst.setdefault("UsageOperationUpdateTime", inst["LaunchTime"])
            cores, threads = CPU.get(inst["InstanceType"], (1, 2))
            inst.setdefault("CpuOptions", {"CoreCount": cores, "ThreadsPerCore": threads})
            inst.setdefault("CapacityReservationSpecification", {"CapacityReservationPreference": "open"})
            inst.setdefault("EnclaveOptions", {"Enabled": False})
            inst.setdefault("MaintenanceOptions", {"AutoRecovery": "default"})
            inst.setdefault("PrivateDnsNameOptions", {"HostnameType": "ip-name",
                                                      "EnableResourceNameDnsARecord": False,
                                                      "EnableResourceNameDnsAAAARecord": False})
            inst.setdefault("BootMode", "uefi-preferred")
            inst.setdefault("CurrentInstanceBootMode", "legacy-bios")
            bdm = inst.get("BlockDeviceMappings") or []
            if len(bdm) == 1:  # moto always says /dev/sda1 (AL2023 uses /dev/xvda)
                inst["RootDeviceName"] = bdm[0]["DeviceName"]
            if inst["InstanceType"].startswith("t3"):
                inst["EbsOptimized"] = True
            if inst.get("IamInstanceProfile"):
                arn = inst["IamInstanceProfile"]["Arn"]
                inst["IamInstanceProfile"]["Id"] = profile_ids.get(arn, iam_id("AIPA", arn))
            for ni in inst.get("NetworkInterfaces", []):
                _fix_instance_eni(ni, eip_ips)
                ni.setdefault("Operator", {"Managed": False})
            if "PublicIpAddress" not in inst:
                inst["PublicDnsName"] = ""
    for e in eni_doc["NetworkInterfaces"]:
        if e.get("Attachment", {}).get("InstanceId"):
            _fix_instance_eni(e, eip_ips)
            e.pop("RequesterId", None)
            e.setdefault("Operator", {"Managed": False})
            e["AvailabilityZoneId"] = AZ_IDS.get(e["AvailabilityZone"])

    # 11. NAT gateways
    used_ips: dict[str, set[str]] = {sid: set() for sid in subnets}
    for e in eni_doc["NetworkInterfaces"]:
        for p in e.get("PrivateIpAddresses", []):
            used_ips.setdefault(e["SubnetId"], set()).add(p["PrivateIpAddress"])
    addrs = {a["AllocationId"]: a for a in reg(files, "ec2-describe-addresses")["Addresses"]}
    for a in addrs.values():
        if a.get("InstanceId") == "":
            del a["InstanceId"]
        a.setdefault("PublicIpv4Pool", "amazon")
        a.setdefault("NetworkBorderGroup", REGION)
    for nat in reg(files, "ec2-describe-nat-gateways")["NatGateways"]:
        sn = subnets[nat["SubnetId"]]
        for na in nat["NatGatewayAddresses"]:
            eni = enis[na["NetworkInterfaceId"]]
            for p in eni.get("PrivateIpAddresses", []):
                used_ips[eni["SubnetId"]].discard(p["PrivateIpAddress"])
            ip = pick_ip(sn["CidrBlock"], used_ips[sn["SubnetId"]], nat["NatGatewayId"])
            na["PrivateIp"] = ip
            na.setdefault("IsPrimary", True)
            na.setdefault("Status", "succeeded")
            if na.get("AllocationId") in addrs:
                addrs[na["AllocationId"]]["PrivateIpAddress"] = ip
            assoc = {"AllocationId": na["AllocationId"], "AssociationId": na["AssociationId"],
                     "IpOwnerId": acct, "PublicDnsName": public_dns(na["PublicIp"]),
                     "PublicIp": na["PublicIp"]}
            eni.clear()
            eni.update({
                "Association": assoc,
                "AvailabilityZone": sn["AvailabilityZone"],
                "AvailabilityZoneId": AZ_IDS.get(sn["AvailabilityZone"]),
                "Description": f"Interface for NAT Gateway {nat['NatGatewayId']}",
                "Groups": [],
                "InterfaceType": "nat_gateway",
                "Ipv6Addresses": [],
                "MacAddress": mac(na["NetworkInterfaceId"]),
                "NetworkInterfaceId": na["NetworkInterfaceId"],
                "OwnerId": acct,
                "PrivateDnsName": private_dns(ip),
                "PrivateIpAddress": ip,
                "PrivateIpAddresses": [{"Association": dict(assoc), "Primary": True,
                                        "PrivateDnsName": private_dns(ip), "PrivateIpAddress": ip}],
                # An AWS-owned account id; the exact value differs per region.
                "RequesterId": "036872051663",
                "RequesterManaged": True,
                "SourceDestCheck": False,
                "Status": "in-use",
                "SubnetId": sn["SubnetId"],
                "TagSet": [],
                "VpcId": sn["VpcId"],
            })

    # 12. public addresses
    ip_map: dict[str, str] = {}
    taken: set[str] = set()

    def remap(old: str, pools: list[tuple[int, int]], salt: str) -> None:
        if old in ip_map:
            return
        for i in range(100):
            n = h(salt, old, i)
            a, b = pools[n % len(pools)]
            new = f"{a}.{b}.{(n >> 8) % 254 + 1}.{(n >> 16) % 253 + 2}"
            if new not in taken:
                taken.add(new)
                ip_map[old] = new
                return

    for a in sorted(addrs.values(), key=lambda x: x["AllocationId"]):
        if a["PublicIp"].startswith("127."):
            remap(a["PublicIp"], [(44, 193), (44, 207), (3, 215), (52, 5), (34, 194)], "eip")
    for res in reg(files, "ec2-describe-instances")["Reservations"]:
        for inst in res["Instances"]:
            ip = inst.get("PublicIpAddress")
            if ip and ip not in eip_ips:
                remap(ip, [(54, 164), (3, 85), (18, 206), (54, 197), (3, 91)], "auto")
    if ip_map:
        ip_re = re.compile(r"(?<![\d.])(" + "|".join(re.escape(k) for k in ip_map) + r")(?![\d.])")
        dash = {k.replace(".", "-"): v.replace(".", "-") for k, v in ip_map.items()}
        dash_re = re.compile(r"(?<=-)(" + "|".join(re.escape(k) for k in dash) + r")(?=\.)")

        def swap(s: str) -> str:
            s = ip_re.sub(lambda m: ip_map[m.group(1)], s)
            return dash_re.sub(lambda m: dash[m.group(1)], s)
        rewrite_all(files, swap)

    def fix_pub_dns(obj: Any) -> None:
        if isinstance(obj, dict):
            if "PublicIp" in obj and "PublicDnsName" in obj:
                obj["PublicDnsName"] = public_dns(obj["PublicIp"])
            for v in obj.values():
                fix_pub_dns(v)
        elif isinstance(obj, list):
            for v in obj:
                fix_pub_dns(v)
    fix_pub_dns(files)

    # reload references after the rewrites
    eni_doc = reg(files, "ec2-describe-network-interfaces")
    sgs = {g["GroupId"]: g for g in reg(files, "ec2-describe-security-groups")["SecurityGroups"]}
    subnets = {s["SubnetId"]: s for s in reg(files, "ec2-describe-subnets")["Subnets"]}

    def service_eni(owner: str, seed: str, sn: dict, groups: list[str], desc: str,
                    attach_time: str, public: bool) -> dict:
        ip = pick_ip(sn["CidrBlock"], used_ips.setdefault(sn["SubnetId"], set()), seed)
        eni_id = "eni-0" + hexid(16, "eni", seed)
        e: dict[str, Any] = {}
        pub = None
        if public:
            n = h("svc-pub", seed)
            a, b = [(3, 209), (52, 0), (54, 82), (34, 224)][n % 4]
            pub = f"{a}.{b}.{(n >> 8) % 254 + 1}.{(n >> 16) % 253 + 2}"
            e["Association"] = {"IpOwnerId": owner, "PublicDnsName": public_dns(pub), "PublicIp": pub}
        e.update({
            "Attachment": {"AttachTime": attach_time, "AttachmentId": "ela-attach-0" + hexid(16, "att", seed),
                           "DeleteOnTermination": False, "DeviceIndex": 1, "NetworkCardIndex": 0,
                           "InstanceOwnerId": owner, "Status": "attached"},
            "AvailabilityZone": sn["AvailabilityZone"],
            "AvailabilityZoneId": AZ_IDS.get(sn["AvailabilityZone"]),
            "Description": desc,
            "Groups": [{"GroupId": g, "GroupName": sgs[g]["GroupName"]} for g in groups],
            "InterfaceType": "interface",
            "Ipv6Addresses": [],
            "MacAddress": mac(seed),
            "NetworkInterfaceId": eni_id,
            "OwnerId": acct,
            "PrivateDnsName": private_dns(ip),
            "PrivateIpAddress": ip,
            "PrivateIpAddresses": [{"Primary": True, "PrivateDnsName": private_dns(ip), "PrivateIpAddress": ip}],
            "RequesterId": owner,
            "RequesterManaged": True,
            "SourceDestCheck": True,
            "Status": "in-use",
            "SubnetId": sn["SubnetId"],
            "TagSet": [],
            "VpcId": sn["VpcId"],
        })
        if pub:
            e["PrivateIpAddresses"][0] = {"Association": dict(e["Association"]),
                                          **e["PrivateIpAddresses"][0]}
        return e

    # 13. ALB ENIs
    new_enis = []
    for lb in reg(files, "elbv2-describe-load-balancers")["LoadBalancers"]:
        kind = {"application": "app", "network": "net", "gateway": "gwy"}[lb["Type"]]
        suffix = lb["LoadBalancerArn"].rsplit("/", 1)[-1]
        for az in lb["AvailabilityZones"]:
            new_enis.append(service_eni(
                "amazon-elb", f"{lb['LoadBalancerArn']}|{az['SubnetId']}", subnets[az["SubnetId"]],
                lb.get("SecurityGroups", []), f"ELB {kind}/{lb['LoadBalancerName']}/{suffix}",
                _retime(lb["CreatedTime"], "ec2"), lb["Scheme"] == "internet-facing"))

    # 16 (part). RDS facts first: SecondaryAvailabilityZone is needed for the ENIs.
    rds_facts = facts.get("rds", {})
    for db in reg(files, "rds-describe-db-instances")["DBInstances"]:
        extra = rds_facts.get(db["DBInstanceIdentifier"], {})
        for k, v in extra.items():
            db[k] = v
        if db.get("MultiAZ") and not db.get("SecondaryAvailabilityZone"):
            azs = sorted({s["SubnetAvailabilityZone"]["Name"] for s in db["DBSubnetGroup"]["Subnets"]})
            db["SecondaryAvailabilityZone"] = next(a for a in azs if a != db["AvailabilityZone"])

    # 14. RDS ENIs
    for db in reg(files, "rds-describe-db-instances")["DBInstances"]:
        by_az = {}
        for s in db["DBSubnetGroup"]["Subnets"]:
            by_az.setdefault(s["SubnetAvailabilityZone"]["Name"], s["SubnetIdentifier"])
        azs = [db["AvailabilityZone"]] + ([db["SecondaryAvailabilityZone"]] if db.get("MultiAZ") else [])
        for az in azs:
            new_enis.append(service_eni(
                "amazon-rds", f"{db['DBInstanceArn']}|{az}", subnets[by_az[az]],
                [g["VpcSecurityGroupId"] for g in db["VpcSecurityGroups"]], "RDSNetworkInterface",
                _retime(db["InstanceCreateTime"], "ec2"), bool(db.get("PubliclyAccessible"))))
    # 22. ECS tasks (moto starts none), their ENIs and load-balancer targets
    if any(p.startswith(R + "ecs-describe-services/") for p in files):
        new_enis += postprocess_ecs.synthesize_tasks(
            files, subnets=subnets, sgs=sgs, used_ips=used_ips, times=times, h=h, hexid=hexid,
            pick_ip=pick_ip, mac=mac, private_dns=private_dns, fmt_time=fmt_time, az_ids=AZ_IDS, warn=warn)
    eni_doc["NetworkInterfaces"].extend(new_enis)
    eni_doc["NetworkInterfaces"].sort(key=lambda e: e["NetworkInterfaceId"])
    # one key order for moto's and the added ENIs (EC2 lists them alphabetically)
    eni_doc["NetworkInterfaces"][:] = [dict(sorted(e.items())) for e in eni_doc["NetworkInterfaces"]]

    # 7 (part). available addresses per subnet
    in_use: dict[str, int] = {}
    for e in eni_doc["NetworkInterfaces"]:
        in_use[e["SubnetId"]] = in_use.get(e["SubnetId"], 0) + len(e.get("PrivateIpAddresses", []))
    for s in subnets.values():
        size = ipaddress.ip_network(s["CidrBlock"]).num_addresses
        s["AvailableIpAddressCount"] = size - 5 - in_use.get(s["SubnetId"], 0)

    # 15. ELBv2
    tgs = {t["TargetGroupArn"]: t for t in reg(files, "elbv2-describe-target-groups")["TargetGroups"]}
    for lb in reg(files, "elbv2-describe-load-balancers")["LoadBalancers"]:
        digits = facts.get("alb_dns_digits", {}).get(lb["LoadBalancerName"]) or str(1000000000 + h(lb["LoadBalancerArn"]) % 999999999)
        prefix = "internal-" if lb["Scheme"] == "internal" else ""
        lb["DNSName"] = f"{prefix}{lb['LoadBalancerName']}-{digits}.{REGION}.elb.amazonaws.com"
        lb["CanonicalHostedZoneId"] = ALB_ZONE_ID
        for az in lb["AvailabilityZones"]:
            az.setdefault("LoadBalancerAddresses", [])
    for path in [p for p in files if "/elbv2-describe-listeners/" in p]:
        for lis in files[path]["Listeners"]:
            if lis["Protocol"] in ("HTTP", "TCP", "UDP", "TCP_UDP"):
                lis.pop("SslPolicy", None)
            if not lis.get("AlpnPolicy"):
                lis.pop("AlpnPolicy", None)
            if lis["Protocol"] == "HTTPS":
                lis.setdefault("MutualAuthentication", {"Mode": "off"})
            for act in lis["DefaultActions"]:
                if act["Type"] == "forward" and "TargetGroupArn" in act:
                    act.setdefault("ForwardConfig", {
                        "TargetGroups": [{"TargetGroupArn": act["TargetGroupArn"], "Weight": 1}],
                        "TargetGroupStickinessConfig": {"Enabled": False}})
    for path in [p for p in files if "/elbv2-describe-target-health/" in p]:
        name = path.rsplit("/", 1)[-1][:-5]
        tg = next(t for t in tgs.values() if t["TargetGroupName"] == name)
        for d in files[path]["TargetHealthDescriptions"]:
            if d.get("HealthCheckPort") == "traffic-port":
                d["HealthCheckPort"] = str(d["Target"].get("Port", tg["Port"]))
            d.setdefault("AdministrativeOverride", {
                "State": "no_override", "Reason": "AdministrativeOverride.NoOverride",
                "Description": "No override is currently active on target"})
        files[path]["TargetHealthDescriptions"].sort(key=lambda d: d["Target"]["Id"])
    # 25. listener rules
    postprocess_ecs.fix_rules(files, hexid)

    # 16. RDS
    host = facts.get("rds_endpoint_id") or ("c" + hexid(11, acct, "rds").translate(str.maketrans("0123456789", "ghjkmnpqrs")))
    dbi_map = {}
    old_hosts = {}
    for db in reg(files, "rds-describe-db-instances")["DBInstances"]:
        # moto gives every DB the same DbiResourceId
        alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
        n = h("dbi", db["DBInstanceArn"], db["InstanceCreateTime"])
        dbi_map[db["DbiResourceId"]] = "db-" + "".join(alphabet[(n >> (5 * i)) % 32] for i in range(26))
        if db["Engine"] == "postgres":  # moto: "default:postgres-15-10"; AWS: per major version
            for og in db.get("OptionGroupMemberships", []):
                if og["OptionGroupName"].startswith("default:postgres-"):
                    og["OptionGroupName"] = "default:postgres-" + db["EngineVersion"].split(".")[0]
        old_hosts[db["Endpoint"]["Address"]] = f"{db['DBInstanceIdentifier']}.{host}.{REGION}.rds.amazonaws.com"
        db["Endpoint"] = {"Address": old_hosts[db["Endpoint"]["Address"]],
                          "Port": db["Endpoint"]["Port"], "HostedZoneId": RDS_ZONE_ID}
        db["CACertificateIdentifier"] = "rds-ca-rsa2048-g1"
        created = parse_ts(db["InstanceCreateTime"])
        db.setdefault("CertificateDetails", {
            "CAIdentifier": "rds-ca-rsa2048-g1",
            "ValidTill": fmt_time("rds", created + dt.timedelta(days=365), 0)})
        db.setdefault("PendingModifiedValues", {})
        db.setdefault("MonitoringInterval", 0)
        db.setdefault("PerformanceInsightsEnabled", False)
        db.setdefault("NetworkType", "IPV4")
        db.setdefault("CustomerOwnedIpEnabled", False)
        db.setdefault("ActivityStreamStatus", "stopped")
        db.setdefault("BackupTarget", "region")
        db.setdefault("DedicatedLogVolume", False)
        db.setdefault("IsStorageConfigUpgradeAvailable", False)
        db.setdefault("EngineLifecycleSupport", "open-source-rds-extended-support")
        db.setdefault("DatabaseInsightsMode", "standard")
        if db.get("StorageType") == "gp3":
            db.setdefault("Iops", 3000)
            db.setdefault("StorageThroughput", 125)
        else:
            db.setdefault("StorageThroughput", 0)
    if dbi_map:
        dbi_re = re.compile("|".join(re.escape(k) for k in dbi_map))
        rewrite_all(files, lambda v: dbi_re.sub(lambda m: dbi_map[m.group(0)], v))
    if old_hosts:  # e.g. a DATABASE_URL in a task definition names the host
        host_re = re.compile("|".join(re.escape(k) for k in sorted(old_hosts, key=len, reverse=True)))
        rewrite_all(files, lambda v: host_re.sub(lambda m: old_hosts[m.group(0)], v))
    for grp in [reg(files, "rds-describe-db-subnet-groups")["DBSubnetGroups"],
                [d["DBSubnetGroup"] for d in reg(files, "rds-describe-db-instances")["DBInstances"]]]:
        for g in grp:
            g.setdefault("SupportedNetworkTypes", ["IPV4"])
            for s in g["Subnets"]:
                s.setdefault("SubnetOutpost", {})

    # 23/24. ECS services, clusters, task definitions
    iam_roles = {r["RoleName"] for r in files[iam_path].get("RoleDetailList", [])}
    postprocess_ecs.fix_ecs_documents(
        files, times=times, h=h, hexid=hexid,
        service_linked_role="AWSServiceRoleForECS" if "AWSServiceRoleForECS" in iam_roles else None)

    # 17. Lambda
    for fn in (reg(files, "lambda-list-functions") or {}).get("Functions", []):
        for k in ("State", "StateReason", "StateReasonCode", "LastUpdateStatus"):
            fn.pop(k, None)
        if not fn.get("Layers"):
            fn.pop("Layers", None)
        fn.setdefault("LoggingConfig", {"LogFormat": "Text", "LogGroup": f"/aws/lambda/{fn['FunctionName']}"})
        r = hexid(32, "rev", fn["FunctionArn"])
        fn.setdefault("RevisionId", f"{r[:8]}-{r[8:12]}-4{r[13:16]}-a{r[17:20]}-{r[20:32]}")

    # 18. S3
    canonical = hexid(64, acct, "canonical")

    def fix_owner(o: dict) -> None:
        o.pop("DisplayName", None)
        o["ID"] = canonical

    lb_doc = files[f"{acct}/s3api-list-buckets.json"]
    fix_owner(lb_doc["Owner"])
    if lb_doc.get("Prefix") is None:
        lb_doc.pop("Prefix", None)
    locations = {}
    for p, v in files.items():
        if "/s3api-get-bucket-location/" in p:
            locations[p.rsplit("/", 1)[-1][:-5]] = v.get("LocationConstraint") or "us-east-1"
    for b in lb_doc["Buckets"]:
        b.setdefault("BucketRegion", locations.get(b["Name"], REGION))
    for p, v in files.items():
        if "/s3api-get-bucket-acl/" in p:
            fix_owner(v["Owner"])
            for g in v["Grants"]:
                if g["Grantee"].get("Type") == "CanonicalUser":
                    fix_owner(g["Grantee"])
        if "/s3api-get-bucket-policy/" in p:
            pol = json.loads(v["Policy"])
            v["Policy"] = json.dumps(pol, separators=(",", ":"))
            files[p.replace("/s3api-get-bucket-policy/", "/s3api-get-bucket-policy-status/")] = {
                "PolicyStatus": {"IsPublic": _policy_is_public(pol)}}

    # 19. prefix lists
    pl_doc = reg(files, "ec2-describe-managed-prefix-lists")
    if pl_doc:
        pl_map = {}
        for pl in pl_doc["PrefixLists"]:
            new = KNOWN_PREFIX_LISTS.get(pl["PrefixListName"]) or "pl-0" + hexid(16, pl["PrefixListName"])
            pl_map[pl["PrefixListId"]] = new
        if pl_map:
            pl_re = re.compile("|".join(re.escape(k) for k in pl_map))
            rewrite_all(files, lambda s: pl_re.sub(lambda m: pl_map[m.group(0)], s))
        for pl in reg(files, "ec2-describe-managed-prefix-lists")["PrefixLists"]:
            if pl.get("OwnerId") == "AWS":
                pl["PrefixListArn"] = pl["PrefixListArn"].replace(":AWS:", ":aws:")

    # 20. VPC endpoints
    for ep in reg(files, "ec2-describe-vpc-endpoints")["VpcEndpoints"]:
        if ep["VpcEndpointType"] == "Gateway":
            ep["PrivateDnsEnabled"] = False
        ep.setdefault("RequesterManaged", False)
        ep.setdefault("IpAddressType", "ipv4")
        if ep.get("PolicyDocument"):
            ep["PolicyDocument"] = json.dumps(json.loads(ep["PolicyDocument"]), separators=(",", ":"))

    # 21. MAC addresses
    mac_re = re.compile(r"^02:00:00(:[0-9a-f]{2}){3}$")
    rewrite_all(files, lambda s: mac(s) if mac_re.match(s) else s)
    return files


def _retime(ts: str, service: str) -> str:
    t = parse_ts(ts)
    return fmt_time(service, t, 0) if t else ts


def _fix_instance_eni(ni: dict, eip_ips: set[str]) -> None:
    ni["Description"] = ""
    if not ni.get("Association"):
        ni.pop("Association", None)  # moto prints an empty one for private instances
    ip = ni.get("PrivateIpAddress")
    if ip:
        ni["PrivateDnsName"] = private_dns(ip)
    assoc = ni.get("Association")
    if assoc and assoc.get("PublicIp") not in eip_ips:
        assoc["IpOwnerId"] = "amazon"
    for p in ni.get("PrivateIpAddresses", []):
        p["PrivateDnsName"] = private_dns(p["PrivateIpAddress"])
        if p.get("Primary") and assoc:
            p["Association"] = dict(assoc)
    if "PrivateIpAddresses" in ni:
        ni["PrivateIpAddresses"] = [
            {k: p[k] for k in ("Association", "Primary", "PrivateDnsName", "PrivateIpAddress") if k in p}
            for p in ni["PrivateIpAddresses"]]


def _policy_is_public(policy: dict) -> bool:
    """AWS's rule, simplified: an Allow to everyone without a Condition."""
    stmts = policy.get("Statement", [])
    if isinstance(stmts, dict):
        stmts = [stmts]
    for st in stmts:
        if st.get("Effect") != "Allow" or st.get("Condition"):
            continue
        pr = st.get("Principal")
        if pr == "*" or (isinstance(pr, dict) and ("*" in _as_list(pr.get("AWS")))):
            return True
    return False


def _as_list(v: Any) -> list:
    if v is None:
        return []
    return v if isinstance(v, list) else [v]
