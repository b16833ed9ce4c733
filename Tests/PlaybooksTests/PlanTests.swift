import XCTest
import Scoring
import Workspace
@testable import Playbooks

/// The plans' dates across month ends and leap years, and the numbers they compute.
final class PlanTests: XCTestCase {
    /// Seed customer A's week, with one snapshot per week up to `today`.
    func input(_ account: Account, today: Day, weeks: Int = 5, contacts: [Contact] = [], events: [Event] = [], goals: [Goal] = [],
               values: [Double?] = [15, 30, 4, 8, 25, 23, 20, 10, 8, 2, 6, 1, 1, 0.8, 99.5, 8, 45, 9, 2]) -> PlaybookInput {
        let snapshots = (0..<weeks).map { Snapshot(accountID: 1, week: today.adding(days: -7 * (weeks - 1 - $0)), values: values) }
        let records = AccountRecords(account: account, contacts: contacts, events: events, goals: goals)
        return PlaybookInput(health: AccountHealth(records: records, snapshots: snapshots, asOf: today))
    }

    func day(_ s: String) -> Day { Day(iso: s)! }

    func testOnboardingMilestonesAcrossFebruaryInALeapYear() throws {
        let account = Account(id: 1, name: "Leap", segment: .enterprise, arr: Money(dollars: 50_000), startDate: day("2024-02-26"))
        let plan = try OnboardingPlan.make(input(account, today: day("2024-03-05"), weeks: 1)).get()
        XCTAssertEqual(plan.phases.map(\.to.description), ["2024-03-03", "2024-03-17", "2024-04-07", "2024-05-19"])
        XCTAssertEqual(plan.ttfvDue.description, "2024-03-27", "enterprise: 30 days")
        XCTAssertEqual(plan.firstWeek.map(\.from.description), ["2024-02-26", "2024-02-27", "2024-02-29", "2024-03-02"])
        let common = try OnboardingPlan.make(input(Account(id: 1, name: "Common", segment: .enterprise, startDate: day("2023-02-26")),
                                                   today: day("2023-03-05"), weeks: 1)).get()
        XCTAssertEqual(common.phases[0].to.description, "2023-03-04", "no 29 February in 2023")
        XCTAssertEqual(plan.phases[0].items.first { $0.text.hasPrefix("Admin") }?.status, .open, "past its date, but only the CSM can know")
        XCTAssertEqual(plan.phases[1].items.first { $0.text.hasPrefix("First 5") }?.status, .done, "15 daily users")
        XCTAssertEqual(plan.signals.first { $0.signal == "no executive sponsor" }?.firing, true)
    }

    func testOnboardingDoesNotApplyAfterNinetyDays() {
        let account = Account(id: 1, name: "Old", startDate: day("2026-01-01"))
        guard case .failure(let why) = OnboardingPlan.make(input(account, today: day("2026-04-01"))) else { return XCTFail("day 90 is past onboarding") }
        XCTAssertTrue(why.reason.contains("past onboarding: day 90"), why.reason)
    }

    func testWinBackSequenceAcrossTheYearEnd() throws {
        let account = Account(id: 1, name: "Gone", startDate: day("2022-01-01"), churnDate: day("2023-12-31"), churnReason: "moved to a competitor")
        let plan = try WinBackPlan.make(input(account, today: day("2024-01-20"))).get()
        XCTAssertEqual(plan.sequence.map(\.date.description), ["2024-01-07", "2024-01-30", "2024-03-30"])
        XCTAssertEqual(plan.sequence.map(\.status), [.past, .next, .later])
        XCTAssertEqual(plan.daysSince, 20)
        XCTAssertEqual(plan.window.successRate, "15–25%")
        XCTAssertEqual(plan.reason, .competition)
        XCTAssertEqual(plan.nextWindow?.starts.description, "2024-01-31")
        let later = try WinBackPlan.make(input(account, today: day("2025-01-05"))).get()
        XCTAssertEqual(later.window.successRate, "under 2%", "371 days: off the list")
    }

    func testRenewalTimelineBackAcrossTwentyNinthFebruary() throws {
        var account = Account(id: 1, name: "Renew", plan: "growth", startDate: day("2022-03-01"))
        account.renewalDate = day("2024-03-01")
        let prep = try RenewalPrep.make(input(account, today: day("2024-01-15"),
                                              contacts: [Contact(accountID: 1, role: .champion, name: "Ann")])).get()
        XCTAssertEqual(prep.timeline.map(\.date.description), ["2023-12-02", "2024-01-01", "2024-01-31", "2024-03-01"])
        XCTAssertEqual(prep.timeline.map(\.status), [.passed, .now, .upcoming, .upcoming])
        XCTAssertEqual(prep.daysLeft, 46)
        XCTAssertTrue(prep.gaps.contains { $0.hasPrefix("single-threaded") })
        XCTAssertTrue(prep.gaps.contains { $0.hasPrefix("no executive sponsor") })
    }

    func testSavePlanCheckpointsAndRootCause() throws {
        let account = Account(id: 1, name: "Falling", segment: .midMarket, plan: "professional", csm: "Dana", startDate: day("2022-01-01"))
        let weak: [Double?] = [3, 30, 1, 1, 5, 10, 20, 10, 4, 0, 0, 0, 0, 3, 96, 5, -20, 6, 0]
        let events = [Event(accountID: 1, date: day("2024-02-20"), kind: EventKind.championLeft.rawValue)]
        let plan = try SavePlan.make(input(account, today: day("2024-02-22"), events: events, values: weak)).get()
        XCTAssertEqual(plan.recovery.map(\.date.description), ["2024-02-29", "2024-03-07", "2024-03-14", "2024-03-23"])
        XCTAssertEqual(plan.rootCause, .people, "the champion left")
        XCTAssertEqual(plan.within48Hours.first?.by.description, "2024-02-23")
        XCTAssertEqual(plan.tier, .critical)
        XCTAssertEqual(plan.escalation.planBy.description, "2024-02-23", "critical: a plan within 24 hours")
        let healthy = SavePlan.make(input(Account(id: 1, name: "Fine", plan: "professional"), today: day("2024-02-22")))
        guard case .failure(let why) = healthy else { return XCTFail("a warning account with no driver needs no save plan") }
        XCTAssertTrue(why.reason.contains("needs none: health 76.1 warning"), why.reason)
    }

    func testSeatExpansionIsPricedFromARRPerSeat() throws {
        let account = Account(id: 1, name: "Globex", segment: .enterprise, plan: "enterprise", arr: Money(dollars: 48_000), startDate: day("2022-01-01"))
        let b: [Double?] = [24, 30, 5, 5, 35, 27, 25, 10, 9, 4, 5, 0, 1, 0.3, 99.8, 9, 60, 8, 1]
        let expansion = try Expansion.make(input(account, today: day("2026-11-24"), values: b)).get()
        XCTAssertEqual(expansion.signals.first?.evidence.hasPrefix("27 of 30 licensed seats in use (90%)"), true)
        XCTAssertEqual(expansion.plays.first?.roi, "9 more seats at $1,600 a seat a year = +$14,400 ARR (back to 70% use)")
        XCTAssertEqual(expansion.potential, Money(dollars: 14_400))
        XCTAssertEqual(expansion.upgradePath, [])
        XCTAssertNil(expansion.hold)
    }

    func testSuccessPlanObjectiveStatusesAndNextReview() throws {
        let today = day("2026-11-24")
        let account = Account(id: 1, name: "Acme", segment: .midMarket, arr: Money(dollars: 8_000), startDate: day("2025-02-22"))
        let goals = [Goal(accountID: 1, objective: "done", status: "achieved"), Goal(accountID: 1, objective: "late", due: day("2026-11-01")),
                     Goal(accountID: 1, objective: "soon", due: day("2026-12-20")), Goal(accountID: 1, objective: "later", due: day("2027-03-01"))]
        let events = [Event(accountID: 1, date: day("2026-08-16"), kind: EventKind.qbrHeld.rawValue)]
        let plan = try SuccessPlan.make(input(account, today: today, events: events, goals: goals)).get()
        XCTAssertEqual(plan.objectives.map(\.status), [.achieved, .overdue, .due, .onTrack])
        XCTAssertEqual(plan.nextReview.description, "2027-02-15", "mid-market: twice a year after the last QBR, 2027-02-14, a Sunday: the Monday")
        var renewing = account
        renewing.renewalDate = day("2027-01-31")
        let early = try SuccessPlan.make(input(renewing, today: today, events: events, goals: goals)).get()
        XCTAssertEqual(early.nextReview.description, "2027-01-29", "before a renewal on Sunday 2027-01-31: the Friday")
        XCTAssertTrue(plan.risks.contains { $0.risk.hasPrefix("objective 2 overdue") })
    }

    func testChurnReasonsReadFromWords() {
        XCTAssertEqual(ChurnReason(describing: "budget cut after a reorganisation"), .financial)
        XCTAssertEqual(ChurnReason(describing: "Moved to a competitor"), .competition)
        XCTAssertEqual(ChurnReason(describing: "missing Salesforce integration"), .product)
        XCTAssertNil(ChurnReason(describing: "no idea"))
        XCTAssertEqual(ChurnReason(describing: "poor onboarding, never adopted"), .value)
    }
}
