import Foundation
import Intents
import Shell
import Workspace

/// `task add ACCOUNT TEXT [due DATE] [owner NAME]`, `task done N`, `task snooze N until DATE`.
struct TaskCommand: Command {
    let spec = CommandSpec(
        name: "task",
        phrases: ["task add {rest}", "add task {rest}", "task done {number}", "done task {number}", "task {number} done",
                  "task snooze {number} until {date}", "snooze task {number} until {date}", "task reopen {number}",
                  "添加任务 {rest}", "完成任务 {number}"],
        usage: "task add ACCOUNT TEXT [due DATE] [owner NAME] | task done N | task snooze N until DATE",
        summary: "add a task to an account, mark one done, or snooze it",
        details: """
            DATE: 2026-12-01, today, tomorrow, in 3 days, in 2 weeks, friday or next friday, 20 Dec. The owner is the \
            account's CSM unless given. N is the number 'tasks' shows. Undo takes back any of them.
            """,
        examples: ["task add Acme send the renewal proposal due friday", "task add Hooli find a new champion due in 5 days owner Priya Raman",
                   "task done 3", "task snooze 4 until 2026-12-01", "添加任务 Acme 准备续约方案 due 2026-12-01"],
        accountSlots: ["rest"], writes: true)

    func run(_ request: Request, in context: Context) throws -> Report {
        let today = context.today
        if let rest = request["rest"] {
            let (account, parts) = try context.account(leading: rest, usage: spec.usage) { try TaskCommand.parse($0, today: today) }
            guard !parts.text.isEmpty else { throw CommandError("say what to do: task add \(account.name) TEXT [due DATE]") }
            let task = CSMTask(accountID: account.id!, text: parts.text, due: parts.due, owner: parts.owner ?? account.csm, created: today)
            try context.change("task add \(account.name)", [.putTask(task)])
            let added = try context.store.tasks().last { $0.accountID == account.id && $0.text == parts.text }
            return Message("task \(added?.id.map { "#\($0)" } ?? "") added for \(account.name): \(parts.text)"
                + (parts.due.map { " — due \($0)" } ?? "") + ((parts.owner ?? account.csm).map { " — \($0)" } ?? ""))
        }
        guard let typed = request["number"], let id = Int64(typed.trimmingCharacters(in: CharacterSet(charactersIn: "# "))) else {
            throw CommandError("usage: \(spec.usage)")
        }
        guard let read = try context.store.tasks().first(where: { $0.id == id }) else {
            throw CommandError("no task #\(id) — 'tasks' lists them with their numbers")
        }
        var task = read
        let name = try context.accounts().first { $0.id == task.accountID }?.name ?? "?"
        let line = request.line.lowercased()
        if line.contains("snooze") {
            guard let text = request["date"], let until = SpokenDate.ahead(text.split(separator: " ").map(String.init), today: today), until > today else {
                throw CommandError("snooze until a day after today: 'task snooze \(id) until 2026-12-01' (or friday, in 3 days)")
            }
            task.snoozedUntil = until
            try context.change("task snooze \(id)", [try .edit(read, task)])
            return Message("task #\(id) (\(name): \(task.text)) is snoozed until \(until)")
        }
        if line.contains("reopen") {
            task.done = nil
            try context.change("task reopen \(id)", [try .edit(read, task)])
            return Message("task #\(id) (\(name): \(task.text)) is open again")
        }
        guard task.isOpen else { throw CommandError("task #\(id) was done on \(task.done!) — 'task reopen \(id)' opens it again") }
        task.done = today
        try context.change("task done \(id)", [try .edit(read, task)])
        return Message("done: task #\(id) — \(name): \(task.text)")
    }

    /// "send the proposal due friday owner Priya Raman" → text, due, owner.
    static func parse(_ words: [String], today: Day) throws -> (text: String, due: Day?, owner: String?) {
        var words = words
        var owner: String?
        if let i = words.lastIndex(where: { $0.lowercased() == "owner" }), i + 1 < words.count {
            owner = words[(i + 1)...].joined(separator: " ")
            words.removeSubrange(i...)
        }
        var due: Day?
        if let i = words.lastIndex(where: { $0.lowercased() == "due" || $0.lowercased() == "by" }) {
            let said = Array(words[(i + 1)...])
            guard let d = SpokenDate.ahead(said, today: today) else {
                throw CommandError("'\(said.joined(separator: " ").excerpt)' is not a due date: write 2026-12-01, tomorrow, friday, in 3 days or 20 Dec")
            }
            guard d >= today else { throw CommandError("due \(d) has passed (today is \(today))") }
            due = d
            words.removeSubrange(i...)
        }
        return (words.joined(separator: " "), due, owner)
    }
}

/// `tasks [ACCOUNT | mine | overdue | for CSM | done]`: what is to do, soonest first.
struct TasksCommand: Command {
    let spec = CommandSpec(
        name: "tasks",
        phrases: ["tasks", "tasks {filter}", "my tasks", "list tasks", "list tasks {filter}", "任务", "任务 {filter}", "我的任务"],
        usage: "tasks [ACCOUNT | mine | overdue | for CSM | done]",
        summary: "open tasks, overdue first, with their numbers; or one account's, yours, a CSM's",
        details: "mine: tasks owned by you (CSE_USER, else your login name). Snoozed tasks are hidden until their day; 'tasks done' lists the done ones.",
        examples: ["tasks", "tasks Acme", "my tasks", "tasks overdue", "tasks for Priya", "任务"],
        accountSlots: ["filter"])

    func run(_ request: Request, in context: Context) throws -> Report {
        let today = context.today
        let accounts = try context.accounts()
        let names = Dictionary(uniqueKeysWithValues: accounts.map { ($0.id!, $0.name) })
        let all = try context.store.tasks()
        var filter = request["filter"]?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        if request.line.lowercased().hasPrefix("my tasks") || request.line.hasPrefix("我的任务") { filter = "mine" }
        // Which tasks the words speak of; then the open ones in sight, or the done ones.
        var title = "Open tasks"
        var scope: (CSMTask) -> Bool = { _ in true }
        switch filter {
        case "", "done": break
        case "overdue":
            scope = { $0.isOverdue(on: today) }
            title = "Overdue tasks"
        case "mine", "me":
            let me = context.user
            scope = { $0.owner?.comparable.hasPrefix(me.comparable) ?? false }
            title = "Open tasks for \(me)"
        default:
            if filter.hasPrefix("for ") {
                let who = String(filter.dropFirst(4))
                let owners = Set(all.compactMap(\.owner))
                let matched = AccountFilter.csms(owners, named: who)
                guard !matched.isEmpty else { throw CommandError("no task is owned by '\(who.excerpt)' — owners: \(owners.sorted().joined(separator: ", "))") }
                scope = { $0.owner.map(matched.contains) ?? false }
                title = "Open tasks for \(matched.sorted().joined(separator: " or "))"
            } else {
                let account = try context.account(filter)
                scope = { $0.accountID == account.id }
                title = "Open tasks for \(account.name)"
            }
        }
        let matching = all.filter(scope)
        var tasks: [CSMTask]
        var snoozed = 0
        if filter == "done" {
            tasks = matching.filter { !$0.isOpen }.sorted { ($0.done!, $0.id ?? 0) > ($1.done!, $1.id ?? 0) }
            title = "Done tasks"
        } else {
            tasks = matching.filter { $0.isVisible(on: today) }
            snoozed = matching.filter { $0.isOpen && !$0.isVisible(on: today) }.count
            // Overdue first, then by due day; undated last.
            tasks.sort { a, b in
                let oa = a.isOverdue(on: today), ob = b.isOverdue(on: today)
                if oa != ob { return oa }
                return (a.due?.ordinal ?? Int.max, a.id ?? 0) < (b.due?.ordinal ?? Int.max, b.id ?? 0)
            }
        }
        return TasksReport(title: title, today: today, tasks: tasks, names: names, snoozed: snoozed)
    }
}

struct TasksReport: Report {
    let title: String
    let today: Day
    let tasks: [CSMTask]
    let names: [Int64: String]
    let snoozed: Int

    struct TaskJSON: Encodable {
        var id: Int64?; var account: String; var text: String; var due: Day?; var owner: String?; var overdue: Bool; var done: Day?; var source: String?
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(tasks.map { TaskJSON(id: $0.id, account: names[$0.accountID] ?? "", text: $0.text, due: $0.due, owner: $0.owner,
                                          overdue: $0.isOverdue(on: today), done: $0.done, source: $0.source) })
    }

    func render(into doc: inout Document) {
        doc.line(Span(title, .bold), Span(tasks.isEmpty ? "" : " (\(tasks.count))", .dim))
        guard !tasks.isEmpty else {
            doc.line(Span("  none" + (snoozed > 0 ? " — \(snoozed) snoozed" : "") + "; 'task add ACCOUNT TEXT due DATE' adds one", .dim))
            return
        }
        var table = TextTable([.init("#", right: true), .init("Due"), .init("Account", shrinkable: true), .init("Task", wraps: true),
                               .init("Owner", shrinkable: true, optional: true)], indent: 2)
        for t in tasks {
            let due: Span
            if let done = t.done { due = Span("done \(done)", .dim) } else if let d = t.due {
                let days = today.days(until: d)
                due = days < 0 ? Span("\(d) · \(-days)d late", .red) : days == 0 ? Span("today", .yellow) : Span(d.description)
            } else { due = Span("—", .dim) }
            table.add(Span("\(t.id ?? 0)"), due, Span(names[t.accountID] ?? "?"), Span(t.text + (t.source.map { " (\($0))" } ?? "")), Span(t.owner ?? "—"))
        }
        doc.table(table)
        if snoozed > 0 { doc.line(Span("  \(snoozed) snoozed task\(snoozed == 1 ? "" : "s") not shown", .dim)) }
    }
}
