import Foundation
import Scoring
import Synchronization
import Workspace

/// What the book-wide answers show of one account on a day: its latest score and tier and
/// the week four weeks before, the trend, the churn-risk level with its drivers, the alerts
/// its monitors raise and the last touch. (What the portfolio review reads besides is kept
/// beside it: `PortfolioReview.Row`.) `init(_:alerts:)` is the one definition, from the
/// account's playbook input; `body` writes it for the workspace to keep and
/// `init(account:asOf:body:)` reads it back the same, so a book of 100,000 accounts is read,
/// not recomputed, until a change, the model or the day makes a summary out of date.
///
/// A class: lists filter and sort a whole book of them, and a reference moves cheaply.
/// Read from a body, what a list shows of every row (the account, scores, trend, churn
/// level, last touch; what ranks its alerts when asked) is read at once; the rest (`Tail`:
/// drivers, alerts) is checked at once and made when first asked for — a screenful asks for 50.
public final class AccountSummary: Equatable, Sendable {
    /// A week's score.
    public struct Score: Equatable, Sendable {
        public var week: Day
        public var total: Double
        public var shown: Double
        public var band: TierScheme.Band
        public var tier: Tier { band.level }
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
                    var reader = KeptFieldReader(raw)
                    return reader.tail(build: true)!
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

    public var tier: Tier? { current?.tier }
    public var isChurned: Bool { account.isChurned(on: asOf) }
    /// Live and at churn risk high or critical (`BookFigures.isAtRisk`).
    public var isAtRisk: Bool { BookFigures.isAtRisk(level: level, churned: isChurned) }

    convenience init(account: Account, asOf: Day, current: Score?, earlier: Score?, trend: Trend, level: ChurnRisk.Level, points: Int, probability: Double?,
                     drivers: [String], reason: ChurnReason?, lastTouch: Day?, alerts: [KeptAlert]) {
        self.init(account: account, asOf: asOf, current: current, earlier: earlier, trend: trend, level: level, points: points, probability: probability,
                  reason: reason, lastTouch: lastTouch,
                  tail: .made(MadeTail(Tail(drivers: drivers, alerts: alerts))))
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

    /// The summary of an account as its playbook input has it, with the alerts its monitors raise.
    public convenience init(_ input: PlaybookInput, alerts: [Alert]) {
        let health = input.health, risk = input.risk, w = health.weeks
        let earlier = w.count >= 5 ? Score(week: w[w.count - 5].week, total: w[w.count - 5].score, shown: w[w.count - 5].shown, band: w[w.count - 5].band) : nil
        let current = health.current.map { Score(week: $0.week, total: $0.total, shown: $0.shown, band: $0.band) }
        self.init(account: health.account, asOf: health.asOf, current: current, earlier: earlier, trend: health.trend, level: risk.level,
                  points: risk.points, probability: risk.probability, drivers: risk.drivers.map(\.label), reason: risk.reason,
                  lastTouch: health.records.lastTouch(on: health.asOf)?.date, alerts: alerts.map(KeptAlert.init))
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
    public static let format = 4

    /// `KeptFields`, with an alert's parts apart by U+001D.
    public var body: String {
        let (day, number, list, e) = (KeptFields.day, KeptFields.number, KeptFields.list, KeptFields.escaped)
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
        guard let (f, tail) = bytes.withUnsafeBufferPointer({ raw -> (KeptFieldReader.Fields, Range<Int>)? in
            var reader = KeptFieldReader(raw)
            return reader.read(id: id).map { ($0, $1) }
        }) else { return nil }
        self.init(account: f.account, asOf: asOf, current: f.current, earlier: f.earlier, trend: Trend(weeklyScores: f.scores), level: f.level,
                  points: f.points, probability: f.probability, reason: f.reason, lastTouch: f.lastTouch,
                  tail: .bytes(bytes[(bytes.startIndex + tail.lowerBound)..<(bytes.startIndex + tail.upperBound)]))
    }
}

/// A summary's body read: the fields' places say what they are.
extension KeptFieldReader {
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
        guard tail(build: false) != nil else { return nil }
        return (f, tailStart..<bytes.count)
    }

    /// The tail, from here to the end; with `build` false it is only checked, and nothing but
    /// the alerts' heads is made (their words empty, a custom monitor's name kept).
    mutating func tail(build: Bool) -> AccountSummary.Tail? {
        func texts(_ r: inout KeptFieldReader) -> [String]? { r.list({ $0.text(build) }, keep: build) }
        guard let drivers = texts(&self), let alerts = list({ r -> KeptAlert? in
            guard let monitor = Monitor(rawValue: r.text()) else { return nil }
            let name = r.text(build || monitor == .custom)
            guard let severity = r.integer().flatMap(Alert.Severity.init(rawValue:)) else { return nil }
            return KeptAlert(monitor: monitor, name: name.isEmpty ? nil : name, severity: severity, shown: r.text(build), who: r.text(build), within: r.text(build))
        }) else { return nil }
        // The last token ends the body: nothing is left over, nothing was missing.
        return atEnd ? AccountSummary.Tail(drivers: drivers, alerts: alerts) : nil
    }
}

extension BookFigures {
    // The ARRs alone are gathered: a book's accounts are many, and each a large value.
    public static func arr(_ book: [AccountSummary]) -> Money { sum(book.map { $0.isChurned ? nil : $0.account.arr }) }
    public static func arrAtRisk(_ book: [AccountSummary]) -> Money { sum(book.map { $0.isAtRisk ? $0.account.arr : nil }) }
}
