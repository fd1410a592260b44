import AWSImport
import Foundation
import NetModel
import Testing
@testable import IaCImport

/// Compute declared in templates and plans becomes the instances, ECS services and functions a deploy would create.
@Suite("IaC compute: instances, Auto Scaling groups, ECS, Lambda")
struct CloudFormationComputeDocumentsTests {
    static func inventory(_ fixture: String) throws -> Inventory {
        let path = CloudFormationTemplateTests.fixtures.appendingPathComponent(fixture).path
        return try IaCImporter(importer: Importer(), region: "us-east-1", account: "123456789012").importPaths([path]).inventory
    }

    @Test("a CloudFormation ECS service: cluster ARN, task definition with its roles and port, awsvpc placement, target group")
    func ecsService() throws {
        let inv = try Self.inventory("todo-app.yaml")
        let service = try #require(inv.ecsServices.first)
        #expect(service.name == "todoapp-backend" && service.clusterArn == "arn:aws:ecs:us-east-1:123456789012:cluster/todoapp-cluster")
        #expect(service.network?.subnetIds == ["subnet-PrivateSubnet1", "subnet-PrivateSubnet2"] && service.network?.assignPublicIp == false)
        #expect(service.loadBalancers.first?.containerPort == 8000 && service.runningCount == 0)
        let definition = try #require(inv.ecsTaskDefinitions.first { $0.id == service.taskDefinitionArn })
        #expect(definition.networkMode == "awsvpc" && definition.taskRoleArn == "arn:aws:iam::123456789012:role/ecstaskrole")
        #expect(definition.containers.first?.portMappings.map(\.containerPort) == [8000])
        // The NoEcho password interpolated into the environment is a plain secret; its value is never kept.
        #expect(definition.containers.first?.plainSecrets.map(\.variable) == ["DATABASE_URL"])
    }

    @Test("an Auto Scaling group launches one instance per subnet with its launch template's groups and profile, registered in its target group")
    func autoScalingGroup() throws {
        let inv = try Self.inventory("asg-behind-alb.plan.json")
        let instances = inv.instances.filter { $0.autoScalingGroup == "app-asg" }
        // Terraform lists `aws_subnet.private[0].id` with its prefix `aws_subnet.private`: two subnets, not four.
        #expect(instances.compactMap(\.subnetId).sorted() == ["subnet-aws_subnet.private[0]", "subnet-aws_subnet.private[1]"])
        #expect(instances.allSatisfy { $0.securityGroupIds == ["sg-aws_security_group.app"] && $0.privateIp == nil && $0.publicIp == nil })
        #expect(instances.allSatisfy { $0.instanceProfileArn == "arn:aws:iam::123456789012:instance-profile/app-profile" })
        let group = try #require(inv.targetGroups.first { $0.name == "app-tg" })
        #expect(group.targets.map(\.id).sorted() == instances.map(\.id).sorted())
    }

    @Test("a nested block's value unknown before apply is linked through its own references (launch_template[0].id)")
    func nestedBlockLinks() throws {
        let plan = try #require(try IaCImporter.plan(CloudFormationTemplateTests.fixtures.appendingPathComponent("asg-behind-alb.plan.json").path))
        let asg = try #require(plan.resources.first { $0.type == "aws_autoscaling_group" })
        #expect(asg["launch_template"]?.elements.first?["id"] == .ref("aws_launch_template.app"))
        #expect(asg["launch_template"]?.elements.first?["version"] == .string("$Latest"))
    }

    @Test("AWS::EC2::Instance: subnet and groups from its interfaces; a planned public address off a mapping subnet and an unmodelled type are warnings")
    func instanceWarnings() throws {
        let template = """
        Resources:
          Subnet: {Type: AWS::EC2::Subnet, Properties: {VpcId: vpc-1, CidrBlock: 10.0.1.0/24}}
          Group: {Type: AWS::EC2::SecurityGroup, Properties: {GroupDescription: web, VpcId: vpc-1}}
          Web:
            Type: AWS::EC2::Instance
            Properties:
              ImageId: ami-1
              NetworkInterfaces: [{DeviceIndex: '0', SubnetId: !Ref Subnet, GroupSet: [!Ref Group], AssociatePublicIpAddress: true}]
          Alarm: {Type: AWS::CloudWatch::Alarm}
        """
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("netaudit-iac-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("web.yaml").path
        try template.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try IaCImporter(importer: Importer(), region: "us-east-1", account: "123456789012").importPaths([path])
        let web = try #require(result.inventory.instances.first)
        #expect(web.id == "i-Web" && web.subnetId == "subnet-Subnet" && web.securityGroupIds == ["sg-Group"])
        #expect(result.inventory.warnings.contains { $0.message.contains("Web: AssociatePublicIpAddress is not modelled before deploy") })
        #expect(result.inventory.warnings.contains { $0.code == "unsupported-resource-type" && $0.message.hasSuffix("not modelled from templates yet: AWS::CloudWatch::Alarm") })
    }

    @Test("AWS::ECS::Service ServiceConnectConfiguration: the aliases and named port mapping reach the model (AWS \"Amazon ECS Service Connect\")")
    func serviceConnect() throws {
        let template = """
        Resources:
          Cluster: {Type: AWS::ECS::Cluster, Properties: {ClusterName: blog}}
          Backend:
            Type: AWS::ECS::TaskDefinition
            Properties:
              Family: backend-flask
              NetworkMode: awsvpc
              ContainerDefinitions: [{Name: backend, Image: flask, PortMappings: [{ContainerPort: 4567, Name: backend-flask}]}]
          Service:
            Type: AWS::ECS::Service
            Properties:
              ServiceName: backend-flask
              Cluster: !Ref Cluster
              TaskDefinition: !Ref Backend
              NetworkConfiguration: {AwsvpcConfiguration: {Subnets: [subnet-1], SecurityGroups: [sg-1]}}
              ServiceConnectConfiguration:
                Enabled: true
                Namespace: blog
                Services: [{PortName: backend-flask, DiscoveryName: backend-flask, ClientAliases: [{Port: 4567, DnsName: backend-flask}]}]
        """
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("netaudit-iac-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("blog.yaml").path
        try template.write(toFile: path, atomically: true, encoding: .utf8)
        let inv = try IaCImporter(importer: Importer(), region: "us-east-1", account: "123456789012").importPaths([path]).inventory
        let service = try #require(inv.ecsServices.first)
        let endpoint = try #require(service.serviceConnect?.services.first)
        #expect(service.serviceConnect?.namespace == "blog" && endpoint.clientAliases == [ServiceConnectAlias(port: 4567, dnsName: "backend-flask")])
        #expect(endpoint.servedPort(in: inv.ecsTaskDefinitions.first { $0.id == service.taskDefinitionArn }) == 4567)
    }
}
