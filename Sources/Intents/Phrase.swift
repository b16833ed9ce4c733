/// One way of saying a command: literal words and named slots, written as
/// `"score {account}"`, `"{account}的评分"`, `"list {filter} accounts"`.
public struct Phrase: Equatable, Sendable {
    public enum Segment: Equatable, Sendable {
        case literal(String)
        case slot(String)
    }

    /// A segment as the matcher reads it: a literal as lower-case scalars.
    enum Compiled: Equatable, Sendable {
        case literal([Unicode.Scalar])
        case slot(String)
    }

    public let text: String
    public let segments: [Segment]
    let compiled: [Compiled]

    public init(_ text: String) {
        self.text = text
        var segments: [Segment] = []
        var literal = ""
        var slot: String?
        for ch in text {
            if ch == "{" {
                if !literal.isEmpty { segments.append(.literal(Phrase.normalize(literal))) }
                literal = ""
                slot = ""
            } else if ch == "}", let name = slot {
                segments.append(.slot(name))
                slot = nil
            } else if slot != nil {
                slot!.append(ch)
            } else {
                literal.append(ch)
            }
        }
        if !literal.isEmpty { segments.append(.literal(Phrase.normalize(literal))) }
        self.segments = segments.filter { if case .literal(let l) = $0 { return !l.isEmpty } else { return true } }
        compiled = self.segments.map {
            switch $0 {
            case .literal(let l): return .literal(Array(l.unicodeScalars))
            case .slot(let name): return .slot(name)
            }
        }
    }

    /// Lower case, single spaces, trimmed.
    static func normalize(_ s: String) -> String {
        s.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The literal words before the first slot: what tab completion offers.
    public var leadingWords: [String] {
        guard case .literal(let l)? = segments.first else { return [] }
        return l.split(separator: " ").map(String.init)
    }

    /// The slot right after the leading literal, if any.
    public var firstSlot: String? {
        for s in segments { if case .slot(let name) = s { return name } }
        return nil
    }

    /// A phrase that starts with a command word beats one that starts with a name
    /// ("score Umbrella Health" is score, not "{account} health"); then more literal
    /// characters win.
    public var specificity: Int {
        let literal = segments.reduce(0) { if case .literal(let l) = $1 { return $0 + l.count } else { return $0 } }
        if case .literal? = segments.first { return 1000 + literal }
        return literal
    }
}
