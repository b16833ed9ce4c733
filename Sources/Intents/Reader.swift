import Workspace

/// Reads a line once: as a command typed the way it is declared, else as a question (the
/// natural reader), else as a follow-up on the answer in focus. What comes out is a typed
/// request and how it was taken — the words of the command it stands for, said back when
/// they differ from what was typed, and whether a change made on it would be a guess.
public struct Reader: Sendable {
    public let parser: Parser
    let natural: NaturalReader

    public init(specs: [CommandSpec]) {
        parser = Parser(specs: specs)
        natural = NaturalReader(specs: specs)
    }

    public var specs: [CommandSpec] { parser.specs }

    public struct Reading: Sendable {
        public enum How: Equatable, Sendable {
            /// As declared: nothing to say back.
            case typed
            /// A question read as a command: "→ churn risk Hooli".
            case rephrased
            /// Goes on from the answer in focus: "→ why Acme Corp".
            case followUp
        }
        public var request: Request
        /// The command, by its place in `specs`.
        public var command: Int
        public var how: How
        /// The command as it would be typed.
        public var words: String
        /// A change made on this reading would be a guess: it is asked about first.
        public var isGuess: Bool
        /// Why, when the words typed were a command's: "'owner' is not followed by a person here".
        public var guess: String?
        /// Words of the question that said something this reading leaves out — a number, an
        /// amount, a name ("over 5k", "Dana") — said beside how it was taken.
        public var unread: [String] = []
    }

    public enum Outcome: Sendable {
        case empty
        case reading(Reading)
        /// Two readings as good as each other: both are said, neither is run.
        case ambiguous([Reading])
        /// Nothing to run; what to say, and the commands the line came closest to.
        case failed(message: String, near: [Int], json: Bool)
        /// A name that is a slip of one account's: the question, and the line with that name,
        /// which a "yes" runs.
        case suggested(message: String, line: String, json: Bool)
    }

    /// The least a question must say for a command to be taken from it.
    static let enough = 2.0
    /// Readings this close are as good as each other.
    static let tie = 0.5

    public func read(_ text: String, names: Names, today: Day, focus: Focus = Focus()) throws -> Outcome {
        let line = TokenizedLine(text)
        let (end, json) = Parser.stripJSON(line)
        if end == 0 { return .empty }
        let slots = SlotReader(line: line, names: names, today: today, commands: parser.commands)
        var failure: Parser.Failure?
        switch try parser.parse(line, end: end, json: json, reader: slots) {
        case .empty: return .empty
        case .matched(var match):
            let spec = specs[match.command]
            // "alerts?" just after an answer about an account asks it of that account.
            if let account = focus.account, focus.last?.hasAccount == true, !match.request.hasAccount,
               let slot = spec.accountSlots.first, spec.natural.contains(where: { $0.subject == .bookOrAccount }),
               Set(match.request.values.keys).subtracting([Request.asOfOption]).isEmpty,
               let last = line.tokens.last, ["?", "？", "吗", "呢"].contains(last.key) {
                match.request.values[slot] = [.account(account)]
                let words = try self.words(for: match.request, names: names, today: today)
                return .reading(Reading(request: match.request, command: match.command, how: .followUp, words: words, isGuess: false))
            }
            let words = try self.words(for: match.request, names: names, today: today, quoting: match.textWithOptionWords)
            // Another way of saying the command is said back as the command: "Hooli的评分" → score Hooli.
            let how: Reading.How = spec.phrase(for: match.request).sameWords(as: match.phrase) ? .typed : .rephrased
            let reasons = match.optionWordsInText.compactMap { word -> String? in
                guard let option = spec.options.first(where: { $0.keywords.contains(word) }), let type = option.type else { return nil }
                return "'\(word)' is not followed by \(type.described)"
            }
            return .reading(Reading(request: match.request, command: match.command, how: how, words: words,
                                    isGuess: spec.writes && !match.textWithOptionWords.isEmpty,
                                    guess: reasons.isEmpty ? nil : reasons.joined(separator: ", ") + ", so it is read as text"))
        case .failed(let f):
            failure = f
        }
        let candidates = try natural.read(line, end: end, json: json, reader: slots, focus: focus)
        // A reading holds all that one phrasing of its action holds ("merge A into B" needs both).
        var runnable = candidates.filter { c in
            !c.missingAccount && specs[c.command].phrases.contains { $0.action == c.request.action && $0.holds.isSubset(of: c.request.values.keys) }
        }
        // A command typed with a value it cannot read is told what is wrong ("list accounts untouched",
        // "backtest foo"), not answered as if the words were not there; one typed without all it needs
        // ("export qbr Acme") is no question for another command.
        if let failure, failure.kind == .slot, failure.reached > 0 {
            try runnable.removeAll { c in
                // The same command read as a question, but only by leaving out the words it could not read
                // ("backtest foo", "draft a memo Acme", "help frobnicate").
                let ignoring = failure.commands.contains(c.command) && (failure.inOptions
                    ? c.unexplained.contains { $0 >= failure.reached } && c.request.values.keys.filter { $0 != Request.asOfOption }.count <= failure.valuesRead
                    : failure.slot.map { !c.slotsRead.contains($0) } ?? false && c.unexplained.contains { $0 >= failure.reached })
                // "set Acmee nps 50" is not a change to the account in focus, nor "account rename Bluthe
                // Company to …" a change to another account whose name the line holds: a slip of a name is said.
                let slip = try (c.followUp || specs[c.command].writes) && failure.commands.contains(c.command) && failure.unknownName.map { try slots.nameSlip($0) != nil } ?? false
                return try failure.afterSlot || ignoring || slip
            }
        }
        if let failure, failure.kind == .incomplete, failure.reached > 0 {
            runnable.removeAll { !failure.commands.contains($0.command) }
        }
        // A command's words alone, the account in focus the one thing missing ("timeline", "score"): that account's.
        let bare = failure.map { f in f.kind == .incomplete && f.reached >= end && runnable.first.map { f.commands.contains($0.command) && $0.followUp } == true } ?? false
        if let best = runnable.first, best.score >= Reader.enough || bare {
            func reading(_ c: NaturalReader.Candidate) throws -> Reading {
                var r = Reading(request: c.request, command: c.command, how: c.followUp ? .followUp : .rephrased,
                                words: try words(for: c.request, names: names, today: today), isGuess: specs[c.command].writes)
                r.unread = Reader.unread(c.unexplained, in: line)
                return r
            }
            let rivals = runnable.dropFirst().filter { best.score - $0.score < Reader.tie && $0.request != best.request }
            if !rivals.isEmpty { return .ambiguous(try ([best] + rivals.prefix(2)).map(reading)) }
            return .reading(try reading(best))
        }
        // Nothing to run: the most useful thing to say. A question that needs an account and names
        // none ("show the timeline", "why did it drop") is asked which, unless its words are a slip
        // of a name ("set Acmee nps 50").
        let wanting = candidates.first { $0.missingAccount && $0.score >= Reader.enough }
        if let wanting, wanting.unexplained.isEmpty, try failure?.unknownName.map({ try slots.nameSlip($0) == nil }) ?? true {
            return .failed(message: "which account? — '\(specs[wanting.command].usage)'", near: [wanting.command], json: json)
        }
        if let failure = try failure?.said(slots), failure.kind != .unknown, failure.reached > 0 || failure.kind == .slot {
            let message = failure.kind == .incomplete ? "'\(SlotReader.trimmed(line.text(0..<end)).excerpt)' is incomplete — \(failure.message)" : failure.message
            if let corrected = failure.corrected { return .suggested(message: message, line: corrected, json: json) }
            return .failed(message: message, near: failure.commands, json: json)
        }
        if let wanting, let first = wanting.unexplained.first {
            // The words that name no account: "how is Acmee doing" — did you mean Acme Corp?
            let range = first..<(wanting.unexplained.last! + 1)
            let slip = try slots.nameSlip(range) ?? range
            if let corrected = try slots.corrected(slip) { return .suggested(message: try slots.accountProblem(slip), line: corrected, json: json) }
            return .failed(message: try slots.accountProblem(range), near: [wanting.command], json: json)
        }
        var near: [Int] = []
        for c in candidates where !near.contains(c.command) { near.append(c.command) }
        if near.isEmpty { near = parser.nearest(to: line, end: end) }
        return .failed(message: "", near: Array(near.prefix(3)), json: json)
    }

    /// Every reading of a line as a question, scored, one a line: what tuning the cues looks at.
    func explain(_ text: String, names: Names, today: Day, focus: Focus) throws -> String {
        let line = TokenizedLine(text)
        let (end, json) = Parser.stripJSON(line)
        let slots = SlotReader(line: line, names: names, today: today, commands: parser.commands)
        var exact = try parser.matches(text, names: names, today: today).map { "typed \($0.score) '\($0.phrase.text)' " + specs[$0.command].words(for: $0.request) }
        if case .failed(let f) = try parser.parse(line, end: end, json: json, reader: slots) { exact.append("failed \(f)") }
        return try exact.joined(separator: "\n") + "\n" + natural.read(line, end: end, json: json, reader: slots, focus: focus).map { c in
            String(format: "%5.2f ", c.score) + specs[c.command].words(for: c.request) + (c.followUp ? " (follow-up)" : "")
                + (c.missingAccount ? " (no account)" : "") + (c.unexplained.isEmpty ? "" : " unexplained: " + c.unexplained.map { line[$0].key }.joined(separator: " "))
        }.joined(separator: "\n")
    }

    /// The runs of words a reading left out that hold a value — a number, an amount, a name
    /// written with a capital after the first word — each from its first to its last word left
    /// out ("haven't we talked to in over 3 weeks"). Other words left out ("looking") said nothing.
    static func unread(_ left: [Int], in line: TokenizedLine) -> [String] {
        var runs: [[Int]] = []
        for i in left {
            // Words left out a few apart, with the question's own words between, are one run.
            if let last = runs.last?.last, i - last <= 3 { runs[runs.count - 1].append(i) } else { runs.append([i]) }
        }
        return runs.filter { run in
            run.contains { i in
                let token = line[i], typed = line.text(i..<(i + 1))
                guard token.kind == .word else { return false }
                return typed.contains(where: \.isNumber) || typed.hasPrefix("$") || (i > 0 && typed.first?.isUppercase == true && typed != "I")
            }
        }.map { SlotReader.trimmed(line.text($0.first!..<($0.last! + 1))) }
    }

    /// A line as an error quotes it: without the punctuation around it.
    public static func shown(_ line: String) -> String { SlotReader.trimmed(line).excerpt }

    /// The command a request stands for, as a CSM would type it; free text in quotes where
    /// it holds words the command would otherwise read as its options.
    public func words(for request: Request, names: Names, today: Day, quoting: Set<String> = []) throws -> String {
        guard let index = specs.firstIndex(where: { $0.name == request.command }) else { return request.command }
        let spec = specs[index]
        let texts = Set(request.values.compactMap { key, values -> String? in
            if case .text? = values.last { return key } else { return nil }
        })
        let plain = spec.words(for: request, quoting: quoting)
        guard quoting.isEmpty, !texts.isEmpty else { return plain }
        let line = TokenizedLine(plain)
        let (end, json) = Parser.stripJSON(line)
        let slots = SlotReader(line: line, names: names, today: today, commands: parser.commands)
        if case .matched(let m) = try parser.parse(line, end: end, json: json, reader: slots, only: index), m.request.values == request.values, m.textWithOptionWords.isEmpty {
            return plain
        }
        return spec.words(for: request, quoting: texts)
    }
}
