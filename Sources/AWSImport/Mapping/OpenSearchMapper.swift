import NetModel

/// Maps `opensearch describe-domains` / `es describe-elasticsearch-domains` (`DomainStatusList`) and the
/// single-domain `describe-domain` (`DomainStatus`).
enum OpenSearchMapper {
    static func domains(_ root: Node, _ ctx: FileContext, into c: inout Collector) throws(ImportError) {
        for item in try root.array("DomainStatusList") { c.inventory.openSearchDomains.append(try domain(item, ctx)) }
    }

    static func domain(_ root: Node, _ ctx: FileContext, into c: inout Collector) throws(ImportError) {
        if let item = root["DomainStatus"] { c.inventory.openSearchDomains.append(try domain(item, ctx)) }
    }

    private static func domain(_ item: Node, _ ctx: FileContext) throws(ImportError) -> OpenSearchDomain {
        let arn = try item.string("ARN")
        let vpc = item["VPCOptions"]
        let vpcId = try vpc?.string("VPCId").flatMap { $0.isEmpty ? nil : $0 }
        // A VPC domain answers on `Endpoints.vpc`; a public one on `Endpoint`.
        var endpoint = try item["Endpoints"]?.string("vpc")
        if endpoint == nil { endpoint = try item.string("Endpoint") }
        // A domain without an access policy prints `"AccessPolicies": ""`.
        let rawPolicy = item["AccessPolicies"]
        let policy = rawPolicy.map { if case .string(let s) = $0.value { s.isEmpty } else { false } } ?? true
            ? nil : try item.policyDocument("AccessPolicies")
        return OpenSearchDomain(
            id: try item.requiredString("DomainName"), scope: ctx.scope(arn: arn), arn: arn,
            engineVersion: try item.firstString("EngineVersion", "ElasticsearchVersion"), endpoint: endpoint,
            vpcId: vpcId, subnetIds: try vpc?.strings("SubnetIds") ?? [], securityGroupIds: try vpc?.strings("SecurityGroupIds") ?? [],
            accessPolicy: policy, nodeToNodeEncryption: try item["NodeToNodeEncryptionOptions"]?.bool("Enabled") ?? false,
            encryptionAtRest: try item["EncryptionAtRestOptions"]?.bool("Enabled") ?? false,
            enforceHTTPS: try item["DomainEndpointOptions"]?.bool("EnforceHTTPS") ?? false,
            fineGrainedAccessControl: try item["AdvancedSecurityOptions"]?.bool("Enabled") ?? false)
    }
}
