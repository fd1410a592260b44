import Testing
@testable import NetModel

@Suite("One indexed view of the inventory")
struct InventoryIndexTests {
    let scope = ResourceScope(account: "123456789012", region: "us-east-1")

    func inventory() -> Inventory {
        var inv = Inventory()
        inv.subnets = [Subnet(id: "subnet-a", scope: scope, vpcId: "vpc-1", cidrBlocks: [], tags: ["Name": "App"])]
        inv.securityGroups = [SecurityGroup(id: "sg-web", scope: scope, name: "web-sg"),
                              SecurityGroup(id: "sg-web", scope: scope, name: "duplicate"),
                              SecurityGroup(id: "sg-db", scope: scope, name: "db-sg", tags: ["Name": "Database"])]
        inv.networkInterfaces = [
            NetworkInterface(id: "eni-1", scope: scope, vpcId: "vpc-1", subnetId: "subnet-a",
                             privateAddresses: [PrivateAddress(address: "10.0.0.5", publicIp: "198.51.100.7")],
                             ipv6Addresses: ["2001:db8::5"], securityGroupIds: ["sg-web", "sg-db"]),
            NetworkInterface(id: "eni-2", scope: scope, vpcId: "vpc-1", subnetId: "subnet-a",
                             privateAddresses: [PrivateAddress(address: "10.0.0.5")], securityGroupIds: ["sg-db"], tags: ["Name": "app"]),
        ]
        return inv
    }

    @Test("by ID the first resource wins, as a search of the arrays would find it")
    func firstWins() {
        let index = InventoryIndex(inventory())
        #expect(index.securityGroups["sg-web"]?.name == "web-sg")
        #expect(index.subnets["subnet-a"]?.tags.name == "App")
        #expect(index.interfaces["eni-3"] == nil)
    }

    @Test("interfaces by subnet and by security group keep inventory order")
    func membership() {
        let index = InventoryIndex(inventory())
        #expect(index.interfacesBySubnet["subnet-a"]?.map(\.id) == ["eni-1", "eni-2"])
        #expect(index.interfacesBySecurityGroup["sg-db"]?.map(\.id) == ["eni-1", "eni-2"])
        #expect(index.interfacesBySecurityGroup["sg-web"]?.map(\.id) == ["eni-1"])
    }

    @Test("private, public and IPv6 addresses find their interface; a repeated address keeps the first")
    func addresses() {
        let index = InventoryIndex(inventory())
        #expect(index.interfaceByAddress["10.0.0.5"]?.id == "eni-1")
        #expect(index.interfaceByAddress["198.51.100.7"]?.id == "eni-1")
        #expect(index.interfaceByAddress["2001:db8::5"]?.id == "eni-1")
    }

    @Test("names are case-insensitive: Name tags, and group names of security groups")
    func names() {
        let index = InventoryIndex(inventory())
        #expect(index.idsByName["app"] == ["subnet-a", "eni-2"])
        #expect(index.idsByName["database"] == ["sg-db"])
        #expect(index.idsByName["db-sg"] == ["sg-db"])
        #expect(index.idsByName["web-sg"] == ["sg-web"])
    }

    @Test("replacing security groups (a query's later load) updates the lookup")
    func replace() {
        var index = InventoryIndex(inventory())
        index.replace(securityGroups: [SecurityGroup(id: "sg-db", scope: scope, name: "db-sg", ingress: [
            SecurityGroupRule(ipProtocol: .tcp, fromPort: 5432, toPort: 5432, peer: .securityGroup(SecurityGroupReference(groupId: "sg-web")))])])
        #expect(index.securityGroups["sg-db"]?.ingress.count == 1)
        #expect(index.securityGroups["sg-web"]?.name == "web-sg")
    }
}
