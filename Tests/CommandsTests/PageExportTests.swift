import Foundation
import XCTest
import Shell
import Workspace
import Pages
@testable import Commands

/// `export qbr` and `export portfolio` on the demo workspace: the pages' charts counted in
/// their SVG, then printed through headless Chromium and read back with poppler (pdfinfo,
/// pdftoppm, pdffonts, pdftotext) — the pages a customer and a VP would see.
final class PageExportTests: XCTestCase {
    let today = Day(iso: "2026-11-24")!
    var folder = ""

    override func setUpWithError() throws {
        folder = (NSTemporaryDirectory() as NSString).appendingPathComponent("cse-pages-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: folder) }

    func session(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws -> (Session, BufferOutput) {
        let path = folder + "/demo"
        let workspace = FileManager.default.fileExists(atPath: path) ? try WorkspaceDirectory(location: .folder(path), environment: [:], files: nil)
            : try WorkspaceDirectory.create(at: path, demoAsOf: today)
        let output = BufferOutput()
        let context = Context(workspace: workspace, today: today, specs: Catalog.commands.map(\.spec), directory: folder, progress: nil)
        context.environment = environment
        return (Session(context: context, commands: Catalog.commands, renderer: Renderer(width: 400, colour: false), json: false, output: output), output)
    }

    func export(_ line: String) throws -> String {
        let (shell, log) = try session()
        XCTAssertTrue(shell.run(line), log.text)
        return log.text
    }

    func html(_ file: String) throws -> String { try String(contentsOfFile: folder + "/" + file, encoding: .utf8) }

    func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    /// A program from poppler-utils, its standard output.
    func poppler(_ program: String, _ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { throw XCTSkip("\(program) is not installed — 'make test' installs poppler-utils") }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "\(program) \(arguments.joined(separator: " "))")
        return data
    }

    /// pdfinfo's page count and paper.
    func info(_ file: String) throws -> (pages: Int, size: String) {
        let text = String(decoding: try poppler("pdfinfo", [folder + "/" + file]), as: UTF8.self)
        let field = { (name: String) in text.split(separator: "\n").first { $0.hasPrefix(name + ":") }.map { $0.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces) } ?? "" }
        return (Int(field("Pages")) ?? 0, field("Page size"))
    }

    /// Each page of a PDF rasterised by pdftoppm (a grey PGM at 30 dpi): the share of its
    /// pixels that are not white.
    func inked(_ file: String) throws -> [Double] {
        let prefix = folder + "/raster-" + UUID().uuidString.prefix(6)
        _ = try poppler("pdftoppm", ["-r", "30", "-gray", folder + "/" + file, prefix])
        let pages = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix((prefix as NSString).lastPathComponent) }.sorted()
        return try pages.map { name in
            let data = [UInt8](try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name)))
            // "P5\nW H\n255\n" then one byte a pixel.
            var newlines = 0, start = 0
            for (i, b) in data.enumerated() where b == 10 { newlines += 1; if newlines == 3 { start = i + 1; break } }
            let pixels = data[start...]
            return Double(pixels.filter { $0 < 230 }.count) / Double(max(1, pixels.count))
        }
    }

    func requireChromium() throws {
        if Chromium.find(ProcessInfo.processInfo.environment) == nil {
            XCTFail("no headless Chromium — 'make test' installs it (apt-get install chromium)")
            throw XCTSkip("no Chromium")
        }
    }

    func testTheQBRDeckOfADemoAccountHasEveryChart() throws {
        let said = try export("export qbr Acme acme.html")
        XCTAssertTrue(said.contains("wrote acme.html: Acme Corp's QBR deck — health over 13 weeks, the dimensions, 6 usage charts, 3 goals, the agenda for the QBR on 2027-02-15"), said)
        let page = try html("acme.html")
        // Self-contained: no script, nothing fetched.
        XCTAssertFalse(page.contains("<script"))
        XCTAssertFalse(page.contains("src="))
        XCTAssertFalse(page.contains("http://") && !page.contains("xmlns=\"http://www.w3.org/2000/svg\""))
        XCTAssertEqual(count("<section>", in: page), 3)
        // The health chart, the dimensions, six usage charts.
        XCTAssertEqual(count("<svg", in: page), 8)
        XCTAssertEqual(count("class=\"band ", in: page), 4)
        XCTAssertEqual(count("class=\"line score\"", in: page), 1)
        XCTAssertEqual(count("class=\"dot score\"", in: page), 13)
        XCTAssertEqual(count("class=\"bar dimension\"", in: page), 5)
        XCTAssertEqual(count("class=\"line usage\"", in: page), 6)
        XCTAssertEqual(count("class=\"line second\"", in: page), 1)
        // The numbers are score's and success plan's.
        XCTAssertTrue(page.contains("76.1 / 100"))
        XCTAssertTrue(page.contains(">19.7 / 30 (66%)<"))
        XCTAssertTrue(page.contains("<td>4 h</td><td>1 h</td><td>55 min</td>"))
        XCTAssertEqual(count("<h3>", in: page), 5 + 2)
        XCTAssertTrue(page.contains("Resolve tier-1 tickets with AI"))
        // Events are marked on the health chart, numbered, and named under it.
        XCTAssertEqual(count("class=\"event\"", in: page), 0)
        _ = try export("export qbr Globex globex.html")
        let globex = try html("globex.html")
        XCTAssertEqual(count("class=\"event\"", in: globex), 3)
        XCTAssertTrue(globex.contains("Events: 1 2026-10-15 qbr held; 2 2026-11-10 new team interested; 3 2026-11-14 premium feature requested."))
    }

    func testThePortfolioPageHasEveryChart() throws {
        let said = try export("export portfolio book.html")
        XCTAssertTrue(said.contains("wrote book.html: the portfolio review as of 2026-11-24 — 12 live accounts by tier, retention against the targets, renewals over 9 months, 4 at risk, 11 cohorts"), said)
        let page = try html("book.html")
        XCTAssertEqual(count("<section>", in: page), 3)
        XCTAssertEqual(count("<svg", in: page), 4)
        // Four tiers, and the four retention figures each met (healthy) or not (critical).
        XCTAssertEqual(count("class=\"bar healthy\"", in: page) + count("class=\"bar warning\"", in: page) + count("class=\"bar high-risk\"", in: page)
                       + count("class=\"bar critical\"", in: page), 4 + 4)
        XCTAssertEqual(count("class=\"target\"", in: page), 4)
        // The heat map: six months for each of 11 cohorts.
        XCTAssertEqual(count("class=\"cell\"", in: page), 66)
        // Thirteen months of renewals from November to next November; the months with none have no bar.
        XCTAssertTrue(page.contains(">2026-11<") && page.contains(">2027-11<"))
        XCTAssertTrue(page.contains("$74,100</b><span>ARR at churn risk high or critical"))
        XCTAssertTrue(page.contains("<li>Hooli (52.8, churn risk critical, $60,000)</li>"))

        let dana = try export("export portfolio dana.html for Dana")
        XCTAssertTrue(dana.contains("the portfolio review for Dana Whitfield as of 2026-11-24 — 3 live accounts by tier"), dana)
        XCTAssertTrue(try html("dana.html").contains("<h1>Portfolio review — Dana Whitfield</h1>"))
    }

    func testBothPagesPrintThroughChromium() throws {
        try requireChromium()
        _ = try export("export qbr Acme acme.pdf")
        _ = try export("export portfolio book.pdf letter")
        let acme = try info("acme.pdf"), book = try info("book.pdf")
        XCTAssertEqual(acme.pages, 3)
        XCTAssertTrue(acme.size.hasSuffix("(A4)"), acme.size)
        XCTAssertEqual(book.pages, 3)
        XCTAssertTrue(book.size.hasSuffix("(letter)"), book.size)
        for file in ["acme.pdf", "book.pdf"] {
            let ink = try inked(file)
            XCTAssertEqual(ink.count, 3)
            for (n, share) in ink.enumerated() { XCTAssertGreaterThan(share, 0.01, "\(file) page \(n + 1) is blank") }
        }
        let text = String(decoding: try poppler("pdftotext", [folder + "/acme.pdf", "-"]), as: UTF8.self)
        XCTAssertTrue(text.contains("Acme Corp"))
        XCTAssertTrue(text.contains("Agenda (60 minutes)"))
        // Nothing left beside the file.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix(".cse-print") }, [])
    }

    func testChineseNamesRenderWithAChineseFont() throws {
        try requireChromium()
        let said = try export("导出 QBR 星辰科技 星辰.pdf")
        XCTAssertTrue(said.contains("星辰科技's QBR deck"), said)
        XCTAssertTrue(said.contains("no goals recorded"), said)
        // Chromium draws Chinese with a font that has it (fonts-noto-cjk, which 'make test' installs), not boxes.
        let fonts = String(decoding: try poppler("fc-list", [":lang=zh", "family"]), as: UTF8.self)
        XCTAssertFalse(fonts.isEmpty, "no Chinese font installed")
        let text = String(decoding: try poppler("pdftotext", [folder + "/星辰.pdf", "-"]), as: UTF8.self)
        XCTAssertTrue(text.contains("星辰科技"))
        XCTAssertTrue(text.contains("No goals recorded"))
    }

    func testAnAccountWithOneWeekAndNoGoalsStillMakesADeck() throws {
        try "account,segment,plan,arr,csm,start_date,renewal_date\nNova Labs,smb,starter,4800,Dana Whitfield,2026-11-02,2027-11-02\n"
            .write(toFile: folder + "/nova.csv", atomically: true, encoding: .utf8)
        try "account,week,dau,licensed_users,core_features_used\nNova Labs,2026-11-22,6,10,2\n".write(toFile: folder + "/nova-week.csv", atomically: true, encoding: .utf8)
        let (shell, log) = try session()
        XCTAssertTrue(shell.run("import nova.csv"), log.text)
        XCTAssertTrue(shell.run("import nova-week.csv"), log.text)
        XCTAssertTrue(shell.run("export qbr Nova nova.html"), log.text)
        XCTAssertTrue(log.text.contains("Nova Labs's QBR deck — health over 1 week, the dimensions, 2 usage charts, no goals recorded, no agenda yet (first QBR not due)"), log.text)
        let page = try html("nova.html")
        // One week: a dot, no line; one point on each usage chart.
        XCTAssertEqual(count("class=\"line score\"", in: page), 0)
        XCTAssertEqual(count("class=\"dot score\"", in: page), 1)
        XCTAssertEqual(count("<svg", in: page), 4)
        XCTAssertTrue(page.contains("No goals recorded"))
        XCTAssertTrue(page.contains("No QBR yet: Nova Labs is on day 22 of onboarding; the first business review is the 90-day review on 2027-01-31"))
        XCTAssertTrue(page.contains("week on record since 2026-11-22"))
        // Two dimensions of five have data: the total says so, not that it is their sum.
        XCTAssertTrue(page.contains("health 43.6 is the 2 with data, 24.0 of their 55 points, scaled to 100 (low confidence"))
        try requireChromium()
        XCTAssertTrue(shell.run("export qbr Nova nova.pdf"), log.text)
        XCTAssertEqual(try info("nova.pdf").pages, 3)
        XCTAssertTrue(try inked("nova.pdf").allSatisfy { $0 > 0.005 })
    }

    func testWhatCannotBeWrittenSaysWhyAndLeavesTheFileAlone() throws {
        _ = try export("export qbr Acme acme.pdf".replacingOccurrences(of: ".pdf", with: ".html"))
        let before = try html("acme.html")
        var (shell, log) = try session(["PATH": "/nonexistent"])
        XCTAssertFalse(shell.run("export qbr Acme acme.pdf"))
        XCTAssertTrue(log.text.contains("printing a PDF needs headless Chromium, and none was found — install it ('sudo apt-get install chromium'"), log.text)
        XCTAssertTrue(log.text.contains("or write acme.html and print it from a browser"), log.text)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/acme.pdf"))
        (shell, log) = try session()
        XCTAssertFalse(shell.run("export qbr Initech initech.html"))
        XCTAssertTrue(log.text.contains("no QBR deck: Initech churned on"), log.text)
        XCTAssertFalse(shell.run("export qbr Acme acme.docx"))
        XCTAssertTrue(log.text.contains("cannot tell the format of 'acme.docx'"), log.text)
        XCTAssertFalse(shell.run("export portfolio book.html for Zed"))
        XCTAssertTrue(log.text.contains("no CSM named 'Zed'"), log.text)
        XCTAssertEqual(try html("acme.html"), before)
    }

    func testAFailedOrInterruptedPrintLeavesTheOldFile() throws {
        let output = URL(fileURLWithPath: folder + "/book.pdf")
        try Data("the old PDF".utf8).write(to: output)
        let page = HTMLPage(title: "t", sections: ["<p>x</p>"])
        XCTAssertThrowsError(try Chromium.print(page, to: output, program: "/bin/false") { false }) { error in
            XCTAssertTrue("\(error)".contains("could not print the page (exit 1)"), "\(error)")
        }
        // A print that hangs is stopped when Ctrl-C is pressed.
        let slow = folder + "/slow-chromium"
        try "#!/bin/sh\nsleep 30\n".write(toFile: slow, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: slow)
        let started = Date()
        var asked = 0
        XCTAssertThrowsError(try Chromium.print(page, to: output, program: slow) { asked += 1; return asked > 5 }) { error in
            XCTAssertTrue("\(error)".contains("interrupted — no PDF was written"), "\(error)")
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 10)
        XCTAssertEqual(try String(contentsOf: output, encoding: .utf8), "the old PDF")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix(".cse-print") }, [])
    }
}
