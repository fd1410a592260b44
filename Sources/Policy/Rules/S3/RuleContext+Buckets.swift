import AccessAnalysis
import Findings
import NetModel

extension RuleContext {
    func resource(_ bucket: Bucket) -> ResourceRef {
        ResourceRef(id: bucket.id, kind: "bucket", name: bucket.id, arn: "arn:aws:s3:::\(bucket.id)",
                    account: bucket.scope.account, region: bucket.scope.region)
    }

    func assessment(_ bucket: Bucket) -> BucketAccessAssessment {
        BucketPublicAccessAnalyzer(actions: actions).assess(bucket, account: index.accounts[bucket.scope.account])
    }
}
