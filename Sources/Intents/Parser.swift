import Workspace

/// Reads a line as a command typed the way it is declared: every phrase of every command is
/// tried, each slot is filled only with words that read as its type, options follow in any
/// order, and the most specific phrase that fits wins. What fits nothing comes back with the
/// most useful thing to say about it.
public struct Parser: Sendable {
    public let specs: [CommandSpec]
    /// Command names and the words they start with, for `help COMMAND`.
    let commands: Vocabulary
    /// `as of DATE` (`截至 DATE`), or a day alone ("yesterday", "on Nov 1"): an option of
    /// every command that only reads.
    static let asOf = [OptionSpec(Request.asOfOption, type: .day(.pastOrWeekday), todayIsDefault: true, "as of {value}", "截至{value}", "截至 {value}",
                                  "as at {value}", "on {value}"),
                       OptionSpec(Request.asOfOption, type: .day(.past), todayIsDefault: true, "{value}")]

    public init(specs: [CommandSpec]) {
        self.specs = specs
        var words: [String: [String]] = [:]
        var order: [String] = []
        for spec in specs {
            order.append(spec.name)
            words[spec.name] = spec.phrases.map { $0.leadingWords.joined(separator: " ") }.filter { !$0.isEmpty }
        }
        commands = Vocabulary("command", entries: order.map { ($0, words[$0] ?? []) })
    }

    /// A line that reads as a command.
    public struct Match: Sendable {
        public var request: Request
        /// The command, by its place in `specs`.
        public var command: Int
        public var phrase: Phrase
        /// Text slots holding a word that starts one of the command's options ("ask the owner
        /// about pricing"): read as text, but a change is not made on such a reading unasked.
        public var textWithOptionWords: Set<String>
        /// Those words ("owner").
        public var optionWordsInText: [String] = []
        /// How specific the phrase is: its own words, then accounts named in full.
        var score: Int
        /// An account read in full where a longer start of another's name was typed: the line reads two ways.
        var rival: (account: (account: AccountRef, start: Int, end: Int), rival: (account: AccountRef, end: Int))?
    }

    /// Why a line fits no phrase: what went wrong furthest into the line.
    public struct Failure: Sendable {
        public enum Kind: Sendable {
            /// A command's words, then nothing or too little for its slots.
            case incomplete
            /// A slot's words read as no value of its type (an unknown account, a bad date).
            case slot
            /// Not a command's words at all.
            case unknown
        }
        public var kind: Kind
        public var message: String
        /// The commands the line started like.
        public var commands: [Int]
        /// How far into the line the best phrase got, in tokens.
        var reached: Int
        /// Words after the command that read as none of its options (less telling than a slot of its own).
        var inOptions = false
        /// The line got past the command's words and a slot of it before it failed ("log Acme champion lft"):
        /// it is that command, mistyped, and no question for another.
        var afterSlot = false
        /// How many values the phrase had read where it failed.
        var valuesRead = 0
        /// Words where the command's phrase wants an account and that name none: the message
        /// ("no account named 'Acmee' — did you mean Acme Corp?") is made from them only when
        /// this failure is what is said, as looking for near names reads every name.
        var unknownName: Range<Int>?
        /// The slot whose words did not read, when it is no account's (a name that reads as none
        /// may be a question's words, a draft kind or a command's may not).
        var slot: String?

        var rank: (Int, Int, Int) { (reached, kind == .slot ? 1 : 0, inOptions ? 0 : 1) }

        /// The line as it reads with the near name in place of the slip, when there is one name.
        var corrected: String?

        /// The failure with its message made.
        func said(_ reader: SlotReader) throws -> Failure {
            guard let words = unknownName, message.isEmpty else { return self }
            var failure = self
            let slip = try reader.nameSlip(words) ?? words
            failure.message = try reader.accountProblem(slip)
            failure.corrected = try reader.corrected(slip)
            return failure
        }
    }

    public enum Outcome: Sendable {
        case empty
        case matched(Match)
        case failed(Failure)
    }

    /// Reads `text` as a declared command.
    public func parse(_ text: String, names: Names, today: Day) throws -> Outcome {
        let line = TokenizedLine(text)
        let (end, json) = Self.stripJSON(line)
        if end == 0 { return .empty }
        let reader = SlotReader(line: line, names: names, today: today, commands: commands)
        switch try parse(line, end: end, json: json, reader: reader) {
        case .failed(let failure): return .failed(try failure.said(reader))
        case let outcome: return outcome
        }
    }

    /// Every phrase of every command the line fits, each once, the most specific first.
    func matches(_ text: String, names: Names, today: Day) throws -> [Match] {
        let line = TokenizedLine(text)
        let (end, json) = Self.stripJSON(line)
        let reader = SlotReader(line: line, names: names, today: today, commands: commands)
        var found: [Match] = []
        for (index, spec) in specs.enumerated() {
            for phrase in spec.phrases {
                let attempt = Attempt(line: line, end: end, reader: reader, spec: spec, phrase: phrase, options: spec.options + (spec.writes ? [] : Parser.asOf))
                if try attempt.run() { found.append(attempt.match(command: index, json: json)) }
            }
        }
        return found.sorted { $0.score > $1.score }
    }

    /// `only`: the one command to read the line as.
    func parse(_ line: TokenizedLine, end: Int, json: Bool, reader: SlotReader, only: Int? = nil) throws -> Outcome {
        var best: Match?
        var failure: Failure?
        for (index, spec) in specs.enumerated() where only.map({ $0 == index }) ?? true {
            let options = spec.options + (spec.writes ? [] : Parser.asOf)
            for phrase in spec.phrases {
                let attempt = Attempt(line: line, end: end, reader: reader, spec: spec, phrase: phrase, options: options)
                if try attempt.run() {
                    let match = attempt.match(command: index, json: json)
                    if best == nil || match.score > best!.score { best = match }
                } else if let f = try attempt.failure(command: index) {
                    // The failure that got furthest, a slot's own before words after the command.
                    if failure == nil || f.rank > failure!.rank { failure = f }
                    else if f.rank == failure!.rank, f.message == failure!.message, f.unknownName == failure!.unknownName { failure!.commands += f.commands.filter { !failure!.commands.contains($0) } }
                }
            }
        }
        if let best {
            // "Pied Pip call went well": Pied in full, or the start of Pied Piper — the CSM says which.
            if let (capture, rival) = best.rival {
                let typed = SlotReader.trimmed(line.text(capture.start..<end))
                let after = { (start: Int) in SlotReader.trimmed(start < end ? line.text(start..<end) : "") }
                let message = "'\(typed.excerpt)' reads two ways: \(rival.account.name) (then '\(after(rival.end).excerpt)') or \(capture.account.name) "
                    + "(then '\(after(capture.end).excerpt)') — type the account's whole name"
                return .failed(Failure(kind: .slot, message: message, commands: [best.command], reached: end, afterSlot: true))
            }
            return .matched(best)
        }
        return .failed(failure ?? Failure(kind: .unknown, message: "", commands: [], reached: 0))
    }

    /// Commands whose first words are a small edit away from the line's first words.
    func nearest(to line: TokenizedLine, end: Int) -> [Int] {
        guard end > 0, line[0].kind == .word else { return [] }
        let first = line[0].key
        let limit = max(1, first.count / 3)
        var scored: [(Int, Int)] = []
        for (index, spec) in specs.enumerated() {
            var best = Int.max
            for phrase in spec.phrases {
                guard let lead = phrase.leadingWords.first else { continue }
                best = min(best, editDistance(first, lead, limit: limit))
            }
            if best <= limit { scored.append((best, index)) }
        }
        return scored.sorted { $0 < $1 }.map(\.1).prefix(3).map { $0 }
    }

    /// Where the command's words end before any `--json` that ends the line.
    static func stripJSON(_ line: TokenizedLine) -> (end: Int, json: Bool) {
        var end = line.count, json = false
        while end > 0 {
            if line[end - 1].key == "--json" { json = true; end -= 1; continue }
            // Punctuation that ends a question is not part of it: "why?", "怎么样？".
            if line[end - 1].kind == .mark, [".", "?", "!", "。", "？", "！", ",", "，", ";", "；"].contains(line[end - 1].key) { end -= 1; continue }
            break
        }
        return (end, json)
    }
}

/// One phrase tried against a line: its segments left to right, each slot filled by the
/// spans that read as its type (best first), options in any order; a place in the phrase
/// that cannot reach the end from a token is remembered, so a long line is read once.
final class Attempt {
    let line: TokenizedLine
    let end: Int
    let reader: SlotReader
    let spec: CommandSpec
    let phrase: Phrase
    let options: [OptionSpec]
    let segments: [Phrase.Segment]

    struct Capture {
        var name: String
        var value: SlotValue
        var range: Range<Int>
        var option: OptionSpec?
        var exactAccount: Bool
        var rival: (account: AccountRef, end: Int)?
    }
    var captures: [Capture] = []
    var words = 0
    /// Options read from a value alone, without a word of their own: each a little less sure.
    var bare = 0
    private var dead = Set<Int>()
    /// The furthest token a slot failed at, and the slot.
    private var stuck: (pos: Int, segment: Int)?
    /// The furthest token where none of the options read, and how many values were read by then.
    private var optionsStuck: Int?
    private var optionsStuckValues = 0
    /// Words free text may not take, and what to say of them: a day that is none ("31 Nov"),
    /// an option's word before a slip of its value ("owner Marcs").
    private var textProblem: (pos: Int, message: String)?
    /// The furthest token the phrase's words reached.
    private var reachedWords = 0
    private var leadingMatched = false

    init(line: TokenizedLine, end: Int, reader: SlotReader, spec: CommandSpec, phrase: Phrase, options: [OptionSpec]) {
        self.line = line
        self.end = end
        self.reader = reader
        self.spec = spec
        self.phrase = phrase
        self.options = options.filter { $0.goes(with: phrase.action) }
        var segments = phrase.segments
        if segments.last != .options { segments.append(.options) }
        self.segments = segments
    }

    func run() throws -> Bool { try step(0, 0) }

    private func step(_ seg: Int, _ pos: Int) throws -> Bool {
        if seg == segments.count { return pos == end }
        let key = seg * (end + 1) + pos
        if dead.contains(key) { return false }
        switch segments[seg] {
        case .words(let w):
            if matches(w, at: pos) {
                words += w.count
                if seg == 0 { leadingMatched = true }
                reachedWords = max(reachedWords, pos + w.count)
                if try step(seg + 1, pos + w.count) { return true }
                words -= w.count
            }
        case .slot(let name):
            let type = phrase.types[name] ?? spec.slots[name]!
            // "what-if: vandelay …", "note Acme — …": a mark before a slot separates.
            if pos < end, line[pos].kind == .mark, [":", "：", "-", "—", "–"].contains(line[pos].key), try step(seg, pos + 1) { return true }
            let next: [String]? = { if seg + 1 < segments.count, case .words(let w) = segments[seg + 1] { return w } else { return nil } }()
            var read = false
            if case .account = type {
                for a in try reader.accounts(from: pos, to: end) where next.map({ matches($0, at: a.end) }) ?? true {
                    read = true
                    captures.append(Capture(name: name, value: .account(a.account), range: pos..<a.end, option: nil, exactAccount: a.exact, rival: a.rival))
                    if try step(seg + 1, a.end) { return true }
                    captures.removeLast()
                }
            } else if case .text = type {
                // Free text, shortest first; its words are read from the line once the phrase fits.
                if pos < end, line[pos].kind == .quoted {
                    if !line[pos].key.isEmpty, next.map({ matches($0, at: pos + 1) }) ?? true {
                        read = true
                        captures.append(Capture(name: name, value: .text(""), range: pos..<(pos + 1), option: nil, exactAccount: false, rival: nil))
                        if try step(seg + 1, pos + 1) { return true }
                        captures.removeLast()
                    }
                } else {
                    var hasWord = false
                    for e in (pos + 1)...max(pos + 1, end) where e <= end {
                        if line[e - 1].kind != .mark { hasWord = true }
                        // Words shaped like a day that is none ("2026-13-01", "31 Nov") are no text: they are said.
                        if let bad = reader.badDate(endingAt: e - 1), bad.start >= pos {
                            if e - 1 >= (textProblem?.pos ?? -1) { textProblem = (e - 1, bad.message) }
                            break
                        }
                        if let slip = try optionSlip(endingAt: e, from: pos) {
                            if e >= (textProblem?.pos ?? -1) { textProblem = (e, slip) }
                            break
                        }
                        guard hasWord, next.map({ matches($0, at: e) }) ?? true else { continue }
                        read = true
                        captures.append(Capture(name: name, value: .text(""), range: pos..<e, option: nil, exactAccount: false, rival: nil))
                        if try step(seg + 1, e) { return true }
                        captures.removeLast()
                    }
                }
            } else {
                for (e, value) in try reader.read(type, from: pos, to: end) where next.map({ matches($0, at: e) }) ?? true {
                    read = true
                    captures.append(Capture(name: name, value: value, range: pos..<e, option: nil, exactAccount: false, rival: nil))
                    if try step(seg + 1, e) { return true }
                    captures.removeLast()
                }
            }
            if !read, pos >= (stuck?.pos ?? -1) { stuck = (pos, seg) }
        case .options:
            // The fewest options, unless text follows: then as many as read ("给Acme加个任务 周五前 …").
            let textFollows: Bool = { if seg + 1 < segments.count, case .slot(let n) = segments[seg + 1], case .text = spec.slots[n] { return true } else { return false } }()
            if !textFollows, try step(seg + 1, pos) { return true }
            // A mark between options, or before the text after them, separates: "给Acme加个任务：周五前 …".
            if pos < end, line[pos].kind == .mark, [":", "：", ",", "，", "-", "—", ";", "；"].contains(line[pos].key), try step(seg, pos + 1) { return true }
            var anyRead = false
            defer { if !anyRead, pos < end, pos >= (optionsStuck ?? -1) { optionsStuck = pos; optionsStuckValues = captures.count } }
            for option in options {
                for pattern in option.patterns {
                    for (e, value, count) in try read(option, pattern, at: pos) where e > pos {
                        anyRead = true
                        if count == 0 { bare += 1 }
                        captures.append(Capture(name: option.name, value: value, range: pos..<e, option: option, exactAccount: false, rival: nil))
                        words += count
                        if try step(seg, e) { return true }
                        words -= count
                        if count == 0 { bare -= 1 }
                        captures.removeLast()
                    }
                }
            }
            if textFollows, try step(seg + 1, pos) { return true }
        }
        dead.insert(key)
        return false
    }

    /// An option's own words ending at `end` ("owner"), then a slip of its value ("Marcs"): what
    /// to say of the slip. Text that took them would keep a typo as words.
    private func optionSlip(endingAt end: Int, from start: Int) throws -> String? {
        guard end < self.end else { return nil }
        for option in options {
            guard let type = option.type else { continue }
            for pattern in option.patterns {
                guard case .words(let w)? = pattern.segments.first, pattern.segments.count > 1, end - w.count >= start,
                      !(w.count == 1 && QuestionWords.filler.contains(w[0])), matches(w, at: end - w.count) else { continue }
                if let problem = try reader.slip(type, at: end) { return problem }
            }
        }
        return nil
    }

    /// The ways an option's pattern reads at `pos`: where it ends, its value, and how many of
    /// its own words it took.
    private func read(_ option: OptionSpec, _ pattern: Phrase, at pos: Int) throws -> [(Int, SlotValue, Int)] {
        var found: [(Int, SlotValue, Int)] = []
        func walk(_ i: Int, _ p: Int, _ value: SlotValue?, _ count: Int) throws {
            if i == pattern.segments.count {
                found.append((p, value ?? .flag, count))
                return
            }
            switch pattern.segments[i] {
            case .words(let w):
                if matches(w, at: p) { try walk(i + 1, p + w.count, value, count + w.count) }
            case .slot:
                let next: [String]? = { if i + 1 < pattern.segments.count, case .words(let w) = pattern.segments[i + 1] { return w } else { return nil } }()
                for (e, v) in try reader.read(option.type!, from: p, to: end) where next.map({ matches($0, at: e) }) ?? true {
                    try walk(i + 1, e, v, count)
                }
            case .options:
                break
            }
        }
        try walk(0, pos, nil, 0)
        return found
    }

    private func matches(_ words: [String], at pos: Int) -> Bool {
        guard pos + words.count <= end else { return false }
        for (i, w) in words.enumerated() where line[pos + i].key != w || line[pos + i].kind == .quoted { return false }
        return true
    }

    func match(command: Int, json: Bool) -> Parser.Match {
        var request = Request(command: spec.name, action: phrase.action, json: json)
        for (name, value) in phrase.fixed { request.values[name] = [value] }
        var exact = 0, texts = 0
        var flagged = Set<String>()
        var optionWords: [String] = []
        let keywords = Set(options.flatMap(\.keywords))
        for var c in captures {
            if case .text("") = c.value, c.option == nil { c.value = .text(SlotReader.trimmed(line.text(c.range))) }
            if let option = c.option, option.isDefault(c.value, today: reader.today) { continue }
            if let option = c.option, option.repeats {
                request.values[c.name, default: []].append(c.value)
            } else {
                request.values[c.name] = [c.value]
            }
            if c.exactAccount { exact += 1 }
            if case .text = c.value, c.option == nil {
                texts += c.range.count
                if line[c.range.lowerBound].kind != .quoted {
                    let found = c.range.filter { keywords.contains(line[$0].key) }.map { line[$0].key }
                    if !found.isEmpty { flagged.insert(c.name) }
                    optionWords += found.filter { !optionWords.contains($0) }
                }
            }
        }
        let rival = captures.lazy.compactMap { c -> ((account: AccountRef, start: Int, end: Int), (account: AccountRef, end: Int))? in
            guard let r = c.rival, case .account(let a) = c.value else { return nil }
            return ((a, c.range.lowerBound, c.range.upperBound), r)
        }.first
        let leading = phrase.leadingWords.isEmpty ? 0 : 1
        let score = leading * 100_000 + words * 1_000 + exact * 100 - bare - min(texts, 9) * 2
        return Parser.Match(request: request, command: command, phrase: phrase, textWithOptionWords: flagged, optionWordsInText: optionWords,
                            score: score, rival: rival.map { (account: $0.0, rival: $0.1) })
    }

    /// Why the phrase did not fit, if it got anywhere: its first words matched, or, for a
    /// phrase that starts with a name, the words after the name are in the line.
    func failure(command: Int) throws -> Parser.Failure? {
        if !leadingMatched {
            guard phrase.leadingWords.isEmpty, let (pos, seg) = stuck, seg == 0, segments.count > 1, case .words(let w) = segments[1],
                  (pos..<end).contains(where: { matches(w, at: $0) }) else { return nil }
        }
        if let (at, message) = textProblem {
            return Parser.Failure(kind: .slot, message: message, commands: [command], reached: max(at, reachedWords), afterSlot: leadingMatched)
        }
        if let at = optionsStuck, at > (stuck?.pos ?? -1), at >= reachedWords {
            let (message, optionTyped) = try optionsProblem(at..<end)
            // An option's own word typed ("over lots") says as much as a slot of the phrase.
            return Parser.Failure(kind: message.isEmpty ? .unknown : .slot, message: message, commands: [command], reached: at, inOptions: !optionTyped,
                                  afterSlot: leadingMatched && optionTyped, valuesRead: optionsStuckValues)
        }
        guard let (pos, seg) = stuck, case .slot(let name) = segments[seg] else {
            return Parser.Failure(kind: .incomplete, message: "usage: \(spec.usage)", commands: [command], reached: reachedWords)
        }
        if pos >= end { return Parser.Failure(kind: .incomplete, message: "usage: \(spec.usage)", commands: [command], reached: pos) }
        // The slot's words: to the phrase's next words, or the end; before another slot, no more than its type takes.
        var stop = end
        if seg + 1 < segments.count, case .words(let w) = segments[seg + 1] {
            stop = (pos..<end).first { matches(w, at: $0) } ?? end
        } else if seg + 1 < segments.count, case .slot = segments[seg + 1], let longest = Optional((phrase.types[name] ?? spec.slots[name]!).longest), longest < .max {
            stop = min(stop, pos + longest)
        }
        let type = phrase.types[name] ?? spec.slots[name]!
        let words = pos..<max(stop, pos + 1)
        // A name that reads as none may be a question's words ("write the recap for the Stark QBR"); any other value is a typo.
        if type.isAccount {
            return Parser.Failure(kind: .slot, message: "", commands: [command], reached: pos, unknownName: words)
        }
        return Parser.Failure(kind: .slot, message: try problem(type, words), commands: [command], reached: pos,
                              afterSlot: leadingMatched && pos > phrase.leadingWords.count, slot: name)
    }

    /// What to say of words after a command that read as none of its options: the problem of
    /// the one option they could be (a value alone, or one whose words they start with).
    private func optionsProblem(_ range: Range<Int>) throws -> (message: String, optionTyped: Bool) {
        let typed = SlotReader.trimmed(line.text(range))
        for option in options {
            for pattern in option.patterns {
                // Its own words ("untouched for", "over"), or one every sentence has ("for", "by") when no more
                // than a value follows it ("for Zed", not "for the people in the west").
                guard let type = option.type, case .words(let w)? = pattern.segments.first, matches(w, at: range.lowerBound),
                      !(w.count == 1 && QuestionWords.filler.contains(w[0]) && range.count - 1 > type.longest) else { continue }
                // "untouched for" with nothing after it: what it takes.
                if range.lowerBound + w.count >= end {
                    return ("'\(line.text(range.lowerBound..<(range.lowerBound + 1)))' takes \(type.described): '\(pattern.text.replacingOccurrences(of: "{value}", with: type.example))'", true)
                }
                return (try problem(type, (range.lowerBound + w.count)..<end), true)
            }
        }
        // A slip in the command's own words: "list acounts" — did you mean 'list accounts'?
        let first = line[range.lowerBound].key
        if first.count >= 4, let phrase = spec.phrases.first(where: { p in p.segments.contains { if case .words(let w) = $0 { return w.contains { $0.count >= 4 && editDistance(first, $0, limit: 2) == 1 } } else { return false } } }) {
            return ("'\(typed.excerpt)' — did you mean '\(spec.words(for: Request(command: spec.name, action: phrase.action)))'?", false)
        }
        // A value alone is what a few words after the command are ("today Zed"); a sentence is no value.
        let bare = options.filter { o in o.type != nil && o.patterns.contains { $0.leadingWords.isEmpty } && o.name != Request.asOfOption }
        if bare.count == 1, let type = bare[0].type { return (range.count <= type.longest ? try problem(type, range) : "", false) }
        return (spec.optionsHelp.map { "'\(typed.excerpt)' — \($0)" } ?? "'\(typed.excerpt)' — usage: \(spec.usage)", false)
    }

    /// What to say of words that do not read as a slot's type.
    private func problem(_ type: SlotType, _ range: Range<Int>) throws -> String {
        let typed = SlotReader.trimmed(line.text(range))
        switch type {
        case .account:
            return try reader.accountProblem(reader.nameSlip(range) ?? range)
        case .number: return "'\(typed.excerpt)' is not a number — use the number the list shows, as in 3"
        case .day(.ahead):
            return SpokenDate.impossible(reader.words(range), today: reader.today)
                ?? "'\(typed.excerpt)' is not a day ahead: write 2026-12-01, tomorrow, friday, next friday, in 3 days or 20 Dec"
        case .day: return SpokenDate.impossible(reader.words(range), today: reader.today) ?? SpokenDate.notADate(typed.excerpt)
        case .period:
            do { _ = try SpokenPeriod.read(reader.words(range), today: reader.today) } catch let p as SpokenPeriod.Problem { return p.message }
            return "'\(typed.excerpt)' is not a period"
        case .money:
            let number = typed.filter { !"$kKmM".contains($0) }
            if number.contains(","), Money.ungrouped(number) == nil { return Money.misplacedComma(typed.excerpt) }
            return "'\(typed.excerpt)' is not an amount: write dollars, e.g. 10000, $10,000 or 10k"
        case .days, .weeks: return "'\(typed.excerpt)' is not a number of days: write 60, 60 days or 2 weeks"
        case .until: return "'\(typed.excerpt)' is not a day ahead: write a date, a month (March) or the end of the year"
        case .csm, .owner:
            return try reader.csmProblem(typed)
        case .person:
            return "no one named '\(typed.excerpt)' — name a CSM or a contact"
        case .choice(let v):
            // The words a choice could be, and the nearest of its words when they are a slip of one.
            let words = v.entries.map { $0.words.first ?? $0.code }
            var said = SlotReader.trimmed(line.text(range.lowerBound..<(range.lowerBound + 1))), near: String?
            for n in 1...min(range.count, v.longest) {
                let s = SlotReader.trimmed(line.text(range.lowerBound..<(range.lowerBound + n)))
                if let w = words.first(where: { editDistance(s.lowercased(), $0.lowercased(), limit: 2) <= max(1, min(2, s.count / 4)) }) {
                    (said, near) = (s, w)
                    break
                }
            }
            return "'\(said.excerpt)' is not \(Vocabulary.article(v.name)) \(v.name)" + (near.map { " (did you mean \($0)?)" } ?? "")
                + " — use " + (v.hint ?? words.joined(separator: ", "))
        case .metric, .setting:
            return "'\(line.text(range.lowerBound..<(range.lowerBound + 1)).excerpt)' is not a metric to change — try nps, dau, features, hours, meetings attended, plan, arr …"
        case .command: return "no command '\(typed.excerpt)' — type 'help' for the list"
        case .text, .file: return "usage: \(spec.usage)"
        }
    }
}
