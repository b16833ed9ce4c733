import Intents
import Scoring
import Shell
import Workspace

/// `set ACCOUNT FIELD VALUE`: a profile field, a contact, or a raw metric of the current week.
struct SetCommand: Command {
    let spec = CommandSpec(
        name: "set",
        phrases: ["set {account} {field} {value}", "set {account} {field} to {value}", "set {account} {field} = {value}", "set {account}'s {field} to {value}",
                  "update {account} {field} {value}", "update {account} {field} to {value}", "change {account} {field} to {value}",
                  "change {account}'s {field} to {value}", "设置 {account} {field} {value}", "更新 {account} {field} {value}",
                  "把{account}的{field}改成{value}", "把{account}的{field}改为{value}", "{account}的{field}改成{value}", "{account}的{field}改为{value}",
                  "{account}{field}改为{value}", "{account}{field}改成{value}"],
        fixed: ["move {account} to {value:person}": ["field": .choice(AccountField.csm.rawValue)],
                "move {account} over to {value:person}": ["field": .choice(AccountField.csm.rawValue)],
                "reassign {account} to {value:person}": ["field": .choice(AccountField.csm.rawValue)],
                "hand {account} over to {value:person}": ["field": .choice(AccountField.csm.rawValue)],
                "{account}转给{value:person}负责": ["field": .choice(AccountField.csm.rawValue)], "把{account}转给{value:person}": ["field": .choice(AccountField.csm.rawValue)]],
        slots: ["field": .choice(SetCommand.fields), "value": .text],
        usage: "set ACCOUNT FIELD VALUE",
        summary: "change a profile field, a contact, or a raw metric of this week",
        details: """
            Profile fields: segment, plan, arr, csm, start date, renewal date, churn date, churn reason, aliases, and the \
            contacts champion, executive sponsor, technical lead ('Name, Title <email>', or none). Raw metrics (dau, nps, \
            features, meetings attended … as in 'what if') go into the current week, the week ending last Sunday; if it \
            has no snapshot yet, it starts from the latest week's values. Every value is checked as on import. 'undo' reverts it.
            """,
        examples: ["set Acme nps 50", "set Acme Corp renewal date 2027-05-01", "set Hooli champion Jian Yang, Head of Ops <jian@hooli.example>",
                   "update Globex csm to Priya Raman", "set Wonka exec relationship occasional", "设置 Acme nps 55"],
        writes: true,
        natural: Natural(.account, cues: ["set": 3, "update": 2, "change": 2, "改成": 3, "改为": 3, "设置": 3, "更新": 2]))

    /// The fields 'set' changes: the profile's columns and contacts, and the raw metrics, by
    /// the names import reads (and their Chinese words).
    static let fields = Vocabulary("field", ["renewal_date": ["renewal date", "续约日期", "续约时间"], "start_date": ["start date", "开始日期"],
                                            "csm": ["csm", "负责人", "客户成功经理"], "segment": ["segment", "细分"], "plan": ["plan", "套餐"],
                                            "churn_date": ["churn date", "流失日期"], "churn_reason": ["churn reason", "流失原因"], "aliases": ["aliases", "别名"],
                                            "champion": ["champion", "倡导者"], "executive_sponsor": ["executive sponsor", "执行发起人"],
                                            "technical_lead": ["technical lead", "技术负责人"], "dau": ["dau", "日活"]],
                                     lookup: { AccountField.named($0)?.rawValue ?? SnapshotField.named($0)?.rawValue },
                                     hint: "a profile field (segment, plan, arr, csm, renewal date, champion …) or a metric (nps, dau, features …)")

    enum Target {
        case profile(AccountField, String)
        case metric(SnapshotField, Double?)
    }

    func run(_ request: Request, in context: Context) throws -> Report {
        let account = try context.account(request.account()!)
        let target = try SetCommand.target(field: request.choice("field")!, value: request.text("value")!)
        switch target {
        case let .profile(field, text):
            var updated = account
            let contact = try checked(field) { try field.set(text, on: &updated) }
            if let (field, problem) = AccountField.problem(in: updated) { throw CommandError("\(field.rawValue): \(problem.message)") }
            if let (role, found) = contact {
                let person = found.map { var p = $0; p.recordedOn = context.today; return p }
                let old = try context.records(of: account).contacts(on: context.today).first { $0.role == role }
                try context.change("set \(account.name) \(field.rawValue)", [.setContact(accountID: account.id!, role: role, contact: person, on: context.today)])
                return SetReport(account: account.name, field: field.rawValue, before: old?.cell ?? "none", after: person?.cell ?? "none", week: nil, score: nil)
            }
            if field == .account || field == .aliases { try context.refuseNameClash(updated) }
            let after = field.cell(of: updated, contacts: [])
            let score = [.plan, .arr].contains(field) ? try scoreChange(context, before: account, after: updated, snapshot: nil) : nil
            let undo = try context.change("set \(account.name) \(field.rawValue) \(after)", [.setAccountFields(updated, [field])])
            // "Before" is what the write replaced, read in its transaction: another CSM may have set it a moment ago.
            let replaced = undo.lazy.compactMap { if case let .setAccountFields(old, _) = $0 { return old } else { return nil } }.first ?? account
            let before = field.cell(of: replaced, contacts: [])
            return SetReport(account: updated.name, field: field.rawValue, before: before.isEmpty ? "none" : before, after: after.isEmpty ? "none" : after,
                             week: nil, score: score)
        case let .metric(field, value):
            let week = context.currentWeek
            let snapshots = try context.store.snapshots(accountID: account.id!).filter { $0.week <= week }
            var snapshot = snapshots.last.map { var s = $0; s.week = week; return s } ?? Snapshot(accountID: account.id!, week: week)
            let startedFrom = snapshots.last.flatMap { $0.week == week ? nil : $0.week }
            let old = snapshot[field]
            snapshot[field] = value
            if let (f, problem) = snapshot.crossFieldProblem() { throw CommandError("\(f.rawValue): \(problem.message)") }
            let score = try scoreChange(context, before: account, after: account, snapshot: snapshot)
            try context.change("set \(account.name) \(field.rawValue) \(field.format(value))", [.saveSnapshot(snapshot)])
            return SetReport(account: account.name, field: field.rawValue, before: old.map { field.format($0) } ?? "missing",
                             after: value.map { field.format($0) } ?? "missing", week: week, startedFrom: startedFrom, score: score)
        }
    }

    /// Score before and after, for changes that move it.
    func scoreChange(_ context: Context, before: Account, after: Account, snapshot: Snapshot?) throws -> (HealthScore, HealthScore)? {
        let health = try context.health(of: before)
        guard let latest = health.snapshots.last, let old = health.current else { return nil }
        let history = health.snapshots.filter { $0.week < (snapshot ?? latest).week }
        // A survey answer missing from the new week is carried into it, as scoring does.
        let week = snapshot.map { SurveyCarry.fill(history + [$0]).last! } ?? latest
        var records = health.records
        records.account = after
        let new = context.model.score(week, history: history[...], records: records)
        return (old, new)
    }

    func checked<T>(_ field: AccountField, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let problem as FieldProblem { throw CommandError("\(field.rawValue): \(problem.message)") }
    }

    /// A field's code and the value typed for it: a profile field's text, or a metric's number.
    static func target(field code: String, value: String) throws -> Target {
        if value.lowercased().contains(" as of ") {
            throw CommandError("'as of DATE' works only on commands that read: 'set' changes the workspace as it is today")
        }
        if let field = AccountField(rawValue: code) { return .profile(field, value) }
        let field = SnapshotField(rawValue: code)!
        if ["none", "missing", "-"].contains(value.lowercased()) { return .metric(field, nil) }
        switch field.parse(value) {
        case .success(let v): return .metric(field, v)
        case .failure(let problem): throw CommandError("\(field.rawValue): \(problem.message)")
        }
    }
}

struct SetReport: Report {
    let account: String
    let field: String
    let before: String
    let after: String
    let week: Day?
    var startedFrom: Day? = nil
    let score: (HealthScore, HealthScore)?

    enum Keys: String, CodingKey { case account, field, before, after, week, startedFrom = "started_from", scoreBefore = "score_before", scoreAfter = "score_after", tier }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(account, forKey: .account)
        try c.encode(field, forKey: .field)
        try c.encode(before, forKey: .before)
        try c.encode(after, forKey: .after)
        try c.encode(week, forKey: .week)
        try c.encode(startedFrom, forKey: .startedFrom)
        try c.encode(score?.0.shown, forKey: .scoreBefore)
        try c.encode(score?.1.shown, forKey: .scoreAfter)
        try c.encode(score?.1.band.name, forKey: .tier)
    }

    func render(into doc: inout Document) {
        var line: [Span] = [Span(account, .bold), ": \(field) \(before) → ", Span(after, .bold)]
        if let week { line.append(Span(" (week ending \(week))", .dim)) }
        doc.wrapped(text: line)
        if let startedFrom {
            doc.wrapped(Span("  "), text: [Span("started the week ending \(week!) from the week ending \(startedFrom)'s values", .dim)])
        }
        if let (old, new) = score {
            doc.line("  score \(Format.oneDecimal(old.shown)) → ", Span(Format.oneDecimal(new.shown), .bold), " ",
                     Span("\(new.band.emoji) \(new.band.label)", new.tier.style),
                     old.band != new.band ? Span(" (was \(old.band.label))", .dim) : "")
        }
    }
}
