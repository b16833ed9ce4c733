import Scoring
import Shell
import Workspace

// What backtest and calibrate read: every account's weeks as every command scores them,
// and the observation dates.
extension Context {
    /// Every account with its records and weeks (product events filled in).
    func accountHistories() throws -> [(records: AccountRecords, snapshots: [Snapshot])] {
        try everyAccountsRecords().map { ($0, try snapshots(of: $0.account)) }
    }

    /// Week ends every `every` weeks, back from the last whose horizon has passed (or `to`)
    /// to four weeks after the first week of data (or `from`).
    func observationDates(_ histories: [(records: AccountRecords, snapshots: [Snapshot])], every: Int, horizon: Int,
                          from: Day?, to: Day?, weekEnds: Weekday) throws -> [Day] {
        guard let first = histories.compactMap({ $0.snapshots.first?.week }).min() else {
            throw CommandError("the workspace has no weekly history — import snapshots or product events")
        }
        let lastDate = (to ?? today.adding(days: -horizon)).lastWeekEnd(on: weekEnds)
        let firstDate = (from ?? first.adding(days: 28)).weekEnd(on: weekEnds)
        guard firstDate <= lastDate else {
            throw CommandError("no observation date: the history starts \(first), and the last date whose \(horizon)-day horizon has passed is "
                + "\(today.adding(days: -horizon)) — it needs weeks from at least 4 weeks before that")
        }
        var dates: [Day] = []
        var d = lastDate
        while d >= firstDate { dates.insert(d, at: 0); d = d.adding(days: -7 * every) }
        return dates
    }
}
