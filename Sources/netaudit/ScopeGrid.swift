import Foundation
import NetModel

/// Accounts × regions of a snapshot: resources per cell and the cells (or whole accounts) that capture warnings touch.
struct ScopeGrid: Encodable {
    struct Cell: Encodable, Hashable {
        var account: String
        var region: String
        /// Network and identity resources (VPCs, subnets, security groups, interfaces, instances, load balancers,
        /// databases, functions, services, IAM principals, buckets); AWS-managed policies are left out.
        var resources: Int
        var warnings: Int
    }

    var accounts: [String]
    /// Regions, then `global` (IAM, S3) when anything is global.
    var regions: [String]
    var cells: [Cell]
    /// Warnings about an account as a whole (it could not be entered), per account.
    var accountWarnings: [String: [String]]

    init(metadata: SnapshotMetadata, inventory: Inventory) {
        var counts: [ResourceScope: Int] = [:]
        func add<T>(_ items: [T], _ scope: (T) -> ResourceScope) { for i in items { counts[scope(i), default: 0] += 1 } }
        let inv = inventory
        add(inv.vpcs, \.scope); add(inv.subnets, \.scope); add(inv.securityGroups, \.scope); add(inv.networkInterfaces, \.scope)
        add(inv.instances, \.scope); add(inv.loadBalancers, \.scope); add(inv.dbInstances, \.scope); add(inv.dbClusters, \.scope)
        add(inv.lambdaFunctions, \.scope); add(inv.ecsServices, \.scope); add(inv.eksClusters, \.scope); add(inv.cacheClusters, \.scope)
        add(inv.openSearchDomains, \.scope); add(inv.iamPrincipals, \.scope); add(inv.buckets, \.scope)

        var warned: [ResourceScope: Int] = [:]
        var whole: [String: [String]] = [:]
        for w in inventory.warnings {
            guard let (account, region) = ScopeGrid.scope(of: w, single: metadata.accounts.count == 1 ? metadata.accounts.first : nil) else { continue }
            if let region { warned[ResourceScope(account: account, region: region), default: 0] += 1 }
            else { whole[account, default: []].append(w.code) }
        }
        let global = ResourceScope.globalRegion
        let accounts = Set(metadata.accounts).union(counts.keys.map(\.account)).subtracting([ResourceScope.unknownValue]).sorted()
        let allRegions = Set(metadata.regions).union(counts.keys.map(\.region)).union(warned.keys.map(\.region))
        let regions = allRegions.subtracting([global, ResourceScope.unknownValue]).sorted() + (allRegions.contains(global) ? [global] : [])
        self.accounts = accounts
        self.regions = regions
        cells = accounts.flatMap { a in
            regions.map { r in
                let s = ResourceScope(account: a, region: r)
                return Cell(account: a, region: r, resources: counts[s] ?? 0, warnings: warned[s] ?? 0)
            }
        }
        accountWarnings = whole
    }

    /// Warning codes about an account as a whole (it was not entered, or is not in the organization).
    static let accountCodes: Set<String> = ["account-not-captured", "account-not-in-organization"]
    /// Codes of failed calls (their resources are missing); import notes such as `secret-redacted` are no gap.
    static let callCodes: Set<String> = ["access-denied", "auth-failed", "service-error", "unsupported-region", "throttled", "network-error"]

    /// The account and region a warning is about: a leading account ID (organization captures), else the snapshot's
    /// only account; the region in a trailing `(region)`, none for an account-wide warning, else `global`.
    static func scope(of warning: CaptureWarning, single: String?) -> (account: String, region: String?)? {
        guard accountCodes.contains(warning.code) || callCodes.contains(warning.code) else { return nil }
        let first = warning.source.prefix { $0 != " " }
        let isAccount = first.count == 12 && first.allSatisfy { $0.isASCII && $0.isNumber }
        guard let account = isAccount ? String(first) : single else { return nil }
        if accountCodes.contains(warning.code) { return (account, nil) }
        if warning.source.hasSuffix(")"), let open = warning.source.lastIndex(of: "(") {
            return (account, String(warning.source[warning.source.index(after: open)..<warning.source.index(before: warning.source.endIndex)]))
        }
        return (account, ResourceScope.globalRegion)
    }

    /// The table: one row per account, `-` for an empty cell, `!` after a cell with warnings, and a note for an account
    /// that was not captured.
    func lines(style: (String, Terminal.Style) -> String) -> [String] {
        let width = max(12, accounts.map(\.count).max() ?? 0)
        let columns = regions.map { max($0.count, 6) }
        var out = ["  " + "account".padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                   + zip(regions, columns).map { $0.0.leftPadded(to: $0.1) }.joined(separator: "  ")]
        for account in accounts {
            let row = cells.filter { $0.account == account }
            var text = "  " + account.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
            if let whole = accountWarnings[account], row.allSatisfy({ $0.resources == 0 }) {
                text += style("not captured (" + Array(Set(whole)).sorted().joined(separator: ", ") + ")", .yellow)
            } else {
                text += zip(row, columns).map { cell, w in
                    let mark = (cell.resources == 0 ? "-" : String(cell.resources)) + (cell.warnings > 0 ? "!" : " ")
                    let padded = mark.leftPadded(to: w + 1)
                    return cell.warnings > 0 ? style(padded, .yellow) : padded
                }.joined(separator: " ")
            }
            out.append(text)
        }
        return out
    }
}
