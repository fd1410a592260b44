import NetModel

extension ECSMapper {
    /// A deployment's `serviceConnectConfiguration` (Amazon ECS API Reference, "ServiceConnectConfiguration"): nil
    /// unless `enabled`; each `services[]` entry with its `portName`, `discoveryName`, `ingressPortOverride` and
    /// `clientAliases[]` (`port`, `dnsName`). A port outside 1–65535 or an entry without `portName` names its member.
    static func serviceConnect(_ node: Node?) throws(ImportError) -> ServiceConnectConfiguration? {
        guard let node, try node.bool("enabled") == true else { return nil }
        var services: [ServiceConnectService] = []
        for s in try node.array("services") {
            var aliases: [ServiceConnectAlias] = []
            for a in try s.array("clientAliases") {
                guard let p = try servicePort(a, "port") else { throw .missingField(file: a.file, path: a.path, field: "port") }
                aliases.append(ServiceConnectAlias(port: p, dnsName: try a.string("dnsName")))
            }
            services.append(ServiceConnectService(portName: try s.requiredString("portName"), discoveryName: try s.string("discoveryName"),
                                                  ingressPortOverride: try servicePort(s, "ingressPortOverride"), clientAliases: aliases))
        }
        return ServiceConnectConfiguration(namespace: try node.string("namespace"), services: services)
    }

    /// A port Service Connect listens on or clients dial: 1–65535.
    private static func servicePort(_ node: Node, _ key: String) throws(ImportError) -> Int? {
        guard let p = try port(node, key) else { return nil }
        guard p > 0 else { throw .invalidValue(file: node.file, path: "\(node.path).\(key)", message: "0 is not a port (1-65535)") }
        return p
    }
}
