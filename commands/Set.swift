import Intents
import Scoring
import Shell
import Workspace

/// `set ACCOUNT FIELD VALUE`: a profile field, a contact, or a raw metric of the current week.
struct SetCommand: Command {
    let spec = CommandSpec(
        name: "set",
        phrases: ["set {rest}", "update {rest}", "change {rest}", "设置 {rest}", "更新 {rest}"],
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
        accountSlots: ["rest"], writes: true)

    enum Target {
        case profile(AccountField, String)
        case metric(SnapshotField, Double?)
    }

    func run(_ request: Request, in context: Context) throws -> Report {
        let (account, target) = try context.account(leading: request["rest"]!, usage: spec.usage, then: SetCommand.target)
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
            if field == .account, let other = try context.accounts().first(where: { $0.id != account.id && $0.name.comparable == updated.name.comparable }) {
                throw CommandError("another account is already called \(other.name)")
            }
            let before = field.cell(of: account, contacts: []), after = field.cell(of: updated, contacts: [])
            let score = [.plan, .arr].contains(field) ? try scoreChange(context, before: account, after: updated, snapshot: nil) : nil
            try context.change("set \(account.name) \(field.rawValue) \(after)", [.setAccountFields(updated, [field])])
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

    /// `nps 50`, `renewal date to 2027-05-01`, `champion = Ann Lee, VP <ann@x.com>`.
    static func target(_ words: [String]) throws -> Target {
        for length in stride(from: min(4, words.count - 1), through: 1, by: -1) {
            let name = words.prefix(length).joined(separator: " ")
            var rest = Array(words.dropFirst(length))
            if let first = rest.first, ["to", "=", ":", "为"].contains(first.lowercased()) { rest.removeFirst() }
            guard !rest.isEmpty else { continue }
            let value = rest.joined(separator: " ")
            if value.lowercased().contains(" as of ") {
                throw CommandError("'as of DATE' works only on commands that read: 'set' changes the workspace as it is today")
            }
            if let field = AccountField.named(name) {
                return .profile(field, value)
            }
            if let field = SnapshotField.named(name) {
                if ["none", "missing", "-"].contains(value.lowercased()) { return .metric(field, nil) }
                switch field.parse(value) {
                case .success(let v): return .metric(field, v)
                case .failure(let problem): throw CommandError("\(field.rawValue): \(problem.message)")
                }
            }
        }
        throw CommandError("'\(words.first ?? "")' is not a field — set a profile field (segment, plan, arr, csm, renewal date, champion …) or a metric (nps, dau, features …)")
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
