import Workspace

/// Reads kept fields in one pass over their bytes: each token ends at the next separator
/// (U+001D, U+001E or U+001F), whose place in the text says what it is. The texts a store
/// keeps beside an account (`AccountSummary.body`, `PortfolioReview.Row.kept`) are written
/// by `KeptFields` and read by this.
struct KeptFieldReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var at = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// Every token read, and nothing past the last: the text was whole.
    var atEnd: Bool { at == bytes.count + 1 }

    /// The bytes up to the next separator, past it.
    mutating func token() -> Range<Int> {
        let start = min(at, bytes.count)
        var end = start
        while end < bytes.count, !(0x1D...0x1F).contains(bytes[end]) { end += 1 }
        at = end + 1
        return start..<end
    }

    /// A list of at most one text (`list`), read without making the list: nil for none,
    /// false for a count above one.
    mutating func optionalText(_ text: inout String?, _ build: Bool = true) -> Bool {
        guard let n = integer(), n == 0 || n == 1 else { return false }
        if n == 1 { text = self.text(build) }
        return true
    }

    /// A count, then that many items; kept in the list only when `keep`.
    mutating func list<T>(_ item: (inout KeptFieldReader) -> T?, keep: Bool = true) -> [T]? {
        // A count no longer than the bytes left: a body of another version reads as none.
        guard let n = integer(), n >= 0, n <= bytes.count - min(at, bytes.count) else { return nil }
        var items: [T] = []
        if keep { items.reserveCapacity(n) }
        for _ in 0..<n {
            guard let x = item(&self) else { return nil }
            if keep { items.append(x) }
        }
        return items
    }

    // Numbers are read in the same pass that finds their end: a book's bodies hold millions.

    mutating func integer() -> Int? {
        var value = 0, sign = 1, digits = 0, valid = true
        let start = min(at, bytes.count)
        var end = start
        while end < bytes.count {
            let b = bytes[end]
            if b >= 0x1D && b <= 0x1F { break }
            if b >= 48 && b <= 57 { value = value &* 10 &+ Int(b &- 48); digits += 1 } else if b == UInt8(ascii: "-") && end == start { sign = -1 } else { valid = false }
            end += 1
        }
        at = end + 1
        guard valid, digits > 0, end - start <= 18 else { return nil }
        return sign * value
    }

    mutating func number() -> Double? {
        var bits: UInt64 = 0, valid = true
        let start = min(at, bytes.count)
        var end = start
        while end < bytes.count {
            let b = bytes[end]
            if b >= 0x1D && b <= 0x1F { break }
            if b >= 48 && b <= 57 { bits = bits << 4 | UInt64(b &- 48) } else if b >= 97 && b <= 102 { bits = bits << 4 | UInt64(b &- 87) } else { valid = false }
            end += 1
        }
        at = end + 1
        guard valid, end > start, end - start <= 16 else { return nil }
        return Double(bitPattern: bits)
    }

    mutating func text() -> String {
        KeptFields.unescaped(UnsafeBufferPointer(rebasing: bytes[token()]))
    }

    /// The next text, or "" past it when it is not to be made.
    mutating func text(_ build: Bool) -> String {
        guard build else { _ = token(); return "" }
        return text()
    }
}

/// Fields written for `KeptFieldReader`: apart by U+001F; a list is its length then its items,
/// each after U+001E; days are ordinals and numbers the hex of their bits, so a book reads
/// back fast, exactly, whatever the locale; text is `escaped`.
enum KeptFields {
    static func day(_ d: Day?) -> String { d.map { String($0.ordinal) } ?? "" }
    static func number(_ x: Double?) -> String { x.map { String($0.bitPattern, radix: 16) } ?? "" }
    static func list(_ items: [String]) -> String { ([String(items.count)] + items).joined(separator: "\u{1E}") }

    /// Text with the separators (and U+001C, the escape) written as U+001C and a letter:
    /// data never holds them, so the common case costs one look at the bytes.
    static func escaped(_ text: String) -> String {
        guard text.utf8.contains(where: { (0x1C...0x1F).contains($0) }) else { return text }
        var bytes: [UInt8] = []
        for b in text.utf8 { if (0x1C...0x1F).contains(b) { bytes += [0x1C, b + 0x30] } else { bytes.append(b) } }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func unescaped(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.contains(0x1C) else { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = [], escape = false
        for b in bytes {
            if escape { out.append(b &- 0x30); escape = false } else if b == 0x1C { escape = true } else { out.append(b) }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
