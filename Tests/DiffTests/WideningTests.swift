import Findings
import Foundation
import NetModel
import Testing
@testable import Diff

/// Findings grouped by the fix keep their ID when a resource joins their cause: a second bastion launched into the
/// bastion's world-open SSH group is a widened finding, newly exposing it, and it gates.
@Suite("Widened findings")
struct WideningTests {
    static let newBastion = "i-0ffffffffffffff01"

    /// The workshop with a copy of the bastion (its own interface, private and public addresses) in the same group.
    static func secondBastion(_ base: Inventory) throws -> Inventory {
        var inv = base
        var bastion = try #require(inv.instances.first { $0.tags.name == "demo-app-bastion-host" })
        var interface = try #require(inv.networkInterfaces.first { bastion.networkInterfaceIds.contains($0.id) })
        interface.id = "eni-0ffffffffffffff01"
        interface.privateAddresses = [PrivateAddress(address: "10.0.1.250", primary: true, publicIp: "54.9.9.9")]
        if case .instance? = interface.owner { interface.owner = .instance(newBastion) }
        bastion.id = newBastion
        bastion.tags["Name"] = "demo-app-bastion-2"
        bastion.privateIp = "10.0.1.250"
        bastion.publicIp = "54.9.9.9"
        bastion.networkInterfaceIds = [interface.id]
        inv.instances.append(bastion)
        inv.networkInterfaces.append(interface)
        return inv
    }

    @Test("the SSH finding widens to the second bastion; the table, Markdown and JSON say so; it gates at critical")
    func secondBastionWidens() throws {
        let base = try Workshop.inventory()
        let result = try Workshop.diff(base, try Self.secondBastion(base), threshold: .critical)
        let widened = try #require(result.findings.widened.first { $0.finding.ruleId == "internet-exposed-port" && $0.finding.title.contains("tcp/22") })
        #expect(widened.added.map(\.resource.id) == [Self.newBastion] && widened.severity == .critical)
        #expect(!result.findings.new.contains { $0.id == widened.finding.id })
        #expect(result.gating.failed && result.gating.findings.contains(widened.finding.id))
        #expect(DiffRenderer.render(result, format: .table).contains("now also exposes demo-app-bastion-2"))
        #expect(DiffRenderer.render(result, format: .markdown).contains("| widened | critical |"))
        #expect(DiffRenderer.render(result, format: .json).contains("\"added\" : [\n"))
    }

    @Test("SARIF of a diff: the new and widened findings only, with the rule table")
    func sarif() throws {
        let base = try Workshop.inventory()
        let result = try Workshop.diff(base, try Self.secondBastion(base), threshold: .critical)
        let sarif = DiffRenderer.render(result, format: .sarif)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
        #expect(root["version"] as? String == "2.1.0")
        let run = try #require((root["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == result.findings.new.count + result.findings.widened.count && !results.isEmpty)
        #expect(sarif.contains("demo-app-bastion-2"))
    }

    @Test("nothing joins: no widening, the same counts as before")
    func unchanged() throws {
        let base = try Workshop.inventory()
        let result = try Workshop.diff(base, base)
        #expect(result.findings.widened.isEmpty && result.findings.unchanged > 0)
    }
}
