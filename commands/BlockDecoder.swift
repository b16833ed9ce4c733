import Foundation

/// Kept texts read from the workspace and decoded on the other core as the next block is
/// read: a book-wide read hands over 100,000 of them. `add` takes each text's bytes (valid
/// during the call) with its account; `finish` waits and gives what `decode` made of each,
/// in the order added, and the accounts whose text it could not read.
final class BlockDecoder<T>: @unchecked Sendable {
    private let decode: @Sendable (Int64, ArraySlice<UInt8>) -> T?
    private let lock = NSLock(), group = DispatchGroup()
    private var decoded: [(made: [T], failed: [Int64])] = []
    private var bytes: [UInt8] = [], ends: [Int] = [], ids: [Int64] = []

    init(_ decode: @escaping @Sendable (_ id: Int64, _ bytes: ArraySlice<UInt8>) -> T?) { self.decode = decode }

    func add(_ id: Int64, _ text: UnsafeRawBufferPointer) {
        bytes.append(contentsOf: text)
        ends.append(bytes.count)
        ids.append(id)
        if ids.count == 4096 { decodeBlock() }
    }

    func finish() -> (made: [T], failed: [Int64]) {
        if !ids.isEmpty { decodeBlock() }
        group.wait()
        return lock.withLock {
            var made: [T] = []
            made.reserveCapacity(decoded.map(\.made.count).reduce(0, +))
            for block in decoded { made += block.made }
            return (made, decoded.flatMap(\.failed))
        }
    }

    private func decodeBlock() {
        let (b, e, i, decode) = (bytes, ends, ids, decode)
        let k = lock.withLock { decoded.append(([], [])); return decoded.count - 1 }
        DispatchQueue.global().async(group: group) { [self] in
            var made: [T] = [], failed: [Int64] = []
            made.reserveCapacity(i.count)
            var start = 0
            for (n, end) in e.enumerated() {
                if let x = decode(i[n], b[start..<end]) { made.append(x) } else { failed.append(i[n]) }
                start = end
            }
            lock.withLock { decoded[k] = (made, failed) }
        }
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        ids.removeAll(keepingCapacity: true)
    }
}
