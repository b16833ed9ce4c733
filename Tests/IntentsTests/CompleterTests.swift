import XCTest
@testable import Intents

final class CompleterTests: XCTestCase {
    let completer = Completer(specs: [
        CommandSpec(name: "score", phrases: ["score {account}", "{account}的评分"], usage: "", summary: "", examples: []),
        CommandSpec(name: "show", phrases: ["show {account}"], usage: "", summary: "", examples: []),
        CommandSpec(name: "list accounts", phrases: ["list accounts", "list {options} accounts"], usage: "", summary: "", examples: []),
    ])
    let names = NameList(accounts: [(1, "Acme Corp", []), (2, "Globex", []), (3, "星辰科技", [])])

    func complete(_ text: String, _ completer: Completer? = nil, limit: Int = 200, files: @escaping (String) -> [String] = { _ in [] }) throws -> Completer.Completion {
        try (completer ?? self.completer).complete(text, names: names, limit: limit, files: files)
    }

    func testCommandWords() throws {
        XCTAssertEqual(try complete("sc"), .init(replacing: 2, candidates: ["score"]))
        XCTAssertEqual(try complete("s").candidates, ["score", "show"])
        XCTAssertEqual(try complete("list a").candidates, ["accounts"])
    }

    func testAccountNamesAfterTheCommand() throws {
        XCTAssertEqual(try complete("score Ac"), .init(replacing: 2, candidates: ["Acme Corp"]))
        XCTAssertEqual(try complete("score acme c"), .init(replacing: 6, candidates: ["Acme Corp"]))
        XCTAssertEqual(try complete("show 星").candidates, ["星辰科技"])
        XCTAssertEqual(try complete("score ").candidates, ["Acme Corp", "Globex", "星辰科技"])
    }

    func testANameMayStartTheLine() throws {
        XCTAssertEqual(try complete("Glo").candidates, ["Globex"])
    }

    func testMoreNamesThanTheLimitAreCountedNotListed() throws {
        let many = NameList(accounts: (1...500).map { (Int64($0), String(format: "Account %05d", $0), [String]()) })
        let found = try completer.complete("score Acc", names: many, limit: 40)
        XCTAssertEqual(found.candidates, [])
        XCTAssertEqual(found.total, 500)
        XCTAssertEqual(try completer.complete("score Account 0012", names: many, limit: 40).candidates.count, 10)
    }

    func testACommandsOwnNameComesBeforeOtherPhrasings() throws {
        let completer = Completer(specs: [
            CommandSpec(name: "score", phrases: ["score {account}"], usage: "", summary: "", examples: []),
            CommandSpec(name: "model", phrases: ["model", "scoring model"], usage: "", summary: "", examples: []),
        ])
        XCTAssertEqual(try complete("sc", completer).candidates, ["score"], "not 'scor' for score and scoring")
    }

    func testChoicesThenNamesAndFiles() throws {
        let completer = Completer(specs: [
            CommandSpec(name: "draft", phrases: ["draft {kind} {account}"], slots: ["kind": .choice(Vocabulary("kind", ["qbr-recap": ["qbr recap"], "win-back": ["win-back"],
                                                                                                                     "health-alert": ["health alert"]]))],
                        usage: "", summary: "", examples: []),
            CommandSpec(name: "import", phrases: ["import {file}"], usage: "", summary: "", examples: []),
        ])
        XCTAssertEqual(try complete("draft q", completer).candidates, ["qbr recap"])
        XCTAssertEqual(try complete("draft ", completer).candidates, ["health alert", "qbr recap", "win-back"])
        XCTAssertEqual(try complete("draft qbr recap Ac", completer), .init(replacing: 2, candidates: ["Acme Corp"]))
        XCTAssertEqual(try complete("draft win-back ", completer).candidates, ["Acme Corp", "Globex", "星辰科技"])
        let files = { (folder: String) in folder == "" ? ["transcripts/", "README.md", ".git/"] : folder == "transcripts/" ? ["fixtures/", "score.txt"] : [] }
        XCTAssertEqual(try complete("import tr", completer, files: files), .init(replacing: 2, candidates: ["transcripts/"]))
        XCTAssertEqual(try complete("import transcripts/f", completer, files: files).candidates, ["transcripts/fixtures/"])
        XCTAssertEqual(try complete("import ", completer, files: files).candidates, ["README.md", "transcripts/"], "no hidden files unless asked")
    }
}
