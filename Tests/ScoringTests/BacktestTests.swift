import Stats
import XCTest
@testable import Scoring
@testable import Workspace

/// The backtest on books whose churn is known: driven by engagement, or by nothing.
/// Books whose churn is known, for backtest and calibrate.
enum ChurnBook {
    static let last = Day(iso: "2026-11-22")!

    /// `accounts` accounts over `weeks` weeks; engagement wanders, DAU = seats × engagement,
    /// everything else alike. With `signal`, the weekly chance of churning is 0.06 × (1 − e)⁴;
    /// without, 0.25 % for all. (bench/generate_churn_book.py writes the same kind of book.)
    static func book(accounts: Int, weeks: Int, signal: Bool, seed: UInt64) -> [(records: AccountRecords, snapshots: [Snapshot])] {
        var random = SeededRandom(seed: seed)
        func uniform() -> Double { Double(random.next() >> 11) / Double(1 << 53) }
        let first = last.adding(days: -7 * (weeks - 1))
        return (0..<accounts).map { i in
            var account = Account(name: "Book \(i)")
            account.startDate = first.adding(days: -100)
            account.segment = [.enterprise, .midMarket, .smb][i % 3]
            account.plan = "professional"
            var engagement = 0.15 + 0.8 * uniform()
            var snapshots: [Snapshot] = []
            for w in 0..<weeks {
                let week = first.adding(days: 7 * w)
                engagement = min(0.98, max(0.02, engagement + (uniform() - 0.5) * 0.14))
                let hazard = signal ? 0.06 * pow(1 - engagement, 4) : 0.0025
                if uniform() < hazard { account.churnDate = week.adding(days: 3); break }
                var s = Snapshot(accountID: Int64(i), week: week)
                s[.licensedUsers] = 100
                s[.dau] = (100 * engagement).rounded()
                s[.weeklyHours] = 26
                s[.nps] = 25
                snapshots.append(s)
            }
            return (AccountRecords(account: account), snapshots)
        }
    }

    static func dates(_ weeks: Int, every: Int = 4, horizon: Int = 90) -> [Day] {
        let end = last.adding(days: -horizon).lastWeekEnd(on: .sunday)
        return stride(from: 0, to: weeks - 17, by: every).map { end.adding(days: -7 * $0) }.reversed()
    }

}

final class BacktestTests: XCTestCase {
    let last = ChurnBook.last

    func testABookDrivenByEngagementIsRankedWellAndBeatsTheBaseline() {
        let backtest = Backtest(accounts: ChurnBook.book(accounts: 400, weeks: 60, signal: true, seed: 3),
                                settings: .init(dates: ChurnBook.dates(60), horizonDays: 90), model: .claw)
        let figures = backtest.figures(.model)
        XCTAssertGreaterThan(figures.churners, 50)
        XCTAssertGreaterThan(figures.auc!, 0.75)
        XCTAssertGreaterThan(figures.aucInterval!.low, 0.65)
        XCTAssertGreaterThan(backtest.aucDifference()!.low, 0, "the score reads the level of engagement; the baseline only its change")
        let byTier = backtest.rates(by: \.tier, order: Tier.allCases).map { Double($0.churners) / Double($0.observations) }
        XCTAssertEqual(byTier, byTier.sorted(), "churn rises from healthy to critical")
    }

    func testABookWithoutSignalIsNoBetterThanChance() {
        let backtest = Backtest(accounts: ChurnBook.book(accounts: 600, weeks: 60, signal: false, seed: 4),
                                settings: .init(dates: ChurnBook.dates(60), horizonDays: 90), model: .claw)
        let interval = backtest.figures(.model).aucInterval!
        XCTAssertLessThan(interval.low, 0.5)
        XCTAssertGreaterThan(interval.high, 0.5)
    }

    func testLabelsFollowTheHorizonAndNothingAfterTheDateIsRead() {
        let date = Day(iso: "2026-06-28")!
        func account(_ name: String, churn: String?, dau: Double) -> (records: AccountRecords, snapshots: [Snapshot]) {
            var a = Account(name: name)
            a.churnDate = churn.flatMap(Day.init(iso:))
            let weeks = (0..<8).map { w -> Snapshot in
                var s = Snapshot(accountID: 1, week: date.adding(days: -7 * (7 - w)))
                s[.dau] = dau
                s[.licensedUsers] = 100
                return s
            }
            // A week after the date that would change the score if it were read.
            var later = Snapshot(accountID: 1, week: date.adding(days: 7))
            later[.dau] = 100 - dau
            later[.licensedUsers] = 100
            return (AccountRecords(account: a), weeks + [later])
        }
        let accounts = [account("On the horizon", churn: "2026-09-26", dau: 10),   // 90 days after: churned within
                        account("Past it", churn: "2026-09-27", dau: 20),          // 91 days: not within
                        account("Already gone", churn: "2026-06-28", dau: 30),     // churned on the date: not live
                        account("Stays", churn: nil, dau: 90)]
        let backtest = Backtest(accounts: accounts, settings: .init(dates: [date], horizonDays: 90), model: .claw)
        XCTAssertEqual(backtest.observations.map { backtest.names[$0.account] }, ["On the horizon", "Past it", "Stays"])
        XCTAssertEqual(backtest.observations.map(\.churned), [true, false, false])
        let alone = HealthModel.claw.score(accounts[0].snapshots[7], account: accounts[0].records.account)
        XCTAssertEqual(backtest.observations[0].score, alone.total, accuracy: 1e-9, "the week after the date is not read")
        XCTAssertEqual(backtest.observations[0].dauChange, 0, "DAU 10 four weeks ago and now")
        let figures = backtest.figures(.model, bootstrap: false)
        XCTAssertEqual(figures.auc, 1, "the churner has the lowest score")
        XCTAssertEqual(figures.churnersSeen, 1)
    }
}

/// calibrate on the same books: the weight goes on what drives churn, or nothing is found.
final class CalibrationTests: XCTestCase {
    func calibration(signal: Bool, seed: UInt64) -> Calibration {
        let features = ChurnFeatures()
        let dates = ChurnBook.dates(70, every: 2)
        let split = dates.count * 7 / 10
        let test = Array(dates[split...])
        let train = dates.filter { $0.adding(days: 90) <= test[0] }
        let backtest = Backtest(accounts: ChurnBook.book(accounts: 400, weeks: 70, signal: signal, seed: seed),
                                settings: .init(dates: train + test, horizonDays: 90), model: .claw, features: features)
        return Calibration(backtest: backtest, features: features, trainDates: train, testDates: test)!
    }

    func testTheWeightGoesOnTheMetricThatDrivesChurn() {
        let c = calibration(signal: true, seed: 5)
        let strongest = c.fitted.features.max { abs($0.weight) < abs($1.weight) }!
        XCTAssertEqual(strongest.name, "active_user_penetration")
        XCTAssertLessThan(strongest.weight, -0.5, "lower engagement, more churn")
        XCTAssertGreaterThan(c.test.auc!, 0.75)
        XCTAssertTrue(c.verdict(current: "claw").contains("ranks churners better") || c.verdict(current: "claw").contains("nothing better"))
        XCTAssertEqual(c.fitted.level(c.fitted.critical), .critical)
        XCTAssertGreaterThan(c.fitted.critical, c.fitted.high)
        XCTAssertGreaterThan(c.fitted.high, c.fitted.medium)
        XCTAssertTrue(c.dropped.contains("nps"), "the same NPS on every row tells nothing")
    }

    func testABookWithoutSignalGivesNothingBetter() {
        let c = calibration(signal: false, seed: 6)
        XCTAssertLessThanOrEqual(c.test.aucInterval!.low, 0.5)
        XCTAssertTrue(c.verdict(current: "claw").hasPrefix("found nothing better"))
    }
}
