import Intents
import Playbooks
import Shell
import Workspace

/// `goal add|update|done|remove ACCOUNT …`: the business objectives of the success plan.
struct GoalCommand: Command {
    let spec = CommandSpec(
        name: "goal",
        phrases: ["goal {action} {rest}", "goals {action} {rest}", "目标 {action} {rest}"],
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
        accountSlots: ["rest"], writes: true)

    static let keys: Set<String> = ["objective", "metric", "baseline", "target", "by", "due", "owner", "result", "status"]

    func run(_ request: Request, in context: Context) throws -> Report {
        let action = request["action"]!.lowercased()
        guard ["add", "update", "set", "done", "achieved", "remove", "delete", "drop"].contains(action) else {
            throw CommandError("'goal \(action)' — use goal add, goal update, goal done or goal remove")
        }
        let (account, words) = try context.account(leading: request["rest"]!, usage: spec.usage) { words in
            guard !words.isEmpty else { throw CommandError("usage: \(spec.usage)") }
            return words
        }
        let goals = try context.store.goals(accountID: account.id!)
        let (head, given) = fields(words, keys: GoalCommand.keys)
        switch action {
        case "add":
            guard !head.isEmpty else { throw CommandError("say what the objective is: goal add \(account.name) OBJECTIVE [metric …] [target …] [by DATE]") }
            var goal = Goal(accountID: account.id!, objective: head)
            try GoalCommand.apply(given, to: &goal)
            try context.change("goal add \(account.name)", [.putGoal(goal)])
            return GoalChanged(account: account.name, verb: "added objective \(goals.count + 1)", goal: goal)
        case "remove", "delete", "drop":
            let (i, goal) = try pick(goals, head, what: "objective", account: account.name, name: \.objective)
            try context.change("goal remove \(account.name) \(i + 1)", [.deleteGoal(goal.id!)])
            return GoalChanged(account: account.name, verb: "removed objective \(i + 1)", goal: goal)
        default:
            let (i, old) = try pick(goals, head, what: "objective", account: account.name, name: \.objective)
            var goal = old
            if action == "done" || action == "achieved" { goal.status = "achieved" }
            else if given.isEmpty { throw CommandError("say what to change: goal update \(account.name) \(i + 1) target 50%") }
            try GoalCommand.apply(given, to: &goal)
            try context.change("goal \(action) \(account.name) \(i + 1)", [try .edit(old, goal)])
            return GoalChanged(account: account.name, verb: goal.isAchieved && !old.isAchieved ? "objective \(i + 1) achieved" : "updated objective \(i + 1)", goal: goal)
        }
    }

    static func apply(_ fields: [(key: String, value: String)], to goal: inout Goal) throws {
        for (key, value) in fields {
            switch key {
            case "objective": goal.objective = value
            case "metric": goal.metric = value
            case "baseline": goal.baseline = value
            case "target": goal.target = value
            case "by", "due": goal.due = try date(value, field: "by")
            case "owner": goal.owner = value
            case "result": goal.result = value
            default:
                let status = value.comparable.replacingOccurrences(of: " ", with: "-")
                guard ["open", "achieved", "at-risk", "dropped"].contains(status) else {
                    throw CommandError("status: '\(value)' — use open, achieved, at risk or dropped")
                }
                goal.status = status
            }
        }
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
