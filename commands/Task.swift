import Foundation
import Intents
import Shell
import Workspace

/// `task add ACCOUNT TEXT [due DATE] [owner NAME]`, `task done N`, `task snooze N until DATE`.
struct TaskCommand: Command {
    let spec = CommandSpec(
        name: "task",
        actions: ["add": ["task add {account} {text}", "add task {account} {text}", "add a task for {account} {text}",
                          "add a task for {account} to {text}", "add a task to {account} {text}", "new task {account} {text}",
                          "new task for {account} {text}", "添加任务 {account} {text}", "新建任务 {account} {text}", "给{account}加个任务 {text}",
                          "给{account}加任务 {text}", "给{account}加个任务 {options} {text}"],
                  "done": ["task done {number}", "done task {number}", "task {number} done", "mark task {number} done", "complete task {number}",
                           "完成任务 {number}", "任务{number}完成", "任务 {number} 完成"],
                  "snooze": ["task snooze {number} until {until}", "snooze task {number} until {until}", "snooze task {number} to {until}",
                             "task {number} snooze until {until}", "任务{number}推迟到{until}", "推迟任务 {number} 到 {until}"],
                  "reopen": ["task reopen {number}", "reopen task {number}"]],
        slots: ["until": .day(.ahead)],
        options: [OptionSpec("due", type: .day(.ahead), for: ["add"], "due {value}", "by {value}", "before {value}", "{value}前", "{value}之前", "{value}"),
                  OptionSpec("owner", type: .owner, for: ["add"], "owner {value}", "owned by {value}", "for {value} to do", "负责人{value}", "负责人 {value}",
                             "remind {value}", "提醒{value}")],
        usage: "task add ACCOUNT TEXT [due DATE] [owner NAME] | task done N | task snooze N until DATE",
        summary: "add a task to an account, mark one done, or snooze it",
        details: """
            DATE: 2026-12-01, today, tomorrow, in 3 days, in 2 weeks, friday or next friday, 20 Dec. The owner is the \
            account's CSM unless given: a CSM of the book, by their name or a start of it only they have (owner Dana), or \
            me. Text that holds 'due', 'by' or 'owner' without a date or a CSM after it is text; put a task's text in \
            quotes to keep such words in it without a question. A task snoozed until a day is due no sooner than that \
            day. N is the number 'tasks' shows. Undo takes back any of them.
            """,
        examples: ["task add Acme send the renewal proposal due friday", "task add Hooli find a new champion due in 5 days owner Priya Raman",
                   "task done 3", "task snooze 4 until 2026-12-01", "添加任务 Acme 准备续约方案 due 2026-12-01",
                   "task add Acme \"ask the owner about pricing\""],
        writes: true,
        natural: Natural(.account, action: "add", cues: ["task": 2, "add a task": 3, "new task": 3, "create a task": 3, "todo": 3, "to-do": 3,
                                                         "remind me to": 3, "remind me": 2, "add one": 3, "任务": 2, "加个任务": 3, "新建任务": 3,
                                                         "提醒我": 3, "待办": 2]),
        Natural(.none, action: "done", cues: ["done": 2, "mark": 1, "finished": 2, "complete": 2, "completed": 2, "做完了": 3, "完成": 3, "做完": 3],
                after: ["tasks", "today"]),
        Natural(.none, action: "snooze", cues: ["snooze": 3, "push": 2, "postpone": 3, "推迟": 3, "推到": 3, "延后": 3], after: ["tasks", "today"]))

    func run(_ request: Request, in context: Context) throws -> Report {
        let today = context.today
        if request.action == "add" {
            let account = try context.account(request.account()!)
            let text = request.text()!
            if let due = request.day("due"), due < today { throw CommandError("due \(due) has passed (today is \(today))") }
            let owner = request.text("owner") ?? account.csm
            let task = CSMTask(accountID: account.id!, text: text, due: request.day("due"), owner: owner, created: today)
            try context.change("task add \(account.name)", [.putTask(task)])
            let added = try context.store.tasks().last { $0.accountID == account.id && $0.text == text }
            return Message("task \(added?.id.map { "#\($0)" } ?? "") added for \(account.name): \(text)"
                + (task.due.map { " — due \($0)" } ?? "") + (owner.map { " — \($0)" } ?? ""))
        }
        let id = Int64(request.number()!)
        guard let read = try context.store.tasks().first(where: { $0.id == id }) else {
            throw CommandError("no task #\(id) — 'tasks' lists them with their numbers")
        }
        var task = read
        let name = try context.accounts().first { $0.id == task.accountID }?.name ?? "?"
        switch request.action {
        case "snooze":
            let until = request.day("until")!
            guard until > today else {
                throw CommandError("snooze until a day after today: 'task snooze \(id) until 2026-12-01' (or friday, in 3 days)")
            }
            // Out of sight until then, and due no sooner: on that day it is due, not late.
            task.snoozedUntil = until
            if let due = read.due, due < until { task.due = until }
            try context.change("task snooze \(id)", [try .edit(read, task)])
            return Message("task #\(id) (\(name): \(task.text)) is snoozed until \(until)"
                + (task.due != read.due ? " — now due \(until) (was \(read.due!))" : ""))
        case "reopen":
            task.done = nil
            try context.change("task reopen \(id)", [try .edit(read, task)])
            return Message("task #\(id) (\(name): \(task.text)) is open again")
        default:
            guard task.isOpen else { throw CommandError("task #\(id) was done on \(task.done!) — 'task reopen \(id)' opens it again") }
            task.done = today
            try context.change("task done \(id)", [try .edit(read, task)])
            return Message("done: task #\(id) — \(name): \(task.text)")
        }
    }
}

/// `tasks [ACCOUNT | mine | overdue | for CSM | done]`: what is to do, soonest first.
struct TasksCommand: Command {
    let spec = CommandSpec(
        name: "tasks",
        phrases: ["tasks", "list tasks", "open tasks", "to-dos", "todos", "todo list", "to-do list", "{options} tasks", "{options} to-dos",
                  "tasks {account}", "tasks for {account}", "tasks on {account}", "{account} tasks", "{account}'s tasks", "任务", "所有任务", "待办",
                  "待办事项", "{options}任务", "{options}待办", "{account}的任务", "{account}的待办"],
        options: [Words.mineOption, Words.csmOption,
                  OptionSpec("overdue", "overdue", "late", "past due", "逾期", "过期", "逾期的"),
                  OptionSpec("done", "done", "completed", "finished", "finish", "已完成", "已完成的", "做完的")],
        usage: "tasks [ACCOUNT | mine | overdue | for CSM | done]",
        summary: "open tasks, overdue first, with their numbers; or one account's, yours, a CSM's",
        details: "mine: tasks owned by the CSM you are (CSE_USER, else your login name: your whole name, or a first name only you have). Snoozed tasks are hidden until their day; 'tasks done' lists the done ones.",
        examples: ["tasks", "tasks Acme", "my tasks", "tasks overdue", "tasks for Priya", "任务"],
        natural: Natural(.bookOrAccount, cues: ["tasks": 3, "task": 2, "to-do": 3, "to-dos": 3, "todo": 2, "todos": 3, "to-do list": 3, "overdue": 2,
                                               "past due": 2, "owe": 2, "still owe": 3, "on his list": 3, "on her list": 3, "on my list": 3,
                                               "finish": 2, "finished": 2, "open on": 3, "what's open": 3, "任务": 3, "待办": 3, "待办事项": 3, "逾期": 2, "过期": 2],
                         optionWeight: 1, questions: ["what's on my to-do list?", "anything overdue?", "我的待办"]))

    func run(_ request: Request, in context: Context) throws -> Report {
        let today = context.today
        let accounts = try context.accounts()
        let names = Dictionary(uniqueKeysWithValues: accounts.map { ($0.id!, $0.name) })
        let all = try context.store.tasks()
        // Which tasks the request speaks of; then the open ones in sight, or the done ones.
        var titles: [String] = []
        var scopes: [(CSMTask) -> Bool] = []
        if request.flag("overdue") {
            scopes.append { $0.isOverdue(on: today) }
        }
        if let ref = request.account() {
            let account = try context.account(ref)
            scopes.append { $0.accountID == account.id }
            titles.append(account.name)
        }
        if let owner = try context.csm(of: request, usage: "tasks for NAME") {
            scopes.append { $0.owner == owner }
            titles.append(owner)
        }
        let matching = all.filter { task in scopes.allSatisfy { $0(task) } }
        var tasks: [CSMTask]
        var snoozed = 0
        let done = request.flag("done")
        let title = (done ? "Done tasks" : request.flag("overdue") ? "Overdue tasks" : "Open tasks") + (titles.isEmpty ? "" : " for " + titles.joined(separator: ", "))
        if done {
            tasks = matching.filter { !$0.isOpen }.sorted { ($0.done!, $0.id ?? 0) > ($1.done!, $1.id ?? 0) }
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
