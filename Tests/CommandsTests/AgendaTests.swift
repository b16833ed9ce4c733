import Foundation
import XCTest
import Shell
import Workspace
@testable import Commands

/// Each person's agenda is their own: one person's look at the alerts leaves them new to
/// everyone else, and a red alert stays on the agenda every day until someone acknowledges
/// or snoozes it, or it clears.
final class AgendaTests: WorkspaceTestCase {
    func testEachPersonsAgendaOnSQLite() throws { try eachPersonsAgenda(try workspace("sqlite")) }
    func testEachPersonsAgendaOnPostgreSQL() throws { try eachPersonsAgenda(try workspace("postgres")) }

    /// A shell for `user` on another day.
    func shell(_ location: WorkspaceLocation, as user: String, on day: Day) throws -> OneTruthTests.Runner {
        let context = Context(workspace: try open(location), today: day, specs: Catalog.commands.map(\.spec), directory: folder, progress: nil)
        context.environment = ["CSE_USER": user]
        context.timeOfDay = { "10:00" }
        return OneTruthTests.Runner(context)
    }

    func eachPersonsAgenda(_ location: WorkspaceLocation) throws {
        let (dana, _) = try shell(location, as: "Dana Whitfield")
        let first = dana.say("today")
        XCTAssertTrue(first.contains("Red alerts open (2)"), first)
        XCTAssertTrue(first.contains("Soylent Systems — #1 NPS drop · new ·"), first)

        // Sam looks at the whole book: Soylent's alerts are new to him too, though Dana saw them.
        let (sam, _) = try shell(location, as: "Sam Okafor")
        let book = sam.say("alerts")
        XCTAssertTrue(book.contains("NPS drop · CSM, within 24 h — new"), book)
        XCTAssertFalse(try shell(location, as: "Priya Raman").0.say("today").contains("Soylent"), "Priya's agenda has her accounts only")

        // The next day, Dana's red alerts are still on her agenda, no longer new to her.
        let next = try shell(location, as: "Dana Whitfield", on: today.adding(days: 1))
        let again = next.say("today")
        XCTAssertTrue(again.contains("Red alerts open (2)"), again)
        XCTAssertTrue(again.contains("#1 NPS drop · open since 2026-11-24 ·"), again)

        // Handled: acknowledged by anyone, or snoozed until a day, when it comes back.
        XCTAssertTrue(sam.say("alert ack 1").contains("#1"))
        XCTAssertTrue(sam.say("alert snooze 2 until 2026-11-27").contains("#2"))
        XCTAssertFalse(next.say("today").contains("Red alerts open"))
        let back = try shell(location, as: "Dana Whitfield", on: Day(iso: "2026-11-27")!).say("today")
        XCTAssertTrue(back.contains("Red alerts open (1)"), back)
        XCTAssertTrue(back.contains("#2 health declined two weeks running · open since 2026-11-24"), back)
    }
}
