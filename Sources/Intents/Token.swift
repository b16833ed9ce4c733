import Workspace

/// One word of a typed line as the reader sees it. Latin words keep the marks inside them
/// ("win-back", "$10,000", "2026-11-20", "Acme's" is "Acme" and "'s"); each Chinese
/// character is a token of its own, so "Acme的评分" needs no spaces; quoted text is one token,
/// which no command word or option can start inside; punctuation between words is a mark.
public struct Token: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case word, han, quoted, mark
    }

    public let kind: Kind
    /// What a phrase's words are compared with: lower case; for quoted text, the text inside.
    public let key: String
    /// Where it stands in the line, in Unicode scalars (quotes included).
    public let range: Range<Int>
}

/// A line cut into tokens once; slots are ranges of tokens, and their text is read back
/// from the line as typed (its spacing and case kept).
public struct TokenizedLine: Sendable {
    public let scalars: [Unicode.Scalar]
    public let tokens: [Token]

    public init(_ text: String) {
        scalars = Array(text.unicodeScalars)
        tokens = TokenizedLine.cut(scalars)
    }

    public var count: Int { tokens.count }
    public subscript(i: Int) -> Token { tokens[i] }

    /// The line's text from token `range.lowerBound` to the end of token `range.upperBound - 1`,
    /// as typed; one quoted token gives the text inside its quotes.
    public func text(_ range: Range<Int>) -> String {
        guard !range.isEmpty else { return "" }
        if range.count == 1, tokens[range.lowerBound].kind == .quoted { return tokens[range.lowerBound].key.isEmpty ? "" : quotedText(range.lowerBound) }
        return slice(tokens[range.lowerBound].range.lowerBound..<tokens[range.upperBound - 1].range.upperBound)
    }

    /// The whole line as typed, with the tokens of `range` written as `text`.
    public func replacing(_ range: Range<Int>, with text: String) -> String {
        let start = tokens[range.lowerBound].range.lowerBound, end = tokens[range.upperBound - 1].range.upperBound
        return slice(0..<start) + text + slice(end..<scalars.count)
    }

    /// The keys of tokens `range` (lower case), joined by spaces.
    public func keys(_ range: Range<Int>) -> String { tokens[range].map(\.key).joined(separator: " ") }

    func slice(_ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[range])
        return String(view)
    }

    /// A quoted token's text inside its quotes, case kept.
    func quotedText(_ i: Int) -> String {
        let r = tokens[i].range
        let closed = r.count >= 2 && TokenizedLine.closing[scalars[r.lowerBound]] == scalars[r.upperBound - 1]
        return slice((r.lowerBound + 1)..<(r.upperBound - (closed ? 1 : 0))).trimmingSpaces
    }

    // MARK: cutting

    static let closing: [Unicode.Scalar: Unicode.Scalar] = ["\"": "\"", "“": "”", "'": "'", "‘": "’", "「": "」", "『": "』"]
    /// Marks that stand apart at the end of a word ("Acme," "done." "Corp)").
    static let trailingMarks: Set<Unicode.Scalar> = [",", ".", ";", ":", "!", "?", ")", "]", "}", ">", "\"", "”", "’"]
    static let leadingMarks: Set<Unicode.Scalar> = ["(", "[", "{", "<", "\"", "“", "‘"]

    static func isHan(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F: return true
        default: return false
        }
    }

    /// Chinese and full-width punctuation: a mark of its own wherever it stands.
    static func isWideMark(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x3000...0x303F, 0xFF00...0xFF0F, 0xFF1A...0xFF20, 0xFF3B...0xFF40, 0xFF5B...0xFF65: return true
        default: return false
        }
    }

    static func fold(_ text: String) -> String { text.lowercased() }

    static func cut(_ s: [Unicode.Scalar]) -> [Token] {
        var tokens: [Token] = []
        var i = 0
        func add(_ kind: Token.Kind, _ range: Range<Int>, key: String? = nil) {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: s[range])
            tokens.append(Token(kind: kind, key: key ?? fold(String(view)), range: range))
        }
        while i < s.count {
            let c = s[i]
            if c.properties.isWhitespace { i += 1; continue }
            // A possessive on its own ("{account}'s score" in a phrase): the word "'s".
            if c == "'" || c == "’", i + 1 < s.count, s[i + 1] == "s" || s[i + 1] == "S",
               i + 2 == s.count || s[i + 2].properties.isWhitespace || trailingMarks.contains(s[i + 2]) || isHan(s[i + 2]) {
                add(.word, i..<(i + 2), key: "'s")
                i += 2
                continue
            }
            // Quoted text, to its closing quote (or the end of the line): one token.
            if let close = closing[c], c != "'" || i == 0 || s[i - 1].properties.isWhitespace {
                var j = i + 1
                while j < s.count, s[j] != close { j += 1 }
                // A lone apostrophe that closes nothing is no quote ("'s", "rock 'n' roll" aside).
                if c == "'" && j == s.count { add(.mark, i..<(i + 1)); i += 1; continue }
                let end = min(j + 1, s.count)
                var inner = String.UnicodeScalarView()
                inner.append(contentsOf: s[(i + 1)..<min(j, s.count)])
                add(.quoted, i..<end, key: fold(String(inner).trimmingSpaces))
                i = end
                continue
            }
            if isHan(c) { add(.han, i..<(i + 1)); i += 1; continue }
            if isWideMark(c) { add(.mark, i..<(i + 1)); i += 1; continue }
            if leadingMarks.contains(c) { add(.mark, i..<(i + 1)); i += 1; continue }
            // A Latin word: to a space, a Chinese character or wide punctuation.
            var j = i
            while j < s.count, !s[j].properties.isWhitespace, !isHan(s[j]), !isWideMark(s[j]) { j += 1 }
            var end = j
            var trailing: [Range<Int>] = []
            while end > i, trailingMarks.contains(s[end - 1]) {
                // "2.5" and "e.g." keep their dots inside; a dot that ends the word is a mark.
                trailing.insert((end - 1)..<end, at: 0)
                end -= 1
            }
            // The possessive: "Acme's" is "Acme" and "'s".
            var possessive: Range<Int>?
            if end - i > 2, s[end - 1] == "s" || s[end - 1] == "S", s[end - 2] == "'" || s[end - 2] == "’" {
                possessive = (end - 2)..<end
                end -= 2
            }
            if end > i { add(.word, i..<end) }
            if let possessive { add(.word, possessive, key: "'s") }
            for r in trailing { add(.mark, r) }
            i = j
        }
        return tokens
    }
}
