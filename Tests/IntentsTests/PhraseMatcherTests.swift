import XCTest
@testable import Intents

final class PhraseMatcherTests: XCTestCase {
    func match(_ phrase: String, _ line: String) -> [String: String]? { PhraseMatcher.match(Phrase(phrase), line: line) }

    func testCaseSpacingAndTrailingPunctuationDoNotMatter() {
        XCTAssertEqual(match("score {account}", "SCORE   Acme Corp?"), ["account": "Acme Corp"])
        XCTAssertEqual(match("list {filter} accounts", "List at-risk accounts."), ["filter": "at-risk"])
        XCTAssertEqual(match("score {account}", "score \"Acme Corp\""), ["account": "Acme Corp"])
    }

    func testLatinWordsMatchWhole() {
        XCTAssertNil(match("score {account}", "scoreboard Acme"))
        XCTAssertNil(match("list accounts", "list accountsx"))
    }

    func testChineseNeedsNoSpaces() {
        XCTAssertEqual(match("{account}的评分", "Acme的评分"), ["account": "Acme"])
        XCTAssertEqual(match("{account}的评分", "星辰科技的评分？"), ["account": "星辰科技"])
        XCTAssertEqual(match("{account}的评分", "Acme Corp 的评分"), ["account": "Acme Corp"])
    }

    func testParserPrefersTheMoreSpecificPhrase() {
        let parser = Parser(specs: [
            CommandSpec(name: "score", phrases: ["score {account}", "score of {account}"], usage: "", summary: "", examples: []),
        ])
        guard case .matched(let m) = parser.parse("score of Acme") else { return XCTFail() }
        XCTAssertEqual(m.slots["account"], "Acme")
    }

    func testUnknownCommandsSuggestTheNearest() {
        let parser = Parser(specs: [
            CommandSpec(name: "score", phrases: ["score {account}"], usage: "score ACCOUNT", summary: "", examples: []),
            CommandSpec(name: "list accounts", phrases: ["list accounts"], usage: "list accounts", summary: "", examples: []),
        ])
        XCTAssertEqual(parser.parse("scroe Acme"), .unknown(suggestions: [0]))
        XCTAssertEqual(parser.parse("score"), .incomplete([0]))
        XCTAssertEqual(parser.parse("frobnicate"), .unknown(suggestions: []))
        XCTAssertEqual(parser.parse("   "), .empty)
    }

    let catalog = Parser(specs: [
        CommandSpec(name: "score", phrases: ["score {account}", "{account}的评分"], usage: "score ACCOUNT", summary: "", examples: []),
        CommandSpec(name: "note", phrases: ["note {rest}"], usage: "note ACCOUNT TEXT", summary: "", examples: [], accountSlots: ["rest"], writes: true),
    ])

    func testJSONAndAsOfAreTrailingSlotsOfTheGrammar() {
        guard case .matched(let score) = catalog.parse("score Acme Corp as of 2026-10-01 --json") else { return XCTFail() }
        XCTAssertEqual(score.slots["account"], "Acme Corp")
        XCTAssertEqual(score.options, TrailingOptions(json: true, asOf: "2026-10-01"))
        guard case .matched(let swapped) = catalog.parse("score Acme --json as of 2026-10-01") else { return XCTFail() }
        XCTAssertEqual(swapped.options, TrailingOptions(json: true, asOf: "2026-10-01"))
        guard case .matched(let chinese) = catalog.parse("Acme的评分 截至 2026-10-01") else { return XCTFail() }
        XCTAssertEqual(chinese.slots["account"], "Acme")
        XCTAssertEqual(chinese.options.asOf, "2026-10-01")
        guard case .matched(let bad) = catalog.parse("score Acme as of January") else { return XCTFail() }
        XCTAssertEqual(bad.options.asOf, "January", "the shell says it is no date")
    }

    func testTextAfterTheAccountKeepsEveryWord() {
        guard case .matched(let note) = catalog.parse("note Acme budget frozen as of January") else { return XCTFail() }
        XCTAssertEqual(note.slots["rest"], "Acme budget frozen as of January", "a write takes no 'as of': it is text")
        XCTAssertEqual(note.options, TrailingOptions())
        guard case .matched(let json) = catalog.parse("note Acme the --json export is late --json") else { return XCTFail() }
        XCTAssertEqual(json.slots["rest"], "Acme the --json export is late")
        XCTAssertTrue(json.options.json)
        XCTAssertEqual(catalog.parse("--json"), .empty)
    }

    func testALongLineIsMatchedWithoutTryingEverySplit() {
        let junk = String(repeating: "x", count: 100_000)
        XCTAssertEqual(catalog.parse(junk), .unknown(suggestions: []))
        let chinese = String(repeating: "Acme的评分 ", count: 5_000)
        guard case .matched(let m) = catalog.parse(chinese) else { return XCTFail() }
        XCTAssertEqual(m.slots["account"]?.count, chinese.count - 4, "all but the last 的评分 (and the trailing space)")
    }
}
