/// Why the action database could not be loaded.
public struct ActionDatabaseError: Error, Sendable, Hashable, CustomStringConvertible {
    public var problem: String

    public init(_ problem: String) {
        self.problem = problem
    }

    public var description: String { "IAM action database: \(problem)" }
}
