import Intents
import Playbooks
import Shell
import Workspace

/// `goal add|update|done|remove ACCOUNT …`: the business objectives of the success plan.
struct GoalCommand: Command {
    let spec = CommandSpec(
        name: "goal",
        actions: ["add": ["goal add {account} {text}", "goals add {account} {text}", "add goal {account} {text}", "add a goal for {account} {text}",
                          "目标 add {account} {text}", "添加目标 {account} {text}"],
                  "update": ["goal update {account} {ref}", "goal set {account} {ref}", "goals update {account} {ref}", "update goal {account} {ref}",
                             "目标 update {account} {ref}", "更新目标 {account} {ref}"],
                  "done": ["goal done {account} {ref}", "goal achieved {account} {ref}", "goals done {account} {ref}", "目标 done {account} {ref}",
                           "完成目标 {account} {ref}"],
                  "remove": ["goal remove {account} {ref}", "goal delete {account} {ref}", "goal drop {account} {ref}", "goals remove {account} {ref}",
                             "remove goal {account} {ref}", "目标 remove {account} {ref}", "删除目标 {account} {ref}"]],
        slots: ["ref": .text],
        options: [OptionSpec("objective", type: .text, for: ["update"], "objective {value}"),
                  OptionSpec("metric", type: .text, "metric {value}"),
                  OptionSpec("baseline", type: .text, "baseline {value}"),
                  OptionSpec("target", type: .text, "target {value}"),
                  OptionSpec("by", type: .day(.any), "by {value}", "due {value}"),
                  OptionSpec("owner", type: .person, "owner {value}"),
                  OptionSpec("result", type: .text, "result {value}"),
                  OptionSpec("status", type: .choice(GoalCommand.statuses), "status {value}")],
        usage: "goal add|update|done|remove ACCOUNT …",
        summary: "add, change, complete or remove a success-plan objective",
        details: """
            goal add ACCOUNT OBJECTIVE [metric M] [baseline B] [target T] [by DATE] [owner NAME]; goal update ACCOUNT N \
            FIELD VALUE; goal done ACCOUNT N [result R]; goal remove ACCOUNT N. \
            N is the objective's number in 'success plan ACCOUNT', or words from it. Fields: objective, metric, baseline, \
            target, by (the date), owner, result (what was reached), status (open, achieved, at risk). Every change can be undone.
            """,
        examples: ["goal add Acme Cut first-response time metric median first response baseline 4 h target 1 h by 2027-03-31 owner Maria Lopez",
                   "goal update Acme 2 result 35%", "goal done Acme 2 result 41%", "goal remove Acme billing"],
        writes: true)

    static let statuses = Vocabulary("goal status", ["open": ["open"], "achieved": ["achieved", "done"], "at-risk": ["at risk", "at-risk"],
                                                     "dropped": ["dropped"]])

    func run(_ request: Request, in context: Context) throws -> Report {
        let account = try context.account(request.account()!)
        let goals = try context.store.goals(accountID: account.id!)
        switch request.action {
        case "add":
            var goal = Goal(accountID: account.id!, objective: request.text()!)
            GoalCommand.apply(request, to: &goal)
            try context.change("goal add \(account.name)", [.putGoal(goal)])
            return GoalChanged(account: account.name, verb: "added objective \(goals.count + 1)", goal: goal)
        case "remove":
            let (i, goal) = try pick(goals, request.text("ref")!, what: "objective", account: account.name, name: \.objective)
            try context.change("goal remove \(account.name) \(i + 1)", [.deleteGoal(goal.id!)])
            return GoalChanged(account: account.name, verb: "removed objective \(i + 1)", goal: goal)
        default:
            let (i, old) = try pick(goals, request.text("ref")!, what: "objective", account: account.name, name: \.objective)
            var goal = old
            if request.action == "done" { goal.status = "achieved" }
            else if !GoalCommand.fields.contains(where: request.has) { throw CommandError("say what to change: goal update \(account.name) \(i + 1) target 50%") }
            GoalCommand.apply(request, to: &goal)
            try context.change("goal \(request.action!) \(account.name) \(i + 1)", [try .edit(old, goal)])
            return GoalChanged(account: account.name, verb: goal.isAchieved && !old.isAchieved ? "objective \(i + 1) achieved" : "updated objective \(i + 1)", goal: goal)
        }
    }

    static let fields = ["objective", "metric", "baseline", "target", "by", "owner", "result", "status"]

    static func apply(_ request: Request, to goal: inout Goal) {
        if let v = request.text("objective") { goal.objective = v }
        if let v = request.text("metric") { goal.metric = v }
        if let v = request.text("baseline") { goal.baseline = v }
        if let v = request.text("target") { goal.target = v }
        if let v = request.day("by") { goal.due = v }
        if let v = request.text("owner") { goal.owner = v }
        if let v = request.text("result") { goal.result = v }
        if let v = request.choice("status") { goal.status = v }
    }
}

struct GoalChanged: Report {
    let account: String
    let verb: String
    let goal: Goal

    enum Keys: String, CodingKey { case account, change, objective, metric, baseline, target, due, owner, result, status }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(account, forKey: .account)
        try c.encode(verb, forKey: .change)
        try c.encode(goal.objective, forKey: .objective)
        try c.encode(goal.metric, forKey: .metric)
        try c.encode(goal.baseline, forKey: .baseline)
        try c.encode(goal.target, forKey: .target)
        try c.encode(goal.due, forKey: .due)
        try c.encode(goal.owner, forKey: .owner)
        try c.encode(goal.result, forKey: .result)
        try c.encode(goal.status, forKey: .status)
    }

    func render(into doc: inout Document) {
        var facts: [String] = []
        if let m = goal.metric { facts.append(m) }
        if goal.baseline != nil || goal.target != nil { facts.append("\(goal.baseline ?? "?") → \(goal.target ?? "?")") }
        if let r = goal.result { facts.append("now \(r)") }
        if let d = goal.due { facts.append("by \(d)") }
        if let o = goal.owner { facts.append("owner \(o)") }
        facts.append(goal.status)
        doc.wrapped(text: [Span("\(account): \(verb) — "), Span(goal.objective, .bold), Span(" (\(facts.joined(separator: ", ")))", .dim)])
    }
}
