/// The events a CSM logs (SPEC.md sections 2 and 3), by the words they use for them.
/// Stored by `rawValue`, which is also how they print.
public enum EventKind: String, CaseIterable, Sendable {
    case championLeft = "champion left"
    case championPromoted = "champion promoted"
    case competitorMentioned = "competitor mentioned"
    case dataExportRequested = "data export requested"
    case billingPageVisited = "billing page visited"
    case meetingAttended = "meeting attended"
    case meetingMissed = "meeting missed"
    case renewalMeetingMissed = "renewal meeting missed"
    case paymentLate = "payment late"
    case paymentRefused = "payment refused"
    case paymentOnTime = "payment on time"
    case supportEscalation = "support escalation"
    case severeTicketOpened = "severe ticket opened"
    case severeTicketClosed = "severe ticket closed"
    case budgetReviewMentioned = "budget review mentioned"
    case contractDowngraded = "contract downgraded"
    case seatsRemoved = "seats removed"
    case procurementDelay = "procurement delay"
    case kickoffHeld = "kickoff held"
    case qbrHeld = "qbr held"
    case integrationFailed = "integration failed"
    case premiumFeatureRequested = "premium feature requested"
    case newTeamInterested = "new team interested"
    case fundingAnnounced = "funding announced"
    case usageAtLimit = "usage at limit"
    // Touches: the CSM's own contact with the account.
    case call
    case emailSent = "email sent"

    /// Other ways of saying the same event.
    public static let synonyms: [String: EventKind] = [
        "champion departed": .championLeft, "champion quit": .championLeft, "key person left": .championLeft,
        "champion changed job": .championLeft, "competitor": .competitorMentioned, "competitor evaluation": .competitorMentioned,
        "evaluating competitor": .competitorMentioned, "data export": .dataExportRequested, "export requested": .dataExportRequested,
        "billing page visit": .billingPageVisited, "billing page": .billingPageVisited, "meeting": .meetingAttended,
        "no show": .meetingMissed, "missed meeting": .meetingMissed, "missed renewal meeting": .renewalMeetingMissed,
        "late payment": .paymentLate, "paid on time": .paymentOnTime, "invoice paid": .paymentOnTime, "payment received": .paymentOnTime, "payment failed": .paymentRefused, "refused payment": .paymentRefused, "chargeback": .paymentRefused,
        "escalation": .supportEscalation, "severe ticket": .severeTicketOpened, "ticket opened": .severeTicketOpened,
        "ticket closed": .severeTicketClosed, "budget review": .budgetReviewMentioned, "budget cut": .budgetReviewMentioned,
        "downgrade": .contractDowngraded, "downgraded": .contractDowngraded, "seats removed": .seatsRemoved,
        "licences removed": .seatsRemoved, "licenses removed": .seatsRemoved, "procurement delayed": .procurementDelay,
        "qbr": .qbrHeld, "business review held": .qbrHeld, "quarterly business review": .qbrHeld, "定期业务回顾": .qbrHeld,
        "kickoff": .kickoffHeld, "kick off held": .kickoffHeld, "integration failure": .integrationFailed,
        "premium feature request": .premiumFeatureRequested, "new team": .newTeamInterested, "funding": .fundingAnnounced,
        "funding round": .fundingAnnounced, "at usage limit": .usageAtLimit, "usage limit": .usageAtLimit,
        "倡导者离职": .championLeft, "竞品": .competitorMentioned, "数据导出": .dataExportRequested, "拒付": .paymentRefused,
        "phone call": .call, "called": .call, "video call": .call, "通话": .call, "电话": .call,
        "email": .emailSent, "e-mail": .emailSent, "e-mail sent": .emailSent, "sent email": .emailSent, "emailed": .emailSent, "邮件": .emailSent,
        "会议": .meetingAttended, "开会": .meetingAttended, "开了会": .meetingAttended, "通了电话": .call, "打了电话": .call, "打电话": .call,
        "开了qbr": .qbrHeld, "qbr开完了": .qbrHeld, "预算审查": .budgetReviewMentioned, "预算审核": .budgetReviewMentioned, "要做预算审查": .budgetReviewMentioned, "导出数据": .dataExportRequested,
        "要求导出数据": .dataExportRequested, "新团队感兴趣": .newTeamInterested, "新团队": .newTeamInterested, "付款逾期": .paymentLate,
        "付款延迟": .paymentLate, "拒绝付款": .paymentRefused, "冠军离职": .championLeft, "联系人离职": .championLeft, "提到竞品": .competitorMentioned,
        "mentioned a competitor": .competitorMentioned, "mentioned competitor": .competitorMentioned, "missed our meeting": .meetingMissed,
        "missed the meeting": .meetingMissed, "payment is late": .paymentLate, "usage limit hit": .usageAtLimit, "hit their usage limit": .usageAtLimit,
        "hit the usage limit": .usageAtLimit, "champion just quit": .championLeft, "qbr happened": .qbrHeld, "the qbr happened": .qbrHeld,
    ]

    /// The CSM's own contact with the account: what "last touch" reads.
    public static let touches: Set<EventKind> = [.call, .emailSent, .meetingAttended, .qbrHeld, .kickoffHeld]

    /// Events that signal room to grow (seed 002's expansion signals).
    public static let expansion: Set<EventKind> = [.premiumFeatureRequested, .newTeamInterested, .fundingAnnounced, .usageAtLimit, .championPromoted]

    /// The event a text starts with, and the rest (details). Longest name first.
    public static func leading(_ text: String) -> (EventKind, String)? {
        let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        for length in stride(from: min(4, words.count), through: 1, by: -1) {
            let key = words.prefix(length).joined(separator: " ").lowercased().trimmingCharacters(in: [":", ",", "-"])
            if let kind = EventKind(rawValue: key) ?? synonyms[key] {
                return (kind, words.dropFirst(length).joined(separator: " "))
            }
        }
        return nil
    }
}
