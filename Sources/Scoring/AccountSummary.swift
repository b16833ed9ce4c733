import Foundation
import Workspace

/// What the book's lists show of one account on a day: its latest score and tier, the
/// trend, the churn-risk level with its drivers, and the last touch. `init(_:)` is the one
/// definition, from the account's churn risk; `body` writes it for the workspace to keep and
/// `init(account:asOf:body:)` reads it back the same, so a book of 100,000 accounts is read,
/// not recomputed, until a change, the model or the day makes a summary out of date.
///
/// A class: lists filter and sort a whole book of them, and a reference moves cheaply.
public final class AccountSummary: Equatable, Sendable {
    /// The latest week's score.
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
    /// The four-week trend over the latest five weekly scores.
    public let trend: Trend
    public let level: ChurnRisk.Level
    public let points: Int
    /// A fitted churn model's probability, when one is in force.
    public let probability: Double?
    /// The drivers' labels, heaviest first.
    public let drivers: [String]
    public let reason: ChurnReason?
    /// The last call, e-mail, meeting, QBR or kickoff logged on or before `asOf`.
    public let lastTouch: Day?
    /// The monitors that fire, in the order they fired (`Monitor.alerts(for:)`).
    public let alerts: [KeptAlert]

    public var tier: Tier? { current?.tier }
    public var isChurned: Bool { account.isChurned(on: asOf) }
    /// Live and at churn risk high or critical (`BookFigures.isAtRisk`).
    public var isAtRisk: Bool { BookFigures.isAtRisk(level: level, churned: isChurned) }

    init(account: Account, asOf: Day, current: Score?, trend: Trend, level: ChurnRisk.Level, points: Int, probability: Double?,
         drivers: [String], reason: ChurnReason?, lastTouch: Day?, alerts: [KeptAlert]) {
        self.account = account
        self.asOf = asOf
        self.current = current
        self.trend = trend
        self.level = level
        self.points = points
        self.probability = probability
        self.drivers = drivers
        self.reason = reason
        self.lastTouch = lastTouch
        self.alerts = alerts
    }

    /// The summary of an account's churn risk (and so its health) and the alerts its
    /// monitors raise.
    public convenience init(_ risk: ChurnRisk, alerts: [Alert]) {
        let health = risk.health
        self.init(account: health.account, asOf: health.asOf,
                  current: health.current.map { Score(week: $0.week, total: $0.total, shown: $0.shown, band: $0.band) },
                  trend: health.trend, level: risk.level, points: risk.points, probability: risk.probability,
                  drivers: risk.drivers.map(\.label), reason: risk.reason, lastTouch: health.records.lastTouch(on: health.asOf)?.date,
                  alerts: alerts.map(KeptAlert.init))
    }

    public static func == (a: AccountSummary, b: AccountSummary) -> Bool {
        a.account == b.account && a.asOf == b.asOf && a.current == b.current && a.trend == b.trend && a.level == b.level && a.points == b.points
            && a.probability == b.probability && a.drivers == b.drivers && a.reason == b.reason && a.lastTouch == b.lastTouch && a.alerts == b.alerts
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
    public static let format = 1

    /// Fields apart by U+001F; a list is its length then its items, each after U+001E; an
    /// alert's parts apart by U+001D (`escaped` in text). Days are ordinals and
    /// numbers the hex of their bits, so a book reads back fast, exactly, whatever the locale.
    public var body: String {
        func day(_ d: Day?) -> String { d.map { String($0.ordinal) } ?? "" }
        func number(_ x: Double?) -> String { x.map { String($0.bitPattern, radix: 16) } ?? "" }
        func list(_ items: [String]) -> String { ([String(items.count)] + items).joined(separator: "\u{1E}") }
        let e = AccountSummary.escaped
        let fields: [String] = [
            day(current?.week), number(current?.total), number(current?.shown), e(current?.band.name ?? ""), e(current?.band.emoji ?? ""),
            number(current?.band.lowerBound), current.map { String(Tier.allCases.firstIndex(of: $0.band.level)!) } ?? "",
            list(trend.scores.map { number($0) }), String(level.rawValue), String(points), number(probability),
            reason.map { String(ChurnReason.allCases.firstIndex(of: $0)!) } ?? "", day(lastTouch), list(drivers.map(e)),
            list(alerts.map { a in
                [a.monitor.rawValue, a.name.map(e) ?? "", String(a.severity.rawValue), e(a.shown), e(a.who), e(a.within)].joined(separator: "\u{1D}")
            }),
        ]
        return fields.joined(separator: "\u{1F}")
    }

    /// The summary a `body` wrote, for this account as of `asOf`; nil when it is not one.
    public convenience init?(account: Account, asOf: Day, body: String) {
        var text = body
        guard let f = text.withUTF8({ bytes -> BodyReader.Fields? in
            var reader = BodyReader(bytes)
            return reader.read()
        }) else { return nil }
        self.init(account: account, asOf: asOf, current: f.current, trend: Trend(weeklyScores: f.scores), level: f.level, points: f.points,
                  probability: f.probability, drivers: f.drivers, reason: f.reason, lastTouch: f.lastTouch, alerts: f.alerts)
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
            if escape { out.append(b - 0x30); escape = false } else if b == 0x1C { escape = true } else { out.append(b) }
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
        var current: AccountSummary.Score?
        var scores: [Double] = []
        var level: ChurnRisk.Level = .low
        var points = 0
        var probability: Double?
        var reason: ChurnReason?
        var lastTouch: Day?
        var drivers: [String] = []
        var alerts: [KeptAlert] = []
    }

    mutating func read() -> Fields? {
        var f = Fields()
        let week = integer(), total = number(), shown = number(), name = text(), emoji = text(), lower = number(), tier = integer()
        if let week {
            guard let total, let shown, let lower, let tier, Tier.allCases.indices.contains(tier) else { return nil }
            f.current = AccountSummary.Score(week: Day(ordinal: week), total: total, shown: shown,
                                             band: TierScheme.Band(name, emoji, from: lower, level: Tier.allCases[tier]))
        }
        guard let scores = list({ $0.number() }) else { return nil }
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
        guard let drivers = list({ $0.text() }) else { return nil }
        f.drivers = drivers
        guard let alerts = list({ r -> KeptAlert? in
            guard let monitor = Monitor(rawValue: r.text()) else { return nil }
            let name = r.text()
            guard let severity = r.integer().flatMap(Alert.Severity.init(rawValue:)) else { return nil }
            return KeptAlert(monitor: monitor, name: name.isEmpty ? nil : name, severity: severity, shown: r.text(), who: r.text(), within: r.text())
        }) else { return nil }
        f.alerts = alerts
        // The last token ends the body: nothing is left over, nothing was missing.
        return at == bytes.count + 1 ? f : nil
    }

    /// The bytes up to the next separator, past it.
    mutating func token() -> Range<Int> {
        let start = min(at, bytes.count)
        var end = start
        while end < bytes.count, !(0x1D...0x1F).contains(bytes[end]) { end += 1 }
        at = end + 1
        return start..<end
    }

    /// A count, then that many items.
    mutating func list<T>(_ item: (inout BodyReader) -> T?) -> [T]? {
        guard let n = integer(), n >= 0 else { return nil }
        var items: [T] = []
        items.reserveCapacity(n)
        for _ in 0..<n {
            guard let x = item(&self) else { return nil }
            items.append(x)
        }
        return items
    }

    mutating func integer() -> Int? {
        let range = token()
        guard !range.isEmpty else { return nil }
        var value = 0, sign = 1
        for i in range {
            if i == range.lowerBound, bytes[i] == UInt8(ascii: "-") { sign = -1; continue }
            guard (48...57).contains(bytes[i]) else { return nil }
            value = value * 10 + Int(bytes[i] - 48)
        }
        return sign * value
    }

    mutating func number() -> Double? {
        let range = token()
        guard !range.isEmpty, range.count <= 16 else { return nil }
        var bits: UInt64 = 0
        for i in range {
            let b = bytes[i]
            switch b {
            case 48...57: bits = bits << 4 | UInt64(b - 48)
            case 97...102: bits = bits << 4 | UInt64(b - 87)
            default: return nil
            }
        }
        return Double(bitPattern: bits)
    }

    mutating func text() -> String {
        AccountSummary.unescaped(UnsafeBufferPointer(rebasing: bytes[token()]))
    }
}
