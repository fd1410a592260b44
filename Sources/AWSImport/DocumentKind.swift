import JSON
/// What an AWS CLI output document is, told by its top-level keys (never its file name).
public enum DocumentKind: String, Sendable, Hashable, CaseIterable {
    case vpcs = "Vpcs"
    case subnets = "Subnets"
    case routeTables = "RouteTables"
    case internetGateways = "InternetGateways"
    case egressOnlyInternetGateways = "EgressOnlyInternetGateways"
    case natGateways = "NatGateways"
    case addresses = "Addresses"
    case securityGroups = "SecurityGroups"
    case networkAcls = "NetworkAcls"
    case networkInterfaces = "NetworkInterfaces"
    case reservations = "Reservations"
    case vpcPeeringConnections = "VpcPeeringConnections"
    case transitGateways = "TransitGateways"
    case transitGatewayAttachments = "TransitGatewayAttachments"
    case transitGatewayVpcAttachments = "TransitGatewayVpcAttachments"
    case transitGatewayRouteTables = "TransitGatewayRouteTables"
    /// `aws ec2 search-transit-gateway-routes` (needs its route table from the folder name).
    case transitGatewayRoutes = "Routes"
    case vpcEndpoints = "VpcEndpoints"
    case prefixLists = "PrefixLists"
    /// `aws ec2 get-managed-prefix-list-entries` (needs its list from the folder name).
    case prefixListEntries = "Entries"
    case loadBalancers = "LoadBalancers"
    case listeners = "Listeners"
    case targetGroups = "TargetGroups"
    case targetHealth = "TargetHealthDescriptions"
    /// `aws elbv2 describe-rules` (items hold `RuleArn`; other services' `Rules` are not these).
    case listenerRules = "Rules"
    case dbInstances = "DBInstances"
    case dbSubnetGroups = "DBSubnetGroups"
    case lambdaFunctions = "Functions"
    case iamAuthorizationDetails = "UserDetailList"
    case buckets = "Buckets"
    case bucketPolicy = "Policy"
    case bucketPolicyStatus = "PolicyStatus"
    case bucketAcl = "Grants"
    case publicAccessBlock = "PublicAccessBlockConfiguration"
    case ownershipControls = "OwnershipControls"
    case bucketLocation = "LocationConstraint"
    case callerIdentity = "Account"
    case regions = "Regions"
    /// `aws ec2 get-transit-gateway-route-table-propagations` (needs its route table from the folder name).
    case transitGatewayPropagations = "TransitGatewayRouteTablePropagations"
    /// `aws ec2 get-transit-gateway-route-table-associations` (needs its route table from the folder name).
    case transitGatewayAssociations = "Associations"
    /// `aws elbv2 describe-load-balancer-attributes` or `describe-target-group-attributes` (a list of `Key`/`Value`;
    /// the folder tells which resource).
    case elbAttributes = "Attributes"
    case vpnGateways = "VpnGateways"
    case customerGateways = "CustomerGateways"
    case vpnConnections = "VpnConnections"
    /// `aws directconnect describe-direct-connect-gateways`.
    case directConnectGateways = "directConnectGateways"
    /// `aws directconnect describe-direct-connect-gateway-associations`.
    case directConnectGatewayAssociations = "directConnectGatewayAssociations"
    /// Batfish's spelling of the Direct Connect documents (capitalised keys throughout).
    case batfishDirectConnectGateways = "DirectConnectGateways"
    case batfishDirectConnectGatewayAssociations = "DirectConnectGatewayAssociations"
    /// Batfish's wrappers: one entry per route table (`TransitGatewayRouteTableId` + the call's answer),
    /// per load balancer (`LoadBalancerArn` + ...) or per target group (`TargetGroupArn` + ...).
    case batfishTransitGatewayStaticRoutes = "TransitGatewayStaticRoutes"
    case batfishTransitGatewayPropagations = "TransitGatewayPropagations"
    case batfishLoadBalancerListeners = "LoadBalancerListeners"
    case batfishLoadBalancerTargetHealth = "LoadBalancerTargetHealth"
    case batfishLoadBalancerAttributes = "LoadBalancerAttributes"
    /// `aws es describe-elasticsearch-domains` / `aws opensearch describe-domains`.
    case elasticsearchDomains = "DomainStatusList"
    /// `aws opensearch describe-domain` / `aws es describe-elasticsearch-domain`.
    case openSearchDomain = "DomainStatus"
    /// `aws eks describe-cluster` (an object holding `resourcesVpcConfig`; ECS's `create-cluster` prints a `cluster` too).
    case eksCluster = "cluster"
    /// `aws eks describe-nodegroup`.
    case eksNodegroup = "nodegroup"
    /// `aws elasticache describe-cache-clusters --show-cache-node-info`.
    case cacheClusters = "CacheClusters"
    case cacheReplicationGroups = "ReplicationGroups"
    case cacheSubnetGroups = "CacheSubnetGroups"
    /// `aws rds describe-db-clusters`.
    case dbClusters = "DBClusters"
    /// `aws lambda list-function-url-configs`.
    case functionUrlConfigs = "FunctionUrlConfigs"
    /// `aws lambda get-function-url-config` (one config: `FunctionUrl` with `FunctionArn`).
    case functionUrlConfig = "FunctionUrl"
    /// `aws ec2 describe-vpc-endpoint-services` (kept raw, named warning).
    case vpcEndpointServices = "ServiceDetails"
    /// `aws ecs list-clusters`, `list-services`, `list-tasks`, `list-task-definitions`: ARNs only (informational).
    case ecsClusterArns = "clusterArns"
    case ecsServiceArns = "serviceArns"
    case ecsTaskArns = "taskArns"
    case ecsTaskDefinitionArns = "taskDefinitionArns"
    case ecsContainerInstanceArns = "containerInstanceArns"
    /// `aws ecs describe-clusters` (items hold `clusterArn`; EKS `list-clusters` prints `clusters` as names).
    case ecsClusters = "clusters"
    /// `aws ecs describe-services` (items hold `serviceArn`).
    case ecsServices = "services"
    /// `aws ecs describe-tasks` (items hold `taskArn`).
    case ecsTasks = "tasks"
    /// `aws ecs describe-task-definition` (an object holding `taskDefinitionArn`).
    case ecsTaskDefinition = "taskDefinition"
    /// A list of task definitions (items hold `taskDefinitionArn`).
    case ecsTaskDefinitions = "taskDefinitions"
    /// `aws ecs describe-container-instances` (items hold `containerInstanceArn`).
    case ecsContainerInstances = "containerInstances"
    // Resource policies and shared snapshots (`DocumentKind+ResourcePolicies.swift` tells apart the ones that
    // share a key with another service; their raw values are labels, not keys).
    /// `aws sns list-topics`.
    case snsTopics = "Topics"
    /// `aws sns get-topic-attributes` (an `Attributes` object naming `TopicArn`).
    case snsTopicAttributes = "sns:Attributes"
    /// `aws sqs list-queues`.
    case sqsQueueUrls = "QueueUrls"
    /// `aws sqs get-queue-attributes` (an `Attributes` object; `sqs-get-queue-attributes/<queue-name>.json`).
    case sqsQueueAttributes = "sqs:Attributes"
    /// `aws kms list-keys`.
    case kmsKeys = "Keys"
    /// `aws kms describe-key`.
    case kmsKeyMetadata = "KeyMetadata"
    /// `aws kms get-key-policy` (`Policy` + `PolicyName`, or in `kms-get-key-policy/<key-id>.json`).
    case kmsKeyPolicy = "kms:Policy"
    /// `aws kms list-grants` (grants holding `GrantId`, or in `kms-list-grants/<key-id>.json`).
    case kmsGrants = "kms:Grants"
    /// `aws lambda get-policy` (`Policy` + `RevisionId`; `lambda-get-policy/<function>.json`).
    case lambdaPolicy = "lambda:Policy"
    /// `aws secretsmanager list-secrets`.
    case secretList = "SecretList"
    /// `aws secretsmanager get-resource-policy` (`ARN`, `Name`, and `ResourcePolicy` when there is one).
    case secretPolicy = "secretsmanager:ResourcePolicy"
    /// `aws ecr describe-repositories`.
    case ecrRepositories = "ecr:repositories"
    /// `aws ecr get-repository-policy`.
    case ecrRepositoryPolicy = "policyText"
    /// `aws efs describe-file-systems`.
    case efsFileSystems = "FileSystems"
    /// `aws efs describe-file-system-policy` (`FileSystemId` + `Policy`).
    case efsFileSystemPolicy = "efs:Policy"
    /// `aws rds describe-db-snapshot-attributes`.
    case dbSnapshotAttributes = "DBSnapshotAttributesResult"
    /// `aws rds describe-db-cluster-snapshot-attributes`.
    case dbClusterSnapshotAttributes = "DBClusterSnapshotAttributesResult"
    /// `aws ec2 describe-snapshot-attribute --attribute createVolumePermission`.
    case snapshotVolumePermissions = "CreateVolumePermissions"
    /// `aws ec2 describe-images --owners self`.
    case images = "Images"
    /// `aws ec2 describe-image-attribute --attribute launchPermission`.
    case imageLaunchPermissions = "LaunchPermissions"
    /// `aws cloudformation list-exports`: the values `Fn::ImportValue` of a template laid over the snapshot reads.
    case cloudFormationExports = "Exports"

    /// Keys of documents netaudit recognises but does not model yet: kept raw, reported as a warning.
    static let unsupported: [String: String] = [
        "LoadBalancerDescriptions": "Classic Load Balancers (elb describe-load-balancers)",
        "SecurityGroupRules": "describe-security-group-rules (use describe-security-groups)",
        "AutoScalingGroups": "Auto Scaling groups",
        "LaunchTemplates": "launch templates",
        "LaunchTemplateVersions": "launch template versions",
        "Roles": "iam list-roles (use iam get-account-authorization-details)",
        "Users": "iam list-users (use iam get-account-authorization-details)",
        "TableNames": "DynamoDB tables",
        "FlowLogs": "VPC flow logs",
        "KeyPairs": "key pairs",
        "virtualInterfaces": "Direct Connect virtual interfaces",
        "VirtualInterfaces": "Direct Connect virtual interfaces",
        "DhcpOptions": "DHCP option sets (no effect on reachability)",
        "AvailabilityZones": "availability zones (no effect on reachability)",
        "InstanceStatuses": "instance status checks (no effect on reachability)",
        "PlacementGroups": "placement groups (no effect on reachability)",
        "TransitGatewayPeeringAttachments": "transit gateway peering attachments (use describe-transit-gateway-attachments)",
    ]

    /// How a document was recognised.
    public enum Recognition: Sendable, Hashable {
        case known(DocumentKind)
        case unsupported(key: String, what: String)
        case unrecognized(keys: [String])
    }

    /// Recognises a document from its top-level object's keys.
    public static func recognize(_ root: JSONValue) -> Recognition {
        guard case .object(let members) = root else { return .unrecognized(keys: []) }
        let keys = Set(members.keys)
        if keys.contains("UserDetailList") || keys.contains("RoleDetailList") || keys.contains("GroupDetailList") {
            return .known(.iamAuthorizationDetails)
        }
        if keys.contains("Account"), keys.contains("Arn") { return .known(.callerIdentity) }
        if let kind = resourcePolicyKind(members) { return .known(kind) }
        if keys.contains("Grants"), keys.contains("Owner") || keys.count == 1 { return .known(.bucketAcl) }
        // `describe-vpc-endpoint-services` without details prints only `ServiceNames`.
        if keys.contains("ServiceNames"), !keys.contains("ServiceDetails") { return .known(.vpcEndpointServices) }
        // Data keys first; pagination and metadata keys never decide. `Attributes` is ELBv2's only as a list
        // (SNS and SQS print an object), `Associations` the transit gateway's only with attachment IDs (SSM's has none).
        for kind in DocumentKind.allCases where kind != .callerIdentity && kind != .iamAuthorizationDetails {
            if kind == .elbAttributes, !isList(members["Attributes"]) { continue }
            if kind == .transitGatewayAssociations, !isList(members["Associations"], itemsHave: "TransitGatewayAttachmentId") { continue }
            if kind == .listenerRules, !isList(members["Rules"], itemsHave: "RuleArn") { continue }
            if kind == .eksCluster, !isObject(members["cluster"], holding: "resourcesVpcConfig") { continue }
            if kind == .functionUrlConfig, members["FunctionArn"] == nil { continue }
            if let item = ecsItemKey[kind], !isECSList(members, kind.rawValue, itemsHave: item) { continue }
            if kind == .ecsTaskDefinition, !isObject(members["taskDefinition"], holding: "taskDefinitionArn") { continue }
            if keys.contains(kind.rawValue) { return .known(kind) }
        }
        if let rules = members["Rules"] { return .unsupported(key: "Rules", what: otherRules(rules)) }
        for key in keys.sorted() {
            if let what = unsupported[key] { return .unsupported(key: key, what: what) }
        }
        return .unrecognized(keys: keys.sorted())
    }

    /// The member each item of an ECS describe list holds.
    private static let ecsItemKey: [DocumentKind: String] = [
        .ecsClusters: "clusterArn", .ecsServices: "serviceArn", .ecsTasks: "taskArn", .ecsTaskDefinitions: "taskDefinitionArn",
        .ecsContainerInstances: "containerInstanceArn",
    ]

    /// An ECS describe answer: a list next to ECS's `failures` (which the describe calls always print), or whose items hold `key`.
    private static func isECSList(_ members: JSONObject, _ list: String, itemsHave key: String) -> Bool {
        guard case .array(let items)? = members[list] else { return false }
        if members["failures"] != nil { return true }
        return !items.isEmpty && isList(members[list], itemsHave: key)
    }

    /// What a `Rules` document that is not ELBv2's holds, told by its first item's members.
    private static func otherRules(_ value: JSONValue) -> String {
        guard case .array(let items) = value, case .object(let first)? = items.first else {
            return "rules that are not ELBv2 listener rules (items without RuleArn)"
        }
        if first["EventBusName"] != nil || first["EventPattern"] != nil || first["ScheduleExpression"] != nil {
            return "EventBridge rules (events list-rules)"
        }
        if first["RuleId"] != nil || first["MetricName"] != nil { return "AWS WAF Classic rules (waf list-rules)" }
        if first["Statement"] != nil || first["VisibilityConfig"] != nil { return "AWS WAF rules" }
        return "rules that are not ELBv2 listener rules (items without RuleArn)"
    }

    /// Whether `value` is an object holding `key`.
    private static func isObject(_ value: JSONValue?, holding key: String) -> Bool {
        if case .object(let o)? = value { return o[key] != nil }
        return false
    }

    /// Whether `value` is a list, and (with `key`) its first item, if any, is an object holding `key`.
    private static func isList(_ value: JSONValue?, itemsHave key: String? = nil) -> Bool {
        guard case .array(let items)? = value else { return false }
        guard let key, let first = items.first else { return true }
        if case .object(let item) = first { return item[key] != nil }
        return false
    }
}
