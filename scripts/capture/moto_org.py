"""An AWS organization on a moto server (127.0.0.1 only), for `moto_setup.py org URL N [auth] [REGIONS]`.

The caller's account (moto's default, 123456789012) creates the organization and N member accounts through
Organizations; moto's CreateAccount creates OrganizationAccountAccessRole in each (trusting the management account,
no policy). Every member but the last gets AWS managed ReadOnlyAccess on it; the last member's role is deleted. The first two members get a VPC
each in the first region, peered across the accounts (requested by member 1, accepted by member 2), and member 2 a VPC in
every further region. (moto rejects a security group rule naming another account's group: InvalidGroup.NotFound.)

moto lets AssumeRole into any ARN, existing or not, and assumed-role credentials of account X make calls land in
account X. With `auth` the server checks signatures and IAM policies from then on (moto.md: reset-auth), and the
management account's user `org-auditor` (ReadOnlyAccess) may assume exactly the roles that exist: AssumeRole of the
missing role is AccessDenied, as AWS answers a role that does not exist. The credentials are printed then.

Calls for a member account carry moto's `x-moto-account-id` header (setup only; the capture never sends it).
Prints {"management", "members", "missing", "vpcs": {account: vpc-id}, "peering", "credentials"?} as JSON.
"""
import json
import urllib.request

import boto3

ROLE = "OrganizationAccountAccessRole"
READ_ONLY = "arn:aws:iam::aws:policy/ReadOnlyAccess"


def _reset_auth(url, n):
    req = urllib.request.Request(url + "/moto-api/reset-auth", data=str(n).encode(), method="POST",
                                 headers={"Content-Type": "text/plain"})
    urllib.request.urlopen(req).read()


def _client(url, service, region, account=None):
    c = boto3.client(service, endpoint_url=url, region_name=region, aws_access_key_id="testing", aws_secret_access_key="testing")
    if account:
        c.meta.events.register("before-sign.*.*", lambda request, **_: request.headers.__setitem__("x-moto-account-id", account))
    return c


def org(url, n, auth=False, regions=("us-east-1",)):
    if auth:
        _reset_auth(url, 100000)
    region = regions[0]
    orgs = _client(url, "organizations", "us-east-1")
    orgs.create_organization(FeatureSet="ALL")
    management = _client(url, "sts", region).get_caller_identity()["Account"]
    members = []
    for i in range(n):
        status = orgs.create_account(Email=f"member{i}@example.com", AccountName=f"member-{i}")["CreateAccountStatus"]
        members.append(status["AccountId"])
    # moto's CreateAccount creates the role (trusting the management account, as AWS does) without policies.
    for account in members[:-1]:
        _client(url, "iam", region, account).attach_role_policy(RoleName=ROLE, PolicyArn=READ_ONLY)
    _client(url, "iam", region, members[-1]).delete_role(RoleName=ROLE)

    out = {"management": management, "members": members, "missing": members[-1], "vpcs": {}}
    if n >= 3:
        a, b = members[0], members[1]
        for k, account in enumerate((a, b)):
            ec2 = _client(url, "ec2", region, account)
            vpc = ec2.create_vpc(CidrBlock=f"10.{70 + k}.0.0/16")["Vpc"]["VpcId"]
            ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.{70 + k}.1.0/24")
            out["vpcs"][account] = vpc
        ec2a, ec2b = _client(url, "ec2", region, a), _client(url, "ec2", region, b)
        pcx = ec2a.create_vpc_peering_connection(VpcId=out["vpcs"][a], PeerVpcId=out["vpcs"][b], PeerOwnerId=b,
                                                 PeerRegion=region)["VpcPeeringConnection"]["VpcPeeringConnectionId"]
        ec2b.accept_vpc_peering_connection(VpcPeeringConnectionId=pcx)
        out["peering"] = pcx
        for r in regions[1:]:
            _client(url, "ec2", r, b).create_vpc(CidrBlock="10.72.0.0/16")

    if auth:
        iam = _client(url, "iam", region)
        iam.create_user(UserName="org-auditor")
        iam.attach_user_policy(UserName="org-auditor", PolicyArn=READ_ONLY)
        assume = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole",
                                                          "Resource": [f"arn:aws:iam::{m}:role/{ROLE}" for m in members[:-1]]}]}
        iam.put_user_policy(UserName="org-auditor", PolicyName="assume-member-roles", PolicyDocument=json.dumps(assume))
        key = iam.create_access_key(UserName="org-auditor")["AccessKey"]
        out["credentials"] = {"AccessKeyId": key["AccessKeyId"], "SecretAccessKey": key["SecretAccessKey"]}
        _reset_auth(url, 0)
    print(json.dumps(out))


def workloads(url, a, b, pcx, region="us-east-1"):
    """`moto_setup.py org-workloads URL A B PCX`: an instance in each of the two peered members' VPCs (moto_org's
    10.70/16 and 10.71/16), routes to each other over the peering and a group `app` letting the other VPC in on 5432.
    Prints {"instances": {account: id}} as JSON."""
    cidrs = {a: "10.70.0.0/16", b: "10.71.0.0/16"}
    out = {"instances": {}}
    for account, other in ((a, b), (b, a)):
        ec2 = _client(url, "ec2", region, account)
        vpc = _vpc(ec2, cidrs[account])
        subnet = ec2.describe_subnets(Filters=[{"Name": "vpc-id", "Values": [vpc]}])["Subnets"][0]["SubnetId"]
        table = ec2.describe_route_tables(Filters=[{"Name": "vpc-id", "Values": [vpc]}])["RouteTables"][0]["RouteTableId"]
        ec2.create_route(RouteTableId=table, DestinationCidrBlock=cidrs[other], VpcPeeringConnectionId=pcx)
        group = ec2.create_security_group(GroupName="app", Description="app", VpcId=vpc)["GroupId"]
        ec2.authorize_security_group_ingress(GroupId=group, IpPermissions=[
            {"IpProtocol": "tcp", "FromPort": 5432, "ToPort": 5432, "IpRanges": [{"CidrIp": cidrs[other]}]}])
        image = ec2.describe_images(Owners=["amazon"])["Images"][0]["ImageId"]
        out["instances"][account] = ec2.run_instances(ImageId=image, MinCount=1, MaxCount=1, InstanceType="t3.micro",
                                                      SubnetId=subnet, SecurityGroupIds=[group])["Instances"][0]["InstanceId"]
    print(json.dumps(out))


def expose(url, b, instance, region="us-east-1"):
    """`moto_setup.py org-expose URL B INSTANCE`: member B's instance (after org-workloads) open to SSH from the
    internet: 0.0.0.0/0 on port 22 in its group, an Elastic IP, an internet gateway and a default route to it."""
    ec2 = _client(url, "ec2", region, b)
    vpc = _vpc(ec2, "10.71.0.0/16")
    group = ec2.describe_security_groups(Filters=[{"Name": "vpc-id", "Values": [vpc]}, {"Name": "group-name", "Values": ["app"]}])["SecurityGroups"][0]["GroupId"]
    ec2.authorize_security_group_ingress(GroupId=group, IpPermissions=[
        {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}])
    igw = ec2.create_internet_gateway()["InternetGateway"]["InternetGatewayId"]
    ec2.attach_internet_gateway(InternetGatewayId=igw, VpcId=vpc)
    table = ec2.describe_route_tables(Filters=[{"Name": "vpc-id", "Values": [vpc]}])["RouteTables"][0]["RouteTableId"]
    ec2.create_route(RouteTableId=table, DestinationCidrBlock="0.0.0.0/0", GatewayId=igw)
    allocation = ec2.allocate_address(Domain="vpc")["AllocationId"]
    ec2.associate_address(AllocationId=allocation, InstanceId=instance)


def _vpc(ec2, cidr):
    return ec2.describe_vpcs(Filters=[{"Name": "cidr", "Values": [cidr]}])["Vpcs"][0]["VpcId"]
