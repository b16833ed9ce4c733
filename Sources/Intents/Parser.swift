/// Reads a line into a command and its slots, or explains why it cannot.
public struct Parser: Sendable {
    public struct Match: Equatable, Sendable {
        public var command: Int
        public var phrase: Phrase
        public var slots: [String: String]
    }

    public enum Outcome: Equatable, Sendable {
        case empty
        case matched(Match)
        /// The line starts like these commands but does not fit them: show their usage.
        case incomplete([Int])
        /// Nothing fits: the nearest commands, if any are near.
        case unknown(suggestions: [Int])
    }

    public let specs: [CommandSpec]

    public init(specs: [CommandSpec]) { self.specs = specs }

    public func parse(_ line: String) -> Outcome {
        let cleaned = PhraseMatcher.clean(line)
        if cleaned.isEmpty { return .empty }
        var best: (Match, Int)?
        for (index, spec) in specs.enumerated() {
            for phrase in spec.phrases {
                guard let slots = PhraseMatcher.match(phrase, line: cleaned) else { continue }
                if best == nil || phrase.specificity > best!.1 {
                    best = (Match(command: index, phrase: phrase, slots: slots), phrase.specificity)
                }
            }
        }
        let words = Phrase.normalize(cleaned).split(separator: " ").map(String.init)
        if let best {
            // "onboarding plan" alone is the command's name without its account, not
            // "onboarding {account}" with an account named "plan".
            let named = specs[best.0.command].phrases.contains { $0.firstSlot != nil && $0.leadingWords == words }
            let complete = specs[best.0.command].phrases.contains { $0.firstSlot == nil && $0.leadingWords == words }
            return named && !complete ? .incomplete([best.0.command]) : .matched(best.0)
        }
        let started = specs.indices.filter { i in
            specs[i].phrases.contains { p in
                let lead = p.leadingWords
                return !lead.isEmpty && words.count >= lead.count && Array(words.prefix(lead.count)) == lead
                    || !lead.isEmpty && lead.count > words.count && Array(lead.prefix(words.count)) == words
            }
        }
        if !started.isEmpty { return .incomplete(started) }
        return .unknown(suggestions: nearest(to: words))
    }

    /// Commands whose first words are a small edit away from what was typed.
    func nearest(to words: [String]) -> [Int] {
        guard let first = words.first else { return [] }
        var scored: [(Int, Int)] = []
        for (index, spec) in specs.enumerated() {
            var best = Int.max
            for phrase in spec.phrases {
                let lead = phrase.leadingWords
                guard !lead.isEmpty else { continue }
                let typed = words.prefix(lead.count).joined(separator: " ")
                best = min(best, editDistance(typed, lead.joined(separator: " ")), editDistance(first, lead[0]))
            }
            let limit = max(1, first.count / 3)
            if best <= limit { scored.append((best, index)) }
        }
        return scored.sorted { $0 < $1 }.map(\.1).reduce(into: []) { if !$0.contains($1) { $0.append($1) } }.prefix(3).map { $0 }
    }
}
