import NetModel
import JSON

/// Maps RDS DB instances and DB subnet groups.
enum RDSMapper {
    static func dbInstances(_ root: Node, _ ctx: FileContext, into c: inout Collector) throws(ImportError) {
        for item in try root.array("DBInstances") {
            let arn = try item.string("DBInstanceArn")
            var groups: [String] = []
            for g in try item.array("VpcSecurityGroups") {
                if try g.string("Status") ?? "active" == "active" { groups.append(try g.requiredString("VpcSecurityGroupId")) }
            }
            let subnetGroup = item["DBSubnetGroup"]
            var subnets: [String] = []
            for s in try subnetGroup?.array("Subnets") ?? [] {
                if let id = try s.string("SubnetIdentifier") { subnets.append(id) }
            }
            let zone = try item.string("AvailabilityZone")
            var port = try item["Endpoint"]?.int("Port")
            if port == nil { port = try item.int("DbInstancePort") }
            var scope = ctx.scope(arn: arn)
            if scope.region == ResourceScope.unknownValue, let r = FileContext.region(fromZone: zone) { scope.region = r }
            c.inventory.dbInstances.append(DBInstance(
                id: try item.requiredString("DBInstanceIdentifier"), scope: scope, arn: arn,
                engine: try item.string("Engine") ?? "unknown", engineVersion: try item.string("EngineVersion"),
                instanceClass: try item.string("DBInstanceClass"), status: try item.string("DBInstanceStatus"),
                endpointAddress: try item["Endpoint"]?.string("Address"), port: port,
                publiclyAccessible: try item.bool("PubliclyAccessible") ?? false,
                storageEncrypted: try item.bool("StorageEncrypted") ?? false, multiAZ: try item.bool("MultiAZ") ?? false,
                availabilityZone: zone, securityGroupIds: groups,
                subnetGroupName: try subnetGroup?.string("DBSubnetGroupName"), vpcId: try subnetGroup?.string("VpcId"),
                subnetIds: subnets, clusterId: try item.string("DBClusterIdentifier"), tags: try item.tags()))
        }
    }

    static func dbSubnetGroups(_ root: Node, _ ctx: FileContext, into c: inout Collector) throws(ImportError) {
        for item in try root.array("DBSubnetGroups") {
            var subnets: [String] = []
            for s in try item.array("Subnets") {
                if let id = try s.string("SubnetIdentifier") { subnets.append(id) }
            }
            c.inventory.dbSubnetGroups.append(DBSubnetGroup(
                id: try item.requiredString("DBSubnetGroupName"), scope: ctx.scope(arn: try item.string("DBSubnetGroupArn")),
                vpcId: try item.string("VpcId"), subnetIds: subnets, description: try item.string("DBSubnetGroupDescription")))
        }
    }
}

/// Maps Lambda functions (their VPC placement and role; which environment variables hold a credential, never their values).
enum LambdaMapper {
    /// `Environment.Variables` values that look like credentials (nil when there are none).
    private static func plainSecrets(_ variables: [String: JSONValue]) -> [PlainSecret]? {
        let pairs = variables.keys.sorted().compactMap { key -> (name: String, value: String)? in
            if case .string(let v)? = variables[key] { return (key, v) }
            return nil
        }
        let found = PlainSecretDetector.detect(pairs)
        return found.isEmpty ? nil : found
    }

    static func functions(_ root: Node, _ ctx: FileContext, into c: inout Collector) throws(ImportError) {
        for item in try root.array("Functions") {
            let arn = try item.string("FunctionArn")
            let vpc = item["VpcConfig"]
            let variables = item["Environment"]?["Variables"]?.value.objectValue?.dictionary ?? [:]
            c.inventory.lambdaFunctions.append(LambdaFunction(
                id: try item.requiredString("FunctionName"), scope: ctx.scope(arn: arn), arn: arn,
                runtime: try item.string("Runtime"), roleArn: try item.string("Role"),
                vpcId: try vpc?.string("VpcId").flatMap { $0.isEmpty ? nil : $0 },
                subnetIds: try vpc?.strings("SubnetIds") ?? [], securityGroupIds: try vpc?.strings("SecurityGroupIds") ?? [],
                environmentVariableNames: variables.keys.sorted(), plainSecrets: plainSecrets(variables)))
        }
    }
}
