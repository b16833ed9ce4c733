import Foundation
import Scoring
import Synchronization
import Workspace

/// What the book-wide answers show of one account on a day: its latest score and tier and
/// the week four weeks before, the trend, the churn-risk level with its drivers, the alerts
/// its monitors raise, the last touch, an expansion play, and what its last QBR changed.
/// `init(_:alerts:qbr:)` is the one definition, from the account's playbook input; `body`
/// writes it for the workspace to keep and `init(account:asOf:body:)` reads it back the
/// same, so a book of 100,000 accounts is read, not recomputed, until a change, the model
/// or the day makes a summary out of date.
///
/// A class: lists filter and sort a whole book of them, and a reference moves cheaply.
/// Read from a body, what a list shows of every row (the account, scores, trend, churn
/// level, last touch; what ranks its alerts when asked) is read at once; the rest (`Tail`:
/// drivers, alerts, cause, expansion, last QBR) is checked at once and made when first asked
/// for — a screenful asks for 50.
public final class AccountSummary: Equatable, Sendable {
    /// A week's score.
    public struct Score: Equatable, Sendable {
        public var week: Day
        public var total: Double
        public var shown: Double
        public var band: TierScheme.Band
        public var tier: Tier { band.level }
    }

    /// An expansion the account is ready for: the plays, and what the seats alone add.
    public struct ExpansionPlays: Equatable, Sendable {
        public var plays: [String]
        public var potential: Money
    }

    public let account: Account
    public let asOf: Day
    public let current: Score?
    /// The week four weeks before the latest, when five weeks are scored.
    public let earlier: Score?
    /// The four-week trend over the latest five weekly scores.
    public let trend: Trend
    public let level: ChurnRisk.Level
    public let points: Int
    /// A fitted churn model's probability, when one is in force.
    public let probability: Double?
    public let reason: ChurnReason?
    /// The last call, e-mail, meeting, QBR or kickoff logged on or before `asOf`.
    public let lastTouch: Day?
    /// What ranks each of `alerts` and says which it is, without their words.
    public var alertHeads: [AlertHead] { alerts.map(\.head) }

    /// What a list shows of a row only when it shows the row.
    struct Tail: Equatable, Sendable {
        /// The drivers' labels, heaviest first.
        var drivers: [String]
        /// The monitors that fire, in the order they fired (`Monitor.alerts(for:)`).
        var alerts: [KeptAlert]
        /// Why the account went down a tier in four weeks (`fellATier`): the main driver with its
        /// evidence, else the metric that moved most.
        var cause: String?
        /// An expansion with a play and no hold on it.
        var expansion: ExpansionPlays?
        /// The last QBR in 180 days and what it changed.
        var qbr: PortfolioReview.QBROutcome?
    }

    /// A tail made, held by reference: a field is read from it without copying the rest.
    final class MadeTail: Sendable {
        let tail: Tail
        init(_ tail: Tail) { self.tail = tail }
    }

    /// The tail made, or the bytes of a body's tail (already checked) to make it from.
    private enum TailState {
        case made(MadeTail)
        case bytes(ArraySlice<UInt8>)
    }
    private let kept: Mutex<TailState>

    /// The tail, made from its bytes the first time it is asked for.
    var made: MadeTail {
        kept.withLock { state in
            switch state {
            case .made(let made): return made
            case .bytes(let bytes):
                let made = MadeTail(bytes.withUnsafeBufferPointer { raw -> Tail in
                    var reader = BodyReader(raw)
                    return reader.tail(build: true, account: account.name)!
                })
                state = .made(made)
                return made
            }
        }
    }

    var tail: Tail { made.tail }

    /// Makes the tail now (a reader that will ask for every summary's makes them on another core).
    public func makeTail() { _ = made }

    /// The drivers' labels, heaviest first.
    public var drivers: [String] { made.tail.drivers }
    /// The monitors that fire, in the order they fired (`Monitor.alerts(for:)`).
    public var alerts: [KeptAlert] { made.tail.alerts }
    /// Why the account went down a tier in four weeks (`fellATier`): the main driver with its
    /// evidence, else the metric that moved most.
    public var cause: String? { made.tail.cause }
    /// An expansion with a play and no hold on it.
    public var expansion: ExpansionPlays? { made.tail.expansion }
    /// The last QBR in 180 days and what it changed.
    public var qbr: PortfolioReview.QBROutcome? { made.tail.qbr }

    public var tier: Tier? { current?.tier }
    public var isChurned: Bool { account.isChurned(on: asOf) }
    /// Live and at churn risk high or critical (`BookFigures.isAtRisk`).
    public var isAtRisk: Bool { BookFigures.isAtRisk(level: level, churned: isChurned) }

    /// Down a tier or more in four weeks (green to yellow, yellow to orange …).
    public var fellATier: Bool { AccountSummary.moved(earlier, current, down: true) }
    /// Up a tier or more in four weeks.
    public var roseATier: Bool { AccountSummary.moved(earlier, current, down: false) }

    static func moved(_ earlier: Score?, _ current: Score?, down: Bool) -> Bool {
        guard let earlier, let current else { return false }
        return down ? current.tier.rank > earlier.tier.rank : current.tier.rank < earlier.tier.rank
    }

    convenience init(account: Account, asOf: Day, current: Score?, earlier: Score?, trend: Trend, level: ChurnRisk.Level, points: Int, probability: Double?,
                     drivers: [String], reason: ChurnReason?, lastTouch: Day?, alerts: [KeptAlert], cause: String?, expansion: ExpansionPlays?,
                     qbr: PortfolioReview.QBROutcome?) {
        self.init(account: account, asOf: asOf, current: current, earlier: earlier, trend: trend, level: level, points: points, probability: probability,
                  reason: reason, lastTouch: lastTouch,
                  tail: .made(MadeTail(Tail(drivers: drivers, alerts: alerts, cause: cause, expansion: expansion, qbr: qbr))))
    }

    private init(account: Account, asOf: Day, current: Score?, earlier: Score?, trend: Trend, level: ChurnRisk.Level, points: Int, probability: Double?,
                 reason: ChurnReason?, lastTouch: Day?, tail: TailState) {
        self.account = account
        self.asOf = asOf
        self.current = current
        self.earlier = earlier
        self.trend = trend
        self.level = level
        self.points = points
        self.probability = probability
        self.reason = reason
        self.lastTouch = lastTouch
        self.kept = Mutex(tail)
    }

    /// The summary of an account as its playbook input has it, with the alerts its monitors
    /// raise and its last QBR's outcome (which reads every week, not only the recent ones).
    public convenience init(_ input: PlaybookInput, alerts: [Alert], qbr: PortfolioReview.QBROutcome?) {
        let health = input.health, risk = input.risk
        let score = { (s: HealthScore) in Score(week: s.week, total: s.total, shown: s.shown, band: s.band) }
        let w = health.weeks
        let earlier = w.count >= 5 ? Score(week: w[w.count - 5].week, total: w[w.count - 5].score, shown: w[w.count - 5].shown, band: w[w.count - 5].band) : nil
        let current = health.current.map(score)
        var cause: String?
        if AccountSummary.moved(earlier, current, down: true) {
            cause = risk.drivers.first?.shown
                ?? health.score(weeksBack: 4).flatMap { ScoreComparison(from: $0, to: health.current!).moves.first }
                    .map { "\($0.label) \($0.before.reading?.shown ?? "missing") → \($0.after.reading?.shown ?? "missing")" }
                ?? "no single cause in the metrics"
        }
        var expansion: ExpansionPlays?
        if !health.isChurned, case .success(let e) = Expansion.make(input), e.hold == nil, !e.plays.isEmpty {
            expansion = ExpansionPlays(plays: e.plays.map(\.play), potential: e.potential)
        }
        self.init(account: health.account, asOf: health.asOf, current: current, earlier: earlier, trend: health.trend, level: risk.level,
                  points: risk.points, probability: risk.probability, drivers: risk.drivers.map(\.label), reason: risk.reason,
                  lastTouch: health.records.lastTouch(on: health.asOf)?.date, alerts: alerts.map(KeptAlert.init), cause: cause,
                  expansion: expansion, qbr: qbr)
    }

    public static func == (a: AccountSummary, b: AccountSummary) -> Bool {
        a.account == b.account && a.asOf == b.asOf && a.current == b.current && a.earlier == b.earlier && a.trend == b.trend && a.level == b.level
            && a.points == b.points && a.probability == b.probability && a.reason == b.reason && a.lastTouch == b.lastTouch && a.tail == b.tail
    }

    /// What only JSON shows, kept beside the body: the drivers (`ChurnRisk.Driver`) and each
    /// alert's facts, in the order of `alerts`.
    public static func details(_ risk: ChurnRisk, alerts: [Alert]) -> String {
        guard !risk.drivers.isEmpty || !alerts.isEmpty else { return "" }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let drivers = (try? encoder.encode(risk.drivers)).flatMap { String(data: $0, encoding: .utf8) } ?? "[]"
        let facts = (try? encoder.encode(alerts.map(\.evidence))).flatMap { String(data: $0, encoding: .utf8) } ?? "[]"
        return "{\"alerts\":\(facts),\"drivers\":\(drivers)}"
    }

    /// The drivers and the alerts' facts a `details` text holds (none for "").
    public static func details(_ text: String) throws -> (drivers: JSONValue, facts: [JSONValue]) {
        guard !text.isEmpty else { return (.array([]), []) }
        guard case .object(let o) = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)), case .array(let facts)? = o["alerts"] else {
            return (.array([]), [])
        }
        return (o["drivers"] ?? .array([]), facts)
    }

    // MARK: - Kept in the workspace

    /// The version of `body`: a kept summary of another version is out of date.
    public static let format = 2

    /// Fields apart by U+001F; a list is its length then its items, each after U+001E; an
    /// alert's parts apart by U+001D (`escaped` in text). Days are ordinals and numbers the
    /// hex of their bits, so a book reads back fast, exactly, whatever the locale.
    public var body: String {
        func day(_ d: Day?) -> String { d.map { String($0.ordinal) } ?? "" }
        func number(_ x: Double?) -> String { x.map { String($0.bitPattern, radix: 16) } ?? "" }
        func list(_ items: [String]) -> String { ([String(items.count)] + items).joined(separator: "\u{1E}") }
        let e = AccountSummary.escaped
        func score(_ s: Score?) -> [String] {
            [day(s?.week), number(s?.total), number(s?.shown), e(s?.band.name ?? ""), e(s?.band.emoji ?? ""), number(s?.band.lowerBound),
             s.map { String(Tier.allCases.firstIndex(of: $0.band.level)!) } ?? ""]
        }
        let a = account
        let fields: [String] = [e(a.name), list(a.aliases.map(e)), a.segment.map { String(Segment.allCases.firstIndex(of: $0)!) } ?? "",
                                list(a.plan.map { [e($0)] } ?? []), a.arr.map { String($0.cents) } ?? "", list(a.csm.map { [e($0)] } ?? []),
                                day(a.startDate), day(a.renewalDate), day(a.churnDate), list(a.churnReason.map { [e($0)] } ?? [])]
            + score(current) + score(earlier) + [
            list(trend.scores.map { number($0) }), String(level.rawValue), String(points), number(probability),
            reason.map { String(ChurnReason.allCases.firstIndex(of: $0)!) } ?? "", day(lastTouch), list(drivers.map(e)),
            list(alerts.map { a in
                [a.monitor.rawValue, a.name.map(e) ?? "", String(a.severity.rawValue), e(a.shown), e(a.who), e(a.within)].joined(separator: "\u{1D}")
            }),
            list(cause.map { [e($0)] } ?? []), expansion.map { String($0.potential.cents) } ?? "", list(expansion?.plays.map(e) ?? []),
            day(qbr?.held), day(qbr?.thenWeek), number(qbr?.scoreThen), number(qbr?.scoreNow), number(qbr?.dauThen), number(qbr?.dauNow),
        ]
        return fields.joined(separator: "\u{1F}")
    }

    /// The summary a `body` wrote for account `id` (the account as it was then: any change
    /// to it outdates the summary), as of `asOf`; nil when it is not one.
    public convenience init?(id: Int64, asOf: Day, body: String) {
        self.init(id: id, asOf: asOf, bytes: Array(body.utf8)[...])
    }

    /// The summary a body's UTF-8 bytes wrote (`init(id:asOf:body:)`); its tail is made from
    /// them when asked for (a slice of a block of bodies keeps the block).
    public convenience init?(id: Int64, asOf: Day, bytes: ArraySlice<UInt8>) {
        guard let (f, tail) = bytes.withUnsafeBufferPointer({ raw -> (BodyReader.Fields, Range<Int>)? in
            var reader = BodyReader(raw)
            return reader.read(id: id).map { ($0, $1) }
        }) else { return nil }
        self.init(account: f.account, asOf: asOf, current: f.current, earlier: f.earlier, trend: Trend(weeklyScores: f.scores), level: f.level,
                  points: f.points, probability: f.probability, reason: f.reason, lastTouch: f.lastTouch,
                  tail: .bytes(bytes[(bytes.startIndex + tail.lowerBound)..<(bytes.startIndex + tail.upperBound)]))
    }

    /// Text with the separators (and U+001C, the escape) written as U+001C and a letter:
    /// data never holds them, so the common case costs one look at the bytes.
    static func escaped(_ text: String) -> String {
        guard text.utf8.contains(where: { (0x1C...0x1F).contains($0) }) else { return text }
        var bytes: [UInt8] = []
        for b in text.utf8 { if (0x1C...0x1F).contains(b) { bytes += [0x1C, b + 0x30] } else { bytes.append(b) } }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func unescaped(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.contains(0x1C) else { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = [], escape = false
        for b in bytes {
            if escape { out.append(b &- 0x30); escape = false } else if b == 0x1C { escape = true } else { out.append(b) }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Reads a body's fields in one pass over its bytes: each token ends at the next separator
/// (U+001D, U+001E or U+001F), whose place in the body says what it is.
private struct BodyReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var at = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    struct Fields {
        var account = Account(name: "")
        var current: AccountSummary.Score?
        var earlier: AccountSummary.Score?
        var scores: [Double] = []
        var level: ChurnRisk.Level = .low
        var points = 0
        var probability: Double?
        var reason: ChurnReason?
        var lastTouch: Day?
    }

    /// A week's score, or nil in `score` when the week is empty; false when it is not one.
    mutating func score(_ score: inout AccountSummary.Score?) -> Bool {
        let week = integer(), total = number(), shown = number(), name = text(), emoji = text(), lower = number(), tier = integer()
        guard let week else { return true }
        guard let total, let shown, let lower, let tier, Tier.allCases.indices.contains(tier) else { return false }
        score = AccountSummary.Score(week: Day(ordinal: week), total: total, shown: shown,
                                     band: TierScheme.Band(name, emoji, from: lower, level: Tier.allCases[tier]))
        return true
    }

    /// The fields before the tail, and where the tail lies (checked, its words not made).
    mutating func read(id: Int64) -> (Fields, Range<Int>)? {
        var f = Fields()
        let name = text()
        guard let aliases = list({ $0.text() }) else { return nil }
        let segment = integer()
        var plan: String?, csm: String?, reason: String?
        guard segment.map(Segment.allCases.indices.contains) ?? true, optionalText(&plan) else { return nil }
        let arr = integer()
        guard optionalText(&csm) else { return nil }
        let start = integer(), renewal = integer(), churn = integer()
        guard optionalText(&reason) else { return nil }
        f.account = Account(id: id, name: name, aliases: aliases, segment: segment.map { Segment.allCases[$0] }, plan: plan,
                            arr: arr.map { Money(cents: Int64($0)) }, csm: csm, startDate: start.map(Day.init(ordinal:)),
                            renewalDate: renewal.map(Day.init(ordinal:)), churnDate: churn.map(Day.init(ordinal:)), churnReason: reason)
        guard score(&f.current), score(&f.earlier), let scores = list({ $0.number() }) else { return nil }
        f.scores = scores
        guard let level = integer().flatMap(ChurnRisk.Level.init(rawValue:)), let points = integer() else { return nil }
        f.level = level
        f.points = points
        f.probability = number()
        if let r = integer() {
            guard ChurnReason.allCases.indices.contains(r) else { return nil }
            f.reason = ChurnReason.allCases[r]
        }
        f.lastTouch = integer().map(Day.init(ordinal:))
        let tailStart = min(at, bytes.count)
        guard tail(build: false, account: "") != nil else { return nil }
        return (f, tailStart..<bytes.count)
    }

    /// The tail, from here to the end; with `build` false it is only checked, and nothing but
    /// the alerts' heads is made (their words empty, a custom monitor's name kept).
    mutating func tail(build: Bool, account: String) -> AccountSummary.Tail? {
        func texts(_ r: inout BodyReader) -> [String]? { r.list({ $0.text(build) }, keep: build) }
        guard let drivers = texts(&self), let alerts = list({ r -> KeptAlert? in
            guard let monitor = Monitor(rawValue: r.text()) else { return nil }
            let name = r.text(build || monitor == .custom)
            guard let severity = r.integer().flatMap(Alert.Severity.init(rawValue:)) else { return nil }
            return KeptAlert(monitor: monitor, name: name.isEmpty ? nil : name, severity: severity, shown: r.text(build), who: r.text(build), within: r.text(build))
        }) else { return nil }
        var t = AccountSummary.Tail(drivers: drivers, alerts: alerts)
        guard optionalText(&t.cause, build) else { return nil }
        let potential = integer()
        guard let plays = texts(&self) else { return nil }
        if let potential { t.expansion = AccountSummary.ExpansionPlays(plays: plays, potential: Money(cents: Int64(potential))) }
        let held = integer(), thenWeek = integer(), scoreThen = number(), scoreNow = number(), dauThen = number(), dauNow = number()
        if let held {
            t.qbr = PortfolioReview.QBROutcome(account: account, held: Day(ordinal: held), scoreThen: scoreThen, thenWeek: thenWeek.map(Day.init(ordinal:)),
                                               scoreNow: scoreNow, dauThen: dauThen, dauNow: dauNow)
        }
        // The last token ends the body: nothing is left over, nothing was missing.
        return at == bytes.count + 1 ? t : nil
    }

    /// The bytes up to the next separator, past it.
    mutating func token() -> Range<Int> {
        let start = min(at, bytes.count)
        var end = start
        while end < bytes.count, !(0x1D...0x1F).contains(bytes[end]) { end += 1 }
        at = end + 1
        return start..<end
    }

    /// A list of at most one text (`list`), read without making the list: nil for none,
    /// false for a count above one.
    mutating func optionalText(_ text: inout String?, _ build: Bool = true) -> Bool {
        guard let n = integer(), n == 0 || n == 1 else { return false }
        if n == 1 { text = self.text(build) }
        return true
    }

    /// A count, then that many items; kept in the list only when `keep`.
    mutating func list<T>(_ item: (inout BodyReader) -> T?, keep: Bool = true) -> [T]? {
        // A count no longer than the bytes left: a body of another version reads as none.
        guard let n = integer(), n >= 0, n <= bytes.count - min(at, bytes.count) else { return nil }
        var items: [T] = []
        if keep { items.reserveCapacity(n) }
        for _ in 0..<n {
            guard let x = item(&self) else { return nil }
            if keep { items.append(x) }
        }
        return items
    }

    // Numbers are read in the same pass that finds their end: a book's bodies hold millions.

    mutating func integer() -> Int? {
        var value = 0, sign = 1, digits = 0, valid = true
        let start = min(at, bytes.count)
        var end = start
        while end < bytes.count {
            let b = bytes[end]
            if b >= 0x1D && b <= 0x1F { break }
            if b >= 48 && b <= 57 { value = value &* 10 &+ Int(b &- 48); digits += 1 } else if b == UInt8(ascii: "-") && end == start { sign = -1 } else { valid = false }
            end += 1
        }
        at = end + 1
        guard valid, digits > 0, end - start <= 18 else { return nil }
        return sign * value
    }

    mutating func number() -> Double? {
        var bits: UInt64 = 0, valid = true
        let start = min(at, bytes.count)
        var end = start
        while end < bytes.count {
            let b = bytes[end]
            if b >= 0x1D && b <= 0x1F { break }
            if b >= 48 && b <= 57 { bits = bits << 4 | UInt64(b &- 48) } else if b >= 97 && b <= 102 { bits = bits << 4 | UInt64(b &- 87) } else { valid = false }
            end += 1
        }
        at = end + 1
        guard valid, end > start, end - start <= 16 else { return nil }
        return Double(bitPattern: bits)
    }

    mutating func text() -> String {
        AccountSummary.unescaped(UnsafeBufferPointer(rebasing: bytes[token()]))
    }

    /// The next text, or "" past it when it is not to be made.
    mutating func text(_ build: Bool) -> String {
        guard build else { _ = token(); return "" }
        return text()
    }
}

extension BookFigures {
    // The ARRs alone are gathered: a book's accounts are many, and each a large value.
    public static func arr(_ book: [AccountSummary]) -> Money { sum(book.map { $0.isChurned ? nil : $0.account.arr }) }
    public static func arrAtRisk(_ book: [AccountSummary]) -> Money { sum(book.map { $0.isAtRisk ? $0.account.arr : nil }) }
}
