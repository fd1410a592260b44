/// Terraform's AWS resources restated as the CloudFormation resources they create, so that one writer turns both
/// dialects into AWS CLI documents. Attribute names follow the Terraform AWS provider's documentation; a resource
/// keeps its address as its logical ID and its real ID when the prior state has one.
enum TerraformTranslation {
    /// CloudFormation types of the Terraform types translated one to one.
    static let types: [String: String] = [
        "aws_vpc": "AWS::EC2::VPC", "aws_subnet": "AWS::EC2::Subnet", "aws_internet_gateway": "AWS::EC2::InternetGateway",
        "aws_internet_gateway_attachment": "AWS::EC2::VPCGatewayAttachment", "aws_nat_gateway": "AWS::EC2::NatGateway",
        "aws_route_table": "AWS::EC2::RouteTable", "aws_route": "AWS::EC2::Route", "aws_route_table_association": "AWS::EC2::SubnetRouteTableAssociation",
        "aws_security_group": "AWS::EC2::SecurityGroup", "aws_security_group_rule": "AWS::EC2::SecurityGroupIngress",
        "aws_vpc_security_group_ingress_rule": "AWS::EC2::SecurityGroupIngress", "aws_vpc_security_group_egress_rule": "AWS::EC2::SecurityGroupEgress",
        "aws_network_acl": "AWS::EC2::NetworkAcl", "aws_network_acl_rule": "AWS::EC2::NetworkAclEntry",
        "aws_network_acl_association": "AWS::EC2::SubnetNetworkAclAssociation",
        "aws_lb": "AWS::ElasticLoadBalancingV2::LoadBalancer", "aws_alb": "AWS::ElasticLoadBalancingV2::LoadBalancer",
        "aws_lb_listener": "AWS::ElasticLoadBalancingV2::Listener", "aws_alb_listener": "AWS::ElasticLoadBalancingV2::Listener",
        "aws_lb_listener_rule": "AWS::ElasticLoadBalancingV2::ListenerRule", "aws_lb_target_group": "AWS::ElasticLoadBalancingV2::TargetGroup",
        "aws_alb_target_group": "AWS::ElasticLoadBalancingV2::TargetGroup", "aws_db_instance": "AWS::RDS::DBInstance",
        "aws_db_subnet_group": "AWS::RDS::DBSubnetGroup", "aws_iam_role": "AWS::IAM::Role", "aws_iam_role_policy": "AWS::IAM::Policy",
        "aws_iam_policy": "AWS::IAM::ManagedPolicy", "aws_iam_instance_profile": "AWS::IAM::InstanceProfile",
        "aws_iam_role_policy_attachment": "AWS::IAM::Role", "aws_s3_bucket": "AWS::S3::Bucket", "aws_s3_bucket_policy": "AWS::S3::BucketPolicy",
        "aws_s3_bucket_public_access_block": "AWS::S3::Bucket", "aws_s3_bucket_ownership_controls": "AWS::S3::Bucket",
    ]

    /// The plan's resources as CloudFormation resources, and the Terraform types left out.
    static func resources(_ plan: TerraformPlan) -> (resources: [TemplateResource], unsupported: [String]) {
        let types = Self.types.merging(computeTypes) { a, _ in a }
        let typeOf = Dictionary(plan.resources.map { ($0.address, types[$0.type] ?? $0.type) }, uniquingKeysWith: { a, _ in a })
        var out: [TemplateResource] = []
        var unsupported = Set<String>()
        var extras: [PlannedResource] = []
        for r in plan.resources {
            guard let type = types[r.type] else { unsupported.insert(r.type); continue }
            let v = Values(r.values.mapValues { normalize($0, typeOf) })
            func add(_ id: String, _ type: String, _ properties: [String: TemplateValue?]) {
                out.append(TemplateResource(logicalId: id, type: type, properties: properties.compactMapValues { $0 }, line: 0, propertyLines: [:],
                                            physicalId: id == r.address ? r.values["id"]?.knownString : nil))
            }
            let me = TemplateValue.ref(r.address)
            switch r.type {
            case "aws_vpc": add(r.address, type, ["CidrBlock": v["cidr_block"], "Tags": v.tags])
            case "aws_subnet":
                add(r.address, type, ["VpcId": v["vpc_id"], "CidrBlock": v["cidr_block"], "AvailabilityZone": v["availability_zone"],
                                      "MapPublicIpOnLaunch": v["map_public_ip_on_launch"], "Tags": v.tags])
            case "aws_internet_gateway":
                add(r.address, type, ["Tags": v.tags])
                if let vpc = v["vpc_id"] { add(r.address + "#attachment", "AWS::EC2::VPCGatewayAttachment", ["VpcId": vpc, "InternetGatewayId": me]) }
            case "aws_internet_gateway_attachment": add(r.address, type, ["VpcId": v["vpc_id"], "InternetGatewayId": v["internet_gateway_id"]])
            case "aws_nat_gateway": add(r.address, type, ["SubnetId": v["subnet_id"], "ConnectivityType": v["connectivity_type"], "Tags": v.tags])
            case "aws_route_table":
                add(r.address, type, ["VpcId": v["vpc_id"], "Tags": v.tags])
                for (i, block) in v.blocks("route").enumerated() {
                    add("\(r.address)#route\(i)", "AWS::EC2::Route", route(table: me, block, cidr: "cidr_block", ipv6: "ipv6_cidr_block"))
                }
            case "aws_route": add(r.address, type, route(table: v["route_table_id"], v.all, cidr: "destination_cidr_block", ipv6: "destination_ipv6_cidr_block"))
            case "aws_route_table_association": add(r.address, type, ["SubnetId": v["subnet_id"], "RouteTableId": v["route_table_id"]])
            case "aws_security_group":
                add(r.address, type, ["GroupName": v["name"], "GroupDescription": v["description"], "VpcId": v["vpc_id"], "Tags": v.tags,
                                      "SecurityGroupIngress": .list(v.blocks("ingress").flatMap { rules($0, peer: "Source", group: me) }),
                                      "SecurityGroupEgress": .list(v.blocks("egress").flatMap { rules($0, peer: "Destination", group: me) })])
            case "aws_security_group_rule":
                let egress = v["type"]?.knownString == "egress"
                var block = v.all.mapValue
                if let source = v["source_security_group_id"] { block["security_groups"] = .list([source]) }
                for (i, rule) in rules(.map(block), peer: egress ? "Destination" : "Source", group: v["security_group_id"] ?? .null).enumerated() {
                    var p = rule.mapValue
                    p["GroupId"] = v["security_group_id"]
                    add("\(r.address)#\(i)", egress ? "AWS::EC2::SecurityGroupEgress" : type, p.mapValues(Optional.some))
                }
            case "aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule":
                let peer = r.type.hasSuffix("egress_rule") ? "Destination" : "Source"
                add(r.address, type, ["GroupId": v["security_group_id"], "IpProtocol": v["ip_protocol"], "FromPort": v["from_port"], "ToPort": v["to_port"],
                                      "CidrIp": v["cidr_ipv4"], "CidrIpv6": v["cidr_ipv6"], "\(peer)SecurityGroupId": v["referenced_security_group_id"],
                                      "\(peer)PrefixListId": v["prefix_list_id"], "Description": v["description"]])
            case "aws_network_acl":
                add(r.address, type, ["VpcId": v["vpc_id"], "Tags": v.tags])
                for (direction, egress) in [("ingress", false), ("egress", true)] {
                    for (i, e) in v.blocks(direction).enumerated() {
                        add("\(r.address)#\(direction)\(i)", "AWS::EC2::NetworkAclEntry",
                            aclEntry(acl: me, Values(e), number: "rule_no", action: "action", egress: .bool(egress)))
                    }
                }
                for (i, subnet) in (v["subnet_ids"]?.elements ?? []).enumerated() {
                    add("\(r.address)#assoc\(i)", "AWS::EC2::SubnetNetworkAclAssociation", ["SubnetId": subnet, "NetworkAclId": me])
                }
            case "aws_network_acl_rule":
                add(r.address, type, aclEntry(acl: v["network_acl_id"] ?? .null, v, number: "rule_number", action: "rule_action", egress: v["egress"] ?? .bool(false)))
            case "aws_network_acl_association": add(r.address, type, ["SubnetId": v["subnet_id"], "NetworkAclId": v["network_acl_id"]])
            case "aws_lb", "aws_alb":
                add(r.address, type, ["Name": v["name"], "Scheme": .string(v["internal"] == .bool(true) ? "internal" : "internet-facing"),
                                      "Type": v["load_balancer_type"], "Subnets": v["subnets"], "SecurityGroups": v["security_groups"]])
            case "aws_lb_listener", "aws_alb_listener":
                add(r.address, type, ["LoadBalancerArn": v["load_balancer_arn"], "Port": v["port"], "Protocol": v["protocol"],
                                      "DefaultActions": .list(v.blocks("default_action").map(action))])
            case "aws_lb_listener_rule":
                add(r.address, type, ["ListenerArn": v["listener_arn"], "Priority": v["priority"], "Actions": .list(v.blocks("action").map(action)),
                                      "Conditions": .list(v.blocks("condition").flatMap(conditions))])
            case "aws_lb_target_group", "aws_alb_target_group":
                add(r.address, type, ["Name": v["name"], "Port": v["port"], "Protocol": v["protocol"], "VpcId": v["vpc_id"], "TargetType": v["target_type"]])
            case "aws_db_instance":
                add(r.address, type, ["DBInstanceIdentifier": v["identifier"], "Engine": v["engine"], "EngineVersion": v["engine_version"],
                                      "DBInstanceClass": v["instance_class"], "PubliclyAccessible": v["publicly_accessible"],
                                      "StorageEncrypted": v["storage_encrypted"], "MultiAZ": v["multi_az"], "Port": v["port"],
                                      "VPCSecurityGroups": v["vpc_security_group_ids"], "DBSubnetGroupName": v["db_subnet_group_name"]])
            case "aws_db_subnet_group":
                add(r.address, type, ["DBSubnetGroupName": v["name"], "SubnetIds": v["subnet_ids"], "DBSubnetGroupDescription": v["description"]])
            case "aws_iam_role":
                add(r.address, type, ["RoleName": v["name"], "Path": v["path"], "AssumeRolePolicyDocument": v["assume_role_policy"],
                                      "ManagedPolicyArns": v["managed_policy_arns"],
                                      "Policies": .list(v.blocks("inline_policy").map { .map(["PolicyName": Values($0)["name"] ?? .null, "PolicyDocument": Values($0)["policy"] ?? .null]) })])
            case "aws_iam_role_policy":
                add(r.address, type, ["PolicyName": v["name"], "PolicyDocument": v["policy"], "Roles": v["role"].map { .list([$0]) }])
            case "aws_iam_policy": add(r.address, type, ["ManagedPolicyName": v["name"], "PolicyDocument": v["policy"]])
            case "aws_iam_instance_profile": add(r.address, type, ["InstanceProfileName": v["name"], "Roles": v["role"].map { .list([$0]) }])
            case "aws_s3_bucket": add(r.address, type, ["BucketName": v["bucket"]])
            case "aws_s3_bucket_policy": add(r.address, type, ["Bucket": v["bucket"], "PolicyDocument": v["policy"]])
            case "aws_iam_role_policy_attachment", "aws_s3_bucket_public_access_block", "aws_s3_bucket_ownership_controls",
                 "aws_ecr_repository_policy", "aws_efs_file_system_policy":
                extras.append(r)
            case "aws_sqs_queue", "aws_sns_topic":
                let queue = r.type == "aws_sqs_queue"
                add(r.address, type, queue ? ["QueueName": v["name"]] : ["TopicName": v["name"]])
                if let policy = v["policy"] {
                    add(r.address + "#policy", queue ? "AWS::SQS::QueuePolicy" : "AWS::SNS::TopicPolicy", [queue ? "Queues" : "Topics": .list([me]), "PolicyDocument": policy])
                }
            case "aws_secretsmanager_secret":
                add(r.address, type, ["Name": v["name"]])
                if let policy = v["policy"] { add(r.address + "#policy", "AWS::SecretsManager::ResourcePolicy", ["SecretId": me, "ResourcePolicy": policy]) }
            default:
                if let properties = compute(r.type, v) { add(r.address, type, properties) } else { unsupported.insert(r.type) }
            }
        }
        fold(extras, into: &out, typeOf)
        return (out, unsupported.sorted())
    }

    /// Resources that set a property of another one: policy attachments of roles, Block Public Access and ownership of buckets.
    static func fold(_ extras: [PlannedResource], into out: inout [TemplateResource], _ typeOf: [String: String]) {
        func index(of value: TemplateValue?, type: String) -> Int? {
            let name = value?.knownString
            return out.firstIndex { (r: TemplateResource) -> Bool in
                guard r.type == type else { return false }
                if value == .ref(r.logicalId) { return true }
                guard let name else { return false }
                return ["RoleName", "BucketName", "RepositoryName"].contains { r.properties[$0]?.knownString == name }
            }
        }
        for r in extras {
            let v = Values(r.values.mapValues { normalize($0, typeOf) })
            switch r.type {
            case "aws_iam_role_policy_attachment":
                guard let i = index(of: v["role"], type: "AWS::IAM::Role"), let arn = v["policy_arn"] else { continue }
                out[i].properties["ManagedPolicyArns"] = .list((out[i]["ManagedPolicyArns"]?.elements ?? []) + [arn])
            case "aws_s3_bucket_public_access_block":
                guard let i = index(of: v["bucket"], type: "AWS::S3::Bucket") else { continue }
                out[i].properties["PublicAccessBlockConfiguration"] = .map([
                    "BlockPublicAcls": v["block_public_acls"] ?? .bool(false), "IgnorePublicAcls": v["ignore_public_acls"] ?? .bool(false),
                    "BlockPublicPolicy": v["block_public_policy"] ?? .bool(false), "RestrictPublicBuckets": v["restrict_public_buckets"] ?? .bool(false)])
            case "aws_ecr_repository_policy":
                guard let i = index(of: v["repository"], type: "AWS::ECR::Repository") else { continue }
                out[i].properties["RepositoryPolicyText"] = v["policy"]
            case "aws_efs_file_system_policy":
                guard let i = index(of: v["file_system_id"], type: "AWS::EFS::FileSystem") else { continue }
                out[i].properties["FileSystemPolicy"] = v["policy"]
            case "aws_s3_bucket_ownership_controls":
                guard let i = index(of: v["bucket"], type: "AWS::S3::Bucket"), let rule = v.blocks("rule").first else { continue }
                out[i].properties["OwnershipControls"] = .map(["Rules": .list([.map(["ObjectOwnership": Values(rule)["object_ownership"] ?? .null])])])
            default: continue
            }
        }
    }

    /// A resource's values, with the block lists Terraform prints for nested blocks.
    struct Values {
        var all: TemplateValue
        init(_ values: [String: TemplateValue]) { all = .map(values) }
        init(_ value: TemplateValue) { all = value }
        subscript(key: String) -> TemplateValue? {
            guard let v = all[key], v != .null else { return nil }
            return v
        }
        func blocks(_ key: String) -> [TemplateValue] { self[key]?.elements ?? [] }
        /// Terraform's `tags` map as CloudFormation's `[{Key, Value}]`.
        var tags: TemplateValue? {
            guard case .map(let m)? = self["tags"] else { return nil }
            return .list(m.keys.sorted().map { .map(["Key": .string($0), "Value": m[$0] ?? .null]) })
        }
    }

    static func route(table: TemplateValue?, _ route: TemplateValue, cidr: String, ipv6: String) -> [String: TemplateValue?] {
        let v = Values(route)
        return ["RouteTableId": table, "DestinationCidrBlock": v[cidr], "DestinationIpv6CidrBlock": v[ipv6], "GatewayId": v["gateway_id"],
                "NatGatewayId": v["nat_gateway_id"], "TransitGatewayId": v["transit_gateway_id"], "VpcPeeringConnectionId": v["vpc_peering_connection_id"],
                "NetworkInterfaceId": v["network_interface_id"], "EgressOnlyInternetGatewayId": v["egress_only_gateway_id"], "VpcEndpointId": v["vpc_endpoint_id"]]
    }

    /// One Terraform rule block (`cidr_blocks`, `ipv6_cidr_blocks`, `security_groups`, `self`, `prefix_list_ids`) as one
    /// CloudFormation rule per peer.
    static func rules(_ rule: TemplateValue, peer: String, group: TemplateValue) -> [TemplateValue] {
        let v = Values(rule)
        let base: [String: TemplateValue] = ["IpProtocol": v["protocol"] ?? .string("-1"), "FromPort": v["from_port"] ?? .number(0),
                                             "ToPort": v["to_port"] ?? .number(0), "Description": v["description"] ?? .null]
        var out: [TemplateValue] = []
        func with(_ key: String, _ value: TemplateValue) { var m = base; m[key] = value; out.append(.map(m)) }
        // A list known only after apply stays one unknown peer, which the writer names in a warning.
        func each(_ key: String) -> [TemplateValue] {
            if case .unknown? = v[key] { return [v[key] ?? .null] }
            return v[key]?.elements ?? []
        }
        for c in each("cidr_blocks") { with("CidrIp", c) }
        for c in each("ipv6_cidr_blocks") { with("CidrIpv6", c) }
        for g in each("security_groups") { with("\(peer)SecurityGroupId", g) }
        for p in v["prefix_list_ids"]?.elements ?? [] { with("\(peer)PrefixListId", p) }
        if v["self"] == .bool(true) { with("\(peer)SecurityGroupId", group) }
        return out
    }

    static func aclEntry(acl: TemplateValue, _ v: Values, number: String, action: String, egress: TemplateValue) -> [String: TemplateValue?] {
        ["NetworkAclId": acl, "RuleNumber": v[number], "Protocol": v["protocol"], "RuleAction": v[action], "Egress": egress,
         "CidrBlock": v["cidr_block"], "Ipv6CidrBlock": v["ipv6_cidr_block"],
         "PortRange": .map(["From": v["from_port"] ?? .number(0), "To": v["to_port"] ?? .number(0)])]
    }

    /// A listener action block as CloudFormation's action.
    static func action(_ block: TemplateValue) -> TemplateValue {
        let v = Values(block)
        var out: [String: TemplateValue] = ["Type": v["type"] ?? .string("forward")]
        if let tg = v["target_group_arn"] { out["TargetGroupArn"] = tg }
        if let forward = v.blocks("forward").first {
            out["ForwardConfig"] = .map(["TargetGroups": .list(Values(forward).blocks("target_group").map { g in
                .map(["TargetGroupArn": Values(g)["arn"] ?? .null, "Weight": Values(g)["weight"] ?? .number(1)])
            })])
        }
        if let r = v.blocks("redirect").first {
            let rv = Values(r)
            out["RedirectConfig"] = .map(["Protocol": rv["protocol"] ?? .string("#{protocol}"), "Port": rv["port"] ?? .string("#{port}"),
                                          "StatusCode": rv["status_code"] ?? .string("HTTP_301")])
        }
        if let f = v.blocks("fixed_response").first { out["FixedResponseConfig"] = .map(["StatusCode": Values(f)["status_code"] ?? .string("200")]) }
        return .map(out)
    }

    /// A listener rule's condition blocks as CloudFormation conditions.
    static func conditions(_ block: TemplateValue) -> [TemplateValue] {
        let v = Values(block)
        var out: [TemplateValue] = []
        for (key, field, config) in [("path_pattern", "path-pattern", "PathPatternConfig"), ("host_header", "host-header", "HostHeaderConfig"),
                                     ("source_ip", "source-ip", "SourceIpConfig"), ("http_request_method", "http-request-method", "HttpRequestMethodConfig")] {
            for c in v.blocks(key) { out.append(.map(["Field": .string(field), config: .map(["Values": Values(c)["values"] ?? .list([])])])) }
        }
        for c in v.blocks("http_header") {
            out.append(.map(["Field": .string("http-header"), "HttpHeaderConfig": .map(["HttpHeaderName": Values(c)["http_header_name"] ?? .null,
                                                                                          "Values": Values(c)["values"] ?? .list([])])]))
        }
        for c in v.blocks("query_string") {
            out.append(.map(["Field": .string("query-string"), "QueryStringConfig": .map(["Values": .list([.map(["Key": Values(c)["key"] ?? .null,
                                                                                                                   "Value": Values(c)["value"] ?? .null])])])]))
        }
        return out
    }

    /// Terraform's attribute references restated as what CloudFormation's `Ref`/`Fn::GetAtt` return: `id`, and `arn`
    /// or `name` of types whose `Ref` is their ARN or name, are the `Ref`.
    static func normalize(_ value: TemplateValue, _ typeOf: [String: String]) -> TemplateValue {
        switch value {
        case .attribute(let address, let attribute):
            let type = typeOf[address] ?? ""
            let refIsArn = type.hasPrefix("AWS::ElasticLoadBalancingV2::")
                || ["AWS::ECS::Service", "AWS::ECS::TaskDefinition", "AWS::SNS::Topic", "AWS::SecretsManager::Secret"].contains(type)
            let refIsName = ["AWS::RDS::DBSubnetGroup", "AWS::RDS::DBInstance", "AWS::IAM::Role", "AWS::S3::Bucket", "AWS::IAM::InstanceProfile",
                             "AWS::ECS::Cluster", "AWS::Lambda::Function", "AWS::AutoScaling::AutoScalingGroup",
                             "AWS::ECR::Repository", "AWS::KMS::Key"].contains(type)
            if attribute == "id" || (attribute == "arn" && refIsArn) || (type == "AWS::SQS::Queue" && attribute == "url")
                || (refIsName && ["name", "identifier", "bucket", "function_name", "key_id"].contains(attribute)) { return .ref(address) }
            return .attribute(address, attribute == "arn" ? "Arn" : attribute)
        case .list(let items): return .list(items.map { normalize($0, typeOf) })
        case .map(let m): return .map(m.mapValues { normalize($0, typeOf) })
        default: return value
        }
    }
}

extension TemplateValue {
    /// The members of a map value (empty for anything else).
    var mapValue: [String: TemplateValue] {
        if case .map(let m) = self { return m }
        return [:]
    }
}
