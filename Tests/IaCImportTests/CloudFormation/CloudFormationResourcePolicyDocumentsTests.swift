import AWSImport
import NetModel
import Testing
@testable import IaCImport

/// The resource-policy types of templates and plans become the policies the deployed resources would carry.
@Suite("IaC resource policies: SQS, SNS, KMS, Lambda permissions, Secrets Manager, ECR, EFS")
struct CloudFormationResourcePolicyDocumentsTests {
    static func inventory() throws -> Inventory {
        let path = CloudFormationTemplateTests.fixtures.appendingPathComponent("resource-policies.yaml").path
        return try IaCImporter(importer: Importer(), region: "us-east-1", account: "123456789012").importPaths([path]).inventory
    }

    @Test("QueuePolicy and TopicPolicy land on the queue and topic they name; a KMS key policy on its customer managed key")
    func queueTopicKey() throws {
        let inv = try Self.inventory()
        let orders = try #require(inv.policyResources.first { $0.kind == .sqsQueue })
        #expect(orders.name == "orders" && orders.id == "arn:aws:sqs:us-east-1:123456789012:orders")
        #expect(orders.policy?.contains("sqs:SendMessage") == true && orders.policy?.contains("arn:aws:sqs:us-east-1:123456789012:orders") == true)
        let alerts = try #require(inv.policyResources.first { $0.kind == .snsTopic })
        #expect(alerts.policy?.contains("444455556666") == true)
        let key = try #require(inv.policyResources.first { $0.kind == .kmsKey })
        #expect(key.keyManager == "CUSTOMER" && key.policy?.contains("kms:Decrypt") == true)
        #expect(inv.policyResources.first { $0.kind == .ecrRepository }?.policy?.contains("ecr:BatchGetImage") == true)
    }

    @Test("Using resource-based policies in Lambda: each AWS::Lambda::Permission is a statement of the function's policy, SourceAccount a condition")
    func lambdaPermissions() throws {
        let hook = try #require(try Self.inventory().policyResources.first { $0.kind == .lambdaFunction })
        let policy = try #require(hook.policy)
        #expect(hook.name == "hook" && policy.contains("\"Sid\":\"FnUrlInvoke\"") && policy.contains("\"Sid\":\"FnS3\""))
        #expect(policy.contains("\"AWS:SourceAccount\":\"123456789012\"") && policy.contains("\"Service\":\"s3.amazonaws.com\""))
    }

    @Test("Terraform: a queue's inline policy and aws_ecr_repository_policy are the resources' policies")
    func terraform() throws {
        let out = try TerraformTranslationTests.translate(
            TerraformTranslationTests.resource("aws_sqs_queue", "aws_sqs_queue.orders", ["name": .string("orders"), "policy": .string(#"{"Statement":[]}"#)]),
            TerraformTranslationTests.resource("aws_ecr_repository", "aws_ecr_repository.web", ["name": .string("web")]),
            TerraformTranslationTests.resource("aws_ecr_repository_policy", "aws_ecr_repository_policy.web",
                                               ["repository": .ref("aws_ecr_repository.web"), "policy": .string(#"{"Statement":[1]}"#)]))
        let policy = try #require(out.first { $0.type == "AWS::SQS::QueuePolicy" })
        #expect(policy["Queues"] == .list([.ref("aws_sqs_queue.orders")]) && policy["PolicyDocument"] == .string(#"{"Statement":[]}"#))
        #expect(out.first { $0.type == "AWS::ECR::Repository" }?["RepositoryPolicyText"] == .string(#"{"Statement":[1]}"#))
    }
}
