import Foundation

/// Facts about how and when a snapshot was taken.
public struct SnapshotMetadata: Sendable, Hashable, Codable {
    /// How the snapshot was made.
    public enum Source: String, Sendable, Hashable, Codable {
        /// From AWS APIs directly.
        case live
        /// From saved AWS CLI output (`netaudit import`).
        case `import`
    }

    public var createdAt: Date
    public var source: Source
    public var accounts: [String]
    public var regions: [String]
    public var toolVersion: String
    /// Where the input came from: import paths or the endpoint, never credentials.
    public var origin: [String]

    public init(createdAt: Date, source: Source, accounts: [String], regions: [String], toolVersion: String, origin: [String] = []) {
        self.createdAt = createdAt
        self.source = source
        self.accounts = accounts
        self.regions = regions
        self.toolVersion = toolVersion
        self.origin = origin
    }
}

/// The version of netaudit, recorded in every snapshot.
public enum NetauditVersion {
    public static let current = "0.1.0"
}
