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
