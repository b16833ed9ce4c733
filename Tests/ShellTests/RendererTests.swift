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

    func testOptionalColumnsLeaveBeforeANameIsCut() {
        var table = TextTable([.init("Account", shrinkable: true), .init("Score", right: true), .init("CSM", shrinkable: true, optional: true)])
        table.add("Vandelay Industries", "68.7", "Sam Okafor")
        var doc = Document()
        doc.table(table)
        XCTAssertEqual(Renderer(width: 30, colour: false).render(doc), "Account              Score\nVandelay Industries   68.7\n")
        XCTAssertTrue(Renderer(width: 50, colour: false).render(doc).contains("Sam Okafor"), "room for all three")
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

    func testWrappingColumnsBreakBetweenWords() {
        var table = TextTable([.init("", wraps: true, share: 0.4), .init("", wraps: true)], indent: 2, showHeader: false)
        table.add("goal add|update|done|remove ACCOUNT …", "add, change, complete or remove a success-plan objective")
        var doc = Document()
        doc.table(table)
        let text = Renderer(width: 50, colour: false).render(doc)
        let lines = text.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.allSatisfy { DisplayWidth.of($0) <= 50 }, text)
        XCTAssertEqual(lines, ["  goal                  add, change, complete or",
                               "  add|update|done|      remove a success-plan",
                               "  remove ACCOUNT …      objective"], "the first column keeps two fifths of the width")
        XCTAssertEqual(Renderer.wrap("accounts|snapshots|events|subscriptions", width: 16), ["accounts|", "snapshots|", "events|", "subscriptions"],
                       "a word too long for its column breaks after a '|'")
    }

    func testHangingIndentForDetails() {
        var doc = Document()
        doc.wrapped(Span("  "), text: "file.csv:3:4: licensed_users: 'thirty' is not a number", hang: 2)
        XCTAssertEqual(Renderer(width: 34, colour: false).render(doc), "  file.csv:3:4: licensed_users:\n    'thirty' is not a number\n")
    }
}
