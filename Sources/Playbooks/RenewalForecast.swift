import Foundation
import Scoring
import Workspace

/// How a renewal looks: safe, at risk or likely lost, with the reason in the workspace's
/// own facts. Churn risk decides (one definition for every command); a renewal within 30
/// days whose 90-day value review never happened is at risk even at medium churn risk.
public struct RenewalForecast: Sendable {
    public enum Outlook: String, CaseIterable, Codable, Sendable {
        case safe
        case atRisk = "at_risk"
        case likelyLost = "likely_lost"

        public var label: String {
            switch self {
            case .safe: return "safe"
            case .atRisk: return "at risk"
            case .likelyLost: return "likely lost"
            }
        }
    }

    public var prep: RenewalPrep
    public var input: PlaybookInput
    public var outlook: Outlook
    public var reason: String
    /// The step the renewal is at (passed most recently, or due within two weeks), or the next one.
    public var step: RenewalPrep.Step?

    /// Days before the renewal under which a missing value review puts it at risk.
    public static let lateReviewDays = 30

    public init(_ prep: RenewalPrep, input: PlaybookInput) {
        self.prep = prep
        self.input = input
        step = prep.timeline.first { $0.status == .now } ?? prep.timeline.first { $0.status == .upcoming }
        let risk = input.risk
        let health = input.health.current.map { "health \(Format.oneDecimal($0.shown)) \($0.band.label) (\($0.tier.priority)), trend \(input.health.trend.label)" }
        // The heaviest driver that fired, else the health the level stands on.
        let driver = risk.drivers.first.map { "\($0.label): \($0.evidence.shown)" } ?? health
        let review = prep.timeline.first { $0.daysBefore == 90 }
        switch risk.level {
        case .critical:
            outlook = .likelyLost
            reason = "churn risk critical" + (driver.map { " — \($0)" } ?? "")
        case .high:
            outlook = .atRisk
            reason = "churn risk high" + (driver.map { " — \($0)" } ?? "")
        case .medium where prep.daysLeft <= RenewalForecast.lateReviewDays && review?.done == nil:
            outlook = .atRisk
            reason = "\(prep.daysLeft) days left and no value review (QBR) logged in the 120 days before the renewal"
        case .low, .medium:
            outlook = .safe
            reason = "\(health ?? "no weekly data"), churn risk \(risk.level.label)" + (review?.done.map { ", \($0)" } ?? "")
        }
    }
}

extension RenewalForecast {
    /// A month's renewals: how many, their ARR, and that ARR by outlook.
    public struct Month: Equatable, Sendable {
        /// "2026-12".
        public var label: String
        public var count: Int
        public var arr: Money
        public var byOutlook: [Outlook: Money]

        /// A month without renewals.
        public init(label: String) {
            self.label = label
            count = 0
            arr = .zero
            byOutlook = [:]
        }

        public func arr(_ outlook: Outlook) -> Money { byOutlook[outlook] ?? .zero }
    }

    /// "2026-12": the month a day falls in.
    public static func month(_ day: Day) -> String {
        let (y, m, _) = day.components
        return String(format: "%04d-%02d", y, m)
    }

    /// The renewals of `rows` (in date order) totalled by the month they fall in.
    public static func months(_ rows: [RenewalForecast]) -> [Month] {
        var result: [Month] = []
        for row in rows {
            let label = month(row.prep.renewal)
            let arr = row.input.account.arr ?? .zero
            if result.last?.label != label { result.append(Month(label: label)) }
            result[result.count - 1].count += 1
            result[result.count - 1].arr = result[result.count - 1].arr + arr
            result[result.count - 1].byOutlook[row.outlook] = result[result.count - 1].arr(row.outlook) + arr
        }
        return result
    }
}
