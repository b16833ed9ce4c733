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
        phrases: ["draft {kind} {account}", "draft a {kind} {account}", "draft {kind} for {account}", "draft a {kind} for {account}",
                  "draft {kind} to {account}", "draft a {kind} to {account}", "draft the {kind} for {account}", "draft {kind} {options} {account}",
                  "draft {kind} email {account}", "draft {kind} email for {account}", "draft {kind} email to {account}", "draft a {kind} email for {account}",
                  "draft a {kind} email to {account}", "write {kind} {account}", "write a {kind} for {account}", "write the {kind} for {account}",
                  "write a {kind} email to {account}", "write the {kind} email for {account}", "{kind} email {account}", "{kind} email for {account}",
                  "{kind} email to {account}", "起草 {kind} {account}", "起草{account}的{kind}邮件", "{account}的{kind}邮件", "给{account}写{kind}邮件",
                  "给{account}写封{kind}邮件", "{account}{kind}邮件", "{account}{kind}邮件草稿"],
        fixed: ["recap email {account}": ["kind": .choice(DraftCommand.recap)], "recap {account}": ["kind": .choice(DraftCommand.recap)],
                "{account}的回顾邮件": ["kind": .choice(DraftCommand.recap)]],
        slots: ["kind": .choice(DraftCommand.kinds)],
        options: [OptionSpec("day", type: .choice(DraftCommand.days), "day {value}", "第{value}天")],
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
                   "draft escalation Soylent", "起草 health alert 星辰科技", "draft a recap email to Acme"],
        natural: Natural(.account, cues: ["draft": 3, "email": 2, "e-mail": 2, "write": 2, "write up": 2, "send them": 1, "drfat": 2, "起草": 3,
                                          "邮件": 2, "写": 1, "写封": 2, "草稿": 1, "发个": 1],
                         questions: ["draft a recap email to Acme", "write something to Initech to try to get them back", "给Acme写QBR回顾邮件"]))

    static let recap = "qbr-recap"
    static let winBack = "win-back"
    static let kinds = Vocabulary("draft kind", [
        DraftKind.qbrRecap.rawValue: ["qbr recap", "qbr recap email", "recap", "recap email", "qbr", "qbr summary", "回顾邮件", "回顾", "qbr回顾", "qbr总结",
                                      "总结"],
        winBack: ["win-back", "win back", "winback", "win-back email", "get them back", "赢回", "挽回", "赢回邮件", "挽回邮件"],
        DraftKind.activation.rawValue: ["activation", "activation email", "nudge", "use more features", "激活"],
        DraftKind.healthAlert.rawValue: ["health alert", "health drop alert", "health-drop alert", "heads-up", "alert", "健康预警"],
        DraftKind.welcome.rawValue: ["welcome", "welcome email", "欢迎"],
        DraftKind.renewal.rawValue: ["renewal", "renewal email", "renewal note", "renewing", "续约"],
        DraftKind.escalation.rawValue: ["escalation", "executive escalation", "escalate", "升级"],
    ])
    static let days = Vocabulary("win-back day", ["7": ["7"], "30": ["30"], "90": ["90"]])

    func run(_ request: Request, in context: Context) throws -> Report {
        let account = try context.account(request.account()!)
        let code = request.choice("kind") ?? DraftCommand.recap
        let winBackDay = request.choice("day").flatMap(Int.init)
        if winBackDay != nil && code != DraftCommand.winBack {
            throw CommandError("only the win-back e-mail takes a day: draft \(DraftCommand.kinds.word(code)) \(account.name)")
        }
        var kind = DraftKind(rawValue: code)
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
