import Workspace

/// The monitors of SPEC.md section 2: `rules` is the table, `alerts` runs it.
public enum Monitor: String, CaseIterable, Codable, Sendable {
    case healthDropWeek = "health_drop_week"
    case dauDrop = "dau_drop"
    case championLeft = "champion_left"
    case severeTickets = "severe_tickets"
    case apiErrorRate = "api_error_rate"
    case paymentRefused = "payment_refused"
    case healthDropMonth = "health_drop_four_weeks"
    case featureDepth = "feature_depth"
    case meetingAttendance = "meeting_attendance"
    case npsDrop = "nps_drop"
    case declinedTwoWeeks = "declined_two_weeks"
    /// A model file's monitor on a metric of the workspace's own (`CustomMonitor`).
    case custom

    public var label: String {
        switch self {
        case .healthDropWeek: return "health drop, week over week"
        case .dauDrop: return "DAU drop, week over week"
        case .championLeft: return "key person (champion) left"
        case .severeTickets: return "severe support tickets open"
        case .apiErrorRate: return "API error rate"
        case .paymentRefused: return "payment refused"
        case .healthDropMonth: return "health drop vs four weeks ago"
        case .featureDepth: return "feature depth"
        case .meetingAttendance: return "meeting attendance"
        case .npsDrop: return "NPS drop"
        case .declinedTwoWeeks: return "health declined two weeks running"
        case .custom: return "custom monitor"
        }
    }

    /// What a monitor measures, read from an account's recent weeks and events.
    public enum Measure: Sendable {
        /// The score's fall in percent against `weeks` weeks back; a fall under `Trend.noise` points is none.
        case scoreDrop(weeks: Int)
        /// A snapshot quantity's fall in percent against `weeks` weeks back.
        case fieldDrop(SnapshotField, weeks: Int)
        /// A snapshot quantity's fall in points against `weeks` weeks back.
        case fieldFall(SnapshotField, weeks: Int)
        /// Events of a kind logged in the last `days` days.
        case events(EventKind, days: Int)
        /// Severe tickets opened and not closed.
        case openSevereTickets
        /// A snapshot value in the latest week.
        case value(SnapshotField)
        /// `part` as a share of `whole` (a field, or a fixed count) in the latest week.
        case share(SnapshotField, of: SnapshotField?, fixed: Double)
        /// Weekly score falls in a row ending this week, each of `Trend.noise` points or more.
        case declineRun
    }

    /// A level of a rule: past `threshold`, it fires with this severity, for whom, how fast.
    public struct Level: Sendable {
        public let threshold: Double
        public let severity: Alert.Severity
        public let who: String
        public let within: String
    }

    /// One row of SPEC.md section 2: the monitor, what it measures, and its levels (the
    /// last one crossed wins). `below`: fires under the threshold instead of over it.
    public struct Rule: Sendable {
        public let monitor: Monitor
        public let measure: Measure
        public let below: Bool
        public let levels: [Level]

        init(_ monitor: Monitor, _ measure: Measure, below: Bool = false, _ levels: [(Double, Alert.Severity, String, String)]) {
            self.monitor = monitor
            self.measure = measure
            self.below = below
            self.levels = levels.map { Level(threshold: $0.0, severity: $0.1, who: $0.2, within: $0.3) }
        }
    }

    /// The table, in SPEC.md's order.
    public static let rules: [Rule] = [
        Rule(.healthDropWeek, .scoreDrop(weeks: 1), [(10, .orange, "CSM", "within 4 h"), (20, .red, "CSM and CSM director", "within 4 h")]),
        Rule(.dauDrop, .fieldDrop(.dau, weeks: 1), [(30, .orange, "CSM and product team", "within 24 h"), (50, .red, "CSM and product team", "within 2 h")]),
        Rule(.championLeft, .events(.championLeft, days: 30), [(0, .red, "CSM and sales", "within 24 h")]),
        Rule(.severeTickets, .openSevereTickets, [(3, .orange, "CSM", "this week")]),
        Rule(.apiErrorRate, .value(.apiErrorRatePct), [(5, .red, "technical team and CSM", "within 24 h"), (10, .redImmediate, "technical team and CSM", "immediately")]),
        Rule(.paymentRefused, .events(.paymentRefused, days: 90), [(1, .red, "CSM and finance", "within 24 h")]),
        Rule(.healthDropMonth, .scoreDrop(weeks: 4), [(15, .orange, "CSM", "this week")]),
        Rule(.featureDepth, .share(.coreFeaturesUsed, of: nil, fixed: 6), below: true, [(0.3, .orange, "CSM", "this week")]),
        Rule(.meetingAttendance, .share(.meetingsAttended, of: .meetingsScheduled, fixed: 0), below: true, [(0.6, .orange, "CSM", "this week")]),
        Rule(.npsDrop, .fieldFall(.nps, weeks: 4), [(20, .red, "CSM", "within 24 h")]),
        Rule(.declinedTwoWeeks, .declineRun, [(1, .red, "CSM", "within 24 h")]),
    ]

    /// Every rule over one account as it stood on `health.asOf`. A churned account has none.
    public static func alerts(for health: AccountHealth) -> [Alert] {
        guard !health.isChurned, !health.snapshots.isEmpty else { return [] }
        var alerts: [Alert] = []
        for rule in rules {
            guard let (value, evidence) = measure(rule.measure, health) else { continue }
            guard let level = rule.levels.last(where: { rule.below ? value < $0.threshold : value > $0.threshold }) else { continue }
            alerts.append(Alert(account: health.account.name, arr: health.account.arr, monitor: rule.monitor, severity: level.severity,
                                evidence: evidence.limit(level.threshold), who: level.who, within: level.within))
        }
        alerts += health.model.monitors.compactMap { $0.alert(for: health) }
        return alerts
    }

    /// The measure's value and the facts behind it; nil when the data is missing.
    static func measure(_ measure: Measure, _ health: AccountHealth) -> (Double, Evidence)? {
        let snapshots = health.snapshots
        let scores = health.weeks.map(\.score)
        let today = health.asOf
        func back<T>(_ list: [T], _ weeks: Int) -> (T, T)? { list.count > weeks ? (list[list.count - 1 - weeks], list[list.count - 1]) : nil }
        switch measure {
        case .scoreDrop(let weeks):
            guard let (before, now) = back(scores, weeks), before - now >= Trend.noise else { return nil }
            return (percentDrop(from: before, to: now), .scores([before, now], weeks: weeks))
        case let .fieldDrop(field, weeks):
            guard let (a, b) = back(snapshots, weeks), let before = a[field], let now = b[field], before > 0 else { return nil }
            return (percentDrop(from: before, to: now), .change(what: field == .dau ? "DAU" : field.words, from: before, to: now, weeks: weeks, inPoints: false))
        case let .fieldFall(field, weeks):
            guard let (a, b) = back(snapshots, weeks), let before = a[field], let now = b[field] else { return nil }
            return (before - now, .change(what: field == .nps ? "NPS" : field.words, from: before, to: now, weeks: weeks, inPoints: true))
        case let .events(kind, days):
            let found = health.records.events.filter { $0.kind == kind.rawValue && $0.date <= today && $0.date.days(until: today) <= days }
            guard let last = found.last else { return nil }
            return (Double(found.count), found.count == 1 ? .logged(last) : .loggedCount(kind: kind.rawValue, count: found.count, days: days, last: last.date))
        case .openSevereTickets:
            let events = health.records.events.filter { $0.date <= today }
            let opened = events.filter { $0.kind == EventKind.severeTicketOpened.rawValue }.count
            let closed = events.filter { $0.kind == EventKind.severeTicketClosed.rawValue }.count
            return (Double(opened - closed), .openTickets(open: opened - closed, opened: opened, closed: closed))
        case .value(let field):
            guard let value = snapshots.last![field] else { return nil }
            return (value, .level(what: field == .apiErrorRatePct ? "of API calls failing" : field.words, value: value, limit: 0, above: true))
        case let .share(part, whole, fixed):
            guard let p = snapshots.last![part], let w = whole.map({ snapshots.last![$0] }) ?? fixed, w > 0 else { return nil }
            let what = part == .coreFeaturesUsed ? "core features used" : "meetings attended"
            return (p / w, .share(what: what, part: p, whole: w, limit: 0))
        case .declineRun:
            let run = declineRun(scores)
            guard run >= 2 else { return nil }
            return (Double(run), .scores(Array(scores.suffix(run + 1)), weeks: run))
        }
    }

    /// How many weeks in a row, ending with the latest, the score fell by `Trend.noise` points or more.
    public static func declineRun(_ scores: [Double]) -> Int {
        var run = 0
        while run + 1 < scores.count && scores[scores.count - 2 - run] - scores[scores.count - 1 - run] >= Trend.noise { run += 1 }
        return run
    }

    static func percentDrop(from before: Double, to now: Double) -> Double {
        before > 0 ? (before - now) / before * 100 : 0
    }

    /// Most severe first, then the largest ARR, then by name.
    public static func ranked(_ alerts: [Alert]) -> [Alert] { rankedOrder(alerts).map { alerts[$0] } }

    /// The indices of `ranked`'s order: a book's alerts are many, and each is a large value to move.
    public static func rankedOrder(_ alerts: [Alert]) -> [Int] {
        rankedOrder(alerts.map { ($0.severity, $0.arr) }) { alerts[$0].account }
    }

    /// The order of `ranked` for alerts known by their severity and ARR, and their account's
    /// name (asked for only between equals): ties keep their places.
    public static func rankedOrder(_ keys: [(severity: Alert.Severity, arr: Money?)], account: (Int) -> String) -> [Int] {
        struct Key { var severity: Int; var arr: Int64; var place: Int }
        var order = keys.indices.map { Key(severity: keys[$0].severity.rawValue, arr: keys[$0].arr?.cents ?? 0, place: $0) }
        order.sort { a, b in
            if a.severity != b.severity { return a.severity > b.severity }
            if a.arr != b.arr { return a.arr > b.arr }
            let (x, y) = (account(a.place), account(b.place))
            return x != y ? x < y : a.place < b.place
        }
        return order.map(\.place)
    }
}
