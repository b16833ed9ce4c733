import Foundation
import XCTest

/// The `cse` binary as a user runs it: flags, pipes, several processes on one workspace.
/// `swift test` builds it beside the tests.
final class CommandLineTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    var cse: String { Self.root.appendingPathComponent(".build/debug/cse").path }
    var scratch: String!

    override func setUpWithError() throws {
        scratch = (NSTemporaryDirectory() as NSString).appendingPathComponent("cse-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: cse), "build the product first: swift build")
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: scratch) }

    struct Outcome {
        var status: Int32
        var reason: Process.TerminationReason
        var out: String
        var err: String
    }

    /// A started cse: its output is collected while it runs.
    final class Running: @unchecked Sendable {
        let process = Process()
        private var out = Data(), err = Data()
        private let done = DispatchGroup()

        init(_ cse: String, _ arguments: [String], input: String, environment: [String: String], folder: String) throws {
            process.executableURL = URL(fileURLWithPath: cse)
            process.arguments = arguments
            process.currentDirectoryURL = URL(fileURLWithPath: folder)
            process.environment = environment
            let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
            (process.standardInput, process.standardOutput, process.standardError) = (stdin, stdout, stderr)
            try process.run()
            for (pipe, isOut) in [(stdout, true), (stderr, false)] {
                done.enter()
                Thread { [self] in
                    let data = pipe.fileHandleForReading.readDataToEndOfFile()
                    if isOut { out = data } else { err = data }
                    done.leave()
                }.start()
            }
            Thread { stdin.fileHandleForWriting.write(Data(input.utf8)); try? stdin.fileHandleForWriting.close() }.start()
        }

        func wait() -> Outcome {
            done.wait()
            process.waitUntilExit()
            return Outcome(status: process.terminationStatus, reason: process.terminationReason,
                           out: String(decoding: out, as: UTF8.self), err: String(decoding: err, as: UTF8.self))
        }
    }

    /// Starts cse with `arguments` and standard input `input`, in the scratch folder.
    func start(_ arguments: [String], input: String = "", environment: [String: String] = [:]) throws -> Running {
        var env = ["CSE_TODAY": "2026-11-24", "HOME": scratch!, "PATH": "/usr/bin:/bin"]
        env.merge(environment) { $1 }
        return try Running(cse, arguments, input: input, environment: env, folder: scratch)
    }

    func run(_ arguments: [String], input: String = "", environment: [String: String] = [:]) throws -> Outcome {
        try start(arguments, input: input, environment: environment).wait()
    }

    func demo() throws -> String {
        let path = scratch + "/demo"
        XCTAssertEqual(try run(["init", path, "--demo"]).status, 0)
        return path
    }

    /// The workspace and everything cse writes are private to their user, whatever the umask
    /// it starts with (the test's own is the usual 022).
    func testEveryFileItMakesIsPrivate() throws {
        let ws = try demo()
        let outcome = try run(["-w", ws, "-c", "list accounts", "-c", "view save mine", "-c", "export accounts book.csv",
                               "-c", "draft qbr recap Acme", "-c", "save recap.eml"])
        XCTAssertEqual(outcome.status, 0, outcome.err)
        func mode(_ path: String) throws -> Int {
            try (FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
        }
        XCTAssertEqual(try mode(ws), 0o700)
        for file in [ws + "/workspace.sqlite", ws + "/views.json", scratch + "/book.csv", scratch + "/recap.eml"] {
            XCTAssertEqual(try mode(file), 0o600, file)
        }
    }

    /// A path typed with an escape sequence is shown, not run on the terminal.
    func testAPathsControlCharactersAreShownNotRun() throws {
        let outcome = try run(["-w", scratch + "/x\u{1B}[31mred", "-c", "score Acme"])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertFalse(outcome.err.contains("\u{1B}"), outcome.err)
        XCTAssertTrue(outcome.err.contains("x^[[31mred"), outcome.err)
    }

    func testVersion() throws {
        let outcome = try run(["--version"])
        XCTAssertEqual(outcome.status, 0)
        XCTAssertTrue(outcome.out.hasPrefix("cse 0."), outcome.out)
    }

    func testSeveralCommandsWithJSONPrintOneDocumentALine() throws {
        let ws = try demo()
        let outcome = try run(["-w", ws, "--json", "-c", "score Acme", "-c", "churn risk Hooli", "-c", "score Nobody"])
        XCTAssertEqual(outcome.status, 1, "one command failed")
        let lines = outcome.out.split(separator: "\n")
        XCTAssertEqual(lines.count, 2, outcome.out)
        let documents = try lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        XCTAssertEqual(documents[0]["score"] as? Double, 76.1)
        XCTAssertEqual(documents[1]["level"] as? String, "critical", "churn risk levels by name, as by_level has them")
        let error = try JSONSerialization.jsonObject(with: Data(outcome.err.split(separator: "\n")[0].utf8)) as! [String: Any]
        XCTAssertEqual(error["error"] as? String, "no account named 'Nobody' — try 'list accounts'")

        let piped = try run(["-w", ws], input: "score Acme --json\nlist at-risk accounts --json\n")
        XCTAssertEqual(piped.out.split(separator: "\n").count, 2, "piped commands are JSON Lines too")

        let single = try run(["-w", ws, "-c", "score Acme --json"])
        XCTAssertGreaterThan(single.out.split(separator: "\n").count, 10, "one command: indented JSON")
    }

    func testACommandLineLeavesTheWorkspaceClosed() throws {
        // `cse -c` ends without freeing what it read, but closes the workspace: its writes are
        // moved from the WAL into the file, and the next open has no WAL to read back.
        let ws = try demo()
        let outcome = try run(["-w", ws, "-c", "log Acme call with the champion", "-c", "list accounts"])
        XCTAssertEqual(outcome.status, 0, outcome.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: ws + "/workspace.sqlite-wal"), "the WAL is checkpointed and removed")
        XCTAssertTrue(try run(["-w", ws, "-c", "timeline Acme"]).out.contains("call — with the champion"), "the write is in the file")
        let failing = try run(["-w", ws, "-c", "score Nobody"])
        XCTAssertEqual(failing.status, 1, "a failed command still fails the process")
    }

    func testAFailingClipboardIsAnErrorAndTheDraftStays() throws {
        let ws = try demo()
        for command in ["exit 1", "false", "kill -9 $$"] {
            let outcome = try run(["-w", ws], input: "draft qbr recap Acme\ncopy\nsave recap.eml --force\n", environment: ["CSE_CLIPBOARD": command])
            XCTAssertEqual(outcome.reason, .exit, "no signal ends cse (was SIGPIPE)")
            XCTAssertEqual(outcome.status, 1)
            XCTAssertTrue(outcome.err.contains("the clipboard command '\(command)'"), outcome.err)
            XCTAssertTrue(outcome.out.contains("saved the QBR recap e-mail for Acme Corp to recap.eml"), outcome.out)
            XCTAssertTrue(FileManager.default.fileExists(atPath: scratch + "/recap.eml"))
        }
    }

    func testLongLinesAreAnswered() throws {
        let ws = try demo()
        let junk = String(repeating: "x", count: 100_000)
        let words = "note Acme " + String(repeating: "word ", count: 20_000)
        let outcome = try run(["-w", ws], input: junk + "\n" + words + "\nscore Acme\n")
        XCTAssertTrue(outcome.err.contains("cannot read 'xxxxxxxx"), outcome.err.prefix(300) + "")
        XCTAssertLessThan(outcome.err.count, 500, "a pasted page is not echoed back")
        XCTAssertTrue(outcome.out.contains("noted for Acme Corp"))
        XCTAssertTrue(outcome.out.contains("Acme Corp — health 76.1 / 100"), "the shell goes on")
    }

    func testNoInputCrashesTheShell() throws {
        let ws = try demo()
        let outcome = try run(["-w", ws], input: "nrr report for 9223372036854775807\nnrr report for -5\nscore Acme\n")
        XCTAssertEqual(outcome.reason, .exit)
        XCTAssertTrue(outcome.err.contains("'9223372036854775807' is not a year"), outcome.err)
        XCTAssertTrue(outcome.err.contains("'-5' is not a year"), outcome.err)
        XCTAssertTrue(outcome.out.contains("Acme Corp — health 76.1"), "the commands after it run")
    }

    func testTheFirstImportWithoutAWorkspaceMakesAnEmptyOne() throws {
        let file = scratch + "/mine.csv"
        try "account,segment,plan,arr,csm,start_date,renewal_date\nBluth Company,smb,starter,900,Sam Okafor,2026-01-05,2027-01-05\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        let imported = try run(["import", file])
        XCTAssertEqual(imported.status, 0, imported.err)
        XCTAssertTrue(imported.err.contains("created an empty workspace at \(scratch!)/.cse"), imported.err)
        let listed = try run(["-c", "list accounts --json"])
        let json = try JSONSerialization.jsonObject(with: Data(listed.out.utf8)) as! [String: Any]
        XCTAssertEqual((json["accounts"] as! [[String: Any]]).map { $0["account"] as! String }, ["Bluth Company"], "no demo accounts mixed in")
    }

    /// Two shells writing notes and a nightly import on one workspace, all at once.
    func testConcurrentWritersLoseNothing() throws {
        let ws = try demo()
        var rows = ["account,segment,plan,arr,csm,start_date,renewal_date"]
        for i in 0..<3000 { rows.append("Bulk \(i),smb,starter,\(500 + i),Sam Okafor,2026-01-05,2027-01-05") }
        try rows.joined(separator: "\n").write(toFile: scratch + "/bulk.csv", atomically: true, encoding: .utf8)
        let notes = { (writer: Int) in (1...30).map { "note Acme Corp writer \(writer) call \($0) went well" }.joined(separator: "\n") + "\n" }
        let running = [try start(["-w", ws], input: notes(1)), try start(["-w", ws], input: notes(2)),
                       try start(["-w", ws], input: "import bulk.csv\nimport bulk.csv\nimport bulk.csv\n")]
        for outcome in running.map({ $0.wait() }) {
            XCTAssertEqual(outcome.status, 0)
            XCTAssertEqual(outcome.err, "", "no lock error, no error at all")
        }
        let timeline = try run(["-w", ws, "-c", "timeline Acme Corp"]).out
        for writer in 1...2 {
            for n in 1...30 { XCTAssertTrue(timeline.contains("writer \(writer) call \(n) went well"), "writer \(writer) note \(n) landed") }
        }
        XCTAssertTrue(try run(["-w", ws, "-c", "list accounts"]).out.contains("3012 live accounts"), "3,013 accounts, Initech churned")
    }

    /// `cse copy` from a folder to a PostgreSQL database and back, as a user types it; the
    /// password never goes in an address; a target with records is refused.
    func testCopyToPostgreSQLAndBack() throws {
        guard let server = ProcessInfo.processInfo.environment["CSE_TEST_POSTGRES"], !server.isEmpty else {
            throw XCTSkip("CSE_TEST_POSTGRES is not set: 'make test' starts a PostgreSQL server for this test")
        }
        let password = ProcessInfo.processInfo.environment["PGPASSWORD"] ?? ""
        let ws = try demo()
        let database = "cse_cli_\(UUID().uuidString.prefix(8).lowercased())"
        let admin = try run(["-w", server, "-c", "score Acme"], environment: ["PGPASSWORD": password])
        XCTAssertTrue(admin.err.contains("no workspace at"), "the server's own database is no workspace: \(admin.err)")
        let base = server.components(separatedBy: "/postgres?")[0]
        let team = "\(base)/\(database)?sslmode=disable"
        // An empty database to copy into, made through cse's own server access.
        XCTAssertEqual(try run(["init", team], environment: ["PGPASSWORD": password]).status, 1, "no such database yet")
        let create = Process()
        create.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
        create.arguments = ["postgresql://" + base.dropFirst("postgres://".count) + "/postgres", "-qc", "CREATE DATABASE \(database)"]
        create.environment = ["PGPASSWORD": password, "PATH": "/usr/bin:/bin"]
        try create.run()
        create.waitUntilExit()
        defer {
            let drop = Process()
            drop.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
            drop.arguments = ["postgresql://" + base.dropFirst("postgres://".count) + "/postgres", "-qc", "DROP DATABASE IF EXISTS \(database) WITH (FORCE)"]
            drop.environment = ["PGPASSWORD": password, "PATH": "/usr/bin:/bin"]
            try? drop.run()
            drop.waitUntilExit()
        }

        let there = try run(["copy", ws, team], environment: ["PGPASSWORD": password])
        XCTAssertEqual(there.status, 0, there.err)
        XCTAssertTrue(there.out.contains("copied "), there.out)
        XCTAssertTrue(there.out.contains("checked: every table has the same rows; the accounts, snapshots, events, subscriptions exports of both are identical"), there.out)
        let again = try run(["copy", ws, team], environment: ["PGPASSWORD": password])
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.err.contains("the target already has records"), again.err)
        let back = try run(["copy", team, scratch + "/back"], environment: ["PGPASSWORD": password])
        XCTAssertEqual(back.status, 0, back.err)
        let scores = try [ws, team, scratch + "/back"].map { try run(["-w", $0, "-c", "list accounts"], environment: ["PGPASSWORD": password]).out }
        XCTAssertEqual(scores[1], scores[0])
        XCTAssertEqual(scores[2], scores[0])

        let withPassword = try run(["-w", team.replacingOccurrences(of: "cse@", with: "cse:\(password)@"), "-c", "score Acme"])
        XCTAssertEqual(withPassword.status, 1)
        XCTAssertTrue(withPassword.err.contains("leave the password out of the address"), withPassword.err)
        XCTAssertFalse(withPassword.err.contains(password), "the password is not echoed")
        let wrong = try run(["-w", team, "-c", "score Acme"], environment: ["PGPASSWORD": "wrong"])
        XCTAssertTrue(wrong.err.contains("password authentication failed"), wrong.err)
    }
}
