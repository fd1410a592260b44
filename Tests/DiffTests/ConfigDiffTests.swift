import NetModel
import Testing
@testable import Diff

/// Configuration changes: edits in place are one modification; peers are named; every kind is covered.
@Suite("Configuration changes")
struct ConfigDiffTests {
    let base: Inventory

    init() throws { base = try Workshop.inventory() }

    private func change(_ changes: [ResourceChange], _ id: String) throws -> ResourceChange {
        try #require(changes.first { $0.resource == id })
    }

    @Test("a security group rule whose ports changed is one modification")
    func ruleEditedInPlace() throws {
        var new = base
        Workshop.editGroup(&new, Workshop.bastionGroup) { g in
            for i in g.ingress.indices where g.ingress[i].fromPort == 22 { g.ingress[i].toPort = 23 }
        }
        let c = try change(ConfigDiff.compare(base, new), Workshop.bastionGroup)
        #expect(c.change == .modified)
        #expect(c.details == ["ingress rule modified: tcp/22 from 0.0.0.0/0 → tcp/22-23 from 0.0.0.0/0"])
    }

    @Test("a rule whose description changed is one modification")
    func descriptionEdited() throws {
        var new = base
        Workshop.editGroup(&new, Workshop.bastionGroup) { g in
            for i in g.ingress.indices { g.ingress[i].description = "office only" }
        }
        let c = try change(ConfigDiff.compare(base, new), Workshop.bastionGroup)
        #expect(c.details.count == 1)
        #expect(c.details.first?.hasPrefix("ingress rule modified:") == true)
        #expect(c.details.first?.hasSuffix("\"office only\"") == true)
    }

    @Test("a rule from another group names the peer group")
    func peerGroupNamed() throws {
        var new = base
        Workshop.editGroup(&new, Workshop.dbGroup) { g in
            g.ingress.append(SecurityGroupRule(ipProtocol: .tcp, fromPort: 5432, toPort: 5432,
                                               peer: .securityGroup(SecurityGroupReference(groupId: Workshop.bastionGroup))))
        }
        let c = try change(ConfigDiff.compare(base, new), Workshop.dbGroup)
        #expect(c.details == ["ingress rule added: tcp/5432 from \(Workshop.bastionGroup) (demo-app-bastion-host-sg)"])
    }

    @Test("a NACL entry with the same number and direction whose action changed is one modification")
    func aclEntryEdited() throws {
        var new = base
        let acl = try #require(new.networkACLs.first { $0.entries.contains { !$0.egress && $0.ruleNumber == 100 } })
        let i = try #require(new.networkACLs.firstIndex { $0.id == acl.id })
        let e = try #require(new.networkACLs[i].entries.firstIndex { !$0.egress && $0.ruleNumber == 100 })
        new.networkACLs[i].entries[e].action = .deny
        let c = try change(ConfigDiff.compare(base, new), acl.id)
        #expect(c.details.count == 1)
        #expect(c.details.first?.hasPrefix("entry modified: ingress #100 allow") == true)
        #expect(c.details.first?.contains("→ ingress #100 deny") == true)
    }

    @Test("a route whose target changed is one modification; an association move is a remove and an add")
    func routeEdited() throws {
        var new = base
        Workshop.exposeDatabase(&new)
        let c = try change(ConfigDiff.compare(base, new), Workshop.privateRouteTable)
        #expect(c.details == ["route modified: 0.0.0.0/0 via nat nat-0caf1b9968b613667 → 0.0.0.0/0 via igw \(Workshop.internetGateway)"])
    }

    @Test("public IPs on interfaces and RDS flags")
    func addressesAndFlags() throws {
        var new = base
        Workshop.exposeDatabase(&new)
        for i in new.dbInstances.indices { new.dbInstances[i].storageEncrypted = false; new.dbInstances[i].multiAZ = true }
        let changes = ConfigDiff.compare(base, new)
        let eni = try change(changes, Workshop.dbInterface)
        #expect(eni.details == ["public IPs: none → 54.1.2.3"])
        let db = try change(changes, "my-demo-db")
        #expect(db.details.contains("StorageEncrypted: true → false"))
        #expect(db.details.contains("MultiAZ: false → true"))
    }

    @Test("resources created and deleted, for any kind")
    func createdAndDeleted() throws {
        var new = base
        let removed = new.buckets.removeFirst()
        new.vpcs.append(VPC(id: "vpc-new", scope: removed.scope, cidrBlocks: [], tags: ["Name": "fresh"]))
        let changes = ConfigDiff.compare(base, new)
        let gone = try change(changes, removed.id)
        #expect(gone.change == .removed && gone.kind == "bucket")
        let made = try change(changes, "vpc-new")
        #expect(made.change == .added && made.name == "fresh" && made.details.contains("tag: Name=fresh"))
        #expect(changes.count == 2)
    }

    @Test("bucket ACL grants and Block Public Access switches")
    func bucketSettings() throws {
        var new = base
        new.buckets[0].publicAccessBlock = .off
        new.buckets[0].grants = (new.buckets[0].grants ?? []) + [ACLGrant(granteeType: "Group", grantee: ACLGrant.allUsersURI, permission: "READ")]
        let c = try change(ConfigDiff.compare(base, new), new.buckets[0].id)
        #expect(c.details.contains("ACL grant added: READ to Group \(ACLGrant.allUsersURI)"))
        #expect(c.details.contains { $0.hasPrefix("BlockPublicAcls: ") && $0.hasSuffix("→ false") } || base.buckets[0].publicAccessBlock == .off)
    }

    @Test("identical inventories have no changes")
    func identical() throws {
        #expect(ConfigDiff.compare(base, base).isEmpty)
        #expect(!ConfigDiff.touchesNetwork([]))
    }
}
