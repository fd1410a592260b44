import NetModel

/// Who may connect to a service endpoint AWS runs outside every VPC, and on which ports.
///
/// No security group, network ACL or route of the account applies on the service's side: the service's own
/// setting decides (EKS `publicAccessCidrs`; an OpenSearch domain's or a function URL's resource policy, which
/// netaudit reports but does not treat as a network control).
public struct PublicServiceAccess: Sendable, Hashable {
    /// The client addresses the service admits.
    public var allowed: AddressSet
    public var ports: PortSet
    /// The setting that admits them, for paths and blockers (`publicAccessCidrs 203.0.113.0/24`).
    public var control: String
    /// What decides beyond the network (the access policy, IAM authentication), for notes.
    public var guardNote: String?
    /// How to narrow it, for blockers' counterpart (fix text).
    public var fix: String

    public init(allowed: AddressSet, ports: PortSet, control: String, guardNote: String? = nil, fix: String) {
        self.allowed = allowed
        self.ports = ports
        self.control = control
        self.guardNote = guardNote
        self.fix = fix
    }
}
