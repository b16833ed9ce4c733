// Times what the shell does between a key and an answer's first word, in-process: reading a
// line (a command, a question, a follow-up) and completing a name with Tab, on a workspace
// of any size. Each is run cold (a fresh shell context, as after a change) and warm.
//   .build/release/cse-bench-read WORKSPACE [RUNS] [LINE …]   (lines given: only those, read alone)
//   .build/release/cse-bench-read WORKSPACE RUNS FILE.tsv     (every question of a corpus: the spread)
import Commands
import Foundation
import Intents
import Shell
import Workspace

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: cse-bench-read WORKSPACE [RUNS] [LINE …]\n".utf8))
    exit(2)
}
let environment = ProcessInfo.processInfo.environment
let runs = arguments.count > 2 ? Int(arguments[2]) ?? 20 : 20
let workspace = try WorkspaceDirectory(location: try WorkspaceLocation.parse(arguments[1], environment: environment), environment: environment)
let today = environment["CSE_TODAY"].flatMap(Day.init(iso:)) ?? Day(iso: "2026-11-24")!
let specs = Catalog.commands.map(\.spec)
let some = try workspace.store.accounts().prefix(2).map(\.name)
let name = some.first ?? "Acme Corp", other = some.count > 1 ? some[1] : name

@MainActor func context() -> Context {
    let context = Context(workspace: workspace, today: today, specs: specs, directory: ".", progress: nil)
    context.environment = ["CSE_USER": "bench"]
    return context
}

func milliseconds(_ work: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try work()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
}

func report(_ label: String, _ times: [Double]) {
    let sorted = times.sorted()
    print(String(format: "%-52@ median %7.2f ms   max %7.2f ms", label as NSString, sorted[sorted.count / 2], sorted.last!))
}

let reader = Reader(specs: specs)
if arguments.count == 4, arguments[3].hasSuffix(".tsv") {
    // The corpus's questions, each read on its own (cold, warm): their median, 95th percentile and slowest.
    let rows = try String(contentsOfFile: arguments[3], encoding: .utf8).split(separator: "\n").dropFirst()
    let questions = rows.compactMap { row -> String? in
        let cells = row.split(separator: "\t", omittingEmptySubsequences: false)
        return cells.count == 4 ? String(cells[2]) : nil
    }
    var times: [(Double, String)] = []
    for question in questions {
        var best = Double.infinity
        for _ in 0..<max(1, runs) {
            let c = context()
            best = min(best, try milliseconds { _ = try reader.read(question, names: c.names, today: today) })
        }
        times.append((best, question))
    }
    times.sort { $0.0 < $1.0 }
    print(String(format: "%d questions of %@, each the best of %d: median %.2f ms, 95th percentile %.2f ms, slowest %.2f ms",
                 times.count, arguments[3], runs, times[times.count / 2].0, times[times.count * 95 / 100].0, times.last!.0))
    // Those over 5 ms, with what they were read as: an error's "did you mean" compares every name.
    for (ms, question) in times.reversed() where ms > 5 {
        let c = context()
        let outcome: String
        switch try reader.read(question, names: c.names, today: today) {
        case .reading(let r): outcome = "→ " + r.words
        case .ambiguous: outcome = "two readings"
        case .failed(let message, _, _), .suggested(let message, _, _): outcome = message.isEmpty ? "not read" : message
        case .empty: outcome = "empty"
        }
        print(String(format: "  %7.2f ms  %@  %@", ms, question, outcome))
    }
    exit(0)
}
let given = arguments.dropFirst(3).map { (label: $0, before: String?.none, line: $0) }
let lines: [(label: String, before: String?, line: String)] = !given.isEmpty ? given : [
    ("score NAME", nil, "score \(name)"),
    ("how is NAME doing?", nil, "how is \(name) doing?"),
    ("why did NAME's score drop", nil, "why did \(name)'s score drop"),
    ("NAME会流失吗", nil, "\(name)会流失吗"),
    ("show me accounts at risk for Priya", nil, "show me accounts at risk for Priya"),
    ("remind me to call NAME about the renewal by Friday", nil, "remind me to call \(name) about the renewal by Friday"),
    ("why? (after score NAME)", "score \(name)", "why?"),
    ("and OTHER? (after score NAME)", "score \(name)", "and \(other)?"),
    ("why so volatile (after score NAME)", "score \(name)", "why so volatile"),
    ("score Acmee (a slip: did you mean …)", nil, "score \(name.dropLast())x"),
]
print("\(workspace.location) · \(try workspace.store.accounts().count) accounts · \(runs) runs each")
for (label, before, line) in lines {
    var cold: [Double] = [], warm: [Double] = []
    for _ in 0..<runs {
        let c = context()
        var focus = Focus()
        if let before, case .reading(let r) = try reader.read(before, names: c.names, today: today) {
            focus.answered(r.request, writes: specs[r.command].writes)
        }
        cold.append(try milliseconds { _ = try reader.read(line, names: c.names, today: today, focus: focus) })
        warm.append(try milliseconds { _ = try reader.read(line, names: c.names, today: today, focus: focus) })
    }
    report("read: " + label + " (cold)", cold)
    report("read: " + label + " (warm)", warm)
}
let completer = Completer(specs: specs)
let prefix = String(name.prefix(3))
for typed in ["score \(prefix)", "score ", "dr", "draft qbr recap \(prefix)"] {
    var times: [Double] = []
    var last = Completer.Completion(replacing: 0, candidates: [])
    for _ in 0..<runs {
        let c = context()
        times.append(try milliseconds { last = try completer.complete(typed, names: c.names, limit: 40) })
    }
    report("Tab after '\(typed)' (\(last.total) found, \(last.candidates.count) listed)", times)
}
