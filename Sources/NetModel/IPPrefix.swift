/// A CIDR block such as `10.0.1.0/24` or `2600:1f18::/56`.
///
/// The stored address is always the network address (host bits cleared), so two
/// spellings of the same block compare equal. Encoded as its text form.
public struct IPPrefix: Sendable, Hashable, Codable, CustomStringConvertible {
    public let address: IPAddress
    public let length: Int

    /// The IPv4 block that holds every address.
    public static let anyV4 = IPPrefix(uncheckedAddress: .v4(0), length: 0)
    /// The IPv6 block that holds every address.
    public static let anyV6 = IPPrefix(uncheckedAddress: .v6(0, 0), length: 0)

    /// Parses `address/length`; a bare address is a host prefix (/32 or /128).
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let address = IPAddress(parts[0]) else { return nil }
        let maxLength = address.isV4 ? 32 : 128
        var length = maxLength
        if parts.count == 2 {
            guard let l = Int(parts[1]), (0...maxLength).contains(l) else { return nil }
            length = l
        }
        self.init(uncheckedAddress: address, length: length)
    }

    /// A host prefix for one address.
    public init(host: IPAddress) {
        self.init(uncheckedAddress: host, length: host.isV4 ? 32 : 128)
    }

    init(uncheckedAddress: IPAddress, length: Int) {
        self.length = length
        switch uncheckedAddress {
        case .v4(let v):
            self.address = .v4(length == 0 ? 0 : v & (UInt32.max << UInt32(32 - length)))
        case .v6(let hi, let lo):
            let (mh, ml) = IPPrefix.v6Mask(length)
            self.address = .v6(hi & mh, lo & ml)
        }
    }

    /// Whether this is an IPv4 block.
    public var isV4: Bool { address.isV4 }

    /// Whether `other` lies inside this block (same family only).
    public func contains(_ other: IPAddress) -> Bool {
        switch (address, other) {
        case (.v4(let net), .v4(let a)):
            return length == 0 || (a & (UInt32.max << UInt32(32 - length))) == net
        case (.v6(let nh, let nl), .v6(let h, let l)):
            let (mh, ml) = IPPrefix.v6Mask(length)
            return h & mh == nh && l & ml == nl
        default:
            return false
        }
    }

    /// Whether every address of `other` lies inside this block.
    public func contains(_ other: IPPrefix) -> Bool {
        other.length >= length && contains(other.address)
    }

    /// Whether the two blocks share at least one address.
    public func overlaps(_ other: IPPrefix) -> Bool {
        contains(other) || other.contains(self)
    }

    /// Number of addresses in an IPv4 block (nil for IPv6).
    public var v4Size: UInt64? { isV4 ? UInt64(1) << UInt64(32 - length) : nil }

    public var description: String { "\(address)/\(length)" }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let prefix = IPPrefix(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "not a CIDR block: \(text)"))
        }
        self = prefix
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }

    static func v6Mask(_ length: Int) -> (UInt64, UInt64) {
        if length == 0 { return (0, 0) }
        if length <= 64 { return (UInt64.max << UInt64(64 - length), 0) }
        if length == 128 { return (UInt64.max, UInt64.max) }
        return (UInt64.max, UInt64.max << UInt64(128 - length))
    }
}
