import Scoring
import Shell
import Workspace

/// The book's accounts with their summaries, in the order of `accounts()`; `details` holds
/// what only JSON shows of each (`AccountSummary.details`) when asked for.
struct BookSummaries {
    var summaries: [AccountSummary]
    var details: [Int64: String]
}

// Book-wide lists read each account's summary from the workspace, where it is kept until a
// change touches the account (`StoredSummary`), the model changes or the day does. Only the
// out-of-date ones are computed, from the same health and churn risk every other command
// shows, and kept for the next read.
extension Context {
    /// What a kept summary must have been computed for: this cse and format, this model, this day.
    var summaryBasis: String { "cse \(cseVersion) · summary \(AccountSummary.format) · model \(models.fingerprint) · \(today)" }

    /// Every account in the book today with its summary. As of another day than the clock's,
    /// every summary is computed and none is kept.
    func book(details: Bool = false) throws -> BookSummaries {
        guard today == clockToday else { return try computed(nil, details: details, keep: false).book }
        let basis = summaryBasis
        // An account that starts after the day is not in the book on that day.
        let accounts = try accountsWithSummaries(details: details).filter { $0.account.startDate.map { $0 <= today } ?? true }
        var found: [AccountSummary?] = []
        found.reserveCapacity(accounts.count)
        var book = BookSummaries(summaries: [], details: [:])
        var stale: [Int64: Int] = [:]
        for (i, (account, kept)) in accounts.enumerated() {
            if let kept, kept.basis == basis, let summary = AccountSummary(account: account, asOf: today, body: kept.body) {
                found.append(summary)
                if details { book.details[account.id!] = kept.details }
            } else {
                found.append(nil)
                stale[account.id!] = i
            }
        }
        if !stale.isEmpty {
            let many = stale.count > Context.fewAccounts
            if many {
                progress?.begin()
                progress?.update("scoring \(stale.count) accounts for today's summaries", done: 0, total: nil)
            }
            defer { if many { progress?.finish() } }
            let (fresh, rows) = try computed(Set(stale.keys), details: details, keep: true)
            for summary in fresh.summaries { found[stale[summary.account.id!]!] = summary }
            book.details.merge(fresh.details) { $1 }
            // A summary that cannot be kept (the workspace is busy or read-only) is still the answer.
            _ = try? store.save(rows.map { row in
                var row = row
                row.stamp = accounts[stale[row.accountID]!].summary?.stamp
                row.basis = basis
                return row
            })
        }
        book.summaries = found.compactMap { $0 }
        return book
    }

    /// The summaries of these accounts (every account when nil) computed afresh, and the rows
    /// that keep them (`keep`).
    private func computed(_ only: Set<Int64>?, details: Bool, keep: Bool) throws -> (book: BookSummaries, rows: [StoredSummary]) {
        let risks = try portfolio(withRecords: true, only: only).map(ChurnRisk.init(health:))
        var book = BookSummaries(summaries: [], details: [:]), rows: [StoredSummary] = []
        for risk in risks {
            let alerts = Monitor.alerts(for: risk.health)
            let summary = AccountSummary(risk, alerts: alerts), id = risk.health.account.id!
            let json = details || keep ? AccountSummary.details(risk, alerts: alerts) : ""
            book.summaries.append(summary)
            if details { book.details[id] = json }
            if keep { rows.append(StoredSummary(accountID: id, stamp: nil, basis: "", body: summary.body, details: json)) }
        }
        return (book, rows)
    }
}
