import XCTest
import Workspace
@testable import Scoring

final class MonitorTests: XCTestCase {
    let today = Day(iso: "2026-11-24")!

    /// Five weeks of customer A's values with DAU and NPS changed week by week.
    func health(dau: [Double], nps: [Double], account: Account = Account(id: 1, name: "A", plan: "professional", arr: Money(dollars: 8000)),
                events: [Event] = []) -> AccountHealth {
        let weeks = (0..<dau.count).map { i -> Snapshot in
            var s = Snapshot(accountID: 1, week: Day(iso: "2026-10-25")!.adding(days: 7 * i), values: ClawModelTests.customerA)
            s[.dau] = dau[i]
            s[.nps] = nps[i]
            return s
        }
        return AccountHealth(records: AccountRecords(account: account, events: events), snapshots: weeks, asOf: today)
    }

    func testDAUAndScoreDropsAndARunOfDeclines() {
        let h = health(dau: [30, 28, 24, 20, 9], nps: [60, 60, 50, 40, 30])
        let alerts = Dictionary(grouping: Monitor.alerts(for: h), by: \.monitor)
        XCTAssertEqual(alerts[.dauDrop]?.first?.severity, .red, "20 → 9 DAU is -55%")
        XCTAssertEqual(alerts[.dauDrop]?.first?.evidence.shown, "DAU 20 → 9 (-55% in a week)")
        XCTAssertEqual(alerts[.dauDrop]?.first?.evidence, .change(what: "DAU", from: 20, to: 9, weeks: 1, inPoints: false))
        XCTAssertEqual(alerts[.npsDrop]?.first?.evidence.shown, "NPS 60 → 30 (-30 points in four weeks)")
        XCTAssertEqual(h.weeks.map(\.shown), [82.1, 81.4, 80.1, 77.7, 74.1])
        XCTAssertEqual(alerts[.declinedTwoWeeks]?.first?.evidence.shown, "fell 2 weeks running: 80.1 → 77.7 → 74.1",
                       "lower every week, but the first two falls are under 2 points: noise")
        XCTAssertNil(alerts[.featureDepth])
    }

    func testEventsAndRankingBySeverityThenARR() {
        let events = [Event(accountID: 1, date: today.adding(days: -10), kind: "champion left", details: "Maria left"),
                      Event(accountID: 1, date: today.adding(days: -80), kind: "payment refused"),
                      Event(accountID: 1, date: today.adding(days: -5), kind: "payment refused"),
                      Event(accountID: 1, date: today.adding(days: -200), kind: "payment refused")]
        let h = health(dau: [15, 15, 15, 15, 15], nps: [45, 45, 45, 45, 45], events: events)
        let alerts = Monitor.alerts(for: h)
        XCTAssertEqual(Set(alerts.map(\.monitor)), [.championLeft, .paymentRefused])
        XCTAssertEqual(alerts.first { $0.monitor == .paymentRefused }?.evidence.shown, "2 × payment refused in 90 days (last 2026-11-19)")
        let other = Alert(account: "Big", arr: Money(dollars: 90_000), monitor: .featureDepth, severity: .red,
                          evidence: .openTickets(open: 0, opened: 0, closed: 0), who: "", within: "")
        XCTAssertEqual(Monitor.ranked(alerts + [other]).first?.account, "Big")
    }

    func testChurnRiskRaisesTheTierFloor() {
        var account = Account(id: 1, name: "A", plan: "professional", arr: Money(dollars: 8000), startDate: Day(iso: "2024-01-01"))
        account.renewalDate = today.adding(days: 30)
        let quiet = ChurnRisk(health: health(dau: [15, 15, 15, 15, 15], nps: [45, 45, 45, 45, 45], account: account))
        XCTAssertEqual(quiet.drivers.map(\.signal), [], "renews in 30 days, and the snapshot shows 8 of 10 meetings attended")
        XCTAssertEqual(quiet.level, .medium, "the warning tier is the floor")
        XCTAssertNil(quiet.reason, "no driver, no reason")
        let events = [Event(accountID: 1, date: today.adding(days: -3), kind: "contract downgraded"),
                      Event(accountID: 1, date: today.adding(days: -1), kind: "meeting attended")]
        let risk = ChurnRisk(health: health(dau: [15, 15, 15, 15, 15], nps: [45, 45, 45, 45, 45], account: account, events: events))
        XCTAssertEqual(risk.level, .critical, "a very-high driver raises the warning floor (medium) two levels")
        XCTAssertEqual(risk.reason, .financial)
    }
}
