import Foundation

/// What `Ref` and `Fn::GetAtt` of a template's resources return once deployed ("Resource and property reference":
/// each type's *Return values*), as placeholders before deploy: `vpc-VPC` for a VPC, the group ID `sg-AppSG` for a
/// security group, an ARN for load balancers and target groups, the name for buckets, roles and DB instances.
struct CloudFormationIds {
    let resources: [String: TemplateResource]
    let region: String
    let account: String

    init(_ resources: [TemplateResource], region: String?, account: String?) {
        self.resources = Dictionary(resources.map { ($0.logicalId, $0) }, uniquingKeysWith: { a, _ in a })
        self.region = region ?? "unknown"
        self.account = account ?? "unknown"
    }

    /// ID prefixes of the EC2 types whose `Ref` is an ID.
    static let prefixes: [String: String] = [
        "AWS::EC2::VPC": "vpc-", "AWS::EC2::Subnet": "subnet-", "AWS::EC2::SecurityGroup": "sg-", "AWS::EC2::InternetGateway": "igw-",
        "AWS::EC2::NatGateway": "nat-", "AWS::EC2::RouteTable": "rtb-", "AWS::EC2::NetworkAcl": "acl-", "AWS::EC2::Instance": "i-",
        "AWS::EC2::VPCEndpoint": "vpce-", "AWS::EC2::TransitGateway": "tgw-", "AWS::EC2::VPCPeeringConnection": "pcx-",
        "AWS::EC2::EgressOnlyInternetGateway": "eigw-", "AWS::EC2::NetworkInterface": "eni-", "AWS::EC2::VPNGateway": "vgw-",
        "AWS::EC2::LaunchTemplate": "lt-", "AWS::EFS::FileSystem": "fs-",
    ]

    /// The name a resource is given by its own name property, else a name derived from its logical ID.
    func name(_ logicalId: String, property: String) -> String {
        resources[logicalId]?[property]?.knownString ?? logicalId.lowercased()
    }

    /// What `Ref` of a resource returns.
    func ref(_ logicalId: String) -> String {
        guard let r = resources[logicalId] else { return logicalId }
        if let known = r.physicalId { return known }
        if let prefix = Self.prefixes[r.type] { return prefix + logicalId }
        switch r.type {
        case "AWS::ElasticLoadBalancingV2::LoadBalancer":
            return "arn:aws:elasticloadbalancing:\(region):\(account):loadbalancer/app/\(name(logicalId, property: "Name"))/\(logicalId)"
        case "AWS::ElasticLoadBalancingV2::TargetGroup":
            return "arn:aws:elasticloadbalancing:\(region):\(account):targetgroup/\(name(logicalId, property: "Name"))/\(logicalId)"
        case "AWS::ElasticLoadBalancingV2::Listener":
            let lb = resources[logicalId]?["LoadBalancerArn"]?.referencedResource ?? logicalId
            return "arn:aws:elasticloadbalancing:\(region):\(account):listener/app/\(name(lb, property: "Name"))/\(lb)/\(logicalId)"
        case "AWS::ElasticLoadBalancingV2::ListenerRule":
            // The listener's ARN with `listener-rule` and one more segment: rules name their listener this way.
            let listener = id(resources[logicalId]?["ListenerArn"]) ?? "arn:aws:elasticloadbalancing:\(region):\(account):listener/app/unknown/unknown/unknown"
            return listener.replacingOccurrences(of: ":listener/", with: ":listener-rule/") + "/\(logicalId)"
        case "AWS::RDS::DBInstance": return name(logicalId, property: "DBInstanceIdentifier")
        case "AWS::RDS::DBSubnetGroup": return name(logicalId, property: "DBSubnetGroupName")
        case "AWS::IAM::Role": return name(logicalId, property: "RoleName")
        case "AWS::IAM::InstanceProfile": return name(logicalId, property: "InstanceProfileName")
        case "AWS::IAM::ManagedPolicy": return "arn:aws:iam::\(account):policy/\(name(logicalId, property: "ManagedPolicyName"))"
        case "AWS::S3::Bucket": return name(logicalId, property: "BucketName")
        case "AWS::ECS::Cluster": return name(logicalId, property: "ClusterName")
        case "AWS::Lambda::Function": return name(logicalId, property: "FunctionName")
        case "AWS::SQS::Queue": return "https://sqs.\(region).amazonaws.com/\(account)/\(name(logicalId, property: "QueueName"))"
        case "AWS::SNS::Topic": return "arn:aws:sns:\(region):\(account):\(name(logicalId, property: "TopicName"))"
        case "AWS::KMS::Key": return "key-\(logicalId)"
        case "AWS::SecretsManager::Secret": return "arn:aws:secretsmanager:\(region):\(account):secret:\(name(logicalId, property: "Name"))"
        case "AWS::ECR::Repository": return name(logicalId, property: "RepositoryName")
        case "AWS::AutoScaling::AutoScalingGroup": return name(logicalId, property: "AutoScalingGroupName")
        case "AWS::ECS::Service":
            return "arn:aws:ecs:\(region):\(account):service/\(cluster(of: logicalId))/\(name(logicalId, property: "ServiceName"))"
        case "AWS::ECS::TaskDefinition":
            return "arn:aws:ecs:\(region):\(account):task-definition/\(name(logicalId, property: "Family")):1"
        default: return logicalId
        }
    }

    /// What `Fn::GetAtt` of a resource returns, for the attributes that name things.
    func attribute(_ logicalId: String, _ attribute: String) -> String {
        guard let r = resources[logicalId] else { return "\(logicalId).\(attribute)" }
        switch (r.type, attribute) {
        case ("AWS::EC2::SecurityGroup", "GroupId"): return ref(logicalId)
        case ("AWS::IAM::Role", "Arn"): return "arn:aws:iam::\(account):role/\(ref(logicalId))"
        case ("AWS::IAM::InstanceProfile", "Arn"): return "arn:aws:iam::\(account):instance-profile/\(ref(logicalId))"
        case ("AWS::S3::Bucket", "Arn"): return "arn:aws:s3:::\(ref(logicalId))"
        case ("AWS::ECS::Cluster", "Arn"): return "arn:aws:ecs:\(region):\(account):cluster/\(ref(logicalId))"
        case ("AWS::Lambda::Function", "Arn"): return "arn:aws:lambda:\(region):\(account):function:\(ref(logicalId))"
        case ("AWS::SQS::Queue", "Arn"): return "arn:aws:sqs:\(region):\(account):\(name(logicalId, property: "QueueName"))"
        case ("AWS::SQS::Queue", "QueueName"): return name(logicalId, property: "QueueName")
        case ("AWS::SNS::Topic", "TopicArn"): return ref(logicalId)
        case ("AWS::KMS::Key", "Arn"): return "arn:aws:kms:\(region):\(account):key/\(ref(logicalId))"
        case ("AWS::KMS::Key", "KeyId"): return ref(logicalId)
        case ("AWS::ECR::Repository", "Arn"): return "arn:aws:ecr:\(region):\(account):repository/\(ref(logicalId))"
        case ("AWS::EFS::FileSystem", "FileSystemId"): return ref(logicalId)
        case ("AWS::EFS::FileSystem", "Arn"): return "arn:aws:elasticfilesystem:\(region):\(account):file-system/\(ref(logicalId))"
        case ("AWS::ElasticLoadBalancingV2::LoadBalancer", "LoadBalancerArn"), ("AWS::ElasticLoadBalancingV2::TargetGroup", "TargetGroupArn"),
             ("AWS::ECS::Service", "ServiceArn"), ("AWS::ECS::TaskDefinition", "TaskDefinitionArn"):
            return ref(logicalId)
        default: return "\(ref(logicalId)).\(attribute)"
        }
    }

    /// The cluster name an ECS service runs in.
    func cluster(of service: String) -> String {
        guard let c = resources[service]?["Cluster"] else { return "default" }
        return id(c) ?? "default"
    }

    /// The identifier a value stands for: a literal ID, or what a `Ref`/`Fn::GetAtt` returns; nil for anything else.
    func id(_ value: TemplateValue?) -> String? {
        switch value {
        case .string(let s)?: s
        case .ref(let l)?: ref(l)
        case .attribute(let l, let a)?: attribute(l, a)
        default: nil
        }
    }

    /// The identifiers of a list value.
    func ids(_ value: TemplateValue?) -> [String] {
        (value?.elements ?? []).compactMap { id($0) }
    }
}
