import NetModel

extension Solver {
    /// Answers a question from the pair's neighbourhood: `neighbourhood` loads the part of the model the terms'
    /// seeds (`Selector.seeds`) name, `loadGroups` the security groups (with their rules) of its endpoints, and the
    /// solver answers on that partial model as it would on the whole account. Where the partial model can't be sure
    /// to select what the whole account would — a term that needs every interface (`ec2`, `tag:`, a CIDR), a name
    /// matched only in part, a term that fails to resolve, an endpoint outside the VPCs loaded (a NAT gateway
    /// elsewhere), a snapshot without lookup tables — it falls back to
    /// `everything` (the whole account, security groups without rules) and `focused(_:inventory:options:loadGroups:)`.
    public static func focused(_ spec: QuerySpec, options: FlowOptions = FlowOptions(),
                               neighbourhood: ((Inventory) -> [InventorySeed]?) throws -> Inventory?,
                               everything: () throws -> Inventory,
                               loadGroups: (Set<String>) throws -> [SecurityGroup]) throws -> (solver: Solver, pairs: [PairAnswer]) {
        let seeds = { (base: Inventory) -> [InventorySeed]? in
            guard let from = Selector.seeds(for: spec.from, in: base), let to = Selector.seeds(for: spec.to, in: base) else { return nil }
            return from + to
        }
        if var partial = try neighbourhood(seeds) {
            // Every group an endpoint of the partial model has (load balancers' and placed services' too).
            let catalog = EndpointCatalog(Topology(partial))
            partial.securityGroups = try loadGroups(Set(catalog.endpoints.flatMap(\.securityGroupIds)))
            let solver = Solver(inventory: partial, options: options)
            var selector = solver.selector
            selector.exactNamesOnly = true
            // A selected endpoint must have its subnet (so its VPC's routes and NACLs) in the partial model.
            func placed(_ s: Selection) -> Bool {
                s.groups.allSatisfy { $0.endpoints.allSatisfy { e in e.subnetId.map { solver.topology.subnets[$0] != nil } ?? true } }
            }
            if let source = try? selector.resolve(spec.from), let destination = try? selector.resolve(spec.to), placed(source), placed(destination) {
                return (solver, solver.answer(from: source, to: destination, proto: spec.proto, ports: spec.ports))
            }
            // Not resolved exactly on the neighbourhood: the whole account says what the term means (or what is wrong).
        }
        return try focused(spec, inventory: everything(), options: options, loadGroups: loadGroups)
    }

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
