"""ECS and listener-rule parts of the moto -> AWS post-processing.

Called from ``postprocess.postprocess`` (fixes 22-25 in its list); kept here so
that file stays readable.  Every value generated here is derived from stable
hashes and the build's timeline, so a rebuild gives byte-identical files.

22. ECS tasks (moto's services start none): for every service, desiredCount
    RUNNING Fargate tasks as DescribeTasks shows them -- spread round-robin over
    the service's awsvpc subnets, ``group`` "service:<name>", ``startedBy`` the
    primary deployment id, one ``ElasticNetworkInterface`` attachment (subnetId,
    networkInterfaceId, macAddress, privateDnsName, privateIPv4Address), one
    container per container definition (image digest, runtime id, the
    attachment's address), stable 32-hex task ids.  ListTasks lists them.
    Each task gets its ENI in describe-network-interfaces as AWS shows an ECS
    awsvpc interface: InterfaceType "interface", Description
    "arn:aws:ecs:<region>:<acct>:attachment/<attachment id>", RequesterManaged
    true, RequesterId 578734482556 and attachment owner 501673713797 (the
    AWS-owned accounts ECS uses in us-east-1), the service's SGs, an address
    inside the subnet, no public IP (assignPublicIp DISABLED; with ENABLED an
    amazon-owned public address is associated).  Services with load balancers
    get the task addresses registered as ip targets (port = containerPort) in
    describe-target-health of their target group.
23. ECS services: running/pending counts and the primary deployment as a
    finished rollout (COMPLETED, counts, times); ``platformFamily`` "Linux"
    (moto: "FARGATE"); what moto drops and AWS returns (deploymentConfiguration,
    roleArn of the ECS service-linked role for load-balanced services,
    healthCheckGracePeriodSeconds, placement lists, enableECSManagedTags,
    enableExecuteCommand, availabilityZoneRebalancing, createdAt) and the
    service events a steady service shows.  Deployment ids are stable
    ("ecs-svc/<19 digits>"; moto: random).
24. ECS clusters and task definitions: cluster task/service counts follow the
    tasks above; ``settings`` only comes with ``--include SETTINGS`` (moto
    always returns it).  Task definitions get registeredAt, the
    requiresAttributes AWS derives from the definition (awslogs, ECR pull,
    task role, task ENI) and ``systemControls`` [] per container.  Every ECS
    time is the CLI's raw epoch seconds (3 decimals) from the timeline.
25. ELBv2 describe-rules: the default rule's id is 16 hex as AWS's (moto:
    a Python object id); conditions also carry their ``<Field>Config`` form
    (PathPatternConfig, HostHeaderConfig, ...) as AWS returns them; forward
    actions get ForwardConfig, as listeners' default actions (fix 15).
"""
from __future__ import annotations

import datetime as dt
from typing import Any, Callable

try:
    from .common import ACCOUNT_ID, REGION
except ImportError:  # pragma: no cover
    from common import ACCOUNT_ID, REGION

R = f"{ACCOUNT_ID}/{REGION}/"
ECS_REQUESTER_ID = "578734482556"      # AWS-owned account that requests ECS task ENIs (us-east-1)
ECS_ATTACHMENT_OWNER = "501673713797"  # AWS-owned account shown as the ENI attachment's owner
FARGATE_PLATFORM = "1.4.0"             # what LATEST resolves to for Linux tasks
CONDITION_CONFIG = {"path-pattern": "PathPatternConfig", "host-header": "HostHeaderConfig",
                    "http-request-method": "HttpRequestMethodConfig", "source-ip": "SourceIpConfig"}


def _files(files: dict, folder: str) -> list[str]:
    return sorted(p for p in files if p.startswith(R + folder + "/"))


def epoch(t: dt.datetime, ms: int) -> float:
    """ECS times as the AWS CLI v1 prints them: the JSON protocol's epoch seconds."""
    return round(int(t.timestamp()) + (ms % 1000) / 1000, 3)


def _uuid(hexid: Callable[..., str], *seed: Any) -> str:
    d = hexid(32, "uuid", *seed)
    return f"{d[:8]}-{d[8:12]}-4{d[13:16]}-{'89ab'[int(d[16], 16) % 4]}{d[17:20]}-{d[20:32]}"


def deployment_id(h: Callable[..., int], service_arn: str) -> str:
    return f"ecs-svc/{10 ** 18 + h('deployment', service_arn) % (9 * 10 ** 18)}"


def _task_definitions(files: dict) -> dict[str, dict]:
    return {files[p]["taskDefinition"]["taskDefinitionArn"]: files[p]["taskDefinition"]
            for p in _files(files, "ecs-describe-task-definition")}


def _services(files: dict) -> list[tuple[str, dict]]:
    """(cluster name, service) for every described service, in file order."""
    out = []
    for p in _files(files, "ecs-describe-services"):
        cluster = p.rsplit("/", 1)[-1][:-5]
        out += [(cluster, s) for s in files[p]["services"]]
    return out


# ---------------------------------------------------------------- 22. tasks + ENIs
def synthesize_tasks(files: dict, *, subnets: dict, sgs: dict, used_ips: dict, times: dict,
                     h: Callable[..., int], hexid: Callable[..., str], pick_ip: Callable[..., str],
                     mac: Callable[..., str], private_dns: Callable[[str], str],
                     fmt_time: Callable[..., str], az_ids: dict, warn: Callable[[str], None]) -> list[dict]:
    """Write describe-tasks / list-tasks per cluster and the targets; return the new ENIs."""
    tds = _task_definitions(files)
    tgs = {t["TargetGroupArn"]: t["TargetGroupName"]
           for t in files[R + "elbv2-describe-target-groups.json"]["TargetGroups"]}
    enis: list[dict] = []
    by_cluster: dict[str, list[dict]] = {}
    for cluster, svc in _services(files):
        by_cluster.setdefault(cluster, [])
        td = tds.get(svc["taskDefinition"])
        net = (svc.get("networkConfiguration") or {}).get("awsvpcConfiguration")
        if td is None or net is None or td.get("networkMode") != "awsvpc":
            # bridge/host tasks would need container instances (EC2) to run on
            warn(f"ECS service {svc['serviceName']}: not awsvpc (or its task definition was not dumped); "
                 "no tasks synthesized")
            continue
        created = times[svc["serviceArn"]]
        for i in range(svc["desiredCount"]):
            seed = (svc["serviceArn"], i)
            sn = subnets[net["subnets"][i % len(net["subnets"])]]
            az = sn["AvailabilityZone"]
            ip = pick_ip(sn["CidrBlock"], used_ips.setdefault(sn["SubnetId"], set()), "ecs-task", *seed)
            task_id = hexid(32, "task", *seed)
            task_arn = f"arn:aws:ecs:{REGION}:{ACCOUNT_ID}:task/{cluster}/{task_id}"
            att = _uuid(hexid, "attachment", *seed)
            eni_id = "eni-0" + hexid(16, "eni", *seed)
            eni_mac = mac("ecs", *seed)
            t0 = created + dt.timedelta(seconds=8 + 3 * i)
            ms = h("ms", *seed)
            stamp = {"createdAt": epoch(t0, ms), "connectivityAt": epoch(t0 + dt.timedelta(seconds=9), ms + 211),
                     "pullStartedAt": epoch(t0 + dt.timedelta(seconds=19), ms + 457),
                     "pullStoppedAt": epoch(t0 + dt.timedelta(seconds=31), ms + 118),
                     "startedAt": epoch(t0 + dt.timedelta(seconds=36), ms + 640)}
            containers = []
            for c in td["containerDefinitions"]:
                containers.append({
                    "containerArn": f"arn:aws:ecs:{REGION}:{ACCOUNT_ID}:container/{cluster}/{task_id}/"
                                    + _uuid(hexid, "container", c["name"], *seed),
                    "taskArn": task_arn, "name": c["name"], "image": c["image"],
                    "imageDigest": "sha256:" + hexid(64, "image", c["image"]),
                    "runtimeId": f"{task_id}-{1000000000 + h('runtime', c['name'], *seed) % 9000000000}",
                    "lastStatus": "RUNNING", "networkBindings": [],
                    "networkInterfaces": [{"attachmentId": att, "privateIpv4Address": ip}],
                    "healthStatus": "UNKNOWN", "cpu": str(c.get("cpu", 0))})
            task = {
                "attachments": [{"id": att, "type": "ElasticNetworkInterface", "status": "ATTACHED", "details": [
                    {"name": "subnetId", "value": sn["SubnetId"]},
                    {"name": "networkInterfaceId", "value": eni_id},
                    {"name": "macAddress", "value": eni_mac},
                    {"name": "privateDnsName", "value": private_dns(ip)},
                    {"name": "privateIPv4Address", "value": ip}]}],
                "attributes": [{"name": "ecs.cpu-architecture", "value": "x86_64"}],
                "availabilityZone": az, "clusterArn": svc["clusterArn"], "connectivity": "CONNECTED",
                "connectivityAt": stamp["connectivityAt"], "containers": containers, "cpu": td["cpu"],
                "createdAt": stamp["createdAt"], "desiredStatus": "RUNNING", "enableExecuteCommand": False,
                "group": f"service:{svc['serviceName']}", "healthStatus": "UNKNOWN", "lastStatus": "RUNNING",
                "launchType": svc.get("launchType", "FARGATE"), "memory": td["memory"],
                "overrides": {"containerOverrides": [{"name": c["name"]} for c in td["containerDefinitions"]],
                              "inferenceAcceleratorOverrides": []},
                "platformVersion": FARGATE_PLATFORM, "platformFamily": "Linux",
                "pullStartedAt": stamp["pullStartedAt"], "pullStoppedAt": stamp["pullStoppedAt"],
                "startedAt": stamp["startedAt"], "startedBy": deployment_id(h, svc["serviceArn"]), "tags": [],
                "taskArn": task_arn, "taskDefinitionArn": td["taskDefinitionArn"], "version": 4,
                "ephemeralStorage": {"sizeInGiB": 20}, "fargateEphemeralStorage": {"sizeInGiB": 20}}
            by_cluster[cluster].append(task)

            eni: dict[str, Any] = {
                "Attachment": {"AttachTime": fmt_time("ec2", t0 + dt.timedelta(seconds=4), 0),
                               "AttachmentId": "eni-attach-0" + hexid(16, "eni-attach", *seed),
                               "DeleteOnTermination": False, "DeviceIndex": 1, "NetworkCardIndex": 0,
                               "InstanceOwnerId": ECS_ATTACHMENT_OWNER, "Status": "attached"},
                "AvailabilityZone": az, "AvailabilityZoneId": az_ids.get(az),
                "Description": f"arn:aws:ecs:{REGION}:{ACCOUNT_ID}:attachment/{att}",
                "Groups": [{"GroupId": g, "GroupName": sgs[g]["GroupName"]} for g in net["securityGroups"]],
                "InterfaceType": "interface", "Ipv6Addresses": [], "MacAddress": eni_mac,
                "NetworkInterfaceId": eni_id, "OwnerId": ACCOUNT_ID, "PrivateDnsName": private_dns(ip),
                "PrivateIpAddress": ip,
                "PrivateIpAddresses": [{"Primary": True, "PrivateDnsName": private_dns(ip), "PrivateIpAddress": ip}],
                "RequesterId": ECS_REQUESTER_ID, "RequesterManaged": True, "SourceDestCheck": True,
                "Status": "in-use", "SubnetId": sn["SubnetId"], "TagSet": [], "VpcId": sn["VpcId"]}
            if net.get("assignPublicIp") == "ENABLED":
                n = h("ecs-pub", *seed)
                pub = f"{(3, 44, 54)[n % 3]}.{(n >> 8) % 254 + 1}.{(n >> 16) % 254 + 1}.{(n >> 24) % 253 + 2}"
                assoc = {"IpOwnerId": "amazon", "PublicDnsName": f"ec2-{pub.replace('.', '-')}.compute-1.amazonaws.com",
                         "PublicIp": pub}
                eni["Association"] = assoc
                eni["PrivateIpAddresses"][0] = {"Association": dict(assoc), **eni["PrivateIpAddresses"][0]}
            enis.append(eni)

            for lb in svc.get("loadBalancers", []):
                name = tgs.get(lb.get("targetGroupArn"))
                path = f"{R}elbv2-describe-target-health/{name}.json"
                if name is None or path not in files:
                    continue
                files[path]["TargetHealthDescriptions"].append({
                    "Target": {"Id": ip, "Port": lb["containerPort"], "AvailabilityZone": az},
                    "HealthCheckPort": str(lb["containerPort"]), "TargetHealth": {"State": "healthy"}})

    for cluster, tasks in sorted(by_cluster.items()):
        tasks.sort(key=lambda t: t["taskArn"])
        files[f"{R}ecs-list-tasks/{cluster}.json"] = {"taskArns": [t["taskArn"] for t in tasks]}
        if tasks:  # DescribeTasks takes 100 tasks per call
            for j in range(0, len(tasks), 100):
                suffix = "" if j == 0 else f"-{j // 100 + 1}"
                files[f"{R}ecs-describe-tasks/{cluster}{suffix}.json"] = {"tasks": tasks[j:j + 100], "failures": []}
    return enis


# ---------------------------------------------------------------- 23/24. services, clusters, definitions
def fix_ecs_documents(files: dict, *, times: dict, h: Callable[..., int], hexid: Callable[..., str],
                      service_linked_role: str | None) -> None:
    tasks_by_service: dict[str, list[dict]] = {}
    for p in _files(files, "ecs-describe-tasks"):
        for t in files[p]["tasks"]:
            tasks_by_service.setdefault(t["group"], []).append(t)
    tgs = {t["TargetGroupArn"] for t in files[R + "elbv2-describe-target-groups.json"]["TargetGroups"]}

    for _cluster, svc in _services(files):
        arn = svc["serviceArn"]
        created = times[arn]
        ms = h("svc-ms", arn)
        running = tasks_by_service.get(f"service:{svc['serviceName']}", [])
        dep_id = deployment_id(h, arn)
        svc["runningCount"] = len(running)
        svc["pendingCount"] = 0
        svc["platformFamily"] = "Linux"
        svc.setdefault("deploymentConfiguration", {
            "deploymentCircuitBreaker": {"enable": False, "rollback": False},
            "maximumPercent": 200, "minimumHealthyPercent": 100})
        if svc.get("loadBalancers") and service_linked_role:
            svc.setdefault("roleArn", f"arn:aws:iam::{ACCOUNT_ID}:role/aws-service-role/ecs.amazonaws.com/"
                                      f"{service_linked_role}")
            svc.setdefault("healthCheckGracePeriodSeconds", 0)
        for k, v in (("placementConstraints", []), ("placementStrategy", []), ("enableECSManagedTags", False),
                     ("enableExecuteCommand", False), ("availabilityZoneRebalancing", "ENABLED")):
            svc.setdefault(k, v)
        svc["createdAt"] = epoch(created, ms)
        done = created + dt.timedelta(seconds=8 + 3 * max(len(running) - 1, 0) + 36 + 95)
        for d in svc.get("deployments", []):
            d["id"] = dep_id
            d.update(runningCount=len(running), pendingCount=0, failedTasks=0, platformFamily="Linux",
                     createdAt=epoch(created, ms), updatedAt=epoch(done, ms + 377),
                     rolloutState="COMPLETED", rolloutStateReason=f"ECS deployment {dep_id} completed.")
        name = svc["serviceName"]
        events = [(done + dt.timedelta(seconds=2), f"(service {name}) has reached a steady state."),
                  (done, f"(service {name}) (deployment {dep_id}) deployment completed.")]
        for lb in svc.get("loadBalancers", []):
            if lb.get("targetGroupArn") in tgs and running:
                events.append((done - dt.timedelta(seconds=60),
                               f"(service {name}) registered {len(running)} targets in "
                               f"(target-group {lb['targetGroupArn']})"))
        if running:
            started = " ".join(f"(task {t['taskArn'].rsplit('/', 1)[-1]})" for t in running)
            events.append((created + dt.timedelta(seconds=5), f"(service {name}) has started {len(running)} tasks: {started}."))
        svc["events"] = [{"id": _uuid(hexid, "event", arn, msg), "createdAt": epoch(when, h("ev", arn, msg)),
                          "message": msg} for when, msg in sorted(events, key=lambda e: e[0], reverse=True)]

    services_by_cluster: dict[str, int] = {}
    tasks_by_cluster: dict[str, int] = {}
    for _c, svc in _services(files):
        services_by_cluster[svc["clusterArn"]] = services_by_cluster.get(svc["clusterArn"], 0) + 1
    for p in _files(files, "ecs-describe-tasks"):
        for t in files[p]["tasks"]:
            tasks_by_cluster[t["clusterArn"]] = tasks_by_cluster.get(t["clusterArn"], 0) + 1
    for p in [q for q in files if q.startswith(R + "ecs-describe-clusters")]:
        for c in files[p]["clusters"]:
            c.pop("settings", None)
            c["runningTasksCount"] = tasks_by_cluster.get(c["clusterArn"], 0)
            c["pendingTasksCount"] = 0
            c["activeServicesCount"] = services_by_cluster.get(c["clusterArn"], 0)

    for td in _task_definitions(files).values():
        arn = td["taskDefinitionArn"]
        td["registeredAt"] = epoch(times[arn], h("td-ms", arn))
        td.setdefault("requiresAttributes", _requires_attributes(td))
        for c in td["containerDefinitions"]:
            c.setdefault("systemControls", [])


def _requires_attributes(td: dict) -> list[dict[str, str]]:
    """The capabilities ECS records for a definition's features (as AWS lists them)."""
    out: list[str] = []
    cds = td.get("containerDefinitions", [])
    awslogs = any((c.get("logConfiguration") or {}).get("logDriver") == "awslogs" for c in cds)
    ecr = any(".dkr.ecr." in c.get("image", "") for c in cds)
    if awslogs:
        out.append("com.amazonaws.ecs.capability.logging-driver.awslogs")
        if td.get("executionRoleArn"):
            out.append("ecs.capability.execution-role-awslogs")
    if ecr:
        out.append("com.amazonaws.ecs.capability.ecr-auth")
    if awslogs:
        out.append("com.amazonaws.ecs.capability.docker-remote-api.1.19")
    if td.get("taskRoleArn"):
        out.append("com.amazonaws.ecs.capability.task-iam-role")
    if ecr and td.get("executionRoleArn"):
        out.append("ecs.capability.execution-role-ecr-pull")
    if td.get("networkMode") == "awsvpc":
        out += ["com.amazonaws.ecs.capability.docker-remote-api.1.18", "ecs.capability.task-eni"]
    return [{"name": n} for n in out]


# ---------------------------------------------------------------- 25. listener rules
def fix_rules(files: dict, hexid: Callable[..., str]) -> None:
    for p in _files(files, "elbv2-describe-rules"):
        for rule in files[p]["Rules"]:
            head, _, rid = rule["RuleArn"].rpartition("/")
            if len(rid) != 16 or any(ch not in "0123456789abcdef" for ch in rid):
                rule["RuleArn"] = f"{head}/{hexid(16, 'rule', head, rule['Priority'])}"
            for cond in rule.get("Conditions", []):
                cfg = CONDITION_CONFIG.get(cond.get("Field"))
                if cfg and "Values" in cond and cfg not in cond:
                    cond[cfg] = {"Values": list(cond["Values"])}
            for act in rule.get("Actions", []):
                if act["Type"] == "forward" and "TargetGroupArn" in act:
                    act.setdefault("ForwardConfig", {
                        "TargetGroups": [{"TargetGroupArn": act["TargetGroupArn"], "Weight": 1}],
                        "TargetGroupStickinessConfig": {"Enabled": False}})
