import Workspace

/// Tab completion: the next command word, or an account name where a phrase expects one.
public struct Completer: Sendable {
    public struct Completion: Equatable, Sendable {
        /// Characters before the cursor that the completion replaces.
        public var replacing: Int
        public var candidates: [String]
    }

    let specs: [CommandSpec]

    public init(specs: [CommandSpec]) { self.specs = specs }

    public func complete(_ text: String, accounts: [String]) -> Completion {
        let endsWithSpace = text.last?.isWhitespace ?? true
        let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        let partial = endsWithSpace ? "" : (words.last ?? "")
        let before = (endsWithSpace ? words : Array(words.dropLast())).map { $0.lowercased() }

        // An account name after the literal words of a phrase: "score Ac" → "score Acme Corp".
        var names: [String] = []
        var replacing = 0
        for spec in specs {
            for phrase in spec.phrases {
                guard let slot = phrase.firstSlot, spec.accountSlots.contains(slot) else { continue }
                let lead = phrase.leadingWords
                guard before.count >= lead.count, Array(before.prefix(lead.count)) == lead else { continue }
                let typedWords = Array(words.dropFirst(lead.count))
                let typed = typedWords.joined(separator: " ")
                let key = typed.comparable
                if typed.isEmpty && !endsWithSpace { continue }
                let found = accounts.filter { key.isEmpty || $0.comparable.hasPrefix(key) }
                guard !found.isEmpty else { continue }
                for name in found where !names.contains(name) { names.append(name) }
                replacing = max(replacing, Self.tailLength(text, words: typedWords.count, endsWithSpace: endsWithSpace))
            }
        }
        if !names.isEmpty && !before.isEmpty {
            return Completion(replacing: replacing, candidates: names.sorted())
        }
        if partial.isEmpty { names = [] }

        // The next literal word of a command.
        var next: [String] = []
        for spec in specs {
            for phrase in spec.phrases {
                let lead = phrase.leadingWords
                guard lead.count > before.count, Array(lead.prefix(before.count)) == before else { continue }
                let word = lead[before.count]
                if word.hasPrefix(partial.lowercased()) && !next.contains(word) { next.append(word) }
            }
        }
        // At the start of a line a name may come first ("Acme的评分").
        return Completion(replacing: partial.unicodeScalars.count, candidates: next.sorted() + names.sorted())
    }

    /// Unicode scalars taken by the last `words` words (and the space after them).
    static func tailLength(_ text: String, words: Int, endsWithSpace: Bool) -> Int {
        guard words > 0 else { return 0 }
        var count = 0
        var seen = 0
        var inWord = false
        for scalar in text.unicodeScalars.reversed() {
            let space = scalar.properties.isWhitespace
            if !space { inWord = true }
            if space && inWord { seen += 1; inWord = false; if seen == words { break } }
            count += 1
        }
        return count
    }
}
