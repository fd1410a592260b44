import NetModel

extension ECSMapper {
    /// `describe-container-instances` (`containerInstances`): the EC2 instances registered to a cluster. The items do not
    /// name their cluster; the long ARN format (`container-instance/<cluster>/<id>`) does, and `ECSReconciler` fills the
    /// cluster of old-format ARNs from the tasks placed there.
    static func containerInstances(_ root: Node, _ ctx: FileContext, into c: inout Collector) throws(ImportError) {
        for item in try root.array("containerInstances") {
            let arn = try item.requiredString("containerInstanceArn")
            let instance = try item.string("ec2InstanceId")
            if let instance, !instance.hasPrefix("i-") {
                throw .invalidValue(file: ctx.file.displayPath, path: "\(item.path).ec2InstanceId", message: "'\(Quoted.value(instance))' is not an EC2 instance ID")
            }
            let tasks = try item.int("runningTasksCount")
            if let tasks, tasks < 0 {
                throw .invalidValue(file: ctx.file.displayPath, path: "\(item.path).runningTasksCount", message: "\(tasks) is not a task count")
            }
            c.inventory.ecsContainerInstances.append(ECSContainerInstance(
                id: arn, scope: ctx.scope(arn: arn), clusterArn: clusterArn(of: arn), ec2InstanceId: instance,
                status: try item.string("status"), agentConnected: try item.bool("agentConnected"), runningTasksCount: tasks))
        }
        try failures(root, "container instance", ctx, into: &c)
    }
}
