import Foundation
import Testing
@testable import IaCImport

/// CloudFormation templates read before deploy: intrinsic functions evaluated, what only the deploy knows kept symbolic.
@Suite("CloudFormation templates")
struct CloudFormationTemplateTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func todoApp(_ parameters: [String: String] = [:], region: String? = "us-east-1") throws -> CloudFormationTemplate {
        let text = try String(contentsOf: fixtures.appendingPathComponent("todo-app.yaml"), encoding: .utf8)
        return try CloudFormationTemplate(text: text, file: "todo-app.yaml", parameters: parameters, region: region)
    }

    static func template(_ resources: String, parameters: String = "", conditions: String = "") throws -> CloudFormationTemplate {
        try CloudFormationTemplate(text: "Parameters:\n\(parameters)\nConditions:\n\(conditions)\nResources:\n\(resources)", file: "t.yaml", region: "eu-west-1")
    }

    static func resource(_ t: CloudFormationTemplate, _ id: String) throws -> TemplateResource {
        try #require(t.resources.first { $0.logicalId == id })
    }

    @Test("the seed 002 template: Ref to resources stays symbolic, GetAtt names the attribute, lines are kept")
    func todoAppReferences() throws {
        let t = try Self.todoApp()
        let subnet = try Self.resource(t, "PublicSubnet1")
        #expect(subnet.type == "AWS::EC2::Subnet" && subnet["VpcId"] == .ref("VPC") && subnet["CidrBlock"] == .string("10.0.1.0/24"))
        #expect(subnet["MapPublicIpOnLaunch"] == .bool(true))
        // Fn::GetAZs is CloudFormation's answer at deploy: never guessed.
        guard case .unknown? = subnet["AvailabilityZone"] else { Issue.record("AZ should be unknown"); return }
        #expect(subnet.line > 0 && subnet.propertyLines["CidrBlock"] == subnet.line + 5)
        let service = try Self.resource(t, "BackendService")
        #expect(service["NetworkConfiguration"]?["AwsvpcConfiguration"]?["Subnets"] == .list([.ref("PrivateSubnet1"), .ref("PrivateSubnet2")]))
        #expect(try Self.resource(t, "BackendTaskDefinition")["TaskRoleArn"] == .attribute("ECSTaskRole", "Arn"))
    }

    @Test("NoEcho parameters are secrets: the Default never reaches a value, Fn::Sub keeps the URL's shape")
    func noEcho() throws {
        let t = try Self.todoApp()
        let db = try Self.resource(t, "PostgreSQLDB")
        #expect(db["MasterUserPassword"] == .secret("DBPassword"))
        let container = try Self.resource(t, "BackendTaskDefinition")["ContainerDefinitions"]?.elements.first
        let url = try #require(container?["Environment"]?.elements.first?["Value"])
        #expect(url.rendered == "postgresql://postgres:${DBPassword}@${PostgreSQLDB.Endpoint.Address}:5432/todoapp")
        #expect(!"\(t.resources)".contains("do-not-store-me"))
    }

    @Test("pseudo parameters: AWS::Region from --region, AWS::AccountId unknown without an account")
    func pseudoParameters() throws {
        let image = try Self.resource(try Self.todoApp(), "BackendTaskDefinition")["ContainerDefinitions"]?.elements.first?["Image"]
        #expect(image?.rendered == "${unknown}.dkr.ecr.us-east-1.amazonaws.com/todoapp-backend:latest")
        let t = try CloudFormationTemplate(text: try String(contentsOf: Self.fixtures.appendingPathComponent("todo-app.yaml"), encoding: .utf8),
                                           file: "todo-app.yaml", region: "us-east-1", account: "123456789012")
        #expect(try Self.resource(t, "BackendTaskDefinition")["ContainerDefinitions"]?.elements.first?["Image"]
                == .string("123456789012.dkr.ecr.us-east-1.amazonaws.com/todoapp-backend:latest"))
    }

    @Test("conditions, Fn::If and Fn::FindInMap follow the parameters; a false condition drops its resource")
    func conditions() throws {
        let dev = try Self.todoApp()
        #expect(try Self.resource(dev, "PostgreSQLDB")["MultiAZ"] == .bool(false))
        #expect(try Self.resource(dev, "PostgreSQLDB")["DBInstanceClass"] == .string("db.t3.micro"))
        #expect(!dev.resources.contains { $0.logicalId == "ProdOnlyAlarm" })
        let prod = try Self.todoApp(["Environment": "prod", "SNSTopicArn": "arn:aws:sns:us-east-1:123456789012:alerts"])
        #expect(try Self.resource(prod, "PostgreSQLDB")["MultiAZ"] == .bool(true))
        #expect(try Self.resource(prod, "PostgreSQLDB")["DBInstanceClass"] == .string("db.r6g.large"))
        #expect(try Self.resource(prod, "ProdOnlyAlarm")["AlarmActions"] == .list([.string("arn:aws:sns:us-east-1:123456789012:alerts")]))
        // A parameter without a value is unknown, with a warning naming it.
        #expect(dev.warnings.contains("parameter SNSTopicArn has no Default and no --parameter: unknown"))
    }

    @Test("Fn::Join, Fn::Select, Fn::Split, AWS::NoValue and Fn::Sub literals, long and short forms alike")
    func functions() throws {
        let t = try Self.template("""
          A:
            Type: AWS::S3::Bucket
            Properties:
              BucketName: {"Fn::Join": ["-", ["logs", !Ref AWS::Region, "x"]]}
              Second: !Select [1, !Split [",", "a,b,c"]]
              Gone: !Ref AWS::NoValue
              Literal: !Sub "${!NotAVariable}-${AWS::Partition}"
              Joined: !Join ["", [!GetAtt B.Arn, "/*"]]
          B:
            Type: AWS::S3::Bucket
        """)
        let a = try Self.resource(t, "A")
        #expect(a["BucketName"] == .string("logs-eu-west-1-x"))
        #expect(a["Second"] == .string("b"))
        #expect(a["Gone"] == nil)
        #expect(a["Literal"] == .string("${NotAVariable}-aws"))
        #expect(a["Joined"] == .text([.value(.attribute("B", "Arn")), .literal("/*")]))
    }

    @Test("bad templates give one line naming the file, the line and the problem", arguments: [
        ("Resources:\n  A:\n    Properties: {}\n", "t.yaml:2: resource A has no Type"),
        ("Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties:\n      X: !Ref Missing\n", "t.yaml:5: Ref to 'Missing', which is no parameter, pseudo parameter or resource of the template"),
        ("Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties:\n      X: !Select [5, [a, b]]\n", "t.yaml:5: Fn::Select index 5 is outside the list (2 items)"),
        ("Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties:\n      X: !Bogus y\n", "t.yaml:5: unknown tag !Bogus"),
        ("Resource:\n  A:\n    Type: AWS::S3::Bucket\n", "unknown section 'Resource'"),
        ("Description: nothing\n", "t.yaml: needs a Resources section with at least one resource"),
        ("Resources: [a\n", "t.yaml: line"),
        ("Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Condition: Nope\n", "t.yaml:2: resource A names condition 'Nope', which the template does not define"),
    ])
    func errors(text: String, message: String) {
        #expect { try CloudFormationTemplate(text: text, file: "t.yaml") } throws: { error in
            let s = "\(error)"
            return s.hasPrefix(message) || s.contains(message) && !s.contains("\n")
        }
    }

    @Test("--parameter for a parameter the template lacks is an error naming it; a Number parameter must be a number")
    func parameterOverrides() throws {
        #expect(throws: IaCError.self) { try Self.todoApp(["Enviroment": "prod"]) }
        #expect { try CloudFormationTemplate(text: "Parameters:\n  N: {Type: Number}\nResources:\n  A: {Type: AWS::S3::Bucket}\n", file: "t.yaml", parameters: ["N": "x"]) } throws: {
            "\($0)" == "t.yaml:2: parameter N is a Number, not 'x'"
        }
    }

    @Test("JSON templates read like YAML ones")
    func json() throws {
        let t = try CloudFormationTemplate(text: #"{"Resources": {"V": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.1.0.0/16"}}, "S": {"Type": "AWS::EC2::Subnet", "Properties": {"VpcId": {"Ref": "V"}}}}}"#, file: "t.json")
        #expect(try Self.resource(t, "S")["VpcId"] == .ref("V"))
        #expect(try Self.resource(t, "V")["CidrBlock"] == .string("10.1.0.0/16"))
    }

    @Test("nesting deeper than any template is refused with a message, never a crash")
    func deepNesting() {
        let deep = String(repeating: "[", count: 2000) + String(repeating: "]", count: 2000)
        #expect { try CloudFormationTemplate(text: "Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties:\n      X: \(deep)\n", file: "t.yaml") } throws: {
            "\($0)".lowercased().contains("nest") && !"\($0)".contains("\n")
        }
    }
}
