/// A resource a query term names, as a snapshot store can look it up by index: where a `query` starts loading
/// the neighbourhood of the pair it asks about (the store adds what those resources need to be answered).
public enum InventorySeed: Sendable, Hashable {
    /// Interfaces, instances (their interfaces) and security groups (their members) one of whose names, IDs,
    /// descriptions or Auto Scaling group tags has this key (`InventorySeed.nameKey`).
    case name(String)
    /// The member interfaces of a security group, by ID (any case).
    case securityGroup(String)
    /// The interfaces in a subnet, by its exact ID.
    case subnet(String)
    /// The interfaces in a VPC, by its exact ID.
    case vpc(String)
    /// The interfaces holding an address (private, public or IPv6, or inside a delegated IPv6 prefix).
    case address(IPAddress)

    /// The form names are compared in: lower case, spaces and underscores as hyphens (`Web App` and `web_app`
    /// both name `web-app`). Equal lower-case strings have equal keys, so a key lookup finds every ID match too.
    public static func nameKey(_ name: String) -> String {
        String(name.lowercased().map { $0 == " " || $0 == "_" ? "-" : $0 })
    }
}
