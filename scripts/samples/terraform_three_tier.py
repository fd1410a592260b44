"""A clean Terraform-style three-tier design (seed 003), us-east-1.

What a `terraform apply` of the seed's modules would leave in a hardened
account (names ``three-tier-prod-*``, default_tags on everything):

* VPC 10.0.0.0/16; public 10.0.0-2.0/24, private app 10.0.10-12.0/24,
  database 10.0.20-22.0/24 in us-east-1a/b/c; IGW; one NAT gateway (+EIP) per
  AZ; public RT -> IGW; one private RT per AZ -> that AZ's NAT (+ S3 gateway
  endpoint); database RT with the local route only (isolated).
* Database subnets use a custom NACL: 5432 in from the app subnets, ephemeral
  1024-65535 out to them, everything else denied.
* SGs: ALB 80/443 from the world (egress only to the app SG on 5001); app 5001
  from the ALB SG only; RDS 5432 from the app SG only (no egress rules, as
  Terraform strips the default egress); the VPC default SG has no rules
  (terraform-aws-modules/vpc manage_default_security_group).
* Internet-facing ALB, HTTP:80 redirects to HTTPS:443 (TLS 1.3 policy, ACM
  cert) forwarding to the app target group; ASG of two instances in the private
  app subnets (no key pair, IMDSv2, SSM) with an EC2 role limited to SSM,
  CloudWatch agent and one Secrets Manager secret.
* RDS PostgreSQL 15 Multi-AZ, KMS CMK encrypted, not public, 30-day backups,
  deletion protection, enhanced monitoring, in the isolated DB subnets.
* S3: ALB access-log bucket and Terraform-state bucket, both private with BPA,
  TLS-only policies; account-level S3 Block Public Access all true.
* GitHub Actions OIDC deploy role restricted to one repo/branch; VPC flow logs.
* The default VPC has been deleted (CIS-style hardening).
"""
from __future__ import annotations

import base64
import json
from typing import Any

try:
    from .common import AwsTarget, tag_spec, tags
    from .workshop import (BASE_SERVICE_LINKED_ROLES, _token, create_service_linked_roles,
                           fix_default_security_group)
except ImportError:  # pragma: no cover
    from common import AwsTarget, tag_spec, tags
    from workshop import (BASE_SERVICE_LINKED_ROLES, _token, create_service_linked_roles,
                          fix_default_security_group)

NAME = "terraform-three-tier"
P = "three-tier-prod"
AZS = ["us-east-1a", "us-east-1b", "us-east-1c"]
PUBLIC = ["10.0.0.0/24", "10.0.1.0/24", "10.0.2.0/24"]
APP = ["10.0.10.0/24", "10.0.11.0/24", "10.0.12.0/24"]
DB = ["10.0.20.0/24", "10.0.21.0/24", "10.0.22.0/24"]
APP_PORT = 5001
DB_PORT = 5432
# Amazon Linux 2023 (x86_64), us-east-1.
AL2023_AMI = "ami-0453ec754f44f9a4a"
GITHUB_REPO = "example-org/three-tier-app"
# us-east-1 Elastic Load Balancing account (access-log delivery).
ELB_LOG_ACCOUNT = "127311923021"

DEFAULT_TAGS = {"Project": "three-tier", "Environment": "prod", "ManagedBy": "terraform"}


def _t(name: str | None = None, **extra: str) -> list[dict[str, str]]:
    return tags(name, **{**DEFAULT_TAGS, **extra})


def _ts(resource_type: str, name: str | None = None, **extra: str) -> list[dict]:
    return [{"ResourceType": resource_type, "Tags": _t(name, **extra)}]


def terraform_trust(service: str) -> str:
    """Trust policy as Terraform's jsonencode() writes it (keys sorted, compact)."""
    return json.dumps({"Statement": [{"Action": "sts:AssumeRole", "Effect": "Allow",
                                      "Principal": {"Service": service}}],
                       "Version": "2012-10-17"}, separators=(",", ":"))


def delete_default_vpc(t: AwsTarget) -> str | None:
    ec2 = t.client("ec2")
    vpcs = ec2.describe_vpcs(Filters=[{"Name": "is-default", "Values": ["true"]}])["Vpcs"]
    if not vpcs:
        return None
    vpc_id = vpcs[0]["VpcId"]
    for igw in ec2.describe_internet_gateways(
            Filters=[{"Name": "attachment.vpc-id", "Values": [vpc_id]}])["InternetGateways"]:
        ec2.detach_internet_gateway(InternetGatewayId=igw["InternetGatewayId"], VpcId=vpc_id)
        ec2.delete_internet_gateway(InternetGatewayId=igw["InternetGatewayId"])
    for sn in ec2.describe_subnets(Filters=[{"Name": "vpc-id", "Values": [vpc_id]}])["Subnets"]:
        ec2.delete_subnet(SubnetId=sn["SubnetId"])
    ec2.delete_vpc(VpcId=vpc_id)
    return vpc_id


def build_terraform_three_tier(session_or_endpoint: Any) -> dict[str, Any]:
    t = AwsTarget(session_or_endpoint)
    acct = t.account_id()
    region = t.region
    ec2 = t.client("ec2")
    iam = t.client("iam")
    s3 = t.client("s3")
    rds = t.client("rds")
    kms = t.client("kms")
    elbv2 = t.client("elbv2")
    ids: dict[str, Any] = {"timeline": []}
    timeline: list[str] = ids["timeline"]

    ids["deleted_default_vpc"] = delete_default_vpc(t)
    timeline += create_service_linked_roles(t, BASE_SERVICE_LINKED_ROLES[:2])

    # Account-level S3 Block Public Access: all four on.
    t.client("s3control").put_public_access_block(AccountId=acct, PublicAccessBlockConfiguration={
        "BlockPublicAcls": True, "IgnorePublicAcls": True,
        "BlockPublicPolicy": True, "RestrictPublicBuckets": True})

    # ---------------- Terraform state bucket (bootstrap) ----------------
    state_bucket = f"{P}-tfstate-{acct}"
    state_key = kms.create_key(Description=f"{P} terraform state", Tags=[
        {"TagKey": k, "TagValue": v} for k, v in DEFAULT_TAGS.items()])["KeyMetadata"]
    kms.create_alias(AliasName=f"alias/{P}-tfstate", TargetKeyId=state_key["KeyId"])
    _private_bucket(s3, state_bucket, sse={"SSEAlgorithm": "aws:kms",
                                           "KMSMasterKeyID": state_key["Arn"]})
    s3.put_bucket_versioning(Bucket=state_bucket, VersioningConfiguration={"Status": "Enabled"})
    s3.put_bucket_policy(Bucket=state_bucket, Policy=json.dumps({
        "Version": "2012-10-17",
        "Statement": [{
            "Sid": "DenyInsecureTransport", "Effect": "Deny", "Principal": "*", "Action": "s3:*",
            "Resource": [f"arn:aws:s3:::{state_bucket}", f"arn:aws:s3:::{state_bucket}/*"],
            "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}))
    timeline.append(state_bucket)

    # ---------------- network ----------------
    vpc_id = ec2.create_vpc(CidrBlock="10.0.0.0/16",
                            TagSpecifications=_ts("vpc", f"{P}-vpc"))["Vpc"]["VpcId"]
    ec2.modify_vpc_attribute(VpcId=vpc_id, EnableDnsSupport={"Value": True})
    ec2.modify_vpc_attribute(VpcId=vpc_id, EnableDnsHostnames={"Value": True})
    ids["vpc"] = vpc_id
    timeline.append(vpc_id)
    # terraform-aws-modules/vpc: manage_default_security_group -> no rules at all.
    default_sg = fix_default_security_group(t, vpc_id, strip=True)

    def subnet(name: str, cidr: str, az: str, tier: str) -> str:
        return ec2.create_subnet(VpcId=vpc_id, CidrBlock=cidr, AvailabilityZone=az,
                                 TagSpecifications=_ts("subnet", name, Tier=tier))["Subnet"]["SubnetId"]

    pub = [subnet(f"{P}-public-{az}", c, az, "public") for c, az in zip(PUBLIC, AZS)]
    app = [subnet(f"{P}-private-{az}", c, az, "private") for c, az in zip(APP, AZS)]
    dbs = [subnet(f"{P}-database-{az}", c, az, "database") for c, az in zip(DB, AZS)]
    ids["subnets"] = {"public": pub, "private": app, "database": dbs}
    # terraform-aws-modules/vpc: map_public_ip_on_launch = false.  (moto turns it
    # on for the first subnet of each AZ once the default VPC is gone.)
    for s in pub + app + dbs:
        ec2.modify_subnet_attribute(SubnetId=s, MapPublicIpOnLaunch={"Value": False})

    igw = ec2.create_internet_gateway(
        TagSpecifications=_ts("internet-gateway", f"{P}-igw"))["InternetGateway"]["InternetGatewayId"]
    ec2.attach_internet_gateway(InternetGatewayId=igw, VpcId=vpc_id)
    pub_rt = ec2.create_route_table(
        VpcId=vpc_id, TagSpecifications=_ts("route-table", f"{P}-public"))["RouteTable"]["RouteTableId"]
    ec2.create_route(RouteTableId=pub_rt, DestinationCidrBlock="0.0.0.0/0", GatewayId=igw)
    for s in pub:
        ec2.associate_route_table(RouteTableId=pub_rt, SubnetId=s)

    nats, app_rts = [], []
    for az, s_pub, s_app in zip(AZS, pub, app):
        alloc = ec2.allocate_address(Domain="vpc", TagSpecifications=_ts(
            "elastic-ip", f"{P}-nat-eip-{az}"))["AllocationId"]
        nat = ec2.create_nat_gateway(SubnetId=s_pub, AllocationId=alloc, ConnectivityType="public",
                                     TagSpecifications=_ts("natgateway", f"{P}-nat-{az}"))
        nat_id = nat["NatGateway"]["NatGatewayId"]
        nats.append(nat_id)
        timeline.append(nat_id)
        rt = ec2.create_route_table(VpcId=vpc_id, TagSpecifications=_ts(
            "route-table", f"{P}-private-{az}"))["RouteTable"]["RouteTableId"]
        ec2.create_route(RouteTableId=rt, DestinationCidrBlock="0.0.0.0/0", NatGatewayId=nat_id)
        ec2.associate_route_table(RouteTableId=rt, SubnetId=s_app)
        app_rts.append(rt)
    # Isolated database tier: its own route table with the local route only.
    db_rt = ec2.create_route_table(
        VpcId=vpc_id, TagSpecifications=_ts("route-table", f"{P}-database"))["RouteTable"]["RouteTableId"]
    for s in dbs:
        ec2.associate_route_table(RouteTableId=db_rt, SubnetId=s)
    ids["route_tables"] = {"public": pub_rt, "private": app_rts, "database": db_rt}
    ids["nat_gateways"] = nats

    # S3 gateway endpoint on the private route tables (package repos, SSM docs).
    vpce = ec2.create_vpc_endpoint(
        VpcId=vpc_id, ServiceName=f"com.amazonaws.{region}.s3", VpcEndpointType="Gateway",
        RouteTableIds=app_rts, TagSpecifications=_ts("vpc-endpoint", f"{P}-s3-endpoint"))
    ids["s3_endpoint"] = vpce["VpcEndpoint"]["VpcEndpointId"]
    timeline.append(ids["s3_endpoint"])

    # Database NACL: 5432 in from the app subnets, ephemeral out to them; the
    # implicit rule * (32767) denies everything else.
    acl = ec2.create_network_acl(VpcId=vpc_id, TagSpecifications=_ts(
        "network-acl", f"{P}-database"))["NetworkAcl"]["NetworkAclId"]
    for i, cidr in enumerate(APP):
        ec2.create_network_acl_entry(NetworkAclId=acl, RuleNumber=100 + 10 * i, Protocol="6",
                                     RuleAction="allow", Egress=False, CidrBlock=cidr,
                                     PortRange={"From": DB_PORT, "To": DB_PORT})
        ec2.create_network_acl_entry(NetworkAclId=acl, RuleNumber=100 + 10 * i, Protocol="6",
                                     RuleAction="allow", Egress=True, CidrBlock=cidr,
                                     PortRange={"From": 1024, "To": 65535})
    cur = ec2.describe_network_acls(Filters=[{"Name": "vpc-id", "Values": [vpc_id]}])["NetworkAcls"]
    for nacl in cur:
        for a in nacl["Associations"]:
            if a["SubnetId"] in dbs:
                ec2.replace_network_acl_association(AssociationId=a["NetworkAclAssociationId"],
                                                    NetworkAclId=acl)
    ids["database_nacl"] = acl

    # VPC flow logs -> CloudWatch Logs (role with a customer-managed policy).
    fl_role = iam.create_role(RoleName=f"{P}-vpc-flow-logs", AssumeRolePolicyDocument=terraform_trust(
        "vpc-flow-logs.amazonaws.com"), Tags=_t())["Role"]
    fl_pol = iam.create_policy(PolicyName=f"{P}-vpc-flow-logs", Description="VPC flow logs to CloudWatch Logs",
                               PolicyDocument=json.dumps({"Version": "2012-10-17", "Statement": [{
                                   "Effect": "Allow",
                                   "Action": ["logs:CreateLogStream", "logs:PutLogEvents",
                                              "logs:DescribeLogGroups", "logs:DescribeLogStreams"],
                                   "Resource": f"arn:aws:logs:{region}:{acct}:log-group:/aws/vpc/{P}-flow-logs:*"}]}),
                               Tags=_t())["Policy"]
    iam.attach_role_policy(RoleName=fl_role["RoleName"], PolicyArn=fl_pol["Arn"])
    t.client("logs").create_log_group(logGroupName=f"/aws/vpc/{P}-flow-logs")
    ec2.create_flow_logs(ResourceIds=[vpc_id], ResourceType="VPC", TrafficType="ALL",
                         LogDestinationType="cloud-watch-logs", LogGroupName=f"/aws/vpc/{P}-flow-logs",
                         DeliverLogsPermissionArn=fl_role["Arn"],
                         TagSpecifications=_ts("vpc-flow-log", f"{P}-flow-logs"))
    timeline += [fl_role["RoleName"], fl_pol["Arn"]]

    # ---------------- security groups ----------------
    def sg(name: str, desc: str) -> str:
        return ec2.create_security_group(GroupName=name, Description=desc, VpcId=vpc_id,
                                         TagSpecifications=_ts("security-group", name))["GroupId"]

    alb_sg = sg(f"{P}-alb-sg", "ALB: HTTP/HTTPS from the internet")
    app_sg = sg(f"{P}-app-sg", "App instances: app port from the ALB only")
    db_sg = sg(f"{P}-rds-sg", "RDS PostgreSQL: 5432 from the app tier only")
    for port, desc in ((80, "HTTP from internet (redirected to HTTPS)"), (443, "HTTPS from internet")):
        ec2.authorize_security_group_ingress(GroupId=alb_sg, IpPermissions=[{
            "IpProtocol": "tcp", "FromPort": port, "ToPort": port,
            "IpRanges": [{"CidrIp": "0.0.0.0/0", "Description": desc}]}])
    # Terraform removes the default allow-all egress unless an egress block is given.
    for g in (alb_sg, db_sg):
        ec2.revoke_security_group_egress(GroupId=g, IpPermissions=[{
            "IpProtocol": "-1", "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}])
    ec2.authorize_security_group_egress(GroupId=alb_sg, IpPermissions=[{
        "IpProtocol": "tcp", "FromPort": APP_PORT, "ToPort": APP_PORT,
        "UserIdGroupPairs": [{"GroupId": app_sg, "UserId": acct, "Description": "To app instances"}]}])
    ec2.authorize_security_group_ingress(GroupId=app_sg, IpPermissions=[{
        "IpProtocol": "tcp", "FromPort": APP_PORT, "ToPort": APP_PORT,
        "UserIdGroupPairs": [{"GroupId": alb_sg, "UserId": acct, "Description": "App port from ALB"}]}])
    ec2.authorize_security_group_ingress(GroupId=db_sg, IpPermissions=[{
        "IpProtocol": "tcp", "FromPort": DB_PORT, "ToPort": DB_PORT,
        "UserIdGroupPairs": [{"GroupId": app_sg, "UserId": acct, "Description": "PostgreSQL from app"}]}])
    ids["security_groups"] = {"alb": alb_sg, "app": app_sg, "rds": db_sg, "default": default_sg}

    # ---------------- secrets + KMS ----------------
    rds_key = kms.create_key(Description=f"{P} RDS encryption", Tags=[
        {"TagKey": k, "TagValue": v} for k, v in DEFAULT_TAGS.items()])["KeyMetadata"]
    kms.enable_key_rotation(KeyId=rds_key["KeyId"])
    kms.create_alias(AliasName=f"alias/{P}-rds", TargetKeyId=rds_key["KeyId"])
    secret = t.client("secretsmanager").create_secret(
        Name=f"{P}-db-credentials", KmsKeyId=rds_key["Arn"],
        Description="PostgreSQL master credentials for the app",
        SecretString=json.dumps({"username": "appadmin", "password": "placeholder-not-real",
                                 "engine": "postgres", "port": DB_PORT}),
        Tags=[{"Key": k, "Value": v} for k, v in DEFAULT_TAGS.items()])
    ids["secret"] = secret["ARN"]

    # ---------------- IAM ----------------
    ec2_role = iam.create_role(RoleName=f"{P}-ec2-role", AssumeRolePolicyDocument=terraform_trust(
        "ec2.amazonaws.com"), Description="App instances: SSM, CloudWatch agent, DB secret", Tags=_t())["Role"]
    for p in ("arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore",
              "arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy"):
        iam.attach_role_policy(RoleName=ec2_role["RoleName"], PolicyArn=p)
    iam.put_role_policy(RoleName=ec2_role["RoleName"], PolicyName=f"{P}-db-secret-read",
                        PolicyDocument=json.dumps({"Version": "2012-10-17", "Statement": [
                            {"Sid": "ReadDbSecret", "Effect": "Allow",
                             "Action": ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"],
                             "Resource": secret["ARN"]},
                            {"Sid": "DecryptDbSecret", "Effect": "Allow", "Action": "kms:Decrypt",
                             "Resource": rds_key["Arn"],
                             "Condition": {"StringEquals": {
                                 "kms:ViaService": f"secretsmanager.{region}.amazonaws.com"}}}]}))
    profile = iam.create_instance_profile(InstanceProfileName=f"{P}-ec2-profile", Tags=_t())["InstanceProfile"]
    iam.add_role_to_instance_profile(InstanceProfileName=profile["InstanceProfileName"],
                                     RoleName=ec2_role["RoleName"])
    mon_role = iam.create_role(RoleName=f"{P}-rds-monitoring", AssumeRolePolicyDocument=terraform_trust(
        "monitoring.rds.amazonaws.com"), Tags=_t())["Role"]
    iam.attach_role_policy(RoleName=mon_role["RoleName"],
                           PolicyArn="arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole")
    timeline += [ec2_role["RoleName"], profile["InstanceProfileName"], mon_role["RoleName"]]

    # GitHub Actions deploy role (OIDC), pinned to one repository and branch.
    oidc = iam.create_open_id_connect_provider(
        Url="https://token.actions.githubusercontent.com", ClientIDList=["sts.amazonaws.com"],
        ThumbprintList=["6938fd4d98bab03faadb97b34396831e3780aea1"], Tags=_t())
    gh_trust = json.dumps({"Statement": [{
        "Action": "sts:AssumeRoleWithWebIdentity", "Effect": "Allow",
        "Principal": {"Federated": oidc["OpenIDConnectProviderArn"]},
        "Condition": {"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
                                       "token.actions.githubusercontent.com:sub":
                                           f"repo:{GITHUB_REPO}:ref:refs/heads/main"}}}],
        "Version": "2012-10-17"}, separators=(",", ":"))
    gh_role = iam.create_role(RoleName=f"{P}-github-deploy", AssumeRolePolicyDocument=gh_trust,
                              MaxSessionDuration=3600, Tags=_t())["Role"]
    asg_arn_pattern = f"arn:aws:autoscaling:{region}:{acct}:autoScalingGroup:*:autoScalingGroupName/{P}-app-asg"
    gh_pol = iam.create_policy(PolicyName=f"{P}-github-deploy", Description="CI: push image, refresh ASG",
                               PolicyDocument=json.dumps({"Version": "2012-10-17", "Statement": [
                                   {"Sid": "EcrAuth", "Effect": "Allow", "Action": "ecr:GetAuthorizationToken",
                                    "Resource": "*"},
                                   {"Sid": "EcrPush", "Effect": "Allow",
                                    "Action": ["ecr:BatchCheckLayerAvailability", "ecr:CompleteLayerUpload",
                                               "ecr:InitiateLayerUpload", "ecr:PutImage",
                                               "ecr:UploadLayerPart", "ecr:BatchGetImage"],
                                    "Resource": f"arn:aws:ecr:{region}:{acct}:repository/{P}-app"},
                                   {"Sid": "InstanceRefresh", "Effect": "Allow",
                                    "Action": ["autoscaling:StartInstanceRefresh",
                                               "autoscaling:DescribeInstanceRefreshes"],
                                    "Resource": asg_arn_pattern},
                                   {"Sid": "DescribeAsg", "Effect": "Allow",
                                    "Action": "autoscaling:DescribeAutoScalingGroups", "Resource": "*"}]}),
                               Tags=_t())["Policy"]
    iam.attach_role_policy(RoleName=gh_role["RoleName"], PolicyArn=gh_pol["Arn"])
    timeline += [gh_role["RoleName"], gh_pol["Arn"]]

    # ---------------- RDS ----------------
    timeline += create_service_linked_roles(t, [BASE_SERVICE_LINKED_ROLES[3]])
    rds.create_db_subnet_group(DBSubnetGroupName=f"{P}-db-subnet-group",
                               DBSubnetGroupDescription=f"{P} database subnets (isolated)",
                               SubnetIds=dbs, Tags=_t())
    rds.create_db_parameter_group(DBParameterGroupName=f"{P}-postgres15", DBParameterGroupFamily="postgres15",
                                  Description=f"{P} PostgreSQL 15 parameters", Tags=_t())
    rds.modify_db_parameter_group(DBParameterGroupName=f"{P}-postgres15", Parameters=[
        {"ParameterName": "rds.force_ssl", "ParameterValue": "1", "ApplyMethod": "immediate"},
        {"ParameterName": "log_min_duration_statement", "ParameterValue": "1000",
         "ApplyMethod": "immediate"}])
    db_id = f"{P}-postgres"
    rds.create_db_instance(
        DBInstanceIdentifier=db_id, Engine="postgres", EngineVersion="15.10",
        DBInstanceClass="db.t3.micro", AllocatedStorage=20, MaxAllocatedStorage=100,
        StorageType="gp3", DBName="appdb", MasterUsername="appadmin",
        MasterUserPassword="placeholder-not-real",  # never written to the snapshot
        DBSubnetGroupName=f"{P}-db-subnet-group", VpcSecurityGroupIds=[db_sg],
        DBParameterGroupName=f"{P}-postgres15", PubliclyAccessible=False, MultiAZ=True,
        AvailabilityZone="us-east-1a", StorageEncrypted=True, KmsKeyId=rds_key["Arn"],
        BackupRetentionPeriod=30, PreferredBackupWindow="03:00-04:00",
        PreferredMaintenanceWindow="sun:04:30-sun:05:30", Port=DB_PORT,
        AutoMinorVersionUpgrade=True, CopyTagsToSnapshot=True, DeletionProtection=True,
        EnableIAMDatabaseAuthentication=False, EnableCloudwatchLogsExports=["postgresql", "upgrade"],
        MonitoringInterval=60, MonitoringRoleArn=mon_role["Arn"],
        EnablePerformanceInsights=True, PerformanceInsightsKMSKeyId=rds_key["Arn"],
        PerformanceInsightsRetentionPeriod=7, Tags=_t())
    ids["db"] = db_id
    timeline.append(db_id)

    # ---------------- ALB logs bucket ----------------
    logs_bucket = f"{P}-alb-logs-{acct}"
    _private_bucket(s3, logs_bucket, sse={"SSEAlgorithm": "AES256"})  # ALB logs: SSE-S3 only
    s3.put_bucket_policy(Bucket=logs_bucket, Policy=json.dumps({
        "Version": "2012-10-17",
        "Statement": [
            {"Sid": "AllowELBLogDelivery", "Effect": "Allow",
             "Principal": {"AWS": f"arn:aws:iam::{ELB_LOG_ACCOUNT}:root"}, "Action": "s3:PutObject",
             "Resource": f"arn:aws:s3:::{logs_bucket}/alb/AWSLogs/{acct}/*"},
            {"Sid": "DenyInsecureTransport", "Effect": "Deny", "Principal": "*", "Action": "s3:*",
             "Resource": [f"arn:aws:s3:::{logs_bucket}", f"arn:aws:s3:::{logs_bucket}/*"],
             "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}))
    s3.put_bucket_lifecycle_configuration(Bucket=logs_bucket, LifecycleConfiguration={"Rules": [{
        "ID": "expire-alb-logs", "Status": "Enabled", "Filter": {"Prefix": "alb/"},
        "Expiration": {"Days": 90}}]})
    timeline.append(logs_bucket)

    # ---------------- ALB, target group, listeners ----------------
    timeline += create_service_linked_roles(t, [BASE_SERVICE_LINKED_ROLES[2], BASE_SERVICE_LINKED_ROLES[4]])
    tg_arn = elbv2.create_target_group(
        Name=f"{P}-app-tg", Protocol="HTTP", ProtocolVersion="HTTP1", Port=APP_PORT, VpcId=vpc_id,
        TargetType="instance", HealthCheckEnabled=True, HealthCheckProtocol="HTTP",
        HealthCheckPath="/health", HealthCheckPort="traffic-port", HealthCheckIntervalSeconds=30,
        HealthCheckTimeoutSeconds=5, HealthyThresholdCount=2, UnhealthyThresholdCount=2,
        Matcher={"HttpCode": "200"}, IpAddressType="ipv4", Tags=_t(f"{P}-app-tg"),
    )["TargetGroups"][0]["TargetGroupArn"]
    lb = elbv2.create_load_balancer(Name=f"{P}-alb", Subnets=pub, SecurityGroups=[alb_sg],
                                    Scheme="internet-facing", Type="application", IpAddressType="ipv4",
                                    Tags=_t(f"{P}-alb"))["LoadBalancers"][0]
    elbv2.modify_load_balancer_attributes(LoadBalancerArn=lb["LoadBalancerArn"], Attributes=[
        {"Key": "access_logs.s3.enabled", "Value": "true"},
        {"Key": "access_logs.s3.bucket", "Value": logs_bucket},
        {"Key": "access_logs.s3.prefix", "Value": "alb"},
        {"Key": "routing.http.drop_invalid_header_fields.enabled", "Value": "true"},
        {"Key": "deletion_protection.enabled", "Value": "true"}])
    cert = t.client("acm").request_certificate(
        DomainName="app.three-tier.example.com", ValidationMethod="DNS",
        Tags=[{"Key": k, "Value": v} for k, v in DEFAULT_TAGS.items()])["CertificateArn"]
    elbv2.create_listener(LoadBalancerArn=lb["LoadBalancerArn"], Protocol="HTTP", Port=80, DefaultActions=[{
        "Type": "redirect", "RedirectConfig": {"Protocol": "HTTPS", "Port": "443", "Host": "#{host}",
                                               "Path": "/#{path}", "Query": "#{query}",
                                               "StatusCode": "HTTP_301"}}])
    elbv2.create_listener(LoadBalancerArn=lb["LoadBalancerArn"], Protocol="HTTPS", Port=443,
                          SslPolicy="ELBSecurityPolicy-TLS13-1-2-2021-06",
                          Certificates=[{"CertificateArn": cert}],
                          DefaultActions=[{"Type": "forward", "TargetGroupArn": tg_arn}])
    ids["alb"] = lb["LoadBalancerArn"]
    ids["target_group"] = tg_arn
    timeline.append(lb["LoadBalancerArn"])

    # ---------------- launch template + ASG ----------------
    user_data = "#!/bin/bash\nset -euo pipefail\ndnf install -y docker amazon-cloudwatch-agent\n" \
                "systemctl enable --now docker\n# app started by /opt/app/start.sh (reads DB secret)\n"
    lt = ec2.create_launch_template(
        LaunchTemplateName=f"{P}-app-lt", TagSpecifications=_ts("launch-template", f"{P}-app-lt"),
        LaunchTemplateData={
            "ImageId": AL2023_AMI, "InstanceType": "t3.micro",
            "IamInstanceProfile": {"Arn": profile["Arn"]}, "SecurityGroupIds": [app_sg],
            "MetadataOptions": {"HttpTokens": "required", "HttpEndpoint": "enabled",
                                "HttpPutResponseHopLimit": 1},
            "BlockDeviceMappings": [{"DeviceName": "/dev/xvda", "Ebs": {
                "VolumeSize": 20, "VolumeType": "gp3", "Encrypted": True, "DeleteOnTermination": True}}],
            "Monitoring": {"Enabled": True},
            "UserData": base64.b64encode(user_data.encode()).decode(),
            "TagSpecifications": [{"ResourceType": "instance", "Tags": _t(f"{P}-app")}],
        })["LaunchTemplate"]
    asg_name = f"{P}-app-asg"
    autoscaling = t.client("autoscaling")
    lt_spec = {"LaunchTemplateId": lt["LaunchTemplateId"], "Version": "$Latest"}
    # Same moto work-around as the workshop: create empty, launch one instance
    # per AZ ourselves, attach (which registers them in the target group).
    autoscaling.create_auto_scaling_group(
        AutoScalingGroupName=asg_name, LaunchTemplate=lt_spec, MinSize=0, MaxSize=6,
        DesiredCapacity=0, VPCZoneIdentifier=",".join(app), TargetGroupARNs=[tg_arn],
        HealthCheckType="ELB", HealthCheckGracePeriod=300,
        Tags=[{"ResourceId": asg_name, "ResourceType": "auto-scaling-group", "Key": k, "Value": v,
               "PropagateAtLaunch": True} for k, v in {"Name": f"{P}-app", **DEFAULT_TAGS}.items()])
    instances = []
    for s_app in app[:2]:
        inst = ec2.run_instances(
            ImageId=AL2023_AMI, InstanceType="t3.micro", MinCount=1, MaxCount=1, SubnetId=s_app,
            ClientToken=_token(asg_name, s_app),
            SecurityGroupIds=[app_sg], IamInstanceProfile={"Arn": profile["Arn"]},
            LaunchTemplate=lt_spec, Monitoring={"Enabled": True}, EbsOptimized=True,
            MetadataOptions={"HttpTokens": "required", "HttpEndpoint": "enabled",
                             "HttpPutResponseHopLimit": 1},
            BlockDeviceMappings=[{"DeviceName": "/dev/xvda", "Ebs": {
                "VolumeSize": 20, "VolumeType": "gp3", "Encrypted": True, "DeleteOnTermination": True}}],
            TagSpecifications=[{"ResourceType": "instance", "Tags": _t(
                f"{P}-app", **{"aws:autoscaling:groupName": asg_name,
                               "aws:ec2launchtemplate:id": lt["LaunchTemplateId"],
                               "aws:ec2launchtemplate:version": "1"})}],
        )["Instances"][0]["InstanceId"]
        instances.append(inst)
        timeline.append(inst)
    autoscaling.attach_instances(AutoScalingGroupName=asg_name, InstanceIds=instances)
    autoscaling.update_auto_scaling_group(AutoScalingGroupName=asg_name, MinSize=2, MaxSize=6)
    autoscaling.put_scaling_policy(
        AutoScalingGroupName=asg_name, PolicyName=f"{P}-cpu-target", PolicyType="TargetTrackingScaling",
        EstimatedInstanceWarmup=300, TargetTrackingConfiguration={
            "PredefinedMetricSpecification": {"PredefinedMetricType": "ASGAverageCPUUtilization"},
            "TargetValue": 70.0})
    ids["asg_instances"] = instances
    # What AWS shows that moto drops (used by postprocess.py).
    dbi = rds.describe_db_instances(DBInstanceIdentifier=db_id)["DBInstances"][0]
    ids["facts"] = {
        "rds": {db_id: {
            "MonitoringInterval": 60, "MonitoringRoleArn": mon_role["Arn"],
            "EnhancedMonitoringResourceArn":
                f"arn:aws:logs:{region}:{acct}:log-group:RDSOSMetrics:log-stream:{dbi['DbiResourceId']}",
            "PerformanceInsightsEnabled": True, "PerformanceInsightsKMSKeyId": rds_key["Arn"],
            "PerformanceInsightsRetentionPeriod": 7, "SecondaryAvailabilityZone": "us-east-1b",
        }},
        "roles_in_use": [f"{P}-rds-monitoring", f"{P}-vpc-flow-logs", ec2_role["RoleName"]],
    }
    ids["instance_profile"] = profile["Arn"]
    return ids


def _private_bucket(s3, name: str, sse: dict) -> None:
    s3.create_bucket(Bucket=name)
    s3.put_public_access_block(Bucket=name, PublicAccessBlockConfiguration={
        "BlockPublicAcls": True, "IgnorePublicAcls": True,
        "BlockPublicPolicy": True, "RestrictPublicBuckets": True})
    s3.put_bucket_ownership_controls(Bucket=name, OwnershipControls={
        "Rules": [{"ObjectOwnership": "BucketOwnerEnforced"}]})
    s3.put_bucket_encryption(Bucket=name, ServerSideEncryptionConfiguration={
        "Rules": [{"ApplyServerSideEncryptionByDefault": sse,
                   "BucketKeyEnabled": sse["SSEAlgorithm"] == "aws:kms"}]})
    s3.put_bucket_tagging(Bucket=name, Tagging={"TagSet": [
        {"Key": k, "Value": v} for k, v in DEFAULT_TAGS.items()]})


if __name__ == "__main__":  # pragma: no cover
    import sys
    print(json.dumps(build_terraform_three_tier(sys.argv[1]), indent=2, default=str))
