import Foundation
import Drafting
import Intents
import Shell

/// `drafts`: the drafts saved in the workspace.
struct DraftsCommand: Command {
    let spec = CommandSpec(
        name: "drafts",
        phrases: ["drafts", "list drafts", "saved drafts", "my drafts", "show drafts", "草稿", "我的草稿", "保存的草稿"],
        usage: "drafts",
        summary: "the drafts saved in the workspace's drafts/ folder",
        examples: ["drafts", "list drafts"],
        natural: Natural(.none, cues: ["drafts": 3, "saved drafts": 4, "草稿": 3, "保存的草稿": 4]))

    func run(_ request: Request, in context: Context) throws -> Report {
        let folder = (context.workspace.path as NSString).appendingPathComponent("drafts")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".eml") || $0.hasSuffix(".md") }.sorted()
        return DraftList(drafts: names.map { name in
            let text = (try? String(contentsOfFile: (folder as NSString).appendingPathComponent(name), encoding: .utf8)) ?? ""
            return DraftList.Entry(file: "drafts/\(name)", subject: DraftFile.subject(of: text) ?? "", bytes: text.utf8.count)
        })
    }
}

struct DraftList: Report {
    struct Entry: Encodable { var file: String; var subject: String; var bytes: Int }
    let drafts: [Entry]

    enum Keys: String, CodingKey { case drafts }
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(drafts, forKey: .drafts)
    }

    func render(into doc: inout Document) {
        guard !drafts.isEmpty else { doc.line(Span("no saved drafts — 'draft …' then 'save'", .dim)); return }
        var table = TextTable([.init("File"), .init("Subject", wraps: true)])
        for d in drafts { table.add(Span(d.file), Span(d.subject)) }
        doc.table(table)
    }
}
