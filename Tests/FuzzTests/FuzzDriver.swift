import Foundation

/// Runs a fuzz target for a bounded time: mutated corpus inputs, each checked for the properties every parser owes
/// its users. Inputs run in-process (a trap ends the test run; with `FUZZ_SAVE` the input that trapped is on disk as
/// `<target>.current` and replays with the same `FUZZ_SEED`).
///
/// Environment: `FUZZ_SEED` (default fixed), `FUZZ_SECONDS` and `FUZZ_ITERATIONS` per target, `FUZZ_SAVE=DIR`.
struct FuzzDriver {
    /// Bad input is reported as this: nil when the input is fine, else what property it broke.
    typealias Check = @Sendable ([UInt8]) -> String?

    static let environment = ProcessInfo.processInfo.environment
    static let seed = environment["FUZZ_SEED"].flatMap { UInt64($0) } ?? 20_261_202
    /// Seven targets share about a minute in CI.
    static let seconds = environment["FUZZ_SECONDS"].flatMap(Double.init) ?? 8
    static let iterations = environment["FUZZ_ITERATIONS"].flatMap { Int($0) } ?? Int.max
    static let saveFolder = environment["FUZZ_SAVE"].map { URL(fileURLWithPath: $0) }
    /// One input may take this long in a debug build before it counts as a hang.
    static let perInputLimit = Duration.seconds(environment["FUZZ_INPUT_SECONDS"].flatMap(Double.init) ?? 3)

    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    /// The committed seeds of a target (`Corpus/<target>/`).
    static func corpus(_ target: String) -> [[UInt8]] { files(in: "Corpus/\(target)") }

    /// Every crash or hang input found so far (`Regressions/<target>/`).
    static func regressions(_ target: String) -> [(name: String, bytes: [UInt8])] {
        let folder = testsFolder.appendingPathComponent("Regressions/\(target)")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
        return names.compactMap { name in
            (try? Data(contentsOf: folder.appendingPathComponent(name))).map { (name, Array($0)) }
        }
    }

    private static func files(in relative: String) -> [[UInt8]] {
        let folder = testsFolder.appendingPathComponent(relative)
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
        return names.compactMap { (try? Data(contentsOf: folder.appendingPathComponent($0))).map(Array.init) }
    }

    /// A stable seed per target (Swift's `hashValue` changes between runs).
    static func targetSeed(_ target: String) -> UInt64 { fnv(Array(target.utf8)) ^ seed }

    static func fnv(_ bytes: [UInt8]) -> UInt64 {
        bytes.reduce(0xCBF2_9CE4_8422_2325 as UInt64) { ($0 ^ UInt64($1)) &* 0x100_0000_01B3 }
    }

    struct Report {
        var runs = 0
        var failures: [String] = []
    }

    /// Runs the corpus itself, then mutations until the time or iteration budget is spent. Stops collecting after
    /// a few failures (each is saved with `FUZZ_SAVE`).
    static func run(_ target: String, dictionary: [String] = [], check: Check) -> Report {
        let seeds = corpus(target)
        var mutator = Mutator(seed: targetSeed(target), corpus: seeds, dictionary: dictionary)
        var report = Report()
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(seconds)
        var pending = seeds[...]
        while report.runs < iterations, clock.now < deadline || !pending.isEmpty, report.failures.count < 5 {
            let input = pending.popFirst() ?? mutator.next()
            report.runs += 1
            if let folder = saveFolder { save(input, to: folder.appendingPathComponent("\(target).current")) }
            let started = clock.now
            var problem = check(input)
            let took = clock.now - started
            if problem == nil, took > perInputLimit { problem = "took \(took) (a hang?)" }
            guard let problem else { continue }
            let name = "\(target)-\(String(fnv(input), radix: 16))"
            report.failures.append("\(name): \(problem)")
            if let folder = saveFolder { save(input, to: folder.appendingPathComponent(name)) }
        }
        if let folder = saveFolder { try? FileManager.default.removeItem(at: folder.appendingPathComponent("\(target).current")) }
        return report
    }

    private static func save(_ input: [UInt8], to url: URL) {
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? Data(input).write(to: url)
    }
}

/// The shape every error message must have, whatever the input: one line, short, quoting little of the input.
enum MessageShape {
    /// About 200 characters of message around a value quoted to 80 (`Quoted.value`).
    static let maxLength = 250
    /// Values are quoted to 80 characters; the quote marks around them may come from the input too.
    static let maxEcho = 82

    /// Nil when `message` is fine for `input`, else what is wrong with it.
    static func problem(_ message: String, input: [UInt8]) -> String? {
        if message.contains(where: { $0.isNewline }) { return "message spans lines: \(message.debugDescription.prefix(300))" }
        if message.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return "message carries control characters: \(message.debugDescription.prefix(300))"
        }
        if message.count > maxLength { return "message of \(message.count) characters: \(message.prefix(300))" }
        let characters = Array(message)
        if characters.count > maxEcho, input.count > maxEcho {
            let data = Data(input)
            for start in 0..<(characters.count - maxEcho) {
                let window = Data(String(characters[start...(start + maxEcho)]).utf8)
                if data.range(of: window) != nil { return "message echoes over \(maxEcho) characters of input: \(message.prefix(300))" }
            }
        }
        return nil
    }
}
