import Findings

/// Tiers as nodes, allowed flows as edges, placed in VPC and subnet-class clusters: what the
/// DOT and Mermaid renderers draw.
public struct TierGraph: Sendable, Hashable {
    /// What a node stands for.
    public enum NodeKind: String, Sendable, Hashable {
        case internet, onPremises, loadBalancer, instances, database, lambda, bucket, other
        /// A resource reached through its resource policy or sharing (queue, key, snapshot, ...).
        case sharedResource
        /// An account or organization outside the snapshot that a resource is shared with.
        case externalAccount
    }

    /// Where a node is drawn: inside a VPC's subnet-class cluster, with the buckets, with the resources reached through
    /// their policies, or at the top level.
    public enum Placement: Sendable, Hashable {
        case top
        case subnet(vpcId: String, subnetClass: SubnetClass)
        case vpc(String)
        case storage
        case shared
    }

    /// One tier or bucket.
    public struct Node: Sendable, Hashable {
        /// A generated identifier safe in DOT and Mermaid (`n0`, `n1`, ...).
        public var id: String
        /// The tier's name (or the bucket's).
        public var name: String
        /// A short second line: kind and member count.
        public var detail: String
        public var kind: NodeKind
        public var placement: Placement
        /// The worst severity among the (not suppressed) findings on the node's resources.
        public var worstSeverity: Severity?
        /// Resource IDs of the members (instances, load balancers, databases, the bucket).
        public var members: [String]

        /// Whether the node is drawn red.
        public var isCritical: Bool { worstSeverity == .critical }
    }

    /// One allowed flow.
    public struct Edge: Sendable, Hashable {
        public var from: String
        public var to: String
        /// `tcp/22,5000`, `via demo-app-alb`, `public read`.
        public var label: String
        /// Reachable only through a load balancer (drawn dashed).
        public var viaLoadBalancer: Bool
        /// Red for exposed sensitive ports or critical destinations, orange for high ones.
        public var highlight: Severity?
    }

    /// A VPC cluster's heading.
    public struct VPCInfo: Sendable, Hashable {
        public var id: String
        /// `Name (vpc-id)`, or the ID when the VPC has no Name tag.
        public var label: String
    }

    /// The internet, the tiers in their order, the buckets, then resources shared by their policies and who they are shared with.
    public var nodes: [Node]
    /// Allowed flows, in matrix order, then the internet's edges to public buckets.
    public var edges: [Edge]
    /// The VPCs holding nodes, in the order first met.
    public var vpcs: [VPCInfo]

    /// The node with `name`, if any.
    public func node(named name: String) -> Node? { nodes.first { $0.name == name } }
}
