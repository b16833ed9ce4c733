import Foundation
import Intents
import Shell
import Workspace

/// `view save NAME` keeps the words of the last `list accounts` in this shell; `view NAME`
/// lists with them again; `views` shows what is kept. Views live in the workspace's
/// views.json, so every shell on the workspace has them.
struct ViewCommand: Command {
    let spec = CommandSpec(
        name: "view",
        phrases: ["view save {name}", "save view {name}", "save as view {name}", "view {name}", "views", "list views", "保存视图 {name}", "视图 {name}", "视图"],
        usage: "view save NAME | view NAME | views",
        summary: "keep a list's words as a named view, and list with them again",
        details: "'list accounts renewing in 60 days by ARR' then 'view save renewals' keeps those words; 'view renewals' lists with them again. 'view delete NAME' forgets one.",
        examples: ["view save renewals", "view renewals", "views", "view delete renewals"],
        accountSlots: [], writes: true)

    static let file = "views.json"

    func run(_ request: Request, in context: Context) throws -> Report {
        let path = (context.workspace.path as NSString).appendingPathComponent(ViewCommand.file)
        var views = (try? JSONDecoder().decode([String: String].self, from: Data(contentsOf: URL(fileURLWithPath: path)))) ?? [:]
        func write() throws {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(views).writeAtomically(to: path)
        }
        var typed = request["name"]?.trimmingCharacters(in: .whitespaces) ?? ""
        let line = request.line.trimmingCharacters(in: .whitespaces)
        if typed.isEmpty {
            guard !views.isEmpty else { return Message("no views yet — list accounts the way you like, then 'view save NAME'") }
            return ViewsReport(views: views)
        }
        if let prefix = ["view save ", "save as view ", "save view ", "保存视图 "].first(where: { line.lowercased().hasPrefix($0) }) {
            typed = String(line.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
            guard let words = context.remembered[AccountList.wordsKey] as? String else {
                throw CommandError("no list yet in this shell — 'list accounts …' first, then 'view save \(typed)'")
            }
            views[typed.lowercased()] = words
            try write()
            return Message("saved view \(typed.lowercased()): '\(words)' — 'view \(typed.lowercased())' lists with it")
        }
        let words = typed.split(separator: " ").map(String.init)
        if words.count == 2, words[0].lowercased() == "delete" {
            guard views.removeValue(forKey: words[1].lowercased()) != nil else { throw CommandError("no view named '\(words[1].excerpt)'") }
            try write()
            return Message("deleted view \(words[1].lowercased())")
        }
        guard let saved = views[typed.lowercased()] else {
            throw CommandError("no view named '\(typed.excerpt)'" + (views.isEmpty ? " — 'view save NAME' keeps the last list's words" : " — views: " + views.keys.sorted().joined(separator: ", ")))
        }
        return try ListAccountsCommand().list(saved, in: context)
    }
}

struct ViewsReport: Report {
    let views: [String: String]

    func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(views)
    }

    func render(into doc: inout Document) {
        var table = TextTable([.init("View"), .init("Words", wraps: true)], indent: 0)
        for name in views.keys.sorted() { table.add(Span(name, .bold), Span(views[name]!)) }
        doc.table(table)
    }
}
