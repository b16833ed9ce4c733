import Foundation
import Workspace

/// A portfolio review as a store keeps it for a terminal (`WorkspaceStore.keep(answer:)`):
/// every figure exactly, and of each long list its length and its first `keptLines` lines —
/// a terminal shows ten at-risk accounts and a screenful of each question's evidence. The
/// accounts behind each answer, which only JSON shows, are not kept: a kept review is never
/// written as JSON, and a list is never read past the lines kept.
extension PortfolioReview {
    /// The most lines of a list a kept review can show.
    public static let keptLines = 200

    /// The review of one CSM's book (`csm`) or the whole book, as kept; nil when a figure is
    /// not a finite number (it would not read back): such a review is not kept.
    public func kept(for csm: String?) -> String? {
        let lines = { (l: Lines) in Kept.Lines(count: l.count, first: Array(l.prefix(PortfolioReview.keptLines))) }
        let retention = { (r: Retention?) in
            r.map { Kept.Retention(from: $0.from, to: $0.to, counts: [$0.accountsAtStart, $0.accountsRetained],
                                   cents: [$0.startingMRR, $0.expansion, $0.contraction, $0.churned, $0.endingMRR, $0.newMRR]) }
        }
        let kept = Kept(csm: csm, today: today, accounts: accounts, arr: arr, tiers: tiers.map { Kept.Tier(tier: $0.tier, emoji: $0.emoji, accounts: $0.accounts, arr: $0.arr) },
                        churned: churned, noData: noData, yearRetention: retention(yearRetention), monthToDate: retention(monthToDate),
                        averageHealth: averageHealth, averageHealthFourWeeksAgo: averageHealthFourWeeksAgo, qbrsLast90Days: qbrsLast90Days,
                        onboarding: onboarding,
                        renewals: renewals.map { Kept.Renewals(days: $0.days, accounts: $0.accounts, arr: $0.arr, onTrack: $0.onTrack, atRisk: $0.atRisk) },
                        arrAtRisk: arrAtRisk, atRiskAccounts: lines(atRiskAccounts),
                        questions: questions.map { Kept.Question(key: $0.key, question: $0.question, answer: $0.answer, evidence: lines($0.evidence)) })
        return (try? JSONEncoder().encode(kept)).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The review `kept(for:)` wrote, and the CSM it is for; nil when the text is not one.
    public static func kept(_ text: String) -> (review: PortfolioReview, csm: String?)? {
        guard let k = try? JSONDecoder().decode(Kept.self, from: Data(text.utf8)), let review = PortfolioReview(k) else { return nil }
        return (review, k.csm)
    }

    private init?(_ k: Kept) {
        let lines = { (l: Kept.Lines) in Lines(count: l.count) { l.first[$0] } }
        let retention = { (r: Kept.Retention?) -> Retention? in
            r.map { Retention(from: $0.from, to: $0.to, accountsAtStart: $0.counts[0], accountsRetained: $0.counts[1], startingMRR: $0.cents[0],
                              expansion: $0.cents[1], contraction: $0.cents[2], churned: $0.cents[3], endingMRR: $0.cents[4], newMRR: $0.cents[5]) }
        }
        guard k.yearRetention.map({ $0.counts.count == 2 && $0.cents.count == 6 }) ?? true,
              k.monthToDate.map({ $0.counts.count == 2 && $0.cents.count == 6 }) ?? true,
              ([k.atRiskAccounts] + k.questions.map(\.evidence)).allSatisfy({ $0.first.count == min($0.count, PortfolioReview.keptLines) })
        else { return nil }
        today = k.today
        accounts = k.accounts
        arr = k.arr
        tiers = k.tiers.map { TierRow(tier: $0.tier, emoji: $0.emoji, accounts: $0.accounts, arr: $0.arr) }
        churned = k.churned
        noData = k.noData
        yearRetention = retention(k.yearRetention)
        monthToDate = retention(k.monthToDate)
        averageHealth = k.averageHealth
        averageHealthFourWeeksAgo = k.averageHealthFourWeeksAgo
        qbrsLast90Days = k.qbrsLast90Days
        onboarding = k.onboarding
        renewals = k.renewals.map { Renewals(days: $0.days, accounts: $0.accounts, arr: $0.arr, onTrack: $0.onTrack, atRisk: $0.atRisk) }
        arrAtRisk = k.arrAtRisk
        atRiskAccounts = lines(k.atRiskAccounts)
        questions = k.questions.map { Question($0.key, $0.question, answer: $0.answer, evidence: lines($0.evidence), accounts: []) }
    }

    /// The kept form: plain values, each figure as the review holds it.
    private struct Kept: Codable {
        struct Lines: Codable { var count: Int; var first: [String] }
        struct Tier: Codable { var tier: String; var emoji: String; var accounts: Int; var arr: Double }
        struct Retention: Codable { var from: Day; var to: Day; var counts: [Int]; var cents: [Int64] }
        struct Renewals: Codable { var days: Int; var accounts: Int; var arr: Double; var onTrack: Int; var atRisk: [String] }
        struct Question: Codable { var key: String; var question: String; var answer: String; var evidence: Lines }
        var csm: String?
        var today: Day
        var accounts: Int
        var arr: Double
        var tiers: [Tier]
        var churned: Int
        var noData: Int
        var yearRetention: Retention?
        var monthToDate: Retention?
        var averageHealth: Double?
        var averageHealthFourWeeksAgo: Double?
        var qbrsLast90Days: Int
        var onboarding: Int
        var renewals: [Renewals]
        var arrAtRisk: Double
        var atRiskAccounts: Lines
        var questions: [Question]
    }
}
