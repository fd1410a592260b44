import AWSImport
import Foundation
import NetModel
import SyntheticAccount

/// A small account of the realistic shape (issue 13), written as CLI output and imported: for tests that compare
/// two ways of answering on it.
enum SyntheticInventory {
    static func realistic(vpcs: Int, interfacesPerVPC: Int, securityGroupsPerVPC: Int) throws -> Inventory {
        var account = SyntheticAccount.realistic(interfaces: vpcs * interfacesPerVPC)
        account.vpcs = vpcs
        account.interfacesPerVPC = interfacesPerVPC
        account.securityGroupsPerVPC = securityGroupsPerVPC
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("netaudit-synthetic-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        try account.write(to: folder)
        return try Importer().importPaths([folder.path]).inventory
    }
}
