/// A small deterministic mutator: the same seed gives the same inputs on every machine.
struct Mutator {
    /// SplitMix64: tiny, fast, and reproducible (`SystemRandomNumberGenerator` is not seedable).
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Inputs grow no larger than this (a bigger input finds nothing a smaller one would not, only slower).
    static let maxSize = 64 << 10

    var rng: Generator
    let corpus: [[UInt8]]
    /// Tokens of the target's language (`->`, `tcp/`, `Effect`, `<member>`…), inserted whole.
    let dictionary: [[UInt8]]

    init(seed: UInt64, corpus: [[UInt8]], dictionary: [String]) {
        rng = Generator(state: seed)
        self.corpus = corpus.isEmpty ? [[]] : corpus
        self.dictionary = dictionary.map { Array($0.utf8) }
    }

    static let interestingBytes: [UInt8] = [0x00, 0x09, 0x0A, 0x0D, 0x1B, 0x7F, 0x80, 0xC0, 0xFF,
                                            0x22, 0x27, 0x2C, 0x2D, 0x2F, 0x3A, 0x3C, 0x3E, 0x5B, 0x5D, 0x7B, 0x7D, 0x5C, 0x26]
    static let numbers = ["1e999", "-1e999", "-0", "99999999999999999999999", "65536", "65535", "-1", "4294967296",
                          "9223372036854775808", "1.5", "NaN", "Infinity", "0x10", "32767", "32768", "1e-400"]
    static let badUTF8: [[UInt8]] = [[0xC3, 0x28], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80], [0x80], [0xEF, 0xBB, 0xBF], [0xF4, 0x90, 0x80, 0x80]]
    static let controls: [[UInt8]] = [[0x1B, 0x5B, 0x33, 0x31, 0x6D], [0x0D], [0x00], [0x08, 0x08], [0x0A, 0x0A, 0x0A]]
    static let nesting = ["[", "{\"a\":", "<a>", "- ", "[[", "{\"Statement\":[", "(", "a:\n  "]

    /// The next input: a corpus item with one to four mutations stacked.
    mutating func next() -> [UInt8] {
        var data = corpus[Int.random(in: 0..<corpus.count, using: &rng)]
        for _ in 0..<Int.random(in: 1...4, using: &rng) { mutate(&data) }
        if data.count > Self.maxSize { data.removeLast(data.count - Self.maxSize) }
        return data
    }

    private mutating func position(_ data: [UInt8]) -> Int { Int.random(in: 0...data.count, using: &rng) }

    private mutating func range(_ data: [UInt8]) -> Range<Int> {
        let start = Int.random(in: 0...data.count, using: &rng)
        let length = Int.random(in: 0...min(64, data.count - start), using: &rng)
        return start..<(start + length)
    }

    private mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &rng)] }

    mutating func mutate(_ data: inout [UInt8]) {
        switch Int.random(in: 0..<12, using: &rng) {
        case 0 where !data.isEmpty:  // bit flip
            let i = Int.random(in: 0..<data.count, using: &rng)
            data[i] ^= 1 << UInt8.random(in: 0..<8, using: &rng)
        case 1 where !data.isEmpty:  // interesting byte
            data[Int.random(in: 0..<data.count, using: &rng)] = pick(Self.interestingBytes)
        case 2:  // random bytes
            data.insert(contentsOf: (0..<Int.random(in: 1...8, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }, at: position(data))
        case 3:  // delete
            data.removeSubrange(range(data))
        case 4:  // duplicate a range
            let r = range(data)
            data.insert(contentsOf: data[r], at: position(data))
        case 5:  // splice from another corpus item
            let other = pick(corpus)
            let r = range(other)
            let at = range(data)
            data.replaceSubrange(at, with: other[r])
        case 6 where !data.isEmpty:  // truncate
            data.removeLast(Int.random(in: 1...data.count, using: &rng))
        case 7:  // deep nesting
            let token = Array(pick(Self.nesting).utf8)
            let count = pick([50, 600, 3000])
            data.insert(contentsOf: Array(repeating: token, count: count).joined(), at: position(data))
        case 8:  // out-of-range numbers
            data.insert(contentsOf: Array(pick(Self.numbers).utf8), at: position(data))
        case 9:  // bad UTF-8 or control bytes
            data.insert(contentsOf: pick(Bool.random(using: &rng) ? Self.badUTF8 : Self.controls), at: position(data))
        case 10:  // a long value: one range repeated (echo limits)
            let r = range(data)
            guard !r.isEmpty else { return }
            let times = min(2000, Self.maxSize / max(r.count, 1))
            data.insert(contentsOf: Array(repeating: Array(data[r]), count: times).joined(), at: r.upperBound)
        default:  // a token of the language
            guard !dictionary.isEmpty else { return }
            data.insert(contentsOf: pick(dictionary), at: position(data))
        }
    }
}
