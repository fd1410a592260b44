import Foundation
import Testing

/// A CloudFormation template audited before deploy: `import` and `scan` take it like CLI output (seed 002 fixture).
@Suite("CloudFormation templates end to end")
struct TemplateCLITests {
    static let template = CLIRunner.packageRoot.appendingPathComponent("Tests/IaCImportTests/Fixtures/todo-app.yaml").path

    private func snapshot() throws -> (URL, String) {
        let dir = try CLIRunner.temporaryFolder()
        let db = dir.appendingPathComponent("plan.db").path
        let imported = try CLIRunner.run(["import", Self.template, "--out", db, "--template-region", "us-east-1"])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("1 load_balancers") && imported.stdout.contains("1 db_instances"), "\(imported.stdout)")
        // Every type of the seed is modelled (the alarm is under a false condition).
        #expect(!imported.stderr.contains("not modelled"), "\(imported.stderr)")
        #expect(imported.stdout.contains("1 ecs_services") && imported.stdout.contains("1 ecs_task_definitions"), "\(imported.stdout)")
        return (dir, db)
    }

    @Test("query by the template's names: the ALB is reachable on 80 through the planned gateway; the database only from the app's group")
    func queries() throws {
        let (dir, db) = try snapshot()
        defer { try? FileManager.default.removeItem(at: dir) }
        let alb = try CLIRunner.run(["query", db, "--from", "internet", "--to", "todoapp-alb", "--port", "80"])
        #expect(alb.status == 0 && alb.stdout.contains("igw-InternetGateway"), "\(alb.stdout)\(alb.stderr)")
        let db5432 = try CLIRunner.run(["query", db, "--from", "todoapp-alb", "--to", "todoapp-postgres", "--port", "5432"])
        #expect(db5432.status == 1 && db5432.stdout.contains("sg-DatabaseSecurityGroup"), "\(db5432.stdout)\(db5432.stderr)")
    }

    @Test("the planned ECS service answers by name through the ALB's /api/* rule, placed by its awsvpc configuration")
    func plannedService() throws {
        let (dir, db) = try snapshot()
        defer { try? FileManager.default.removeItem(at: dir) }
        let backend = try CLIRunner.run(["query", db, "--from", "internet", "--to", "todoapp-backend", "--port", "8000"])
        #expect(backend.stdout.contains("through load balancer todoapp-alb, listener tcp/80 (HTTP): rule /api/* (priority 100)"), "\(backend.stdout)\(backend.stderr)")
        #expect(backend.stdout.contains("has no running task; answered from the service's network configuration"), "\(backend.stdout)")
    }

    @Test("seed 003's shape planned in Terraform: the ASG's instances serve the ALB on 80; SSH open to the world on private instances is latent, not exposed")
    func autoScalingBehindALB() throws {
        let plan = CLIRunner.packageRoot.appendingPathComponent("Tests/IaCImportTests/Fixtures/asg-behind-alb.plan.json").path
        let dir = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("asg.db").path
        let imported = try CLIRunner.run(["import", plan, "--out", db])
        #expect(imported.status == 0 && imported.stdout.contains("2 instances"), "\(imported.stdout)\(imported.stderr)")
        let web = try CLIRunner.run(["query", db, "--from", "internet", "--to", "app-asg", "--port", "80"])
        #expect(web.stdout.contains("reaches app-asg through load balancer app-alb, listener tcp/80 (HTTP): default rule"), "\(web.stdout)\(web.stderr)")
        let ssh = try CLIRunner.run(["query", db, "--from", "internet", "--to", "app-asg", "--port", "22"])
        #expect(ssh.status == 1 && ssh.stdout.contains("has no public IP address") && !ssh.stdout.contains("reaches app-asg"), "\(ssh.stdout)")
        let scan = try CLIRunner.run(["scan", plan, "--format", "json", "--fail-on", "none"])
        #expect(scan.status == 0 && scan.stdout.contains("latent-open-security-group"), "\(scan.stdout)\(scan.stderr)")
        #expect(!scan.stdout.contains("\"rule_id\": \"internet-exposed-port\""), "\(scan.stdout)")
    }

    @Test("Fn::ImportValue: resolved from the cloudformation list-exports output of the snapshot given with --against, unknown and named without one")
    func importValue() throws {
        let dir = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let region = dir.appendingPathComponent("dump/123456789012/us-east-1")
        try FileManager.default.createDirectory(at: region, withIntermediateDirectories: true)
        try #"{"Exports": [{"ExportingStackId": "arn:aws:cloudformation:us-east-1:123456789012:stack/net/1", "Name": "office-cidr", "Value": "203.0.113.0/24"}]}"#
            .write(to: region.appendingPathComponent("cloudformation-list-exports.json"), atomically: true, encoding: .utf8)
        let template = dir.appendingPathComponent("sg.yaml")
        try """
        Resources:
          VPC: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}
          Subnet: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref VPC, CidrBlock: 10.0.1.0/24}}
          App:
            Type: AWS::EC2::SecurityGroup
            Properties:
              GroupDescription: app
              VpcId: !Ref VPC
              SecurityGroupIngress: [{IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: !ImportValue office-cidr}]
          Bastion: {Type: AWS::EC2::Instance, Properties: {SubnetId: !Ref Subnet, SecurityGroupIds: [!Ref App]}}
        """.write(to: template, atomically: true, encoding: .utf8)
        let snap = dir.appendingPathComponent("snap.db").path, plan = dir.appendingPathComponent("plan.db").path
        #expect(try CLIRunner.run(["import", dir.appendingPathComponent("dump").path, "--out", snap]).status == 0)
        let laid = try CLIRunner.run(["import", template.path, "--against", snap, "--out", plan])
        #expect(laid.status == 0 && !laid.stderr.contains("office-cidr"), "\(laid.stderr)")
        let alone = try CLIRunner.run(["import", template.path, "--out", dir.appendingPathComponent("alone.db").path])
        #expect(alone.stderr.contains("Fn::ImportValue 'office-cidr' is not an export of the given snapshot"), "\(alone.stderr)")
        #expect(alone.stderr.contains("App: an ingress rule's CidrIp"), "\(alone.stderr)")
        // The office range passes the group; only the missing public address and route stop it.
        let query = try CLIRunner.run(["query", plan, "--from", "203.0.113.9", "--to", "i-Bastion", "--port", "22"])
        #expect(query.stdout.contains("has no public IP address") && !query.stdout.contains("security-group-ingress"), "\(query.stdout)\(query.stderr)")
        // Without the exports the rule's range is unknown: the group is no blocker (it may admit the office), the
        // missing public address still blocks.
        let unknown = try CLIRunner.run(["query", dir.appendingPathComponent("alone.db").path, "--from", "203.0.113.9", "--to", "i-Bastion", "--port", "22"])
        #expect(unknown.status == 1 && unknown.stdout.contains("has no public IP address") && !unknown.stdout.contains("no inbound rule of"),
                "\(unknown.stdout)\(unknown.stderr)")
    }

    @Test("the NoEcho password never reaches the snapshot; scan names the unencrypted database and the latent 443 rule")
    func scanAndSecrets() throws {
        let (dir, db) = try snapshot()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bytes = try Data(contentsOf: URL(fileURLWithPath: db))
        #expect(bytes.range(of: Data("do-not-store-me".utf8)) == nil)
        let scan = try CLIRunner.run(["scan", Self.template, "--template-region", "us-east-1", "--format", "json", "--fail-on", "none"])
        #expect(scan.status == 0, "\(scan.stderr)")
        #expect(scan.stdout.contains("rds-storage-unencrypted") && scan.stdout.contains("latent-open-security-group"), "\(scan.stdout)")
    }

    @Test("template errors exit 2 with one line naming the file or option")
    func errors() throws {
        let unknown = try CLIRunner.run(["scan", Self.template, "--parameter", "Enviroment=prod"])
        #expect(unknown.status == 2 && unknown.stderr.contains("--parameter Enviroment: the template has no such parameter"), "\(unknown.stderr)")
        let malformed = try CLIRunner.run(["scan", Self.template, "--parameter", "novalue"])
        #expect(malformed.status == 2 && malformed.stderr.contains("--parameter: 'novalue' is not Key=Value"), "\(malformed.stderr)")
    }

    @Test("a Terraform plan imports like CLI output: modules' references linked, the sensitive password never stored, no default egress")
    func terraformPlan() throws {
        let plan = CLIRunner.packageRoot.appendingPathComponent("Tests/IaCImportTests/Fixtures/three-tier-modules.plan.json").path
        let dir = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("tf.db").path
        let imported = try CLIRunner.run(["import", plan, "--out", db])
        #expect(imported.status == 0 && imported.stdout.contains("2 security_groups") && imported.stdout.contains("1 db_instances"), "\(imported.stdout)\(imported.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)).range(of: Data("plan-secret-value".utf8)) == nil)
        let query = try CLIRunner.run(["query", db, "--from", "internet", "--to", "demo-flask-app-dev-db", "--port", "5432"])
        #expect(query.status == 1 && query.stdout.contains("has no internet gateway attached"), "\(query.stdout)\(query.stderr)")
        let scan = try CLIRunner.run(["scan", plan, "--format", "json", "--fail-on", "none"])
        #expect(scan.stdout.contains("rds-storage-unencrypted"), "\(scan.stdout)\(scan.stderr)")
    }

    @Test("the PR check: a plan laid over the workshop snapshot; diff names the path it opens and its cause, and gates")
    func planOverSnapshot() throws {
        let plan = CLIRunner.packageRoot.appendingPathComponent("Tests/IaCImportTests/Fixtures/workshop-opens-mysql.plan.json").path
        let dir = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("workshop.db").path
        #expect(try CLIRunner.run(["import", "snapshots/workshop", "--out", db, "-q"]).status == 0)
        let diff = try CLIRunner.run(["diff", db, plan])
        #expect(diff.status == 1, "\(diff.stdout)\(diff.stderr)")
        #expect(diff.stdout.contains("+ internet → demo-app-test-ami-builder tcp/3306 now reachable [critical]"), "\(diff.stdout)")
        #expect(diff.stdout.contains("ingress rule added: tcp/3306 from 0.0.0.0/0"), "\(diff.stdout)")
        // The rule joins the captured group: the other findings stay unchanged, nothing else moves.
        #expect(diff.stdout.contains("Findings: 1 new, 0 resolved"), "\(diff.stdout)")
        let scan = try CLIRunner.run(["scan", plan, "--against", db, "--format", "json", "--fail-on", "none"])
        #expect(scan.status == 0 && scan.stdout.contains("tcp/3306 (MySQL) on demo-app-test-ami-builder"), "\(scan.stderr)")
    }

    @Test("SARIF points each finding at the template line declaring the resource, so the PR annotation lands there")
    func sarifLocations() throws {
        let scan = try CLIRunner.run(["scan", Self.template, "--template-region", "us-east-1", "--format", "sarif", "--fail-on", "none"])
        #expect(scan.status == 0, "\(scan.stderr)")
        let lines = try String(contentsOfFile: Self.template, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let declaration = try #require(lines.firstIndex { $0 == "  PostgreSQLDB:" }) + 1
        let compact = scan.stdout.replacingOccurrences(of: " ", with: "")
        #expect(compact.contains("\"startLine\":\(declaration)"), "\(scan.stdout)")
        #expect(scan.stdout.contains("todo-app.yaml") && scan.stdout.contains("PostgreSQLDB"))
    }
}
