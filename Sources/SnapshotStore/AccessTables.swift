import NetModel

/// Tables for resource policies and shared snapshots and images (added in schema version 4).
enum AccessTables {
    /// The schema version that introduced these tables; older snapshots lack them and read as empty.
    static let introducedIn = 4

    static let all: [AnyResourceTable] = [
        AnyResourceTable(ResourceTable<PolicyResource>("policy_resources", \.policyResources, scope: \.scope, columns: [
            Column("kind") { $0.kind.rawValue },
            Column("name") { $0.name },
            Column("policy") { $0.policy },
            Column("key_manager") { $0.keyManager },
            Column("grantees") { joined($0.grants.map(\.grantee)) },
        ])),
        AnyResourceTable(ResourceTable<SharedArtifact>("shared_artifacts", \.sharedArtifacts, scope: \.scope, columns: [
            Column("kind") { $0.kind.rawValue },
            Column("shared_with") { joined($0.sharedWith) },
            Column("public", "INTEGER") { $0.isPublic },
        ])),
    ]
}
