#!/usr/bin/env python3
"""Build resources with policies and shared snapshots on a moto server (127.0.0.1 only), for the capture tests.

  moto_resource_policies.py URL    an SNS topic anyone may publish to, an SQS queue anyone may send to, a customer
                                   managed KMS key shared with account 444455556666 and granted to a role of
                                   777788889999, a Lambda function anyone may invoke, a secret shared within an
                                   organization, an ECR repository anyone may pull from, an EFS file system with a
                                   policy, a public RDS snapshot, an EBS snapshot shared with 444455556666 and a
                                   public AMI; prints the IDs as JSON
"""
import io
import json
import sys
import zipfile

import boto3

REGION = "us-east-1"
ACCOUNT = "123456789012"
PARTNER = "444455556666"


def client(url, service):
    return boto3.client(service, endpoint_url=url, region_name=REGION, aws_access_key_id="testing", aws_secret_access_key="testing")


def policy(*statements):
    return json.dumps({"Version": "2012-10-17", "Statement": list(statements)})


def build(url):
    ids = {}
    sns = client(url, "sns")
    topic = sns.create_topic(Name="alerts")["TopicArn"]
    sns.set_topic_attributes(TopicArn=topic, AttributeName="Policy", AttributeValue=policy(
        {"Sid": "Open", "Effect": "Allow", "Principal": "*", "Action": "sns:Publish", "Resource": topic}))
    ids["topic"] = topic

    sqs = client(url, "sqs")
    queue = sqs.create_queue(QueueName="orders")["QueueUrl"]
    sqs.set_queue_attributes(QueueUrl=queue, Attributes={"Policy": policy(
        {"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sqs:SendMessage", "Resource": f"arn:aws:sqs:{REGION}:{ACCOUNT}:orders"})})
    sqs.create_queue(QueueName="plain")
    ids["queue"] = queue

    kms = client(url, "kms")
    key = kms.create_key(Policy=policy(
        {"Sid": "Root", "Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{ACCOUNT}:root"}, "Action": "kms:*", "Resource": "*"},
        {"Sid": "Partner", "Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{PARTNER}:root"}, "Action": ["kms:Decrypt"], "Resource": "*"}))["KeyMetadata"]["KeyId"]
    kms.create_grant(KeyId=key, GranteePrincipal="arn:aws:iam::777788889999:role/reader", Operations=["Decrypt"])
    ids["key"] = key

    iam = client(url, "iam")
    trust = policy({"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"})
    role = iam.create_role(RoleName="hook-role", AssumeRolePolicyDocument=trust)["Role"]["Arn"]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("handler.py", "def handler(event, context):\n    return {}\n")
    lam = client(url, "lambda")
    lam.create_function(FunctionName="hook", Runtime="python3.12", Role=role, Handler="handler.handler", Code={"ZipFile": buffer.getvalue()})
    lam.add_permission(FunctionName="hook", StatementId="anyone", Action="lambda:InvokeFunction", Principal="*")
    lam.create_function(FunctionName="quiet", Runtime="python3.12", Role=role, Handler="handler.handler", Code={"ZipFile": buffer.getvalue()})

    secrets = client(url, "secretsmanager")
    secret = secrets.create_secret(Name="db", SecretString="not-a-secret")["ARN"]
    secrets.put_resource_policy(SecretId=secret, ResourcePolicy=policy(
        {"Effect": "Allow", "Principal": "*", "Action": "secretsmanager:GetSecretValue", "Resource": "*",
         "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}}))
    secrets.create_secret(Name="plain", SecretString="not-a-secret")

    ecr = client(url, "ecr")
    ecr.create_repository(repositoryName="web")
    ecr.set_repository_policy(repositoryName="web", policyText=policy(
        {"Sid": "pull", "Effect": "Allow", "Principal": "*", "Action": ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]}))
    ecr.create_repository(repositoryName="private")

    efs = client(url, "efs")
    fs = efs.create_file_system(CreationToken="shared")["FileSystemId"]
    efs.put_file_system_policy(FileSystemId=fs, Policy=policy(
        {"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": ["elasticfilesystem:ClientMount"], "Resource": "*",
         "Condition": {"Bool": {"elasticfilesystem:AccessedViaMountTarget": "true"}}}))
    ids["fs"] = fs

    rds = client(url, "rds")
    rds.create_db_instance(DBInstanceIdentifier="ledger", Engine="postgres", DBInstanceClass="db.t3.micro",
                           MasterUsername="ledger", MasterUserPassword="not-a-secret-1", AllocatedStorage=20)
    rds.create_db_snapshot(DBInstanceIdentifier="ledger", DBSnapshotIdentifier="nightly")
    rds.modify_db_snapshot_attribute(DBSnapshotIdentifier="nightly", AttributeName="restore", ValuesToAdd=["all"])

    ec2 = client(url, "ec2")
    volume = ec2.create_volume(AvailabilityZone="us-east-1a", Size=8)["VolumeId"]
    snapshot = ec2.create_snapshot(VolumeId=volume)["SnapshotId"]
    ec2.modify_snapshot_attribute(SnapshotId=snapshot, Attribute="createVolumePermission", OperationType="add", UserIds=[PARTNER])
    ids["snapshot"] = snapshot
    instance = ec2.run_instances(ImageId="ami-12c6146b", InstanceType="t3.micro", MinCount=1, MaxCount=1)["Instances"][0]["InstanceId"]
    image = ec2.create_image(InstanceId=instance, Name="golden")["ImageId"]
    ec2.modify_image_attribute(ImageId=image, LaunchPermission={"Add": [{"Group": "all"}]})
    ids["image"] = image
    print(json.dumps(ids))


if __name__ == "__main__":
    build(sys.argv[1].rstrip("/"))


NO_POLICY = ("ResourceNotFoundException", "RepositoryPolicyNotFoundException", "PolicyNotFound", "NotFoundException")


def dump_policies(cli, files, reg, account):
    """Add the resource policy and sharing calls the live capture makes to a CLI dump (`files`, keyed by path)."""
    from dump import CliError

    def optional(*args):
        try:
            return cli(*args)
        except CliError as e:
            if any(code in str(e) for code in NO_POLICY):
                return None
            raise

    def put(path, value):
        if value is not None:
            files[f"{reg}/{path}.json"] = value

    topics = cli("sns", "list-topics")
    put("sns-list-topics", topics)
    for t in topics.get("Topics", []):
        put(f"sns-get-topic-attributes/{t['TopicArn'].split(':')[-1]}", cli("sns", "get-topic-attributes", "--topic-arn", t["TopicArn"]))
    queues = cli("sqs", "list-queues") or {"QueueUrls": []}
    put("sqs-list-queues", {"QueueUrls": queues.get("QueueUrls", [])})
    for url in queues.get("QueueUrls", []):
        put(f"sqs-get-queue-attributes/{url.split('/')[-1]}", cli("sqs", "get-queue-attributes", "--queue-url", url, "--attribute-names", "All"))
    keys = cli("kms", "list-keys")
    put("kms-list-keys", keys)
    for k in keys.get("Keys", []):
        described = cli("kms", "describe-key", "--key-id", k["KeyId"])
        put(f"kms-describe-key/{k['KeyId']}", described)
        if described["KeyMetadata"].get("KeyManager") == "AWS":
            continue
        put(f"kms-get-key-policy/{k['KeyId']}", cli("kms", "get-key-policy", "--key-id", k["KeyId"], "--policy-name", "default"))
        put(f"kms-list-grants/{k['KeyId']}", cli("kms", "list-grants", "--key-id", k["KeyId"]))
    for f in files.get(f"{reg}/lambda-list-functions.json", {}).get("Functions", []):
        put(f"lambda-get-policy/{f['FunctionName']}", optional("lambda", "get-policy", "--function-name", f["FunctionName"]))
    secrets = cli("secretsmanager", "list-secrets")
    put("secretsmanager-list-secrets", secrets)
    for s in secrets.get("SecretList", []):
        put(f"secretsmanager-get-resource-policy/{s['Name']}", cli("secretsmanager", "get-resource-policy", "--secret-id", s["ARN"]))
    repositories = cli("ecr", "describe-repositories")
    put("ecr-describe-repositories", repositories)
    for r in repositories.get("repositories", []):
        put(f"ecr-get-repository-policy/{r['repositoryName']}", optional("ecr", "get-repository-policy", "--repository-name", r["repositoryName"]))
    systems = cli("efs", "describe-file-systems")
    put("efs-describe-file-systems", {"FileSystems": systems.get("FileSystems", [])})
    for fs in systems.get("FileSystems", []):
        put(f"efs-describe-file-system-policy/{fs['FileSystemId']}", optional("efs", "describe-file-system-policy", "--file-system-id", fs["FileSystemId"]))
    for s in cli("rds", "describe-db-snapshots", "--snapshot-type", "manual").get("DBSnapshots", []):
        put(f"rds-describe-db-snapshot-attributes/{s['DBSnapshotIdentifier']}",
            cli("rds", "describe-db-snapshot-attributes", "--db-snapshot-identifier", s["DBSnapshotIdentifier"]))
    for s in cli("rds", "describe-db-cluster-snapshots", "--snapshot-type", "manual").get("DBClusterSnapshots", []):
        put(f"rds-describe-db-cluster-snapshot-attributes/{s['DBClusterSnapshotIdentifier']}",
            cli("rds", "describe-db-cluster-snapshot-attributes", "--db-cluster-snapshot-identifier", s["DBClusterSnapshotIdentifier"]))
    # moto 5.2.1 ignores --owner-ids self: keep the account's own snapshots, as the live capture does.
    for s in cli("ec2", "describe-snapshots", "--owner-ids", "self").get("Snapshots", []):
        if s.get("OwnerId") == account:
            put(f"ec2-describe-snapshot-attribute/{s['SnapshotId']}",
                cli("ec2", "describe-snapshot-attribute", "--snapshot-id", s["SnapshotId"], "--attribute", "createVolumePermission"))
    images = cli("ec2", "describe-images", "--owners", "self")
    put("ec2-describe-images", images)
    for i in images.get("Images", []):
        put(f"ec2-describe-image-attribute/{i['ImageId']}", cli("ec2", "describe-image-attribute", "--image-id", i["ImageId"], "--attribute", "launchPermission"))
