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

    func testACommandsOwnNameComesBeforeOtherPhrasings() {
        let completer = Completer(specs: [
            CommandSpec(name: "score", phrases: ["score {account}"], usage: "", summary: "", examples: []),
            CommandSpec(name: "model", phrases: ["model", "scoring model"], usage: "", summary: "", examples: [], accountSlots: []),
        ])
        XCTAssertEqual(completer.complete("sc", accounts: []).candidates, ["score"], "not 'scor' for score and scoring")
        XCTAssertEqual(completer.complete("scori", accounts: []).candidates, ["scoring"])
    }

    func testKeywordsThenNamesAndFiles() {
        let completer = Completer(specs: [
            CommandSpec(name: "draft", phrases: ["draft {rest}"], usage: "", summary: "", examples: [], accountSlots: ["rest"],
                        keywords: ["rest": ["qbr recap", "win-back", "health alert"]]),
            CommandSpec(name: "import", phrases: ["import {file}"], usage: "", summary: "", examples: [], accountSlots: [], fileSlots: ["file"]),
        ])
        XCTAssertEqual(completer.complete("draft q", accounts: names).candidates, ["qbr recap"])
        XCTAssertEqual(completer.complete("draft ", accounts: names).candidates, ["health alert", "qbr recap", "win-back"])
        XCTAssertEqual(completer.complete("draft qbr recap Ac", accounts: names), .init(replacing: 2, candidates: ["Acme Corp"]))
        XCTAssertEqual(completer.complete("draft win-back ", accounts: names).candidates, names.sorted())
        let files = { (folder: String) in folder == "" ? ["transcripts/", "README.md", ".git/"] : folder == "transcripts/" ? ["fixtures/", "score.txt"] : [] }
        XCTAssertEqual(completer.complete("import tr", accounts: names, files: files), .init(replacing: 2, candidates: ["transcripts/"]))
        XCTAssertEqual(completer.complete("import transcripts/f", accounts: names, files: files).candidates, ["transcripts/fixtures/"])
        XCTAssertEqual(completer.complete("import ", accounts: names, files: files).candidates, ["README.md", "transcripts/"], "no hidden files unless asked")
    }
}
