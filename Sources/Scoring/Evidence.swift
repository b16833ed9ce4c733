import Workspace

/// What a churn driver or an alert saw, as facts (dates, numbers, the event): JSON
/// carries the facts, and `shown` is the one place they become words.
public enum Evidence: Equatable, Sendable {
    /// An event in the workspace.
    case logged(Event)
    /// How many events of a kind in a window, and the last one's date.
    case loggedCount(kind: String, count: Int, days: Int, last: Day)
    /// A quantity (weekly hours, DAU, licensed users, NPS) then and now.
    case change(what: String, from: Double, to: Double, weeks: Int, inPoints: Bool)
    /// Weekly scores, oldest first: a drop, or a run of drops.
    case scores([Double], weeks: Int)
    /// A value past its limit: NPS −10 (< 0), 6.5% of API calls failing (> 5%).
    case level(what: String, value: Double, limit: Double, above: Bool)
    /// A metric of the workspace's own past its limit: searches_per_user 1.8 (< 2).
    case metric(name: String, value: Double, limit: Double, above: Bool)
    /// A share under its limit: 1 of 6 core features (16.7% < 30%).
    case share(what: String, part: Double, whole: Double, limit: Double)
    case openTickets(open: Int, opened: Int, closed: Int)
    case ticketSpike(tickets: Int)
    case renewalWithoutMeeting(renewal: Day, daysLeft: Int, meetings: MeetingRecord)
    case noUsage(week: Day)
    case kickoff(held: Day, day: Int)
    case missingRole(Contact.Role, day: Int)
    /// Read back from an account summary (`KeptAlert`): the words, and the facts as JSON
    /// wrote them.
    case kept(shown: String, facts: JSONValue)

    /// The same facts with the limit a monitor's level set.
    func limit(_ limit: Double) -> Evidence {
        switch self {
        case let .level(what, value, _, above): return .level(what: what, value: value, limit: limit, above: above)
        case let .share(what, part, whole, _): return .share(what: what, part: part, whole: whole, limit: limit)
        default: return self
        }
    }

    public var shown: String {
        let n = Format.number
        switch self {
        case .logged(let e):
            return "logged \(e.date)" + (e.details.map { ": \($0)" } ?? "")
        case let .loggedCount(kind, count, days, last):
            return "\(count) × \(kind) in \(days) days (last \(last))"
        case let .change(what, from, to, weeks, inPoints):
            let span = weeks == 1 ? "in a week" : weeks == 4 ? "in four weeks" : "in \(weeks) weeks"
            if inPoints { return "\(what) \(n(from)) → \(n(to)) (\(to < from ? "-" : "+")\(n(abs(from - to))) points \(span))" }
            let pct = from > 0 ? Format.signedPercent((to - from) * 100 / from) : ""
            return "\(what) \(n(from)) → \(n(to))\(pct.isEmpty ? "" : " (\(pct) \(span))")"
        case let .scores(scores, weeks):
            let (first, last) = (scores.first ?? 0, scores.last ?? 0)
            let pct = first > 0 ? Format.signedPercent((last - first) * 100 / first) : "±0%"
            if scores.count > 2 {
                return "fell \(scores.count - 1) weeks running: " + scores.map(Format.oneDecimal).joined(separator: " → ")
            }
            return "score \(Format.oneDecimal(first)) → \(Format.oneDecimal(last)) (\(pct) in \(weeks == 1 ? "a week" : weeks == 4 ? "four weeks" : "\(weeks) weeks"))"
        case let .level(what, value, limit, above):
            if what == "NPS" { return "NPS \(n(value)): detractors outnumber promoters" }
            return "\(n(value))% \(what) (\(above ? ">" : "<") \(n(limit))%)"
        case let .metric(name, value, limit, above):
            return "\(name) \(n(value)) (\(above ? ">" : "<") \(n(limit)))"
        case let .share(what, part, whole, limit):
            return "\(n(part)) of \(n(whole)) \(what) (\(Format.percent(part * 100 / whole)) < \(Format.percent(limit * 100)))"
        case let .openTickets(open, opened, closed):
            return "\(open) open (\(opened) opened, \(closed) closed)"
        case .ticketSpike(let tickets):
            return "\(tickets) severe tickets 31–90 days ago, none in the last 30"
        case let .renewalWithoutMeeting(renewal, daysLeft, meetings):
            return "renews \(renewal) (in \(daysLeft) days) and \(meetings.shown)"
        case .noUsage(let week):
            return "DAU 0 in the week ending \(week)"
        case let .kickoff(held, day):
            return "kickoff held \(held), day \(day)"
        case let .missingRole(role, day):
            return "contacts are on record but no \(role.label), day \(day)"
        case .kept(let shown, _):
            return shown
        }
    }
}

extension Evidence: Encodable {
    enum Keys: String, CodingKey {
        case kind, date, event, details, count, days, last, what, from, to, weeks, unit, scores, value, limit, open, opened, closed
        case tickets, renewal, daysLeft = "days_left", meetingsAttended = "meetings_attended", source, week, day, role
    }

    public func encode(to encoder: Encoder) throws {
        if case .kept(_, let facts) = self { return try facts.encode(to: encoder) }
        var c = encoder.container(keyedBy: Keys.self)
        switch self {
        case .kept: break
        case .logged(let e):
            try c.encode("logged", forKey: .kind); try c.encode(e.date, forKey: .date); try c.encode(e.kind, forKey: .event)
            try c.encodeIfPresent(e.details, forKey: .details)
        case let .loggedCount(kind, count, days, last):
            try c.encode("logged_count", forKey: .kind); try c.encode(kind, forKey: .event); try c.encode(count, forKey: .count)
            try c.encode(days, forKey: .days); try c.encode(last, forKey: .last)
        case let .change(what, from, to, weeks, inPoints):
            try c.encode("change", forKey: .kind); try c.encode(what, forKey: .what); try c.encode(from, forKey: .from)
            try c.encode(to, forKey: .to); try c.encode(weeks, forKey: .weeks); try c.encode(inPoints ? "points" : "percent", forKey: .unit)
        case let .scores(scores, weeks):
            try c.encode("scores", forKey: .kind); try c.encode(scores.map { ($0 * 10).rounded() / 10 }, forKey: .scores); try c.encode(weeks, forKey: .weeks)
        case let .level(what, value, limit, _):
            try c.encode("level", forKey: .kind); try c.encode(what, forKey: .what); try c.encode(value, forKey: .value); try c.encode(limit, forKey: .limit)
        case let .metric(name, value, limit, _):
            try c.encode("metric", forKey: .kind); try c.encode(name, forKey: .what); try c.encode(value, forKey: .value); try c.encode(limit, forKey: .limit)
        case let .share(what, part, whole, limit):
            try c.encode("share", forKey: .kind); try c.encode(what, forKey: .what); try c.encode(part, forKey: .value)
            try c.encode(whole, forKey: .count); try c.encode(limit, forKey: .limit)
        case let .openTickets(open, opened, closed):
            try c.encode("open_tickets", forKey: .kind); try c.encode(open, forKey: .open); try c.encode(opened, forKey: .opened); try c.encode(closed, forKey: .closed)
        case .ticketSpike(let tickets):
            try c.encode("ticket_spike", forKey: .kind); try c.encode(tickets, forKey: .tickets)
        case let .renewalWithoutMeeting(renewal, daysLeft, meetings):
            try c.encode("renewal_without_meeting", forKey: .kind); try c.encode(renewal, forKey: .renewal); try c.encode(daysLeft, forKey: .daysLeft)
            try c.encode(meetings.attended, forKey: .meetingsAttended); try c.encode(meetings.source.rawValue, forKey: .source)
        case .noUsage(let week):
            try c.encode("no_usage", forKey: .kind); try c.encode(week, forKey: .week)
        case let .kickoff(held, day):
            try c.encode("kickoff", forKey: .kind); try c.encode(held, forKey: .date); try c.encode(day, forKey: .day)
        case let .missingRole(role, day):
            try c.encode("missing_role", forKey: .kind); try c.encode(role.rawValue, forKey: .role); try c.encode(day, forKey: .day)
        }
    }
}

extension SnapshotField {
    /// The column as words: "weekly hours", "licensed users".
    public var words: String { rawValue.replacingOccurrences(of: "_", with: " ") }
}
