import AWSImport
import JSON

/// Terraform's compute resources restated as CloudFormation's (attribute names from the Terraform AWS provider's
/// documentation): instances, launch templates and Auto Scaling groups, target group attachments, ECS clusters,
/// services and task definitions, Lambda functions.
extension TerraformTranslation {
    static let computeTypes: [String: String] = [
        "aws_instance": "AWS::EC2::Instance", "aws_launch_template": "AWS::EC2::LaunchTemplate",
        "aws_autoscaling_group": "AWS::AutoScaling::AutoScalingGroup", "aws_ecs_cluster": "AWS::ECS::Cluster",
        "aws_ecs_service": "AWS::ECS::Service", "aws_ecs_task_definition": "AWS::ECS::TaskDefinition", "aws_lambda_function": "AWS::Lambda::Function",
        "aws_lb_target_group_attachment": CloudFormationComputeDocuments.targetAttachment,
        "aws_alb_target_group_attachment": CloudFormationComputeDocuments.targetAttachment,
        "aws_autoscaling_attachment": CloudFormationComputeDocuments.targetAttachment,
        "aws_sqs_queue": "AWS::SQS::Queue", "aws_sqs_queue_policy": "AWS::SQS::QueuePolicy", "aws_sns_topic": "AWS::SNS::Topic",
        "aws_sns_topic_policy": "AWS::SNS::TopicPolicy", "aws_kms_key": "AWS::KMS::Key", "aws_lambda_permission": "AWS::Lambda::Permission",
        "aws_secretsmanager_secret": "AWS::SecretsManager::Secret", "aws_secretsmanager_secret_policy": "AWS::SecretsManager::ResourcePolicy",
        "aws_ecr_repository": "AWS::ECR::Repository", "aws_ecr_repository_policy": "AWS::ECR::Repository",
        "aws_efs_file_system": "AWS::EFS::FileSystem", "aws_efs_file_system_policy": "AWS::EFS::FileSystem",
    ]

    /// The CloudFormation properties of a compute resource; nil for other types.
    static func compute(_ type: String, _ v: Values) -> [String: TemplateValue?]? {
        switch type {
        case "aws_instance":
            return ["SubnetId": v["subnet_id"], "SecurityGroupIds": v["vpc_security_group_ids"], "SecurityGroups": v["security_groups"],
                    "IamInstanceProfile": v["iam_instance_profile"], "ImageId": v["ami"], "InstanceType": v["instance_type"], "Tags": v.tags,
                    "NetworkInterfaces": v["associate_public_ip_address"].map { .list([.map(["AssociatePublicIpAddress": $0])]) }]
        case "aws_launch_template":
            let profile = v.blocks("iam_instance_profile").first.map(Values.init)
            let tags = v.blocks("tag_specifications").map { s -> TemplateValue in
                let spec = Values(s)
                return .map(["ResourceType": spec["resource_type"] ?? .string("instance"), "Tags": spec.tags ?? .list([])])
            }
            let interfaces = v.blocks("network_interfaces").map { n -> TemplateValue in
                let i = Values(n)
                return .map(["AssociatePublicIpAddress": i["associate_public_ip_address"] ?? .null, "Groups": i["security_groups"] ?? .list([]),
                             "SubnetId": i["subnet_id"] ?? .null])
            }
            var data: [String: TemplateValue] = ["NetworkInterfaces": .list(interfaces), "TagSpecifications": .list(tags)]
            data["SecurityGroupIds"] = v["vpc_security_group_ids"]
            data["SecurityGroups"] = v["security_group_names"]
            data["ImageId"] = v["image_id"]
            data["InstanceType"] = v["instance_type"]
            var profileMembers: [String: TemplateValue] = [:]
            profileMembers["Arn"] = profile?["arn"]
            profileMembers["Name"] = profile?["name"]
            data["IamInstanceProfile"] = .map(profileMembers)
            return ["LaunchTemplateName": v["name"], "LaunchTemplateData": .map(data)]
        case "aws_autoscaling_group":
            var spec = v.blocks("launch_template").first
            if spec == nil, let mixed = v.blocks("mixed_instances_policy").first, let lt = Values(mixed).blocks("launch_template").first {
                spec = Values(lt).blocks("launch_template_specification").first
            }
            let template = spec.map(Values.init)
            let tags = v.blocks("tag").map { t -> TemplateValue in
                let tag = Values(t)
                return .map(["Key": tag["key"] ?? .null, "Value": tag["value"] ?? .null, "PropagateAtLaunch": tag["propagate_at_launch"] ?? .bool(false)])
            }
            return ["AutoScalingGroupName": v["name"], "VPCZoneIdentifier": v["vpc_zone_identifier"], "DesiredCapacity": v["desired_capacity"],
                    "MinSize": v["min_size"], "TargetGroupARNs": v["target_group_arns"], "Tags": .list(tags),
                    "LaunchTemplate": template.map { .map(["LaunchTemplateId": $0["id"] ?? .null, "LaunchTemplateName": $0["name"] ?? .null]) }]
        case "aws_lb_target_group_attachment", "aws_alb_target_group_attachment":
            return ["TargetGroupArn": v["target_group_arn"], "TargetId": v["target_id"], "Port": v["port"]]
        case "aws_autoscaling_attachment":
            return ["TargetGroupArn": v["lb_target_group_arn"] ?? v["alb_target_group_arn"], "AutoScalingGroupName": v["autoscaling_group_name"]]
        case "aws_ecs_cluster": return ["ClusterName": v["name"]]
        case "aws_ecs_task_definition":
            return ["Family": v["family"], "NetworkMode": v["network_mode"], "TaskRoleArn": v["task_role_arn"],
                    "ExecutionRoleArn": v["execution_role_arn"], "ContainerDefinitions": containerDefinitions(v["container_definitions"])]
        case "aws_ecs_service":
            let network = v.blocks("network_configuration").first.map(Values.init)
            let balancers = v.blocks("load_balancer").map { b -> TemplateValue in
                let lb = Values(b)
                return .map(["TargetGroupArn": lb["target_group_arn"] ?? .null, "ContainerName": lb["container_name"] ?? .null,
                             "ContainerPort": lb["container_port"] ?? .null])
            }
            return ["ServiceName": v["name"], "Cluster": v["cluster"], "TaskDefinition": v["task_definition"], "DesiredCount": v["desired_count"],
                    "LaunchType": v["launch_type"], "LoadBalancers": .list(balancers),
                    "ServiceConnectConfiguration": v.blocks("service_connect_configuration").first.map { serviceConnect(Values($0)) },
                    "NetworkConfiguration": network.map { n in .map(["AwsvpcConfiguration": .map([
                        "Subnets": n["subnets"] ?? .list([]), "SecurityGroups": n["security_groups"] ?? .list([]),
                        "AssignPublicIp": .string(n["assign_public_ip"] == .bool(true) ? "ENABLED" : "DISABLED")])]) }]
        case "aws_lambda_function":
            let vpc = v.blocks("vpc_config").first.map(Values.init)
            let environment = v.blocks("environment").first.map(Values.init)
            return ["FunctionName": v["function_name"], "Runtime": v["runtime"], "Role": v["role"],
                    "VpcConfig": vpc.map { .map(["SubnetIds": $0["subnet_ids"] ?? .list([]), "SecurityGroupIds": $0["security_group_ids"] ?? .list([])]) },
                    "Environment": environment?["variables"].map { .map(["Variables": $0]) }]
        case "aws_sqs_queue_policy": return ["Queues": v["queue_url"].map { .list([$0]) }, "PolicyDocument": v["policy"]]
        case "aws_sns_topic_policy": return ["Topics": v["arn"].map { .list([$0]) }, "PolicyDocument": v["policy"]]
        case "aws_kms_key": return ["KeyPolicy": v["policy"]]
        case "aws_lambda_permission":
            return ["FunctionName": v["function_name"], "Principal": v["principal"], "Action": v["action"], "SourceArn": v["source_arn"],
                    "SourceAccount": v["source_account"]]
        case "aws_secretsmanager_secret_policy": return ["SecretId": v["secret_arn"], "ResourcePolicy": v["policy"]]
        case "aws_ecr_repository": return ["RepositoryName": v["name"]]
        case "aws_efs_file_system": return [:]
        default: return nil
        }
    }

    /// `container_definitions`, a JSON string in the API's shape; unknown before apply when it interpolates values.
    static func containerDefinitions(_ value: TemplateValue?) -> TemplateValue? {
        guard let text = value?.knownString, let json = try? JSONParser.parse(Array(text.utf8)) else { return value }
        return TerraformPlan.value(json)
    }

    /// `service_connect_configuration` (aws_ecs_service) in CloudFormation's shape: `service` blocks with `port_name`,
    /// `discovery_name`, `ingress_port_override` and `client_alias` blocks (`port`, `dns_name`).
    static func serviceConnect(_ c: Values) -> TemplateValue {
        let services = c.blocks("service").map { b -> TemplateValue in
            let s = Values(b)
            let aliases = s.blocks("client_alias").map { a -> TemplateValue in
                let alias = Values(a)
                return .map(["Port": alias["port"] ?? .null, "DnsName": alias["dns_name"] ?? .null])
            }
            return .map(["PortName": s["port_name"] ?? .null, "DiscoveryName": s["discovery_name"] ?? .null,
                         "IngressPortOverride": s["ingress_port_override"] ?? .null, "ClientAliases": .list(aliases)])
        }
        return .map(["Enabled": c["enabled"] ?? .null, "Namespace": c["namespace"] ?? .null, "Services": .list(services)])
    }
}
