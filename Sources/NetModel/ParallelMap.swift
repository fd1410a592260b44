import Dispatch
import Foundation

/// `map` on all cores, keeping the order: for independent, CPU-bound work per item (encoding rows, answering pairs).
public enum ParallelMap {
    /// `items.map(transform)` with the items split into chunks run by `DispatchQueue.concurrentPerform`; plain `map`
    /// for fewer than two chunks' worth. The first error (by item order) is thrown once every chunk has finished.
    /// `transform` runs concurrently: it must only read shared state.
    public static func map<T, U>(_ items: [T], minimumChunk: Int = 32, _ transform: (T) throws -> U) throws -> [U] {
        let count = items.count
        let chunks = min(ProcessInfo.processInfo.activeProcessorCount * 4, count / max(minimumChunk, 1))
        guard chunks >= 2 else { return try items.map(transform) }
        var slots = [Result<U, any Error>?](repeating: nil, count: count)
        withoutActuallyEscaping(transform) { transform in
            slots.withUnsafeMutableBufferPointer { buffer in
                items.withUnsafeBufferPointer { input in
                    // Each chunk writes only its own slots; `transform` only reads (the caller's promise).
                    let shared = Unchecked((out: buffer, input: input, transform: transform))
                    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                        let (out, input, transform) = shared.value
                        for i in (chunk * count / chunks)..<((chunk + 1) * count / chunks) {
                            out[i] = Result { try transform(input[i]) }
                        }
                    }
                }
            }
        }
        var results: [U] = []
        results.reserveCapacity(count)
        for slot in slots {
            if let slot { results.append(try slot.get()) }
        }
        return results
    }
}

/// A value handed to concurrent workers that only read it (or write disjoint parts of it).
private struct Unchecked<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
