import Foundation
import NetModel

/// Maps Amazon ECS output: `describe-clusters` (`clusters`), `describe-services` (`services`), `describe-tasks`
/// (`tasks`) and `describe-task-definition` (`taskDefinition`, or a list under `taskDefinitions`). The `list-*`
/// calls (`clusterArns`, `serviceArns`, `taskArns`, `taskDefinitionArns`) only name what the describe calls describe:
/// their shape is checked, nothing else is kept from them.
///
/// Environment values are read here, from the original document, only to tell which hold a credential
/// (`PlainSecretDetector`); the model keeps names, never values.
enum ECSMapper {
    /// A `list-*` document: an array of ARNs.
    static func arns(_ root: Node, _ key: String) throws(ImportError) {
        _ = try root.strings(key)
    }

    static func clusters(_ root: Node, _ ctx: FileContext, into c: inout Collector) throws(ImportError) {
        for item in try root.array("clusters") {
            let arn = try item.requiredString("clusterArn")
            c.inventory.ecsClusters.append(ECSCluster(
                id: arn, scope: ctx.scope(arn: arn), name: try item.string("clusterName") ?? lastSegment(arn),
                status: try item.string("status"), tags: try item.ecsTags()))
        }
        try failures(root, "clusters", ctx, into: &c)
    }

    static func services(_ root: Node, _ ctx: FileContext, into c: inout Collector) throws(ImportError) {
        for item in try root.array("services") {
            let arn = try item.requiredString("serviceArn")
            let name = try item.string("serviceName") ?? lastSegment(arn)
            // The service's own network configuration, else its primary deployment's (what its tasks get).
            var network = try awsvpc(item["networkConfiguration"])
            var serviceConnect: ServiceConnectConfiguration?
            for deployment in try item.array("deployments") where try deployment.string("status") == "PRIMARY" {
                if network == nil { network = try awsvpc(deployment["networkConfiguration"]) }
                serviceConnect = try self.serviceConnect(deployment["serviceConnectConfiguration"])
            }
            var balancers: [ServiceLoadBalancer] = []
            for lb in try item.array("loadBalancers") {
                balancers.append(ServiceLoadBalancer(targetGroupArn: try lb.string("targetGroupArn"), containerName: try lb.string("containerName"),
                                                     containerPort: try port(lb, "containerPort")))
            }
            c.inventory.ecsServices.append(ECSService(
                id: arn, scope: ctx.scope(arn: arn), name: name, clusterArn: try item.string("clusterArn") ?? clusterArn(of: arn) ?? "",
                status: try item.string("status"), taskDefinitionArn: try item.string("taskDefinition"),
                desiredCount: try item.int("desiredCount") ?? 0, runningCount: try item.int("runningCount") ?? 0,
                launchType: try item.string("launchType"), network: network, loadBalancers: balancers, tags: try item.ecsTags(),
                serviceConnect: serviceConnect))
        }
        try failures(root, "services", ctx, into: &c)
    }

    static func tasks(_ root: Node, _ ctx: FileContext, into c: inout Collector) throws(ImportError) {
        for item in try root.array("tasks") {
            let arn = try item.requiredString("taskArn")
            // AWS "Amazon ECS task networking options for Fargate": the task's interface is its ElasticNetworkInterface attachment.
            var details: [String: (String, Node)] = [:]
            for attachment in try item.array("attachments") {
                guard try attachment.string("type") == "ElasticNetworkInterface" else { continue }
                for d in try attachment.array("details") {
                    if let name = try d.string("name"), let value = try d.string("value") { details[name] = (value, d) }
                }
            }
            var privateIp: String?
            if let (ip, node) = details["privateIPv4Address"] {
                guard IPAddress(ip) != nil, ip.contains(".") else {
                    throw .invalidValue(file: ctx.file.displayPath, path: "\(node.path).value", message: "'\(Quoted.value(ip))' is not an IPv4 address")
                }
                privateIp = ip
            }
            let overrides = item["overrides"]
            var containerOverrides: [ContainerDefinition] = []
            for o in try overrides?.array("containerOverrides") ?? [] {
                let env = try environment(o)
                guard !env.isEmpty else { continue }
                containerOverrides.append(ContainerDefinition(name: try o.string("name") ?? "?", environmentVariableNames: env.map(\.name),
                                                              plainSecrets: PlainSecretDetector.detect(env)))
            }
            c.inventory.ecsTasks.append(ECSTask(
                id: arn, scope: ctx.scope(arn: arn), clusterArn: try item.string("clusterArn") ?? clusterArn(of: arn) ?? "",
                taskDefinitionArn: try item.string("taskDefinitionArn"), group: try item.string("group"),
                lastStatus: try item.string("lastStatus"), launchType: try item.string("launchType"),
                networkInterfaceId: details["networkInterfaceId"]?.0, privateIp: privateIp, subnetId: details["subnetId"]?.0,
                taskRoleOverride: try overrides?.string("taskRoleArn"), containerInstanceArn: try item.string("containerInstanceArn"),
                containerOverrides: containerOverrides.isEmpty ? nil : containerOverrides, tags: try item.ecsTags()))
        }
        try failures(root, "tasks", ctx, into: &c)
    }

    /// `describe-task-definition` prints one definition under `taskDefinition`; a list under `taskDefinitions` reads alike.
    static func taskDefinitions(_ root: Node, _ kind: DocumentKind, _ ctx: FileContext, into c: inout Collector) throws(ImportError) {
        let items: [Node]
        if kind == .ecsTaskDefinition {
            guard let one = root["taskDefinition"] else { return }
            items = [one]
        } else {
            items = try root.array("taskDefinitions")
        }
        for item in items {
            guard case .object = item.value else { throw item.shapeError("an object") }
            let arn = try item.requiredString("taskDefinitionArn")
            var containers: [ContainerDefinition] = []
            for def in try item.array("containerDefinitions") {
                let env = try environment(def)
                var mappings: [PortMapping] = []
                for m in try def.array("portMappings") {
                    // Amazon ECS API Reference, "PortMapping": `containerPortRange` ("8000-8010") stands for a range of
                    // ports (awsvpc and host modes), where `containerPort` is not given.
                    var containerPort = try port(m, "containerPort")
                    var end: Int?
                    if containerPort == nil, let range = try m.string("containerPortRange") {
                        let bounds = range.split(separator: "-", omittingEmptySubsequences: false).map { Int($0.trimmingCharacters(in: .whitespaces)) }
                        guard bounds.count == 2, let lo = bounds[0], let hi = bounds[1], 1...65535 ~= lo, lo <= hi, hi <= 65535 else {
                            throw .invalidValue(file: ctx.file.displayPath, path: "\(m.path).containerPortRange",
                                                message: "'\(Quoted.value(range))' is not a port range such as 8000-8010")
                        }
                        (containerPort, end) = (lo, hi)
                    }
                    guard let containerPort else { throw .missingField(file: ctx.file.displayPath, path: m.path, field: "containerPort") }
                    let proto = try m.string("protocol")?.lowercased() ?? "tcp"
                    guard proto == "tcp" || proto == "udp" else {
                        throw .invalidValue(file: ctx.file.displayPath, path: "\(m.path).protocol", message: "'\(Quoted.value(proto))' is not tcp or udp")
                    }
                    mappings.append(PortMapping(containerPort: containerPort, containerPortEnd: end, hostPort: try port(m, "hostPort"), protocolName: proto,
                                                name: try m.string("name")))
                }
                var secretNames: [String] = []
                for s in try def.array("secrets") { secretNames.append(try s.requiredString("name")) }
                containers.append(ContainerDefinition(
                    name: try def.requiredString("name"), image: try def.string("image"), portMappings: mappings,
                    environmentVariableNames: env.map(\.name), secretNames: secretNames, plainSecrets: PlainSecretDetector.detect(env)))
            }
            c.inventory.ecsTaskDefinitions.append(ECSTaskDefinition(
                id: arn, scope: ctx.scope(arn: arn), family: try item.string("family") ?? family(of: arn),
                revision: try item.int("revision"), networkMode: try item.string("networkMode"),
                taskRoleArn: try item.string("taskRoleArn"), executionRoleArn: try item.string("executionRoleArn"), containers: containers))
        }
    }

    /// `networkConfiguration.awsvpcConfiguration`: subnets, security groups, `assignPublicIp` (`ENABLED`/`DISABLED`, default off).
    private static func awsvpc(_ node: Node?) throws(ImportError) -> AwsvpcConfiguration? {
        guard let config = node?["awsvpcConfiguration"] else { return nil }
        let assign = try config.string("assignPublicIp") ?? "DISABLED"
        guard assign == "ENABLED" || assign == "DISABLED" else {
            throw .invalidValue(file: config.file, path: "\(config.path).assignPublicIp", message: "'\(Quoted.value(assign))' is not ENABLED or DISABLED")
        }
        return AwsvpcConfiguration(subnetIds: try config.strings("subnets"), securityGroupIds: try config.strings("securityGroups"),
                                   assignPublicIp: assign == "ENABLED")
    }

    /// A container's (or container override's) plain `environment`: names with their values, read for detection only.
    private static func environment(_ node: Node) throws(ImportError) -> [(name: String, value: String)] {
        try node.array("environment").map { (v: Node) throws(ImportError) -> (name: String, value: String) in
            (try v.requiredString("name"), try v.string("value") ?? "")
        }
    }

    /// A port member: absent is nil, outside 0-65535 is an error naming it.
    static func port(_ node: Node, _ key: String) throws(ImportError) -> Int? {
        guard let p = try node.int(key) else { return nil }
        guard (0...65535).contains(p) else {
            throw .invalidValue(file: node.file, path: "\(node.path).\(key)", message: "\(p) is not a port (0-65535)")
        }
        return p
    }

    /// `failures[]` of a describe call: each resource AWS could not describe (`MISSING`, ...) is a named warning.
    static func failures(_ root: Node, _ what: String, _ ctx: FileContext, into c: inout Collector) throws(ImportError) {
        for f in try root.array("failures") {
            let arn = try f.string("arn") ?? "?"
            let reason = try f.string("reason") ?? "no reason given"
            c.warn(ctx.file, "ecs-describe-failure", "ECS could not describe \(what) \(Quoted.value(arn)): \(reason)\((try f.string("detail")).map { " (\($0))" } ?? "")")
        }
    }

    /// `arn:aws:ecs:r:a:service/cluster/name` (or `task/cluster/id`, `container-instance/cluster/id`) → the cluster's ARN; nil for old-format ARNs.
    static func clusterArn(of arn: String) -> String? {
        guard let colon = arn.lastIndex(of: ":") else { return nil }
        let path = arn[arn.index(after: colon)...].split(separator: "/")
        guard path.count == 3 else { return nil }
        return "\(arn[..<colon]):cluster/\(path[1])"
    }

    private static func lastSegment(_ arn: String) -> String { arn.split(separator: "/").last.map(String.init) ?? arn }

    /// `…:task-definition/family:3` → `family`.
    private static func family(of arn: String) -> String {
        let name = lastSegment(arn)
        return name.split(separator: ":").first.map(String.init) ?? name
    }
}

extension Node {
    /// ECS tags: `tags` as `[{"key": k, "value": v}]` (lower-case members); empty when absent.
    func ecsTags() throws(ImportError) -> [String: String] {
        var out: [String: String] = [:]
        for tag in try array("tags") {
            if let k = try tag.string("key") { out[k] = try tag.string("value") ?? "" }
        }
        return out
    }
}
