import Workspace
import Scoring

/// Seed 002's retention table by start cohort: the share of each cohort's accounts (or of
/// its starting MRR, for revenue) still active 0, 1, 2, 3, 6 and 12 months after each
/// account's first subscription started. A cell appears only once every account of the
/// cohort is that old. The findings are seed 002's "what to look for", read off the table.
public struct CohortTable: Sendable {
    public static let months = [0, 1, 2, 3, 6, 12]

    public struct Cohort: Equatable, Sendable, Encodable {
        public var label: String
        public var start: Day
        public var accounts: Int
        /// Cents, at each account's first start.
        public var startingMRR: Int64
        /// Logo retention per month column; nil while the cohort is too young.
        public var logos: [Double?]
        /// Revenue retention per month column.
        public var revenue: [Double?]

        enum CodingKeys: String, CodingKey { case label, start, accounts, startingMRR = "starting_mrr", logos = "logo_retention", revenue = "revenue_retention" }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(label, forKey: .label)
            try c.encode(start, forKey: .start)
            try c.encode(accounts, forKey: .accounts)
            try c.encode(Double(startingMRR) / 100, forKey: .startingMRR)
            try c.encode(logos.map { $0.map(Retention.rounded) }, forKey: .logos)
            try c.encode(revenue.map { $0.map(Retention.rounded) }, forKey: .revenue)
        }
    }

    public var byQuarter: Bool
    public var cohorts: [Cohort]

    public init(ledger: Ledger, today: Day, byQuarter: Bool, include: (Int64) -> Bool = { _ in true }) {
        self.byQuarter = byQuarter
        struct Tally { var start: Day; var end: Day; var accounts = 0; var mrr0: Int64 = 0; var active: [Int]; var mrr: [Int64] }
        var tallies: [Day: Tally] = [:]
        let months = CohortTable.months
        for (id, range) in ledger.accounts where include(id) {
            let first = ledger.firstStart(range)
            let c = first.components
            let startMonth = byQuarter ? (c.month - 1) / 3 * 3 + 1 : c.month
            let cohortStart = Day(year: c.year, month: startMonth, day: 1)!
            let cohortEnd = cohortStart.adding(months: byQuarter ? 3 : 1).adding(days: -1)
            var t = tallies[cohortStart] ?? Tally(start: cohortStart, end: cohortEnd, active: Array(repeating: 0, count: months.count),
                                                  mrr: Array(repeating: 0, count: months.count))
            t.accounts += 1
            t.mrr0 += ledger.mrr(range, on: first)
            for (i, k) in months.enumerated() {
                let at = first.adding(months: k)
                guard at <= today else { continue }
                if ledger.isActive(range, on: at) { t.active[i] += 1 }
                t.mrr[i] += ledger.mrr(range, on: at)
            }
            tallies[cohortStart] = t
        }
        cohorts = tallies.values.sorted { $0.start < $1.start }.compactMap { t in
            guard t.end <= today else { return nil }
            let ready = months.map { t.end.adding(months: $0) <= today }
            let label: String
            if byQuarter { label = "Q\((t.start.components.month - 1) / 3 + 1) \(t.start.year)" } else { label = CohortTable.monthName(t.start) }
            return Cohort(label: label, start: t.start, accounts: t.accounts, startingMRR: t.mrr0,
                          logos: months.indices.map { ready[$0] ? Double(t.active[$0]) / Double(t.accounts) : nil },
                          revenue: months.indices.map { ready[$0] && t.mrr0 > 0 ? Double(t.mrr[$0]) / Double(t.mrr0) : nil })
        }
    }

    static func monthName(_ day: Day) -> String {
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][day.components.month - 1] + " \(day.year)"
    }

    /// Seed 002's four questions, answered from the table: are newer cohorts better, where
    /// is the steepest drop, which cohort is best, and does revenue hold up better than logos.
    public func findings(revenue: Bool) -> [String] {
        func cells(_ c: Cohort) -> [Double?] { revenue ? c.revenue : c.logos }
        let what = revenue ? "revenue" : "logo"
        var found: [String] = []
        let pct = { (x: Double) in Format.percent(x * 100) }
        // Newer vs older: the latest column at least four cohorts have.
        if let column = CohortTable.months.indices.reversed().first(where: { i in cohorts.filter { cells($0)[i] != nil }.count >= 4 }), column > 0 {
            let have = cohorts.filter { cells($0)[column] != nil }
            let half = have.count / 2
            let older = have.prefix(half).map { cells($0)[column]! }, newer = have.suffix(half).map { cells($0)[column]! }
            let (o, n) = (older.reduce(0, +) / Double(older.count), newer.reduce(0, +) / Double(newer.count))
            let month = CohortTable.months[column]
            found.append(n > o + 0.005 ? "Newer cohorts retain better: month-\(month) \(what) retention \(pct(n)) for the newer half against \(pct(o)) for the older — onboarding and product changes are working"
                : n < o - 0.005 ? "Newer cohorts retain worse: month-\(month) \(what) retention \(pct(n)) for the newer half against \(pct(o)) for the older — look at what changed in onboarding or acquisition"
                : "Newer and older cohorts retain alike at month \(month) (\(pct(n)) against \(pct(o)))")
        }
        // Steepest drop between columns, averaged over the cohorts that have both.
        var steepest: (from: Int, to: Int, drop: Double)?
        for i in 1..<CohortTable.months.count {
            let pairs = cohorts.compactMap { c -> Double? in
                guard let a = cells(c)[i - 1], let b = cells(c)[i] else { return nil }
                return a - b
            }
            guard !pairs.isEmpty else { continue }
            let drop = pairs.reduce(0, +) / Double(pairs.count)
            if drop > (steepest?.drop ?? 0) { steepest = (CohortTable.months[i - 1], CohortTable.months[i], drop) }
        }
        if let s = steepest {
            let meaning = s.to <= 2 ? "early months point to onboarding" : s.from >= 6 ? "months 6–12 point to value and renewal" : "the first quarter is where adoption settles"
            found.append("The steepest drop is from month \(s.from) to month \(s.to): \(Format.oneDecimal(s.drop * 100)) points on average — \(meaning)")
        }
        // Best cohort at the longest column two or more cohorts have.
        if let column = CohortTable.months.indices.reversed().first(where: { i in cohorts.filter { cells($0)[i] != nil }.count >= 2 }), column > 0 {
            let best = cohorts.filter { cells($0)[column] != nil }.max { cells($0)[column]! < cells($1)[column]! }!
            found.append("Best cohort: \(best.label), \(pct(cells(best)[column]!)) at month \(CohortTable.months[column]) (\(best.accounts) account\(best.accounts == 1 ? "" : "s"))")
        }
        // Revenue against logos at the latest column most cohorts have.
        if let column = CohortTable.months.indices.reversed().first(where: { i in cohorts.filter { $0.logos[i] != nil && $0.revenue[i] != nil }.count >= 2 }), column > 0 {
            let have = cohorts.filter { $0.logos[column] != nil && $0.revenue[column] != nil }
            let logos = have.map { $0.logos[column]! }.reduce(0, +) / Double(have.count)
            let money = have.map { $0.revenue[column]! }.reduce(0, +) / Double(have.count)
            found.append(money >= logos
                ? "Revenue holds up better than logos at month \(CohortTable.months[column]) (\(pct(money)) against \(pct(logos))): expansion offsets the accounts lost"
                : "Revenue falls faster than logos at month \(CohortTable.months[column]) (\(pct(money)) against \(pct(logos))): the accounts lost were the larger ones, or they shrank")
        }
        return found
    }
}
