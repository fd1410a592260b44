import NetModel

extension Solver {
    /// Answers a question on an inventory whose security groups lack their rules (a fast partial load):
    /// resolves the terms, loads the rules of just the groups the answer depends on through `loadGroups`,
    /// then answers.
    ///
    /// The groups needed are those of the selected endpoints and of every load balancer (for the
    /// "through the ALB" answer); membership of other groups is already in the interfaces.
    public static func focused(_ spec: QuerySpec, inventory: Inventory, options: FlowOptions = FlowOptions(),
                               loadGroups: (Set<String>) throws -> [SecurityGroup]) throws -> (solver: Solver, pairs: [PairAnswer]) {
        let light = Solver(inventory: inventory, options: options)
        let source = try light.selector.resolve(spec.from)
        let destination = try light.selector.resolve(spec.to)
        var needed = Set<String>()
        for group in source.groups + destination.groups { for e in group.endpoints { needed.formUnion(e.securityGroupIds) } }
        for e in light.catalog.endpoints where e.kind == .loadBalancer { needed.formUnion(e.securityGroupIds) }
        let solver = light.replacing(securityGroups: try loadGroups(needed))
        return (solver, solver.answer(from: source, to: destination, proto: spec.proto, ports: spec.ports))
    }
}
