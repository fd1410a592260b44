/// Everything a snapshot knows about one or more accounts, in vendor-independent form.
///
/// This is what the reachability solver and the policy engine read. Arrays keep
/// input order; lookups by ID are built by the stages that need them.
public struct Inventory: Sendable, Hashable, Codable {
    public var vpcs: [VPC] = []
    public var subnets: [Subnet] = []
    public var routeTables: [RouteTable] = []
    public var internetGateways: [InternetGateway] = []
    public var egressOnlyInternetGateways: [EgressOnlyInternetGateway] = []
    public var natGateways: [NATGateway] = []
    public var elasticIps: [ElasticIP] = []
    public var transitGateways: [TransitGateway] = []
    public var transitGatewayAttachments: [TransitGatewayAttachment] = []
    public var transitGatewayRouteTables: [TransitGatewayRouteTable] = []
    public var vpcPeeringConnections: [VPCPeeringConnection] = []
    public var vpnGateways: [VPNGateway] = []
    public var customerGateways: [CustomerGateway] = []
    public var vpnConnections: [VPNConnection] = []
    public var directConnectGateways: [DirectConnectGateway] = []
    public var vpcEndpoints: [VPCEndpoint] = []
    public var prefixLists: [PrefixList] = []
    public var securityGroups: [SecurityGroup] = []
    public var networkACLs: [NetworkACL] = []
    public var networkInterfaces: [NetworkInterface] = []
    public var instances: [Instance] = []
    public var loadBalancers: [LoadBalancer] = []
    public var targetGroups: [TargetGroup] = []
    public var dbInstances: [DBInstance] = []
    public var dbSubnetGroups: [DBSubnetGroup] = []
    public var lambdaFunctions: [LambdaFunction] = []
    public var dbClusters: [DBCluster] = []
    public var ecsClusters: [ECSCluster] = []
    public var ecsServices: [ECSService] = []
    public var ecsTasks: [ECSTask] = []
    public var ecsTaskDefinitions: [ECSTaskDefinition] = []
    public var ecsContainerInstances: [ECSContainerInstance] = []
    public var eksClusters: [EKSCluster] = []
    public var eksNodegroups: [EKSNodegroup] = []
    public var cacheClusters: [CacheCluster] = []
    public var cacheReplicationGroups: [CacheReplicationGroup] = []
    public var cacheSubnetGroups: [CacheSubnetGroup] = []
    public var openSearchDomains: [OpenSearchDomain] = []
    public var iamPrincipals: [IAMPrincipal] = []
    public var managedPolicies: [ManagedPolicy] = []
    public var buckets: [Bucket] = []
    public var accounts: [AccountSettings] = []
    /// SNS topics, SQS queues, KMS keys, Lambda functions, secrets, ECR repositories and EFS file systems with their policies.
    public var policyResources: [PolicyResource] = []
    /// RDS and EBS snapshots and AMIs with who they are shared with.
    public var sharedArtifacts: [SharedArtifact] = []
    /// What the capture or import could not take in fully.
    public var warnings: [CaptureWarning] = []

    public init() {}

    /// How many resources of a kind the inventory holds.
    public func count(of kind: ResourceKind) -> Int {
        switch kind {
        case .vpc: vpcs.count
        case .subnet: subnets.count
        case .routeTable: routeTables.count
        case .internetGateway: internetGateways.count
        case .egressOnlyInternetGateway: egressOnlyInternetGateways.count
        case .natGateway: natGateways.count
        case .elasticIp: elasticIps.count
        case .transitGateway: transitGateways.count
        case .transitGatewayAttachment: transitGatewayAttachments.count
        case .transitGatewayRouteTable: transitGatewayRouteTables.count
        case .vpcPeeringConnection: vpcPeeringConnections.count
        case .vpnGateway: vpnGateways.count
        case .customerGateway: customerGateways.count
        case .vpnConnection: vpnConnections.count
        case .directConnectGateway: directConnectGateways.count
        case .vpcEndpoint: vpcEndpoints.count
        case .prefixList: prefixLists.count
        case .securityGroup: securityGroups.count
        case .networkACL: networkACLs.count
        case .networkInterface: networkInterfaces.count
        case .instance: instances.count
        case .loadBalancer: loadBalancers.count
        case .targetGroup: targetGroups.count
        case .dbInstance: dbInstances.count
        case .dbSubnetGroup: dbSubnetGroups.count
        case .lambdaFunction: lambdaFunctions.count
        case .dbCluster: dbClusters.count
        case .ecsCluster: ecsClusters.count
        case .ecsService: ecsServices.count
        case .ecsTask: ecsTasks.count
        case .ecsTaskDefinition: ecsTaskDefinitions.count
        case .ecsContainerInstance: ecsContainerInstances.count
        case .eksCluster: eksClusters.count
        case .eksNodegroup: eksNodegroups.count
        case .cacheCluster: cacheClusters.count
        case .cacheReplicationGroup: cacheReplicationGroups.count
        case .cacheSubnetGroup: cacheSubnetGroups.count
        case .openSearchDomain: openSearchDomains.count
        case .iamUser: iamPrincipals.filter { $0.kind == .user }.count
        case .iamGroup: iamPrincipals.filter { $0.kind == .group }.count
        case .iamRole: iamPrincipals.filter { $0.kind == .role }.count
        case .iamPolicy: managedPolicies.count
        case .bucket: buckets.count
        case .account: accounts.count
        case .policyResource: policyResources.count
        case .sharedArtifact: sharedArtifacts.count
        }
    }

    /// Every account and region the inventory's resources name, sorted.
    public var scopes: [ResourceScope] {
        var set = Set<ResourceScope>()
        func add<T>(_ items: [T], _ scope: (T) -> ResourceScope) { for i in items { set.insert(scope(i)) } }
        add(vpcs, \.scope); add(subnets, \.scope); add(securityGroups, \.scope); add(networkInterfaces, \.scope)
        add(instances, \.scope); add(loadBalancers, \.scope); add(dbInstances, \.scope); add(lambdaFunctions, \.scope)
        add(dbClusters, \.scope); add(ecsClusters, \.scope); add(ecsServices, \.scope); add(ecsTasks, \.scope)
        add(eksClusters, \.scope); add(cacheClusters, \.scope); add(openSearchDomains, \.scope)
        add(iamPrincipals, \.scope); add(managedPolicies, \.scope); add(buckets, \.scope)
        add(policyResources, \.scope); add(sharedArtifacts, \.scope)
        return set.sorted()
    }
}

/// The closed set of resource kinds the model knows, with their store table names.
public enum ResourceKind: String, Sendable, Hashable, Codable, CaseIterable {
    case vpc, subnet, routeTable, internetGateway, egressOnlyInternetGateway, natGateway, elasticIp
    case transitGateway, transitGatewayAttachment, transitGatewayRouteTable, vpcPeeringConnection
    case vpnGateway, customerGateway, vpnConnection, directConnectGateway
    case vpcEndpoint, prefixList, securityGroup, networkACL, networkInterface, instance
    case loadBalancer, targetGroup, dbInstance, dbSubnetGroup, lambdaFunction
    case dbCluster, ecsCluster, ecsService, ecsTask, ecsTaskDefinition, ecsContainerInstance, eksCluster, eksNodegroup
    case cacheCluster, cacheReplicationGroup, cacheSubnetGroup, openSearchDomain
    case iamUser, iamGroup, iamRole, iamPolicy, bucket, account
    case policyResource, sharedArtifact

    /// The normalized table holding one row per resource of this kind.
    public var tableName: String {
        switch self {
        case .vpc: "vpcs"
        case .subnet: "subnets"
        case .routeTable: "route_tables"
        case .internetGateway: "internet_gateways"
        case .egressOnlyInternetGateway: "egress_only_internet_gateways"
        case .natGateway: "nat_gateways"
        case .elasticIp: "elastic_ips"
        case .transitGateway: "transit_gateways"
        case .transitGatewayAttachment: "transit_gateway_attachments"
        case .transitGatewayRouteTable: "transit_gateway_route_tables"
        case .vpcPeeringConnection: "vpc_peering_connections"
        case .vpnGateway: "vpn_gateways"
        case .customerGateway: "customer_gateways"
        case .vpnConnection: "vpn_connections"
        case .directConnectGateway: "direct_connect_gateways"
        case .vpcEndpoint: "vpc_endpoints"
        case .prefixList: "prefix_lists"
        case .securityGroup: "security_groups"
        case .networkACL: "network_acls"
        case .networkInterface: "network_interfaces"
        case .instance: "instances"
        case .loadBalancer: "load_balancers"
        case .targetGroup: "target_groups"
        case .dbInstance: "db_instances"
        case .dbSubnetGroup: "db_subnet_groups"
        case .lambdaFunction: "lambda_functions"
        case .dbCluster: "db_clusters"
        case .ecsCluster: "ecs_clusters"
        case .ecsService: "ecs_services"
        case .ecsTask: "ecs_tasks"
        case .ecsTaskDefinition: "ecs_task_definitions"
        case .ecsContainerInstance: "ecs_container_instances"
        case .eksCluster: "eks_clusters"
        case .eksNodegroup: "eks_nodegroups"
        case .cacheCluster: "cache_clusters"
        case .cacheReplicationGroup: "cache_replication_groups"
        case .cacheSubnetGroup: "cache_subnet_groups"
        case .openSearchDomain: "opensearch_domains"
        case .iamUser: "iam_users"
        case .iamGroup: "iam_groups"
        case .iamRole: "iam_roles"
        case .iamPolicy: "iam_policies"
        case .bucket: "buckets"
        case .account: "accounts"
        case .policyResource: "policy_resources"
        case .sharedArtifact: "shared_artifacts"
        }
    }
}
