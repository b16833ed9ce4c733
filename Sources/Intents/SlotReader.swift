import Workspace

/// Reads the tokens of a line as a slot's type: which spans starting at a token read as
/// the type, and what they say. One reader serves a whole line, so a name looked up for
/// one phrase is not looked up again for the next.
final class SlotReader {
    let line: TokenizedLine
    let names: Names
    let today: Day
    let commands: Vocabulary

    /// An account read at a span, and a rival: a longer start of another account's name,
    /// which makes the line read two ways.
    struct AccountRead {
        var end: Int
        var account: AccountRef
        var exact: Bool
        var rival: (account: AccountRef, end: Int)?
    }

    private var accountCache: [Int: [AccountRead]] = [:]
    private var csmList: [String]?
    private var peopleList: [String]?
    private var metricList: [String]?

    init(line: TokenizedLine, names: Names, today: Day, commands: Vocabulary) {
        self.line = line
        self.names = names
        self.today = today
        self.commands = commands
    }

    /// The spans from `start` (ending by `limit`) that read as `type`, best first, with their values.
    func read(_ type: SlotType, from start: Int, to limit: Int) throws -> [(end: Int, value: SlotValue)] {
        guard start < limit else { return [] }
        // Every command's phrases and options read the same spans: each is read once. Most
        // readings of a span do not depend on where the line is cut, so they are read to its
        // end and cut after; a file (written-together tokens) and a setting (its value must
        // come before the cut) are read to the cut.
        let whole: Bool
        switch type {
        case .file, .setting: whole = false
        default: whole = true
        }
        let key = ReadKey(type: type.key, start: start, limit: whole ? line.count : limit)
        let found: [(end: Int, value: SlotValue)]
        if let known = readCache[key] {
            found = known
        } else {
            found = try readAnew(type, from: start, to: key.limit)
            readCache[key] = found
        }
        return whole ? found.filter { $0.end <= limit } : found
    }

    private struct ReadKey: Hashable {
        var type: String
        var start: Int
        var limit: Int
    }
    private var readCache: [ReadKey: [(end: Int, value: SlotValue)]] = [:]

    private func readAnew(_ type: SlotType, from start: Int, to limit: Int) throws -> [(end: Int, value: SlotValue)] {
        let longest = min(limit - start, type.longest)
        switch type {
        case .account:
            return try accounts(from: start, to: limit).map { ($0.end, .account($0.account)) }
        case .text:
            // A quoted token is a text of its own; otherwise any run of words, shortest first.
            if line[start].kind == .quoted { return line[start].key.isEmpty ? [] : [(start + 1, .text(line.text(start..<(start + 1))))] }
            return ((start + 1)...limit).compactMap { end in
                let text = Self.trimmed(line.text(start..<end))
                return text.isEmpty ? nil : (end, .text(text))
            }
        case .command:
            return ((start + 1)...min(limit, start + commands.longest)).reversed().compactMap { end in commands.code(line, start..<end).map { (end, .choice($0)) } }
        case .file:
            // A path is the tokens written together: "星辰.html" is three tokens and one file.
            guard line[start].kind != .mark || line[start].key == "~" || line[start].key == "/" || line[start].key == "." else { return [] }
            var stop = start + 1
            while stop < limit, line[stop].range.lowerBound == line[stop - 1].range.upperBound, line[stop - 1].kind != .quoted { stop += 1 }
            let text = line.text(start..<stop)
            // A path says it is one: a folder, a home, an extension ("的草稿有哪些" is none).
            let quoted = stop == start + 1 && line[start].kind == .quoted
            guard !text.isEmpty, quoted || text.contains(where: { "./~".contains($0) }) else { return [] }
            return [(stop, .file(text))]
        case .number:
            let key = line[start].key
            let digits = key.hasPrefix("#") ? String(key.dropFirst()) : key
            guard let n = Int(digits), n >= 0, digits.allSatisfy(\.isASCIIDigit) else { return [] }
            return [(start + 1, .number(n))]
        case .days, .weeks:
            let weeks: Bool = { if case .weeks = type { return true } else { return false } }()
            return spans(start, longest) { Self.count(self.words($0), weeks: weeks).map(SlotValue.count) }
        case .until:
            return spans(start, longest) { range in
                guard let day = SpokenDate.end(self.words(range), today: self.today) ?? SpokenDate.ahead(self.words(range), today: self.today) else { return nil }
                let days = self.today.days(until: day)
                return days > 0 ? .count(days) : nil
            }
        case .day(let tense):
            return spans(start, longest) { range in
                let words = self.words(range)
                switch tense {
                case .past: return SpokenDate.day(words, today: self.today, afterOn: false).map(SlotValue.day)
                case .pastOrWeekday: return SpokenDate.day(words, today: self.today, afterOn: true).map(SlotValue.day)
                case .ahead: return SpokenDate.ahead(words, today: self.today).map(SlotValue.day)
                case .any: return (SpokenDate.ahead(words, today: self.today) ?? SpokenDate.day(words, today: self.today)).map(SlotValue.day)
                }
            }
        case .period:
            return spans(start, longest) { (try? SpokenPeriod.read(self.words($0), today: self.today)).map(SlotValue.period) }
        case .money:
            return spans(start, longest) { Self.money(self.line.text($0)).map(SlotValue.money) }
        case .csm:
            let known = try csms()
            return spans(start, longest) { range in
                let found = Self.csms(known, named: self.line.text(range))
                return found.isEmpty ? nil : .csms(found)
            }
        case .person, .owner:
            // "remind me", "owner me": the user at the keyboard, the CSM they are.
            if Self.me.contains(line[start].key) { return Me.csm(names.user, among: try csms()).map { [(start + 1, .text($0))] } ?? [] }
            let known: [String]
            if case .owner = type { known = try csms() } else { known = try people() }
            return spans(start, longest) { range in Self.person(known, named: self.line.text(range)).map(SlotValue.text) }
        case .choice(let vocabulary):
            return spans(start, longest) { vocabulary.code(self.line, $0).map(SlotValue.choice) }
        case .setting(let fields):
            return try settings(fields, from: start, to: limit)
        case .metric:
            let own = try metrics()
            return spans(start, longest) { range in
                let text = self.line.text(range)
                if let field = SnapshotField.named(text) { return .choice(field.rawValue) }
                let key = text.comparable
                return own.first { $0.comparable == key }.map(SlotValue.choice)
            }
        }
    }

    /// Spans `start..<start+n` for n from `longest` down to 1 whose text reads.
    private func spans(_ start: Int, _ longest: Int, _ value: (Range<Int>) -> SlotValue?) -> [(end: Int, value: SlotValue)] {
        guard longest > 0 else { return [] }
        return stride(from: longest, through: 1, by: -1).compactMap { n in
            let range = start..<(start + n)
            // A value never ends on a mark or a possessive: "Priya's" is Priya's, not "Priya '".
            guard line[range.upperBound - 1].kind != .mark || n == 1, line[range.upperBound - 1].key != "'s" else { return nil }
            return value(range).map { (start + n, $0) }
        }
    }

    /// The words of a span as typed, for the spoken-date readers.
    func words(_ range: Range<Int>) -> [String] {
        line.text(range).split(whereSeparator: \.isWhitespace).map(String.init)
    }

    /// Words that may stand between a metric and its value: "DAU got back to 40", "NPS at 60", "日活回到40".
    static let linking: Set<String> = ["=", ":", "to", "at", "of", "was", "is", "were", "went", "goes", "got", "back", "dropped", "rose", "hit",
                                       "reached", "became", "up", "down", "with", "到", "是", "为", "回", "降", "变", "成", "改", "用", "达", "了"]

    /// "nps 50", "dau=20", "api error rate dropped to 1", "8 features": a metric the vocabulary
    /// or the workspace's own metrics name, and one value.
    func settings(_ fields: Vocabulary, from start: Int, to limit: Int) throws -> [(end: Int, value: SlotValue)] {
        let own = try metrics()
        func field(_ range: Range<Int>) -> String? {
            if let code = fields.code(line, range) { return code }
            let key = line.text(range).comparable
            return own.first { $0.comparable == key }
        }
        // A value is a number, or a word for a metric that takes words (a plan, an executive relationship).
        func value(_ i: Int, for code: String?) -> String? {
            guard i < limit, line[i].kind == .word else { return nil }
            let text = line.text(i..<(i + 1))
            if text.contains(where: \.isNumber) { return text }
            return code.map { ["plan", SnapshotField.execRelationship.rawValue].contains($0) } == true ? text : nil
        }
        var found: [(end: Int, value: SlotValue)] = []
        // Written together: "nps=50", "dau=20".
        let word = line.text(start..<(start + 1))
        if line[start].kind == .word, let eq = word.firstIndex(of: "="), eq != word.startIndex {
            let name = String(word[..<eq]), v = String(word[word.index(after: eq)...])
            let code = fields.code(name) ?? own.first { $0.comparable == name.comparable }
            if let code, !v.isEmpty, v.contains(where: \.isNumber) || ["plan", SnapshotField.execRelationship.rawValue].contains(code) {
                return [(start + 1, .setting(code, v))]
            }
        }
        for n in stride(from: min(6, limit - start), through: 1, by: -1) {
            guard let code = field(start..<(start + n)) else { continue }
            var i = start + n
            while i < limit, i - (start + n) < 3, Self.linking.contains(line[i].key) { i += 1 }
            if let v = value(i, for: code) { found.append((i + 1, .setting(code, v))) }
            break
        }
        // The value first: "8 features", "4次会议".
        if found.isEmpty, let v = value(start, for: nil) {
            var from = start + 1
            while from < limit, ["次", "个", "x", "times"].contains(line[from].key) { from += 1 }
            for n in stride(from: min(5, limit - from), through: 1, by: -1) {
                if let code = field(from..<(from + n)) { found.append((from + n, .setting(code, v))); break }
            }
        }
        return found
    }

    // MARK: accounts

    /// The accounts spans from `start` name: exact names and aliases first (longest first),
    /// then unique starts of one (longest first). The name of one account beats the start of
    /// another unless that start is longer: then the line reads two ways.
    func accounts(from start: Int, to limit: Int) throws -> [AccountRead] {
        guard start < limit, start < line.count else { return [] }
        if let cached = accountCache[start] { return cached.filter { $0.end <= limit } }
        let ends = Array((start + 1)...min(line.count, start + AccountNames.longestSpan))
        var keys: [Int: String] = [:]
        for end in ends {
            // A name never ends on a mark or a possessive, and never starts with one.
            guard line[start].kind != .mark, line[start].key != "'s", line[end - 1].key != "'s" else { continue }
            let key = line.text(start..<end).comparable
            if !key.isEmpty { keys[end] = key }
        }
        let exactHits = try names.accounts(withKeys: Array(Set(keys.values)))
        var exact: [AccountRead] = []
        for end in ends.reversed() {
            guard let key = keys[end] else { continue }
            let hits = exactHits.filter { $0.key == key }
            // A name beats an alias; an alias shared by two accounts names neither.
            let chosen = hits.first(where: \.isName) ?? (Set(hits.map(\.account.id)).count == 1 ? hits.first : nil)
            if let chosen, !exact.contains(where: { $0.end == end }) {
                exact.append(AccountRead(end: end, account: chosen.account, exact: true, rival: nil))
            }
        }
        var prefixed: [AccountRead] = []
        for end in ends.reversed() {
            // A start is two letters or more, and not a word every sentence has ("a", "the", "my").
            guard let key = keys[end], key.count >= 2, !QuestionWords.filler.contains(key) else { continue }
            let hits = try names.accounts(startingWith: key, limit: 8)
            let accounts = Array(Set(hits.map(\.account)))
            guard accounts.count == 1, !exact.contains(where: { $0.end == end }) else { continue }
            prefixed.append(AccountRead(end: end, account: accounts[0], exact: false, rival: nil))
        }
        // "Pied Pip call went well": Pied in full, or the start of Pied Piper.
        for i in exact.indices {
            if let longer = prefixed.first(where: { $0.end > exact[i].end && $0.account != exact[i].account }) {
                exact[i].rival = (longer.account, longer.end)
            }
        }
        let all = exact + prefixed.filter { p in !exact.contains { $0.account == p.account && $0.end == p.end } }
        accountCache[start] = all
        return all.filter { $0.end <= limit }
    }

    /// The words that are a slip of an account's name: all of them, else the shortest start
    /// with a near name ("Acmee nps 50": Acmee).
    func nameSlip(_ range: Range<Int>) throws -> Range<Int>? {
        for n in [range.count] + Array(1..<min(4, range.count)) {
            let start = range.lowerBound..<(range.lowerBound + n)
            // A question's own words ("why so volatile") are no slip of a name.
            if start.allSatisfy({ QuestionWords.filler.contains(line[$0].key) }) { continue }
            if try names.mayName(line.text(start).comparable) { return start }
        }
        return nil
    }

    /// Names near a key, each key compared with every name once for the line.
    private func nearAccounts(_ key: String) throws -> [String] {
        if let known = nearCache[key] { return known }
        let near = try names.nearAccounts(key)
        nearCache[key] = near
        return near
    }
    private var nearCache: [String: [String]] = [:]

    /// The line with the one name the words are a slip of written in their place ("score
    /// Acme Corp" for "score Acmee"), when there is one: what "yes" to the question runs.
    func corrected(_ range: Range<Int>) throws -> String? {
        let near = try nearAccounts(Self.trimmed(line.text(range)).comparable)
        return near.count == 1 ? line.replacing(range, with: near[0]) : nil
    }

    /// Why the words name no account: "no account named 'Acmee' — did you mean Acme Corp?".
    func accountProblem(_ range: Range<Int>) throws -> String {
        let typed = Self.trimmed(line.text(range))
        let key = typed.comparable
        if !key.isEmpty {
            let hits = try names.accounts(startingWith: key, limit: 50)
            let accounts = Array(Set(hits.map(\.account))).sorted { $0.name < $1.name }
            if accounts.count > 1 {
                let shown = accounts.prefix(6).map(\.name)
                return "'\(typed.excerpt)' matches \(accounts.count < 50 ? "\(accounts.count)" : "many") accounts: \(shown.joined(separator: ", "))\(accounts.count > 6 ? ", …" : "") — type more of the name"
            }
        }
        let near = key.isEmpty ? [] : try nearAccounts(key)
        if near.isEmpty { return "no account named '\(typed.excerpt)' — try 'list accounts'" }
        let list = near.count == 1 ? near[0] : near.dropLast().joined(separator: ", ") + " or " + near.last!
        return "no account named '\(typed.excerpt)' — did you mean \(list)?"
    }

    // MARK: people

    func csms() throws -> [String] {
        if let csmList { return csmList }
        csmList = try names.csms()
        return csmList!
    }

    func people() throws -> [String] {
        if let peopleList { return peopleList }
        peopleList = try names.people()
        return peopleList!
    }

    func metrics() throws -> [String] {
        if let metricList { return metricList }
        metricList = try names.metrics()
        return metricList!
    }

    /// The CSMs whose name, or a word of it, starts with what was typed ("Dana", "whit", "李").
    static func csms(_ known: [String], named text: String) -> [String] {
        let key = text.comparable
        guard !key.isEmpty else { return [] }
        return known.filter { name in
            let c = name.comparable
            return c.hasPrefix(key) || c.split(separator: " ").contains { $0.hasPrefix(key) }
        }.sorted()
    }

    /// The words for the user at the keyboard, where a person goes ("remind me", "owner me").
    static let me: Set<String> = ["me", "myself", "我"]

    /// The one person a name means: their whole name, else the one whose name or a word of
    /// it starts so.
    static func person(_ known: [String], named text: String) -> String? {
        let key = text.comparable
        guard !key.isEmpty else { return nil }
        if let exact = known.first(where: { $0.comparable == key }) { return exact }
        let found = Set(known.filter { name in
            let c = name.comparable
            return c.hasPrefix(key) || c.split(separator: " ").contains { $0.hasPrefix(key) }
        })
        return found.count == 1 ? found.first : nil
    }

    /// Why the words name no CSM: "no CSM named 'Marcs' — did you mean Marcus Bell?", else the CSMs.
    func csmProblem(_ typed: String) throws -> String {
        let known = try csms()
        let near = AccountNames.near(typed.comparable, among: known.map { (name: $0, key: $0.comparable) })
        if near.isEmpty { return "no CSM named '\(typed.excerpt)' — the CSMs are \(known.sorted().joined(separator: ", "))" }
        return "no CSM named '\(typed.excerpt)' — did you mean \(near.count == 1 ? near[0] : near.dropLast().joined(separator: ", ") + " or " + near.last!)?"
    }

    /// What to say of the word at `start` when it reads as no value of `type` but is a slip of
    /// one ("owner Marcs", for Marcus Bell); nil when it reads, or is a word like any other.
    func slip(_ type: SlotType, at start: Int) throws -> String? {
        guard case .owner = type, start < line.count, line[start].kind == .word else { return nil }
        // Where the words read as a person: "owner Sam" reads, and so does "owner Sam Okafor".
        let reads = Set(try read(type, from: start, to: line.count).map(\.0))
        // A whole name mistyped ("owner Sam Okofar", where "Sam" alone reads) before a first
        // name alone ("owner Marcs").
        let known = try csms().map { (name: $0, key: $0.comparable) }
        var words = 0
        while words < 3, start + words < line.count, line[start + words].kind == .word { words += 1 }
        for n in stride(from: words, through: 1, by: -1) {
            if reads.contains(start + n) { return nil }
            let typed = line.text(start..<(start + n))
            if !AccountNames.near(typed.comparable, among: known).isEmpty { return try csmProblem(typed) }
        }
        return nil
    }

    // MARK: numbers

    static let numberWords: [String: Int] = ["a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                                             "seven": 7, "eight": 8, "nine": 9, "ten": 10, "twelve": 12, "两": 2, "一": 1, "三": 3]

    /// "60", "60 days", "2 weeks", "3 months", "90天", "两周": a number of days (of weeks when `weeks`).
    static func count(_ words: [String], weeks: Bool) -> Int? {
        var words = words.map { $0.lowercased() }
        // "the next 90 days", "接下来30天".
        while let first = words.first, words.count > 1, ["the", "next", "coming", "following", "接下来", "未来"].contains(first) { words.removeFirst() }
        // "90天" is one word as typed.
        if words.count == 1, let unit = ["天", "周", "个月", "月", "日"].first(where: { words[0].hasSuffix($0) && words[0].count > $0.count }) {
            words = [String(words[0].dropLast(unit.count)), unit]
        }
        guard let first = words.first, let n = Int(first) ?? numberWords[first], n >= 0, n <= 100_000 else { return nil }
        let unit = words.dropFirst().joined(separator: " ")
        switch unit {
        case "": return n
        case "day", "days", "天", "日": return weeks ? nil : n
        case "week", "weeks", "wk", "wks", "周", "个星期", "星期": return weeks ? n : n * 7
        case "month", "months", "个月", "月": return weeks ? nil : n * 30
        default: return nil
        }
    }

    /// "$10,000", "10k", "12000", "$1.5m": an amount, checked as an ARR is.
    static func money(_ text: String) -> Money? {
        var t = text.trimmingSpaces.lowercased()
        var scale: Double = 1
        if t.hasSuffix("k") { scale = 1_000; t.removeLast() } else if t.hasSuffix("m") { scale = 1_000_000; t.removeLast() }
        if scale == 1 { return try? Money.checked(t) }
        let digits = t.hasPrefix("$") ? String(t.dropFirst()) : t
        guard let plain = Money.ungrouped(digits), let value = Double(plain), value >= 0, value * scale <= Money.largest.dollars else { return nil }
        return Money(cents: Int64((value * scale * 100).rounded()))
    }

    /// Words ending at token `end` shaped as a day that is none ("2026-13-01", "31 Nov", "Nov 31
    /// 2026", "11月31日"; `SpokenDate.impossible`), a year after them included: where they start
    /// and what to say of them. Free text never takes them.
    func badDate(endingAt end: Int) -> (start: Int, message: String)? {
        if let known = badDates[end] { return known }
        var found: (start: Int, message: String)?
        let year = end + 1 < line.count && line[end + 1].kind == .word && line[end + 1].key.count == 4 && Int(line[end + 1].key) != nil
        search: for n in 1...min(6, end + 1) where line[end - n + 1].kind != .mark && line[end - n + 1].kind != .quoted {
            for last in year ? [end + 1, end] : [end] {
                if let message = SpokenDate.impossible(words((end - n + 1)..<(last + 1)), today: today) {
                    found = (end - n + 1, message)
                    break search
                }
            }
        }
        badDates[end] = found
        return found
    }
    private var badDates: [Int: (start: Int, message: String)?] = [:]

    /// Text without the marks that join it to what came before ("Acme: text", "Acme — text").
    static func trimmed(_ text: String) -> String {
        let marks: Set<Character> = [":", "：", ",", "，", "-", "—", "–"]
        var s = Substring(text)
        while let c = s.first, c.isWhitespace || marks.contains(c) { s = s.dropFirst() }
        while let c = s.last, c.isWhitespace || marks.contains(c) { s = s.dropLast() }
        return String(s)
    }
}
