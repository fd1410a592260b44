"""The CloudFormation Todo app on ECS Fargate (seed 002), us-east-1.

What `aws cloudformation create-stack --stack-name todoapp-infrastructure`
of the seed's template leaves in an account, with the pieces the seed names
but does not spell out filled in the way the template implies:

* VPC ``TodoApp-VPC`` 10.0.0.0/16 (DNS support + hostnames); public subnets
  10.0.1.0/24, 10.0.2.0/24 (MapPublicIpOnLaunch) and private 10.0.10.0/24,
  10.0.11.0/24 in the first two AZs; IGW; public route table -> IGW.
* One NAT gateway (+EIP) in the first public subnet and a private route table
  -> NAT for both private subnets.  The seed has none, but its Fargate tasks
  run in the private subnets with assignPublicIp DISABLED and must pull their
  images from ECR (and ship logs to CloudWatch Logs): without a NAT gateway
  (or VPC endpoints) the tasks could not start.
* Security groups exactly as the seed: ALB 80/443 from 0.0.0.0/0; the
  application SG ("Security group for ECS tasks") 8000 from the ALB SG; the
  database SG 5432 from the application SG.  The seed's Next.js frontend
  needs its own port: 3000 from the ALB SG is added to the *same* application
  SG, because the seed has one SG for all ECS tasks.  Consequence: the
  frontend tasks carry the application SG and so may open 5432 to the
  database too (only-backend-reaches-db does not hold).
* Internet-facing ALB ``todoapp-alb`` (public subnets, ALB SG); target groups
  ``todoapp-backend-tg`` (ip, HTTP 8000, /health) and ``todoapp-frontend-tg``
  (ip, HTTP 3000); HTTP:80 default -> frontend, rule priority 100
  path-pattern /api/* -> backend; HTTPS:443 (imported ACM certificate for
  todoapp.example.com) default -> frontend only: the seed gives the HTTPS
  listener no /api/* rule, so the backend is not reachable over HTTPS.
* RDS PostgreSQL ``todoapp-postgres`` 16.1, db.t3.micro, 20 GiB gp2, Multi-AZ,
  7-day backups, the seed's windows, DeletionProtection, in a subnet group of
  the private subnets.  The template does not set PubliclyAccessible; with a
  DB subnet group in a VPC that has an internet gateway attached, RDS then
  makes the instance public (CreateDBInstance, PubliclyAccessible "Default"),
  so it is PubliclyAccessible true -- but its subnets route to the NAT only.
* ECS cluster ``todoapp-cluster`` (FARGATE, FARGATE_SPOT; default strategy
  FARGATE); task definitions ``todoapp-backend`` (FastAPI, 8000, the seed's
  plain ``DATABASE_URL`` with the DB password inside -- a fake one here) and
  ``todoapp-frontend`` (Next.js, 3000); services of the same names, desired
  2, Fargate, private subnets, application SG, no public IP, registered with
  their target groups.
* IAM ``ECSExecutionRole`` (AmazonECSTaskExecutionRolePolicy + inline
  ECRAccess) and ``ECSTaskRole`` (inline S3Access on the app bucket), trust
  ecs-tasks.amazonaws.com; log groups /ecs/todoapp-backend, /ecs/todoapp-frontend;
  S3 bucket ``todoapp-bucket-<n>``; Secrets Manager
  ``todoapp/database/credentials`` (created, unused: the backend reads the
  password from its plain environment instead).

``build_todo_ecs(endpoint)`` returns the ids it created (plus the "facts" the
post-processing needs).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

try:  # package or script use
    from .common import AwsTarget, tags
    from .workshop import (BASE_SERVICE_LINKED_ROLES, SLR_NAMES, create_service_linked_roles,
                           fix_default_security_group, fix_default_vpc)
except ImportError:  # pragma: no cover
    from common import AwsTarget, tags
    from workshop import (BASE_SERVICE_LINKED_ROLES, SLR_NAMES, create_service_linked_roles,
                          fix_default_security_group, fix_default_vpc)

NAME = "todo-ecs"
STACK = "todoapp-infrastructure"
AZS = ["us-east-1a", "us-east-1b"]          # !Select [0|1, !GetAZs '']
PUBLIC = [("PublicSubnet1", "10.0.1.0/24"), ("PublicSubnet2", "10.0.2.0/24")]
PRIVATE = [("PrivateSubnet1", "10.0.10.0/24"), ("PrivateSubnet2", "10.0.11.0/24")]
BACKEND_PORT = 8000
FRONTEND_PORT = 3000
DB_PORT = 5432
DB_ID = "todoapp-postgres"
CLUSTER = "todoapp-cluster"
ALB_NAME = "todoapp-alb"
BACKEND_TG = "todoapp-backend-tg"
FRONTEND_TG = "todoapp-frontend-tg"
BACKEND = "todoapp-backend"
FRONTEND = "todoapp-frontend"
EXEC_ROLE = "ECSExecutionRole"
TASK_ROLE = "ECSTaskRole"
BUCKET = "todoapp-bucket-4821"
SECRET = "todoapp/database/credentials"
DOMAIN = "todoapp.example.com"
# The CloudFormation DBPassword parameter.  The seed's example value looks like
# a real password; this one is obviously fake.  It is the seed's weakness that
# it ends up in the task definition's plain environment (the finding).
FAKE_DB_PASSWORD = "sample-only-not-a-password"  # check.py insists on the prefix

ECS_SLR = ("ecs.amazonaws.com", "arn:aws:iam::aws:policy/aws-service-role/AmazonECSServiceRolePolicy")
SLR_NAMES.setdefault("ecs.amazonaws.com", ("AWSServiceRoleForECS",
                                           "Role to enable Amazon ECS to manage your cluster."))


def _suffix(n: int, *parts: str, lower: bool = False) -> str:
    """CloudFormation's random physical-name suffix, made stable."""
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    v = int(hashlib.sha256("|".join(("cfn",) + parts).encode()).hexdigest(), 16)
    out = "".join(alphabet[(v >> (6 * i)) % 36] for i in range(n))
    return out.lower() if lower else out


STACK_ID = "arn:aws:cloudformation:us-east-1:123456789012:stack/{}/{}".format(
    STACK, "-".join(hashlib.sha256(b"todoapp-stack").hexdigest()[a:b]
                    for a, b in ((0, 8), (8, 12), (12, 16), (16, 20), (20, 32))))


def cfn_tags(logical_id: str, name: str | None = None) -> list[dict[str, str]]:
    """The tags CloudFormation puts on every taggable resource of a stack."""
    return tags(name, **{"aws:cloudformation:logical-id": logical_id,
                         "aws:cloudformation:stack-id": STACK_ID,
                         "aws:cloudformation:stack-name": STACK})


def cfn_spec(resource_type: str, logical_id: str, name: str | None = None) -> list[dict]:
    return [{"ResourceType": resource_type, "Tags": cfn_tags(logical_id, name)}]


def cfn_trust(service: str) -> str:
    """Trust policy as CloudFormation sends the template's YAML (JSON, in order)."""
    return json.dumps({"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow", "Principal": {"Service": service}, "Action": "sts:AssumeRole"}]})


def _self_signed_cert() -> tuple[bytes, bytes]:
    """A throwaway certificate for the HTTPS listener (imported into ACM; the
    key is generated per build, never stored)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, DOMAIN)])
    not_before = dt.datetime(2026, 11, 1, tzinfo=dt.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(subject).issuer_name(subject)
            .public_key(key.public_key()).serial_number(0x70D0A99)
            .not_valid_before(not_before).not_valid_after(not_before + dt.timedelta(days=395))
            .add_extension(x509.SubjectAlternativeName(
                [x509.DNSName(DOMAIN), x509.DNSName("api." + DOMAIN)]), critical=False)
            .sign(key, hashes.SHA256()))
    return (cert.public_bytes(serialization.Encoding.PEM),
            key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                              serialization.NoEncryption()))


def build_todo_ecs(session_or_endpoint: Any) -> dict[str, Any]:
    t = AwsTarget(session_or_endpoint)
    acct = t.account_id()
    region = t.region
    ec2, iam, s3, rds = t.client("ec2"), t.client("iam"), t.client("s3"), t.client("rds")
    elbv2, ecs, logs = t.client("elbv2"), t.client("ecs"), t.client("logs")
    ids: dict[str, Any] = {"timeline": []}
    timeline: list[str] = ids["timeline"]

    # The account's default VPC is kept (the stack never touches it), made to
    # look like AWS's as in the workshop sample: IGW + route, default SG self rule.
    ids["default_igw"] = fix_default_vpc(t)
    default_vpcs = ec2.describe_vpcs(Filters=[{"Name": "is-default", "Values": ["true"]}])["Vpcs"]
    if default_vpcs and t.endpoint:
        fix_default_security_group(t, default_vpcs[0]["VpcId"])
    timeline += create_service_linked_roles(t, BASE_SERVICE_LINKED_ROLES[:2])

    # ---------------- VPC ----------------
    vpc_id = ec2.create_vpc(CidrBlock="10.0.0.0/16",
                            TagSpecifications=cfn_spec("vpc", "VPC", "TodoApp-VPC"))["Vpc"]["VpcId"]
    ec2.modify_vpc_attribute(VpcId=vpc_id, EnableDnsSupport={"Value": True})
    ec2.modify_vpc_attribute(VpcId=vpc_id, EnableDnsHostnames={"Value": True})
    if t.endpoint:
        fix_default_security_group(t, vpc_id)
    ids["vpc"] = vpc_id
    timeline.append(vpc_id)

    subnets: dict[str, str] = {}
    for (logical, cidr), az in list(zip(PUBLIC, AZS)) + list(zip(PRIVATE, AZS)):
        sid = ec2.create_subnet(VpcId=vpc_id, CidrBlock=cidr, AvailabilityZone=az,
                                TagSpecifications=cfn_spec("subnet", logical))["Subnet"]["SubnetId"]
        ec2.modify_subnet_attribute(SubnetId=sid, MapPublicIpOnLaunch={"Value": logical.startswith("Public")})
        subnets[logical] = sid
    pub = [subnets[n] for n, _ in PUBLIC]
    priv = [subnets[n] for n, _ in PRIVATE]
    ids["subnets"] = subnets

    igw = ec2.create_internet_gateway(TagSpecifications=cfn_spec(
        "internet-gateway", "InternetGateway"))["InternetGateway"]["InternetGatewayId"]
    ec2.attach_internet_gateway(InternetGatewayId=igw, VpcId=vpc_id)
    pub_rt = ec2.create_route_table(VpcId=vpc_id, TagSpecifications=cfn_spec(
        "route-table", "PublicRouteTable"))["RouteTable"]["RouteTableId"]
    ec2.create_route(RouteTableId=pub_rt, DestinationCidrBlock="0.0.0.0/0", GatewayId=igw)
    for s in pub:
        ec2.associate_route_table(RouteTableId=pub_rt, SubnetId=s)
    # Decision (the seed has no NAT): one NAT gateway for both private subnets,
    # so the Fargate tasks can pull from ECR and write to CloudWatch Logs.
    alloc = ec2.allocate_address(Domain="vpc", TagSpecifications=cfn_spec(
        "elastic-ip", "NatGatewayEIP"))["AllocationId"]
    nat = ec2.create_nat_gateway(SubnetId=pub[0], AllocationId=alloc, ConnectivityType="public",
                                 TagSpecifications=cfn_spec("natgateway", "NatGateway"))["NatGateway"]["NatGatewayId"]
    timeline.append(nat)
    priv_rt = ec2.create_route_table(VpcId=vpc_id, TagSpecifications=cfn_spec(
        "route-table", "PrivateRouteTable"))["RouteTable"]["RouteTableId"]
    ec2.create_route(RouteTableId=priv_rt, DestinationCidrBlock="0.0.0.0/0", NatGatewayId=nat)
    for s in priv:
        ec2.associate_route_table(RouteTableId=priv_rt, SubnetId=s)
    ids.update(igw=igw, nat=nat, route_tables={"public": pub_rt, "private": priv_rt})

    # ---------------- security groups ----------------
    def sg(logical: str, desc: str) -> str:
        # CloudFormation names an SG without GroupName "<stack>-<logical id>-<suffix>".
        return ec2.create_security_group(
            GroupName=f"{STACK}-{logical}-{_suffix(12, logical)}", Description=desc, VpcId=vpc_id,
            TagSpecifications=cfn_spec("security-group", logical))["GroupId"]

    alb_sg = sg("ALBSecurityGroup", "Security group for Application Load Balancer")
    app_sg = sg("ApplicationSecurityGroup", "Security group for ECS tasks")
    db_sg = sg("DatabaseSecurityGroup", "Security group for RDS database")

    def ingress(group: str, port: int, *, cidr: str | None = None, src: str | None = None) -> None:
        perm: dict[str, Any] = {"IpProtocol": "tcp", "FromPort": port, "ToPort": port}
        if cidr:
            perm["IpRanges"] = [{"CidrIp": cidr}]
        if src:
            perm["UserIdGroupPairs"] = [{"GroupId": src, "UserId": acct}]
        ec2.authorize_security_group_ingress(GroupId=group, IpPermissions=[perm])

    ingress(alb_sg, 80, cidr="0.0.0.0/0")
    ingress(alb_sg, 443, cidr="0.0.0.0/0")
    ingress(app_sg, BACKEND_PORT, src=alb_sg)
    ingress(app_sg, FRONTEND_PORT, src=alb_sg)   # decision: the frontend's port, same SG
    ingress(db_sg, DB_PORT, src=app_sg)
    ids["security_groups"] = {"alb": alb_sg, "app": app_sg, "db": db_sg}

    # ---------------- S3, Secrets Manager, logs ----------------
    s3.create_bucket(Bucket=BUCKET)
    # New buckets (since April 2023): BPA all on, ACLs disabled, SSE-S3.
    s3.put_public_access_block(Bucket=BUCKET, PublicAccessBlockConfiguration={
        "BlockPublicAcls": True, "IgnorePublicAcls": True,
        "BlockPublicPolicy": True, "RestrictPublicBuckets": True})
    s3.put_bucket_ownership_controls(Bucket=BUCKET, OwnershipControls={
        "Rules": [{"ObjectOwnership": "BucketOwnerEnforced"}]})
    s3.put_bucket_encryption(Bucket=BUCKET, ServerSideEncryptionConfiguration={
        "Rules": [{"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256"},
                   "BucketKeyEnabled": False}]})
    # (CloudFormation's aws:cloudformation:* bucket tags are not in the snapshot
    # layout, and S3 refuses system tags from a caller.)
    timeline.append(BUCKET)
    # GenerateSecretString: the generated value is never dumped; a fake one here.
    t.client("secretsmanager").create_secret(
        Name=SECRET, Description="Database credentials for Todo App",
        SecretString=json.dumps({"username": "postgres", "password": "generated-not-real"}),
        Tags=[{"Key": x["Key"], "Value": x["Value"]} for x in cfn_tags("DatabaseSecret")])
    for group in ("/ecs/todoapp-backend", "/ecs/todoapp-frontend"):
        logs.create_log_group(logGroupName=group)
        logs.put_retention_policy(logGroupName=group, retentionInDays=30)

    # ---------------- IAM ----------------
    bucket_arn = f"arn:aws:s3:::{BUCKET}"
    exec_role = iam.create_role(RoleName=EXEC_ROLE, AssumeRolePolicyDocument=cfn_trust(
        "ecs-tasks.amazonaws.com"))["Role"]
    iam.attach_role_policy(RoleName=EXEC_ROLE,
                           PolicyArn="arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy")
    iam.put_role_policy(RoleName=EXEC_ROLE, PolicyName="ECRAccess", PolicyDocument=json.dumps({
        "Version": "2012-10-17", "Statement": [{
            "Effect": "Allow",
            "Action": ["ecr:GetAuthorizationToken", "ecr:BatchCheckLayerAvailability",
                       "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"],
            "Resource": "*"}]}))
    task_role = iam.create_role(RoleName=TASK_ROLE, AssumeRolePolicyDocument=cfn_trust(
        "ecs-tasks.amazonaws.com"))["Role"]
    # The seed writes `!Sub "${TodoAppBucket}/*"` and `!Ref TodoAppBucket`: Ref of
    # a bucket is its *name*, which IAM refuses as a Resource (not an ARN), so
    # the stack could not be created as written.  The author means the bucket
    # ARN (!GetAtt TodoAppBucket.Arn); that is what is built.
    iam.put_role_policy(RoleName=TASK_ROLE, PolicyName="S3Access", PolicyDocument=json.dumps({
        "Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"],
             "Resource": [f"{bucket_arn}/*"]},
            {"Effect": "Allow", "Action": ["s3:ListBucket"], "Resource": bucket_arn}]}))
    timeline += [EXEC_ROLE, TASK_ROLE]

    # ---------------- RDS ----------------
    timeline += create_service_linked_roles(t, [BASE_SERVICE_LINKED_ROLES[3]])
    dbsng = f"{STACK}-dbsubnetgroup-{_suffix(12, 'DBSubnetGroup', lower=True)}"
    rds.create_db_subnet_group(DBSubnetGroupName=dbsng, DBSubnetGroupDescription="Subnet group for RDS database",
                               SubnetIds=priv, Tags=cfn_tags("DBSubnetGroup"))
    rds.create_db_instance(
        DBInstanceIdentifier=DB_ID, DBInstanceClass="db.t3.micro", Engine="postgres",
        EngineVersion="16.1", MasterUsername="postgres",
        MasterUserPassword=FAKE_DB_PASSWORD,  # never written to the snapshot by RDS
        AllocatedStorage=20, StorageType="gp2", VpcSecurityGroupIds=[db_sg],
        DBSubnetGroupName=dbsng, MultiAZ=True, BackupRetentionPeriod=7,
        # The seed's windows (03:00-04:00, Sun:04:00-Sun:05:00) only touch at
        # 04:00; moto calls that an overlap and refuses, so they are given
        # back in the facts below (post-processing fix 16).
        PreferredBackupWindow="02:00-03:00", PreferredMaintenanceWindow="sun:05:00-sun:06:00",
        DeletionProtection=True, Port=DB_PORT, AutoMinorVersionUpgrade=True,
        StorageEncrypted=False, CopyTagsToSnapshot=False,
        # Not in the template: RDS's default for a subnet group in a VPC with an
        # internet gateway attached is "public" (CreateDBInstance, PubliclyAccessible).
        PubliclyAccessible=True, Tags=cfn_tags("PostgreSQLDB"))
    db = rds.describe_db_instances(DBInstanceIdentifier=DB_ID)["DBInstances"][0]
    ids["db"] = DB_ID
    timeline.append(DB_ID)

    # ---------------- ALB ----------------
    timeline += create_service_linked_roles(t, [BASE_SERVICE_LINKED_ROLES[2]])
    lb = elbv2.create_load_balancer(Name=ALB_NAME, Subnets=pub, SecurityGroups=[alb_sg],
                                    Scheme="internet-facing", Type="application", IpAddressType="ipv4",
                                    Tags=cfn_tags("ApplicationLoadBalancer"))["LoadBalancers"][0]
    lb_arn = lb["LoadBalancerArn"]
    timeline.append(lb_arn)

    def target_group(name: str, port: int, logical: str, **hc: Any) -> str:
        return elbv2.create_target_group(
            Name=name, Protocol="HTTP", ProtocolVersion="HTTP1", Port=port, VpcId=vpc_id, TargetType="ip",
            HealthCheckEnabled=True, HealthCheckProtocol="HTTP", HealthCheckPort="traffic-port",
            HealthCheckTimeoutSeconds=5, Matcher={"HttpCode": "200"}, IpAddressType="ipv4",
            Tags=cfn_tags(logical), **hc)["TargetGroups"][0]["TargetGroupArn"]

    backend_tg = target_group(BACKEND_TG, BACKEND_PORT, "BackendTargetGroup", HealthCheckPath="/health",
                              HealthCheckIntervalSeconds=30, HealthyThresholdCount=2, UnhealthyThresholdCount=5)
    # Not in the seed: CloudFormation's defaults (/, 30 s, 5 healthy, 2 unhealthy).
    frontend_tg = target_group(FRONTEND_TG, FRONTEND_PORT, "FrontendTargetGroup", HealthCheckPath="/",
                               HealthCheckIntervalSeconds=30, HealthyThresholdCount=5, UnhealthyThresholdCount=2)
    http = elbv2.create_listener(LoadBalancerArn=lb_arn, Protocol="HTTP", Port=80, DefaultActions=[
        {"Type": "forward", "TargetGroupArn": frontend_tg}])["Listeners"][0]["ListenerArn"]
    elbv2.create_rule(ListenerArn=http, Priority=100,
                      Conditions=[{"Field": "path-pattern", "Values": ["/api/*"]}],
                      Actions=[{"Type": "forward", "TargetGroupArn": backend_tg}],
                      Tags=cfn_tags("BackendListenerRule"))
    cert_pem, key_pem = _self_signed_cert()
    # (ACM refuses aws: tags from a caller; certificates are not in the layout.)
    cert = t.client("acm").import_certificate(Certificate=cert_pem, PrivateKey=key_pem)["CertificateArn"]
    del key_pem
    # The template gives no SslPolicy: ELB uses its API default.
    https = elbv2.create_listener(LoadBalancerArn=lb_arn, Protocol="HTTPS", Port=443,
                                  SslPolicy="ELBSecurityPolicy-2016-08",
                                  Certificates=[{"CertificateArn": cert}],
                                  DefaultActions=[{"Type": "forward", "TargetGroupArn": frontend_tg}]
                                  )["Listeners"][0]["ListenerArn"]
    ids.update(alb=lb_arn, target_groups={BACKEND: backend_tg, FRONTEND: frontend_tg},
               listeners={"HTTP:80": http, "HTTPS:443": https})

    # ---------------- ECS ----------------
    timeline += create_service_linked_roles(t, [ECS_SLR])
    cluster = ecs.create_cluster(
        clusterName=CLUSTER, capacityProviders=["FARGATE", "FARGATE_SPOT"],
        defaultCapacityProviderStrategy=[{"capacityProvider": "FARGATE", "weight": 1}])["cluster"]
    timeline.append(cluster["clusterArn"])
    ecr = f"{acct}.dkr.ecr.{region}.amazonaws.com"
    db_url = f"postgresql://postgres:{FAKE_DB_PASSWORD}@{db['Endpoint']['Address']}:{DB_PORT}/todoapp"

    def task_definition(family: str, container: str, port: int, env: list[dict[str, str]],
                        task_role_arn: str | None) -> str:
        kw: dict[str, Any] = dict(
            family=family, cpu="256", memory="512", networkMode="awsvpc", requiresCompatibilities=["FARGATE"],
            executionRoleArn=exec_role["Arn"],
            containerDefinitions=[{
                "name": container, "image": f"{ecr}/{family}:latest", "essential": True,
                "portMappings": [{"containerPort": port, "hostPort": port, "protocol": "tcp"}],
                "environment": env,
                "logConfiguration": {"logDriver": "awslogs", "options": {
                    "awslogs-group": f"/ecs/{family}", "awslogs-region": region,
                    "awslogs-stream-prefix": container}},
            }])
        if task_role_arn:
            kw["taskRoleArn"] = task_role_arn
        return ecs.register_task_definition(**kw)["taskDefinition"]["taskDefinitionArn"]

    backend_td = task_definition(BACKEND, "backend", BACKEND_PORT,
                                 [{"name": "DATABASE_URL", "value": db_url}], task_role["Arn"])
    # Decision (not in the seed): the Next.js frontend calls no AWS API, so it
    # has no task role; plain, non-secret settings only.
    frontend_td = task_definition(FRONTEND, "frontend", FRONTEND_PORT,
                                  [{"name": "NODE_ENV", "value": "production"},
                                   {"name": "PORT", "value": str(FRONTEND_PORT)}], None)
    timeline += [backend_td, frontend_td]

    services = {}
    for name, td, container, port, tg in ((BACKEND, backend_td, "backend", BACKEND_PORT, backend_tg),
                                          (FRONTEND, frontend_td, "frontend", FRONTEND_PORT, frontend_tg)):
        svc = ecs.create_service(
            cluster=CLUSTER, serviceName=name, taskDefinition=td, desiredCount=2, launchType="FARGATE",
            platformVersion="LATEST", schedulingStrategy="REPLICA",
            networkConfiguration={"awsvpcConfiguration": {
                "subnets": priv, "securityGroups": [app_sg], "assignPublicIp": "DISABLED"}},
            loadBalancers=[{"targetGroupArn": tg, "containerName": container, "containerPort": port}],
            deploymentConfiguration={"maximumPercent": 200, "minimumHealthyPercent": 100,
                                     "deploymentCircuitBreaker": {"enable": False, "rollback": False}},
            enableECSManagedTags=False, propagateTags="NONE", enableExecuteCommand=False,
        )["service"]
        services[name] = svc["serviceArn"]
        timeline.append(svc["serviceArn"])
    ids["cluster"] = cluster["clusterArn"]
    ids["services"] = services
    ids["task_definitions"] = {BACKEND: backend_td, FRONTEND: frontend_td}

    # What AWS shows that moto cannot produce (used by postprocess.py).
    ids["facts"] = {
        "rds_endpoint_id": "cx7k2mq9vb4n",
        "rds": {DB_ID: {"SecondaryAvailabilityZone": "us-east-1b",
                        "PreferredBackupWindow": "03:00-04:00",
                        "PreferredMaintenanceWindow": "sun:04:00-sun:05:00"}},
        "roles_in_use": [EXEC_ROLE, TASK_ROLE],
        # ECS: moto's services start no tasks; postprocess_ecs synthesizes them.
        "ecs": {"service_linked_role": "AWSServiceRoleForECS"},
    }
    return ids


if __name__ == "__main__":  # pragma: no cover - manual use
    import sys
    print(json.dumps(build_todo_ecs(sys.argv[1]), indent=2, default=str))
