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
}
