import Foundation
import Testing
@testable import AWSImport
import NetModel

/// AWS "Pass sensitive data to an Amazon ECS container": which plain environment values are credentials. Only why is kept.
@Suite("Plain secrets in environments")
struct PlainSecretDetectorTests {
    @Test("a connection URL with a password keeps scheme, host and port, never the password")
    func url() throws {
        let s = try #require(PlainSecretDetector.detect(name: "DATABASE_URL", value: "postgresql://app:p4ss@db.example.internal:5432/app"))
        #expect(s == PlainSecret(variable: "DATABASE_URL", reason: .urlWithPassword, scheme: "postgresql", host: "db.example.internal", port: 5432))
        let redis = try #require(PlainSecretDetector.detect(name: "CACHE", value: "rediss://:tok@cache.internal"))
        #expect(redis.scheme == "rediss" && redis.host == "cache.internal" && redis.port == nil)
    }

    @Test("values that are not credentials", arguments: [
        ("HOME_PAGE", "https://example.com/a@b"), ("API", "https://user@example.com/x"), ("DATABASE_URL", "postgresql://db.internal:5432/app"),
        ("SECRET_NAME", "app/creds"), ("TOKEN_TTL", "3600"), ("FEATURE_TOKEN_ENABLED", "true"), ("DB_PASSWORD_ARN", "arn:aws:secretsmanager:r:1:secret:x"),
        ("DB_PASSWORD", ""), ("API_KEY_FILE", "/run/secrets/key"), ("LOG_LEVEL", "debug"), ("SECRET", "${FROM_ENV}"),
    ])
    func notSecrets(name: String, value: String) {
        #expect(PlainSecretDetector.detect(name: name, value: value) == nil)
    }

    @Test("named secrets, private keys and AWS keys", arguments: [
        ("JWT_SECRET", "s3cr3t", PlainSecret.Reason.secretName), ("db-password", "hunter2", .secretName), ("GITHUB_TOKEN", "ghp_x", .secretName),
        ("STRIPE_API_KEY", "sk_live_x", .secretName), ("TLS_KEY", "-----BEGIN EC PRIVATE KEY-----\nMHc\n-----END EC PRIVATE KEY-----", .privateKey),
        ("UPSTREAM", "AKIAFIXTUREEXAMPLE00", .awsAccessKey), ("AWS_SECRET_ACCESS_KEY", "fixtureSecretAccessKeyValue0123456789+/=", .awsAccessKey),
    ])
    func secrets(name: String, value: String, reason: PlainSecret.Reason) {
        #expect(PlainSecretDetector.detect(name: name, value: value) == PlainSecret(variable: name, reason: reason))
    }

    static let fixtureValues = ["fixture-db-password", "fixture-jwt-secret", "fixture-override-token-value", "sk_fixture_lambda_value",
                                "MIIfixtureonlynotakey", "fixtureSecretAccessKeyValue", "AKIAFIXTUREEXAMPLE00"]

    @Test("task definitions, task overrides and Lambda get their plain secrets, never the values")
    func modelledWithoutValues() throws {
        let result = try Importer().importPaths([Fixtures.path("ecs-workloads")])
        let inv = result.inventory
        let backend = try #require(inv.ecsTaskDefinitions.first { $0.family == "todoapp-backend" }?.containers.first)
        #expect(backend.plainSecrets.map(\.variable) == ["DATABASE_URL", "JWT_SECRET"])
        let api = try #require(inv.ecsTaskDefinitions.first { $0.family == "public-api" }?.containers.first)
        #expect(api.plainSecrets.map(\.reason) == [.privateKey, .awsAccessKey, .awsAccessKey])
        #expect(inv.ecsTasks.flatMap { $0.containerOverrides ?? [] }.flatMap(\.plainSecrets).map(\.variable) == ["REPORT_API_TOKEN"])
        #expect(inv.lambdaFunctions.first?.plainSecrets == [PlainSecret(variable: "STRIPE_API_KEY", reason: .secretName)])
        let model = String(describing: inv)
        for value in Self.fixtureValues { #expect(!model.contains(value), "\(value) reached the model") }
    }
}
