import Foundation
import Playbooks
import Scoring
import Shell
import Workspace

/// The book's accounts with their summaries, in the order of `accounts()`; `details` holds
/// what only JSON shows of each (`AccountSummary.details`) when asked for. Computed afresh,
/// also what the portfolio review reads of each (`reviews`, in no order).
struct BookSummaries {
    var summaries: [AccountSummary]
    var details: [Int64: String]
    var reviews: [PortfolioReview.Row] = []

    /// What an answer reads of every summary besides what a list shows of a row: nothing more
    /// (only the rows shown make their tails), or its whole tail — made on the other core as
    /// the book is read.
    enum Reading {
        case rows, tails

        /// A kept body read as the answer reads it.
        func summary(id: Int64, asOf: Day, bytes: ArraySlice<UInt8>) -> AccountSummary? {
            let summary = AccountSummary(id: id, asOf: asOf, bytes: bytes)
            if self == .tails { summary?.makeTail() }
            return summary
        }
    }
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
    func book(details: Bool = false, reads: BookSummaries.Reading = .rows) throws -> BookSummaries {
        guard today == clockToday else { return try computed(nil, details: details, keep: false).book }
        let basis = summaryBasis
        // The summaries kept for today: when every account in the book has one, the book is
        // those summaries, accounts and all.
        let quick = try readKept(basis: basis, details: details, reads: reads)
        var found = quick.found, kept = quick.details
        let unread = quick.unread
        if found.count < quick.inBook || !unread.isEmpty {
            // Else the accounts out of date, and any whose body did not read, are computed.
            let fresh = try keepOutdated(also: unread, details: details)
            // A change that landed between the two reads: the account as computed now.
            let computedIDs = Set(fresh.summaries.map { $0.account.id! })
            found = found.filter { !computedIDs.contains($0.account.id!) } + fresh.summaries
            kept.merge(fresh.details) { $1 }
        }
        let all = Account.byName(found, name: { $0.account.name }, id: { $0.account.id })
        // Every account kept and read: they are the book's accounts (`accounts()`).
        if quick.found.count == quick.accounts, unread.isEmpty { remember { all.map(\.account) } }
        return BookSummaries(summaries: all.filter(inBook), details: kept)
    }

    /// Computes the summaries of the accounts in the book today that are out of date (changed
    /// since, or never kept) and of `also`, and keeps each for the stamp it was read at.
    func keepOutdated(also: [Int64] = [], details: Bool = false) throws -> BookSummaries {
        let basis = summaryBasis
        let stale = try store.outdatedSummaries(basis: basis, on: today, also: also)
        guard !stale.isEmpty else { return BookSummaries(summaries: [], details: [:]) }
        let stamps = Dictionary(stale.map { ($0.accountID, $0.stamp) }, uniquingKeysWith: { a, _ in a })
        progress?.begin()
        defer { progress?.finish() }
        let fresh: BookSummaries, rows: [StoredSummary]
        do { (fresh, rows) = try computed(Set(stamps.keys), details: details, keep: true) } catch let error as CommandError where error == .interrupted {
            throw CommandError("interrupted while scoring \(stamps.count) accounts for today's summaries — nothing was kept; ask again to start over")
        }
        // A summary that cannot be kept (the workspace is busy or read-only) is still the answer.
        _ = try? store.save(rows.map { row in
            var row = row
            row.stamp = stamps[row.accountID] ?? nil
            row.basis = basis
            return row
        })
        return fresh
    }

    /// In the book today: started by then. (An account that starts later is not in it yet.)
    private func inBook(_ account: Account) -> Bool { account.startDate.map { $0 <= today } ?? true }
    private func inBook(_ summary: AccountSummary) -> Bool { inBook(summary.account) }

    /// The summaries kept for `basis`, the accounts whose body does not read, their details when
    /// asked, and how many accounts there are. Each block of bodies read is decoded on another
    /// core while the next is read (`BlockDecoder`).
    private func readKept(basis: String, details: Bool, reads: BookSummaries.Reading) throws
        -> (accounts: Int, inBook: Int, found: [AccountSummary], unread: [Int64], details: [Int64: String]) {
        let day = today, blocks = BlockDecoder { id, bytes in reads.summary(id: id, asOf: day, bytes: bytes) }
        var found: [Int64: String] = [:]
        let counts = try store.eachKeptSummary(basis: basis, on: today, details: details) { id, body, text in
            blocks.add(id, body)
            if details { found[id] = text }
        }
        let (made, failed) = blocks.finish()
        return (counts.accounts, counts.inBook, made, failed, found)
    }

    /// The summaries of these accounts (every account when nil) computed afresh, and the rows
    /// that keep them (`keep`).
    func computed(_ only: Set<Int64>?, details: Bool, keep: Bool) throws -> (book: BookSummaries, rows: [StoredSummary]) {
        var book = BookSummaries(summaries: [], details: [:]), rows: [StoredSummary] = []
        let healths = try portfolio(withRecords: true, only: only)
        for (i, health) in healths.enumerated() {
            try Interrupt.check()
            if i % 1000 == 0 { progress?.update("scoring accounts for today's summaries", done: i, total: healths.count, unit: "accounts") }
            let input = PlaybookInput(health: health), alerts = Monitor.alerts(for: health), id = health.account.id!
            // What the last QBR changed reads every week, not only the recent ones.
            let qbr = try PortfolioReview.QBROutcome.recent(input).map {
                PortfolioReview.QBROutcome(account: health.account.name, held: $0.date, health: try self.health(of: health.account))
            }
            let summary = AccountSummary(input, alerts: alerts), review = PortfolioReview.Row(summary, input: input, qbr: qbr)
            let json = details || keep ? AccountSummary.details(input.risk, alerts: alerts) : ""
            book.summaries.append(summary)
            book.reviews.append(review)
            if details { book.details[id] = json }
            if keep {
                rows.append(StoredSummary(accountID: id, stamp: nil, basis: "", body: summary.body, details: json, alerts: AlertHead.kept(summary.alertHeads),
                                          review: review.kept))
            }
        }
        return (book, rows)
    }
}
