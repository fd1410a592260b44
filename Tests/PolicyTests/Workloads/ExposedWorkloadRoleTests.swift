import Findings
import NetModel
import Testing
@testable import Policy

/// Exposure joined to identity: what an internet-reachable workload's role can do decides how bad the exposure is.
@Suite("Exposed workloads and their roles")
struct ExposedWorkloadRoleTests {
    static let role = "demo-app-s3-dynamo-iam-role"

    /// The workshop with the app role's AWS-managed S3 full access removed: the role keeps only scoped grants.
    static func workshopWithoutS3FullAccess() throws -> Inventory {
        var inv = try WorkshopScanTests.sample("workshop")
        for i in inv.iamPrincipals.indices where inv.iamPrincipals[i].name == role {
            inv.iamPrincipals[i].attachedPolicyArns.removeAll { $0.hasSuffix("/AmazonS3FullAccess") }
        }
        return inv
    }

    @Test("the ALB's app instances run as a role with s3:* on *: one finding for their Auto Scaling group, with the way in and the grant")
    func asgBehindALB() throws {
        let result = try WorkshopScanTests.scan(try WorkshopScanTests.sample("workshop"))
        let f = try #require(result.findings.first { $0.ruleId == "exposed-workload-role" && $0.resource.kind == "auto-scaling-group" })
        #expect(f.severity == .high)
        #expect(f.resource.id == "demo-app-asg")
        #expect(f.title.contains("instance role \(Self.role)") && f.title.contains("s3:* on *"))
        #expect(f.evidence.first?.hasPrefix("internet → demo-app-alb (tcp/80) → demo-app-asg:5000") == true)
        #expect(f.evidence.contains { $0.hasPrefix("security-group-ingress:") })
        // One finding for the group, not one per instance.
        #expect(result.findings.filter { $0.ruleId == "exposed-workload-role" && $0.resource.id == "demo-app-asg" }.count == 1)
    }

    @Test("without the wildcard grant the role is not powerful: no finding, and the direct exposure keeps its own severity")
    func scopedRoleIsNoFinding() throws {
        let result = try WorkshopScanTests.scan(try Self.workshopWithoutS3FullAccess())
        #expect(!result.findings.contains { $0.ruleId == "exposed-workload-role" && $0.title.contains(Self.role) })
        let ssh = try #require(result.findings.first { $0.ruleId == "internet-exposed-port" && $0.resource.name == "demo-app-test-ami-builder" && $0.title.hasPrefix("tcp/22") })
        #expect(!ssh.evidence.contains { $0.hasPrefix("severity raised") })
        #expect(ssh.evidence.contains { $0.hasPrefix("runs as instance role \(Self.role): no administrator") })
    }

    @Test("a directly exposed workload with a powerful role: the exposure finding carries the role and is raised one level")
    func directExposureRaised() throws {
        var inv = try Self.workshopWithoutS3FullAccess()
        // A web port (low when alone) on the AMI builder, which has a public address and a route to the internet.
        let builder = try #require(inv.instances.first { $0.tags.name == "demo-app-test-ami-builder" })
        let group = try #require(inv.securityGroups.firstIndex { $0.id == builder.securityGroupIds.first })
        inv.securityGroups[group].ingress.append(SecurityGroupRule(ipProtocol: .tcp, fromPort: 443, toPort: 443, peer: .cidr(.anyV4)))
        let plain = try WorkshopScanTests.scan(inv)
        let before = try #require(plain.findings.first { $0.ruleId == "internet-exposed-port" && $0.resource.id == builder.id && $0.title.hasPrefix("tcp/443") })
        #expect(before.severity == .low)
        for i in inv.iamPrincipals.indices where inv.iamPrincipals[i].name == Self.role {
            inv.iamPrincipals[i].attachedPolicyArns.append("arn:aws:iam::aws:policy/AdministratorAccess")
        }
        inv.managedPolicies.append(ManagedPolicy(id: "arn:aws:iam::aws:policy/AdministratorAccess", scope: inv.managedPolicies[0].scope, name: "AdministratorAccess",
                                                 document: #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#))
        let admin = try WorkshopScanTests.scan(inv)
        let after = try #require(admin.findings.first { $0.ruleId == "internet-exposed-port" && $0.resource.id == builder.id && $0.title.hasPrefix("tcp/443") })
        #expect(after.severity == .medium)
        #expect(after.evidence.contains("runs as instance role \(Self.role): administrator (* on *)"))
        let joined = try #require(admin.findings.first { $0.ruleId == "exposed-workload-role" && $0.resource.id == builder.id })
        #expect(joined.severity == .critical && joined.evidence.first?.contains("directly on tcp/") == true)
    }

    @Test("`workloads:` may name the workload instead of its role: the IAM fix proposes exactly its needs")
    func needsByWorkloadName() throws {
        var policy = PolicyFile()
        policy.workloads["demo-app-asg"] = [PolicyFile.Need(actions: ["s3:GetObject"], resources: ["arn:aws:s3:::demo-app-backend-s3-bucket-1234/*"])]
        let result = try WorkshopScanTests.scan(try WorkshopScanTests.sample("workshop"), policy: policy)
        let broad = try #require(result.findings.first { $0.ruleId == "iam-broad-managed-policy" && $0.resource.name == Self.role })
        #expect(broad.fix.summary.hasPrefix("\(Self.role) needs only s3:GetObject"))
        #expect(broad.evidence.contains { $0.hasPrefix("used by: ") && $0.contains("Auto Scaling group demo-app-asg (instance role)") })
    }
}
