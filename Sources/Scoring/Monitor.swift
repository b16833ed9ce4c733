import Workspace

/// Seed 000's monitors (SPEC.md section 2): each reads an account's recent weeks and events.
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
        }
    }

    /// Events count for the champion monitor this many days back, payments this many.
    public static let championWindow = 30
    public static let paymentWindow = 90

    /// Every monitor over one account as it stood on `health.asOf`. A churned account has none.
    public static func alerts(for health: AccountHealth) -> [Alert] {
        guard !health.isChurned, let latest = health.snapshots.last else { return [] }
        let today = health.asOf
        let account = health.account
        var alerts: [Alert] = []
        func fire(_ m: Monitor, _ s: Alert.Severity, _ evidence: String, _ who: String, _ within: String) {
            alerts.append(Alert(account: account.name, arr: account.arr, monitor: m, severity: s, evidence: evidence, who: who, within: within))
        }
        let scores = health.weeks.map(\.score)
        let n = Format.number

        if scores.count >= 2 {
            let (before, now) = (scores[scores.count - 2], scores[scores.count - 1])
            let drop = percentDrop(from: before, to: now)
            let evidence = "score \(Format.oneDecimal(before)) → \(Format.oneDecimal(now)) (-\(Format.percent(drop)) in a week)"
            if drop > 20 { fire(.healthDropWeek, .red, evidence, "CSM and CSM director", "within 4 h") }
            else if drop > 10 { fire(.healthDropWeek, .orange, evidence, "CSM", "within 4 h") }
        }
        if health.snapshots.count >= 2, let before = health.snapshots[health.snapshots.count - 2][.dau], let now = latest[.dau], before > 0 {
            let drop = percentDrop(from: before, to: now)
            let evidence = "DAU \(n(before)) → \(n(now)) (-\(Format.percent(drop)) in a week)"
            if drop > 50 { fire(.dauDrop, .red, evidence, "CSM and product team", "within 2 h") }
            else if drop > 30 { fire(.dauDrop, .orange, evidence, "CSM and product team", "within 24 h") }
        }
        let recent = health.records.events.filter { $0.date <= today }
        if let left = recent.last(where: { $0.kind == EventKind.championLeft.rawValue && $0.date.days(until: today) <= championWindow }) {
            fire(.championLeft, .red, "logged \(left.date)" + (left.details.map { ": \($0)" } ?? ""), "CSM and sales", "within 24 h")
        }
        let opened = recent.filter { $0.kind == EventKind.severeTicketOpened.rawValue }.count
        let closed = recent.filter { $0.kind == EventKind.severeTicketClosed.rawValue }.count
        if opened - closed > 3 {
            fire(.severeTickets, .orange, "\(opened - closed) open (\(opened) opened, \(closed) closed)", "CSM", "this week")
        }
        if let rate = latest[.apiErrorRatePct] {
            if rate > 10 { fire(.apiErrorRate, .redImmediate, "\(n(rate))% of API calls failing (> 10%)", "technical team and CSM", "immediately") }
            else if rate > 5 { fire(.apiErrorRate, .red, "\(n(rate))% of API calls failing (> 5%)", "technical team and CSM", "within 24 h") }
        }
        let refused = recent.filter { $0.kind == EventKind.paymentRefused.rawValue && $0.date.days(until: today) <= paymentWindow }
        if refused.count > 1 {
            fire(.paymentRefused, .red, "\(refused.count) refused payments in \(paymentWindow) days (last \(refused.last!.date))", "CSM and finance", "within 24 h")
        }
        if scores.count >= 5 {
            let (before, now) = (scores[scores.count - 5], scores[scores.count - 1])
            let drop = percentDrop(from: before, to: now)
            if drop > 15 {
                fire(.healthDropMonth, .orange, "score \(Format.oneDecimal(before)) → \(Format.oneDecimal(now)) (-\(Format.percent(drop)) in four weeks)", "CSM", "this week")
            }
        }
        if let used = latest[.coreFeaturesUsed], used / 6 < 0.3 {
            fire(.featureDepth, .orange, "\(n(used)) of 6 core features used (\(Format.percent(used * 100 / 6)) < 30%)", "CSM", "this week")
        }
        if let scheduled = latest[.meetingsScheduled], let attended = latest[.meetingsAttended], scheduled > 0, attended / scheduled < 0.6 {
            fire(.meetingAttendance, .orange, "\(n(attended)) of \(n(scheduled)) meetings attended (\(Format.percent(attended * 100 / scheduled)) < 60%)", "CSM", "this week")
        }
        if health.snapshots.count >= 5, let before = health.snapshots[health.snapshots.count - 5][.nps], let now = latest[.nps], before - now > 20 {
            fire(.npsDrop, .red, "NPS \(n(before)) → \(n(now)) (-\(n(before - now)) points in four weeks)", "CSM", "within 24 h")
        }
        // The run of weekly declines ending this week; two or more fire.
        var run = 0
        while run + 1 < scores.count && scores[scores.count - 1 - run] < scores[scores.count - 2 - run] { run += 1 }
        if run >= 2 {
            let fall = scores.suffix(run + 1).map(Format.oneDecimal).joined(separator: " → ")
            fire(.declinedTwoWeeks, .red, "fell \(run) weeks running: \(fall)", "CSM", "within 24 h")
        }
        return alerts
    }

    static func percentDrop(from before: Double, to now: Double) -> Double {
        before > 0 ? (before - now) / before * 100 : 0
    }

    /// Most severe first, then the largest ARR, then by name.
    public static func ranked(_ alerts: [Alert]) -> [Alert] {
        alerts.enumerated().sorted { a, b in
            if a.element.severity != b.element.severity { return a.element.severity > b.element.severity }
            let arrA = a.element.arr?.cents ?? 0, arrB = b.element.arr?.cents ?? 0
            if arrA != arrB { return arrA > arrB }
            if a.element.account != b.element.account { return a.element.account < b.element.account }
            return a.offset < b.offset
        }.map(\.element)
    }
}
