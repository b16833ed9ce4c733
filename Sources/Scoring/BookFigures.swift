import Workspace

/// The book's money and counts, one definition each, named in the output as here: every
/// command that shows one of these calls this.
public enum BookFigures {
    /// Live on the day: not churned by then. (An account not yet started is not in the
    /// book at all on that day.)
    public static func isLive(_ health: AccountHealth) -> Bool { !health.isChurned }

    /// "ARR": the live accounts' ARR added up; churned accounts are out of the book.
    public static func arr(_ book: [AccountHealth]) -> Money { total(book.filter(isLive).map(\.account)) }

    /// "At risk": churn risk high or critical — every P0–P1 account (the tier is the floor)
    /// and any other whose drivers raise it there.
    public static func isAtRisk(level: ChurnRisk.Level, churned: Bool) -> Bool { !churned && level >= .high }
    public static func isAtRisk(_ risk: ChurnRisk) -> Bool { isAtRisk(level: risk.level, churned: risk.health.isChurned) }

    /// "ARR at risk": the ARR of the live accounts at risk.
    public static func arrAtRisk(_ risks: [ChurnRisk]) -> Money { total(risks.filter(isAtRisk).map(\.health.account)) }

    public static func total(_ accounts: [Account]) -> Money { sum(accounts.map(\.arr)) }
    /// ARRs added up, a missing one as none.
    public static func sum(_ arrs: [Money?]) -> Money { arrs.reduce(.zero) { $0 + ($1 ?? .zero) } }

    /// What the subscription ledger says the account pays a year on `day` (its active MRR ×
    /// 12); nil when the ledger has no row for it. `show` says when it differs from the ARR.
    public static func ledgerARR(_ subscriptions: [Subscription], on day: Day) -> Money? {
        guard !subscriptions.isEmpty else { return nil }
        let mrr = subscriptions.filter { $0.start <= day && ($0.end.map { $0 > day } ?? true) }.reduce(Money.zero) { $0 + $1.mrr }
        return Money(cents: mrr.cents * 12)
    }

    public static let arrMeaning = "ARR of live accounts (churned ones are out of the book)"
    public static let atRiskMeaning = "churn risk high or critical: every P0–P1 account, and any other whose drivers raise it there"
}
