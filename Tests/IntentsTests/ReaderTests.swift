import XCTest
import Workspace
@testable import Intents

/// The reader on a small book: names by their whole name, an alias or a unique start; typed
/// slots that take only what reads as their type; options in any order; questions; follow-ups.
final class ReaderTests: XCTestCase {
    let today = Day(iso: "2026-11-24")!
    let names = NameList(accounts: [(1, "Acme Corp", ["Acme", "ACME Inc"]), (2, "Acme Labs", []), (3, "Globex", []), (4, "星辰科技", ["Xingchen"]),
                                    (5, "Pied Piper", []), (6, "Pied", []), (7, "All Points Logistics", []), (8, "Over Easy Cafe", []),
                                    (9, "Café Olé", [])],
                         csms: ["Dana Whitfield", "Priya Raman"], people: ["Dana Whitfield", "Priya Raman", "Maria Lopez"])

    static let tiers = Vocabulary("tier", ["healthy": ["healthy", "green"], "critical": ["critical", "red", "p0"]])
    let reader = Reader(specs: [
        CommandSpec(name: "score", phrases: ["score {account}", "{account}的评分"], usage: "score ACCOUNT", summary: "", examples: [],
                    natural: Natural(.account, cues: ["how is": 2, "doing": 2, "health": 2, "怎么样": 2])),
        CommandSpec(name: "why", phrases: ["why {account}"], usage: "why ACCOUNT", summary: "", examples: [],
                    natural: Natural(.account, cues: ["why": 3, "drop": 2, "为什么": 3])),
        CommandSpec(name: "list accounts", phrases: ["list {options} accounts", "list accounts"],
                    options: [OptionSpec("tier", type: .choice(tiers), repeats: true, "{value}"), OptionSpec("csm", type: .csm, repeats: true, "for {value}", "{value}'s"),
                              OptionSpec("by", type: .choice(Vocabulary("order", ["arr": ["ARR"], "score": ["score"]])), "by {value}", "sort by {value}")],
                    usage: "list accounts", summary: "", examples: [], natural: Natural(.book, cues: ["accounts": 2, "which": 1])),
        CommandSpec(name: "alerts", phrases: ["alerts", "alerts {account}"],
                    options: [OptionSpec("all", "all"), OptionSpec("over", type: .money, "over {value}", "over {value} arr")],
                    usage: "alerts", summary: "", examples: []),
        CommandSpec(name: "task", actions: ["add": ["task add {account} {text}"], "done": ["task done {number}"]],
                    options: [OptionSpec("due", type: .day(.ahead), "due {value}", "by {value}"), OptionSpec("owner", type: .person, "owner {value}")],
                    usage: "task add ACCOUNT TEXT", summary: "", examples: [], writes: true),
        CommandSpec(name: "note", phrases: ["note {account} {text}"], usage: "note ACCOUNT TEXT", summary: "", examples: [], writes: true),
    ])

    func read(_ line: String, focus: Focus = Focus()) throws -> Reader.Outcome { try reader.read(line, names: names, today: today, focus: focus) }

    func request(_ line: String, focus: Focus = Focus()) throws -> Reader.Reading {
        let outcome = try read(line, focus: focus)
        guard case .reading(let r) = outcome else {
            XCTFail("'\(line)' did not read: \(outcome)")
            throw CancellationError()
        }
        return r
    }

    func message(_ line: String) throws -> String {
        switch try read(line) {
        case .failed(let message, _, _), .suggested(let message, _, _): return message
        default: return ""
        }
    }

    func testAnAccountByItsNameAnAliasOrAUniqueStart() throws {
        XCTAssertEqual(try request("score Acme Corp").request.account()?.id, 1)
        XCTAssertEqual(try request("score ACME").request.account()?.id, 1, "an alias beats the start it shares with Acme Labs")
        XCTAssertEqual(try request("score glo").request.account()?.id, 3)
        XCTAssertEqual(try request("score acme l").request.account()?.id, 2)
        XCTAssertEqual(try request("score xingchen").request.account()?.id, 4)
        XCTAssertEqual(try request("score Cafe Ole").request.account()?.id, 9, "accents need not be typed")
        XCTAssertEqual(try request("星辰科技的评分").request.account()?.id, 4)
        XCTAssertEqual(try message("score Acmee"), "no account named 'Acmee' — did you mean Acme Corp?")
        XCTAssertEqual(try message("score ac"), "'ac' matches 2 accounts: Acme Corp, Acme Labs — type more of the name")
        XCTAssertEqual(try message("score Zeta"), "no account named 'Zeta' — try 'list accounts'")
    }

    func testALongerStartOfAnotherNameMakesTwoReadings() throws {
        XCTAssertEqual(try request("note Pied Piper call went well").request.text(), "call went well")
        XCTAssertEqual(try request("note Pied kickoff booked").request.account()?.id, 6)
    }

    func testAnOptionsWordIsTextWhenNoValueFollowsIt() throws {
        let owner = try request("task add Acme ask the owner about pricing")
        XCTAssertEqual(owner.request.text(), "ask the owner about pricing")
        XCTAssertNil(owner.request.text("owner"))
        XCTAssertTrue(owner.isGuess, "a change on text that holds an option's word is asked about")
        XCTAssertEqual(owner.words, "task add Acme Corp \"ask the owner about pricing\"")
        let email = try request("task add Acme send deck by email")
        XCTAssertEqual(email.request.text(), "send deck by email")
        XCTAssertNil(email.request.day("due"))
        let due = try request("task add Acme send deck by friday owner Priya")
        XCTAssertEqual(due.request.text(), "send deck")
        XCTAssertEqual(due.request.day("due"), Day(iso: "2026-11-27"))
        XCTAssertEqual(due.request.text("owner"), "Priya Raman")
        XCTAssertFalse(due.isGuess)
        let quoted = try request("task add Acme \"ask the owner about pricing\"")
        XCTAssertEqual(quoted.request.text(), "ask the owner about pricing")
        XCTAssertFalse(quoted.isGuess, "quotes say the words are text")
    }

    func testAWordThatStartsANameIsNoOptionWhenTheNameFollows() throws {
        XCTAssertEqual(try request("alerts All Points Logistics").request.account()?.id, 7)
        XCTAssertEqual(try request("alerts all").request.flag("all"), true)
        XCTAssertEqual(try request("alerts Over Easy Cafe").request.account()?.id, 8)
        XCTAssertEqual(try request("alerts over $10,000 ARR").request.money("over"), Money(dollars: 10_000))
    }

    func testOptionsInAnyOrder() throws {
        let a = try request("list critical accounts for Dana by ARR").request
        let b = try request("list accounts by arr for dana critical").request
        XCTAssertEqual(a, b)
        XCTAssertEqual(a.csms(), ["Dana Whitfield"])
        XCTAssertEqual(a.choices("tier"), ["critical"])
        XCTAssertEqual(try request("list critical accounts for Dana by ARR").words, "list critical accounts for Dana Whitfield by ARR")
        XCTAssertEqual(try message("list accounts for Zed"), "no CSM named 'Zed' — the CSMs are Dana Whitfield, Priya Raman")
    }

    /// A day that is none is said wherever it stands — free text, an option — never kept as words.
    func testADayThatIsNoneIsRefused() throws {
        XCTAssertEqual(try message("note Acme call on 31 Nov"), "'31 Nov' is not a date — November has 30 days")
        XCTAssertEqual(try message("task add Acme send the deck due 31 Nov"), "'31 Nov' is not a date — November has 30 days")
        XCTAssertEqual(try message("score Acme as of 31 Nov"), "'31 Nov' is not a date — November has 30 days")
        XCTAssertEqual(try message("score Acme as of Nov 31 2026"), "'Nov 31 2026' is not a date — November has 30 days")
        XCTAssertEqual(try request("score Acme as of yesterday").request.asOf, Day(iso: "2026-11-23"))
        XCTAssertEqual(try request("note Acme 30 Nov was the kickoff").request.text(), "30 Nov was the kickoff")
    }

    func testJSONAndAsOfEndTheLine() throws {
        let r = try request("score Acme as of 2026-10-01 --json")
        XCTAssertTrue(r.request.json)
        XCTAssertEqual(r.request.asOf, Day(iso: "2026-10-01"))
        XCTAssertEqual(try request("note Acme budget frozen as of January").request.text(), "budget frozen as of January", "a change takes no 'as of'")
        guard case .empty = try read("--json") else { return XCTFail() }
    }

    func testQuestionsAreReadAsTheirCommand() throws {
        let how = try request("how is Acme doing?")
        XCTAssertEqual(how.request, try request("score Acme Corp").request)
        XCTAssertEqual(how.how, .rephrased)
        XCTAssertEqual(how.words, "score Acme Corp")
        XCTAssertEqual(try request("why did Acme's score drop").words, "why Acme Corp")
        XCTAssertEqual(try request("which accounts are critical, by ARR").words, "list critical accounts by ARR")
        XCTAssertEqual(try request("星辰科技怎么样").words, "score 星辰科技")
        XCTAssertEqual(try message("how is Acmee doing"), "no account named 'Acmee' — did you mean Acme Corp?")
    }

    func testFollowUpsGoOnFromTheFocus() throws {
        var focus = Focus()
        focus.answered(try request("score Globex").request, writes: false)
        XCTAssertEqual(try request("why?", focus: focus).words, "why Globex")
        XCTAssertEqual(try request("为什么", focus: focus).how, .followUp)
        XCTAssertEqual(try request("and Acme?", focus: focus).words, "score Acme Corp")
        focus.answered(try request("list critical accounts").request, writes: false)
        XCTAssertEqual(try request("sort by ARR", focus: focus).words, "list critical accounts by ARR")
        XCTAssertEqual(try request("just Dana's", focus: focus).words, "list critical accounts for Dana Whitfield")
        guard case .failed = try read("why?") else { return XCTFail("no account in focus: nothing to go on from") }
    }

    func testALongLineIsReadOnce() throws {
        let junk = String(repeating: "x ", count: 50_000)
        guard case .failed = try read(junk) else { return XCTFail() }
        let note = "note Acme " + String(repeating: "word ", count: 20_000)
        XCTAssertEqual(try request(note).request.text()?.count, 20_000 * 5 - 1)
    }
}
