import NetModel
import Testing
@testable import Diff

/// IAM documents compared statement by statement.
@Suite("IAM statements")
struct IAMDiffTests {
    static let scope = ResourceScope(account: "123456789012", region: "global")
    static let s3Read = #"{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}"#
    static let admin = #"{"Effect":"Allow","Action":"*","Resource":"*"}"#

    private func role(_ statements: [String], trust: String? = nil, attached: [String] = []) -> Inventory {
        var inv = Inventory()
        let doc = #"{"Version":"2012-10-17","Statement":[\#(statements.joined(separator: ","))]}"#
        inv.iamPrincipals = [IAMPrincipal(id: "arn:aws:iam::123456789012:role/app", scope: Self.scope, kind: .role, name: "app",
                                          inlinePolicies: [InlinePolicy(name: "inline", document: doc)],
                                          attachedPolicyArns: attached, trustPolicy: trust)]
        return inv
    }

    @Test("an added statement is one line; key order and whitespace do not matter")
    func statementAdded() throws {
        let reordered = #"{ "Resource": "*", "Action": "s3:GetObject", "Effect": "Allow" }"#
        let changes = ConfigDiff.compare(role([Self.s3Read]), role([reordered, Self.admin]))
        let c = try #require(changes.first)
        #expect(changes.count == 1 && c.kind == "iam-role" && c.name == "app")
        #expect(c.details == [#"statement added: inline policy inline: {"Action":"*","Effect":"Allow","Resource":"*"}"#])
    }

    @Test("a removed statement")
    func statementRemoved() throws {
        let c = try #require(ConfigDiff.compare(role([Self.s3Read, Self.admin]), role([Self.s3Read])).first)
        #expect(c.details == [#"statement removed: inline policy inline: {"Action":"*","Effect":"Allow","Resource":"*"}"#])
    }

    @Test("a statement with the same Sid whose actions changed is one modification")
    func statementEdited() throws {
        let before = #"{"Sid":"Read","Effect":"Allow","Action":"s3:GetObject","Resource":"*"}"#
        let after = #"{"Sid":"Read","Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],"Resource":"*"}"#
        let c = try #require(ConfigDiff.compare(role([before]), role([after])).first)
        #expect(c.details.count == 1)
        #expect(c.details.first?.hasPrefix("statement modified: ") == true)
    }

    @Test("attached managed policies and trust statements")
    func attachedAndTrust() throws {
        let trust = #"{"Statement":{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}}"#
        let open = #"{"Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"},{"Effect":"Allow","Principal":"*","Action":"sts:AssumeRole"}]}"#
        let arn = "arn:aws:iam::aws:policy/AdministratorAccess"
        let c = try #require(ConfigDiff.compare(role([Self.s3Read], trust: trust), role([Self.s3Read], trust: open, attached: [arn])).first)
        #expect(c.details.contains("attached policy added: \(arn)"))
        #expect(c.details.contains(#"trust statement added: trust policy: {"Action":"sts:AssumeRole","Effect":"Allow","Principal":"*"}"#))
        #expect(c.details.count == 2)
    }

    @Test("URL-encoded documents are decoded; IAM-only changes skip reachability")
    func encoded() throws {
        let doc = #"{"Statement":[\#(Self.admin)]}"#.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        let items = PolicyStatements.items(doc, policy: "p")
        #expect(items.map(\.text) == [#"p: {"Action":"*","Effect":"Allow","Resource":"*"}"#])
        let changes = ConfigDiff.compare(role([Self.s3Read]), role([Self.admin]))
        #expect(!ConfigDiff.touchesNetwork(changes))
    }
}
