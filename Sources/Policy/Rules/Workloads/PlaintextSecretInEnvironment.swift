import Findings
import NetModel
import Reachability

/// A credential in a container's or function's plain `environment` instead of Secrets Manager or SSM.
/// AWS "Pass sensitive data to an Amazon ECS container": plain environment values are visible to anyone who can
/// describe the task definition; use `secrets` with `valueFrom`. The value itself never reaches the snapshot.
struct PlaintextSecretInEnvironment: Rule {
    static let info = RuleInfo(
        id: "plaintext-secret-in-environment", title: "Credential in a plain environment variable", defaultSeverity: .high,
        rationale: "Environment values of task definitions and Lambda functions are returned in clear text by ecs:DescribeTaskDefinition and lambda:GetFunctionConfiguration, kept in every revision and shown in the console. A datastore credential there is critical when the workload can reach that datastore: whoever reads the definition holds the database.")

    func evaluate(_ context: RuleContext) -> [Finding] {
        var out: [Finding] = []
        let inv = context.inventory
        let servicesByDefinition = Dictionary(grouping: inv.ecsServices.filter { $0.taskDefinitionArn != nil }, by: { $0.taskDefinitionArn ?? "" })
        for def in inv.ecsTaskDefinitions {
            let services = servicesByDefinition[def.id] ?? []
            let endpoints = context.solver.catalog.endpoints.filter { e in e.kind == .ecsTask && services.contains { $0.name == e.resourceId } }
            for container in def.containers {
                for secret in container.plainSecrets {
                    let resource = ResourceRef(id: def.id, kind: "ecs-task-definition", name: "\(def.family)\(def.revision.map { ":\($0)" } ?? "")",
                                               arn: def.id, account: def.scope.account, region: def.scope.region)
                    let users = services.map(\.name)
                    out.append(report(secret, where: "container \(container.name) of task definition \(resource.name ?? def.family)",
                                      users: users.isEmpty ? [] : ["used by ECS service\(users.count > 1 ? "s" : "") \(users.joined(separator: ", "))"],
                                      resource: resource, endpoints: endpoints, fix: ecsFix(def, container: container.name, secret), context))
                }
            }
        }
        // RunTask/StartTask `overrides.containerOverrides[].environment`: the task's own description shows them.
        for task in inv.ecsTasks where task.isRunning {
            let workload = task.serviceName ?? task.shortId
            let endpoints = context.solver.catalog.endpoints.filter { $0.kind == .ecsTask && $0.resourceId == workload }
            for container in task.containerOverrides ?? [] {
                for secret in container.plainSecrets {
                    let resource = ResourceRef(id: task.id, kind: "ecs-task", name: task.shortId, arn: task.id, account: task.scope.account, region: task.scope.region)
                    out.append(report(secret, where: "the container override \(container.name) of ECS task \(task.shortId)",
                                      users: task.serviceName.map { ["task of ECS service \($0)"] } ?? [], resource: resource, endpoints: endpoints,
                                      fix: overrideFix(task, container: container.name, secret), context))
                }
            }
        }
        for f in inv.lambdaFunctions {
            let endpoints = context.solver.catalog.endpoints.filter { $0.kind == .lambda && $0.resourceId == f.id }
            for secret in f.plainSecrets ?? [] {
                let resource = ResourceRef(id: f.arn ?? f.id, kind: "lambda-function", name: f.id, arn: f.arn, account: f.scope.account, region: f.scope.region)
                out.append(report(secret, where: "Lambda function \(f.id)", users: [], resource: resource, endpoints: endpoints,
                                  fix: lambdaFix(f, secret), context))
            }
        }
        return out
    }

    private func report(_ secret: PlainSecret, where place: String, users: [String], resource: ResourceRef, endpoints: [Endpoint],
                        fix: Fix, _ context: RuleContext) -> Finding {
        var evidence = ["\(place) sets \(secret.variable) in its plain environment: \(describe(secret)) (value not stored)"] + users
        var severity = Self.info.defaultSeverity
        let store = SecretDatastore.targets(of: secret, context)
        if !store.endpoints.isEmpty, !endpoints.isEmpty, let port = store.port {
            let answer = context.solver.pair(endpoints, store.endpoints, proto: .tcp, ports: PortSet(port), explain: false)
            if answer.reachable {
                severity = .critical
                evidence.append("the workload reaches \(store.name) on tcp/\(port): the credential opens a datastore it can connect to")
            } else {
                evidence.append("the workload does not reach \(store.name) on tcp/\(port) today")
            }
        }
        return finding(resource, severity: severity, title: "\(secret.variable) in \(place) holds a credential in plain text",
                       detail: "\(place)/\(secret.variable)", evidence: evidence, fix: fix)
    }

    private func describe(_ s: PlainSecret) -> String {
        switch s.reason {
        case .urlWithPassword:
            "a \(s.scheme ?? "connection") URL with a password" + (s.host.map { " for \($0)\(s.port.map { ":\($0)" } ?? "")" } ?? "")
        case .secretName: "a literal value under a secret's name"
        case .privateKey: "a private key"
        case .awsAccessKey: "an AWS access key"
        }
    }

    private func ecsFix(_ def: ECSTaskDefinition, container: String, _ s: PlainSecret) -> Fix {
        let secretName = "\(def.family)/\(s.variable)"
        let secretArn = "arn:aws:secretsmanager:\(def.scope.region):\(def.scope.account):secret:\(secretName)"
        return Fix(summary: "Move \(s.variable) of container \(container) to Secrets Manager and reference it under `secrets` (valueFrom), give the execution role secretsmanager:GetSecretValue on it, and rotate the credential: every revision of the task definition has shown it.",
                   cli: """
                       aws secretsmanager create-secret --region \(def.scope.region) --name \(secretName) --secret-string file://value.txt
                       # in the task definition JSON: remove \(s.variable) from "environment" and add to the container
                       #   "secrets": [{"name": "\(s.variable)", "valueFrom": "\(secretArn)"}]
                       aws ecs register-task-definition --region \(def.scope.region) --cli-input-json file://\(def.family).json
                       """,
                   terraform: """
                       resource "aws_secretsmanager_secret" "\(FixText.terraformName(s.variable))" {
                         name = "\(secretName)"
                       }
                       # in container_definitions of aws_ecs_task_definition.\(FixText.terraformName(def.family)), container "\(container)":
                       #   secrets = [{ name = "\(s.variable)", valueFrom = aws_secretsmanager_secret.\(FixText.terraformName(s.variable)).arn }]
                       # and remove \(s.variable) from environment
                       """)
    }

    private func overrideFix(_ task: ECSTask, container: String, _ s: PlainSecret) -> Fix {
        let definition = task.taskDefinitionArn.flatMap { $0.split(separator: "/").last }.map(String.init) ?? "<family>"
        let family = definition.split(separator: ":").first.map(String.init) ?? definition
        return Fix(summary: "Stop passing \(s.variable) in the task's overrides (containerOverrides environment, shown by ecs:DescribeTasks): keep it in Secrets Manager, reference it under `secrets` (valueFrom) of container \(container) in task definition \(family), and rotate the credential.",
                   cli: """
                       aws secretsmanager create-secret --region \(task.scope.region) --name \(family)/\(s.variable) --secret-string file://value.txt
                       # in container \(container) of the task definition: "secrets": [{"name": "\(s.variable)", "valueFrom": "<the secret's ARN>"}]
                       aws ecs register-task-definition --region \(task.scope.region) --cli-input-json file://\(family).json
                       # then run the task without \(s.variable) in --overrides
                       """)
    }

    private func lambdaFix(_ f: LambdaFunction, _ s: PlainSecret) -> Fix {
        let secretName = "\(f.id)/\(s.variable)"
        return Fix(summary: "Keep \(s.variable) of \(f.id) in Secrets Manager and read it at run time (the AWS Parameters and Secrets Lambda Extension caches it), grant the function role secretsmanager:GetSecretValue on it, remove it from the environment, and rotate the credential.",
                   cli: """
                       aws secretsmanager create-secret --region \(f.scope.region) --name \(secretName) --secret-string file://value.txt
                       aws lambda update-function-configuration --region \(f.scope.region) --function-name \(f.id) --environment file://environment-without-\(s.variable).json
                       """,
                   terraform: """
                       resource "aws_secretsmanager_secret" "\(FixText.terraformName(s.variable))" {
                         name = "\(secretName)"
                       }
                       # in aws_lambda_function.\(FixText.terraformName(f.id)): remove \(s.variable) from environment.variables,
                       # pass the secret's ARN instead and read it with the Secrets Manager API
                       """)
    }
}
