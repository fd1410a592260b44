import AWSImport
import Foundation
import JSON

/// Which accounts of an AWS organization to capture, and how to get into them (`snapshot --org`).
public struct OrganizationOptions: Sendable, Hashable {
    /// The role assumed in every member account: `arn:<partition>:iam::<id>:role/<roleName>`.
    public var roleName: String
    /// Passed to AssumeRole as `ExternalId` when the role's trust policy asks for one.
    public var externalId: String?
    /// Only these accounts (empty: every active account).
    public var accounts: Set<String>
    /// Never these accounts.
    public var excluded: Set<String>
    /// Accounts captured at the same time (their regions run concurrently too, within the HTTP concurrency).
    public var accountConcurrency: Int

    /// The role AWS Organizations creates in the accounts it creates (AWS "Accessing member accounts in your
    /// organization"); an audit role with read-only policies is the better choice.
    public static let defaultRoleName = "OrganizationAccountAccessRole"

    public init(roleName: String = OrganizationOptions.defaultRoleName, externalId: String? = nil, accounts: Set<String> = [],
                excluded: Set<String> = [], accountConcurrency: Int = 8) {
        self.roleName = roleName
        self.externalId = externalId
        self.accounts = accounts
        self.excluded = excluded
        self.accountConcurrency = max(1, accountConcurrency)
    }

    /// Checks the account IDs and the role name; the message names the option.
    public func validate() throws(CaptureError) {
        for (option, ids) in [("--accounts", accounts), ("--exclude", excluded)] {
            for id in ids.sorted() where !(id.count == 12 && id.allSatisfy(\.isASCII) && id.allSatisfy(\.isNumber)) {
                throw .configuration("\(option): '\(id)' is not a 12-digit AWS account ID")
            }
        }
        if !accounts.isEmpty && !excluded.isEmpty { throw .configuration("--accounts and --exclude cannot be combined") }
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "+=,.@_-/"))
        if roleName.isEmpty || roleName.unicodeScalars.contains(where: { !allowed.contains($0) || !$0.isASCII }) {
            throw .configuration("--org-role: '\(roleName)' is not an IAM role name (letters, digits and +=,.@_-)")
        }
    }

    /// The accounts to capture out of the organization's listing: active ones only, `accounts`/`excluded` applied.
    /// Requested accounts the listing lacks (or lists as not active) come back in `missing`.
    public func select(_ listed: [OrganizationAccount]) -> (selected: [OrganizationAccount], missing: [String]) {
        let active = listed.filter(\.isActive)
        var selected = active.filter { !excluded.contains($0.id) }
        if !accounts.isEmpty { selected = selected.filter { accounts.contains($0.id) } }
        let activeIds = Set(active.map(\.id))
        let missing = accounts.subtracting(activeIds).sorted()
        var seen = Set<String>()
        return (selected.filter { seen.insert($0.id).inserted }.sorted { $0.id < $1.id }, missing)
    }

    /// The role ARN in `account`, in the caller's partition (`aws`, `aws-cn`, `aws-us-gov`).
    public func roleArn(account: String, partition: String) -> String {
        "arn:\(partition):iam::\(account):role/\(roleName)"
    }
}

/// One account of an organization as ListAccounts describes it.
public struct OrganizationAccount: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    /// `Status` (`ACTIVE`, `SUSPENDED`, `PENDING_CLOSURE`), or the newer `State` when only that is given.
    public var status: String

    public init(id: String, name: String, status: String) {
        self.id = id
        self.name = name
        self.status = status
    }

    public var isActive: Bool { status == "ACTIVE" }
}

extension AWSClient {
    /// Organizations ListAccounts, every page (`NextToken`). Organizations is a global service with one endpoint in
    /// us-east-1 (cn-northwest-1 in China, us-gov-west-1 in GovCloud).
    func organizationAccounts(homeRegion: String) async throws(AWSServiceError) -> [OrganizationAccount] {
        let region = homeRegion.hasPrefix("cn-") ? "cn-northwest-1" : homeRegion.hasPrefix("us-gov-") ? "us-gov-west-1" : "us-east-1"
        var accounts: [OrganizationAccount] = []
        var token: String? = nil
        var seen = Set<String>()
        repeat {
            var body: [String: JSONValue] = [:]
            if let token { body["NextToken"] = .string(token) }
            let page = try await json(service: "organizations", operation: "ListAccounts", region: region, body: body)
            _ = counter.call()
            for item in CallRunner.items(page, "Accounts") {
                guard let id = CallRunner.string(item, "Id") else { continue }
                let status = CallRunner.string(item, "Status") ?? CallRunner.string(item, "State") ?? "UNKNOWN"
                accounts.append(OrganizationAccount(id: id, name: CallRunner.string(item, "Name") ?? id, status: status))
            }
            token = nil
            if case .object(let o) = page, case .string(let next)? = o["NextToken"], !next.isEmpty, seen.insert(next).inserted {
                token = next
            }
        } while token != nil
        return accounts
    }
}
