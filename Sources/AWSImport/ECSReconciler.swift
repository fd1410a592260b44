import NetModel

/// Joins ECS tasks to the network interfaces they run on: AWS "Amazon ECS task networking options for Fargate" —
/// each `awsvpc` task has its own interface, named in the task's `ElasticNetworkInterface` attachment. The interface's
/// own description says only `arn:aws:ecs:…:attachment/<id>`; the task says whose it is.
enum ECSReconciler {
    static func apply(_ inv: inout Inventory) {
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
