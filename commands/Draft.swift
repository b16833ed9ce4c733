import Foundation
import Drafting
import Intents
import Playbooks
import Scoring
import Shell
import Workspace

/// `draft KIND ACCOUNT`: an e-mail filled from the workspace, kept for `copy` and `save`.
struct DraftCommand: Command {
    let spec = CommandSpec(
        name: "draft",
        phrases: ["draft {rest}", "draft a {rest}", "write {rest}", "recap email {account}", "qbr recap email {account}", "recap {account}",
                  "起草 {rest}", "{account}的回顾邮件"],
        usage: "draft KIND ACCOUNT",
        summary: "an e-mail from the workspace: QBR recap, win-back, activation, health alert, welcome, renewal, escalation",
        details: """
            KIND: qbr recap, win-back [day 7|30|90], activation, health alert, welcome, renewal or escalation. \
            To comes from the account's contacts, and the subject and body from its goals, results, dates, metrics, \
            churn reason and CSM. What the workspace cannot fill stays in the text as [label] and is listed under the \
            draft. 'copy' puts it on the clipboard, 'save' writes it as .eml or .md. The win-back e-mail is the one due \
            now unless a day is given ('draft win-back day 30 Initech' or 'draft win-back Initech day 30'). Asked for \
            where the data says otherwise (an escalation for a healthy account), the draft is written with a caution above it. Templates are Mustache: a file templates/KIND.mustache in the workspace replaces \
            the built-in one (first line 'Subject: …'); a broken one is reported with its line and the built-in used.
            """,
        examples: ["draft qbr recap Acme", "recap email Acme", "draft win-back Initech", "draft win-back Initech day 30",
                   "draft activation Hooli", "draft health alert Soylent", "draft welcome Nimbus", "draft renewal Umbrella",
                   "draft escalation Soylent", "起草 health alert 星辰科技"],
        accountSlots: ["rest", "account"],
        keywords: ["rest": ["qbr recap", "win-back", "activation", "health alert", "welcome", "renewal", "escalation"]])

    static let kinds: [(words: String, kind: DraftKind?)] = [
        ("qbr recap email", .qbrRecap), ("qbr recap", .qbrRecap), ("recap email", .qbrRecap), ("recap", .qbrRecap), ("qbr", .qbrRecap),
        ("win-back", nil), ("win back", nil), ("winback", nil), ("activation", .activation), ("activation email", .activation),
        ("health alert", .healthAlert), ("health drop alert", .healthAlert), ("alert", .healthAlert), ("welcome", .welcome),
        ("welcome email", .welcome), ("renewal", .renewal), ("renewal email", .renewal), ("escalation", .escalation),
        ("executive escalation", .escalation), ("回顾邮件", .qbrRecap), ("挽回邮件", nil), ("欢迎邮件", .welcome),
    ]

    func run(_ request: Request, in context: Context) throws -> Report {
        var kind: DraftKind?
        var winBackDay: Int?
        let account: Account
        if let name = request["account"] {
            account = try context.account(name)
            kind = .qbrRecap
        } else {
            let text = request["rest"]!
            let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
            if let kind = DraftCommand.kinds.first(where: { $0.words == words.joined(separator: " ").lowercased() }) {
                throw CommandError("which account? draft \(kind.words) ACCOUNT")
            }
            guard let match = DraftCommand.kinds.sorted(by: { $0.words.count > $1.words.count }).first(where: { k in
                let n = k.words.split(separator: " ").count
                return words.count > n && words.prefix(n).joined(separator: " ").lowercased() == k.words
            }) else {
                throw CommandError("which e-mail? draft KIND ACCOUNT, where KIND is qbr recap, win-back (day 7, 30 or 90), activation, health alert, welcome, renewal or escalation")
            }
            kind = match.kind
            var rest = Array(words.dropFirst(match.words.split(separator: " ").count))
            // "win-back day 30 Bluth" as well as "win-back Bluth day 30".
            if match.kind == nil, rest.count >= 3, rest[0].lowercased() == "day", Int(rest[1]) != nil {
                rest = Array(rest[2...]) + rest[0...1]
            }
            let named = rest.joined(separator: " ")
            if rest.count < 3 || rest[rest.count - 2].lowercased() != "day" {
                (account, winBackDay) = (try context.account(named), nil)
            } else {
                (account, winBackDay) = try context.account(leading: named, usage: spec.usage) { tail -> Int? in
                    guard match.kind == nil, tail.count == 2, tail[0].lowercased() == "day", let day = Int(tail[1]), [7, 30, 90].contains(day) else {
                        throw CommandError(match.kind == nil ? "the win-back e-mails are day 7, 30 and 90: draft win-back ACCOUNT day 30"
                                           : "only the win-back e-mail takes a day: draft \(match.words) ACCOUNT")
                    }
                    return day
                }
            }
        }
        let input = try context.playbookInput(account)
        if kind == nil {
            switch WinBackPlan.make(input) {
            case .failure(let why): return DoesNotApply(account: account.name, plan: "win-back e-mail", reason: why.reason)
            case .success(let plan):
                kind = winBackDay.map { $0 == 7 ? .winBack7 : $0 == 30 ? .winBack30 : .winBack90 } ?? Drafter.dueWinBack(plan)
            }
        }
        let templates = TemplateSet(folder: (context.workspace.path as NSString).appendingPathComponent("templates"))
        return Drafter.draft(kind!, input, templates: templates).report(account, plan: "\(kind!.label) e-mail") { draft in
            context.remembered[DraftReport.key] = draft
            return DraftReport(draft: draft)
        }
    }
}

struct DraftReport: Report {
    static let key = "draft"
    let draft: Draft

    enum Keys: String, CodingKey { case account, applies, kind, to, cc, subject, body, missing, templateWarning = "template_warning", caution }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(draft.account, forKey: .account)
        try c.encode(true, forKey: .applies)
        try c.encode(draft.kind.rawValue, forKey: .kind)
        try c.encode(draft.to, forKey: .to)
        try c.encode(draft.cc, forKey: .cc)
        try c.encode(draft.subject, forKey: .subject)
        try c.encode(draft.body, forKey: .body)
        try c.encode(draft.missing, forKey: .missing)
        try c.encode(draft.templateWarning, forKey: .templateWarning)
        try c.encode(draft.caution, forKey: .caution)
    }

    func render(into doc: inout Document) {
        if let warning = draft.templateWarning { doc.wrapped(Span("warning: ", .yellow), text: warning) }
        if let caution = draft.caution {
            doc.wrapped(Span("caution: ", .yellow), text: [Span(caution, .yellow)])
            doc.blank()
        }
        let people = { (list: [Draft.Recipient]) in list.map { $0.name + ($0.email.map { " <\($0)>" } ?? "") }.joined(separator: ", ") }
        doc.wrapped(Span("To:      ", .bold), text: draft.to.isEmpty ? [Span("[recipient]", .yellow)] : [Span(people(draft.to))])
        if !draft.cc.isEmpty { doc.wrapped(Span("Cc:      ", .bold), text: people(draft.cc)) }
        doc.wrapped(Span("Subject: ", .bold), text: [Span(draft.subject, .bold)])
        doc.blank()
        for line in draft.body.split(separator: "\n", omittingEmptySubsequences: false).dropLast(draft.body.hasSuffix("\n") ? 1 : 0) {
            // List items wrap under their text, not under the dash.
            if let marker = line.range(of: #"^\s*(- \[ \] |- |\d+\. )"#, options: .regularExpression) {
                doc.wrapped(Span(String(line[marker])), text: String(line[marker.upperBound...]))
            } else {
                doc.wrapped(text: String(line))
            }
        }
        doc.blank()
        if draft.missing.isEmpty {
            doc.line(Span("nothing missing — 'copy' puts it on the clipboard, 'save' writes it as .eml", .dim))
        } else {
            doc.wrapped(Span("missing: ", .yellow), text: [Span(draft.missing.joined(separator: "; "), .yellow)])
            doc.line(Span("fill the [brackets] before sending — 'copy' or 'save' to take it to your mail client", .dim))
        }
    }
}

extension Context {
    /// The draft made last in this shell.
    func lastDraft() throws -> Draft {
        guard let draft = remembered[DraftReport.key] as? Draft else {
            throw CommandError("no draft yet in this shell — draft one first: 'draft qbr recap ACCOUNT'")
        }
        return draft
    }
}
