import AWSImport
import JSON

/// ECS clusters, services and task definitions, and Lambda functions, as `ecs describe-clusters`, `describe-services`,
/// `describe-task-definition` and `lambda list-functions` print them. A service has no running task before deploy:
/// answers place it by its `awsvpc` configuration. Environment values go to the import like any captured task
/// definition's, where plain secrets are detected and values dropped.
extension CloudFormationComputeDocuments {
    func ecs(into docs: inout CLIDocuments) {
        for r in resources.of("AWS::ECS::Cluster") {
            let name = ids.ref(r.logicalId)
            docs.add("clusters", ["clusterArn": .string(clusterArn(name)), "clusterName": .string(name), "status": .string("ACTIVE")])
        }
        for r in resources.of("AWS::ECS::TaskDefinition") {
            let family = ids.name(r.logicalId, property: "Family")
            let definition: [String: JSONValue?] = [
                "taskDefinitionArn": .string(ids.ref(r.logicalId)), "family": .string(family), "revision": .number(1),
                "networkMode": .text(r["NetworkMode"]?.knownString ?? "bridge"),
                "taskRoleArn": .text(ids.id(r["TaskRoleArn"])), "executionRoleArn": .text(ids.id(r["ExecutionRoleArn"])),
                "containerDefinitions": .array((r["ContainerDefinitions"]?.elements ?? []).map(container))]
            docs.add(callFolder: "ecs-describe-task-definition", resource: "\(family)-1", .object(["taskDefinition": .object(definition.compactMapValues { $0 })]))
        }
        for r in resources.of("AWS::ECS::Service") {
            let awsvpc = r["NetworkConfiguration"]?["AwsvpcConfiguration"]
            let network: JSONValue? = awsvpc.map { a in
                .object(["awsvpcConfiguration": .object([
                    "subnets": .array(ids.ids(a["Subnets"]).map(JSONValue.string)),
                    "securityGroups": .array(ids.ids(a["SecurityGroups"]).map(JSONValue.string)),
                    "assignPublicIp": .string(a["AssignPublicIp"]?.knownString == "ENABLED" ? "ENABLED" : "DISABLED")])])
            }
            let balancers: [JSONValue] = (r["LoadBalancers"]?.elements ?? []).map { lb in
                .object(["targetGroupArn": .text(ids.id(lb["TargetGroupArn"])), "containerName": .text(lb["ContainerName"]?.knownString),
                         "containerPort": JSONValue.numeric(lb["ContainerPort"])].compactMapValues { $0 })
            }
            docs.add("services", [
                "serviceArn": .string(ids.ref(r.logicalId)), "serviceName": .string(ids.name(r.logicalId, property: "ServiceName")),
                "clusterArn": .string(clusterArn(ids.cluster(of: r.logicalId))), "status": .string("ACTIVE"),
                "taskDefinition": .text(ids.id(r["TaskDefinition"])), "desiredCount": JSONValue.numeric(r["DesiredCount"]) ?? .number(1),
                "runningCount": .number(0), "launchType": .text(r["LaunchType"]?.knownString), "networkConfiguration": network,
                "loadBalancers": .array(balancers), "tags": ecsTags(r),
                "deployments": .array([.object(["status": .string("PRIMARY"), "serviceConnectConfiguration": serviceConnect(r["ServiceConnectConfiguration"])]
                    .compactMapValues { $0 })])])
        }
    }

    /// `ServiceConnectConfiguration` (AWS::ECS::Service) as DescribeServices prints a deployment's: `Enabled`,
    /// `Namespace`, `Services[]` with `PortName`, `DiscoveryName`, `IngressPortOverride`, `ClientAliases[]` (`Port`, `DnsName`).
    private func serviceConnect(_ c: TemplateValue?) -> JSONValue? {
        guard let c else { return nil }
        let services: [JSONValue] = (c["Services"]?.elements ?? []).map { s in
            let aliases: [JSONValue] = (s["ClientAliases"]?.elements ?? []).map { a in
                .object(["port": JSONValue.numeric(a["Port"]), "dnsName": .text(a["DnsName"]?.knownString)].compactMapValues { $0 })
            }
            return .object(["portName": .text(s["PortName"]?.knownString), "discoveryName": .text(s["DiscoveryName"]?.knownString),
                            "ingressPortOverride": JSONValue.numeric(s["IngressPortOverride"]), "clientAliases": .array(aliases)].compactMapValues { $0 })
        }
        return .object(["enabled": .bool(c["Enabled"]?.knownString == "true"), "namespace": .text(c["Namespace"]?.knownString),
                        "services": .array(services)].compactMapValues { $0 })
    }

    func function(_ r: TemplateResource, into docs: inout CLIDocuments) {
        let vpc = r["VpcConfig"]
        let subnets = ids.ids(vpc?["SubnetIds"])
        let variables = (r["Environment"]?["Variables"]).map { json($0) }
        docs.add("Functions", [
            "FunctionName": .string(ids.ref(r.logicalId)), "FunctionArn": .string(ids.attribute(r.logicalId, "Arn")),
            "Runtime": .text(r["Runtime"]?.knownString), "Role": .text(ids.id(r["Role"])),
            "VpcConfig": vpc.map { v in .object(["SubnetIds": .array(subnets.map(JSONValue.string)),
                                                 "SecurityGroupIds": .array(ids.ids(v["SecurityGroupIds"]).map(JSONValue.string)),
                                                 "VpcId": .string(subnets.lazy.compactMap { subnetVpc[$0] }.first ?? "")]) },
            "Environment": variables.map { .object(["Variables": $0]) }])
    }

    private func container(_ c: TemplateValue) -> JSONValue {
        let mappings: [JSONValue] = (member(c, "PortMappings")?.elements ?? []).map { m in
            .object(["containerPort": JSONValue.numeric(member(m, "ContainerPort")), "hostPort": JSONValue.numeric(member(m, "HostPort")),
                     "protocol": .text(member(m, "Protocol")?.knownString), "name": .text(member(m, "Name")?.knownString)].compactMapValues { $0 })
        }
        let environment: [JSONValue] = (member(c, "Environment")?.elements ?? []).map { e in
            .object(["name": .text(member(e, "Name")?.knownString) ?? .string(""), "value": member(e, "Value").map(json) ?? .string("")])
        }
        let secrets: [JSONValue] = (member(c, "Secrets")?.elements ?? []).compactMap { s in
            member(s, "Name")?.knownString.map { .object(["name": .string($0)]) }
        }
        return .object(["name": .string(member(c, "Name")?.knownString ?? "container"), "image": member(c, "Image").map(json),
                        "portMappings": .array(mappings), "environment": .array(environment), "secrets": .array(secrets)].compactMapValues { $0 })
    }

    /// A member by its CloudFormation name (`PortMappings`) or the API's (`portMappings`).
    private func member(_ v: TemplateValue, _ name: String) -> TemplateValue? {
        v[name] ?? v[name.prefix(1).lowercased() + name.dropFirst()]
    }

    private func clusterArn(_ name: String) -> String {
        name.hasPrefix("arn:") ? name : "arn:aws:ecs:\(ids.region):\(ids.account):cluster/\(name)"
    }

    private func ecsTags(_ r: TemplateResource) -> JSONValue {
        .array((r["Tags"]?.elements ?? []).compactMap { t in
            t["Key"]?.knownString.map { .object(["key": .string($0), "value": .string(t["Value"]?.knownString ?? "")]) }
        })
    }
}
