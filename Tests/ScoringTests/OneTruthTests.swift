import XCTest
import Workspace
@testable import Scoring

/// Issue 11: every sentence backed by the workspace — who holds a role, what is a data gap,
/// where a reason comes from, the tier as the floor, one source per fact, noise.
final class OneTruthTests: XCTestCase {
    let today = Day(iso: "2026-11-24")!

    func contact(_ role: Contact.Role, _ name: String, recorded: String? = nil) -> Contact {
        Contact(accountID: 1, role: role, name: name, recordedOn: recorded.flatMap(Day.init(iso:)))
    }

    func event(_ daysAgo: Int, _ kind: String, _ details: String? = nil) -> Event {
        Event(accountID: 1, date: today.adding(days: -daysAgo), kind: kind, details: details)
    }

    /// Five weeks of customer A (76.1, warning), with `change` applied to every week.
    func health(account: Account = Account(id: 1, name: "A", plan: "professional", arr: Money(dollars: 8000), startDate: Day(iso: "2024-01-01")),
                contacts: [Contact] = [], events: [Event] = [], weeks: Int = 5, change: (inout Snapshot, Int) -> Void = { _, _ in }) -> AccountHealth {
        let snapshots = (0..<weeks).map { i -> Snapshot in
            var s = Snapshot(accountID: 1, week: Day(iso: "2026-11-22")!.adding(days: -7 * (weeks - 1 - i)), values: ClawModelTests.customerA)
            change(&s, i)
            return s
        }
        return AccountHealth(records: AccountRecords(account: account, contacts: contacts, events: events), snapshots: snapshots, asOf: today)
    }

    // MARK: people

    func testAChampionWhoLeftNoLongerHoldsTheRole() {
        let nina = contact(.champion, "Nina Sharp"), tom = contact(.executiveSponsor, "Tom Becker")
        let records = AccountRecords(account: Account(id: 1, name: "Massive"), contacts: [nina, tom],
                                     events: [event(9, "champion left", "Nina Sharp resigned; Tom Becker covers for now")])
        XCTAssertEqual(records.contacts(on: today).map(\.name), ["Tom Becker"], "the person named first left, not the one named after")
        XCTAssertEqual(records.contacts(on: today.adding(days: -10)).map(\.name), ["Nina Sharp", "Tom Becker"], "before the event she held it")
        XCTAssertEqual(records.departures(on: today).map(\.contact.name), ["Nina Sharp"])
        XCTAssertEqual(records.departures(on: today).first?.event.date, today.adding(days: -9))
    }

    func testAnUnnamedDepartureVacatesTheChampionRecordedBeforeItOnly() {
        let old = contact(.champion, "Ann Lee", recorded: "2026-01-01")
        let records = AccountRecords(account: Account(id: 1, name: "M"), contacts: [old], events: [event(9, "champion left", "resigned")])
        XCTAssertTrue(records.contacts(on: today).isEmpty)
        let recordedSince = contact(.champion, "Jian Yang", recorded: "2026-11-24")
        let hooli = AccountRecords(account: Account(id: 1, name: "Hooli"), contacts: [recordedSince],
                                   events: [event(9, "champion left", "Nelson Bighetti, Director of Operations, left Hooli")])
        XCTAssertEqual(hooli.contacts(on: today).map(\.name), ["Jian Yang"], "set after Nelson (never on record) left: the successor")
        var replaced = contact(.champion, "Ann Lee", recorded: "2026-01-01")
        replaced.replacedOn = today.adding(days: -2)
        let new = contact(.champion, "Bo Chen", recorded: "2026-11-22")
        let later = AccountRecords(account: Account(id: 1, name: "M"), contacts: [replaced, new], events: [event(9, "champion left", "resigned")])
        XCTAssertEqual(later.contacts(on: today).map(\.name), ["Bo Chen"], "set in her place after the departure: the new champion")
        XCTAssertEqual(later.departures.map(\.contact.name), ["Ann Lee"])
    }

    // MARK: data gaps are not drivers

    func testNoContactsAndNoKickoffAreGapsNotDrivers() {
        let start = today.adding(days: -20)
        let account = Account(id: 1, name: "New", plan: "professional", startDate: start)
        let risk = ChurnRisk(health: health(account: account))
        XCTAssertFalse(risk.drivers.contains { $0.signal == .noExecutiveSponsor || $0.signal == .kickoffLate })
        XCTAssertEqual(risk.gaps, [.noContacts, .noKickoffLogged])

        let recorded = ChurnRisk(health: health(account: account, contacts: [contact(.champion, "Lena")], events: [event(8, "kickoff held")]))
        XCTAssertEqual(Set(recorded.drivers.map(\.signal)), [.noExecutiveSponsor, .kickoffLate], "recorded: a champion but no sponsor; kickoff on day 12")
        XCTAssertEqual(recorded.drivers.first { $0.signal == .kickoffLate }?.evidence.shown, "kickoff held 2026-11-16, day 12")
        XCTAssertEqual(recorded.gaps, [])
    }

    // MARK: reasons only from drivers

    func testNoDriverMeansNoReasonAndNoPlays() {
        let risk = ChurnRisk(health: health(contacts: [contact(.champion, "Maria")]))
        XCTAssertTrue(risk.drivers.isEmpty)
        XCTAssertNil(risk.reason)
        XCTAssertEqual(risk.savePlays, [])
    }

    func testTheReasonIsTheCategoryTheDriversWeighMost() {
        let events = [event(5, "budget review mentioned", "budget freeze"), event(2, "payment late")]
        let risk = ChurnRisk(health: health(contacts: [contact(.champion, "Maria")], events: events) { s, i in
            s[.weeklyHours] = i == 4 ? 15 : 25     // down 40 % in four weeks: value, high
            s[.nps] = -10                          // negative NPS: relationship, high
        })
        XCTAssertEqual(risk.drivers.map(\.signal), [.usageDown, .negativeNPS, .budgetReview, .paymentLate])
        XCTAssertEqual(risk.reason, .value, "value 2, relationship 2, financial 1 + 1: a three-way tie goes to the heaviest driver listed first")
        XCTAssertEqual(risk.reasonDrivers.map(\.signal), [.usageDown])
    }

    func testEveryDriverCarriesItsOwnPlayAndNoChampionPlayWithoutAChampionSignal() {
        let risk = ChurnRisk(health: health(contacts: [contact(.champion, "Maria")]) { s, _ in s[.nps] = -20 })
        XCTAssertEqual(risk.reason, .relationship)
        XCTAssertFalse(risk.savePlays.contains { $0.localizedCaseInsensitiveContains("new champion") || $0.localizedCaseInsensitiveContains("new main contact") })
    }

    // MARK: the tier is the floor; dates before the renewal

    func testTheTierIsTheFloor() {
        XCTAssertEqual(ChurnRisk.floor(.critical), .critical)
        XCTAssertEqual(ChurnRisk.floor(.highRisk), .high)
        XCTAssertEqual(ChurnRisk.floor(.warning), .medium)
        XCTAssertEqual(ChurnRisk.floor(.healthy), .low)
    }

    func testTheNextContactNeverFallsAfterTheRenewal() {
        XCTAssertEqual(Intervention.due(tier: .healthy, today: today, renewal: today.adding(days: 10)), today.adding(days: 10))
        XCTAssertEqual(Intervention.due(tier: .healthy, today: today, renewal: today.adding(days: 200)), today.adding(days: 30))
        XCTAssertEqual(Intervention.due(tier: .warning, today: today, renewal: today.adding(days: -3)), today.adding(days: 7), "a renewal passed is no cap")
    }

    // MARK: one source per fact

    func testMeetingsComeFromTheSnapshotWhenItTracksThem() {
        var account = Account(id: 1, name: "Vehement", plan: "professional", startDate: Day(iso: "2024-01-01"))
        account.renewalDate = today.adding(days: 20)
        let met = ChurnRisk(health: health(account: account, contacts: [contact(.champion, "V")]) { s, _ in
            s[.meetingsScheduled] = 4; s[.meetingsAttended] = 4
        })
        XCTAssertFalse(met.drivers.contains { $0.signal == .renewalSignalsMissing }, "4 of 4 attended in the snapshot")
        let none = ChurnRisk(health: health(account: account, contacts: [contact(.champion, "V")]) { s, _ in
            s[.meetingsScheduled] = 3; s[.meetingsAttended] = 0
        })
        XCTAssertEqual(none.drivers.first { $0.signal == .renewalSignalsMissing }?.evidence.shown,
                       "renews 2026-12-14 (in 20 days) and 0 of 3 meetings attended (snapshot of the week ending 2026-11-22)")
        let untracked = ChurnRisk(health: health(account: account, contacts: [contact(.champion, "V")], events: [event(6, "meeting attended")]) { s, _ in
            s[.meetingsScheduled] = nil; s[.meetingsAttended] = nil
        })
        XCTAssertFalse(untracked.drivers.contains { $0.signal == .renewalSignalsMissing }, "no meetings in the snapshot: the logged meeting counts")
    }

    // MARK: logged events feed their driver or monitor

    func testLoggedEventsFeedTheirSignals() {
        let kinds: [(String, ChurnSignal.ID)] = [("payment refused", .paymentRefused), ("payment late", .paymentLate),
                                                 ("renewal meeting missed", .renewalMeetingMissed), ("competitor mentioned", .competitor),
                                                 ("support escalation", .escalation), ("data export requested", .dataExport)]
        for (kind, signal) in kinds {
            let risk = ChurnRisk(health: health(contacts: [contact(.champion, "M")], events: [event(0, kind, "today")]))
            XCTAssertEqual(risk.drivers.map(\.signal), [signal], kind)
        }
        let tickets = (0..<4).map { event($0, "severe ticket opened") }
        let alerts = Monitor.alerts(for: health(events: tickets))
        XCTAssertEqual(alerts.first { $0.monitor == .severeTickets }?.evidence.shown, "4 open (4 opened, 0 closed)")
    }

    // MARK: noise

    func testSteadyDeclinesAreDecliningAndOneStepIsNotVolatile() {
        XCTAssertEqual(Trend(weeklyScores: [50, 47.5, 48, 44, 41]).direction, .declining, "falling with one noise-sized uptick")
        XCTAssertEqual(Trend(weeklyScores: [56.2, 56.2, 53.0, 53.0, 52.8]).direction, .declining, "Hooli: -6% with no rise")
        XCTAssertEqual(Trend(weeklyScores: [60, 60, 60, 57, 57]).direction, .declining, "one 3-point step is not volatility")
        XCTAssertEqual(Trend(weeklyScores: [60, 60, 60, 58.5, 58.5]).direction, .stable, "-2.5%")
        XCTAssertEqual(Trend(weeklyScores: [60, 57, 60, 57, 60]).direction, .volatile)
        XCTAssertEqual(Trend(weeklyScores: [60, 59.5, 60.2, 59.8, 60]).direction, .stable, "changes under 2 points are noise")
    }

    func testATinyDropDoesNotStartARunOfDeclines() {
        XCTAssertEqual(Monitor.declineRun([60, 59.9, 56.9]), 1, "-0.1 then -3.0: one decline")
        XCTAssertEqual(Monitor.declineRun([60, 57, 54]), 2)
    }

    // MARK: monthly surveys

    func testASurveyAnswerIsCarriedForwardWithItsDate() {
        let h = health(weeks: 6) { s, i in if i > 2 { s[.nps] = nil; s[.csmSatisfaction] = nil } }
        let nps = h.current!.metrics.first { $0.metric == .nps }!
        XCTAssertEqual(nps.reading?.value, 45)
        XCTAssertEqual(nps.reading?.shown, "45 (carried from the week ending 2026-11-01)")
        XCTAssertEqual(h.weeks.map(\.shown), Array(repeating: 76.1, count: 6), "no week flips for a survey not yet answered again")
        let stale = SurveyCarry.fill((0..<16).map { i in
            var s = Snapshot(accountID: 1, week: Day(iso: "2026-08-09")!.adding(days: 7 * i))
            if i == 0 { s[.nps] = 30 }
            return s
        })
        XCTAssertEqual(stale[13][.nps], 30, "13 weeks on")
        XCTAssertNil(stale[14][.nps], "not after 13 weeks")
    }
}
