/// Where a resource lives: its account and region.
///
/// Global services (IAM) use the region `global`; an account or region the
/// input did not reveal is `unknown`.
public struct ResourceScope: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var account: String
    public var region: String

    public static let unknownValue = "unknown"
    public static let globalRegion = "global"

    public init(account: String, region: String) {
        self.account = account
        self.region = region
    }

    public var description: String { "\(account)/\(region)" }

    public static func < (a: ResourceScope, b: ResourceScope) -> Bool {
        (a.account, a.region) < (b.account, b.region)
    }
}

/// Resource tags as key/value pairs.
public typealias Tags = [String: String]

extension Dictionary where Key == String, Value == String {
    /// The `Name` tag, AWS's conventional display name.
    public var name: String? { self["Name"] }
}
