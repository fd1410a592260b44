import Foundation
import Testing
@testable import AWSImport
import NetModel

/// AWS "IP addressing for your VPCs and subnets": secondary private IPv4 addresses (each with its own public IP),
/// IPv6 addresses, IPv6 prefix delegation, IPv6-only subnets; "Route tables": route propagation from a VGW.
@Suite("Every address of an interface")
struct InterfaceAddressTests {
    let inv: Inventory

    init() throws {
        inv = try Importer().importPaths([Fixtures.path("interface-addresses")]).inventory
    }

    @Test("secondary private IPs keep their own public IPs; IPv6 addresses and prefixes are kept")
    func everyAddressKept() throws {
        let eni = try #require(inv.networkInterfaces.first)
        #expect(eni.privateAddresses == [PrivateAddress(address: "10.1.1.10", primary: true, publicIp: "54.0.0.10"),
                                         PrivateAddress(address: "10.1.1.11", primary: false, publicIp: "54.0.0.11"),
                                         PrivateAddress(address: "10.1.1.12", primary: false)])
        #expect(eni.ipv6Addresses == ["2001:db8:a:1::10", "2001:db8:a:1::11"])
        #expect(eni.ipv6Prefixes?.map(\.description) == ["2001:db8:a:1:1::/80"])
    }

    @Test("subnets say whether they are IPv6-only and keep their IPv6 blocks")
    func ipv6NativeSubnets() {
        #expect(inv.subnets.map(\.ipv6Native) == [false, true])
        #expect(inv.subnets.last?.cidrBlocks.map(\.description) == ["2001:db8:a:2::/64"])
    }

    @Test("route tables list their propagating virtual private gateways")
    func propagatingVgws() {
        #expect(inv.routeTables.map(\.propagatingVgws) == [["vgw-1"], []])
        #expect(inv.warnings.isEmpty, "unexpected warnings: \(inv.warnings)")
    }

    @Test("an IPv6 prefix that is not a CIDR names the member")
    func badPrefix() {
        let body = Array(#"{"NetworkInterfaces": [{"NetworkInterfaceId": "eni-1", "VpcId": "v", "SubnetId": "s", "Ipv6Prefixes": [{"Ipv6Prefix": "nope"}]}]}"#.utf8)
        let file = InputFile(displayPath: "enis.json", account: nil, region: nil, baseName: "enis", contents: body)
        do { _ = try Importer().importFiles([file]); Issue.record("expected an error") } catch {
            #expect(error.description.contains("Ipv6Prefixes[0]") && error.description.contains("nope"))
        }
    }
}
