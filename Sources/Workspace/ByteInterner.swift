/// Numbers distinct byte strings 0, 1, 2 … in the order first seen, without making a
/// String of each: ten million event rows name a few thousand accounts, users and events.
struct ByteInterner {
    private var bytes: [UInt8] = []
    private var starts: [Int] = [0]
    private var slots: [Int32]
    private var mask: Int

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: -1, count: size)
        mask = size - 1
    }

    var count: Int { starts.count - 1 }

    /// The id of `key`, adding it when new.
    mutating func id(_ key: ArraySlice<UInt8>) -> Int32 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in key { hash = (hash ^ UInt64(b)) &* 0x100_0000_01b3 }
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let id = slots[slot]
            if id < 0 { break }
            if equal(Int(id), key) { return id }
            slot = (slot + 1) & mask
        }
        let id = Int32(count)
        bytes.append(contentsOf: key)
        starts.append(bytes.count)
        slots[slot] = id
        if count * 2 > slots.count { grow() }
        return id
    }

    /// The bytes of an id.
    subscript(id id: Int32) -> ArraySlice<UInt8> { bytes[starts[Int(id)]..<starts[Int(id) + 1]] }

    private func equal(_ id: Int, _ key: ArraySlice<UInt8>) -> Bool {
        let (s, e) = (starts[id], starts[id + 1])
        guard e - s == key.count else { return false }
        var i = s
        for b in key { if bytes[i] != b { return false }; i += 1 }
        return true
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = Array(repeating: -1, count: size)
        mask = size - 1
        for id in 0..<count {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for b in self[id: Int32(id)] { hash = (hash ^ UInt64(b)) &* 0x100_0000_01b3 }
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(id)
        }
    }
}
