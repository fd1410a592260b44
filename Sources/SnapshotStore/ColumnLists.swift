import NetModel

/// Text forms of lists kept in columns, and their parsing back, for the fast query loader.
///
/// Optional lists keep the difference between "not captured" (NULL) and "captured, empty" (`''`).
/// Interface addresses are `private[=public]` joined by commas, in the interface's order
/// (`10.0.1.5=54.1.2.3,10.0.1.6`); the primary one is the row's `private_ip`.
enum ColumnLists {
    /// Items joined by commas; `''` when empty (unlike `joined`, which gives NULL).
    static func list(_ items: [String]) -> String { items.joined(separator: ",") }

    /// Prefixes joined by commas.
    static func prefixes(_ items: [IPPrefix]) -> String { list(items.map(\.description)) }

    /// Every private address with its public IP, `private[=public]` joined by commas; NULL when none.
    static func privateAddresses(_ items: [PrivateAddress]) -> String? {
        joined(items.map { a in a.publicIp.map { "\(a.address)=\($0)" } ?? a.address })
    }

    /// A NAT gateway's addresses, `interface|private|public|allocation` (empty for an absent part) joined by commas.
    static func natAddresses(_ items: [NATGatewayAddress]) -> String {
        list(items.map { a in [a.networkInterfaceId, a.privateIp, a.publicIp, a.allocationId].map { $0 ?? "" }.joined(separator: "|") })
    }

    /// NAT gateway addresses back from `natAddresses`.
    static func parseNATAddresses(_ text: String?) -> [NATGatewayAddress] {
        items(text).map { entry in
            let parts = entry.split(separator: "|", omittingEmptySubsequences: false).map { $0.isEmpty ? nil : String($0) }
            func part(_ i: Int) -> String? { i < parts.count ? parts[i] : nil }
            return NATGatewayAddress(networkInterfaceId: part(0), privateIp: part(1), publicIp: part(2), allocationId: part(3))
        }
    }

    /// The items of a list column; `[]` for NULL or `''`.
    static func items(_ text: String?) -> [String] {
        guard let text, !text.isEmpty else { return [] }
        // Most lists hold one item: no splitting (this runs for every interface on each query).
        if !text.utf8.contains(UInt8(ascii: ",")) { return [text] }
        return text.split(separator: ",").map(String.init)
    }

    /// The items of an optional list column; nil for NULL.
    static func optionalItems(_ text: String?) -> [String]? { text.map { items($0) } }

    /// Private addresses back from `privateAddresses`; the one equal to `primary` (the first such) is primary.
    static func parsePrivateAddresses(_ text: String?, primary: String?) -> [PrivateAddress] {
        // One address without a public IP, the common case, needs no splitting.
        if let text, !text.isEmpty, !text.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "=") }) {
            return [PrivateAddress(address: text, primary: text == primary, publicIp: nil)]
        }
        var seenPrimary = false
        return items(text).map { entry in
            let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
            let address = parts.first ?? entry
            let isPrimary = !seenPrimary && address == primary
            if isPrimary { seenPrimary = true }
            return PrivateAddress(address: address, primary: isPrimary, publicIp: parts.count > 1 ? parts[1] : nil)
        }
    }
}
