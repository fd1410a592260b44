import AWSImport
import Findings
import Foundation
import NetModel
import JSON

/// Imports paths that may hold infrastructure as code beside AWS CLI output: a CloudFormation template (YAML or
/// JSON) or a Terraform plan (`terraform show -json`) given as a file is evaluated and its resources written as the
/// CLI would print them once deployed; every other path goes to the AWS CLI importer unchanged. File names never decide: a template is told by its content.
public struct IaCImporter: Sendable {
    public var importer: Importer
    /// `--parameter Key=Value` for templates.
    public var parameters: [String: String]
    /// `AWS::Region` / `AWS::AccountId` for templates (the account's when laid over a snapshot).
    public var region: String?
    public var account: String?
    /// The account's CloudFormation exports by name, for `Fn::ImportValue` (from the snapshot a template is laid over).
    public var exports: [String: String]

    public init(importer: Importer, parameters: [String: String] = [:], region: String? = nil, account: String? = nil,
                exports: [String: String] = [:]) {
        self.importer = importer
        self.parameters = parameters
        self.region = region
        self.account = account
        self.exports = exports
    }

    /// Resource types the template reader writes as AWS CLI documents; others are reported by name and left out.
    public static let supportedTypes: Set<String> = [
        "AWS::EC2::VPC", "AWS::EC2::Subnet", "AWS::EC2::InternetGateway", "AWS::EC2::VPCGatewayAttachment", "AWS::EC2::NatGateway",
        "AWS::EC2::RouteTable", "AWS::EC2::Route", "AWS::EC2::SubnetRouteTableAssociation", "AWS::EC2::SecurityGroup",
        "AWS::EC2::SecurityGroupIngress", "AWS::EC2::SecurityGroupEgress", "AWS::EC2::NetworkAcl", "AWS::EC2::NetworkAclEntry",
        "AWS::EC2::SubnetNetworkAclAssociation", "AWS::ElasticLoadBalancingV2::LoadBalancer", "AWS::ElasticLoadBalancingV2::Listener",
        "AWS::ElasticLoadBalancingV2::ListenerRule", "AWS::ElasticLoadBalancingV2::TargetGroup", "AWS::RDS::DBInstance", "AWS::RDS::DBSubnetGroup",
        "AWS::IAM::Role", "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::IAM::InstanceProfile", "AWS::S3::Bucket", "AWS::S3::BucketPolicy",
        "AWS::EC2::Instance", "AWS::EC2::LaunchTemplate", "AWS::AutoScaling::AutoScalingGroup", "AWS::ECS::Cluster", "AWS::ECS::Service",
        "AWS::ECS::TaskDefinition", "AWS::Lambda::Function", CloudFormationComputeDocuments.targetAttachment,
        "AWS::SQS::Queue", "AWS::SQS::QueuePolicy", "AWS::SNS::Topic", "AWS::SNS::TopicPolicy", "AWS::KMS::Key", "AWS::Lambda::Permission",
        "AWS::SecretsManager::Secret", "AWS::SecretsManager::ResourcePolicy", "AWS::ECR::Repository", "AWS::EFS::FileSystem",
    ]

    public func importPaths(_ paths: [String]) throws -> ImportResult {
        try importPlanned(paths).result
    }

    /// What an import of templates and plans gives beside the inventory.
    public struct Planned: Sendable {
        public var result: ImportResult
        /// IDs of existing resources the plans delete (for `PlanOverlay`).
        public var deleting: Set<String>
        /// Where each planned resource is declared, by the ID findings name it with.
        public var locations: [String: SourceLocation]
    }

    /// The import, with the planned deletes and where each planned resource is declared.
    public func importPlanned(_ paths: [String]) throws -> Planned {
        var deleting = Set<String>()
        var locations: [String: SourceLocation] = [:]
        var files: [InputFile] = []
        var warnings: [CaptureWarning] = []
        var regular: [String] = []
        for path in paths {
            if let plan = try Self.plan(path) {
                deleting.formUnion(plan.deletedIds)
                let (resources, unsupported) = TerraformTranslation.resources(plan)
                write(resources, from: path, region: region ?? plan.region, unsupported: unsupported, dialect: "plans",
                      into: &files, &warnings, &locations)
                continue
            }
            guard let text = Self.templateText(path) else { regular.append(path); continue }
            let template = try CloudFormationTemplate(text: text, file: path, parameters: parameters, region: region, account: account,
                                                  exports: exports)
            warnings += template.warnings.map { CaptureWarning(source: path, code: "template-evaluation", message: $0) }
            let unsupported = Set(template.resources.map(\.type)).subtracting(Self.supportedTypes).sorted()
            write(template.resources, from: path, region: region, unsupported: unsupported, dialect: "templates", into: &files, &warnings, &locations)
        }
        if !regular.isEmpty { files += try InputFile.discover(regular) }
        var result = try importer.importFiles(files)
        result.inventory.warnings += warnings
        return Planned(result: result, deleting: deleting, locations: locations)
    }

    /// One template's or plan's resources as in-memory CLI documents, with their warnings and where each is declared.
    private func write(_ resources: [TemplateResource], from path: String, region: String?, unsupported: [String], dialect: String,
                       into files: inout [InputFile], _ warnings: inout [CaptureWarning], _ locations: inout [String: SourceLocation]) {
        if !unsupported.isEmpty {
            warnings.append(CaptureWarning(source: path, code: "unsupported-resource-type",
                                           message: "not modelled from \(dialect) yet: \(unsupported.joined(separator: ", "))"))
        }
        var docs = CLIDocuments()
        let ids = CloudFormationIds(resources, region: region, account: account)
        CloudFormationNetworkDocuments(resources: resources, ids: ids).write(into: &docs)
        // Resources a plan splits off (`aws_route_table.x#route0`) are cited by the one they came from.
        for r in resources where !r.logicalId.contains("#") {
            locations[ids.ref(r.logicalId)] = SourceLocation(file: path, line: r.line, name: r.logicalId)
        }
        files += docs.files(source: path, account: account, region: region)
        warnings += docs.warnings.map { CaptureWarning(source: path, code: "partial", message: $0) }
    }

    /// The Terraform plan a `.json` file holds (`terraform show -json`), told by its content; nil for any other file.
    static func plan(_ path: String) throws -> TerraformPlan? {
        guard URL(fileURLWithPath: path).pathExtension.lowercased() == "json",
              let handle = FileHandle(forReadingAtPath: path) else { return nil }
        let head = String(decoding: handle.readData(ofLength: 4096), as: UTF8.self)
        try? handle.close()
        guard head.contains("\"format_version\""), head.contains("\"terraform_version\"") || head.contains("\"planned_values\"") else { return nil }
        let bytes: [UInt8]
        do { bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path))) } catch { throw IaCError.malformed(file: path, message: "cannot read: \(error.localizedDescription)") }
        let root: JSONValue
        do { root = try JSONParser.parse(bytes) } catch { throw IaCError.malformed(file: path, message: "line \(error.line), column \(error.column): \(error.message)") }
        guard TerraformPlan.isPlan(root) else { return nil }
        return try TerraformPlan(root, file: path)
    }

    /// The text of a path that is a CloudFormation template file (`.yaml`, `.yml`, `.template`, `.json`, told by content).
    static func templateText(_ path: String) -> String? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
              ["yaml", "yml", "template", "json"].contains(URL(fileURLWithPath: path).pathExtension.lowercased()),
              let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size < 64 << 20,
              let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else { return nil }
        let head = String(text.prefix(4096))
        if head.hasPrefix("{"), !head.contains("AWSTemplateFormatVersion"), !head.contains("\"Resources\"") { return nil }
        return CloudFormationTemplate.looksLikeTemplate(text) ? text : nil
    }
}
