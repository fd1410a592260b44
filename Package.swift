// swift-tools-version:6.1
import PackageDescription

/// Release executables carry the Swift runtime and Foundation linked in (`-static-stdlib`): no shared libraries to
/// load and relocate at start (a whole `netaudit query` is mostly process start). Debug builds and tests link them
/// dynamically, as usual.
/// The modules are compiled against the shared Foundation, whose link entries leave out what the static one needs
/// (CoreFoundation, ICU data, the shims, Synchronization, Dispatch): named here, as one group.
let staticRuntimeInRelease: [LinkerSetting] = [.unsafeFlags(
    ["-static-stdlib", "-Xlinker", "--start-group", "-lFoundation", "-lFoundationEssentials", "-lFoundationInternationalization",
     "-lCoreFoundation", "-l_FoundationICU", "-l_FoundationCShims", "-l_FoundationCollections",
     "-lswiftSynchronization", "-lswift_RegexParser", "-lswift_StringProcessing", "-lswiftDispatch", "-ldispatch", "-lBlocksRuntime",
     "-Xlinker", "--end-group"],
    .when(platforms: [.linux], configuration: .release))]

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
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
    ],
    targets: [
        // JSON values: a strict parser with positions, ordered objects, numbers kept as written; compact, pretty and canonical output.
        .target(name: "JSON"),
        // Vendor-independent model of networks, workloads, identities and storage.
        .target(name: "NetModel"),
        // The AWS representation: AWS CLI / API JSON documents mapped into the model.
        .target(name: "AWSImport", dependencies: ["NetModel", "JSON"]),
        // Infrastructure as code before deploy: CloudFormation templates (and Terraform plans) read into resources.
        .target(name: "IaCImport", dependencies: ["NetModel", "AWSImport", "JSON", "Findings", .product(name: "Yams", package: "Yams")]),
        // Snapshot stores: SQLite (one file per snapshot) and PostgreSQL (one schema per snapshot), from one table list.
        .target(name: "SnapshotStore", dependencies: [
            "NetModel", "PostgresClient", "SigV4", "JSON",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // IAM policy language and S3 "public" semantics: parse, match, evaluate (no findings here).
        .target(name: "AccessAnalysis", dependencies: ["NetModel", "JSON"], resources: [.copy("Resources/iam-actions.json")]),
        // Path-aware reachability: which endpoints can talk on which ports, and why (not).
        .target(name: "Reachability", dependencies: ["NetModel"]),
        // C libraries, each wrapped by exactly one Swift module.
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(name: "CLibCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        // HTTP over libcurl (wraps CCurl): connection reuse, timeouts, TLS with the system CA bundle, proxies.
        .target(name: "HTTPClient", dependencies: ["CCurl"]),
        // PostgreSQL over libpq (wraps CLibPQ): connections from a URL, parameterised statements, bulk inserts.
        .target(name: "PostgresClient", dependencies: ["CLibPQ"]),
        // AWS Signature Version 4 (wraps CLibCrypto for SHA-256 and HMAC).
        .target(name: "SigV4", dependencies: ["CLibCrypto"]),
        // Live capture: AWS APIs over HTTP into the same documents the offline import reads.
        .target(name: "AWSCapture", dependencies: ["NetModel", "AWSImport", "JSON", "HTTPClient", "SigV4"], resources: [.copy("Resources/aws-shapes.json")]),
        // Findings as data: rule, severity, resource, evidence, fix; stable fingerprints.
        .target(name: "Findings"),
        // Policy files (YAML: tiers, intents, suppressions) and the rules that turn facts into findings.
        .target(name: "Policy", dependencies: [
            "NetModel", "Reachability", "AccessAnalysis", "Findings", .product(name: "Yams", package: "Yams"),
        ]),
        // What changed between two snapshots: configuration, findings, and the paths that opened or closed.
        .target(name: "Diff", dependencies: ["NetModel", "Reachability", "Policy", "Findings", "Report", "JSON"]),
        // The one engine that decides output format and exit code: table, JSON, SARIF, JUnit, Markdown.
        .target(name: "Report", dependencies: ["Findings", "JSON"]),
        // Synthetic accounts for benchmarks and scale tests.
        .target(name: "SyntheticAccount", dependencies: ["NetModel", "JSON"]),
        // The tier graph: tiers as nodes, allowed flows as edges, as DOT, Mermaid, SVG or PNG.
        .target(name: "Graph", dependencies: ["NetModel", "Reachability", "Findings", "Policy", "AccessAnalysis"]),
        .executableTarget(name: "netaudit", dependencies: [
            "NetModel", "AWSImport", "IaCImport", "SnapshotStore", "Reachability", "AWSCapture", "Policy", "Findings", "Report", "HTTPClient", "Diff", "Graph", "JSON",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], linkerSettings: staticRuntimeInRelease),
        .executableTarget(name: "netaudit-bench", dependencies: [
            "NetModel", "AWSImport", "SnapshotStore", "Reachability", "Policy", "Diff", "SyntheticAccount",
        ], linkerSettings: staticRuntimeInRelease),
        // Test support: a real PostgreSQL server started for the store tests (initdb/pg_ctl in a temporary folder), free local ports.
        .target(name: "PostgresTestSupport", path: "Tests/PostgresTestSupport"),
        .testTarget(name: "JSONTests", dependencies: ["JSON", "AWSImport", "NetModel"]),
        .testTarget(name: "NetModelTests", dependencies: ["NetModel"]),
        .testTarget(name: "AWSImportTests", dependencies: ["AWSImport", "NetModel", "JSON"], exclude: ["Fixtures"]),
        .testTarget(name: "IaCImportTests", dependencies: ["IaCImport", "AWSImport", "JSON"], exclude: ["Fixtures"]),
        .testTarget(name: "AccessAnalysisTests", dependencies: ["AccessAnalysis", "NetModel"]),
        .testTarget(name: "ReachabilityTests", dependencies: ["Reachability", "NetModel", "AWSImport", "IaCImport", "SnapshotStore", "SyntheticAccount"]),
        .testTarget(name: "HTTPClientTests", dependencies: ["HTTPClient"]),
        .testTarget(name: "SigV4Tests", dependencies: ["SigV4"], exclude: ["Vectors"]),
        .testTarget(name: "AWSCaptureTests", dependencies: [
            "AWSCapture", "AWSImport", "JSON", "NetModel", "SnapshotStore", "Policy", "Findings", "IaCImport", "Reachability", "PostgresTestSupport",
        ]),
        .testTarget(name: "PolicyTests", dependencies: ["Policy", "Reachability", "AccessAnalysis", "AWSImport", "NetModel", "Findings"]),
        .testTarget(name: "FindingsTests", dependencies: ["Findings"]),
        .testTarget(name: "DiffTests", dependencies: ["Diff", "Policy", "Reachability", "AWSImport", "NetModel", "Findings"]),
        .testTarget(name: "ReportTests", dependencies: ["Report", "Findings"], exclude: ["Fixtures"]),
        .testTarget(name: "GraphTests", dependencies: ["Graph", "Policy", "Reachability", "AWSImport", "NetModel", "Findings"]),
        .testTarget(name: "SnapshotStoreTests", dependencies: [
            "SnapshotStore", "JSON", "AWSImport", "NetModel", "Reachability", "Policy", "Findings", "PostgresClient", "PostgresTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "EndToEndTests", dependencies: ["netaudit", "SnapshotStore", "NetModel", "PostgresTestSupport"]),
        // Bounded in-process fuzzing of every parser (FUZZ_SECONDS, FUZZ_SEED, FUZZ_SAVE; `scripts/fuzz`).
        .testTarget(name: "FuzzTests", dependencies: [
            "AWSImport", "AWSCapture", "AccessAnalysis", "JSON", "Policy", "Reachability", "NetModel", "Findings",
        ], exclude: ["Corpus", "Regressions"]),
    ]
)
