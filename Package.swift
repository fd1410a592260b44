// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "netaudit",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "netaudit", targets: ["netaudit"]),
        .executable(name: "netaudit-bench", targets: ["netaudit-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
    ],
    targets: [
        // Vendor-independent model of networks, workloads, identities and storage.
        .target(name: "NetModel"),
        // The AWS representation: AWS CLI / API JSON documents mapped into the model.
        .target(name: "AWSImport", dependencies: ["NetModel"]),
        // SQLite snapshot store (one file per snapshot).
        .target(name: "SnapshotStore", dependencies: [
            "NetModel",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // IAM policy language and S3 "public" semantics: parse, match, evaluate (no findings here).
        .target(name: "AccessAnalysis", dependencies: ["NetModel"], resources: [.copy("Resources/iam-actions.json")]),
        // Path-aware reachability: which endpoints can talk on which ports, and why (not).
        .target(name: "Reachability", dependencies: ["NetModel"]),
        // Synthetic accounts for benchmarks and scale tests.
        .target(name: "SyntheticAccount", dependencies: ["NetModel"]),
        .executableTarget(name: "netaudit", dependencies: [
            "NetModel", "AWSImport", "SnapshotStore", "Reachability",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "netaudit-bench", dependencies: [
            "NetModel", "AWSImport", "SnapshotStore", "Reachability", "SyntheticAccount",
        ]),
        .testTarget(name: "NetModelTests", dependencies: ["NetModel"]),
        .testTarget(name: "AWSImportTests", dependencies: ["AWSImport", "NetModel"], exclude: ["Fixtures"]),
        .testTarget(name: "AccessAnalysisTests", dependencies: ["AccessAnalysis", "NetModel"]),
        .testTarget(name: "ReachabilityTests", dependencies: ["Reachability", "NetModel", "AWSImport"]),
        .testTarget(name: "SnapshotStoreTests", dependencies: [
            "SnapshotStore", "AWSImport", "NetModel", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "EndToEndTests", dependencies: ["netaudit", "SnapshotStore", "NetModel"]),
    ]
)
