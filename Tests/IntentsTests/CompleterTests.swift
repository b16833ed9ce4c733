import XCTest
@testable import Intents

final class CompleterTests: XCTestCase {
    let completer = Completer(specs: [
        CommandSpec(name: "score", phrases: ["score {account}", "{account}的评分"], usage: "", summary: "", examples: []),
        CommandSpec(name: "show", phrases: ["show {account}"], usage: "", summary: "", examples: []),
        CommandSpec(name: "list accounts", phrases: ["list accounts", "list {filter} accounts"], usage: "", summary: "", examples: [], accountSlots: []),
    ])
    let names = ["Acme Corp", "Globex", "星辰科技"]

    func testCommandWords() {
        XCTAssertEqual(completer.complete("sc", accounts: names), .init(replacing: 2, candidates: ["score"]))
        XCTAssertEqual(completer.complete("s", accounts: names).candidates, ["score", "show"])
        XCTAssertEqual(completer.complete("list a", accounts: names).candidates, ["accounts"])
    }

    func testAccountNamesAfterTheCommand() {
        XCTAssertEqual(completer.complete("score Ac", accounts: names), .init(replacing: 2, candidates: ["Acme Corp"]))
        XCTAssertEqual(completer.complete("score acme c", accounts: names), .init(replacing: 6, candidates: ["Acme Corp"]))
        XCTAssertEqual(completer.complete("show 星", accounts: names).candidates, ["星辰科技"])
        XCTAssertEqual(completer.complete("score ", accounts: names).candidates, names.sorted())
    }

    func testANameMayStartTheLine() {
        XCTAssertEqual(completer.complete("Glo", accounts: names).candidates, ["Globex"])
    }
}
