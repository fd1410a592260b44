import Testing
import NetModel
@testable import AccessAnalysis

@Suite("Collecting a principal's identity policies")
struct IdentityPoliciesTests {
    let scope = ResourceScope(account: "111122223333", region: "global")
    let readAll = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:Get*","Resource":"*"}]}"#
    let passRole = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:PassRole","Resource":"*"}]}"#

    @Test("inline, attached and group policies are all collected and named")
    func collectsEverything() {
        let managed = ManagedPolicy(id: "arn:aws:iam::111122223333:policy/read", scope: scope, name: "read", document: readAll)
        let groupManaged = ManagedPolicy(id: "arn:aws:iam::aws:policy/PowerUser", scope: scope, name: "PowerUser", document: passRole)
        let group = IAMPrincipal(id: "arn:aws:iam::111122223333:group/devs", scope: scope, kind: .group, name: "devs",
                                 inlinePolicies: [InlinePolicy(name: "g", document: passRole)], attachedPolicyArns: [groupManaged.id])
        let user = IAMPrincipal(id: "arn:aws:iam::111122223333:user/alice", scope: scope, kind: .user, name: "alice",
                                inlinePolicies: [InlinePolicy(name: "own", document: readAll)],
                                attachedPolicyArns: [managed.id], groupNames: ["devs"])
        let policies = IdentityPolicies.collect(for: user, managedPolicies: [managed, groupManaged], groups: [group])
        #expect(policies.problems.isEmpty)
        #expect(policies.sources.map(\.name) == ["user alice inline \"own\"", managed.id, "group devs inline \"g\"",
                                                 "\(groupManaged.id) (via group devs)"])
        #expect(policies.evaluator.evaluate(action: "iam:PassRole", resource: "*").decision == .allowed)
    }

    @Test("a bad document, a missing managed policy and a missing group are reported, not fatal")
    func problems() {
        let user = IAMPrincipal(id: "arn:aws:iam::111122223333:user/bob", scope: scope, kind: .user, name: "bob",
                                inlinePolicies: [InlinePolicy(name: "broken", document: "{"), InlinePolicy(name: "ok", document: readAll)],
                                attachedPolicyArns: ["arn:aws:iam::111122223333:policy/gone"], groupNames: ["ghosts"])
        let policies = IdentityPolicies.collect(for: user, managedPolicies: [], groups: [])
        #expect(policies.sources.map(\.name) == ["user bob inline \"ok\""])
        #expect(policies.problems.map(\.description) == [
            "policy user bob inline \"broken\": not valid JSON (unterminated object at byte 1)",
            "managed policy arn:aws:iam::111122223333:policy/gone has no document in the snapshot",
            "group ghosts is not in the snapshot",
        ])
    }
}
