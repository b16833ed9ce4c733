import Foundation

/// Matches a typed line against a phrase, ignoring case, extra spaces and trailing
/// punctuation. Latin words must match whole ("score" does not match "scoreboard");
/// Chinese needs no spaces ("Acme的评分").
public enum PhraseMatcher {
    /// Slot values (trimmed, quotes removed) when the whole line matches.
    public static func match(_ phrase: Phrase, line: String) -> [String: String]? {
        let input = Array(clean(line))
        let lowered = input.map { Character($0.lowercased().count == 1 ? $0.lowercased() : String($0)) }
        var slots: [String: String] = [:]
        return step(phrase.segments[...], 0, input, lowered, &slots) ? slots : nil
    }

    /// The line without trailing punctuation and surrounding spaces.
    public static func clean(_ line: String) -> String {
        var s = Substring(line)
        while let last = s.last, last.isWhitespace || "?!.。？！,，;；".contains(last) { s.removeLast() }
        while let first = s.first, first.isWhitespace { s.removeFirst() }
        return String(s)
    }

    private static func step(_ segments: ArraySlice<Phrase.Segment>, _ pos: Int, _ input: [Character], _ lowered: [Character],
                             _ slots: inout [String: String]) -> Bool {
        guard let segment = segments.first else {
            return input[pos...].allSatisfy(\.isWhitespace)
        }
        let rest = segments.dropFirst()
        switch segment {
        case .literal(let literal):
            var p = pos
            while p < input.count, input[p].isWhitespace { p += 1 }
            let skipped = p > pos
            let chars = Array(literal)
            if let first = chars.first, isWordChar(first), !skipped, p > 0, isWordChar(input[p - 1]) { return false }
            var i = 0
            while i < chars.count {
                if chars[i] == " " {
                    guard p < input.count, input[p].isWhitespace else { return false }
                    while p < input.count, input[p].isWhitespace { p += 1 }
                } else {
                    guard p < input.count, lowered[p] == chars[i] else { return false }
                    p += 1
                }
                i += 1
            }
            if let last = chars.last, isWordChar(last), p < input.count, isWordChar(input[p]) { return false }
            return step(rest, p, input, lowered, &slots)
        case .slot(let name):
            // Two slots in a row split at a space: "export {what} {file}".
            var nextIsSlot = false
            if case .slot? = rest.first { nextIsSlot = true }
            var end = pos + 1
            while end <= input.count {
                let value = unquote(String(input[pos..<end]))
                if !value.isEmpty && (!nextIsSlot || (end < input.count && input[end].isWhitespace)) {
                    slots[name] = value
                    if step(rest, end, input, lowered, &slots) { return true }
                }
                end += 1
            }
            slots[name] = nil
            return false
        }
    }

    static func isWordChar(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber) }

    static func unquote(_ s: String) -> String {
        var t = s.trimmingCharacters(in: .whitespaces)
        for (open, close) in [("\"", "\""), ("'", "'"), ("“", "”"), ("‘", "’")] where t.count >= 2 && t.hasPrefix(open) && t.hasSuffix(close) {
            t = String(t.dropFirst().dropLast())
        }
        return t.trimmingCharacters(in: .whitespaces)
    }
}
