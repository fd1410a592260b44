import NetModel

/// The keys the lookup tables of schema 5 hold (`interface_names`, `instance_names`, `security_group_names`,
/// `interface_security_groups`, `interface_addresses`): what `query` finds the resources a term names by, in the
/// form the term is compared in.
enum LookupKeys {
    /// The tag EC2 Auto Scaling puts on its instances; `asg` names and EKS node groups select by it.
    static let autoScalingTag = "aws:autoscaling:groupName"

    /// Name keys (`InventorySeed.nameKey`) of the given names, each once.
    static func names(_ names: [String?]) -> [String] { distinct(names.compactMap { $0.map(InventorySeed.nameKey) }) }

    /// The name keys of an interface: its ID, its instance's ID (the name of an instance the snapshot doesn't
    /// describe), Name tag, description and Auto Scaling group tag.
    static func names(_ eni: NetworkInterface) -> [String] {
        var instance: String?
        if case .instance(let id) = eni.owner { instance = id }
        return names([eni.id, instance, eni.tags.name, eni.description, eni.tags[autoScalingTag]])
    }

    /// Security group IDs in lower case (selectors compare IDs case-insensitively), each once.
    static func groups(_ ids: [String]) -> [String] { distinct(ids.map { $0.lowercased() }) }

    /// Every address of an interface in its canonical text (`IPAddress.description`): private ones, the public IPs
    /// mapped to them, IPv6 ones. Text that is no address is left out (no selector can name it).
    static func addresses(_ eni: NetworkInterface) -> [String] {
        let texts = eni.privateAddresses.flatMap { [$0.address, $0.publicIp].compactMap { $0 } } + eni.ipv6Addresses
        return distinct(texts.compactMap { IPAddress($0)?.description })
    }

    private static func distinct(_ items: [String]) -> [String] {
        var seen = Set<String>()
        return items.filter { seen.insert($0).inserted }
    }
}
