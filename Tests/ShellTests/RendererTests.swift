import XCTest
@testable import Shell

final class RendererTests: XCTestCase {
    func testTablesLineUpWithChineseNamesAndEmoji() {
        var table = TextTable([.init("Account"), .init("Tier"), .init("ARR", right: true)])
        table.add("星辰科技", "🟢 healthy", "$96,000")
        table.add("Acme Corp", "🟡 warning", "$8,000")
        var doc = Document()
        doc.table(table)
        let lines = Renderer(width: 80, colour: false).render(doc).split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 3)
        XCTAssertEqual(Set(lines.map { DisplayWidth.of($0) }).count, 1, "every row as wide as the header:\n\(lines.joined(separator: "\n"))")
        XCTAssertEqual(DisplayWidth.of("星辰科技"), 8)
        XCTAssertEqual(DisplayWidth.of("🟡"), 2)
    }

    func testNarrowTerminalsCutTheShrinkableColumn() {
        var table = TextTable([.init("Account", shrinkable: true), .init("Score", right: true)])
        table.add(Span(String(repeating: "x", count: 60)), "76.1")
        var doc = Document()
        doc.table(table)
        let lines = Renderer(width: 40, colour: false).render(doc).split(separator: "\n")
        XCTAssertTrue(lines.allSatisfy { DisplayWidth.of(String($0)) <= 40 })
        XCTAssertTrue(lines[1].contains("…"))
    }

    func testControlCharactersFromDataAreNeutralised() {
        var doc = Document()
        doc.line(Span("Evil\u{1B}[31mCorp\u{7}", .red))
        XCTAssertEqual(Renderer(width: 80, colour: false).render(doc), "Evil^[[31mCorp^G\n")
        XCTAssertEqual(Renderer(width: 80, colour: true).render(doc), "\u{1B}[31mEvil^[[31mCorp^G\u{1B}[0m\n")
        XCTAssertEqual(Sanitizer.clean("a\u{202E}b"), "a\u{FFFD}b")
    }

    func testWrapsWithAHangingIndent() {
        var doc = Document()
        doc.wrapped("  1. ", text: "one two three four five six seven")
        XCTAssertEqual(Renderer(width: 20, colour: false).render(doc), "  1. one two three\n     four five six\n     seven\n")
    }

    func testColourOnlyOnATerminalAndNeverWithNoColor() {
        XCTAssertFalse(Terminal.wantsColour(fd: -1, environment: [:]))
        XCTAssertFalse(Terminal.wantsColour(fd: 1, environment: ["NO_COLOR": "1"]))
    }
}
