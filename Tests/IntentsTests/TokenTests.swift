import XCTest
@testable import Intents

final class TokenTests: XCTestCase {
    func keys(_ text: String) -> [String] { TokenizedLine(text).tokens.map(\.key) }

    func testLatinWordsKeepTheirMarksAndLoseTheEndingOnes() {
        XCTAssertEqual(keys("Score ACME corp?"), ["score", "acme", "corp", "?"])
        XCTAssertEqual(keys("alerts over $10,000 ARR"), ["alerts", "over", "$10,000", "arr"])
        XCTAssertEqual(keys("win-back on 2026-11-20."), ["win-back", "on", "2026-11-20", "."])
        XCTAssertEqual(keys("note Acme: SSO blocked"), ["note", "acme", ":", "sso", "blocked"])
    }

    func testAPossessiveIsAWordOfItsOwn() {
        XCTAssertEqual(keys("what's Hooli's score"), ["what", "'s", "hooli", "'s", "score"])
        XCTAssertEqual(keys("'s score"), ["'s", "score"], "as a phrase writes it after a slot")
        XCTAssertEqual(keys("Maria’s deck"), ["maria", "'s", "deck"])
    }

    func testEachChineseCharacterIsAToken() {
        XCTAssertEqual(keys("Hooli会流失吗？"), ["hooli", "会", "流", "失", "吗", "？"])
        XCTAssertEqual(keys("给Acme写QBR回顾邮件"), ["给", "acme", "写", "qbr", "回", "顾", "邮", "件"])
    }

    func testQuotedTextIsOneToken() {
        let line = TokenizedLine("task add Acme \"ask the owner about pricing\" due friday")
        XCTAssertEqual(line.tokens.map(\.kind), [.word, .word, .word, .quoted, .word, .word])
        XCTAssertEqual(line.text(3..<4), "ask the owner about pricing")
        XCTAssertEqual(TokenizedLine("don't 'quote' me").tokens.map(\.kind), [.word, .quoted, .word], "an apostrophe inside a word opens no quote")
    }

    func testTheTextOfASpanIsAsTyped() {
        let line = TokenizedLine("note  Acme Corp   Maria asked,  twice")
        XCTAssertEqual(line.text(3..<7), "Maria asked,  twice")
        XCTAssertEqual(line.phraseKey(1..<3), "acme corp")
        XCTAssertEqual(TokenizedLine("高风险 accounts").phraseKey(0..<3), "高风险")
    }
}
