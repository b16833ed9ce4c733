import Foundation

/// Matches a typed line against a phrase, ignoring case, extra spaces and trailing
/// punctuation. Latin words must match whole ("score" does not match "scoreboard");
/// Chinese needs no spaces ("Acme的评分"). A slot takes the shortest text that lets the
/// rest of the phrase match, and only ends where the next word of the phrase begins, so
/// a pasted 100,000-character line is answered as fast as a short one.
public enum PhraseMatcher {
    /// Slot values (trimmed, quotes removed) when the whole line matches.
    public static func match(_ phrase: Phrase, line: String) -> [String: String]? {
        let prepared = PreparedLine(clean(line))
        return match(phrase, in: prepared, upTo: prepared.count)
    }

    /// Slot values when `line`'s scalars before `end` match the phrase.
    public static func match(_ phrase: Phrase, in line: PreparedLine, upTo end: Int) -> [String: String]? {
        var captures: [(name: String, range: Range<Int>)] = []
        guard step(phrase.compiled[...], 0, end, line, &captures) else { return nil }
        var slots: [String: String] = [:]
        for capture in captures { slots[capture.name] = unquote(line.text(capture.range)) }
        return slots
    }

    /// The line without trailing punctuation and surrounding spaces.
    public static func clean(_ line: String) -> String {
        var s = Substring(line)
        while let last = s.last, last.isWhitespace || "?!.。？！,，;；".contains(last) { s.removeLast() }
        while let first = s.first, first.isWhitespace { s.removeFirst() }
        return String(s)
    }

    private static func step(_ segments: ArraySlice<Phrase.Compiled>, _ pos: Int, _ end: Int, _ line: PreparedLine,
                             _ captures: inout [(name: String, range: Range<Int>)]) -> Bool {
        guard let segment = segments.first else { return line.isBlank(pos..<end) }
        let rest = segments.dropFirst()
        switch segment {
        case .literal(let literal):
            guard let after = matchLiteral(literal, at: pos, end, line) else { return false }
            return step(rest, after, end, line, &captures)
        case .slot(let name):
            var start = pos
            while start < end, line.isSpace[start] { start += 1 }
            guard start < end else { return false }
            if rest.isEmpty {
                // The last slot takes the rest of the line.
                var last = end
                while last > start, line.isSpace[last - 1] { last -= 1 }
                guard hasValue(start..<last, line) else { return false }
                captures.append((name, start..<last))
                return true
            }
            // Two slots in a row split at a space: "export {what} {file}".
            var nextIsSlot = false
            var nextScalar: Unicode.Scalar?
            switch rest.first {
            case .slot?: nextIsSlot = true
            case .literal(let literal)?: nextScalar = literal.first
            case nil: break
            }
            for stop in (start + 1)...end where !line.isSpace[stop - 1] {
                if nextIsSlot && !(stop < end && line.isSpace[stop]) { continue }
                // The slot can only end where the next word of the phrase begins.
                if let nextScalar {
                    var p = stop
                    while p < end, line.isSpace[p] { p += 1 }
                    guard p < end, line.folded[p] == nextScalar else { continue }
                }
                guard hasValue(start..<stop, line) else { continue }
                captures.append((name, start..<stop))
                if step(rest, stop, end, line, &captures) { return true }
                captures.removeLast()
            }
            return false
        }
    }

    /// Where the literal ends when it starts at `pos` (after any spaces), or nil.
    private static func matchLiteral(_ literal: [Unicode.Scalar], at pos: Int, _ end: Int, _ line: PreparedLine) -> Int? {
        var p = pos
        while p < end, line.isSpace[p] { p += 1 }
        let skipped = p > pos
        if let first = literal.first, PreparedLine.isWordScalar(first), !skipped, p > 0, PreparedLine.isWordScalar(line.scalars[p - 1]) {
            return nil
        }
        for scalar in literal {
            if scalar == " " {
                guard p < end, line.isSpace[p] else { return nil }
                while p < end, line.isSpace[p] { p += 1 }
            } else {
                guard p < end, line.folded[p] == scalar else { return nil }
                p += 1
            }
        }
        if let last = literal.last, PreparedLine.isWordScalar(last), p < end, PreparedLine.isWordScalar(line.scalars[p]) { return nil }
        return p
    }

    /// A slot's text is not empty once spaces and a pair of quotes are taken off.
    private static func hasValue(_ range: Range<Int>, _ line: PreparedLine) -> Bool {
        guard !range.isEmpty else { return false }
        if range.count == 2 {
            let pair = String(line.text(range))
            if ["\"\"", "''", "“”", "‘’"].contains(pair) { return false }
        }
        return true
    }

    static func unquote(_ s: String) -> String {
        var t = s.trimmingCharacters(in: .whitespaces)
        for (open, close) in [("\"", "\""), ("'", "'"), ("“", "”"), ("‘", "’")] where t.count >= 2 && t.hasPrefix(open) && t.hasSuffix(close) {
            t = String(t.dropFirst().dropLast())
        }
        return t.trimmingCharacters(in: .whitespaces)
    }
}
