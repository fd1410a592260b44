#!/usr/bin/env python3
"""Set up moto servers for the live-capture tests and benchmark (127.0.0.1 only).

  moto_setup.py workshop URL              build the workshop architecture (scripts/samples/workshop.py)
  moto_setup.py instances URL N           launch N t3.micro instances in one VPC (batched run_instances)
  moto_setup.py groups URL N              create N security groups (each referencing the previous one)
  moto_setup.py restricted-user URL [ACTION]
                                          on a server started with INITIAL_NO_AUTH_ACTION_COUNT=0: create a user
                                          allowed read-only calls but denied ACTION (ec2:DescribeNetworkAcls); prints
                                          {"AccessKeyId": ..., "SecretAccessKey": ...}
  moto_setup.py role URL                  create role auditor-role (ReadOnlyAccess) and print its ARN
  moto_setup.py tgw URL                   two VPCs on a transit gateway (default route table: both associated, VPC A
                                          propagating, a static and a blackhole route; a second table where VPC B's
                                          propagation was disabled) and an NLB with attributes; prints the IDs as JSON
  moto_setup.py vpn URL                   a VPC with an attached virtual private gateway, a customer gateway, one VPN
                                          connection on the gateway and one on a transit gateway (its vpn attachment)
  moto_setup.py listener-rules URL        an internet-facing ALB with ip target groups: HTTP:80 forwarding /api/* to the
                                          backend (rule 100), a weighted forward, a redirect and a fixed response,
                                          and HTTP:8080 answering with a fixed response; prints the IDs as JSON
  moto_setup.py services URL              managed services in one VPC: an EKS cluster (public endpoint open to 0.0.0.0/0)
                                          with a node group, an ElastiCache Redis cluster and subnet group, a VPC and a
                                          public OpenSearch domain (open access policy), an Aurora PostgreSQL cluster with
                                          two instances, a Lambda function in the VPC with a function URL (AuthType NONE);
                                          prints the IDs as JSON
  moto_setup.py ecs URL N                 an ECS Fargate cluster in a VPC with DNS hostnames: task definitions web (awsvpc,
                                          port 8000, task and execution roles, a literal DATABASE_URL) and worker, N services
                                          (every third behind an ALB ip target group, all but the last with an awsvpc
                                          configuration), one EC2 host registered as a container instance, and one RUNNING
                                          task started with RunTask (frozen in RUNNING through the state manager); prints
                                          the IDs as JSON
  moto_setup.py ecs-dump URL OUT          only the ECS calls of the dump below (scripts/samples/dump.py dump_ecs) into OUT
  moto_setup.py reset-auth URL N          on a server checking signatures: let the next N calls through unsigned
  moto_setup.py org URL N [auth] [REGIONS] an organization of N member accounts, the last without its role, two peered
                                          VPCs across accounts (scripts/capture/moto_org.py); prints the IDs as JSON
  moto_setup.py org-workloads URL A B PCX an instance in each peered VPC of members A and B, routed over PCX
  moto_setup.py org-expose URL B INSTANCE  B's instance open to SSH from the internet (scripts/capture/moto_org.py)
  moto_setup.py exports URL               a CloudFormation stack exporting shared-vpc-id and office-cidr
  moto_setup.py cli-dump URL OUT          dump the account with the AWS CLI into OUT in the import layout
                                          (scripts/samples/dump.py with ECS and listener rules, plus prefix-list entries, transit gateways with
                                          their routes, propagations and associations, LB and TG attributes, and the
                                          caller identity, and the resource policy and sharing calls of
                                          moto_resource_policies.dump_policies)
"""
import json
import os
import sys
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "samples"))

import boto3  # noqa: E402

REGION = "us-east-1"


def client(url, service, key="testing", secret="testing"):
    return boto3.client(service, endpoint_url=url, region_name=REGION,
                        aws_access_key_id=key, aws_secret_access_key=secret)


def exports(url):
    """A stack exporting a VPC ID and an office range, for Fn::ImportValue."""
    template = {"Resources": {"Vpc": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.9.0.0/16"}}},
                "Outputs": {"VpcId": {"Value": {"Ref": "Vpc"}, "Export": {"Name": "shared-vpc-id"}},
                            "Office": {"Value": "203.0.113.0/24", "Export": {"Name": "office-cidr"}}}}
    client(url, "cloudformation").create_stack(StackName="network", TemplateBody=json.dumps(template))
    print(json.dumps({"stack": "network"}))


def workshop(url):
    from workshop import build_workshop
    build_workshop(url)


def instances(url, n):
    ec2 = client(url, "ec2")
    vpc = ec2.create_vpc(CidrBlock="10.50.0.0/16")["Vpc"]["VpcId"]
    subnet = ec2.create_subnet(VpcId=vpc, CidrBlock="10.50.0.0/17")["Subnet"]["SubnetId"]
    left = n
    while left > 0:
        batch = min(left, 500)
        ec2.run_instances(ImageId="ami-12c6146b", InstanceType="t3.micro", MinCount=batch, MaxCount=batch, SubnetId=subnet)
        left -= batch


def groups(url, n):
    ec2 = client(url, "ec2")
    vpc = ec2.create_vpc(CidrBlock="10.60.0.0/16")["Vpc"]["VpcId"]
    previous = None
    for i in range(n):
        gid = ec2.create_security_group(GroupName=f"bench-sg-{i}", Description=f"bench {i}", VpcId=vpc)["GroupId"]
        perms = [{"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "IpRanges": [{"CidrIp": "10.0.0.0/8"}]}]
        if previous:
            perms.append({"IpProtocol": "tcp", "FromPort": 5432, "ToPort": 5432, "UserIdGroupPairs": [{"GroupId": previous}]})
        ec2.authorize_security_group_ingress(GroupId=gid, IpPermissions=perms)
        previous = gid


def reset_auth(url, n):
    """Let the next N calls through unsigned on a server checking signatures (shared/notes/moto.md)."""
    req = urllib.request.Request(url + "/moto-api/reset-auth", data=str(n).encode(), method="POST",
                                 headers={"Content-Type": "text/plain"})
    urllib.request.urlopen(req).read()


def restricted_user(url, denied="ec2:DescribeNetworkAcls"):
    reset_auth(url, 4)
    iam = client(url, "iam")
    iam.create_user(UserName="auditor")
    policy = {
        "Version": "2012-10-17",
        "Statement": [
            {"Effect": "Allow", "Action": ["ec2:Describe*", "ec2:Get*", "ec2:Search*", "elasticloadbalancing:Describe*",
                                           "rds:Describe*", "lambda:List*", "lambda:Get*", "elasticache:Describe*",
                                           "eks:Describe*", "eks:List*", "es:Describe*", "es:List*", "ecs:Describe*", "ecs:List*", "cloudformation:List*",
                                           "iam:Get*", "iam:List*", "s3:Get*", "s3:List*", "sts:GetCallerIdentity",
                                           "sns:List*", "sns:Get*", "sqs:List*", "sqs:Get*", "kms:List*", "kms:Describe*", "kms:Get*",
                                           "secretsmanager:List*", "secretsmanager:GetResourcePolicy", "ecr:Describe*",
                                           "ecr:GetRepositoryPolicy", "elasticfilesystem:Describe*"], "Resource": "*"},
            {"Effect": "Deny", "Action": denied, "Resource": "*"},
        ],
    }
    iam.put_user_policy(UserName="auditor", PolicyName="audit", PolicyDocument=json.dumps(policy))
    key = iam.create_access_key(UserName="auditor")["AccessKey"]
    print(json.dumps({"AccessKeyId": key["AccessKeyId"], "SecretAccessKey": key["SecretAccessKey"]}))


def role(url):
    iam = client(url, "iam")
    trust = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:root"},
                                                     "Action": "sts:AssumeRole"}]}
    arn = iam.create_role(RoleName="auditor-role", AssumeRolePolicyDocument=json.dumps(trust))["Role"]["Arn"]
    iam.attach_role_policy(RoleName="auditor-role", PolicyArn="arn:aws:iam::aws:policy/ReadOnlyAccess")
    print(arn)


def tgw(url):
    """Transit gateway routing and NLB attributes (moto records propagations but never installs their routes)."""
    ec2 = client(url, "ec2")
    vpc_a = ec2.create_vpc(CidrBlock="10.60.0.0/16")["Vpc"]["VpcId"]
    vpc_b = ec2.create_vpc(CidrBlock="10.61.0.0/16")["Vpc"]["VpcId"]
    sub_a = ec2.create_subnet(VpcId=vpc_a, CidrBlock="10.60.1.0/24", AvailabilityZone="us-east-1a")["Subnet"]["SubnetId"]
    sub_a2 = ec2.create_subnet(VpcId=vpc_a, CidrBlock="10.60.2.0/24", AvailabilityZone="us-east-1b")["Subnet"]["SubnetId"]
    sub_b = ec2.create_subnet(VpcId=vpc_b, CidrBlock="10.61.1.0/24", AvailabilityZone="us-east-1a")["Subnet"]["SubnetId"]
    # moto associates every attachment with the default table whatever the options say, and cannot
    # disassociate it: use the default table, and a second one that only receives a propagation.
    created = ec2.create_transit_gateway()["TransitGateway"]
    gw, table = created["TransitGatewayId"], created["Options"]["AssociationDefaultRouteTableId"]
    other = ec2.create_transit_gateway_route_table(TransitGatewayId=gw)["TransitGatewayRouteTable"]["TransitGatewayRouteTableId"]
    att_a = ec2.create_transit_gateway_vpc_attachment(TransitGatewayId=gw, VpcId=vpc_a, SubnetIds=[sub_a])[
        "TransitGatewayVpcAttachment"]["TransitGatewayAttachmentId"]
    att_b = ec2.create_transit_gateway_vpc_attachment(TransitGatewayId=gw, VpcId=vpc_b, SubnetIds=[sub_b])[
        "TransitGatewayVpcAttachment"]["TransitGatewayAttachmentId"]
    ec2.enable_transit_gateway_route_table_propagation(TransitGatewayRouteTableId=table, TransitGatewayAttachmentId=att_a)
    ec2.enable_transit_gateway_route_table_propagation(TransitGatewayRouteTableId=other, TransitGatewayAttachmentId=att_b)
    ec2.disable_transit_gateway_route_table_propagation(TransitGatewayRouteTableId=other, TransitGatewayAttachmentId=att_b)
    ec2.create_transit_gateway_route(TransitGatewayRouteTableId=table, DestinationCidrBlock="10.61.0.0/16",
                                     TransitGatewayAttachmentId=att_b)
    ec2.create_transit_gateway_route(TransitGatewayRouteTableId=table, DestinationCidrBlock="10.99.0.0/16", Blackhole=True)
    elb = client(url, "elbv2")
    lb = elb.create_load_balancer(Name="tgw-nlb", Type="network", Scheme="internal", Subnets=[sub_a, sub_a2])[
        "LoadBalancers"][0]["LoadBalancerArn"]
    elb.modify_load_balancer_attributes(LoadBalancerArn=lb, Attributes=[
        {"Key": "load_balancing.cross_zone.enabled", "Value": "true"}])
    tg = elb.create_target_group(Name="tgw-ip", Protocol="TCP", Port=443, VpcId=vpc_a, TargetType="ip")[
        "TargetGroups"][0]["TargetGroupArn"]
    elb.modify_target_group_attributes(TargetGroupArn=tg, Attributes=[
        {"Key": "preserve_client_ip.enabled", "Value": "true"}])
    print(json.dumps({"vpcA": vpc_a, "vpcB": vpc_b, "table": table, "otherTable": other,
                      "attachmentA": att_a, "attachmentB": att_b}))
def vpn(url):
    ec2 = client(url, "ec2")
    vpc = ec2.create_vpc(CidrBlock="10.60.0.0/16")["Vpc"]["VpcId"]
    vgw = ec2.create_vpn_gateway(Type="ipsec.1", AmazonSideAsn=65001)["VpnGateway"]["VpnGatewayId"]
    ec2.attach_vpn_gateway(VpcId=vpc, VpnGatewayId=vgw)
    cgw = ec2.create_customer_gateway(Type="ipsec.1", PublicIp="203.0.113.10", BgpAsn=65000,
                                      TagSpecifications=[{"ResourceType": "customer-gateway",
                                                          "Tags": [{"Key": "Name", "Value": "branch-office"}]}])
    cgw = cgw["CustomerGateway"]["CustomerGatewayId"]
    ec2.create_vpn_connection(Type="ipsec.1", CustomerGatewayId=cgw, VpnGatewayId=vgw)
    tgw = ec2.create_transit_gateway(Description="hub")["TransitGateway"]["TransitGatewayId"]
    ec2.create_vpn_connection(Type="ipsec.1", CustomerGatewayId=cgw, TransitGatewayId=tgw)
    print(json.dumps({"vpc": vpc, "vgw": vgw, "cgw": cgw, "tgw": tgw}))


def listener_rules(url):
    ec2 = client(url, "ec2")
    vpc = ec2.create_vpc(CidrBlock="10.70.0.0/16")["Vpc"]["VpcId"]
    sub_a = ec2.create_subnet(VpcId=vpc, CidrBlock="10.70.1.0/24", AvailabilityZone="us-east-1a")["Subnet"]["SubnetId"]
    sub_b = ec2.create_subnet(VpcId=vpc, CidrBlock="10.70.2.0/24", AvailabilityZone="us-east-1b")["Subnet"]["SubnetId"]
    sg = ec2.create_security_group(GroupName="rules-alb-sg", Description="alb", VpcId=vpc)["GroupId"]
    elb = client(url, "elbv2")
    lb = elb.create_load_balancer(Name="rules-alb", Subnets=[sub_a, sub_b], SecurityGroups=[sg], Scheme="internet-facing",
                                  Type="application")["LoadBalancers"][0]["LoadBalancerArn"]
    def tg(name, port):
        arn = elb.create_target_group(Name=name, Protocol="HTTP", Port=port, VpcId=vpc, TargetType="ip")["TargetGroups"][0]["TargetGroupArn"]
        elb.register_targets(TargetGroupArn=arn, Targets=[{"Id": f"10.70.1.{port % 250}", "Port": port}])
        return arn
    frontend, backend = tg("rules-frontend-tg", 3000), tg("rules-backend-tg", 8000)
    http = elb.create_listener(LoadBalancerArn=lb, Protocol="HTTP", Port=80,
                               DefaultActions=[{"Type": "forward", "TargetGroupArn": frontend}])["Listeners"][0]["ListenerArn"]
    elb.create_rule(ListenerArn=http, Priority=100, Conditions=[{"Field": "path-pattern", "Values": ["/api/*"]}],
                    Actions=[{"Type": "forward", "TargetGroupArn": backend}])
    elb.create_rule(ListenerArn=http, Priority=150, Conditions=[{"Field": "host-header", "HostHeaderConfig": {"Values": ["canary.example.com"]}}],
                    Actions=[{"Type": "forward", "ForwardConfig": {"TargetGroups": [
                        {"TargetGroupArn": frontend, "Weight": 100}, {"TargetGroupArn": backend, "Weight": 0}]}}])
    elb.create_rule(ListenerArn=http, Priority=300, Conditions=[{"Field": "path-pattern", "Values": ["/old/*"]}],
                    Actions=[{"Type": "redirect", "RedirectConfig": {"Protocol": "HTTPS", "Port": "443", "StatusCode": "HTTP_301"}}])
    elb.create_rule(ListenerArn=http, Priority=400, Conditions=[{"Field": "path-pattern", "Values": ["/health"]}],
                    Actions=[{"Type": "fixed-response", "FixedResponseConfig": {"StatusCode": "200", "ContentType": "text/plain"}}])
    other = elb.create_listener(LoadBalancerArn=lb, Protocol="HTTP", Port=8080, DefaultActions=[
        {"Type": "fixed-response", "FixedResponseConfig": {"StatusCode": "404", "ContentType": "text/plain"}}])["Listeners"][0]["ListenerArn"]
    print(json.dumps({"vpc": vpc, "loadBalancer": lb, "http": http, "other": other, "frontend": frontend, "backend": backend}))


def services(url):
    import io
    import zipfile
    ec2 = client(url, "ec2")
    vpc = ec2.create_vpc(CidrBlock="10.70.0.0/16")["Vpc"]["VpcId"]
    a = ec2.create_subnet(VpcId=vpc, CidrBlock="10.70.1.0/24", AvailabilityZone="us-east-1a")["Subnet"]["SubnetId"]
    b = ec2.create_subnet(VpcId=vpc, CidrBlock="10.70.2.0/24", AvailabilityZone="us-east-1b")["Subnet"]["SubnetId"]

    def group(name, port, source=None):
        gid = ec2.create_security_group(GroupName=name, Description=name, VpcId=vpc)["GroupId"]
        if port:
            peer = {"UserIdGroupPairs": [{"GroupId": source}]} if source else {"IpRanges": [{"CidrIp": "10.70.0.0/16"}]}
            ec2.authorize_security_group_ingress(GroupId=gid, IpPermissions=[{"IpProtocol": "tcp", "FromPort": port, "ToPort": port, **peer}])
        return gid
    app = group("svc-app", None)
    ec2.run_instances(ImageId="ami-12c6146b", InstanceType="t3.micro", MinCount=1, MaxCount=1, SubnetId=a, SecurityGroupIds=[app],
                      TagSpecifications=[{"ResourceType": "instance", "Tags": [{"Key": "Name", "Value": "svc-frontend"}]}])
    fn_sg = group("svc-fn", None)
    redis_sg = group("svc-redis", 6379, app)
    search_sg = group("svc-search", 443, fn_sg)
    eks_sg = group("svc-eks", 443, app)
    db_sg = group("svc-db", 5432, app)

    iam = client(url, "iam")
    trust = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]})
    role = iam.create_role(RoleName="svc-fn-role", AssumeRolePolicyDocument=trust)["Role"]["Arn"]

    eks = client(url, "eks")
    eks.create_cluster(name="shop", roleArn=role, resourcesVpcConfig={
        "subnetIds": [a, b], "securityGroupIds": [eks_sg], "endpointPublicAccess": True, "endpointPrivateAccess": True,
        "publicAccessCidrs": ["0.0.0.0/0"]})
    eks.create_nodegroup(clusterName="shop", nodegroupName="default", subnets=[a, b], nodeRole=role)

    cache = client(url, "elasticache")
    cache.create_cache_subnet_group(CacheSubnetGroupName="svc-data", CacheSubnetGroupDescription="data", SubnetIds=[a, b])
    cache.create_cache_cluster(CacheClusterId="carts", Engine="redis", CacheNodeType="cache.t3.micro", NumCacheNodes=1,
                               CacheSubnetGroupName="svc-data", SecurityGroupIds=[redis_sg])

    search = client(url, "opensearch")
    open_policy = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "es:*",
                                                                      "Resource": "arn:aws:es:us-east-1:123456789012:domain/logs/*"}]})
    search.create_domain(DomainName="logs", EngineVersion="OpenSearch_2.11", AccessPolicies=open_policy)
    search.create_domain(DomainName="catalog", EngineVersion="OpenSearch_2.11",
                         VPCOptions={"SubnetIds": [a], "SecurityGroupIds": [search_sg]})

    rds = client(url, "rds")
    rds.create_db_subnet_group(DBSubnetGroupName="svc-data", DBSubnetGroupDescription="data", SubnetIds=[a, b])
    rds.create_db_cluster(DBClusterIdentifier="ledger", Engine="aurora-postgresql", MasterUsername="ledger",
                          MasterUserPassword="not-a-secret-1", DBSubnetGroupName="svc-data", VpcSecurityGroupIds=[db_sg])
    for name in ("ledger-1", "ledger-2"):
        rds.create_db_instance(DBInstanceIdentifier=name, DBClusterIdentifier="ledger", Engine="aurora-postgresql",
                               DBInstanceClass="db.r6g.large", DBSubnetGroupName="svc-data")

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("handler.py", "def handler(event, context):\n    return {}\n")
    lam = client(url, "lambda")
    lam.create_function(FunctionName="hooks", Runtime="python3.12", Role=role, Handler="handler.handler",
                        Code={"ZipFile": buffer.getvalue()}, VpcConfig={"SubnetIds": [a, b], "SecurityGroupIds": [fn_sg]})
    lam.create_function_url_config(FunctionName="hooks", AuthType="NONE")
    print(json.dumps({"vpc": vpc, "subnets": [a, b], "app": app, "fn": fn_sg, "redis": redis_sg, "search": search_sg,
                      "eks": eks_sg, "db": db_sg}))


def ecs(url, n):
    """ECS on moto: services start no tasks and RunTask's task advances past RUNNING on every DescribeTasks unless the
    state manager holds it (shared/notes/moto.md); RunTask needs a VPC with DNS hostnames."""
    ec2 = client(url, "ec2")
    vpc = ec2.create_vpc(CidrBlock="10.80.0.0/16")["Vpc"]["VpcId"]
    ec2.modify_vpc_attribute(VpcId=vpc, EnableDnsSupport={"Value": True})
    ec2.modify_vpc_attribute(VpcId=vpc, EnableDnsHostnames={"Value": True})
    a = ec2.create_subnet(VpcId=vpc, CidrBlock="10.80.1.0/24", AvailabilityZone="us-east-1a")["Subnet"]["SubnetId"]
    b = ec2.create_subnet(VpcId=vpc, CidrBlock="10.80.2.0/24", AvailabilityZone="us-east-1b")["Subnet"]["SubnetId"]
    alb_sg = ec2.create_security_group(GroupName="ecs-alb", Description="alb", VpcId=vpc)["GroupId"]
    task_sg = ec2.create_security_group(GroupName="ecs-tasks", Description="tasks", VpcId=vpc)["GroupId"]
    ec2.authorize_security_group_ingress(GroupId=task_sg, IpPermissions=[
        {"IpProtocol": "tcp", "FromPort": 8000, "ToPort": 8000, "UserIdGroupPairs": [{"GroupId": alb_sg}]}])

    iam = client(url, "iam")
    trust = json.dumps({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Principal": {"Service": "ecs-tasks.amazonaws.com"}, "Action": "sts:AssumeRole"}]})
    task_role = iam.create_role(RoleName="ecs-web-task-role", AssumeRolePolicyDocument=trust)["Role"]["Arn"]
    exec_role = iam.create_role(RoleName="ecs-execution-role", AssumeRolePolicyDocument=trust)["Role"]["Arn"]

    elb = client(url, "elbv2")
    lb = elb.create_load_balancer(Name="ecs-alb", Subnets=[a, b], SecurityGroups=[alb_sg], Scheme="internet-facing",
                                  Type="application")["LoadBalancers"][0]["LoadBalancerArn"]
    tg = elb.create_target_group(Name="ecs-web-tg", Protocol="HTTP", Port=8000, VpcId=vpc, TargetType="ip")[
        "TargetGroups"][0]["TargetGroupArn"]
    elb.create_listener(LoadBalancerArn=lb, Protocol="HTTP", Port=80, DefaultActions=[{"Type": "forward", "TargetGroupArn": tg}])

    ecs_client = client(url, "ecs")
    cluster = ecs_client.create_cluster(clusterName="ecs-cap", tags=[{"key": "team", "value": "shop"}])["cluster"]["clusterArn"]
    # One EC2 host registered to the cluster (RegisterContainerInstance takes the instance identity document).
    host = ec2.run_instances(ImageId="ami-12c6146b", InstanceType="t3.small", MinCount=1, MaxCount=1, SubnetId=a)[
        "Instances"][0]["InstanceId"]
    container_instance = ecs_client.register_container_instance(
        cluster=cluster, instanceIdentityDocument=json.dumps({"instanceId": host, "region": REGION}))[
        "containerInstance"]["containerInstanceArn"]
    logs = {"logDriver": "awslogs", "options": {"awslogs-group": "/ecs/web", "awslogs-region": REGION, "awslogs-stream-prefix": "web"}}
    web = ecs_client.register_task_definition(
        family="ecs-web", networkMode="awsvpc", requiresCompatibilities=["FARGATE"], cpu="256", memory="512",
        taskRoleArn=task_role, executionRoleArn=exec_role, tags=[{"key": "app", "value": "web"}],
        containerDefinitions=[{"name": "web", "image": "public.ecr.aws/docker/library/python:3.12", "memory": 512, "essential": True,
                               "portMappings": [{"containerPort": 8000, "hostPort": 8000, "protocol": "tcp"}],
                               "environment": [{"name": "DATABASE_URL",
                                                "value": "postgresql://app:ecs-capture-not-a-password@db.internal:5432/app"},
                                               {"name": "LOG_LEVEL", "value": "info"}],
                               "logConfiguration": logs}])["taskDefinition"]["taskDefinitionArn"]
    worker = ecs_client.register_task_definition(
        family="ecs-worker", networkMode="awsvpc", requiresCompatibilities=["FARGATE"], cpu="256", memory="512",
        executionRoleArn=exec_role,
        containerDefinitions=[{"name": "worker", "image": "public.ecr.aws/docker/library/python:3.12", "memory": 512,
                               "essential": True}])["taskDefinition"]["taskDefinitionArn"]
    network = {"awsvpcConfiguration": {"subnets": [a, b], "securityGroups": [task_sg], "assignPublicIp": "DISABLED"}}
    services = []
    for i in range(1, n + 1):
        name = f"ecs-svc-{i:02d}"
        extra = {}
        if i < n:
            extra["networkConfiguration"] = network
        if i % 3 == 1:
            extra["loadBalancers"] = [{"targetGroupArn": tg, "containerName": "web", "containerPort": 8000}]
        ecs_client.create_service(cluster=cluster, serviceName=name, taskDefinition=web if i % 2 else worker, desiredCount=1,
                                  launchType="FARGATE", tags=[{"key": "index", "value": str(i)}], **extra)
        services.append(name)

    # Hold tasks in RUNNING: "manual" progression moves a task on only after this many DescribeTasks calls.
    req = urllib.request.Request(url + "/moto-api/state-manager/set-transition", method="POST",
                                 data=json.dumps({"model_name": "ecs::task",
                                                  "transition": {"progression": "manual", "times": 1000000}}).encode(),
                                 headers={"Content-Type": "application/json"})
    urllib.request.urlopen(req).read()
    task = ecs_client.run_task(cluster=cluster, taskDefinition=web, launchType="FARGATE", group=f"service:{services[0]}",
                               networkConfiguration={"awsvpcConfiguration": {"subnets": [a], "securityGroups": [task_sg],
                                                                             "assignPublicIp": "ENABLED"}},
                               tags=[{"key": "started", "value": "run-task"}])["tasks"][0]["taskArn"]
    print(json.dumps({"vpc": vpc, "subnets": [a, b], "taskGroup": task_sg, "albGroup": alb_sg, "targetGroup": tg,
                      "cluster": cluster, "web": web, "worker": worker, "taskRole": task_role, "executionRole": exec_role,
                      "services": services, "task": task, "host": host, "containerInstance": container_instance}))


def ecs_dump(url, out):
    from dump import ACCOUNT_ID, Cli, dump_ecs, write_files
    files = {}
    dump_ecs(Cli(url), f"{ACCOUNT_ID}/{REGION}", files)
    write_files(files, out)


def cli_dump(url, out):
    from dump import ACCOUNT_ID, Cli, dump_account, write_files
    files = dump_account(url, frozenset({"elbv2-rules", "ecs"}))
    cli = Cli(url)
    reg = f"{ACCOUNT_ID}/{REGION}"
    lists = files.get(f"{reg}/ec2-describe-managed-prefix-lists.json", {}).get("PrefixLists", [])
    for pl in lists:
        files[f"{reg}/ec2-get-managed-prefix-list-entries/{pl['PrefixListId']}.json"] = cli(
            "ec2", "get-managed-prefix-list-entries", "--prefix-list-id", pl["PrefixListId"])
    for stem in ("transit-gateways", "transit-gateway-attachments", "transit-gateway-vpc-attachments",
                 "transit-gateway-route-tables"):
        files[f"{reg}/ec2-describe-{stem}.json"] = cli("ec2", f"describe-{stem}")
    for t in files[f"{reg}/ec2-describe-transit-gateway-route-tables.json"]["TransitGatewayRouteTables"]:
        table = t["TransitGatewayRouteTableId"]
        files[f"{reg}/ec2-search-transit-gateway-routes/{table}.json"] = cli(
            "ec2", "search-transit-gateway-routes", "--transit-gateway-route-table-id", table,
            "--filters", "Name=state,Values=active,blackhole")
        for call in ("get-transit-gateway-route-table-propagations", "get-transit-gateway-route-table-associations"):
            files[f"{reg}/ec2-{call}/{table}.json"] = cli("ec2", call, "--transit-gateway-route-table-id", table)
    for lb in files[f"{reg}/elbv2-describe-load-balancers.json"]["LoadBalancers"]:
        files[f"{reg}/elbv2-describe-load-balancer-attributes/{lb['LoadBalancerName']}.json"] = cli(
            "elbv2", "describe-load-balancer-attributes", "--load-balancer-arn", lb["LoadBalancerArn"])
    for tg in files[f"{reg}/elbv2-describe-target-groups.json"]["TargetGroups"]:
        files[f"{reg}/elbv2-describe-target-group-attributes/{tg['TargetGroupName']}.json"] = cli(
            "elbv2", "describe-target-group-attributes", "--target-group-arn", tg["TargetGroupArn"])
    for call in ("describe-vpn-gateways", "describe-customer-gateways", "describe-vpn-connections",
                 "describe-transit-gateways", "describe-transit-gateway-attachments"):
        files[f"{reg}/ec2-{call}.json"] = cli("ec2", call)
    files[f"{ACCOUNT_ID}/sts-get-caller-identity.json"] = cli("sts", "get-caller-identity")
    from moto_resource_policies import dump_policies
    dump_policies(cli, files, reg, ACCOUNT_ID)
    write_files(files, out)


def main():
    cmd, url = sys.argv[1], sys.argv[2].rstrip("/")
    if cmd == "workshop":
        workshop(url)
    elif cmd == "instances":
        instances(url, int(sys.argv[3]))
    elif cmd == "groups":
        groups(url, int(sys.argv[3]))
    elif cmd == "restricted-user":
        restricted_user(url, *sys.argv[3:4])
    elif cmd == "role":
        role(url)
    elif cmd == "tgw":
        tgw(url)
    elif cmd == "vpn":
        vpn(url)
    elif cmd == "listener-rules":
        listener_rules(url)
    elif cmd == "services":
        services(url)
    elif cmd == "ecs":
        ecs(url, int(sys.argv[3]))
    elif cmd == "reset-auth":
        reset_auth(url, int(sys.argv[3]))
    elif cmd == "ecs-dump":
        ecs_dump(url, sys.argv[3])
    elif cmd == "exports":
        exports(url)
    elif cmd == "cli-dump":
        cli_dump(url, sys.argv[3])
    elif cmd == "org":
        from moto_org import org
        org(url, int(sys.argv[3]), auth="auth" in sys.argv[4:],
            regions=next((a.split(",") for a in sys.argv[4:] if a != "auth"), ["us-east-1"]))
    elif cmd == "org-workloads":
        from moto_org import workloads
        workloads(url, sys.argv[3], sys.argv[4], sys.argv[5])
    elif cmd == "org-expose":
        from moto_org import expose
        expose(url, sys.argv[3], sys.argv[4])
    else:
        sys.exit(f"unknown command {cmd}")


if __name__ == "__main__":
    main()
