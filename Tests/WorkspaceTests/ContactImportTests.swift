import Foundation
import XCTest
@testable import Workspace

/// A CRM's contacts export: one person a row, many at an account, a role deciding who drafts
/// go to; importing it again changes nothing, an edited one changes what changed, undo takes it back.
final class ContactImportTests: XCTestCase {
    var folder: String!
    let rules = Importer.Rules(today: Day(iso: "2026-11-24")!)

    override func setUpWithError() throws {
        folder = (NSTemporaryDirectory() as NSString).appendingPathComponent("cse-contacts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: folder) }

    func file(_ name: String, _ text: String) throws -> String {
        let path = (folder as NSString).appendingPathComponent(name)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func importing(_ name: String, _ text: String, into store: WorkspaceStore) throws -> (Importer.Plan, ImportSummary) {
        let plan = try Importer.read(path: try file(name, text), shownAs: name, rules: rules)
        return (plan, try store.apply(plan.batch, progress: nil))
    }

    /// Who is on record at an account today: "role name, title <email>", roles first.
    func people(_ store: WorkspaceStore, _ account: String) throws -> [String] {
        let id = try XCTUnwrap(try store.accounts().first { $0.name == account }?.id)
        return try store.contacts(accountID: id).filter { $0.replacedOn == nil }.map { "\($0.roleLabel) \($0.cell)" }
    }

    static let accounts = "account,segment,plan,arr,csm,start_date,renewal_date\nAcme Corp,,,,Dana Whitfield,,\nGlobex,,,,Priya Raman,,\n"

    static let contacts = """
        account,name,email,title,role
        Acme Corp,Maria Lopez,maria@acme.example,Head of Support,Champion
        Acme Corp,Tom Becker,tom@acme.example,VP Customer Experience,sponsor
        Acme Corp,Raj Patel,raj@acme.example,IT Lead,Tech Lead
        Acme Corp,Lena Ortiz,lena@acme.example,Procurement,Economic Buyer
        Acme Corp,Sam Wu,sam@acme.example,Support Lead,
        Globex,Hank Scorpio,hank@globex.example,Director of Operations,champion
        """

    func testAContactsExportPutsEveryPersonOnRecordAndAgainChangesNothing() throws {
        let ws = try WorkspaceDirectory.create(at: (folder as NSString).appendingPathComponent("ws"), demoAsOf: nil)
        _ = try importing("accounts.csv", Self.accounts, into: ws.store)
        let (plan, first) = try importing("contacts.csv", Self.contacts, into: ws.store)
        XCTAssertEqual(plan.kinds, [.contacts])
        XCTAssertEqual(first.contactsAdded, 6)
        XCTAssertEqual(plan.otherRoles, ["Economic Buyer"])
        XCTAssertEqual(try people(ws.store, "Acme Corp"), [
            "champion Maria Lopez, Head of Support <maria@acme.example>",
            "executive sponsor Tom Becker, VP Customer Experience <tom@acme.example>",
            "technical lead Raj Patel, IT Lead <raj@acme.example>",
            "no role Lena Ortiz, Procurement <lena@acme.example>",
            "no role Sam Wu, Support Lead <sam@acme.example>",
        ])
        XCTAssertEqual(try people(ws.store, "Globex"), ["champion Hank Scorpio, Director of Operations <hank@globex.example>"])

        let before = try ws.store.contacts().map { "\($0)" }
        let (_, again) = try importing("contacts.csv", Self.contacts, into: ws.store)
        XCTAssertEqual([again.contactsAdded, again.contactsUpdated, again.contactsUnchanged], [0, 0, 6])
        XCTAssertEqual(try ws.store.contacts().map { "\($0)" }, before, "the same file again changes nothing")
    }

    func testAnEditedExportUpdatesWhatChangedAndUndoTakesItBack() throws {
        let ws = try WorkspaceDirectory.create(at: (folder as NSString).appendingPathComponent("ws"), demoAsOf: nil)
        _ = try importing("accounts.csv", Self.accounts, into: ws.store)
        _ = try importing("contacts.csv", Self.contacts, into: ws.store)
        let before = try ws.store.contacts().map { "\($0)" }
        // Maria hands the champion role to Sam (and stays on record); Raj has a new title.
        let edited = Self.contacts
            .replacingOccurrences(of: "Head of Support,Champion", with: "Head of Support,")
            .replacingOccurrences(of: "Support Lead,", with: "Support Lead,Champion")
            .replacingOccurrences(of: "IT Lead", with: "Head of IT")
        let (_, summary) = try importing("edited.csv", edited, into: ws.store)
        XCTAssertEqual([summary.contactsAdded, summary.contactsUpdated, summary.contactsUnchanged], [0, 3, 3])
        XCTAssertEqual(try people(ws.store, "Acme Corp"), [
            "champion Sam Wu, Support Lead <sam@acme.example>",
            "executive sponsor Tom Becker, VP Customer Experience <tom@acme.example>",
            "technical lead Raj Patel, Head of IT <raj@acme.example>",
            "no role Lena Ortiz, Procurement <lena@acme.example>",
            "no role Maria Lopez, Head of Support <maria@acme.example>",
        ])
        let (_, again) = try importing("edited.csv", edited, into: ws.store)
        XCTAssertEqual(again.contactsUnchanged, 6, "the edited file again changes nothing")
        _ = try ws.store.apply(again.undo)
        _ = try ws.store.apply(summary.undo)
        XCTAssertEqual(try ws.store.contacts().map { "\($0)" }, before)
    }

    func testOnePersonARoleAndOneRowAPerson() throws {
        let path = try file("c.csv", """
            account,name,email,title,role
            Acme Corp,Maria Lopez,maria@acme.example,Head of Support,champion
            Acme Corp,Sam Wu,sam@acme.example,Support Lead,Champion
            Acme Corp,maria lopez,,,
            Globex,Hank Scorpio,hank at globex,,
            """)
        XCTAssertThrowsError(try Importer.read(path: path, shownAs: "c.csv", rules: rules)) { error in
            XCTAssertEqual((error as? ImportFailure)?.problems.map(\.description), [
                "c.csv:3:5: role: Acme Corp already has a champion on line 2 (Maria Lopez): one person a role",
                "c.csv:4:2: name: maria lopez at Acme Corp is already on line 2",
                "c.csv:5:3: email: 'hank at globex' is not an e-mail address",
            ])
        }
    }

    /// A first and last name make the name (a Salesforce or HubSpot contact report), and an
    /// account the workspace lacks is created by its name.
    func testASalesforceContactReport() throws {
        let ws = try WorkspaceDirectory.create(at: (folder as NSString).appendingPathComponent("ws"), demoAsOf: nil)
        let (plan, summary) = try importing("sf.csv", """
            "Contact Owner","First Name","Last Name","Title","Email","Account Name","Contact Role"
            "Greg Lawson","Maria","Lopez","Head of Support","maria@acme.example","Acme Corp","Executive Sponsor"
            """ + "\n" + ColumnMappingTests.footer, into: ws.store)
        XCTAssertEqual(plan.footerLines, [4, 5, 6, 7])
        XCTAssertEqual(summary.createdByName, ["Acme Corp"])
        XCTAssertEqual(try people(ws.store, "Acme Corp"), ["executive sponsor Maria Lopez, Head of Support <maria@acme.example>"])
    }

    /// v16 lets a contact have no role: a workspace from before keeps its contacts and their ids.
    func testContactsFromBeforeV16AreKept() throws {
        let path = (folder as NSString).appendingPathComponent("ws")
        let ws = try WorkspaceDirectory.create(at: path, demoAsOf: rules.today)
        let contacts = try ws.store.contacts().map { "\($0)" }
        // The contact table as v1 and v4 made it, and v16 not yet applied.
        try (ws.store as! SQLStore).database.write { s in
            for statement in [
                """
                CREATE TABLE contact_old (id INTEGER PRIMARY KEY AUTOINCREMENT, account_id INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
                    role TEXT NOT NULL, name TEXT NOT NULL, title TEXT, email TEXT, recorded_on TEXT, replaced_on TEXT)
                """,
                "INSERT INTO contact_old SELECT * FROM contact", "DROP TABLE contact", "ALTER TABLE contact_old RENAME TO contact",
                "CREATE INDEX contact_on_account_id ON contact (account_id)", "DELETE FROM grdb_migrations WHERE identifier LIKE 'v16:%'",
            ] { try s.execute(statement) }
        }
        try ws.store.close()
        let reopened = try WorkspaceDirectory(path: path)
        XCTAssertEqual(try reopened.store.contacts().map { "\($0)" }, contacts)
        let (_, summary) = try importing("c.csv", "account,name\nAcme Corp,Lena Ortiz\n", into: reopened.store)
        XCTAssertEqual(summary.contactsAdded, 1)
        XCTAssertEqual(try people(reopened.store, "Acme Corp").last, "no role Lena Ortiz")
    }
}
