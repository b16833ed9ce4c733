/// Tab completion: the next word of a command, the words of a choice ("draft q" → "qbr
/// recap"), an account name where a phrase expects one (found by an indexed look-up of its
/// start, so a 100,000-account book answers as fast as a small one), or a file name where
/// it expects a path. More names than fit a screen are counted, not listed, until asked.
public struct Completer: Sendable {
    public struct Completion: Equatable, Sendable {
        /// Characters before the cursor that the completion replaces.
        public var replacing: Int
        public var candidates: [String]
        /// How many there are in all: more than `candidates` when they were too many to list.
        public var total: Int

        public init(replacing: Int, candidates: [String], total: Int? = nil) {
            self.replacing = replacing
            self.candidates = candidates
            self.total = total ?? candidates.count
        }
    }

    let specs: [CommandSpec]

    public init(specs: [CommandSpec]) { self.specs = specs }

    /// `limit`: the most names to list (a screenful); `files` lists the entries of a folder as
    /// typed ("" for the working folder), folders ending in "/": the only thing that reaches
    /// the file system.
    public func complete(_ text: String, names: Names, limit: Int = 200, files: (String) -> [String] = { _ in [] }) throws -> Completion {
        let endsWithSpace = text.last?.isWhitespace ?? true
        let typed = text.split(whereSeparator: \.isWhitespace).map(String.init)
        let partial = endsWithSpace ? "" : (typed.last ?? "")
        let done = (endsWithSpace ? typed : Array(typed.dropLast())).map { $0.lowercased() }

        var offered: [String] = []
        var accountPrefix: [String]?
        var filePath: String?
        for spec in specs {
            for phrase in spec.phrases {
                switch walk(phrase, spec: spec, done: done, partial: partial) {
                case .words(let ws): for w in ws where !offered.contains(w) { offered.append(w) }
                // The phrase whose own words took most of the line says where the name starts.
                case .account(let words): if accountPrefix == nil || words.count < accountPrefix!.count { accountPrefix = words }
                case .file(let path): filePath = path
                case .none: break
                }
            }
        }
        if let path = filePath {
            let folder = path.contains("/") ? String(path[...path.lastIndex(of: "/")!]) : ""
            let start = String(path.dropFirst(folder.count))
            let found = files(folder).filter { $0.hasPrefix(start) && (!$0.hasPrefix(".") || start.hasPrefix(".")) }.map { folder + $0 }
            if !found.isEmpty { return Completion(replacing: path.unicodeScalars.count, candidates: found.sorted()) }
        }
        if let words = accountPrefix, !(words.isEmpty && done.isEmpty) {
            let typedName = words.joined(separator: " ")
            let key = typedName.comparable
            let total = key.isEmpty && typedName.isEmpty ? try names.countAccounts(startingWith: "") : try names.countAccounts(startingWith: key)
            if total > 0 {
                let hits = try names.accounts(startingWith: key, limit: min(total, limit + 1) * 3)
                var found: [String] = []
                for hit in hits where !found.contains(hit.account.name) { found.append(hit.account.name) }
                let replacing = Self.tailLength(text, words: words.count, endsWithSpace: endsWithSpace)
                if found.count > limit { return Completion(replacing: replacing, candidates: [], total: max(total, found.count)) }
                return Completion(replacing: replacing, candidates: found.sorted())
            }
        }
        // A command's own first word comes first ("sc" → "score", not also "scoring" of "scoring model").
        if done.isEmpty {
            let names = specs.compactMap { $0.phrases.first?.leadingWords.first }.filter { $0.hasPrefix(partial.lowercased()) }
            if !names.isEmpty { offered = Array(Set(names)) }
        }
        return Completion(replacing: partial.unicodeScalars.count, candidates: offered.sorted())
    }

    enum Next {
        case words([String])
        case account([String])
        case file(String)
        case none
    }

    /// What the phrase expects after the words typed so far.
    private func walk(_ phrase: Phrase, spec: CommandSpec, done: [String], partial: String) -> Next {
        var i = 0
        for segment in phrase.segments {
            switch segment {
            case .words(let words):
                for word in words {
                    if i < done.count {
                        guard done[i] == word else { return .none }
                        i += 1
                    } else {
                        return word.hasPrefix(partial.lowercased()) && !(partial.isEmpty && done.isEmpty) ? .words([word]) : .none
                    }
                }
            case .slot(let name):
                switch spec.slots[name]! {
                case .account:
                    return .account(Array(done[i...]) + (partial.isEmpty ? [] : [partial]))
                case .file:
                    return done.count == i ? .file(partial) : .none
                case .choice(let vocabulary):
                    // The longest word of the choice the typed words begin with, then on.
                    let rest = Array(done[i...])
                    let spelled = vocabulary.entries.flatMap(\.words).map { $0.lowercased().split(separator: " ").map(String.init) }
                    if let used = spelled.filter({ $0.count <= rest.count && Array(rest.prefix($0.count)) == $0 }).max(by: { $0.count < $1.count }) {
                        i += used.count
                        continue
                    }
                    let sofar = (rest + [partial]).joined(separator: " ").lowercased().trimmingCharacters(in: .whitespaces)
                    let offer = vocabulary.entries.compactMap { $0.words.first }.filter { $0.lowercased().hasPrefix(sofar) }
                    return offer.isEmpty ? .none : .words(offer)
                default:
                    return .none
                }
            case .options:
                return .none
            }
        }
        return .none
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
