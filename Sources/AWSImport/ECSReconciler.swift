import NetModel

/// Joins ECS tasks to the network interfaces they run on: AWS "Amazon ECS task networking options for Fargate" —
/// each `awsvpc` task has its own interface, named in the task's `ElasticNetworkInterface` attachment. The interface's
/// own description says only `arn:aws:ecs:…:attachment/<id>`; the task says whose it is.
///
/// Container instances whose old-format ARN names no cluster take the cluster of the tasks placed on them.
enum ECSReconciler {
    static func apply(_ inv: inout Inventory) {
        if inv.ecsContainerInstances.contains(where: { $0.clusterArn == nil }) {
            var clusterOf: [String: String] = [:]
            for task in inv.ecsTasks where !task.clusterArn.isEmpty {
                if let host = task.containerInstanceArn { clusterOf[host] = task.clusterArn }
            }
            for i in inv.ecsContainerInstances.indices where inv.ecsContainerInstances[i].clusterArn == nil {
                inv.ecsContainerInstances[i].clusterArn = clusterOf[inv.ecsContainerInstances[i].id]
            }
        }
        var taskByInterface: [String: String] = [:]
        for task in inv.ecsTasks where task.isRunning {
            if let eni = task.networkInterfaceId { taskByInterface[eni] = task.id }
        }
        guard !taskByInterface.isEmpty else { return }
        for i in inv.networkInterfaces.indices {
            // An interface attached to an instance (a trunk or an EC2 host's own) stays the instance's.
            if case .instance? = inv.networkInterfaces[i].owner { continue }
            if let task = taskByInterface[inv.networkInterfaces[i].id] { inv.networkInterfaces[i].owner = .ecsTask(task) }
        }
    }
}
