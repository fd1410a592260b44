import NetModel

extension IntrinsicEvaluator {
    /// `Fn::Cidr [ipBlock, count, cidrBits]`: `count` consecutive blocks of `cidrBits` host bits from the start of
    /// `ipBlock` ("Fn::Cidr", CloudFormation User Guide). Computed before deploy when the block is known — written, or
    /// `!GetAtt VPC.CidrBlock` of a VPC whose `CidrBlock` is — so subnets cut from the VPC's range keep known ranges;
    /// else unknown. IPv6 blocks (`Ipv6CidrBlocks` are assigned at deploy) stay unknown.
    mutating func cidr(_ arg: TemplateNode, line: Int) throws(IaCError) -> TemplateValue {
        guard case .list(let items, _) = arg, items.count == 3 else { throw fail(line, "Fn::Cidr needs [ipBlock, count, cidrBits]") }
        let block = try value(items[0])
        guard let count = try value(items[1])?.knownString.flatMap({ Int($0) }), (1...256).contains(count),
              let bits = try value(items[2])?.knownString.flatMap({ Int($0) }), (1...128).contains(bits) else {
            throw fail(line, "Fn::Cidr needs a count from 1 to 256 and cidrBits from 1 to 128")
        }
        var text = block?.knownString
        if case .attribute(let id, "CidrBlock")? = block { text = vpcCidrs[id] }
        guard let text, let prefix = IPPrefix(text) else {
            return .unknown("Fn::Cidr over \(block?.rendered ?? "an address block") known at deploy")
        }
        guard case .v4(let base) = prefix.address else { return .unknown("Fn::Cidr over the IPv6 block \(text) (not evaluated)") }
        let length = 32 - min(bits, 32)
        guard length >= prefix.length, count <= 1 << (length - prefix.length) else {
            throw fail(line, "Fn::Cidr: \(count) blocks of \(bits) host bits do not fit in \(text)")
        }
        return .list((0..<count).map { i in
            let address = base &+ UInt32(i) << UInt32(32 - length)
            return .string("\(address >> 24).\(address >> 16 & 255).\(address >> 8 & 255).\(address & 255)/\(length)")
        })
    }
}
