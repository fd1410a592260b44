import Testing
import NetModel
@testable import AccessAnalysis

@Suite("Bucket public access assessment")
struct BucketPublicAccessAnalyzerTests {
    static let scope = ResourceScope(account: "111122223333", region: "eu-west-1")
    static let workshopPolicy = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::demo-app-frontend-s3-bucket-6789/*"}]}"#
    static let allUsersRead = ACLGrant(granteeType: "Group", grantee: ACLGrant.allUsersURI, permission: "READ")

    func assess(_ bucket: Bucket, account: PublicAccessBlock? = nil) throws -> BucketAccessAssessment {
        BucketPublicAccessAnalyzer(actions: try Fixture.actions).assess(bucket, accountBlock: account)
    }

    func bucket(policy: String? = nil, grants: [ACLGrant]? = nil, block: PublicAccessBlock? = nil,
                ownership: String? = nil, status: Bool? = nil) -> Bucket {
        Bucket(id: "b", scope: Self.scope, policy: policy, policyStatusIsPublic: status, grants: grants,
               publicAccessBlock: block, objectOwnership: ownership)
    }

    static func policy(actions: String) -> String {
        #"{"Version":"2012-10-17","Statement":[{"Sid":"Public","Effect":"Allow","Principal":"*","Action":\#(actions),"Resource":["arn:aws:s3:::b","arn:aws:s3:::b/*"]}]}"#
    }

    @Test("the workshop frontend bucket is publicly readable, not writable or listable")
    func workshopFrontend() throws {
        let frontend = Bucket(id: "demo-app-frontend-s3-bucket-6789", scope: Self.scope, policy: Self.workshopPolicy,
                              publicAccessBlock: .off)
        let result = try assess(frontend, account: .off)
        #expect(result.isPublic)
        #expect(result.policyIsPublic == true)
        #expect(result.publicAccessKinds == [.read])
        let exposure = try #require(result.exposures.first)
        #expect(exposure.source == .policyStatement(try Fixture.document(Self.workshopPolicy).statements[0]))
        #expect(exposure.neutralisedBy == nil && !exposure.isFullControl)
    }

    @Test("policy actions map to access kinds through the action database", arguments: [
        (#""s3:ListBucket""#, [S3AccessKind.list]),
        (#"["s3:PutObject","s3:DeleteObject"]"#, [.write]),
        (#""s3:GetObjectAcl""#, [.readACP]),
        (#""s3:PutBucketAcl""#, [.writeACP]),
        (#""s3:PutBucketPolicy""#, [.permissionsManagement]),
        (#""s3:*""#, S3AccessKind.allCases),
        (#""*""#, S3AccessKind.allCases),
    ])
    func accessKinds(actions: String, kinds: [S3AccessKind]) throws {
        let result = try assess(bucket(policy: Self.policy(actions: actions)))
        #expect(result.publicAccessKinds == kinds)
    }

    @Test("s3:* grants full control")
    func fullControlPolicy() throws {
        #expect(try assess(bucket(policy: Self.policy(actions: #""s3:*""#))).exposures.first?.isFullControl == true)
    }

    @Test("ACL grants to AllUsers or AuthenticatedUsers are public; other grantees are not", arguments: [
        (ACLGrant.allUsersURI, "READ", [S3AccessKind.list]),
        (ACLGrant.authenticatedUsersURI, "WRITE", [.write]),
        (ACLGrant.allUsersURI, "READ_ACP", [.readACP]),
        (ACLGrant.allUsersURI, "FULL_CONTROL", [.list, .write, .readACP, .writeACP]),
        ("http://acs.amazonaws.com/groups/s3/LogDelivery", "WRITE", []),
        ("79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be", "FULL_CONTROL", []),
    ])
    func aclGrants(grantee: String, permission: String, kinds: [S3AccessKind]) throws {
        let grant = ACLGrant(granteeType: "Group", grantee: grantee, permission: permission)
        let result = try assess(bucket(grants: [grant]))
        #expect(result.isPublic == !kinds.isEmpty)
        #expect(result.publicAccessKinds == kinds)
        #expect(result.exposures.first?.isFullControl == (kinds.isEmpty ? nil : permission == "FULL_CONTROL"))
    }

    @Test("ACL grants are ignored when ACLs are disabled (BucketOwnerEnforced)")
    func aclsDisabled() throws {
        let result = try assess(bucket(grants: [Self.allUsersRead], ownership: "BucketOwnerEnforced"))
        #expect(!result.isPublic && result.exposures.isEmpty && result.aclsDisabled)
        #expect(try assess(bucket(grants: [Self.allUsersRead], ownership: "BucketOwnerPreferred")).isPublic)
    }

    @Test("RestrictPublicBuckets neutralises a public policy at either level, naming the levels", arguments: [
        (true, false, [BlockPublicAccessLevel.account]), (false, true, [.bucket]), (true, true, [.account, .bucket]),
    ])
    func restrictPublicBuckets(account: Bool, bucketLevel: Bool, levels: [BlockPublicAccessLevel]) throws {
        let on = PublicAccessBlock(blockPublicAcls: false, ignorePublicAcls: false, blockPublicPolicy: false, restrictPublicBuckets: true)
        let result = try assess(bucket(policy: Self.workshopPolicy, block: bucketLevel ? on : .off), account: account ? on : nil)
        #expect(!result.isPublic)
        #expect(result.policyIsPublic == true)
        #expect(result.exposures.first?.neutralisedBy == BlockPublicAccessSetting(.restrictPublicBuckets, levels: levels))
        #expect(result.publicAccessKinds.isEmpty)
    }

    @Test("each switch alone: only RestrictPublicBuckets neutralises the policy and only IgnorePublicAcls the ACL",
          arguments: BlockPublicAccessSwitch.allCases)
    func eachSwitch(which: BlockPublicAccessSwitch) throws {
        let block = PublicAccessBlock(blockPublicAcls: which == .blockPublicAcls, ignorePublicAcls: which == .ignorePublicAcls,
                                      blockPublicPolicy: which == .blockPublicPolicy, restrictPublicBuckets: which == .restrictPublicBuckets)
        let result = try assess(bucket(policy: Self.workshopPolicy, grants: [Self.allUsersRead], block: block))
        let policyExposure = try #require(result.exposures.first { if case .policyStatement = $0.source { true } else { false } })
        let aclExposure = try #require(result.exposures.first { if case .aclGrant = $0.source { true } else { false } })
        #expect(policyExposure.isNeutralised == (which == .restrictPublicBuckets))
        #expect(aclExposure.isNeutralised == (which == .ignorePublicAcls))
        #expect(result.isPublic)
        #expect(result.blockPublicAccess.settingsOn == [BlockPublicAccessSetting(which, levels: [.bucket])])
    }

    @Test("all four switches on at the account neutralise both policy and ACL")
    func everythingBlocked() throws {
        let all = PublicAccessBlock(blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true)
        let result = try assess(bucket(policy: Self.workshopPolicy, grants: [Self.allUsersRead]), account: all)
        #expect(!result.isPublic)
        #expect(result.exposures.count == 2 && result.exposures.allSatisfy(\.isNeutralised))
        #expect(result.blockPublicAccess.effective == all)
    }

    @Test("Deny statements and restricted statements do not make the bucket public")
    func denyAndRestricted() throws {
        let policy = #"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"arn:aws:s3:::b/*","Condition":{"Bool":{"aws:SecureTransport":"false"}}},{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"StringEquals":{"aws:SourceVpce":"vpce-1a2b3c4d"}}}]}"#
        let result = try assess(bucket(policy: policy))
        #expect(!result.isPublic && result.policyIsPublic == false && result.exposures.isEmpty)
    }

    @Test("a public Allow cancelled by a Deny of everything, or narrowed by a Deny outside one range, is not public",
          arguments: [#"{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::b","arn:aws:s3:::b/*"]}"#,
                      #"{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"arn:aws:s3:::b/*","Condition":{"NotIpAddress":{"aws:SourceIp":"198.51.100.0/24"}}}"#])
    func publicAllowDenied(deny: String) throws {
        let policy = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"},"# + deny + "]}"
        let result = try assess(bucket(policy: policy, block: .off), account: .off)
        #expect(!result.isPublic && result.policyIsPublic == false && result.exposures.isEmpty)
    }

    @Test("S3's policy status is compared with the analysis", arguments: [
        (Optional(workshopPolicy), Optional(false), Optional(PolicyStatusDisagreement(s3SaysPublic: false, analysisSaysPublic: true))),
        (nil, true, PolicyStatusDisagreement(s3SaysPublic: true, analysisSaysPublic: false)),
        (workshopPolicy, true, nil),
        (workshopPolicy, nil, nil),
        (nil, false, nil),
    ])
    func policyStatus(policy: String?, status: Bool?, disagreement: PolicyStatusDisagreement?) throws {
        #expect(try assess(bucket(policy: policy, status: status)).policyStatusDisagreement == disagreement)
    }

    @Test("an unreadable policy is reported, the ACL is still assessed, and no disagreement is claimed")
    func unreadablePolicy() throws {
        let result = try assess(bucket(policy: #"{"Statement":[{"Effect":"Maybe","Action":"s3:*"}]}"#, grants: [Self.allUsersRead], status: true))
        #expect(result.policyError?.description == #"policy bucket b: statement 1: Effect must be "Allow" or "Deny", not "Maybe""#)
        #expect(result.policyIsPublic == nil)
        #expect(result.isPublic && result.publicAccessKinds == [.list])
        #expect(result.policyStatusDisagreement == nil)
    }
}
