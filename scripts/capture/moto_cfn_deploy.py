#!/usr/bin/env python3
"""Deploy a CloudFormation template into a moto server (CreateStack), for the pre-/post-deploy cross-check.

  moto_cfn_deploy.py URL TEMPLATE [Key=Value ...]

moto 5.2.1 cannot deploy every template as CloudFormation would, so the deploy goes through ONE documented
post-processing step, `moto_fixes` below, and nothing else is changed by hand:

  before CreateStack (the template text moto is given):
    1. `!GetAtt PostgreSQLDB.Endpoint.Address` (any `<DB>.Endpoint.Address`) is rejected by moto ("Fn::GetAtt
       unsupported"); it is replaced by the literal `moto-unsupported-endpoint-address`. The value only builds the
       DATABASE_URL environment variable: no network answer depends on it (the password in it does, and stays).
  after CreateStack (real API calls that restore what CloudFormation does and moto's emulation drops,
  shared/notes/moto.md "CloudFormation"):
    2. subnets' `MapPublicIpOnLaunch: true` is dropped by moto: set again with ModifySubnetAttribute;
    3. `AWS::EC2::SubnetRouteTableAssociation` resources are dropped: associated again with AssociateRouteTable;
    4. an `AWS::ECS::Service`'s NetworkConfiguration and LoadBalancers are dropped (DescribeServices answers
       `networkConfiguration: {}`, no load balancers): set again from the template with UpdateService. Its
       LaunchType (moto reports EC2) cannot be changed by UpdateService and stays as moto has it.
    5. an `AWS::RDS::DBInstance` gets its VPC's default security group instead of its `VPCSecurityGroups`, and
       port 3306 whatever the engine (AWS: 5432 for postgres, "AWS::RDS::DBInstance" Port): both set again with
       ModifyDBInstance (moto applies the groups and ignores the port: no answer compared depends on the
       instance's own port, its security group decides tcp/5432).
  moto's other gaps are left as they are and the comparisons that depend on them are excluded by the test that
  drives this script (`IaCCrossCheckTests`): ECS services start no tasks (both sides place the service by its
  awsvpc configuration), the ALB and RDS have no network interfaces (both sides place them by subnets and groups).

Prints {"stack": ..., "fixes": [...], "resources": {logical id: physical id}} as JSON.
"""
import json
import re
import sys

import boto3

REGION = "us-east-1"


def client(url, service):
    return boto3.client(service, endpoint_url=url, region_name=REGION,
                        aws_access_key_id="testing", aws_secret_access_key="testing")


def moto_variant(text):
    """Step 1: the template moto is given (the endpoint attribute it cannot evaluate replaced by a literal)."""
    variant, count = re.subn(r"!GetAtt\s+(\w+)\.Endpoint\.Address", "moto-unsupported-endpoint-address", text)
    return variant, count


def template_resources(text):
    """The template's resources with their properties, short tags read as plain values (`!Ref X` → {"Ref": "X"})."""
    class Loader(yaml.SafeLoader):
        pass

    def tag(loader, suffix, node):
        name = "Ref" if suffix == "Ref" else f"Fn::{suffix}"
        if isinstance(node, yaml.ScalarNode):
            value = loader.construct_scalar(node)
            if suffix == "GetAtt":
                value = value.split(".", 1)
        elif isinstance(node, yaml.SequenceNode):
            value = loader.construct_sequence(node, deep=True)
        else:
            value = loader.construct_mapping(node, deep=True)
        return {name: value}

    Loader.add_multi_constructor("!", tag)
    return yaml.load(text, Loader=Loader).get("Resources", {})


def moto_fixes(url, text, physical):
    """Steps 2-4: restore the subnet attributes and route table associations moto's CloudFormation drops."""
    ec2 = client(url, "ec2")
    resources = template_resources(text)
    fixes = []

    def ref(value):
        return physical.get(value["Ref"]) if isinstance(value, dict) and "Ref" in value else None

    for logical, r in resources.items():
        props = r.get("Properties", {})
        if r.get("Type") == "AWS::EC2::Subnet" and props.get("MapPublicIpOnLaunch") is True:
            subnet = physical[logical]
            state = ec2.describe_subnets(SubnetIds=[subnet])["Subnets"][0]
            if not state.get("MapPublicIpOnLaunch"):
                ec2.modify_subnet_attribute(SubnetId=subnet, MapPublicIpOnLaunch={"Value": True})
                fixes.append(f"MapPublicIpOnLaunch set on {logical}")
        if r.get("Type") == "AWS::EC2::SubnetRouteTableAssociation":
            subnet, table = ref(props.get("SubnetId")), ref(props.get("RouteTableId"))
            if not subnet or not table:
                continue
            tables = ec2.describe_route_tables(Filters=[{"Name": "association.subnet-id", "Values": [subnet]}])["RouteTables"]
            if not any(t["RouteTableId"] == table for t in tables):
                ec2.associate_route_table(SubnetId=subnet, RouteTableId=table)
                fixes.append(f"{logical}: {props['SubnetId']['Ref']} associated with {props['RouteTableId']['Ref']}")
        if r.get("Type") == "AWS::ECS::Service":
            fixes += service_fix(url, logical, props, physical, ref)
        if r.get("Type") == "AWS::RDS::DBInstance":
            fixes += database_fix(url, logical, props, physical, ref)
    return fixes


ENGINE_PORTS = {"postgres": 5432, "mysql": 3306, "mariadb": 3306, "oracle-ee": 1521, "sqlserver-ex": 1433}


def database_fix(url, logical, props, physical, ref):
    """Step 5: the instance's security groups and its engine's port, as the template gives them."""
    rds = client(url, "rds")
    db = rds.describe_db_instances(DBInstanceIdentifier=physical[logical])["DBInstances"][0]
    update, fixes = {}, []
    groups = [ref(g) for g in props.get("VPCSecurityGroups", [])]
    if groups and sorted(g["VpcSecurityGroupId"] for g in db.get("VpcSecurityGroups", [])) != sorted(groups):
        update["VpcSecurityGroupIds"] = groups
        fixes.append(f"{logical}: VPCSecurityGroups set again")
    port = int(props.get("Port", ENGINE_PORTS.get(props.get("Engine"), 0)) or 0)
    if port and db.get("Endpoint", {}).get("Port") != port:
        update["DBPortNumber"] = port
        fixes.append(f"{logical}: port {port} set again (moto: {db.get('Endpoint', {}).get('Port')})")
    if update:
        rds.modify_db_instance(DBInstanceIdentifier=physical[logical], ApplyImmediately=True, **update)
    return fixes


def service_fix(url, logical, props, physical, ref):
    """Step 4: the service's awsvpc configuration and load balancers, as the template gives them."""
    ecs = client(url, "ecs")
    cluster = ref(props.get("Cluster")) or "default"
    service = ecs.describe_services(cluster=cluster, services=[physical[logical]])["services"][0]
    update = {}
    vpc = props.get("NetworkConfiguration", {}).get("AwsvpcConfiguration")
    if vpc and not service.get("networkConfiguration"):
        update["networkConfiguration"] = {"awsvpcConfiguration": {
            "subnets": [ref(s) for s in vpc.get("Subnets", [])], "securityGroups": [ref(g) for g in vpc.get("SecurityGroups", [])],
            "assignPublicIp": vpc.get("AssignPublicIp", "DISABLED")}}
    balancers = props.get("LoadBalancers", [])
    if balancers and not service.get("loadBalancers"):
        update["loadBalancers"] = [{"targetGroupArn": ref(b["TargetGroupArn"]), "containerName": b["ContainerName"],
                                    "containerPort": b["ContainerPort"]} for b in balancers]
    if not update:
        return []
    ecs.update_service(cluster=cluster, service=service["serviceName"], **update)
    return [f"{logical}: {' and '.join(sorted(update))} set again"]


def deploy(url, path, parameters):
    with open(path) as f:
        text = f.read()
    variant, replaced = moto_variant(text)
    cfn = client(url, "cloudformation")
    cfn.create_stack(StackName="todo-app", TemplateBody=variant,
                     Parameters=[{"ParameterKey": k, "ParameterValue": v} for k, v in parameters.items()],
                     Capabilities=["CAPABILITY_IAM", "CAPABILITY_NAMED_IAM"])
    stack = cfn.describe_stacks(StackName="todo-app")["Stacks"][0]
    if stack["StackStatus"] != "CREATE_COMPLETE":
        sys.exit(f"stack todo-app: {stack['StackStatus']} {stack.get('StackStatusReason', '')}")
    physical = {r["LogicalResourceId"]: r["PhysicalResourceId"]
                for r in cfn.list_stack_resources(StackName="todo-app")["StackResourceSummaries"]}
    fixes = [f"{replaced} Endpoint.Address attribute(s) replaced by a literal"] if replaced else []
    fixes += moto_fixes(url, text, physical)
    print(json.dumps({"stack": "todo-app", "fixes": fixes, "resources": physical}, sort_keys=True))


import yaml  # noqa: E402  (PyYAML ships with the AWS CLI / cfn-lint setup)

if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    deploy(sys.argv[1].rstrip("/"), sys.argv[2], dict(a.split("=", 1) for a in sys.argv[3:]))
