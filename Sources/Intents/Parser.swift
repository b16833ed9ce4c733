import Workspace
/// Reads a line into a command and its slots, or explains why it cannot.
public struct Parser: Sendable {
    public struct Match: Equatable, Sendable {
        public var command: Int
        public var phrase: Phrase
        public var slots: [String: String]
        /// `--json` and `as of DATE` at the end of the line.
        public var options: TrailingOptions
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
    /// The longest word a command starts with.
    let longestWord: Int

    public init(specs: [CommandSpec]) {
        self.specs = specs
        longestWord = specs.flatMap { $0.phrases.flatMap(\.leadingWords) }.map(\.count).max() ?? 0
    }

    public func parse(_ line: String) -> Outcome {
        let cleaned = PhraseMatcher.clean(line)
        if cleaned.isEmpty { return .empty }
        let prepared = PreparedLine(cleaned)
        let reading = TrailingOptions.split(prepared, asOf: true)
        let writing = TrailingOptions.split(prepared, asOf: false)
        if writing.end == 0 { return .empty }
        var best: (match: Match, specificity: Int, end: Int)?
        for (index, spec) in specs.enumerated() {
            let (end, options) = spec.writes ? writing : reading
            guard end > 0 else { continue }
            for phrase in spec.phrases where best == nil || phrase.specificity > best!.specificity {
                guard let slots = PhraseMatcher.match(phrase, in: prepared, upTo: end) else { continue }
                best = (Match(command: index, phrase: phrase, slots: slots, options: options), phrase.specificity, end)
            }
        }
        if let best {
            // "onboarding plan" alone is the command's name without its account, not
            // "onboarding {account}" with an account named "plan".
            let words = Parser.words(prepared.text(0..<best.end))
            let phrases = specs[best.match.command].phrases
            let named = phrases.contains { $0.firstSlot != nil && $0.leadingWords == words }
            let complete = phrases.contains { $0.firstSlot == nil && $0.leadingWords == words }
            return named && !complete ? .incomplete([best.match.command]) : .matched(best.match)
        }
        let words = Parser.words(prepared.text(0..<writing.end))
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

    /// Whether the line ends in `--json`, for reporting a line that did not parse.
    public static func wantsJSON(_ line: String) -> Bool {
        TrailingOptions.split(PreparedLine(PhraseMatcher.clean(line)), asOf: false).options.json
    }

    static func words(_ text: String) -> [String] {
        Phrase.normalize(text).split(separator: " ").map(String.init)
    }

    /// Commands whose first words are a small edit away from what was typed.
    func nearest(to words: [String]) -> [Int] {
        guard let first = words.first else { return [] }
        let limit = max(1, first.count / 3)
        // A command's first word is short: a long first word is no typo of one.
        guard first.count <= longestWord + limit else { return [] }
        var scored: [(Int, Int)] = []
        for (index, spec) in specs.enumerated() {
            var best = Int.max
            for phrase in spec.phrases {
                let lead = phrase.leadingWords
                guard !lead.isEmpty else { continue }
                let typed = words.prefix(lead.count).joined(separator: " ")
                best = min(best, editDistance(typed, lead.joined(separator: " "), limit: limit), editDistance(first, lead[0], limit: limit))
            }
            if best <= limit { scored.append((best, index)) }
        }
        return scored.sorted { $0 < $1 }.map(\.1).reduce(into: []) { if !$0.contains($1) { $0.append($1) } }.prefix(3).map { $0 }
    }
}
