#!/usr/bin/env python3
"""Extract the output shapes of the AWS API calls netaudit captures from botocore's models.

Writes Sources/AWSCapture/Resources/aws-shapes.json: per service its protocol, API version,
endpoint prefix and signing name, and per operation the output shape, the query-protocol
result wrapper and the paginator (input/output token, limit key). Shapes are reduced to what
the XML -> AWS CLI JSON converter needs: structure members (JSON name, XML name, attribute),
list member XML names and flattening, map keys/values, scalar types, and IAM's
``policyDocumentType`` (decoded into JSON like the CLI does).

Usage: scripts/capture/generate_shapes.py [OUT]
"""
import json
import os
import sys

import botocore
import botocore.loaders

OPERATIONS = {
    "sts": ["GetCallerIdentity", "AssumeRole"],
    "ec2": [
        "DescribeRegions", "DescribeVpcs", "DescribeSubnets", "DescribeRouteTables",
        "DescribeInternetGateways", "DescribeEgressOnlyInternetGateways", "DescribeNatGateways",
        "DescribeSecurityGroups", "DescribeNetworkAcls", "DescribeNetworkInterfaces", "DescribeInstances",
        "DescribeVpcPeeringConnections", "DescribeTransitGateways", "DescribeTransitGatewayAttachments",
        "DescribeTransitGatewayVpcAttachments", "DescribeTransitGatewayRouteTables",
        "SearchTransitGatewayRoutes", "DescribeVpcEndpoints", "DescribeManagedPrefixLists",
        "GetManagedPrefixListEntries", "DescribeAddresses",
        "GetTransitGatewayRouteTablePropagations", "GetTransitGatewayRouteTableAssociations",
        "DescribeVpnGateways", "DescribeCustomerGateways", "DescribeVpnConnections",
        "DescribeSnapshots", "DescribeSnapshotAttribute", "DescribeImages", "DescribeImageAttribute",
    ],
    "elbv2": [
        "DescribeLoadBalancers", "DescribeListeners", "DescribeTargetGroups", "DescribeTargetHealth",
        "DescribeLoadBalancerAttributes", "DescribeTargetGroupAttributes", "DescribeRules",
    ],
    "rds": [
        "DescribeDBInstances", "DescribeDBSubnetGroups", "DescribeDBClusters",
        "DescribeDBSnapshots", "DescribeDBSnapshotAttributes", "DescribeDBClusterSnapshots", "DescribeDBClusterSnapshotAttributes",
    ],
    "lambda": ["ListFunctions", "GetFunctionUrlConfig", "GetPolicy"],
    "sns": ["ListTopics", "GetTopicAttributes"],
    "sqs": ["ListQueues", "GetQueueAttributes"],
    "kms": ["ListKeys", "DescribeKey", "GetKeyPolicy", "ListGrants"],
    "secretsmanager": ["ListSecrets", "GetResourcePolicy"],
    "ecr": ["DescribeRepositories", "GetRepositoryPolicy"],
    "efs": ["DescribeFileSystems", "DescribeFileSystemPolicy"],
    "eks": ["ListClusters", "DescribeCluster", "ListNodegroups", "DescribeNodegroup"],
    "elasticache": ["DescribeCacheClusters", "DescribeReplicationGroups", "DescribeCacheSubnetGroups"],
    "opensearch": ["ListDomainNames", "DescribeDomains"],
    "iam": ["GetAccountAuthorizationDetails"],
    "s3": [
        "ListBuckets", "GetBucketLocation", "GetBucketPolicy", "GetBucketPolicyStatus", "GetBucketAcl",
        "GetPublicAccessBlock", "GetBucketOwnershipControls",
    ],
    "s3control": ["GetPublicAccessBlock"],
    "directconnect": ["DescribeDirectConnectGateways", "DescribeDirectConnectGatewayAssociations"],
    "organizations": ["ListAccounts"],
    "cloudformation": ["ListExports"],
    "ecs": [
        "ListClusters", "DescribeClusters", "ListServices", "DescribeServices", "ListTasks", "DescribeTasks",
        "ListContainerInstances", "DescribeContainerInstances", "DescribeTaskDefinition",
    ],
}


def compact_shape(name, shape):
    t = shape["type"]
    out = {"type": t}
    if t == "structure":
        members = []
        for mname, m in shape.get("members", {}).items():
            if m.get("location") in ("header", "headers", "statusCode", "querystring", "uri"):
                continue
            entry = {"name": mname, "shape": m["shape"]}
            if m.get("locationName") and m["locationName"] != mname:
                entry["xml"] = m["locationName"]
            if m.get("xmlAttribute"):
                entry["attribute"] = True
            members.append(entry)
        out["members"] = members
        if "payload" in shape:
            out["payload"] = shape["payload"]
    elif t == "list":
        out["member"] = shape["member"]["shape"]
        out["memberXml"] = shape["member"].get("locationName", "member")
        if shape.get("flattened"):
            out["flattened"] = True
    elif t == "map":
        out["key"] = shape["key"]["shape"]
        out["value"] = shape["value"]["shape"]
        out["keyXml"] = shape["key"].get("locationName", "key")
        out["valueXml"] = shape["value"].get("locationName", "value")
        if shape.get("flattened"):
            out["flattened"] = True
    if name == "policyDocumentType":
        out["policyDocument"] = True
    return out


def collect(model, root, seen):
    stack = [root]
    while stack:
        name = stack.pop()
        if name in seen:
            continue
        shape = model["shapes"][name]
        seen[name] = compact_shape(name, shape)
        t = shape["type"]
        if t == "structure":
            stack.extend(m["shape"] for m in shape.get("members", {}).values())
        elif t == "list":
            stack.append(shape["member"]["shape"])
        elif t == "map":
            stack += [shape["key"]["shape"], shape["value"]["shape"]]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out_path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        here, "..", "..", "Sources", "AWSCapture", "Resources", "aws-shapes.json")
    loader = botocore.loaders.Loader()
    services = {}
    for service, ops in OPERATIONS.items():
        model = loader.load_service_model(service, "service-2")
        try:
            paginators = loader.load_service_model(service, "paginators-1")["pagination"]
        except Exception:
            paginators = {}
        meta = model["metadata"]
        shapes = {}
        operations = {}
        for op in ops:
            o = model["operations"][op]
            entry = {"method": o["http"]["method"], "requestUri": o["http"]["requestUri"]}
            output = o.get("output")
            if output:
                entry["output"] = output["shape"]
                if "resultWrapper" in output:
                    entry["resultWrapper"] = output["resultWrapper"]
                collect(model, output["shape"], shapes)
            if op in paginators:
                p = paginators[op]
                pag = {"inputToken": p["input_token"], "outputToken": p["output_token"]}
                if "limit_key" in p:
                    pag["limitKey"] = p["limit_key"]
                if "result_key" in p:
                    pag["resultKey"] = p["result_key"] if isinstance(p["result_key"], list) else [p["result_key"]]
                if "more_results" in p:
                    pag["moreResults"] = p["more_results"]
                entry["paginator"] = pag
            if "endpoint" in o and "hostPrefix" in o["endpoint"]:
                entry["hostPrefix"] = o["endpoint"]["hostPrefix"]
            operations[op] = entry
        services[service] = {
            "protocol": meta["protocol"],
            "apiVersion": meta["apiVersion"],
            "endpointPrefix": meta["endpointPrefix"],
            "signingName": meta.get("signingName", meta["endpointPrefix"]),
            **({"targetPrefix": meta["targetPrefix"]} if "targetPrefix" in meta else {}),
            **({"jsonVersion": meta["jsonVersion"]} if "jsonVersion" in meta else {}),
            "operations": operations,
            "shapes": dict(sorted(shapes.items())),
        }
    doc = {"generatedBy": "scripts/capture/generate_shapes.py", "botocoreVersion": botocore.__version__,
           "services": services}
    with open(out_path, "w") as f:
        json.dump(doc, f, indent=1, sort_keys=False)
        f.write("\n")
    print(f"wrote {out_path}: {sum(len(s['shapes']) for s in services.values())} shapes, "
          f"{sum(len(s['operations']) for s in services.values())} operations")


if __name__ == "__main__":
    main()
