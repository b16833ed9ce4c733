import Intents
import Playbooks
import Shell
import Workspace

/// `milestone add|done|at risk|remove ACCOUNT …`: success-plan milestones, and the
/// onboarding checklist items only the CSM can see ("milestone done Nimbus core feature demo").
struct MilestoneCommand: Command {
    let spec = CommandSpec(
        name: "milestone",
        actions: ["add": ["milestone add {account} {text}", "milestones add {account} {text}", "add milestone {account} {text}", "里程碑 add {account} {text}"],
                  "done": ["milestone done {account} {text}", "milestone complete {account} {text}", "milestones done {account} {text}",
                           "里程碑 done {account} {text}", "完成里程碑 {account} {text}"],
                  "risk": ["milestone risk {account} {text}", "milestone at risk {account} {text}", "milestone at-risk {account} {text}",
                           "里程碑 risk {account} {text}"],
                  "remove": ["milestone remove {account} {text}", "milestone delete {account} {text}", "里程碑 remove {account} {text}"]],
        options: [OptionSpec("by", type: .day(.any), for: ["add"], "by {value}", "due {value}"),
                  OptionSpec("on", type: .day(.pastOrWeekday), for: ["done"], "on {value}")],
        usage: "milestone add|done|risk|remove ACCOUNT …",
        summary: "add, complete, flag or remove a success-plan milestone",
        details: """
            milestone add ACCOUNT NAME [by DATE]; milestone done ACCOUNT NAME|N [on DATE]; milestone risk ACCOUNT NAME|N; \
            milestone remove ACCOUNT NAME|N. \
            'milestone done' on a name the plan does not have records it as done, which is how onboarding checklist \
            items the workspace cannot see (a demo given, a guide sent) are ticked off in 'onboarding plan'.
            """,
        examples: ["milestone add Acme Billing team live by 2027-03-24", "milestone done Acme billing on 2026-11-20",
                   "milestone done Nimbus Core feature demo", "milestone risk Acme 4", "milestone risk Acme Billing team live"],
        writes: true)

    func run(_ request: Request, in context: Context) throws -> Report {
        let account = try context.account(request.account()!)
        let milestones = try context.store.milestones(accountID: account.id!)
        let named = request.text()!
        switch request.action {
        case "add":
            let m = Milestone(accountID: account.id!, name: named, due: request.day("by"))
            try context.change("milestone add \(account.name)", [.putMilestone(m)])
            return MilestoneChanged(account: account.name, verb: "added milestone", milestone: m)
        case "done":
            let done = request.day("on") ?? context.today
            guard done <= context.today else { throw CommandError("\(done) is after today (\(context.today)): mark what has happened") }
            let read = try pickIfAny(milestones, named, what: "milestone", account: account.name, name: \.name)?.item
                ?? Milestone(accountID: account.id!, name: named)
            var m = read
            m.status = .complete
            m.done = done
            try context.change("milestone done \(account.name)", [try .edit(read, m)])
            return MilestoneChanged(account: account.name, verb: "milestone complete", milestone: m)
        case "remove":
            let (_, m) = try pick(milestones, named, what: "milestone", account: account.name, name: \.name)
            try context.change("milestone remove \(account.name)", [.deleteMilestone(m.id!)])
            return MilestoneChanged(account: account.name, verb: "removed milestone", milestone: m)
        default:
            let (_, read) = try pick(milestones, named, what: "milestone", account: account.name, name: \.name)
            var m = read
            m.status = .atRisk
            try context.change("milestone risk \(account.name)", [try .edit(read, m)])
            return MilestoneChanged(account: account.name, verb: "milestone at risk", milestone: m)
        }
    }
}

struct MilestoneChanged: Report {
    let account: String
    let verb: String
    let milestone: Milestone

    enum Keys: String, CodingKey { case account, change, milestone, due, status, done }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(account, forKey: .account)
        try c.encode(verb, forKey: .change)
        try c.encode(milestone.name, forKey: .milestone)
        try c.encode(milestone.due, forKey: .due)
        try c.encode(milestone.status.rawValue, forKey: .status)
        try c.encode(milestone.done, forKey: .done)
    }

    func render(into doc: inout Document) {
        let when = milestone.done.map { " on \($0)" } ?? milestone.due.map { " by \($0)" } ?? ""
        doc.wrapped(text: [Span("\(account): \(verb) — "), Span(milestone.name, .bold), Span(when, .dim)])
    }
}
