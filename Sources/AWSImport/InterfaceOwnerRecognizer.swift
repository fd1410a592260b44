import NetModel

/// What `describe-network-interfaces` says about who made an interface.
struct InterfaceFacts: Sendable, Hashable {
    /// `InterfaceType` (`interface`, `nat_gateway`, `lambda`, `vpc_endpoint`, ...).
    var type: String
    var description: String
    /// `Attachment.InstanceId`, or the instance an interface was described inside.
    var instanceId: String?
    /// `RequesterId`: the alias or account of the principal or service that created the interface.
    var requesterId: String?
    var requesterManaged: Bool
    /// `Attachment.InstanceOwnerId`: for service interfaces, the service's alias (`amazon-elb`, `amazon-rds`, ...).
    var attachmentOwner: String?
}

/// Tells an interface's owner from AWS's conventions, one rule per service.
///
/// AWS "Requester-managed network interfaces": a service that creates an interface in your VPC on your behalf
/// says so in `Description`, `InterfaceType`, `RequesterManaged` and `RequesterId`; the attachment's
/// `InstanceOwnerId` names the service too. Rules are tried in order; the first that answers wins.
enum InterfaceOwnerRecognizer {
    /// One convention: a test on the facts that yields the owner, or nil.
    struct Rule: Sendable {
        var name: String
        var recognize: @Sendable (InterfaceFacts) -> InterfaceOwner?
    }

    static func owner(_ facts: InterfaceFacts) -> InterfaceOwner? {
        for rule in rules { if let owner = rule.recognize(facts) { return owner } }
        return facts.description.isEmpty ? nil : .other(facts.description)
    }

    /// The services' aliases as `RequesterId` or attachment `InstanceOwnerId` (which say the service, not the resource).
    static func byAlias(_ f: InterfaceFacts, _ aliases: Set<String>) -> Bool {
        [f.requesterId, f.attachmentOwner].contains { $0.map(aliases.contains) ?? false }
    }

    static func lastWord(_ text: String) -> String { String(text.split(separator: " ").last ?? "") }

    static func after(_ prefix: String, in text: String) -> String? {
        text.hasPrefix(prefix) ? String(text.dropFirst(prefix.count)) : nil
    }

    static let rules: [Rule] = [
        // An instance's own interface (EC2, EFA, EKS VPC CNI and trunk/branch interfaces are attached to instances).
        Rule(name: "instance") { f in f.instanceId.map { .instance($0) } },
        Rule(name: "NAT gateway") { f in
            f.type == "nat_gateway" || f.description.hasPrefix("Interface for NAT Gateway ") ? .natGateway(lastWord(f.description)) : nil
        },
        // "ELB app/my-alb/50dc6c495c0c9188", "ELB net/...", "ELB gwy/..." or classic "ELB my-elb".
        Rule(name: "load balancer") { f in
            guard let rest = after("ELB ", in: f.description) else { return nil }
            let parts = rest.split(separator: "/")
            return .loadBalancer(String(parts.count >= 2 ? parts[1] : parts.first ?? ""))
        },
        Rule(name: "VPC endpoint") { f in
            // "VPC Endpoint Interface vpce-..." or "VPC Endpoint Interface: vpce-..." (Gateway Load Balancer endpoints alike).
            if ["vpc_endpoint", "gateway_load_balancer_endpoint"].contains(f.type) || f.description.hasPrefix("VPC Endpoint Interface") {
                return .vpcEndpoint(lastWord(f.description))
            }
            return nil
        },
        Rule(name: "transit gateway attachment") { f in
            f.type == "transit_gateway" || f.description.hasPrefix("Network Interface for Transit Gateway Attachment ")
                ? .transitGatewayAttachment(lastWord(f.description)) : nil
        },
        // "AWS Lambda VPC ENI-<function>-<uuid with five dash-separated parts>".
        Rule(name: "Lambda") { f in
            let prefix = "AWS Lambda VPC ENI-"
            guard f.type == "lambda" || f.description.hasPrefix(prefix) else { return nil }
            let rest = after(prefix, in: f.description) ?? f.description
            let parts = rest.split(separator: "-")
            return .lambda(parts.count > 5 ? parts.dropLast(5).joined(separator: "-") : rest)
        },
        Rule(name: "RDS") { f in
            f.description == "RDSNetworkInterface" || byAlias(f, ["amazon-rds"]) ? .rds : nil
        },
        // "ElastiCache my-redis-0001-001": the node's cache cluster ID.
        Rule(name: "ElastiCache") { f in
            if let id = after("ElastiCache ", in: f.description), !id.isEmpty, !id.contains(" ") { return .elastiCache(id) }
            return byAlias(f, ["amazon-elasticache"]) || f.description.hasPrefix("ElastiCache") ? .elastiCache(nil) : nil
        },
        // "Amazon EKS my-cluster": a control-plane (cross-account) interface of the cluster.
        Rule(name: "EKS") { f in
            if let name = after("Amazon EKS ", in: f.description), !name.isEmpty, !name.contains(" ") { return .eksCluster(name) }
            return nil
        },
        // "ES my-domain" (Elasticsearch and OpenSearch Service domains in a VPC).
        Rule(name: "OpenSearch") { f in
            if let name = after("ES ", in: f.description), !name.isEmpty, !name.contains(" ") { return .openSearch(name) }
            return byAlias(f, ["amazon-elasticsearch", "amazon-opensearch", "amazon-opensearchservice"]) ? .openSearch(nil) : nil
        },
        // "EFS mount target for fs-0123 (fsmt-0456)".
        Rule(name: "EFS mount target") { f in
            if let rest = after("EFS mount target for ", in: f.description) {
                return .efsMountTarget(String(rest.split(separator: " ").first ?? Substring(rest)))
            }
            return nil
        },
        // "arn:aws:ecs:<region>:<account>:attachment/<id>": an awsvpc task's interface; `describe-tasks` says which task
        // (ECSReconciler), the interface alone only that it is one.
        Rule(name: "ECS task") { f in
            guard f.description.hasPrefix("arn:"), f.description.contains(":ecs:"), f.description.contains(":attachment/") else { return nil }
            return .other("ECS task interface (attachment \(f.description.split(separator: "/").last.map(String.init) ?? f.description))")
        },
        Rule(name: "API Gateway VPC link") { f in
            f.type == "api_gateway_managed" ? .other(f.description.isEmpty ? "API Gateway VPC link" : f.description) : nil
        },
        Rule(name: "EC2 Instance Connect Endpoint") { f in
            f.type == "ec2_instance_connect_endpoint" ? .other(f.description.isEmpty ? "EC2 Instance Connect Endpoint" : f.description) : nil
        },
        // Other AWS-managed types (Global Accelerator, QuickSight, IoT rules, CodeStar connections, ...): named by their type.
        Rule(name: "other managed type") { f in
            guard !["interface", "efa", "efa-only", "trunk", "branch", ""].contains(f.type) else { return nil }
            return .other(f.description.isEmpty ? "\(f.type.replacingOccurrences(of: "_", with: " ")) interface" : f.description)
        },
        // A requester-managed interface with no description still says which service made it.
        Rule(name: "requester-managed") { f in
            guard f.requesterManaged, f.description.isEmpty, let who = f.requesterId ?? f.attachmentOwner else { return nil }
            return .other("interface managed by \(who)")
        },
    ]
}
