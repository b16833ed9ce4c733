import Foundation
import XCTest
import Drafting
import Shell
import Workspace
@testable import Commands

/// Drafts leave cse as the bytes a mail client or clipboard expects.
final class DraftTests: XCTestCase {
    let today = Day(iso: "2026-11-24")!
    var folder = ""

    override func setUpWithError() throws {
        folder = (NSTemporaryDirectory() as NSString).appendingPathComponent("cse-drafts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: folder) }

    func session() throws -> (Session, BufferOutput) {
        let workspace = try WorkspaceDirectory.create(at: (folder as NSString).appendingPathComponent("ws"), demoAsOf: today)
        let output = BufferOutput()
        let context = Context(workspace: workspace, today: today, specs: Catalog.commands.map(\.spec), directory: folder, progress: nil)
        context.environment = ["CSE_CLIPBOARD": "cat > '\(folder)/clipboard'", "PATH": "/usr/bin:/bin"]
        return (Session(context: context, commands: Catalog.commands, renderer: Renderer(width: 100, colour: false), json: false, output: output), output)
    }

    func testCopyPipesTheBodyThroughCSEClipboard() throws {
        let (session, output) = try session()
        XCTAssertTrue(session.run("draft qbr recap Acme"))
        let draft = try XCTUnwrap(session.context.remembered["draft"] as? Draft)
        _ = output.take()
        XCTAssertTrue(session.run("copy body"))
        XCTAssertTrue(output.take().hasPrefix("copied the QBR recap e-mail for Acme Corp (body, "))
        let arrived = try Data(contentsOf: URL(fileURLWithPath: "\(folder)/clipboard"))
        XCTAssertEqual(arrived, Data(draft.body.utf8))
        XCTAssertTrue(draft.body.contains("- Cut first-response time: 55 min (median first response, from 4 h)"))
        XCTAssertTrue(session.run("copy subject"))
        XCTAssertEqual(try String(contentsOfFile: "\(folder)/clipboard", encoding: .utf8), "Acme Corp — Q4 2026 Review Recap & Next Steps")
    }

    func testASavedEmlParsesBackWithPythonsEmailModule() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") else { throw XCTSkip("python3 is not installed") }
        let (session, _) = try session()
        XCTAssertTrue(session.run("draft renewal 星辰科技"))
        XCTAssertTrue(session.run("save renewal.eml"))
        let draft = try XCTUnwrap(session.context.remembered["draft"] as? Draft)
        XCTAssertTrue(draft.subject.hasPrefix("星辰科技 renewal on"), "a Chinese subject needs RFC 2047")
        let expected: [String: Any] = ["subject": draft.subject, "to": draft.to.map { [$0.name, $0.email ?? ""] }, "body": draft.body]
        try JSONSerialization.data(withJSONObject: expected).write(to: URL(fileURLWithPath: "\(folder)/expected.json"))
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("scripts/check-eml.py").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [script, "\(folder)/renewal.eml", "\(folder)/expected.json"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let said = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(said, "ok\n")
        XCTAssertEqual(process.terminationStatus, 0)
    }

    func testNothingFromDataCanAddAHeader() {
        let draft = Draft(kind: .renewal, account: "Evil", to: [Draft.Recipient(name: "Mallory\r\nBcc: victim@example.com", email: "m@example.com\nX-Evil: 1")],
                          subject: "Renewal\r\nBcc: victim@example.com\u{1B}[31m", body: "Hi\n", missing: [], date: today)
        let eml = DraftFile.render(draft, as: .eml)
        let headerBlock = eml.components(separatedBy: "\r\n\r\n")[0]
        XCTAssertFalse(headerBlock.components(separatedBy: "\r\n").contains { $0.hasPrefix("Bcc:") || $0.hasPrefix("X-Evil:") }, headerBlock)
        XCTAssertFalse(eml.contains("\u{1B}"))
        XCTAssertTrue(headerBlock.contains("Subject: Renewal Bcc: victim@example.com [31m"))
    }

    func testABrokenTemplateOverrideIsReportedAndTheBuiltInUsed() throws {
        let (session, output) = try session()
        let templates = (session.context.workspace.path as NSString).appendingPathComponent("templates")
        try FileManager.default.createDirectory(atPath: templates, withIntermediateDirectories: true)
        try "Subject: Recap for {{company}}\n\n{{#achieved}}\n- {{objective}}\n{{/achieved\n".write(toFile: "\(templates)/qbr-recap.mustache", atomically: true, encoding: .utf8)
        XCTAssertTrue(session.run("draft qbr recap Acme"))
        let text = output.take()
        XCTAssertTrue(text.hasPrefix("warning: templates/qbr-recap.mustache:6:1: the template ends inside an unclosed tag or section"), text)
        XCTAssertTrue(text.contains("Subject: Acme Corp — Q4 2026 Review Recap & Next Steps"), "the built-in template is used")
        try "Subject: Recap for {{company}}\n\nHello {{firstName}} — {{#achieved}}{{objective}}{{/achieved}}. Next: {{nextQBR}}\n".write(toFile: "\(templates)/qbr-recap.mustache", atomically: true, encoding: .utf8)
        XCTAssertTrue(session.run("draft qbr recap Acme"))
        let draft = try XCTUnwrap(session.context.remembered["draft"] as? Draft)
        XCTAssertEqual(draft.subject, "Recap for Acme Corp")
        XCTAssertEqual(draft.body, "Hello Maria — Cut first-response timeResolve tier-1 tickets with AI. Next: [next QBR date]\n",
                       "a goal met and one moved (10% → 31%); no QBR logged in the last two weeks, so the next one is not known")
        XCTAssertNil(draft.templateWarning)
    }
}
