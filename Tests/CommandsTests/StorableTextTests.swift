import Foundation
import XCTest
import Shell
import Workspace
@testable import Commands

/// Text either store cannot keep whole is refused before either sees it, with the same words on
/// both: a control character in a line or a cell, a name or alias past its length, a name that
/// runs over lines.
final class StorableTextTests: WorkspaceTestCase {
    func testTheSameRefusalsOnSQLite() throws { try sameRefusals(try workspace("sqlite")) }
    func testTheSameRefusalsOnPostgreSQL() throws { try sameRefusals(try workspace("postgres")) }

    func sameRefusals(_ location: WorkspaceLocation) throws {
        let (run, context) = try shell(location, as: "dana")
        XCTAssertEqual(run.say("note Acme nul \u{0} here"),
                       "error: the line holds a control character (U+0000), which cannot be stored — nothing was done\n")
        let file = (folder as NSString).appendingPathComponent("nul.csv")
        try "account,week,nps\nNul\u{0}Co,2026-11-22,5\n".write(toFile: file, atomically: true, encoding: .utf8)
        XCTAssertTrue(run.say("import \(file)").contains("nul.csv:2:1: holds a control character (U+0000), which cannot be stored"))
        XCTAssertEqual(run.say("set Acme aliases " + String(repeating: "x", count: 3000)),
                       "error: aliases: an alias of 3000 characters is too long: at most 200\n")
        let lined = (folder as NSString).appendingPathComponent("lined.csv")
        try "account,segment,plan,arr,csm,start_date,renewal_date\n\"Evil2\nCc: lf@evil.example\",smb,growth,100,Sam Okafor,2026-01-01,2027-01-01\n"
            .write(toFile: lined, atomically: true, encoding: .utf8)
        XCTAssertTrue(run.say("import \(lined)").contains("a name is one line"))
        XCTAssertEqual(try context.accounts().count, 13, "nothing was created")
    }

    /// A damaged views.json is said and kept aside, never read as "no views" and written over.
    func testADamagedViewsFileIsKeptAside() throws {
        let location = try workspace("sqlite")
        guard case .folder(let path) = location else { return XCTFail("a folder workspace") }
        let (run, _) = try shell(location, as: "dana")
        try "{\"mine\": \"list accounts mine\"".write(toFile: path + "/views.json", atomically: true, encoding: .utf8)
        XCTAssertTrue(run.say("views").contains("views.json is damaged"))
        XCTAssertEqual(try String(contentsOfFile: path + "/views.json.damaged", encoding: .utf8), "{\"mine\": \"list accounts mine\"")
        XCTAssertTrue(run.say("views").hasPrefix("no views yet"))
    }

    /// A name nobody could type back, and a renewal before the start, are refused at import.
    func testNamesThatCannotBeTypedAndRenewalsBeforeTheStart() throws {
        let (run, _) = try shell(try workspace("sqlite"), as: "dana")
        let file = (folder as NSString).appendingPathComponent("odd.csv")
        try "account,segment,plan,arr,csm,start_date,renewal_date\n%,smb,growth,100,Sam Okafor,2026-01-01,2027-01-01\nBeta Co,smb,growth,100,Sam Okafor,2026-01-01,2025-01-01\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        let said = run.say("import \(file)")
        XCTAssertTrue(said.contains("odd.csv:2:1: account: '%' has no letter or digit: a name is typed to find its account"), said)
        XCTAssertTrue(said.contains("odd.csv:3:7: renewal_date: renewal date 2025-01-01 is before the start date 2026-01-01"), said)
    }
}
