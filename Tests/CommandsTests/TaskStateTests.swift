import Foundation
import XCTest
import Shell
import Workspace
@testable import Commands

/// Tasks live in the workspace: they outlast the shell that made them, and undo takes back
/// each change, in a later shell's workspace too.
final class TaskStateTests: XCTestCase {
    let today = Day(iso: "2026-11-24")!
    var folder = ""

    override func setUpWithError() throws {
        folder = (NSTemporaryDirectory() as NSString).appendingPathComponent("cse-tasks-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: folder) }

    func shell(_ path: String, on day: Day) throws -> (OneTruthTests.Runner, Context) {
        let context = Context(workspace: try WorkspaceDirectory(path: path), today: day, specs: Catalog.commands.map(\.spec), directory: folder, progress: nil)
        return (OneTruthTests.Runner(context), context)
    }

    func testTasksSurviveARestartAndUndoTakesEachChangeBack() throws {
        let path = (folder as NSString).appendingPathComponent("ws")
        try WorkspaceDirectory.create(at: path, demoAsOf: today)
        var (run, context) = try shell(path, on: today)
        _ = run.say("task add Acme send the renewal proposal due friday")
        _ = run.say("save plan Soylent")
        _ = run.say("accept")
        _ = run.say("task done 1")
        _ = run.say("task snooze 2 until 2026-12-01")

        // A new shell on the same workspace, the next day.
        (run, context) = try shell(path, on: today.adding(days: 1))
        let tasks = try context.store.tasks()
        XCTAssertEqual(tasks.count, 11, "one by hand, ten from the save plan")
        XCTAssertEqual(tasks.first { $0.id == 1 }?.done, today)
        XCTAssertEqual(tasks.first { $0.id == 2 }?.snoozedUntil, Day(iso: "2026-12-01"))
        XCTAssertEqual(tasks.filter { $0.source == "save plan" }.count, 10)
        let listed = run.say("tasks Soylent")
        XCTAssertFalse(listed.contains("Call Sol Roth"), "task 2 (the call) is snoozed: \(listed)")
        XCTAssertTrue(listed.contains("Agree the intervention plan"), listed)
        XCTAssertTrue(listed.contains("1 snoozed"), "the snoozed one is hidden and counted")

        // Undo in the new shell takes back what it did there.
        _ = run.say("task done 3")
        XCTAssertNotNil(try context.store.tasks().first { $0.id == 3 }?.done)
        _ = run.say("undo")
        XCTAssertNil(try context.store.tasks().first { $0.id == 3 }?.done)
        _ = run.say("accept")
        XCTAssertEqual(try context.store.tasks().count, 11, "accept in a new shell has no plan to add")
        _ = run.say("save plan Soylent")
        _ = run.say("accept")
        XCTAssertEqual(try context.store.tasks().count, 11, "the plan's actions are already open tasks")
    }

    func testAlertTriageSurvivesARestartAndNewMeansNewSinceTheLastLook() throws {
        let path = (folder as NSString).appendingPathComponent("ws")
        try WorkspaceDirectory.create(at: path, demoAsOf: today)
        var (run, context) = try shell(path, on: today)
        let first = run.say("alerts")
        XCTAssertTrue(first.contains("11 new since your last look"), first)
        XCTAssertFalse(run.say("alerts").contains("new since"), "the second look has nothing new")
        _ = run.say("alert ack 1")
        _ = run.say("alert snooze 2 until 2026-11-27")

        (run, context) = try shell(path, on: today)
        let states = try context.store.alertStates()
        XCTAssertEqual(states.first { $0.id == 1 }?.acked, today)
        XCTAssertEqual(states.first { $0.id == 2 }?.snoozedUntil, Day(iso: "2026-11-27"))
        let after = run.say("alerts")
        XCTAssertFalse(after.contains("key person (champion) left"), "acknowledged: hidden while it fires")
        XCTAssertTrue(after.contains("2 acknowledged or snoozed"), after)
        _ = run.say("alert ack 3")
        _ = run.say("undo")
        XCTAssertNil(try context.store.alertStates().first { $0.id == 3 }?.acked)

        // Once the snooze is over it is back; the acknowledged one stays hidden.
        (run, context) = try shell(path, on: Day(iso: "2026-11-27")!)
        let later = run.say("alerts Soylent")
        XCTAssertTrue(later.contains("NPS drop"), later)
    }

    func testAnAcknowledgedAlertIsATaskThatClosesWhenTheAlertClears() throws {
        let path = (folder as NSString).appendingPathComponent("ws")
        try WorkspaceDirectory.create(at: path, demoAsOf: today)
        let (run, context) = try shell(path, on: today)
        _ = run.say("alerts Tyrell")
        let id = try XCTUnwrap(try context.store.alertStates().first?.id)
        XCTAssertTrue(run.say("alert ack \(id)").contains("and a task until it clears"))
        let task = try XCTUnwrap(try context.store.tasks().first { $0.source == "alert #\(id)" })
        XCTAssertTrue(task.text.hasPrefix("meeting attendance: 3 of 6 meetings attended"), task.text)
        XCTAssertEqual(task.due, today.adding(days: 7), "this week")
        XCTAssertNil(task.done)
        // Every meeting attended this week: the alert clears at the next look, and the task is done.
        _ = run.say("set Tyrell meetings attended 6")
        XCTAssertTrue(run.say("alerts Tyrell").contains("no alerts"))
        XCTAssertEqual(try context.store.tasks().first { $0.source == "alert #\(id)" }?.done, today)
    }

    /// Snoozing until a day moves the due date to it: on that day the task is due, not late.
    func testASnoozedTaskIsDueOnTheDayItComesBackNotLate() throws {
        let path = (folder as NSString).appendingPathComponent("ws")
        try WorkspaceDirectory.create(at: path, demoAsOf: today)
        var (run, context) = try shell(path, on: today)
        _ = run.say("task add Acme send the renewal proposal due 2026-11-25")
        XCTAssertEqual(run.say("task snooze 1 until next monday"),
                       "task #1 (Acme Corp: send the renewal proposal) is snoozed until 2026-11-30 — now due 2026-11-30 (was 2026-11-25)\n")
        let monday = Day(iso: "2026-11-30")!
        XCTAssertEqual(try context.store.tasks().first?.due, monday)
        (run, context) = try shell(path, on: monday)
        let tasks = run.say("tasks")
        XCTAssertTrue(tasks.contains("1  today  Acme Corp  send the renewal proposal"), tasks)
        let agenda = run.say("today")
        XCTAssertFalse(agenda.contains("late"), agenda)
        XCTAssertTrue(agenda.contains("Acme Corp — #1 send the renewal proposal · owner Dana Whitfield"), agenda)
        // A task due after the day it is snoozed to keeps its date; undo takes the move back.
        _ = run.say("task add Hooli find a new champion due 2026-12-20")
        XCTAssertEqual(run.say("task snooze 2 until 2026-12-01"), "task #2 (Hooli: find a new champion) is snoozed until 2026-12-01\n")
        XCTAssertEqual(try context.store.tasks().first { $0.id == 2 }?.due, Day(iso: "2026-12-20"))
        (run, context) = try shell(path, on: today)
        _ = run.say("task snooze 1 until 2026-12-03")
        _ = run.say("undo")
        let task = try XCTUnwrap(try context.store.tasks().first { $0.id == 1 })
        XCTAssertEqual(task.due, monday)
        XCTAssertEqual(task.snoozedUntil, monday)
    }

    /// A task's owner is a CSM of the book, by their name or a first name only they have;
    /// "for Dana Whitfield", "for Dana" and "mine" (the user is Dana) are the same tasks.
    func testTaskOwnersAreTheBooksCSMsAndMineIsTheUsers() throws {
        let path = (folder as NSString).appendingPathComponent("ws")
        try WorkspaceDirectory.create(at: path, demoAsOf: today)
        let (run, context) = try shell(path, on: today)
        context.environment = ["CSE_USER": "Dana Whitfield"]
        _ = run.say("set Hooli csm Marcus Bell")
        XCTAssertEqual(run.say("task add Hooli find a new champion owner Priya"), "task #1 added for Hooli: find a new champion — Priya Raman\n")
        XCTAssertEqual(run.say("task add Acme send the deck owner Dana"), "task #2 added for Acme Corp: send the deck — Dana Whitfield\n")
        XCTAssertEqual(run.say("task add Initech call the sponsor owner me"), "task #3 added for Initech: call the sponsor — Dana Whitfield\n")
        XCTAssertEqual(run.say("task add Hooli get the budget"), "task #4 added for Hooli: get the budget — Marcus Bell\n")
        XCTAssertEqual(run.say("task add Acme review usage owner Marcs"), "error: no CSM named 'Marcs' — did you mean Marcus Bell?\n")
        XCTAssertEqual(try context.store.tasks().count, 4, "nothing added for a CSM nobody is")
        XCTAssertEqual(try context.store.tasks().map(\.owner), ["Priya Raman", "Dana Whitfield", "Dana Whitfield", "Marcus Bell"])

        let whole = run.say("tasks for Dana Whitfield")
        XCTAssertTrue(whole.hasPrefix("Open tasks for Dana Whitfield (2)"), whole)
        XCTAssertEqual(run.say("tasks for Dana"), whole)
        XCTAssertEqual(run.say("tasks mine"), whole)
        XCTAssertEqual(run.say("my tasks"), whole)
        // Mine is one definition: the same CSM for the list of accounts.
        XCTAssertEqual(run.say("list accounts mine"), run.say("list accounts for Dana Whitfield"))
        context.environment = ["CSE_USER": "dana"]
        XCTAssertEqual(run.say("tasks mine"), whole, "a first name only one CSM has")
        context.environment = ["CSE_USER": "zed"]
        XCTAssertTrue(run.say("tasks mine").hasPrefix("error: no CSM is named 'zed' (you, from CSE_USER or your login name)"))
    }
}
