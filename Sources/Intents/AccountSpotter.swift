/// Finds the accounts a question names wherever they stand: "how is Acme doing", "why did
/// Hooli's score drop", "Hooli会流失吗", "给星辰科技写邮件". Each span of up to a name's
/// length is looked up once, all together (one indexed look-up for the whole line, however
/// large the book); a single unknown word may also be the unique start of a name ("Tyr").
struct AccountSpotter {
    struct Spot {
        var range: Range<Int>
        var account: AccountRef
        var exact: Bool
    }

    let line: TokenizedLine
    let end: Int
    let names: Names
    /// Words a question is made of ("how", "risk", "please"): never the start of a name alone.
    let vocabulary: Set<String>

    /// The accounts named, longest first where spans overlap, left to right.
    func spots() throws -> [Spot] {
        var keys: [String: [Range<Int>]] = [:]
        for start in 0..<end where isNameToken(start) {
            for stop in (start + 1)...min(end, start + AccountNames.longestSpan) {
                guard isNameToken(stop - 1) else { continue }
                let key = line.text(start..<stop).comparable
                guard !key.isEmpty else { continue }
                keys[key, default: []].append(start..<stop)
            }
        }
        // Chinese names need no spaces: every run of Chinese characters is looked at whole and in part.
        for run in hanRuns() {
            for a in run {
                for b in (a + 1)...run.upperBound where b - a >= 2 {
                    keys[line.text(a..<b).comparable, default: []].append(a..<b)
                }
            }
        }
        var found: [Spot] = []
        let hits = try names.accounts(withKeys: Array(keys.keys))
        for (key, ranges) in keys {
            let matching = hits.filter { $0.key == key }
            let chosen = matching.first(where: \.isName) ?? (Set(matching.map(\.account.id)).count == 1 ? matching.first : nil)
            guard let chosen else { continue }
            for range in ranges where !isVocabulary(range) { found.append(Spot(range: range, account: chosen.account, exact: true)) }
        }
        // A lone word that starts one account's name only ("Tyr", "nimbus"), when nothing else named it.
        for i in 0..<end where line[i].kind == .word && !found.contains(where: { $0.range.contains(i) }) {
            let key = line[i].key.comparable
            guard key.count >= 3, !vocabulary.contains(line[i].key), !key.allSatisfy(\.isNumber) else { continue }
            // (a name's start is looked up only for a word no command uses)
            let hits = try names.accounts(startingWith: key, limit: 8)
            let accounts = Set(hits.map(\.account))
            if accounts.count == 1 { found.append(Spot(range: i..<(i + 1), account: accounts.first!, exact: false)) }
        }
        // Chinese characters that start one account's name only ("星辰" for 星辰科技). The names
        // that start with two characters are looked up once; three or four are found among them.
        for run in hanRuns() {
            for a in run where a + 2 <= run.upperBound {
                let two = try names.accounts(startingWith: line.text(a..<(a + 2)).comparable, limit: 50)
                if two.isEmpty { continue }
                for b in (a + 2)...min(run.upperBound, a + 4) where !found.contains(where: { $0.range.overlaps(a..<b) }) {
                    let key = line.text(a..<b).comparable
                    guard !vocabulary.contains(line.phraseKey(a..<b)) else { continue }
                    let hits = two.count < 50 ? two.filter { $0.key.hasPrefix(key) } : try names.accounts(startingWith: key, limit: 8)
                    let accounts = Set(hits.map(\.account))
                    if accounts.count == 1 { found.append(Spot(range: a..<b, account: accounts.first!, exact: false)) }
                }
            }
        }
        // Longest first; a span inside a longer one is dropped.
        found.sort { ($0.range.count, -$0.range.lowerBound) > ($1.range.count, -$1.range.lowerBound) }
        var kept: [Spot] = []
        for spot in found where !kept.contains(where: { $0.range.overlaps(spot.range) }) { kept.append(spot) }
        return kept.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    private func isNameToken(_ i: Int) -> Bool {
        line[i].kind != .mark && line[i].kind != .han && line[i].key != "'s" && line[i].kind != .quoted
    }

    /// A span made only of a question's words is no name ("Today", an account named "Risk").
    private func isVocabulary(_ range: Range<Int>) -> Bool {
        range.count == 1 && vocabulary.contains(line[range.lowerBound].key) && line[range.lowerBound].kind == .word
            && line.text(range) == line.text(range).lowercased()
    }

    /// The runs of Chinese characters in the line (before `end`).
    private func hanRuns() -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var start: Int?
        for i in 0...end {
            let han = i < end && line[i].kind == .han
            if han, start == nil { start = i }
            if !han, let s = start { runs.append(s..<i); start = nil }
        }
        return runs
    }
}
