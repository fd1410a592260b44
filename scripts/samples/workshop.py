"""The workshop three-tier app ("From Hello World to Real World", us-east-1).

Builds Parts 1-10 of the workshop seed exactly as a student following the
console steps would end up, with the *Demo setup* (one NAT gateway, one private
route table) and all of its real weaknesses:

* bastion SG and AMI-builder SG open to 0.0.0.0/0 on 22 (and 5000),
* AMI builder left running in a public subnet with a public IP and the broad
  EC2 role (AmazonS3FullAccess + AmazonDynamoDBReadOnlyAccess),
* public static-website frontend bucket (BPA off, Principal "*" GetObject),
* Lambda role with AmazonS3ReadOnlyAccess + AmazonDynamoDBFullAccess,
* single NAT gateway for three AZs.

``build_workshop(session_or_endpoint)`` works against a moto server (pass its
URL) or, in principle, a real account (pass a boto3 Session).  It returns a dict
of the ids it created.
"""
from __future__ import annotations

import base64
import io
import json
import zipfile
from typing import Any

try:  # package or script use
    from .common import AwsTarget, console_trust_policy, tag_spec, tags
except ImportError:  # pragma: no cover
    from common import AwsTarget, console_trust_policy, tag_spec, tags

NAME = "workshop"
PREFIX = "demo-app"
VPC_CIDR = "10.0.0.0/16"
PUBLIC_SUBNETS = [
    ("demo-app-public-subnet-1", "10.0.1.0/24", "us-east-1a"),
    ("demo-app-public-subnet-2", "10.0.2.0/24", "us-east-1b"),
    ("demo-app-public-subnet-3", "10.0.3.0/24", "us-east-1c"),
]
PRIVATE_SUBNETS = [
    ("demo-app-private-subnet-1", "10.0.11.0/24", "us-east-1a"),
    ("demo-app-private-subnet-2", "10.0.12.0/24", "us-east-1b"),
    ("demo-app-private-subnet-3", "10.0.13.0/24", "us-east-1c"),
]
BACKEND_BUCKET = "demo-app-backend-s3-bucket-1234"
FRONTEND_BUCKET = "demo-app-frontend-s3-bucket-6789"
SNS_TOPIC = "demo-app-sns-topic"
DDB_TABLE = "demo-app-file-metadata-dynamodb"
LAMBDA_ROLE = "demo-app-lambda-iam-role"
LAMBDA_FN = "demo-app-metadata-lambda"
EC2_ROLE = "demo-app-s3-dynamo-iam-role"
KEY_PAIR = "demo-app-private-key"
# Ubuntu Server 24.04 LTS (HVM), SSD Volume Type, us-east-1 (Canonical).
UBUNTU_AMI = "ami-0e86e20dae9224db8"
DB_ID = "my-demo-db"
ASG_NAME = "demo-app-asg"
TG_NAME = "demo-app-tg"
ALB_NAME = "demo-app-alb"

LAMBDA_CODE = '''import boto3
import json

# Set the AWS Region
AWS_REGION = "us-east-1"

# Initialize DynamoDB
dynamodb = boto3.resource('dynamodb', region_name=AWS_REGION)
TABLE_NAME = "demo-app-file-metadata-dynamodb"

def lambda_handler(event, context):
    try:
        for record in event.get("Records", []):
            s3_event = json.loads(record["Sns"]["Message"])
            for s3_record in s3_event.get("Records", []):
                s3_info = s3_record.get("s3", {})
                bucket_name = s3_info.get("bucket", {}).get("name")
                file_name = s3_info.get("object", {}).get("key")
                if not bucket_name or not file_name:
                    continue
                dynamodb.Table(TABLE_NAME).put_item(Item={
                    "file_name": file_name,
                    "bucket_name": bucket_name,
                    "timestamp": s3_record["eventTime"],
                })
        return {"statusCode": 200, "body": "File metadata stored successfully"}
    except Exception as e:
        return {"statusCode": 500, "body": f"Error: {str(e)}"}
'''

USER_DATA = """#!/bin/bash
sudo systemctl start flask-app
sudo systemctl enable flask-app
"""


def _token(*parts: str) -> str:
    """Stable RunInstances ClientToken (uuid-shaped) for reproducible output."""
    import hashlib
    d = hashlib.sha256("|".join(parts).encode()).hexdigest()
    return f"{d[:8]}-{d[8:12]}-4{d[13:16]}-8{d[17:20]}-{d[20:32]}"


def _zip(source: str, name: str = "lambda_function.py") -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
        zf.writestr(info, source)
    return buf.getvalue()


# Service-linked role names as AWS spells them (moto's create_service_linked_role
# lower-cases most of them, e.g. "AWSServiceRoleForrds").
SLR_NAMES = {
    "support.amazonaws.com": ("AWSServiceRoleForSupport",
                              "Enables resource access for AWS to provide billing, administrative and support services"),
    "trustedadvisor.amazonaws.com": ("AWSServiceRoleForTrustedAdvisor",
                                     "Access for the AWS Trusted Advisor Service to help reduce cost, increase performance, and improve security of your AWS environment."),
    "elasticloadbalancing.amazonaws.com": ("AWSServiceRoleForElasticLoadBalancing",
                                           "Allows ELB to call AWS services on your behalf."),
    "rds.amazonaws.com": ("AWSServiceRoleForRDS",
                          "Allows Amazon RDS to manage AWS resources on your behalf"),
    "autoscaling.amazonaws.com": ("AWSServiceRoleForAutoScaling",
                                  "Default Service-Linked Role enables access to AWS Services and Resources used or managed by Auto Scaling"),
}


def create_service_linked_roles(t: AwsTarget, services: list[tuple[str, str]]) -> list[str]:
    """AWS creates these on first use of ELB/RDS/Auto Scaling (and Support /
    Trusted Advisor exist in every account); moto creates none.

    ``services``: (service principal, AWS managed policy ARN) pairs.  On moto
    the role is made with CreateRole so that its name, path, trust policy and
    attached policy match AWS; on real AWS CreateServiceLinkedRole does it all.
    """
    iam = t.client("iam")
    names = []
    for principal, policy_arn in services:
        name, desc = SLR_NAMES[principal]
        names.append(name)
        if not t.endpoint:
            try:
                iam.create_service_linked_role(AWSServiceName=principal)
            except iam.exceptions.InvalidInputException:
                pass  # already there
            continue
        iam.create_role(
            RoleName=name, Path=f"/aws-service-role/{principal}/", Description=desc,
            AssumeRolePolicyDocument=json.dumps({
                "Version": "2012-10-17",
                "Statement": [{"Effect": "Allow", "Principal": {"Service": principal},
                               "Action": "sts:AssumeRole"}]}))
        iam.attach_role_policy(RoleName=name, PolicyArn=policy_arn)
    return names


def fix_default_security_group(t: AwsTarget, vpc_id: str, strip: bool = False) -> str:
    """AWS's default SG allows all traffic from itself (and all egress); moto's
    has no ingress rule.  Add the self rule on moto.  ``strip=True`` instead
    removes every rule, as Terraform's managed default SG does."""
    ec2 = t.client("ec2")
    sg = ec2.describe_security_groups(Filters=[
        {"Name": "vpc-id", "Values": [vpc_id]}, {"Name": "group-name", "Values": ["default"]}])
    g = sg["SecurityGroups"][0]
    gid = g["GroupId"]
    self_rule = {"IpProtocol": "-1", "UserIdGroupPairs": [{"GroupId": gid, "UserId": g["OwnerId"]}]}
    has_self = any(p.get("UserIdGroupPairs") for p in g["IpPermissions"])
    if strip:
        if has_self:
            ec2.revoke_security_group_ingress(GroupId=gid, IpPermissions=[self_rule])
        if g["IpPermissionsEgress"]:
            ec2.revoke_security_group_egress(GroupId=gid, IpPermissions=[
                {"IpProtocol": "-1", "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}])
    elif not has_self:
        ec2.authorize_security_group_ingress(GroupId=gid, IpPermissions=[self_rule])
    return gid


# Every account has these two from day one, plus ELB / RDS / Auto Scaling on first use.
BASE_SERVICE_LINKED_ROLES = [
    ("support.amazonaws.com", "arn:aws:iam::aws:policy/aws-service-role/AWSSupportServiceRolePolicy"),
    ("trustedadvisor.amazonaws.com",
     "arn:aws:iam::aws:policy/aws-service-role/AWSTrustedAdvisorServiceRolePolicy"),
    ("elasticloadbalancing.amazonaws.com",
     "arn:aws:iam::aws:policy/aws-service-role/AWSElasticLoadBalancingServiceRolePolicy"),
    ("rds.amazonaws.com", "arn:aws:iam::aws:policy/aws-service-role/AmazonRDSServiceRolePolicy"),
    ("autoscaling.amazonaws.com",
     "arn:aws:iam::aws:policy/aws-service-role/AutoScalingServiceRolePolicy"),
]


def fix_default_vpc(t: AwsTarget) -> str | None:
    """moto's default VPC has no IGW; AWS's has one plus a 0.0.0.0/0 route in the
    main route table.  Add them (untagged, as AWS does).  Returns the IGW id."""
    ec2 = t.client("ec2")
    vpcs = ec2.describe_vpcs(Filters=[{"Name": "is-default", "Values": ["true"]}])["Vpcs"]
    if not vpcs:
        return None
    vpc_id = vpcs[0]["VpcId"]
    if ec2.describe_internet_gateways(
        Filters=[{"Name": "attachment.vpc-id", "Values": [vpc_id]}]
    )["InternetGateways"]:
        return None
    igw = ec2.create_internet_gateway()["InternetGateway"]["InternetGatewayId"]
    ec2.attach_internet_gateway(InternetGatewayId=igw, VpcId=vpc_id)
    main_rt = ec2.describe_route_tables(
        Filters=[{"Name": "vpc-id", "Values": [vpc_id]},
                 {"Name": "association.main", "Values": ["true"]}]
    )["RouteTables"][0]["RouteTableId"]
    ec2.create_route(RouteTableId=main_rt, DestinationCidrBlock="0.0.0.0/0", GatewayId=igw)
    return igw


def _sg_ingress(ec2, group_id: str, port: int, *, cidr: str | None = None,
                src_sg: str | None = None, account: str = "", desc: str | None = None) -> None:
    perm: dict[str, Any] = {"IpProtocol": "tcp", "FromPort": port, "ToPort": port}
    if cidr:
        rng: dict[str, str] = {"CidrIp": cidr}
        if desc:
            rng["Description"] = desc
        perm["IpRanges"] = [rng]
    if src_sg:
        pair: dict[str, str] = {"GroupId": src_sg, "UserId": account}
        if desc:
            pair["Description"] = desc
        perm["UserIdGroupPairs"] = [pair]
    ec2.authorize_security_group_ingress(GroupId=group_id, IpPermissions=[perm])


def build_workshop(session_or_endpoint: Any) -> dict[str, Any]:
    t = AwsTarget(session_or_endpoint)
    acct = t.account_id()
    region = t.region
    ec2 = t.client("ec2")
    iam = t.client("iam")
    s3 = t.client("s3")
    sns = t.client("sns")
    rds = t.client("rds")
    kms = t.client("kms")
    # "timeline": resources in creation order; the post-processing gives each
    # a realistic, reproducible creation time from its position here.
    ids: dict[str, Any] = {"timeline": []}
    timeline: list[str] = ids["timeline"]

    # Decision: keep the default VPC (a student account has one) but make it
    # look like AWS's: IGW attached + 0.0.0.0/0 route in its main route table,
    # default SG with its self-referencing rule.
    ids["default_igw"] = fix_default_vpc(t)
    default_vpcs = ec2.describe_vpcs(Filters=[{"Name": "is-default", "Values": ["true"]}])["Vpcs"]
    if default_vpcs and t.endpoint:
        fix_default_security_group(t, default_vpcs[0]["VpcId"])
    timeline += create_service_linked_roles(t, BASE_SERVICE_LINKED_ROLES[:2])

    # ---------------- Part 1: network ----------------
    vpc = ec2.create_vpc(CidrBlock=VPC_CIDR, TagSpecifications=tag_spec("vpc", "demo-app-vpc"))
    vpc_id = vpc["Vpc"]["VpcId"]
    ids["vpc"] = vpc_id
    timeline.append(vpc_id)
    if t.endpoint:
        fix_default_security_group(t, vpc_id)
    subnets: dict[str, str] = {}
    for name, cidr, az in PUBLIC_SUBNETS + PRIVATE_SUBNETS:
        sn = ec2.create_subnet(VpcId=vpc_id, CidrBlock=cidr, AvailabilityZone=az,
                               TagSpecifications=tag_spec("subnet", name))
        subnets[name] = sn["Subnet"]["SubnetId"]
    ids["subnets"] = subnets
    pub = [subnets[n] for n, _, _ in PUBLIC_SUBNETS]
    priv = [subnets[n] for n, _, _ in PRIVATE_SUBNETS]

    igw = ec2.create_internet_gateway(
        TagSpecifications=tag_spec("internet-gateway", "demo-app-igw"))["InternetGateway"]
    igw_id = igw["InternetGatewayId"]
    ec2.attach_internet_gateway(InternetGatewayId=igw_id, VpcId=vpc_id)
    ids["igw"] = igw_id

    pub_rt = ec2.create_route_table(
        VpcId=vpc_id, TagSpecifications=tag_spec("route-table", "demo-app-public-rt"))
    pub_rt_id = pub_rt["RouteTable"]["RouteTableId"]
    ec2.create_route(RouteTableId=pub_rt_id, DestinationCidrBlock="0.0.0.0/0", GatewayId=igw_id)
    for s in pub:
        ec2.associate_route_table(RouteTableId=pub_rt_id, SubnetId=s)

    # Demo setup: one EIP, one NAT gateway in public-subnet-1, one private RT.
    eip = ec2.allocate_address(Domain="vpc", TagSpecifications=tag_spec("elastic-ip", "demo-app-eip-1"))
    nat = ec2.create_nat_gateway(
        SubnetId=subnets["demo-app-public-subnet-1"], AllocationId=eip["AllocationId"],
        ConnectivityType="public",
        TagSpecifications=tag_spec("natgateway", "demo-app-nat-gateway-1"))["NatGateway"]
    ids["nat"] = nat["NatGatewayId"]
    timeline.append(nat["NatGatewayId"])
    priv_rt = ec2.create_route_table(
        VpcId=vpc_id, TagSpecifications=tag_spec("route-table", "demo-app-private-rt-1"))
    priv_rt_id = priv_rt["RouteTable"]["RouteTableId"]
    ec2.create_route(RouteTableId=priv_rt_id, DestinationCidrBlock="0.0.0.0/0",
                     NatGatewayId=nat["NatGatewayId"])
    for s in priv:
        ec2.associate_route_table(RouteTableId=priv_rt_id, SubnetId=s)
    ids["route_tables"] = {"public": pub_rt_id, "private": priv_rt_id}

    # ---------------- Part 2: RDS ----------------
    # "Create new security group" in the RDS wizard: the console names it as
    # typed and describes it "Created by RDS management console".  The 3306
    # rules are added in Parts 6 and 8.
    db_sg = ec2.create_security_group(
        GroupName="demo-app-db-sg", Description="Created by RDS management console",
        VpcId=vpc_id)["GroupId"]
    # "Create new DB subnet group": the console names it default-<vpc-id>.
    # (Brief: over the three private subnets.)
    dbsng = f"default-{vpc_id}"
    rds.create_db_subnet_group(
        DBSubnetGroupName=dbsng, DBSubnetGroupDescription="Created from the RDS Management Console",
        SubnetIds=priv)
    # Encryption decision: the current RDS console (incl. the Free tier
    # template) has "Enable encryption" ticked by default with the AWS managed
    # key aws/rds, and db.t3.micro supports it -> StorageEncrypted true.
    rds_key = kms.create_key(
        Description="Default key that protects my RDS database volumes when no other key is defined",
    )["KeyMetadata"]["Arn"]
    timeline += create_service_linked_roles(t, [BASE_SERVICE_LINKED_ROLES[3]])
    rds.create_db_instance(
        DBInstanceIdentifier=DB_ID, Engine="mysql", EngineVersion="8.0.42",
        DBInstanceClass="db.t3.micro", AllocatedStorage=20, MaxAllocatedStorage=1000,
        StorageType="gp2", MasterUsername="admin",
        MasterUserPassword="not-a-real-password-0",  # never written to the snapshot
        DBSubnetGroupName=dbsng, VpcSecurityGroupIds=[db_sg], PubliclyAccessible=False,
        MultiAZ=False, AvailabilityZone="us-east-1a", StorageEncrypted=True, KmsKeyId=rds_key,
        BackupRetentionPeriod=1, Port=3306, AutoMinorVersionUpgrade=True,
        CopyTagsToSnapshot=True, DeletionProtection=False,
        EnablePerformanceInsights=False,
    )
    ids["db"] = DB_ID
    timeline.append(DB_ID)

    # ---------------- Part 3: backend bucket ----------------
    s3.create_bucket(Bucket=BACKEND_BUCKET)
    timeline.append(BACKEND_BUCKET)
    # New buckets (since April 2023): BPA all on, ACLs disabled, SSE-S3.
    s3.put_public_access_block(Bucket=BACKEND_BUCKET, PublicAccessBlockConfiguration={
        "BlockPublicAcls": True, "IgnorePublicAcls": True,
        "BlockPublicPolicy": True, "RestrictPublicBuckets": True})
    s3.put_bucket_ownership_controls(Bucket=BACKEND_BUCKET, OwnershipControls={
        "Rules": [{"ObjectOwnership": "BucketOwnerEnforced"}]})
    s3.put_bucket_encryption(Bucket=BACKEND_BUCKET, ServerSideEncryptionConfiguration={
        "Rules": [{"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256"},
                   "BucketKeyEnabled": False}]})

    # ---------------- Part 4: SNS + S3 event notification ----------------
    topic_arn = sns.create_topic(Name=SNS_TOPIC)["TopicArn"]
    sns.set_topic_attributes(TopicArn=topic_arn, AttributeName="Policy", AttributeValue=json.dumps({
        "Version": "2012-10-17", "Id": "__default_policy_ID",
        "Statement": [{
            "Sid": "AllowS3ToPublish", "Effect": "Allow",
            "Principal": {"Service": "s3.amazonaws.com"}, "Action": "SNS:Publish",
            "Resource": f"arn:aws:sns:{region}:{acct}:{SNS_TOPIC}",
            "Condition": {"StringEquals": {"aws:SourceAccount": acct}},
        }],
    }))
    sns.subscribe(TopicArn=topic_arn, Protocol="email", Endpoint="your-email@example.com")
    s3.put_bucket_notification_configuration(
        Bucket=BACKEND_BUCKET,
        NotificationConfiguration={"TopicConfigurations": [{
            "Id": "demo-app-s3-object-upload-notification", "TopicArn": topic_arn,
            "Events": ["s3:ObjectCreated:*"]}]})
    ids["sns_topic"] = topic_arn

    # ---------------- Part 5: DynamoDB + Lambda ----------------
    t.client("dynamodb").create_table(
        TableName=DDB_TABLE,
        AttributeDefinitions=[{"AttributeName": "file_name", "AttributeType": "S"}],
        KeySchema=[{"AttributeName": "file_name", "KeyType": "HASH"}],
        ProvisionedThroughput={"ReadCapacityUnits": 5, "WriteCapacityUnits": 5})
    lrole = iam.create_role(RoleName=LAMBDA_ROLE, AssumeRolePolicyDocument=console_trust_policy(
        "lambda.amazonaws.com"))["Role"]
    for p in ("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess",
              "arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess",
              "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"):
        iam.attach_role_policy(RoleName=LAMBDA_ROLE, PolicyArn=p)
    timeline.append(LAMBDA_ROLE)
    lam = t.client("lambda")
    fn = lam.create_function(
        FunctionName=LAMBDA_FN, Runtime="python3.13", Role=lrole["Arn"],
        Handler="lambda_function.lambda_handler", Code={"ZipFile": _zip(LAMBDA_CODE)},
        Architectures=["x86_64"], Timeout=3, MemorySize=128, PackageType="Zip",
        Publish=False)
    lam.add_permission(FunctionName=LAMBDA_FN, StatementId="sns-invoke",
                       Action="lambda:InvokeFunction", Principal="sns.amazonaws.com",
                       SourceArn=topic_arn)
    sns.subscribe(TopicArn=topic_arn, Protocol="lambda", Endpoint=fn["FunctionArn"])
    timeline.append(LAMBDA_FN)

    # ---------------- Part 6: EC2 role, AMI builder, frontend bucket ----------------
    iam.create_role(RoleName=EC2_ROLE, AssumeRolePolicyDocument=console_trust_policy(
        "ec2.amazonaws.com"))
    for p in ("arn:aws:iam::aws:policy/AmazonS3FullAccess",
              "arn:aws:iam::aws:policy/AmazonDynamoDBReadOnlyAccess"):
        iam.attach_role_policy(RoleName=EC2_ROLE, PolicyArn=p)
    # The IAM console creates an instance profile of the same name for EC2 roles.
    prof = iam.create_instance_profile(InstanceProfileName=EC2_ROLE)["InstanceProfile"]
    iam.add_role_to_instance_profile(InstanceProfileName=EC2_ROLE, RoleName=EC2_ROLE)
    ids["instance_profile"] = prof["Arn"]
    timeline.append(EC2_ROLE)  # the role and its instance profile

    ec2.create_key_pair(KeyName=KEY_PAIR, KeyType="rsa", KeyFormat="pem")  # material discarded

    builder_sg = ec2.create_security_group(
        GroupName="demo-app-test-ami-builder-sg",
        Description="launch-wizard-1 created 2026-11-18T10:01:12.418Z", VpcId=vpc_id)["GroupId"]
    _sg_ingress(ec2, builder_sg, 22, cidr="0.0.0.0/0")
    _sg_ingress(ec2, builder_sg, 5000, cidr="0.0.0.0/0")
    # The Flask app on the builder must reach MySQL.
    _sg_ingress(ec2, db_sg, 3306, src_sg=builder_sg, account=acct)

    def launch(name: str, subnet: str, sgs: list[str], public_ip: bool,
               profile: str | None, extra_tags: dict[str, str] | None = None,
               image: str = UBUNTU_AMI, lt: dict | None = None) -> str:
        kw: dict[str, Any] = dict(
            ImageId=image, InstanceType="t2.micro", KeyName=KEY_PAIR, MinCount=1, MaxCount=1,
            NetworkInterfaces=[{"DeviceIndex": 0, "SubnetId": subnet,
                                "AssociatePublicIpAddress": public_ip, "Groups": sgs,
                                "DeleteOnTermination": True}],
            TagSpecifications=[{"ResourceType": "instance",
                                "Tags": tags(name, **(extra_tags or {}))}],
            MetadataOptions={"HttpTokens": "required", "HttpEndpoint": "enabled",
                             "HttpPutResponseHopLimit": 2},
            # fixed idempotency token (boto3 would make a random one)
            ClientToken=_token(name, subnet),
        )
        if profile:
            kw["IamInstanceProfile"] = {"Arn": profile}
        if lt:
            kw["LaunchTemplate"] = lt
        inst = ec2.run_instances(**kw)["Instances"][0]
        # moto leaves Instance.SecurityGroups empty when groups are given on the
        # ENI; AWS reports them on the instance too.
        ec2.modify_instance_attribute(InstanceId=inst["InstanceId"], Groups=sgs)
        timeline.append(inst["InstanceId"])
        return inst["InstanceId"]

    builder = launch("demo-app-test-ami-builder", subnets["demo-app-public-subnet-1"],
                     [builder_sg], True, prof["Arn"])
    ids["ami_builder"] = builder

    s3.create_bucket(Bucket=FRONTEND_BUCKET)
    timeline.append(FRONTEND_BUCKET)
    s3.put_bucket_ownership_controls(Bucket=FRONTEND_BUCKET, OwnershipControls={
        "Rules": [{"ObjectOwnership": "BucketOwnerEnforced"}]})
    s3.put_bucket_encryption(Bucket=FRONTEND_BUCKET, ServerSideEncryptionConfiguration={
        "Rules": [{"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256"},
                   "BucketKeyEnabled": False}]})
    # Student unticks "Block all public access".
    s3.put_public_access_block(Bucket=FRONTEND_BUCKET, PublicAccessBlockConfiguration={
        "BlockPublicAcls": False, "IgnorePublicAcls": False,
        "BlockPublicPolicy": False, "RestrictPublicBuckets": False})
    s3.put_bucket_website(Bucket=FRONTEND_BUCKET, WebsiteConfiguration={
        "IndexDocument": {"Suffix": "index.html"}})
    s3.put_bucket_policy(Bucket=FRONTEND_BUCKET, Policy=json.dumps({
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
                       "Resource": f"arn:aws:s3:::{FRONTEND_BUCKET}/*"}]}, indent=4))
    s3.put_object(Bucket=FRONTEND_BUCKET, Key="index.html", ContentType="text/html",
                  Body=b"<!doctype html><title>demo-app</title>")

    # ---------------- Part 7: AMI, launch template, ASG ----------------
    ami = ec2.create_image(InstanceId=builder, Name="demo-app-ami", NoReboot=True,
                           TagSpecifications=tag_spec("image", "demo-app-ami"))["ImageId"]
    asg_sg = ec2.create_security_group(
        GroupName="demo-app-lt-asg-sg", Description="Access from Bastion Host and LB",
        VpcId=vpc_id)["GroupId"]
    lt = ec2.create_launch_template(
        LaunchTemplateName="demo-app-launch-template",
        LaunchTemplateData={
            "ImageId": ami, "InstanceType": "t2.micro", "KeyName": KEY_PAIR,
            "SecurityGroupIds": [asg_sg], "IamInstanceProfile": {"Arn": prof["Arn"]},
            "UserData": base64.b64encode(USER_DATA.encode()).decode(),
        })["LaunchTemplate"]
    ids["launch_template"] = lt["LaunchTemplateId"]

    elbv2 = t.client("elbv2")
    timeline += create_service_linked_roles(t, [BASE_SERVICE_LINKED_ROLES[2], BASE_SERVICE_LINKED_ROLES[4]])
    tg_arn = elbv2.create_target_group(
        Name=TG_NAME, Protocol="HTTP", ProtocolVersion="HTTP1", Port=5000, VpcId=vpc_id,
        TargetType="instance", HealthCheckProtocol="HTTP", HealthCheckPath="/",
        HealthCheckPort="traffic-port", HealthCheckEnabled=True,
        HealthCheckIntervalSeconds=30, HealthCheckTimeoutSeconds=5,
        HealthyThresholdCount=5, UnhealthyThresholdCount=2, Matcher={"HttpCode": "200"},
        IpAddressType="ipv4", Tags=tags(TG_NAME))["TargetGroups"][0]["TargetGroupArn"]
    ids["target_group"] = tg_arn

    asg = t.client("autoscaling")
    lt_spec = {"LaunchTemplateId": lt["LaunchTemplateId"], "Version": "$Default"}
    # moto would launch every ASG instance in the first subnet and ignore the
    # template's instance profile, so create the group empty, launch the two
    # instances ourselves (one per private subnet, from the template, with the
    # profile) and attach them; attach also registers them in demo-app-tg:5000.
    asg.create_auto_scaling_group(
        AutoScalingGroupName=ASG_NAME, LaunchTemplate=lt_spec, MinSize=0, MaxSize=3,
        DesiredCapacity=0, VPCZoneIdentifier=",".join(priv), TargetGroupARNs=[tg_arn],
        HealthCheckType="EC2", HealthCheckGracePeriod=300,
        Tags=[{"ResourceId": ASG_NAME, "ResourceType": "auto-scaling-group", "Key": "Name",
               "Value": "app-demo-asg-instances", "PropagateAtLaunch": True}])
    asg_instances = []
    for sn in priv[:2]:
        asg_instances.append(launch(
            "app-demo-asg-instances", sn, [asg_sg], False, prof["Arn"],
            extra_tags={"aws:autoscaling:groupName": ASG_NAME,
                        "aws:ec2launchtemplate:id": lt["LaunchTemplateId"],
                        "aws:ec2launchtemplate:version": "1"},
            image=ami, lt=lt_spec))
    asg.attach_instances(AutoScalingGroupName=ASG_NAME, InstanceIds=asg_instances)
    asg.update_auto_scaling_group(AutoScalingGroupName=ASG_NAME, MinSize=1, MaxSize=3)
    asg.put_scaling_policy(
        AutoScalingGroupName=ASG_NAME, PolicyName="Target Tracking Policy",
        PolicyType="TargetTrackingScaling", EstimatedInstanceWarmup=300,
        TargetTrackingConfiguration={
            "PredefinedMetricSpecification": {"PredefinedMetricType": "ASGAverageCPUUtilization"},
            "TargetValue": 80.0})
    ids["asg_instances"] = asg_instances

    # ---------------- Part 8: ALB ----------------
    lb_sg = ec2.create_security_group(
        GroupName="demo-app-lb-sg", Description="demo-app-lb-sg for public access",
        VpcId=vpc_id)["GroupId"]
    _sg_ingress(ec2, lb_sg, 80, cidr="0.0.0.0/0")
    lb = elbv2.create_load_balancer(
        Name=ALB_NAME, Subnets=pub, SecurityGroups=[lb_sg], Scheme="internet-facing",
        Type="application", IpAddressType="ipv4")["LoadBalancers"][0]
    elbv2.create_listener(LoadBalancerArn=lb["LoadBalancerArn"], Protocol="HTTP", Port=80,
                          DefaultActions=[{"Type": "forward", "TargetGroupArn": tg_arn}])
    ids["alb"] = lb["LoadBalancerArn"]
    timeline.append(lb["LoadBalancerArn"])
    # "Steps to Fix": ASG SG gets 5000 from the LB SG, DB SG gets 3306 from the ASG SG.
    _sg_ingress(ec2, asg_sg, 5000, src_sg=lb_sg, account=acct)
    _sg_ingress(ec2, db_sg, 3306, src_sg=asg_sg, account=acct)

    # ---------------- Part 9/10: bastion ----------------
    bastion_sg = ec2.create_security_group(
        GroupName="demo-app-bastion-host-sg",
        Description="launch-wizard-2 created 2026-11-18T10:43:09.907Z", VpcId=vpc_id)["GroupId"]
    _sg_ingress(ec2, bastion_sg, 22, cidr="0.0.0.0/0")
    ids["bastion"] = launch("demo-app-bastion-host", subnets["demo-app-public-subnet-1"],
                            [bastion_sg], True, None)
    _sg_ingress(ec2, asg_sg, 22, src_sg=bastion_sg, account=acct)

    # What AWS shows that moto cannot produce (used by postprocess.py): the
    # seed's own ALB DNS name and RDS endpoint host.
    ids["facts"] = {
        "alb_dns_digits": {ALB_NAME: "1294615632"},
        "rds_endpoint_id": "c66qvyoujzwv",
        # "No preference" windows land in us-east-1's 03:00-11:00 UTC block
        # (moto picks any hour).
        "rds": {DB_ID: {"PreferredBackupWindow": "07:34-08:04",
                        "PreferredMaintenanceWindow": "sat:03:53-sat:04:23"}},
        "roles_in_use": [LAMBDA_ROLE, EC2_ROLE],
    }
    ids["security_groups"] = {"db": db_sg, "builder": builder_sg, "asg": asg_sg,
                              "lb": lb_sg, "bastion": bastion_sg}
    return ids


if __name__ == "__main__":  # pragma: no cover - manual use
    import sys
    print(json.dumps(build_workshop(sys.argv[1]), indent=2, default=str))
