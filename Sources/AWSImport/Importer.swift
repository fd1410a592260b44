import Foundation
import NetModel
import JSON

/// The result of importing AWS CLI output: the model, every raw document, and the import's warnings
/// (in `inventory.warnings`).
public struct ImportResult: Sendable {
    public var inventory: Inventory
    public var rawDocuments: [RawDocument]
    /// How many files were read.
    public var fileCount: Int
}

/// Reads folders of AWS CLI JSON output into the model.
///
/// Each file is recognised by its top-level key, never by its name; folders named
/// after accounts and regions scope what is beneath them. A malformed file stops the
/// import (or, with `skipInvalid`, becomes a warning); an unrecognised one is kept raw
/// and reported as a warning.
public struct Importer: Sendable {
    public var skipInvalid: Bool
    /// Files larger than this are refused before they are read (the parser holds a file and its tree in memory,
    /// about twice its size).
    public var maxFileBytes: Int

    /// 512 MiB: ten times the largest AWS CLI output of a large account we have seen (`describe-instances`).
    public static let defaultMaxFileBytes = 512 << 20

    public init(skipInvalid: Bool = false, maxFileBytes: Int = Importer.defaultMaxFileBytes) {
        self.skipInvalid = skipInvalid
        self.maxFileBytes = maxFileBytes
    }

    /// Imports every `*.json` file under the given files and folders.
    public func importPaths(_ paths: [String]) throws(ImportError) -> ImportResult {
        try importFiles(try InputFile.discover(paths))
    }

    /// Imports the given files.
    public func importFiles(_ files: [InputFile]) throws(ImportError) -> ImportResult {
        var collector = Collector()
        var raw: [RawDocument] = []
        raw.reserveCapacity(files.count)
        for file in files {
            let ctx = FileContext(file: file)
            let bytes: [UInt8]
            if file.contents == nil, let size = (try? FileManager.default.attributesOfItem(atPath: file.url.path))?[.size] as? Int, size > maxFileBytes {
                throw .unreadable(file: file.displayPath, reason: "is \(size) bytes, over the \(maxFileBytes >= 1 << 20 ? "\(maxFileBytes >> 20) MiB" : "\(maxFileBytes)-byte") limit (raise it with --max-file-mb)")
            }
            do {
                bytes = try file.contents ?? Array(Data(contentsOf: file.url))
            } catch {
                throw .unreadable(file: file.displayPath, reason: error.localizedDescription)
            }
            do throws(ImportError) {
                let root: JSONValue
                do {
                    root = try JSONParser.parse(bytes)
                } catch {
                    throw ImportError.malformedJSON(file: file.displayPath, line: error.line, column: error.column, message: error.message)
                }
                let recognition = DocumentKind.recognize(root)
                // One redaction for every stored document, modelled or raw; the mapping below reads the original.
                var content = String(decoding: bytes, as: UTF8.self)
                let (redacted, redaction) = SecretRedactor.redact(root)
                if !redaction.paths.isEmpty {
                    content = redacted.canonicalText
                    collector.warn(file, "secret-redacted", redaction.summary)
                }
                raw.append(RawDocument(source: file.displayPath, scope: ctx.scope(), kind: recognition.label, content: content))
                try map(recognition, Node(root: root, file: file.displayPath), ctx, into: &collector)
            } catch {
                guard skipInvalid else { throw error }
                collector.warn(file, "invalid-document", "skipped: \(error.description)")
                if raw.last?.source != file.displayPath {
                    var text = String(decoding: bytes, as: UTF8.self)
                    if let redacted = SecretRedactor.redactText(text) {
                        text = redacted.text
                        collector.warn(file, "secret-redacted", "\(redacted.kinds.joined(separator: ", ")) not stored (invalid document kept raw)")
                    }
                    raw.append(RawDocument(source: file.displayPath, scope: ctx.scope(), kind: "invalid", content: text))
                }
            }
        }
        Reconciler.finish(&collector)
        return ImportResult(inventory: collector.inventory, rawDocuments: raw, fileCount: files.count)
    }

    private func map(_ recognition: DocumentKind.Recognition, _ root: Node, _ ctx: FileContext,
                     into c: inout Collector) throws(ImportError) {
        switch recognition {
        case .unsupported(let key, let what):
            c.warn(ctx.file, "unsupported-document", "\(what) (top-level key \(key)) is not modelled yet; kept raw")
        case .unrecognized(let keys):
            let shown = keys.isEmpty ? "not a JSON object" : "top-level keys \(keys.prefix(5).joined(separator: ", "))"
            c.warn(ctx.file, "unrecognized-document", "not a recognised AWS CLI output (\(shown)); kept raw")
        case .known(let kind):
            try Importer.mapKnown(kind, root, ctx, into: &c)
        }
    }

    private static func mapKnown(_ kind: DocumentKind, _ root: Node, _ ctx: FileContext,
                                 into c: inout Collector) throws(ImportError) {
        switch kind {
        case .vpcs: try EC2NetworkMapper.vpcs(root, ctx, into: &c)
        case .subnets: try EC2NetworkMapper.subnets(root, ctx, into: &c)
        case .routeTables: try EC2NetworkMapper.routeTables(root, ctx, into: &c)
        case .internetGateways: try EC2NetworkMapper.internetGateways(root, ctx, into: &c)
        case .egressOnlyInternetGateways: try EC2NetworkMapper.egressOnlyInternetGateways(root, ctx, into: &c)
        case .natGateways: try EC2NetworkMapper.natGateways(root, ctx, into: &c)
        case .addresses: try EC2NetworkMapper.addresses(root, ctx, into: &c)
        case .securityGroups: try EC2SecurityMapper.securityGroups(root, ctx, into: &c)
        case .networkAcls: try EC2SecurityMapper.networkAcls(root, ctx, into: &c)
        case .networkInterfaces: try EC2ComputeMapper.networkInterfaces(root, ctx, into: &c)
        case .reservations: try EC2ComputeMapper.reservations(root, ctx, into: &c)
        case .vpcPeeringConnections: try EC2ConnectivityMapper.peeringConnections(root, ctx, into: &c)
        case .transitGateways: try EC2ConnectivityMapper.transitGateways(root, ctx, into: &c)
        case .transitGatewayAttachments: try EC2ConnectivityMapper.transitGatewayAttachments(root, ctx, into: &c)
        case .transitGatewayVpcAttachments: try EC2ConnectivityMapper.transitGatewayVpcAttachments(root, ctx, into: &c)
        case .transitGatewayRouteTables: try EC2ConnectivityMapper.transitGatewayRouteTables(root, ctx, into: &c)
        case .transitGatewayRoutes: try EC2ConnectivityMapper.transitGatewayRoutes(root, ctx, into: &c)
        case .vpcEndpoints: try EC2ConnectivityMapper.vpcEndpoints(root, ctx, into: &c)
        case .prefixLists: try EC2ConnectivityMapper.prefixLists(root, ctx, into: &c)
        case .prefixListEntries: try EC2ConnectivityMapper.prefixListEntries(root, ctx, into: &c)
        case .loadBalancers: try ELBMapper.loadBalancers(root, ctx, into: &c)
        case .listeners: try ELBMapper.listeners(root, ctx, into: &c)
        case .targetGroups: try ELBMapper.targetGroups(root, ctx, into: &c)
        case .targetHealth: try ELBMapper.targetHealth(root, ctx, into: &c)
        case .listenerRules: try ELBRulesMapper.rules(root, ctx, into: &c)
        case .dbInstances: try RDSMapper.dbInstances(root, ctx, into: &c)
        case .dbSubnetGroups: try RDSMapper.dbSubnetGroups(root, ctx, into: &c)
        case .lambdaFunctions: try LambdaMapper.functions(root, ctx, into: &c)
        case .iamAuthorizationDetails: try IAMMapper.authorizationDetails(root, ctx, into: &c)
        case .buckets: try S3Mapper.buckets(root, ctx, into: &c)
        case .bucketPolicy where ctx.file.callFolder == "kms-get-key-policy", .bucketAcl where ctx.file.callFolder == "kms-list-grants":
            try ResourcePolicyMapper.map(kind, root, ctx, into: &c)
        case .bucketPolicy where ctx.file.callFolder == "lambda-get-policy":
            try ResourcePolicyMapper.map(.lambdaPolicy, root, ctx, into: &c)
        case .bucketPolicy, .bucketPolicyStatus, .bucketAcl, .publicAccessBlock, .ownershipControls, .bucketLocation:
            try S3Mapper.bucketDocument(kind, root, ctx, into: &c)
        case .callerIdentity:
            if let account = try root.string("Account") { c.identifiedAccounts.insert(account) }
        case .regions:
            break
        case .transitGatewayPropagations: try TransitGatewayRoutingMapper.propagations(root, ctx, into: &c)
        case .transitGatewayAssociations: try TransitGatewayRoutingMapper.associations(root, ctx, into: &c)
        case .elbAttributes: try ELBAttributesMapper.attributes(root, ctx, into: &c)
        case .vpnGateways: try VPNMapper.vpnGateways(root, ctx, into: &c)
        case .customerGateways: try VPNMapper.customerGateways(root, ctx, into: &c)
        case .vpnConnections: try VPNMapper.vpnConnections(root, ctx, into: &c)
        case .directConnectGateways, .batfishDirectConnectGateways:
            try VPNMapper.directConnectGateways(root, kind.rawValue, ctx, into: &c)
        case .directConnectGatewayAssociations, .batfishDirectConnectGatewayAssociations:
            try VPNMapper.directConnectGatewayAssociations(root, kind.rawValue, ctx, into: &c)
        case .batfishTransitGatewayStaticRoutes: try BatfishMapper.transitGatewayStaticRoutes(root, ctx, into: &c)
        case .batfishTransitGatewayPropagations: try BatfishMapper.transitGatewayPropagations(root, ctx, into: &c)
        case .batfishLoadBalancerListeners: try BatfishMapper.loadBalancerListeners(root, ctx, into: &c)
        case .batfishLoadBalancerTargetHealth: try BatfishMapper.loadBalancerTargetHealth(root, ctx, into: &c)
        case .batfishLoadBalancerAttributes: try BatfishMapper.loadBalancerAttributes(root, ctx, into: &c)
        case .elasticsearchDomains: try OpenSearchMapper.domains(root, ctx, into: &c)
        case .openSearchDomain: try OpenSearchMapper.domain(root, ctx, into: &c)
        case .eksCluster: try EKSMapper.cluster(root, ctx, into: &c)
        case .eksNodegroup: try EKSMapper.nodegroup(root, ctx, into: &c)
        case .cacheClusters: try ElastiCacheMapper.cacheClusters(root, ctx, into: &c)
        case .cacheReplicationGroups: try ElastiCacheMapper.replicationGroups(root, ctx, into: &c)
        case .cacheSubnetGroups: try ElastiCacheMapper.cacheSubnetGroups(root, ctx, into: &c)
        case .dbClusters: try DBClusterMapper.dbClusters(root, ctx, into: &c)
        case .functionUrlConfigs: try FunctionURLMapper.configs(root, ctx, into: &c)
        case .functionUrlConfig: try FunctionURLMapper.config(root, ctx, into: &c)
        case .vpcEndpointServices: try BatfishMapper.unmodelled(kind, root, ctx, into: &c)
        case .ecsClusterArns, .ecsServiceArns, .ecsTaskArns, .ecsTaskDefinitionArns, .ecsContainerInstanceArns: try ECSMapper.arns(root, kind.rawValue)
        case .ecsClusters: try ECSMapper.clusters(root, ctx, into: &c)
        case .ecsServices: try ECSMapper.services(root, ctx, into: &c)
        case .ecsTasks: try ECSMapper.tasks(root, ctx, into: &c)
        case .ecsTaskDefinition, .ecsTaskDefinitions: try ECSMapper.taskDefinitions(root, kind, ctx, into: &c)
        case .ecsContainerInstances: try ECSMapper.containerInstances(root, ctx, into: &c)
        case .snsTopics, .snsTopicAttributes, .sqsQueueUrls, .sqsQueueAttributes, .kmsKeys, .kmsKeyMetadata, .kmsKeyPolicy, .kmsGrants,
             .lambdaPolicy, .secretList, .secretPolicy, .ecrRepositories, .ecrRepositoryPolicy, .efsFileSystems, .efsFileSystemPolicy:
            try ResourcePolicyMapper.map(kind, root, ctx, into: &c)
        case .dbSnapshotAttributes, .dbClusterSnapshotAttributes, .snapshotVolumePermissions, .images, .imageLaunchPermissions:
            try SharedArtifactMapper.map(kind, root, ctx, into: &c)
        case .cloudFormationExports: _ = try CloudFormationExports.values(root)
        }
    }
}

extension DocumentKind.Recognition {
    /// The label stored with the raw document.
    var label: String {
        switch self {
        case .known(let kind): kind.rawValue
        case .unsupported(let key, _): "unsupported:\(key)"
        case .unrecognized: "unrecognized"
        }
    }
}
