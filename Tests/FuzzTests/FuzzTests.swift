import Foundation
import PropertyBased
import Testing
import Commands
import Intents
import Shell
import Workspace

/// Property-based fuzzing: no line and no file, however malformed, crashes cse or hangs it;
/// every line gets an answer and every file is imported whole or refused with its place.
/// A failure prints the seed that reproduces it (`.fixedSeed(…)`).
@Suite(.serialized) struct FuzzTests {
    /// A demo workspace and the files `export` writes from it: the seeds the mutations start from.
    final class Bench: @unchecked Sendable {
        let folder: String
        let session: Session
        let output = BufferOutput()
        var seeds: [(name: String, text: String)] = []
        let rules = Importer.Rules(today: Day(iso: "2026-11-24")!)

        init() throws {
            folder = (NSTemporaryDirectory() as NSString).appendingPathComponent("cse-fuzz-\(UUID().uuidString)")
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let workspace = try WorkspaceDirectory.create(at: folder + "/demo", demoAsOf: rules.today)
            let context = Context(workspace: workspace, today: rules.today, specs: Catalog.commands.map(\.spec), directory: folder, progress: nil)
            context.environment = ["CSE_CLIPBOARD": "cat > /dev/null", "PATH": "/usr/bin:/bin"]
            session = Session(context: context, commands: Catalog.commands, renderer: Renderer(width: 80, colour: false), json: false, output: output)
            for kind in ["accounts", "snapshots", "events", "subscriptions"] {
                for format in ["csv", "json", "yaml"] {
                    let name = "\(kind).\(format)"
                    guard session.run("export \(kind) \(name)") else { throw CommandError(output.take()) }
                    seeds.append((name, try String(contentsOfFile: folder + "/" + name, encoding: .utf8)))
                }
            }
            _ = output.take()
        }
    }

    static let bench = try! Bench()

    /// Cases a property tries: a few hundred in `make test`; CSE_FUZZ_COUNT=100000 for a long hunt.
    static func count(_ usual: Int) -> Int {
        ProcessInfo.processInfo.environment["CSE_FUZZ_COUNT"].flatMap(Int.init) ?? usual
    }

    /// Words lines are made of: the commands' own words, names, dates, and trouble.
    static let tokens: [String] = {
        let words = Catalog.commands.flatMap { $0.spec.phrases.flatMap(\.leadingWords) }
        return Array(Set(words)).sorted() + [
            "Acme", "Acme Corp", "Hooli", "星辰科技", "Pied Piper", "Café Olé", "Acmee", "as of", "as of 2026-11-01", "截至", "--json",
            "2026-11-01", "2026-02-30", "9999-12-31", "9223372036854775807", "-9223372036854775808", "-5", "0", "1e309", "nan",
            "for", "for 2025", "Q3", "from", "to", "by", "on", "day 30", "nps", "dau", "arr", "$12,000.50", "50%", ":", "：", "'", "\"",
            "“", "的评分", "\u{1B}[31m", "\u{0}", "\u{7}", "\u{202E}", "🟢", "\t", "   ", "?", "。", "recap", "win-back", "segment smb",
            "champion left", "payment refused", "Jian Yang, Head of Ops <jian@hooli.example>", String(repeating: "x", count: 300),
        ]
    }()

    static let line = Gen<String?>.element(of: tokens).array(of: 0...12)
        .map { $0.compactMap { $0 }.joined(separator: " ") }

    @Test func everyLineGetsAnAnswer() async throws {
        let bench = Self.bench
        await propertyCheck(count: Self.count(400), input: Self.line) { line in
            bench.session.run(line)
            let printed = bench.output.take()
            #expect(!printed.contains("\u{1B}"), "no control character reaches the terminal: \(line)")
            #expect(!printed.contains("\u{0}"))
        }
    }

    @Test func randomTextIsAnsweredToo() async throws {
        let bench = Self.bench
        // Any scalar but the surrogates (which are no scalars): control characters, CJK, emoji, marks.
        let scalars = Gen<UInt32>.value(in: 0...0x2FFFF).compactMap(UnicodeScalar.init).array(of: 0...80)
            .map { String(String.UnicodeScalarView($0)) }
        await propertyCheck(count: Self.count(300), input: scalars) { line in
            bench.session.run(line)
            #expect(!bench.output.take().contains("\u{1B}"))
        }
    }

    /// What a mutation may put into a file.
    static let trouble: [String] = [
        "92233720368547758.99", "9223372036854775807", "-1", "1e309", "NaN", "inf", "-0", "0.0000001", "1,000,000,000.01", "$", "%",
        "2026-02-30", "9999-12-31", "0000-01-01", "2026-11-29", "2026-11-20", "\"", "\"\"", ",", ",,,", "\n", "\r\n", "&a [1, 2]", "*a",
        "*b", "&b", "[", "]", "{", "}", ":", ": ", "- ", "---", "\u{FEFF}", "Ⅻ", "١٢", "12,000.999", "~", "null", "true", "<<: *a",
        "\u{0}", "\u{1B}[2J", "星辰科技", "'", "#", "! !", "? ", "|", ">", "\t", String(repeating: "[", count: 200),
    ]

    /// A seed file and the edits made to it: (operation, place, token).
    static let mutation = zip(Gen.int(in: 0...11), zip(Gen.int(in: 0...9), Gen.int(in: 0...1_000_000), Gen.int(in: 0...(trouble.count - 1)))
        .array(of: 1...6))

    /// Every trouble value in every column of a one-row file of each kind and format.
    @Test func everyColumnTakesEveryTroubleValue() throws {
        let bench = Self.bench
        for (name, text) in bench.seeds {
            let lines = text.components(separatedBy: "\n")
            if name.hasSuffix(".csv") {
                let columns = lines[0].components(separatedBy: ",").count
                for column in 0..<columns {
                    for token in Self.trouble {
                        var fields = lines[1].components(separatedBy: ",")
                        guard fields.count == columns else { continue }
                        fields[column] = token
                        try importOrRefuse(name, lines[0] + "\n" + fields.joined(separator: ","))
                    }
                }
            } else {
                // The first row's keys: its lines up to the second row.
                let rowStarts = lines.indices.filter { lines[$0].contains("{") || lines[$0].hasPrefix("  - ") || lines[$0].hasPrefix("- ") }
                let end = rowStarts.count > 2 ? rowStarts[2] : lines.count
                let head = Array(lines[..<end])
                for (i, line) in head.enumerated() where line.contains(": ") {
                    for token in Self.trouble {
                        var edited = head
                        let colon = line.range(of: ": ")!
                        edited[i] = String(line[..<colon.upperBound]) + token + (line.hasSuffix(",") ? "," : "")
                        try importOrRefuse(name, edited.joined(separator: "\n") + (name.hasSuffix(".json") ? "}]}" : ""))
                    }
                }
            }
        }
    }

    /// Imports `text` as a file named like `name`: it must be read, or refused with its place.
    func importOrRefuse(_ name: String, _ text: String) throws {
        let bench = Self.bench
        let path = bench.folder + "/one-" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try Importer.read(path: path, shownAs: name, rules: bench.rules)
        } catch let failure as ImportFailure {
            #expect(!failure.problems.isEmpty && failure.problems.allSatisfy { !$0.message.isEmpty })
        } catch {
            Issue.record("\(name): not an import problem: \(error)")
        }
    }

    @Test func everyFileIsImportedWholeOrRefusedWithItsPlace() async throws {
        let bench = Self.bench
        let target = try WorkspaceDirectory.create(at: bench.folder + "/target-\(UUID().uuidString)", demoAsOf: nil)
        await propertyCheck(count: Self.count(300), input: Self.mutation) { seed, edits in
            let (name, original) = bench.seeds[seed]
            var lines = original.components(separatedBy: "\n")
            for (operation, place, token) in edits {
                let i = place % max(lines.count, 1)
                var line = lines.isEmpty ? "" : lines[i]
                let at = line.isEmpty ? line.startIndex : line.index(line.startIndex, offsetBy: place % line.count)
                switch operation {
                case 0: line.insert(contentsOf: Self.trouble[token], at: at)
                case 1: if !line.isEmpty { line.remove(at: at) }
                case 2: line = Self.trouble[token]
                case 3: lines.insert(line, at: i)
                case 4: if !lines.isEmpty { lines.remove(at: i) }
                case 5: line = String(line[..<at]) + Self.trouble[token] + String(line[at...].drop { $0 != "," && $0 != ":" })
                case 6, 7, 8:
                    // One whole value: a CSV field, or what follows "key: " in YAML and JSON.
                    if let colon = line.range(of: ": ") {
                        line = String(line[..<colon.upperBound]) + Self.trouble[token] + (line.hasSuffix(",") ? "," : "")
                    } else {
                        var fields = line.components(separatedBy: ",")
                        fields[place % fields.count] = Self.trouble[token]
                        line = fields.joined(separator: ",")
                    }
                default: line = line.replacingOccurrences(of: "2026", with: Self.trouble[token])
                }
                if !lines.isEmpty && operation != 3 && operation != 4 { lines[i] = line }
            }
            let path = bench.folder + "/mutated-" + name
            try? lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
            do {
                let plan = try Importer.read(path: path, shownAs: name, rules: bench.rules)
                _ = try target.store.apply(plan.batch, progress: nil)
            } catch let failure as ImportFailure {
                #expect(!failure.problems.isEmpty)
                for problem in failure.problems { #expect(problem.line >= 0 && !problem.message.isEmpty) }
            } catch let refusal as NearNameRefusal {
                // A name one edit from an account (or its words) is refused with both names.
                #expect(!refusal.pairs.isEmpty)
            } catch {
                Issue.record("\(name): not an import problem: \(error)")
            }
        }
    }
}
