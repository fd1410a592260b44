import AWSImport
import JSON

/// The compute of a template as the AWS CLI prints it after deploy: EC2 instances (`describe-instances`), the instances
/// an Auto Scaling group launches from its launch template (one per subnet of `VPCZoneIdentifier`, tagged
/// `aws:autoscaling:groupName` as EC2 Auto Scaling tags them), target group registrations (`describe-target-health`),
/// ECS clusters, services and task definitions (`ecs describe-*`), and Lambda functions (`lambda list-functions`).
/// Addresses unknown before deploy are never invented: the instances have none, and answers place them in their subnets.
/// Property names are CloudFormation's; a translated Terraform plan may hand ECS container definitions in the API's
/// camelCase, which `member` reads too.
struct CloudFormationComputeDocuments {
    let resources: [TemplateResource]
    let ids: CloudFormationIds
    let subnetVpc: [String: String]
    /// Subnets that give instances a public address at launch (`MapPublicIpOnLaunch`).
    let publicSubnets: Set<String>
    let json: (TemplateValue) -> JSONValue
    let tags: (TemplateResource) -> JSONValue

    /// A planned Terraform `aws_lb_target_group_attachment` or `aws_autoscaling_attachment`, which have no CloudFormation
    /// type: `TargetGroupArn` with `TargetId` (and `Port`), or `AutoScalingGroupName`.
    static let targetAttachment = "Terraform::TargetGroupAttachment"

    func write(into docs: inout CLIDocuments) {
        var targets: [String: [JSONValue]] = [:]
        var instances: [JSONValue] = []
        for r in resources.of("AWS::EC2::Instance") { instances.append(instance(r, into: &docs)) }
        for r in resources.of("AWS::AutoScaling::AutoScalingGroup") { instances += autoScalingGroup(r, targets: &targets, into: &docs) }
        if !instances.isEmpty { docs.add("Reservations", ["OwnerId": .string(ids.account), "Instances": .array(instances)]) }
        registrations(into: &targets)
        for name in targets.keys.sorted() {
            docs.add(callFolder: "elbv2-describe-target-health", resource: name, .object(["TargetHealthDescriptions": .array(targets[name] ?? [])]))
        }
        ecs(into: &docs)
        for r in resources.of("AWS::Lambda::Function") { function(r, into: &docs) }
    }

    private func instance(_ r: TemplateResource, into docs: inout CLIDocuments) -> JSONValue {
        let interfaces = r["NetworkInterfaces"]?.elements ?? []
        let subnet = ids.id(r["SubnetId"]) ?? interfaces.lazy.compactMap { ids.id($0["SubnetId"]) }.first
        let groups = ids.ids(r["SecurityGroupIds"]) + ids.ids(r["SecurityGroups"]) + interfaces.flatMap { ids.ids($0["GroupSet"]) }
        warnPublicAddress(r.logicalId, interfaces.contains { $0["AssociatePublicIpAddress"]?.knownString == "true" }, subnets: [subnet].compactMap { $0 }, &docs)
        return item(id: ids.ref(r.logicalId), subnet: subnet, groups: groups, profile: r["IamInstanceProfile"], image: r["ImageId"],
                    type: r["InstanceType"], tags: tags(r))
    }

    /// One instance per subnet the group launches into, with its launch template's groups, profile and image.
    private func autoScalingGroup(_ r: TemplateResource, targets: inout [String: [JSONValue]], into docs: inout CLIDocuments) -> [JSONValue] {
        let name = ids.ref(r.logicalId)
        let spec = r["LaunchTemplate"] ?? r["MixedInstancesPolicy"]?["LaunchTemplate"]?["LaunchTemplateSpecification"]
        let template = spec.flatMap { s in
            resources.first { t in
                t.type == "AWS::EC2::LaunchTemplate"
                    && (s["LaunchTemplateId"]?.referencedResource == t.logicalId || s["LaunchTemplateName"]?.referencedResource == t.logicalId
                        || (s["LaunchTemplateName"]?.knownString).map { $0 == t["LaunchTemplateName"]?.knownString } == true)
            }
        }
        guard let data = template?["LaunchTemplateData"] else {
            docs.warnings.append("\(r.logicalId): no launch template of this template is found for the Auto Scaling group; its instances are not modelled")
            return []
        }
        let interfaces = data["NetworkInterfaces"]?.elements ?? []
        let groups = ids.ids(data["SecurityGroupIds"]) + ids.ids(data["SecurityGroups"]) + interfaces.flatMap { ids.ids($0["Groups"]) }
        var tagMap: [String: String] = ["aws:autoscaling:groupName": name, "Name": name]
        for spec in data["TagSpecifications"]?.elements ?? [] where spec["ResourceType"]?.knownString ?? "instance" == "instance" {
            for t in spec["Tags"]?.elements ?? [] { if let k = t["Key"]?.knownString { tagMap[k] = t["Value"]?.knownString ?? "" } }
        }
        for t in r["Tags"]?.elements ?? [] where t["PropagateAtLaunch"]?.knownString == "true" {
            if let k = t["Key"]?.knownString { tagMap[k] = t["Value"]?.knownString ?? "" }
        }
        let subnets = ids.ids(r["VPCZoneIdentifier"])
        warnPublicAddress(r.logicalId, interfaces.contains { $0["AssociatePublicIpAddress"]?.knownString == "true" }, subnets: subnets, &docs)
        let instances = subnets.indices.map { "i-\(r.logicalId)-\($0 + 1)" }
        var groupsOfASG = ids.ids(r["TargetGroupARNs"])
        groupsOfASG += resources.of(Self.targetAttachment).filter { ids.id($0["AutoScalingGroupName"]) == name }.compactMap { ids.id($0["TargetGroupArn"]) }
        for arn in groupsOfASG {
            guard let group = targetGroupName(arn) else { continue }
            targets[group, default: []] += instances.map { target($0, port: nil) }
        }
        return zip(instances, subnets).map { id, subnet in
            item(id: id, subnet: subnet, groups: groups, profile: data["IamInstanceProfile"], image: data["ImageId"], type: data["InstanceType"], tags: .tags(tagMap))
        }
    }

    /// Instances are placed by their subnets; a planned public address in a subnet that does not map one is not.
    private func warnPublicAddress(_ logicalId: String, _ associates: Bool, subnets: [String], _ docs: inout CLIDocuments) {
        guard associates, !subnets.allSatisfy(publicSubnets.contains) else { return }
        docs.warnings.append("\(logicalId): AssociatePublicIpAddress is not modelled before deploy; its instances count as public only in subnets with MapPublicIpOnLaunch")
    }

    private func item(id: String, subnet: String?, groups: [String], profile: TemplateValue?, image: TemplateValue?, type: TemplateValue?,
                      tags: JSONValue) -> JSONValue {
        var profileArn: String?
        if let p = profile.flatMap({ ids.id($0["Arn"]) ?? ids.id($0["Name"]) ?? ids.id($0) }) {
            profileArn = p.hasPrefix("arn:") ? p : "arn:aws:iam::\(ids.account):instance-profile/\(p)"
        }
        let object: [String: JSONValue?] = [
            "InstanceId": .string(id), "State": .object(["Name": .string("pending")]), "SubnetId": .text(subnet),
            "VpcId": .text(subnet.flatMap { subnetVpc[$0] }), "SecurityGroups": .array(Array(Set(groups)).sorted().map { .object(["GroupId": .string($0)]) }),
            "IamInstanceProfile": profileArn.map { .object(["Arn": .string($0)]) }, "ImageId": .text(image?.knownString),
            "InstanceType": .text(type?.knownString), "Tags": tags]
        return .object(object.compactMapValues { $0 })
    }

    /// Target groups' `Targets` and Terraform attachments, by target group name.
    private func registrations(into targets: inout [String: [JSONValue]]) {
        for r in resources.of("AWS::ElasticLoadBalancingV2::TargetGroup") {
            let name = ids.name(r.logicalId, property: "Name")
            for t in r["Targets"]?.elements ?? [] {
                if let id = ids.id(t["Id"]) { targets[name, default: []].append(target(id, port: t["Port"])) }
            }
        }
        for r in resources.of(Self.targetAttachment) {
            guard let id = ids.id(r["TargetId"]), let name = ids.id(r["TargetGroupArn"]).flatMap(targetGroupName) else { continue }
            targets[name, default: []].append(target(id, port: r["Port"]))
        }
    }

    private func target(_ id: String, port: TemplateValue?) -> JSONValue {
        var t: [String: JSONValue] = ["Id": .string(id)]
        if let p = port?.knownString.flatMap({ Double($0) }) { t["Port"] = .number(p) }
        return .object(["Target": .object(t), "TargetHealth": .object(["State": .string("initial")])])
    }

    /// The name of a target group of this template from its ARN.
    private func targetGroupName(_ arn: String) -> String? {
        resources.of("AWS::ElasticLoadBalancingV2::TargetGroup").first { ids.ref($0.logicalId) == arn }.map { ids.name($0.logicalId, property: "Name") }
    }
}
