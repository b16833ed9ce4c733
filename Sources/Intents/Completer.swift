import Workspace

/// Tab completion: the next command word, an account name where a phrase expects one
/// (after the command's keywords, as in "draft qbr recap Ac"), or a file name where it
/// expects a path.
public struct Completer: Sendable {
    public struct Completion: Equatable, Sendable {
        /// Characters before the cursor that the completion replaces.
        public var replacing: Int
        public var candidates: [String]
    }

    let specs: [CommandSpec]

    public init(specs: [CommandSpec]) { self.specs = specs }

    /// `files` lists the entries of a folder as typed ("" for the working folder), folders
    /// ending in "/"; it is the only thing that reaches the file system.
    public func complete(_ text: String, accounts: [String], files: (String) -> [String] = { _ in [] }) -> Completion {
        let endsWithSpace = text.last?.isWhitespace ?? true
        let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        let partial = endsWithSpace ? "" : (words.last ?? "")
        let before = (endsWithSpace ? words : Array(words.dropLast())).map { $0.lowercased() }
        let keys = accounts.map(\.comparable)

        var names: [String] = []
        var replacing = 0
        for spec in specs {
            for phrase in spec.phrases {
                guard let slot = phrase.firstSlot else { continue }
                let lead = phrase.leadingWords
                guard before.count >= lead.count, Array(before.prefix(lead.count)) == lead else { continue }
                var typedWords = Array(words.dropFirst(lead.count))
                // A file name after "import": "import tr" → "import transcripts/".
                if spec.fileSlots.contains(slot) {
                    guard typedWords.count <= 1 else { continue }
                    let path = typedWords.first ?? ""
                    let folder = path.contains("/") ? String(path[...path.lastIndex(of: "/")!]) : ""
                    let start = String(path.dropFirst(folder.count))
                    let found = files(folder).filter { $0.hasPrefix(start) && (!$0.hasPrefix(".") || start.hasPrefix(".")) }.map { folder + $0 }
                    if !found.isEmpty { return Completion(replacing: path.unicodeScalars.count, candidates: found.sorted()) }
                    continue
                }
                guard spec.accountSlots.contains(slot) else { continue }
                // The slot's keywords come first: "draft q" → "qbr recap", then "draft qbr recap Ac" → "Acme Corp".
                if let keywords = spec.keywords[slot] {
                    let done = (endsWithSpace ? typedWords : typedWords.dropLast()).map { $0.lowercased() }
                    if let keyword = keywords.map({ $0.split(separator: " ").map(String.init) })
                        .filter({ $0.count <= done.count && Array(done.prefix($0.count)) == $0 }).max(by: { $0.count < $1.count }) {
                        typedWords.removeFirst(keyword.count)
                    } else {
                        let typed = typedWords.joined(separator: " ").lowercased()
                        let offered = keywords.filter { $0.hasPrefix(typed) }
                        guard !offered.isEmpty else { continue }
                        return Completion(replacing: Self.tailLength(text, words: typedWords.count, endsWithSpace: endsWithSpace), candidates: offered.sorted())
                    }
                }
                let typed = typedWords.joined(separator: " ")
                let key = typed.comparable
                if typed.isEmpty && !endsWithSpace { continue }
                let found = accounts.indices.filter { key.isEmpty || keys[$0].hasPrefix(key) }.map { accounts[$0] }
                guard !found.isEmpty else { continue }
                for name in found where !names.contains(name) { names.append(name) }
                replacing = max(replacing, Self.tailLength(text, words: typedWords.count, endsWithSpace: endsWithSpace))
            }
        }
        if !names.isEmpty && !before.isEmpty {
            return Completion(replacing: replacing, candidates: names.sorted())
        }
        if partial.isEmpty { names = [] }

        // The next literal word of a command: a command's own name first ("sc" → "score",
        // not also "scoring" of "scoring model"), other phrasings when no name fits.
        func next(_ phrases: [Phrase]) -> [String] {
            var found: [String] = []
            for phrase in phrases {
                let lead = phrase.leadingWords
                guard lead.count > before.count, Array(lead.prefix(before.count)) == before else { continue }
                let word = lead[before.count]
                if word.hasPrefix(partial.lowercased()) && !found.contains(word) { found.append(word) }
            }
            return found
        }
        var offered = next(specs.map { $0.phrases[0] })
        if offered.isEmpty { offered = next(specs.flatMap(\.phrases)) }
        // At the start of a line a name may come first ("Acme的评分").
        return Completion(replacing: partial.unicodeScalars.count, candidates: offered.sorted() + names.sorted())
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
