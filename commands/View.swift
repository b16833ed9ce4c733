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
        actions: ["save": ["view save {name}", "save view {name}", "save as view {name}", "save this view as {name}", "保存视图 {name}"],
                  "delete": ["view delete {name}", "delete view {name}", "删除视图 {name}"],
                  "show": ["view {name}", "视图 {name}"],
                  "list": ["views", "list views", "saved views", "视图"]],
        slots: ["name": .text],
        usage: "view save NAME | view NAME | views",
        summary: "keep a list's words as a named view, and list with them again",
        details: "'list accounts renewing in 60 days by ARR' then 'view save renewals' keeps that list; 'view renewals' lists with it again. 'view delete NAME' forgets one.",
        examples: ["view save renewals", "view renewals", "views", "view delete renewals"],
        writes: true,
        natural: Natural(.none, action: "list", cues: ["views": 3, "saved views": 3, "视图": 3]))

    static let file = "views.json"

    /// The saved views: none when there is no file yet. A file that does not read is damaged:
    /// said, and kept aside as views.json.damaged, never taken for "no views" and written over.
    static func read(_ path: String) throws -> [String: String] {
        guard FileManager.default.fileExists(atPath: path) else { return [:] }
        do {
            return try JSONDecoder().decode([String: String].self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            let aside = path + ".damaged"
            if FileManager.default.fileExists(atPath: aside) { try FileManager.default.removeItem(atPath: aside) }
            try FileManager.default.moveItem(atPath: path, toPath: aside)
            throw CommandError("views.json is damaged (it is not a list of names and words) — kept aside as views.json.damaged; "
                               + "your views start again empty")
        }
    }

    func run(_ request: Request, in context: Context) throws -> Report {
        let path = (context.workspace.path as NSString).appendingPathComponent(ViewCommand.file)
        var views = try ViewCommand.read(path)
        func write() throws {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(views).writeAtomically(to: path)
        }
        let name = (request.text("name") ?? "").lowercased()
        switch request.action {
        case "save":
            guard let list = context.focus.last(of: ListAccountsCommand().spec.name) else {
                throw CommandError("no list yet in this shell — 'list accounts …' first, then 'view save \(name)'")
            }
            let words = try context.reader.words(for: list.with(Request.asOfOption, nil), names: context.names, today: context.today)
            views[name] = words
            try write()
            return Message("saved view \(name): '\(words)' — 'view \(name)' lists with it")
        case "delete":
            guard views.removeValue(forKey: name) != nil else { throw CommandError("no view named '\(name.excerpt)'") }
            try write()
            return Message("deleted view \(name)")
        case "show":
            guard let saved = views[name] else {
                throw CommandError("no view named '\(name.excerpt)'" + (views.isEmpty ? " — 'view save NAME' keeps the last list" : " — views: " + views.keys.sorted().joined(separator: ", ")))
            }
            // A view is the words of a list; one saved by an older cse holds only its filters.
            for words in [saved, "list accounts " + saved] {
                if case .matched(let m) = try context.reader.parser.parse(words, names: context.names, today: context.today),
                   m.request.command == ListAccountsCommand().spec.name {
                    return try ListAccountsCommand().run(m.request, in: context)
                }
            }
            throw CommandError("view \(name) holds '\(saved.excerpt)', which no longer reads as a list — 'view delete \(name)' and save it again")
        default:
            guard !views.isEmpty else { return Message("no views yet — list accounts the way you like, then 'view save NAME'") }
            return ViewsReport(views: views)
        }
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
