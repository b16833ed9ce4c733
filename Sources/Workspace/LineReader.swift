import Foundation

/// Reads a file line by line in blocks, so that a file of ten million rows is never held
/// whole in memory. A line is handed over without its line break (LF or CRLF); the first
/// loses a UTF-8 byte-order mark.
enum LineReader {
    static let blockSize = 1 << 22

    /// `body` gets each line and its number (from 1); it may throw to stop.
    static func forEach(path: String, _ body: (ArraySlice<UInt8>, Int) throws -> Void) throws {
        guard let file = fopen(path, "rb") else { throw CocoaError(.fileReadNoPermission) }
        defer { fclose(file) }
        var buffer = [UInt8](repeating: 0, count: blockSize)
        var kept = 0
        var number = 0
        var atEnd = false
        while !atEnd {
            if kept == buffer.count { buffer += [UInt8](repeating: 0, count: buffer.count) }
            let read = buffer.withUnsafeMutableBytes { fread($0.baseAddress! + kept, 1, $0.count - kept, file) }
            if read == 0 { atEnd = true }
            let end = kept + read
            var start = 0
            var i = kept
            while i < end {
                if buffer[i] == 0x0A {
                    number += 1
                    try body(trimmed(buffer[start..<i], first: number == 1), number)
                    start = i + 1
                }
                i += 1
            }
            if atEnd, start < end {
                number += 1
                try body(trimmed(buffer[start..<end], first: number == 1), number)
                start = end
            }
            kept = end - start
            if kept > 0 && start > 0 { buffer.withUnsafeMutableBytes { _ = memmove($0.baseAddress!, $0.baseAddress! + start, kept) } }
        }
    }

    private static func trimmed(_ line: ArraySlice<UInt8>, first: Bool) -> ArraySlice<UInt8> {
        var line = line
        if line.last == 0x0D { line = line.dropLast() }
        if first, line.starts(with: [0xEF, 0xBB, 0xBF]) { line = line.dropFirst(3) }
        return line
    }

    /// Splits one CSV line at commas; a quoted field may hold commas and doubled quotes.
    /// Returns false when a quote is left open (a field with a line break in it).
    static func fields(_ line: ArraySlice<UInt8>, into fields: inout [ArraySlice<UInt8>]) -> Bool {
        fields.removeAll(keepingCapacity: true)
        var i = line.startIndex
        while true {
            if i < line.endIndex && line[i] == 0x22 {
                var j = i + 1
                var escaped = false
                while true {
                    guard j < line.endIndex else { return false }
                    if line[j] == 0x22 {
                        if j + 1 < line.endIndex && line[j + 1] == 0x22 { escaped = true; j += 2; continue }
                        break
                    }
                    j += 1
                }
                if escaped {
                    var unescaped: [UInt8] = []
                    var k = i + 1
                    while k < j { unescaped.append(line[k]); k += line[k] == 0x22 ? 2 : 1 }
                    fields.append(unescaped[...])
                } else {
                    fields.append(line[(i + 1)..<j])
                }
                i = j + 1
                while i < line.endIndex && line[i] != 0x2C { i += 1 }
            } else {
                var j = i
                while j < line.endIndex && line[j] != 0x2C { j += 1 }
                fields.append(line[i..<j])
                i = j
            }
            if i >= line.endIndex { return true }
            i += 1
        }
    }

    /// The field without spaces around it.
    static func trim(_ field: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var f = field
        while let c = f.first, c == 0x20 || c == 0x09 { f = f.dropFirst() }
        while let c = f.last, c == 0x20 || c == 0x09 { f = f.dropLast() }
        return f
    }
}
