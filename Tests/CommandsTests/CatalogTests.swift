import XCTest
import Intents
@testable import Commands

final class CatalogTests: XCTestCase {
    let specs = Catalog.commands.map(\.spec)

    func testEveryExampleParsesToItsCommand() {
        let parser = Parser(specs: specs)
        for spec in specs {
            for example in spec.examples {
                guard case .matched(let m) = parser.parse(example) else { XCTFail("'\(example)' does not parse"); continue }
                XCTAssertEqual(specs[m.command].name, spec.name, "'\(example)'")
            }
        }
    }

    func testNoExampleIsAmbiguous() {
        for spec in specs {
            for example in spec.examples {
                var best: [(String, Int)] = []
                for other in specs {
                    for phrase in other.phrases where PhraseMatcher.match(phrase, line: example) != nil {
                        best.append((other.name, phrase.specificity))
                    }
                }
                let top = best.map(\.1).max() ?? 0
                let winners = Set(best.filter { $0.1 == top }.map(\.0))
                XCTAssertEqual(winners, [spec.name], "'\(example)' reads as \(winners)")
            }
        }
    }

    func testEveryCommandHasATranscript() throws {
        let text = try TranscriptFiles.all().map { try String(contentsOfFile: $0, encoding: .utf8) }.joined(separator: "\n")
        let parser = Parser(specs: specs)
        var used = Set<String>()
        for line in text.split(separator: "\n") where line.hasPrefix("cse> ") {
            if case .matched(let m) = parser.parse(String(line.dropFirst(5)).replacingOccurrences(of: "--json", with: "")) { used.insert(specs[m.command].name) }
        }
        XCTAssertEqual(Set(specs.map(\.name)).subtracting(used), [])
    }
}
