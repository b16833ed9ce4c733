import Foundation
import XCTest
@testable import Intents
import Shell
import Workspace
@testable import Commands

/// The questions CSMs type, in English and Chinese, each with the command it means
/// (Tests/Corpus/questions.tsv: written from how CSMs talk, not from the grammar). Every
/// one is read on the demo workspace, follow-ups after the commands before them, and
/// counted: understood (the same request as the command it means), misread (another
/// request), or refused. A change to the workspace read from a line that does not mean
/// it — made, or asked about — fails on its own.
final class CorpusTests: WorkspaceTestCase {
    struct Row {
        var lang: String
        var before: [String]
        var utterance: String
        var meant: String
        var line: Int
    }

    static var folder: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Corpus").path
    }

    static func rows(_ file: String) throws -> [Row] {
        let text = try String(contentsOfFile: (folder as NSString).appendingPathComponent(file), encoding: .utf8)
        var rows: [Row] = []
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where i > 0 && !line.isEmpty && !line.hasPrefix("#") {
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard cells.count == 4 else { XCTFail("\(file):\(i + 1): \(cells.count) columns"); continue }
            let before = cells[1].isEmpty ? [] : cells[1].components(separatedBy: " ⏎ ")
            rows.append(Row(lang: cells[0], before: before, utterance: cells[2], meant: cells[3], line: i + 1))
        }
        return rows
    }

    enum Verdict: String { case understood, misread, refused }

    struct Tally {
        var counts: [String: [Verdict: Int]] = [:]
        var misreadWrites: [String] = []
        var notes: [String] = []

        mutating func add(_ lang: String, _ verdict: Verdict) { counts[lang, default: [:]][verdict, default: 0] += 1 }

        func share(_ lang: String?, _ verdict: Verdict) -> Double {
            let rows = lang.map { [counts[$0] ?? [:]] } ?? Array(counts.values)
            let total = rows.reduce(0) { $0 + $1.values.reduce(0, +) }
            let n = rows.reduce(0) { $0 + ($1[verdict] ?? 0) }
            return total == 0 ? 0 : Double(n) / Double(total)
        }

        var report: String {
            func line(_ label: String, _ lang: String?) -> String {
                let n = (lang.map { [counts[$0] ?? [:]] } ?? Array(counts.values)).reduce(0) { $0 + $1.values.reduce(0, +) }
                return String(format: "%@ %4d questions: %5.1f%% understood, %4.1f%% misread, %4.1f%% refused", label, n,
                              share(lang, .understood) * 100, share(lang, .misread) * 100, share(lang, .refused) * 100)
            }
            return [line("all", nil), line("en ", "en"), line("zh ", "zh")].joined(separator: "\n")
        }
    }

    /// Reads every row: the commands before it set the focus, as a session's answers would.
    func run(_ file: String) throws -> Tally {
        let location = try workspace("sqlite")
        let context = Context(workspace: try open(location), today: today, specs: Catalog.commands.map(\.spec), directory: folder, progress: nil)
        context.environment = ["CSE_USER": "Dana"]
        let reader = context.reader
        var tally = Tally()
        for row in try Self.rows(file) {
            var focus = Focus()
            for command in row.before {
                guard case .reading(let r) = try reader.read(command, names: context.names, today: today, focus: focus) else {
                    XCTFail("\(file):\(row.line): '\(command)' (before) does not read"); continue
                }
                focus.answered(r.request, writes: reader.specs[r.command].writes)
            }
            guard case .reading(let meant) = try reader.read(row.meant, names: context.names, today: today, focus: focus), meant.how == .typed else {
                XCTFail("\(file):\(row.line): the meant command '\(row.meant)' does not read as typed"); continue
            }
            let outcome = try reader.read(row.utterance, names: context.names, today: today, focus: focus)
            switch outcome {
            case .reading(let r) where r.request == meant.request:
                tally.add(row.lang, .understood)
                if !r.unread.isEmpty { tally.notes.append("UNREAD \(file):\(row.line) '\(row.utterance)': \(r.unread)") }
            case .reading(let r):
                tally.add(row.lang, .misread)
                let writes = reader.specs[r.command].writes
                let note = "\(file):\(row.line) [\(row.lang)] '\(row.utterance)' → '\(r.words)', meant '\(meant.words)'"
                if writes { tally.misreadWrites.append(note) }
                tally.notes.append("MISREAD " + note)
            case .ambiguous(let readings):
                tally.add(row.lang, .refused)
                tally.notes.append("TWO WAYS \(file):\(row.line) '\(row.utterance)': \(readings.map(\.words)), meant '\(meant.words)'")
            case .failed(let message, _, _), .suggested(let message, _, _):
                tally.add(row.lang, .refused)
                tally.notes.append("REFUSED \(file):\(row.line) '\(row.utterance)' (meant '\(meant.words)'): \(message)")
            case .empty:
                tally.add(row.lang, .refused)
                tally.notes.append("REFUSED \(file):\(row.line) '\(row.utterance)': empty")
            }
        }
        // CSE_CORPUS_REPORT=FILE writes every question not understood, with what it was read as.
        if let report = ProcessInfo.processInfo.environment["CSE_CORPUS_REPORT"] {
            try (tally.notes.joined(separator: "\n") + "\n").write(toFile: report + "." + file, atomically: true, encoding: .utf8)
        }
        print("\(file):\n\(tally.report)")
        return tally
    }

    func testTheQuestionsAreUnderstood() throws {
        let tally = try run("questions.tsv")
        XCTAssertEqual(tally.misreadWrites, [], "a change read from a question it does not mean")
        XCTAssertGreaterThanOrEqual(tally.share(nil, .understood), 0.95, tally.report)
    }

    /// Written the same way and kept aside: the reader was not tuned on these.
    func testTheHeldOutQuestions() throws {
        let tally = try run("holdout.tsv")
        XCTAssertEqual(tally.misreadWrites, [], "a change read from a question it does not mean")
    }
}

/// CSE_EXPLAIN="before ⏎ … ▸ line" prints every reading of the line, scored: for tuning the cues.
final class ExplainReading: WorkspaceTestCase {
    func testExplain() throws {
        guard let asked = ProcessInfo.processInfo.environment["CSE_EXPLAIN"] else { throw XCTSkip("set CSE_EXPLAIN to a line") }
        let context = Context(workspace: try open(try workspace("sqlite")), today: today, specs: Catalog.commands.map(\.spec), directory: folder, progress: nil)
        for question in asked.components(separatedBy: " | ") {
            let parts = question.components(separatedBy: " ▸ ")
            var focus = Focus()
            for before in parts.dropLast().flatMap({ $0.components(separatedBy: " ⏎ ") }) {
                if case .reading(let r) = try context.reader.read(before, names: context.names, today: today, focus: focus) {
                    focus.answered(r.request, writes: context.specs[r.command].writes)
                }
            }
            print("== \(parts.last!)")
            print(try context.reader.explain(parts.last!, names: context.names, today: today, focus: focus))
        }
    }
}
