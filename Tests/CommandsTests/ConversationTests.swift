import Foundation
import XCTest
import Shell
import Workspace
@testable import Commands

/// A shell as a CSM talks to it: a question is said back as the command it was taken for,
/// follow-ups go on from the focus, and a change read from a question is made only after a
/// yes — never on a pipe.
final class ConversationTests: WorkspaceTestCase {
    /// A session on the demo workspace whose yes-or-no questions are answered by `answer`
    /// (nil: nobody to ask, as on a pipe); what it asked is kept.
    final class Talk {
        let session: Session
        let out = BufferOutput()
        var asked: [String] = []

        init(_ context: Context, answer: Bool?) {
            session = Session(context: context, commands: Catalog.commands, renderer: Renderer(width: 200, colour: false), json: false, output: out)
            if let answer {
                session.confirm = { [unowned self] question in
                    asked.append(question)
                    return answer
                }
            }
        }

        func say(_ line: String) -> String {
            session.run(line)
            return out.take()
        }
    }

    func context() throws -> Context {
        let context = Context(workspace: try open(try workspace("sqlite")), today: today, specs: Catalog.commands.map(\.spec), directory: folder, progress: nil)
        context.environment = ["CSE_USER": "Dana"]
        return context
    }

    func openTasks(_ talk: Talk) -> String { talk.say("tasks Globex") }

    func testAChangeReadFromAQuestionIsMadeAfterAYes() throws {
        let talk = Talk(try context(), answer: true)
        let said = talk.say("remind me to send Globex the deck by Friday")
        XCTAssertEqual(talk.asked, ["Did you mean: task add Globex send the deck due 2026-11-27 owner Dana Whitfield? [y/N] "])
        XCTAssertTrue(said.contains("task #1 added for Globex: send the deck — due 2026-11-27 — Dana Whitfield"), "'remind me': mine, not the account's CSM: " + said)
        XCTAssertTrue(openTasks(talk).contains("send the deck"))
    }

    func testANoChangesNothing() throws {
        let talk = Talk(try context(), answer: false)
        let said = talk.say("remind me to send Globex the deck by Friday")
        XCTAssertEqual(talk.asked.count, 1)
        XCTAssertEqual(said, "nothing changed\n")
        XCTAssertFalse(openTasks(talk).contains("send the deck"))
    }

    func testOnAPipeAGuessedChangeIsRefused() throws {
        let talk = Talk(try context(), answer: nil)
        XCTAssertFalse(talk.session.run("remind me to send Globex the deck by Friday"))
        let said = talk.out.take()
        XCTAssertTrue(said.contains("did you mean: task add Globex send the deck due 2026-11-27 owner Dana Whitfield?"), said)
        XCTAssertTrue(said.contains("Nothing was changed."), said)
        XCTAssertFalse(openTasks(talk).contains("send the deck"))
        // Typed as the command, it is made without a question.
        XCTAssertTrue(talk.say("task add Globex send the deck due 2026-11-27").contains("task #1 added for Globex"))
    }

    /// An owner's whole name mistyped, where its first name alone would read: the slip is
    /// said with the name it is near, and nothing is asked or made.
    func testAMistypedOwnerIsSaidWithTheNameItIsNear() throws {
        let talk = Talk(try context(), answer: true)
        XCTAssertEqual(talk.say("task add Globex review the SSO request due 2026-12-09 owner Sam Okofar"),
                       "error: no CSM named 'Sam Okofar' — did you mean Sam Okafor?\n")
        XCTAssertEqual(talk.asked, [])
        XCTAssertTrue(talk.say("task add Globex review the SSO request owner Sam Okafor due 2026-12-09").contains("— Sam Okafor"))
    }

    /// Words that would be an option but are not followed by one: read as text, and asked about.
    func testTextHoldingAnOptionsWordIsAskedAbout() throws {
        let talk = Talk(try context(), answer: false)
        let said = talk.say("task add Acme ask the owner about pricing")
        XCTAssertEqual(talk.asked, ["Did you mean: task add Acme Corp \"ask the owner about pricing\"? [y/N] "])
        XCTAssertTrue(said.hasPrefix("'owner' is not followed by a CSM, so it is read as text\n"), said)
    }

    func testFollowUpsGoOnFromTheAccountAndTheListInFocus() throws {
        let talk = Talk(try context(), answer: nil)
        XCTAssertTrue(talk.say("how is Hooli doing?").hasPrefix("→ score Hooli\nHooli — health 52.8 / 100"))
        XCTAssertTrue(talk.say("why?").hasPrefix("→ why Hooli\nHooli — 52.8 in the week ending 2026-11-22"))
        XCTAssertTrue(talk.say("and Acme?").hasPrefix("→ why Acme Corp\nAcme Corp — 76.1"))
        XCTAssertTrue(talk.say("is it at risk?").hasPrefix("→ churn risk Acme Corp\nAcme Corp — churn risk MEDIUM"))
        XCTAssertTrue(talk.say("那Tyrell呢").hasPrefix("→ churn risk Tyrell Corp\nTyrell Corp — churn risk HIGH"))

        let list = talk.say("show me accounts at risk")
        XCTAssertTrue(list.hasPrefix("→ list at-risk accounts\n"), list)
        let sorted = talk.say("sort by ARR")
        XCTAssertTrue(sorted.hasPrefix("→ list at-risk accounts by ARR\nAccount"), sorted)
        let rows = sorted.split(separator: "\n").dropFirst(2).prefix(4).map { $0.split(separator: " ").first ?? "" }
        XCTAssertEqual(rows, ["Hooli", "Soylent", "Tyrell", "Wonka"], "largest ARR first")
        let narrowed = talk.say("just Priya's")
        XCTAssertTrue(narrowed.hasPrefix("→ list at-risk accounts for Priya Raman by ARR\n"), narrowed)
        XCTAssertTrue(narrowed.contains("2 of 12 live accounts"), narrowed)
    }

    func testWhatAQuestionSaidThatWasNotReadIsSaid() throws {
        let talk = Talk(try context(), answer: nil)
        let said = talk.say("at risk accounts over 5k by ARR")
        XCTAssertTrue(said.hasPrefix("→ list at-risk accounts by ARR · not understood: 'over 5k'\n"), said)
        XCTAssertTrue(talk.say("how is Hooli looking this week?").hasPrefix("→ score Hooli\n"), "words that say nothing are not listed")
    }

    func testAYesRunsTheNameADidYouMeanOffered() throws {
        let talk = Talk(try context(), answer: nil)
        XCTAssertEqual(talk.say("score Acmee"), "error: no account named 'Acmee' — did you mean Acme Corp?\n")
        XCTAssertTrue(talk.say("yes").hasPrefix("→ score Acme Corp\nAcme Corp — health 76.1 / 100"))
        XCTAssertTrue(talk.say("yes").hasPrefix("error: cannot read 'yes'"), "offered once")
        _ = talk.say("log Hoolii call")
        _ = talk.say("score Hooli")
        XCTAssertTrue(talk.say("是").hasPrefix("error: cannot read '是'"), "another line forgets the offer: nothing is logged")
        XCTAssertFalse(talk.say("timeline Hooli").contains("call"))
    }

    func testMyBookIsTheUsersAndNotTheAccountInFocus() throws {
        let talk = Talk(try context(), answer: nil)
        _ = talk.say("score Tyrell")
        let said = talk.say("how is my book doing?")
        XCTAssertTrue(said.hasPrefix("→ portfolio review mine\nPortfolio review — Dana Whitfield"), said)
        XCTAssertTrue(talk.say("renewals for me").contains("for Dana Whitfield"))
    }

    func testAQuestionIsAnsweredAsItsCommandIs() throws {
        let talk = Talk(try context(), answer: nil)
        for (question, command) in [("is Hooli going to churn?", "churn risk Hooli"), ("Hooli会流失吗", "churn risk Hooli"),
                                    ("which accounts renew in the next 90 days", "renewals in 90 days"),
                                    ("Acme's success plan", "success plan Acme Corp")] {
            let asked = talk.say(question)
            XCTAssertEqual(asked, "→ \(command)\n" + talk.say(command), question)
        }
    }
}
