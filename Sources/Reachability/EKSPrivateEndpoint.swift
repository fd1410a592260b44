import NetModel

extension FlowAnalyzer {
    /// With private endpoint access off, the cluster's control-plane interfaces serve the control plane's own traffic
    /// to the nodes; API requests from the VPC go to the public endpoint (AWS "Cluster API server endpoint").
    func eksPrivateEndpointCheck(_ e: Endpoint, _ flow: inout Flow) {
        guard let cluster = topology.inventory.eksClusters.first(where: { $0.id == e.resourceId }), !cluster.endpointPrivateAccess else { return }
        flow.gate("eks-private-endpoint", cluster.id, passes: false, allowed: "",
                  blocked: "\(cluster.id)'s private endpoint access is off: inside the VPC its API answers only on the public endpoint",
                  fix: "aws eks update-cluster-config --name \(cluster.id) --resources-vpc-config endpointPrivateAccess=true")
    }
}
