import XCTest
import Shell
@testable import Intents
@testable import Commands

/// Every command's declared phrasings, examples and questions, read on the demo workspace.
final class CatalogTests: WorkspaceTestCase {
    var context: Context!

    override func setUpWithError() throws {
        try super.setUpWithError()
        context = Context(workspace: try open(try workspace("sqlite")), today: today, specs: Catalog.commands.map(\.spec), directory: folder, progress: nil)
    }

    func read(_ line: String) throws -> Reader.Outcome { try context.reader.read(line, names: context.names, today: today) }

    func testEveryExampleReadsAsItsCommandAndItsWordsReadBack() throws {
        for spec in context.specs {
            for example in spec.examples {
                guard case .reading(let r) = try read(example) else { XCTFail("'\(example)' does not read: \(try read(example))"); continue }
                XCTAssertEqual(context.specs[r.command].name, spec.name, "'\(example)'")
                guard case .reading(let again) = try read(r.words) else { XCTFail("'\(r.words)' (from '\(example)') does not read"); continue }
                XCTAssertEqual(again.request, r.request, "'\(example)' is written back as '\(r.words)'")
                XCTAssertEqual(again.how, .typed, "'\(r.words)' is the command's own way of saying it")
            }
        }
    }

    func testNoExampleReadsTwoWays() throws {
        for spec in context.specs {
            for example in spec.examples {
                let matches = try context.reader.parser.matches(example, names: context.names, today: today)
                guard let top = matches.first?.score else { continue }
                let winners = Set(matches.filter { $0.score == top }.map { context.specs[$0.command].name })
                XCTAssertEqual(winners, [spec.name], "'\(example)' reads as \(winners)")
                let requests = matches.filter { $0.score == top }.map(\.request)
                XCTAssertTrue(requests.allSatisfy { $0 == requests[0] }, "'\(example)' reads two ways: \(requests)")
            }
        }
    }

    func testEveryQuestionInHelpReadsAsItsCommand() throws {
        for spec in context.specs {
            for question in spec.natural.flatMap(\.questions) {
                guard case .reading(let r) = try read(question) else { XCTFail("'\(question)' does not read: \(try read(question))"); continue }
                XCTAssertEqual(context.specs[r.command].name, spec.name, "'\(question)' → \(r.words)")
            }
        }
    }

    func testEveryCommandHasATranscript() throws {
        let text = try TranscriptFiles.all().map { try String(contentsOfFile: $0, encoding: .utf8) }.joined(separator: "\n")
        var used = Set<String>()
        for line in text.split(separator: "\n") where line.hasPrefix("cse> ") {
            if case .reading(let r) = try read(String(line.dropFirst(5))) { used.insert(context.specs[r.command].name) }
        }
        XCTAssertEqual(Set(context.specs.map(\.name)).subtracting(used), [])
    }
}
