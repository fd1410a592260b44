import AWSImport
import Foundation
import JSON
import Testing
@testable import IaCImport

/// Terraform plans (`terraform show -json`): values unknown until apply linked through the configuration's references.
@Suite("Terraform plans")
struct TerraformPlanTests {
    static func plan() throws -> TerraformPlan {
        let url = CloudFormationTemplateTests.fixtures.appendingPathComponent("three-tier-modules.plan.json")
        return try TerraformPlan(try JSONParser.parse(Array(try Data(contentsOf: url))), file: "three-tier-modules.plan.json")
    }

    static func resource(_ p: TerraformPlan, _ address: String) throws -> PlannedResource {
        try #require(p.resources.first { $0.address == address })
    }

    @Test("resources of every module, with module paths, count indexes, the provider's region and the deletes")
    func resources() throws {
        let p = try Self.plan()
        #expect(p.resources.count == 8 && p.region == "us-east-1" && p.terraformVersion == "1.9.8")
        let subnet = try Self.resource(p, "module.vpc.aws_subnet.private[1]")
        #expect(subnet.module == ["vpc"] && subnet.type == "aws_subnet" && subnet.index == "1" && subnet.actions == ["create"])
        #expect(subnet["cidr_block"] == .string("10.0.11.0/24"))
        #expect(p.deleted == ["aws_instance.legacy"])
    }

    @Test("an unknown id is linked to the resource the configuration references, within a module")
    func sameModuleReference() throws {
        let p = try Self.plan()
        #expect(try Self.resource(p, "module.vpc.aws_subnet.private[0]")["vpc_id"] == .ref("module.vpc.aws_vpc.main"))
        let rule = try Self.resource(p, "module.security.aws_security_group_rule.app_from_alb")
        #expect(rule["source_security_group_id"] == .ref("module.security.aws_security_group.alb"))
        #expect(rule["security_group_id"] == .ref("module.security.aws_security_group.app"))
    }

    @Test("references cross module inputs (var.x) and outputs (module.m.out), lists keep every count instance")
    func crossModuleReferences() throws {
        let p = try Self.plan()
        #expect(try Self.resource(p, "module.security.aws_security_group.app")["vpc_id"] == .ref("module.vpc.aws_vpc.main"))
        #expect(try Self.resource(p, "module.database.aws_db_instance.main")["vpc_security_group_ids"] == .list([.ref("module.security.aws_security_group.app")]))
        #expect(try Self.resource(p, "module.database.aws_db_subnet_group.main")["subnet_ids"]
                == .list([.ref("module.vpc.aws_subnet.private[0]"), .ref("module.vpc.aws_subnet.private[1]")]))
        // A referenced attribute that the plan already knows is taken as it is.
        #expect(try Self.resource(p, "module.database.aws_db_instance.main")["db_subnet_group_name"] == .string("demo-flask-app-dev-db-subnets"))
    }

    @Test("values unknown until apply without references stay unknown, never guessed; sensitive values are secrets")
    func unknownAndSensitive() throws {
        let p = try Self.plan()
        let db = try Self.resource(p, "module.database.aws_db_instance.main")
        guard case .unknown? = db["address"] else { Issue.record("address should be unknown"); return }
        #expect(db["password"] == .secret("module.database.aws_db_instance.main.password"))
        #expect(!"\(p.resources)".contains("plan-secret-value"))
    }

    @Test("a document that is not a plan is refused with one line")
    func notAPlan() throws {
        #expect { try TerraformPlan(try JSONParser.parse(Array(#"{"format_version":"1.0","values":{}}"#.utf8)), file: "state.json") } throws: {
            "\($0)".hasPrefix("state.json: not a Terraform plan")
        }
    }

    @Test("reference parsing: instance keys, quoted for_each keys, attributes")
    func referenceParts() {
        #expect(TerraformConfiguration.split(#"aws_subnet.app["web.1"].id"#) == ["aws_subnet", #"app["web.1"]"#, "id"])
        #expect(TerraformConfiguration.nameAndKey(#"app["web.1"]"#) == ("app", "web.1"))
        #expect(TerraformPlan.modulePath(of: "module.app.module.db[0].aws_db_instance.main") == ["app", "db"])
    }
}
