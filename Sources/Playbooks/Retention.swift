import Workspace

/// Revenue and logo retention over a period from the subscription ledger, exactly as
/// SPEC.md section 4 defines them. Starting MRR is the MRR on the first day of the accounts
/// active then; their MRR at the end of the last day (the period includes it) splits into
/// expansion, contraction and churn. So consecutive periods add up: a subscription ending on
/// 2026-11-01 (its last day 10-31) churns in October, and twelve months make the year.
public struct Retention: Equatable, Sendable, Encodable {
    public var from: Day
    public var to: Day
    public var accountsAtStart: Int
    public var accountsRetained: Int
    /// Cents.
    public var startingMRR: Int64
    public var expansion: Int64
    public var contraction: Int64
    public var churned: Int64
    /// The same accounts' MRR at the end of the last day: start + expansion − contraction − churned.
    public var endingMRR: Int64
    /// MRR at the end of the last day of accounts not active on the first (new and won back).
    public var newMRR: Int64

    /// NRR = ending ÷ starting MRR; nil with no starting MRR.
    public var nrr: Double? { startingMRR > 0 ? Double(endingMRR) / Double(startingMRR) : nil }
    /// GRR = (starting − churned − contraction) ÷ starting, never above 100 %.
    public var grr: Double? { startingMRR > 0 ? min(1, Double(startingMRR - churned - contraction) / Double(startingMRR)) : nil }
    public var logoRetention: Double? { accountsAtStart > 0 ? Double(accountsRetained) / Double(accountsAtStart) : nil }
    public var churnRate: Double? { logoRetention.map { 1 - $0 } }
    /// Expansion MRR ÷ starting MRR.
    public var expansionRate: Double? { startingMRR > 0 ? Double(expansion) / Double(startingMRR) : nil }

    enum CodingKeys: String, CodingKey {
        case from, to, accountsAtStart = "accounts_at_start", accountsRetained = "accounts_retained", startingMRR = "starting_mrr",
             expansion = "expansion_mrr", contraction = "contraction_mrr", churned = "churned_mrr", endingMRR = "ending_mrr", newMRR = "new_mrr",
             nrr, grr, logoRetention = "logo_retention", churnRate = "churn_rate"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(from, forKey: .from)
        try c.encode(to, forKey: .to)
        try c.encode(accountsAtStart, forKey: .accountsAtStart)
        try c.encode(accountsRetained, forKey: .accountsRetained)
        for (key, cents) in [(CodingKeys.startingMRR, startingMRR), (.expansion, expansion), (.contraction, contraction), (.churned, churned),
                             (.endingMRR, endingMRR), (.newMRR, newMRR)] {
            try c.encode(Double(cents) / 100, forKey: key)
        }
        try c.encode(nrr.map(Retention.rounded), forKey: .nrr)
        try c.encode(grr.map(Retention.rounded), forKey: .grr)
        try c.encode(logoRetention.map(Retention.rounded), forKey: .logoRetention)
        try c.encode(churnRate.map(Retention.rounded), forKey: .churnRate)
    }

    /// Ratios in JSON to four decimals (a tenth of a percent point).
    static func rounded(_ x: Double) -> Double { (x * 10_000).rounded() / 10_000 }

    init(from: Day, to: Day, accountsAtStart: Int, accountsRetained: Int, startingMRR: Int64, expansion: Int64, contraction: Int64, churned: Int64,
         endingMRR: Int64, newMRR: Int64) {
        (self.from, self.to, self.accountsAtStart, self.accountsRetained) = (from, to, accountsAtStart, accountsRetained)
        (self.startingMRR, self.expansion, self.contraction, self.churned, self.endingMRR, self.newMRR) = (startingMRR, expansion, contraction, churned, endingMRR, newMRR)
    }

    /// Over [from, to] for the accounts `include` accepts.
    public init(ledger: Ledger, from: Day, to: Day, include: (Int64) -> Bool = { _ in true }) {
        self.from = from
        self.to = to
        // The period includes `to`: what it ends with is the state once that day is over.
        let end = to.adding(days: 1)
        var atStart = 0, retained = 0
        var starting: Int64 = 0, expansion: Int64 = 0, contraction: Int64 = 0, churned: Int64 = 0, new: Int64 = 0
        for (id, range) in ledger.accounts where include(id) {
            let before = ledger.mrr(range, on: from)
            let wasActive = ledger.isActive(range, on: from)
            let isActive = ledger.isActive(range, on: end)
            let after = ledger.mrr(range, on: end)
            guard wasActive else {
                if isActive { new += after }
                continue
            }
            atStart += 1
            starting += before
            if isActive {
                retained += 1
                if after > before { expansion += after - before } else { contraction += before - after }
            } else {
                churned += before
            }
        }
        accountsAtStart = atStart
        accountsRetained = retained
        startingMRR = starting
        self.expansion = expansion
        self.contraction = contraction
        self.churned = churned
        endingMRR = starting + expansion - contraction - churned
        newMRR = new
    }
}

/// Seed 002's NRR targets by segment: good, great, world-class.
public struct NRRBenchmark: Equatable, Sendable, Encodable {
    public var good: Double
    public var great: Double
    public var worldClass: Double

    enum CodingKeys: String, CodingKey { case good, great, worldClass = "world_class" }

    public static func of(_ segment: Segment) -> NRRBenchmark {
        switch segment {
        case .enterprise: return NRRBenchmark(good: 1.10, great: 1.20, worldClass: 1.30)
        case .midMarket: return NRRBenchmark(good: 1.05, great: 1.10, worldClass: 1.20)
        case .smb: return NRRBenchmark(good: 0.95, great: 1.00, worldClass: 1.10)
        }
    }

    /// "world-class", "great", "good" or "below good".
    public func verdict(_ nrr: Double) -> String {
        // Compared at a tenth of a percent, so 110.0% is "good" for enterprise.
        let x = (nrr * 1000).rounded() / 1000
        return x >= worldClass ? "world-class" : x >= great ? "great" : x >= good ? "good" : "below good"
    }
}
