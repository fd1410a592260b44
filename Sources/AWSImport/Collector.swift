import NetModel

/// Accumulates what the mappers read from every file; `Reconciler` joins the pieces
/// (listeners into load balancers, per-bucket documents into buckets, ...) at the end.
struct Collector {
    var inventory = Inventory()
    var listenersByLoadBalancer: [String: [Listener]] = [:]
    /// Listener rules (`describe-rules`) by the listener ARN their own ARN names.
    var rulesByListener: [String: [ListenerRule]] = [:]
    /// Target health listings by (account, target group name).
    var targetsByGroup: [ScopedName: [Target]] = [:]
    var transitGatewayRoutes: [String: [TransitGatewayRoute]] = [:]
    /// Propagations by transit gateway route table ID (`get-transit-gateway-route-table-propagations`, Batfish's `TransitGatewayPropagations`).
    var transitGatewayPropagations: [String: [TransitGatewayPropagation]] = [:]
    /// Associated attachment IDs by transit gateway route table ID (`get-transit-gateway-route-table-associations`).
    var transitGatewayAssociations: [String: [String]] = [:]
    /// `describe-load-balancer-attributes` by load balancer ARN (or name, when only the folder names it).
    var loadBalancerAttributes: [String: [String: String]] = [:]
    /// `describe-target-group-attributes` by target group ARN (or name, when only the folder names it).
    var targetGroupAttributes: [String: [String: String]] = [:]
    var prefixListEntries: [String: [IPPrefix]] = [:]
    /// Direct Connect gateway associations, joined by `VPNReconciler`.
    var vpn = VPNParts()
    var vpcAttachmentSubnets: [String: (vpcId: String?, subnets: [String])] = [:]
    /// VPC attachments with `Options.Ipv6Support` = `enable` (their VPC's IPv6 blocks propagate too).
    var vpcAttachmentsWithIpv6: Set<String> = []
    var bucketParts: [ScopedName: BucketParts] = [:]
    /// Interfaces described inside instances; used where describe-network-interfaces is missing.
    var instanceInterfaces: [NetworkInterface] = []
    var accountPublicAccessBlocks: [String: PublicAccessBlock] = [:]
    /// Accounts named by caller-identity documents.
    var identifiedAccounts: Set<String> = []
    /// Lambda function URLs by function, joined by `ServicesReconciler`.
    var functionUrls: [(function: ScopedName, url: FunctionURL, file: InputFile)] = []
    /// Pieces of resources with a policy, joined by `ResourcePolicyReconciler`.
    var policyParts = PolicyPartsBook()

    mutating func warn(_ file: InputFile, _ code: String, _ message: String) {
        inventory.warnings.append(CaptureWarning(source: file.displayPath, code: code, message: message))
    }
}

/// A resource name within an account (bucket names, target group names).
struct ScopedName: Hashable {
    var account: String?
    var name: String
}

/// The per-bucket documents seen for one bucket, merged into a `Bucket` at the end.
struct BucketParts {
    var listed = false
    var region: String?
    var policy: String?
    var policyStatusIsPublic: Bool?
    var ownerId: String?
    var grants: [ACLGrant]?
    var publicAccessBlock: PublicAccessBlock?
    var objectOwnership: String?
}

/// What a mapper needs to know about the file it reads.
struct FileContext {
    let file: InputFile

    /// The scope of a resource: folders first, then what the resource itself says.
    func scope(account: String? = nil, region: String? = nil) -> ResourceScope {
        ResourceScope(account: file.account ?? account ?? ResourceScope.unknownValue,
                      region: file.region ?? region ?? ResourceScope.unknownValue)
    }

    /// The scope of a resource that names its owner: a VPC or subnet shared through AWS RAM is the owner's,
    /// whichever account's folder lists it (AWS "Share your VPC with other accounts").
    func ownedScope(owner: String?, region: String? = nil) -> ResourceScope {
        ResourceScope(account: owner ?? file.account ?? ResourceScope.unknownValue,
                      region: file.region ?? region ?? ResourceScope.unknownValue)
    }

    /// The scope of a resource known by ARN (`arn:aws:service:region:account:...`).
    func scope(arn: String?) -> ResourceScope {
        let parts = arn?.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false) ?? []
        let region = parts.count > 3 && !parts[3].isEmpty ? String(parts[3]) : nil
        let account = parts.count > 4 && !parts[4].isEmpty ? String(parts[4]) : nil
        return scope(account: account, region: region)
    }

    /// A region from an availability zone name (`us-east-1a` → `us-east-1`).
    static func region(fromZone zone: String?) -> String? {
        guard var zone, let last = zone.last, last.isLetter else { return nil }
        zone.removeLast()
        return InputFile.isRegion(zone) ? zone : nil
    }

    func cidr(_ text: String?, at node: Node) throws(ImportError) -> IPPrefix? {
        guard let text else { return nil }
        guard let prefix = IPPrefix(text) else {
            throw .invalidValue(file: file.displayPath, path: node.path, message: "'\(Quoted.value(text))' is not a CIDR block")
        }
        return prefix
    }

    func ipProtocol(_ text: String?, at node: Node) throws(ImportError) -> IPProtocol {
        guard let text else { throw .missingField(file: file.displayPath, path: node.path, field: "Protocol") }
        guard let p = IPProtocol(aws: text) else {
            throw .invalidValue(file: file.displayPath, path: node.path, message: "'\(Quoted.value(text))' is not an IP protocol")
        }
        return p
    }
}
