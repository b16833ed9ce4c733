import Workspace

/// Reads a question that is not typed as a command: finds what it is about wherever it
/// stands (an account, a CSM, a date, a tier, a draft kind — the command's own slots and
/// options, read anywhere in the line), what it asks (each command's cue words, weighted),
/// and makes the same typed request the command would. Free text of a change is what is
/// left once those are taken out ("remind me to send Globex the deck by Friday" → task add
/// Globex "send the deck" due Friday). A line that names only an account, a filter, a
/// number or a date goes on from an answer in focus.
struct NaturalReader {
    let specs: [CommandSpec]
    let options: [[OptionSpec]]
    /// Every word of the commands' phrases, options and cues, and the question words.
    let vocabulary: Set<String>
    /// The words of a question that mean nothing to a reading, as token keys ("一下" is 一, 下).
    let fillers: [[String]]
    let goingBack: [[String]]
    let bookWords: [[String]]
    let questionWords: [[String]]
    let connectors: [[String]]

    init(specs: [CommandSpec]) {
        self.specs = specs
        options = specs.map { $0.options + ($0.writes ? [] : Parser.asOf) }
        vocabulary = Self.vocabulary(specs)
        func keys(_ words: Set<String>) -> [[String]] { words.map { TokenizedLine($0).tokens.map(\.key) }.filter { !$0.isEmpty }.sorted { $0.count > $1.count } }
        fillers = keys(QuestionWords.filler.union(QuestionWords.followUp).union(QuestionWords.pronouns))
        goingBack = keys(QuestionWords.goingBack)
        bookWords = keys(QuestionWords.bookWords)
        questionWords = keys(QuestionWords.questionWords)
        connectors = keys(QuestionWords.connectors)
    }

    /// The tokens of the line that one of these words or phrases covers.
    static func covered(by phrases: [[String]], in line: TokenizedLine, end: Int) -> Set<Int> {
        var covered = Set<Int>()
        for start in 0..<end {
            for p in phrases where start + p.count <= end && (0..<p.count).allSatisfy({ line[start + $0].key == p[$0] }) {
                covered.formUnion(start..<(start + p.count))
            }
        }
        return covered
    }

    /// A question longer than this is no question: it is not read as one.
    static let longest = 64

    /// One way of reading the question, scored.
    struct Candidate {
        var request: Request
        var command: Int
        var score: Double
        /// Goes on from the answer in focus (its account, its list).
        var followUp: Bool
        /// The command needs an account and the line names none (and none is in focus).
        var missingAccount: Bool
        /// What the line says that the reading leaves unexplained.
        var unexplained: [Int]
        /// The phrase's slots read from the line's words (not fixed by the phrase, not from the focus).
        var slotsRead: Set<String> = []
        /// How much the line says this command by its words, its options and its slots.
        var said: Double = 0
    }

    /// What a line holds, found once for every command's reading of it.
    struct Scan {
        var line: TokenizedLine
        var end: Int
        var json: Bool
        var spots: [AccountSpotter.Spot]
        var accounts: [AccountRef]
        var accountTokens: Set<Int>
        /// A word points at the account in focus: "it", "its", "这个客户".
        var pointsAtFocus: Bool
        /// The line asks something: a question mark, a question word.
        var isQuestion: Bool
        /// The line is a few words on from the last answer ("alerts?", "有告警吗"): a command
        /// that may take an account takes the one in focus.
        var isShort: Bool
        /// The line goes back to an answer ("only", "just", "back to the list", "which of these", "只看").
        var goesBack: Bool
        /// The line asks about the book ("how is my book doing?"): the account in focus is not its subject.
        var namesTheBook: Bool
        /// The tokens that mean nothing to a reading: filler, pronouns, follow-up words, marks.
        var explained: Set<Int>
    }

    /// The readings of the line, best first; the caller decides whether the best is good enough.
    func read(_ line: TokenizedLine, end: Int, json: Bool, reader: SlotReader, focus: Focus) throws -> [Candidate] {
        guard end <= NaturalReader.longest else { return [] }
        let spots = try AccountSpotter(line: line, end: end, names: reader.names, vocabulary: vocabulary).spots()
        var accountTokens = Set<Int>()
        for s in spots { accountTokens.formUnion(s.range) }
        let words = (0..<end).filter { line[$0].kind != .mark }
        let length = words.filter { line[$0].kind != .han }.count + (words.filter { line[$0].kind == .han }.count + 1) / 2
        let explained = Self.covered(by: fillers, in: line, end: end).union((0..<end).filter { line[$0].kind == .mark })
        let asking = Self.covered(by: questionWords, in: line, end: end)
        let firstWord = words.first.map { line[$0].key }
        let scan = Scan(line: line, end: end, json: json, spots: spots,
                        accounts: spots.reduce(into: [AccountRef]()) { if !$0.contains($1.account) { $0.append($1.account) } },
                        accountTokens: accountTokens,
                        pointsAtFocus: focus.account != nil && (0..<end).contains { QuestionWords.pronouns.contains(line[$0].key) },
                        isQuestion: line.tokens.contains { $0.key == "?" || $0.key == "？" } || firstWord.map(QuestionWords.askingFirst.contains) == true
                            || asking.contains { line[$0].kind == .han },
                        isShort: length <= 4 && Self.covered(by: bookWords, in: line, end: end).isEmpty,
                        goesBack: !Self.covered(by: goingBack, in: line, end: end).isEmpty,
                        namesTheBook: (0..<end).contains { ["book", "portfolio", "整个book"].contains(line[$0].key) },
                        explained: explained)
        // Every command's cue words in the line, found once: a slot is no cue where another command's words stand.
        var cuesOf: [Int: [CueHit]] = [:]
        var key = 0
        for spec in specs { for natural in spec.natural { cuesOf[key] = findCues(natural.cues, in: line, end: end, avoiding: accountTokens); key += 1 } }
        var candidates: [Candidate] = []
        key = 0
        for (index, spec) in specs.enumerated() {
            for natural in spec.natural {
                let cues = cuesOf[key]!
                key += 1
                var othersCues = Set<Int>()
                for (k, hits) in cuesOf where k != key - 1 && !(specs.indices.contains(index) && hits.isEmpty) { for h in hits { othersCues.formUnion(h.range) } }
                let cueScore = cues.reduce(0.0) { $0 + $1.weight }
                // A command that its options or a slot can ask for alone ("P0 accounts for Dana", "Soylent mentioned a competitor").
                guard cueScore > 0 || natural.optionWeight >= 1 || !natural.slotCues.isEmpty else { continue }
                // A change is read only from a line that says it, never from a question.
                if spec.writes, scan.isQuestion { continue }
                var used = accountTokens
                for c in cues { used.formUnion(c.range) }
                if var c = try build(index, spec: spec, natural: natural, scan: scan, reader: reader, focus: focus, used: used, cueScore: cueScore,
                                     othersCues: othersCues) {
                    if spec.writes && c.said < 3 { continue }
                    if let last = focus.last?.command, natural.after.contains(last) { c.score += 1.5 }
                    candidates.append(c)
                }
            }
        }
        let cued = candidates.contains { $0.said > 0 }
        // A line that names an account and nothing else asks the last question of it ("and Acme?", "那Acme呢").
        if scan.accounts.count == 1 {
            let rest = (0..<end).filter { !accountTokens.contains($0) && !scan.explained.contains($0) }
            if rest.isEmpty, var c = repeatLast(for: scan.accounts[0], focus: focus, json: json) {
                if cued { c.score -= 1 }
                candidates.append(c)
            }
        }
        // A line of filters, an order, a number or a date refines an answer in focus ("sort by ARR", "make it 90").
        for (age, last) in focus.history.reversed().enumerated() where age < 5 {
            guard let index = specs.firstIndex(where: { $0.name == last.command }) else { continue }
            if var c = try refine(last, index: index, scan: scan, reader: reader) {
                c.score -= 0.25 * Double(age)
                if scan.goesBack { c.score += 1.5 }
                candidates.append(c)
                break
            }
        }
        return candidates.sorted { $0.score > $1.score }
    }

    // MARK: reading one command

    private func build(_ index: Int, spec: CommandSpec, natural: Natural, scan: Scan, reader: SlotReader, focus: Focus,
                       used initial: Set<Int>, cueScore: Double, othersCues: Set<Int>) throws -> Candidate? {
        let line = scan.line, end = scan.end
        var used = initial
        var request = Request(command: spec.name, action: natural.action, json: scan.json)
        var score = cueScore
        var followUp = false
        var optionsFound = 0
        let wantsAccount = natural.subject == .account
            || (natural.subject == .bookOrAccount && (!scan.accounts.isEmpty || (focus.account != nil && (scan.pointsAtFocus || scan.isShort && focus.last?.hasAccount == true))))
        // The phrase of the action that the line fills most: its typed slots found anywhere in what is left.
        var fillable: [(phrase: Phrase, values: [String: SlotValue], used: Set<Int>, text: String?, spans: [String: Range<Int>])] = []
        for phrase in spec.phrases where phrase.action == natural.action && phrase.hasAccount(in: spec) == wantsAccount {
            var values = phrase.fixed, taken = used, text: String?, fits = true, spans: [String: Range<Int>] = [:]
            for slot in phrase.slots {
                let type = phrase.types[slot] ?? spec.slots[slot]!
                switch type {
                case .account: continue
                case .text:
                    guard spec.writes else { fits = false; break }
                    text = slot
                case .file:
                    // A file is named by a command, not found in a question.
                    fits = false
                default:
                    guard let (range, value) = try Self.find(type, in: line, end: end, reader: reader, avoiding: taken) else { fits = false; break }
                    values[slot] = value
                    spans[slot] = range
                    taken.formUnion(range)
                }
                if !fits { break }
            }
            guard fits else { continue }
            fillable.append((phrase, values, taken, text, spans))
        }
        // More of the line read into slots is better.
        guard let most = fillable.map(\.values.count).max() else { return nil }
        fillable.removeAll { $0.values.count < most }
        var best = fillable[0]
        for (name, value) in best.values { request.values[name] = [value] }
        score += Double(best.values.count - best.phrase.fixed.count)
        used = best.used
        // Options, anywhere but on a name or the phrase's slots, longest first (a cue's words may be an option too: "overdue").
        let taken = scan.accountTokens.union(best.used.subtracting(initial))
        for (option, range, value) in try findOptions(options[index].filter { $0.goes(with: natural.action) }, in: line, end: end, reader: reader, avoiding: taken) {
            used.formUnion(range)
            guard let value else { continue }
            if option.repeats { request.values[option.name, default: []].append(value) } else { request.values[option.name] = [value] }
            if option.name != Request.asOfOption {
                score += natural.optionWeight
                optionsFound += 1
            }
        }
        // A change whose line says more than its slots and options takes the rest as its text; one that says no more has none.
        let saysMore = (0..<end).contains { !used.contains($0) && !scan.explained.contains($0) }
        if let fit = fillable.first(where: { ($0.text != nil) == saysMore }) { best = fit }
        // Options alone ask for a command only when there are two ("at risk and renewing in 90 days").
        if cueScore == 0 && natural.slotCues.isEmpty && optionsFound < 2 { return nil }

        // A slot says the command when it is said in words of its own ("mentioned a competitor"), not in one word
        // ("email") or in another command's words ("quarterly business review" asks for QBR prep).
        let slotCue = natural.slotCues.filter { cue in
            guard let range = best.spans[cue.key] else { return false }
            return range.count >= (line[range.lowerBound].kind == .han ? 3 : 2) && range.filter(othersCues.contains).count * 2 < range.count
        }.map(\.value).max() ?? 0
        if cueScore == 0 && optionsFound == 0 && slotCue == 0 { return nil }
        score += slotCue
        var missingAccount = false
        var slotsRead = Set(best.spans.keys)
        if let slot = best.phrase.slots.first(where: { (best.phrase.types[$0] ?? spec.slots[$0]!).isAccount }) {
            if !scan.accounts.isEmpty { slotsRead.insert(slot) }
            if scan.accounts.count == 1 {
                request.values[slot] = [.account(scan.accounts[0])]
                score += 1
            } else if scan.accounts.count > 1 {
                request.values[slot] = [.account(scan.accounts[0])]
                score -= 1
            } else if let account = focus.account, !scan.namesTheBook {
                request.values[slot] = [.account(account)]
                followUp = true
            } else {
                missingAccount = true
            }
        } else if !scan.accounts.isEmpty {
            score -= 2
        }
        let free = (0..<end).filter { !used.contains($0) }
        var unexplained: [Int] = []
        if let slot = best.text {
            guard let text = Self.text(of: free, in: line, spots: scan.spots, explained: scan.explained,
                                       connectors: Self.covered(by: connectors, in: line, end: end)) else { return nil }
            request.values[slot] = [.text(text)]
        } else {
            unexplained = free.filter { !scan.explained.contains($0) }
            score -= unexplained.reduce(0.0) { $0 + penalty(line[$1]) }
        }
        // The account in focus stands in only for a line that names nothing that might be another.
        if followUp, try unexplained.contains(where: { try looksLikeAName(line[$0], reader: reader) }) {
            missingAccount = true
            request.values = request.values.filter { if case .account? = $0.value.last { return false } else { return true } }
        }
        if let asOf = focus.asOf, followUp, request.asOf == nil, !spec.writes { request.values[Request.asOfOption] = [.day(asOf)] }
        var candidate = Candidate(request: request, command: index, score: score, followUp: followUp, missingAccount: missingAccount, unexplained: unexplained)
        candidate.said = cueScore + slotCue + Double(optionsFound) * natural.optionWeight
        candidate.slotsRead = slotsRead
        return candidate
    }

    /// The last question asked again of another account.
    private func repeatLast(for account: AccountRef, focus: Focus, json: Bool) -> Candidate? {
        guard let last = focus.last, let index = specs.firstIndex(where: { $0.name == last.command }) else {
            // Nothing asked yet: a name alone asks how the account is doing.
            guard let score = specs.firstIndex(where: { $0.name == "score" }) else { return nil }
            return Candidate(request: Request(command: "score", values: ["account": [.account(account)]], json: json), command: score,
                             score: 2, followUp: false, missingAccount: false, unexplained: [])
        }
        let spec = specs[index]
        guard !spec.writes else { return nil }
        var request = last
        request.json = json
        if let slot = spec.accountSlots.first(where: { last.values[$0] != nil }) {
            request.values[slot] = [.account(account)]
        } else if spec.natural.contains(where: { $0.subject == .bookOrAccount }), let slot = spec.accountSlots.first {
            request = Request(command: spec.name, action: last.action, values: [slot: [.account(account)]], json: json)
            if let asOf = last.asOf { request.values[Request.asOfOption] = [.day(asOf)] }
        } else {
            return nil
        }
        return Candidate(request: request, command: index, score: 2.5, followUp: true, missingAccount: false, unexplained: [])
    }

    /// A request in focus with what the line names put in: its options (given again, an
    /// option replaces the old value), the typed slots of its phrase ("just nps"), or a
    /// number for its one number of days ("make it 90").
    private func refine(_ last: Request, index: Int, scan: Scan, reader: SlotReader) throws -> Candidate? {
        let spec = specs[index]
        guard !spec.writes, scan.accounts.isEmpty else { return nil }
        let line = scan.line, end = scan.end
        var used = Set<Int>()
        var request = last
        request.json = scan.json
        var replaced = Set<String>()
        for (option, range, value) in try findOptions(options[index], in: line, end: end, reader: reader, avoiding: []) {
            used.formUnion(range)
            guard let value else { continue }
            if option.repeats && replaced.contains(option.name) {
                request.values[option.name, default: []].append(value)
            } else {
                request.values[option.name] = [value]
                replaced.insert(option.name)
            }
        }
        // A typed slot of the request's phrase that it does not hold yet ("just nps" after "trend Tyrell").
        for phrase in spec.phrases where phrase.action == last.action && Set(last.values.keys).isSubset(of: phrase.holds.union(options[index].map(\.name))) {
            for slot in phrase.slots where last.values[slot] == nil {
                let type = phrase.types[slot] ?? spec.slots[slot]!
                if case .text = type { continue }
                if type.isAccount { continue }
                if let (range, value) = try Self.find(type, in: line, end: end, reader: reader, avoiding: used) {
                    request.values[slot] = [value]
                    used.formUnion(range)
                }
            }
            if request.values.count > last.values.count { break }
        }
        // A number alone: the request's one number of days.
        let counted = options[index].filter { if case .days? = $0.type { return last.values[$0.name] != nil } else { return false } }
        if replaced.isEmpty, counted.count == 1 {
            for start in 0..<end where !used.contains(start) {
                if let (e, value) = try reader.read(.days, from: start, to: end).first {
                    request.values[counted[0].name] = [value]
                    used.formUnion(start..<e)
                    break
                }
            }
        }
        let unexplained = (0..<end).filter { !used.contains($0) && !scan.explained.contains($0) }
        guard !used.isEmpty, unexplained.isEmpty, request != last else { return nil }
        return Candidate(request: request, command: index, score: 3.25, followUp: true, missingAccount: false, unexplained: [])
    }

    // MARK: words

    struct CueHit {
        var range: Range<Int>
        var weight: Double
    }

    /// Where the command's cue words stand, longest first, none overlapping another or a name.
    func findCues(_ cues: [(keys: [String], weight: Double)], in line: TokenizedLine, end: Int, avoiding: Set<Int>) -> [CueHit] {
        var taken = avoiding
        var hits: [CueHit] = []
        for cue in cues {
            guard cue.keys.count <= end else { continue }
            for start in 0...(end - cue.keys.count) {
                let range = start..<(start + cue.keys.count)
                guard !range.contains(where: taken.contains) else { continue }
                var fuzzy = false
                let fits = cue.keys.indices.allSatisfy { i in
                    let typed = line[start + i]
                    if typed.key == cue.keys[i] && typed.kind != .quoted { return true }
                    if Self.isSlip(typed, of: cue.keys[i]) { fuzzy = true; return true }
                    return false
                }
                guard fits else { continue }
                hits.append(CueHit(range: range, weight: cue.weight - (fuzzy ? 0.1 : 0)))
                taken.formUnion(range)
            }
        }
        return hits
    }

    /// A slip of the keyboard in a longer word ("scroe", "churm", "renwals"): one edit, and not
    /// another form of the word ("renews" is not "renew", "drafts" is not "draft").
    static func isSlip(_ typed: Token, of word: String) -> Bool {
        guard typed.kind == .word, word.count >= 5, typed.key.count >= 4, typed.key.first == word.first || typed.key.dropFirst().first == word.first else { return false }
        if typed.key.hasPrefix(word) || word.hasPrefix(typed.key) { return false }
        return editDistance(typed.key, word, limit: 1) <= 1
    }

    /// The command's options wherever they stand in what is left, longest first. A day that is
    /// its default says nothing ("what's firing today": no value), and a day after "since" is no "as of".
    func findOptions(_ options: [OptionSpec], in line: TokenizedLine, end: Int, reader: SlotReader, avoiding: Set<Int>) throws -> [(OptionSpec, Range<Int>, SlotValue?)] {
        var found: [(OptionSpec, Range<Int>, SlotValue)] = []
        for start in 0..<end where !avoiding.contains(start) {
            let limit = (start..<end).first { avoiding.contains($0) } ?? end
            for option in options {
                for pattern in option.patterns {
                    if let (stop, value) = try Self.read(pattern, option: option, line: line, at: start, limit: limit, reader: reader) {
                        found.append((option, start..<stop, value))
                    }
                }
            }
        }
        // Longest first by what was typed (a Chinese character is one), a day to answer as of after the command's own options.
        func length(_ r: Range<Int>) -> Int { line[r.upperBound - 1].range.upperBound - line[r.lowerBound].range.lowerBound }
        found.sort { a, b in
            (length(a.1), a.0.name == Request.asOfOption ? 0 : 1, -a.1.lowerBound) > (length(b.1), b.0.name == Request.asOfOption ? 0 : 1, -b.1.lowerBound)
        }
        var kept: [(OptionSpec, Range<Int>, SlotValue?)] = []
        for (option, range, value) in found where !kept.contains(where: { $0.1.overlaps(range) }) {
            // A word alone that is only filler is no option ("all", "by").
            if range.count == 1, option.type == nil, QuestionWords.filler.contains(line[range.lowerBound].key) { continue }
            // A day that starts or ends a span ("since May", "from … to 2026-01-01") is no day to answer as of.
            if option.name == Request.asOfOption, range.lowerBound > 0,
               ["since", "以来", "从", "from", "to", "until", "till", "through", "到", "至"].contains(line[range.lowerBound - 1].key) { continue }
            kept.append((option, range, option.isDefault(value, today: reader.today) ? nil : value))
        }
        return kept.sorted { $0.1.lowerBound < $1.1.lowerBound }
    }

    /// An option's pattern read at `start`: where it ends and its value (the longest reading).
    static func read(_ pattern: Phrase, option: OptionSpec, line: TokenizedLine, at start: Int, limit: Int, reader: SlotReader) throws -> (Int, SlotValue)? {
        var best: (Int, SlotValue)?
        func walk(_ i: Int, _ p: Int, _ value: SlotValue?) throws {
            if i == pattern.segments.count {
                if p > start, p > (best?.0 ?? -1) { best = (p, value ?? .flag) }
                return
            }
            switch pattern.segments[i] {
            case .words(let w):
                guard p + w.count <= limit, (0..<w.count).allSatisfy({ line[p + $0].key == w[$0] && line[p + $0].kind != .quoted }) else { return }
                try walk(i + 1, p + w.count, value)
            case .slot:
                // Text in a question runs to the end of its clause: not read as an option's value.
                if case .text? = option.type { return }
                for (e, v) in try reader.read(option.type!, from: p, to: limit) { try walk(i + 1, e, v) }
            case .options:
                return
            }
        }
        try walk(0, start, nil)
        return best
    }

    /// The first span left of the line that reads as `type`.
    static func find(_ type: SlotType, in line: TokenizedLine, end: Int, reader: SlotReader, avoiding: Set<Int>) throws -> (Range<Int>, SlotValue)? {
        for start in 0..<end where !avoiding.contains(start) {
            let limit = (start..<end).first { avoiding.contains($0) } ?? end
            if let (e, value) = try reader.read(type, from: start, to: limit).first { return (start..<e, value) }
        }
        return nil
    }

    /// What a word the reading leaves unexplained costs it: a word of the commands' own
    /// (another command's, or an option's) little; a Chinese character less than a word.
    func penalty(_ token: Token) -> Double {
        let known = vocabulary.contains(token.key)
        if token.kind == .han { return known ? 0.05 : 0.2 }
        return known ? 0.1 : 0.5
    }

    /// A word that may be an account's name: written with a capital, or a few edits from one.
    func looksLikeAName(_ token: Token, reader: SlotReader) throws -> Bool {
        guard token.kind == .word, !vocabulary.contains(token.key) else { return false }
        if token.key.first?.isNumber == true { return false }
        let typed = reader.line.text(reader.line.tokens.firstIndex(of: token).map { $0..<($0 + 1) } ?? 0..<0)
        if typed.first?.isUppercase == true { return true }
        guard token.key.count >= 4 else { return false }
        return try reader.names.mayName(token.key.comparable)
    }

    /// The free text of a change: the words left, without the words that tied them to what was
    /// taken out at either end, and without the account's own "for"/"给" in the middle; nil
    /// when nothing is left but filler.
    static func text(of free: [Int], in line: TokenizedLine, spots: [AccountSpotter.Spot], explained: Set<Int>, connectors: Set<Int>) -> String? {
        var words = free
        // "for Acme", "给Acme": a word that only ties an account in is not part of the text.
        words.removeAll { i in QuestionWords.beforeAccount.contains(line[i].key) && spots.contains { $0.range.lowerBound == i + 1 } }
        while let first = words.first, connectors.contains(first) || line[first].kind == .mark { words.removeFirst() }
        while let last = words.last, connectors.contains(last) || line[last].kind == .mark { words.removeLast() }
        guard words.contains(where: { !explained.contains($0) }) else { return nil }
        // Runs of adjacent words keep their spacing; runs are joined by a space.
        var runs: [Range<Int>] = []
        for i in words {
            if let last = runs.last, last.upperBound == i { runs[runs.count - 1] = last.lowerBound..<(i + 1) } else { runs.append(i..<(i + 1)) }
        }
        // Chinese needs no space where words were taken out between two runs.
        var text = ""
        for run in runs.map({ line.text($0) }) {
            if let last = text.unicodeScalars.last, let first = run.unicodeScalars.first, !(TokenizedLine.isHan(last) && TokenizedLine.isHan(first)) { text += " " }
            text += run
        }
        return text
    }

    /// Every word of every command's phrases and cues: words of a question, never the start of a name.
    static func vocabulary(_ specs: [CommandSpec]) -> Set<String> {
        var words = QuestionWords.filler.union(QuestionWords.followUp).union(QuestionWords.pronouns)
        for spec in specs {
            for phrase in spec.phrases { for case .words(let w) in phrase.segments { words.formUnion(w) } }
            for option in spec.options { for p in option.patterns { for case .words(let w) in p.segments { words.formUnion(w) } } }
            for natural in spec.natural { for cue in natural.cues { words.formUnion(cue.keys) } }
            for case .choice(let v) in spec.slots.values { for entry in v.entries { for w in entry.words { words.formUnion(TokenizedLine(w).tokens.map(\.key)) } } }
            for option in spec.options { if case .choice(let v)? = option.type { for entry in v.entries { for w in entry.words { words.formUnion(TokenizedLine(w).tokens.map(\.key)) } } } }
        }
        return words
    }
}

extension SlotType {
    var isAccount: Bool { if case .account = self { return true } else { return false } }
}

extension Phrase {
    /// The phrase has a slot for an account.
    func hasAccount(in spec: CommandSpec) -> Bool { slots.contains { (types[$0] ?? spec.slots[$0]!).isAccount } }
}

extension Request {
    /// The request names an account.
    var hasAccount: Bool { values.values.contains { if case .account? = $0.last { return true } else { return false } } }
}
