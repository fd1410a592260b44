import NetModel

/// Network ACL answers for one peer address, memoized by which entries cover the address: two peers covered by the
/// same entries get the same ports, so each NACL direction is walked once per distinct set of covering entries.
final class SummaryACLs: @unchecked Sendable {
    private struct Key: Hashable {
        var slot: Int
        var covering: UInt64
    }

    private var memo: [Key: PortSet] = [:]
    private let lock = NSLockShim()

    /// The ports a NACL direction allows to or from `address`.
    ///
    /// AWS "Network ACL rules": network ACLs are stateless and evaluate rules in order, starting with the lowest
    /// numbered rule; the first rule that matches the traffic (protocol, ports, address block) allows or denies it,
    /// and traffic no rule matches is denied (rule `*`).
    func ports(_ acl: SummaryRules.ACLEntries, address: IPAddress) -> PortSet {
        guard acl.entries.count <= 64 else { return SummaryACLs.walk(acl, address) }
        var covering: UInt64 = 0
        for (i, entry) in acl.entries.enumerated() where entry.cidr.contains(address) { covering |= 1 << UInt64(i) }
        let key = Key(slot: acl.slot, covering: covering)
        if let known = lock.locked({ memo[key] }) { return known }
        let ports = SummaryACLs.walk(acl, address)
        lock.locked { memo[key] = ports }
        return ports
    }

    /// The entries in order: each decides the ports it covers that no earlier entry decided.
    private static func walk(_ acl: SummaryRules.ACLEntries, _ address: IPAddress) -> PortSet {
        var remaining = PortSet.all, allowed = PortSet()
        for entry in acl.entries where !remaining.isEmpty && entry.cidr.contains(address) {
            let covered = remaining.intersection(entry.ports)
            guard !covered.isEmpty else { continue }
            if entry.allow { allowed = allowed.union(covered) }
            remaining = remaining.subtracting(covered)
        }
        return allowed
    }
}
