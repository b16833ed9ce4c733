import Intents
import Playbooks
import Shell
import Workspace

/// `milestone add|done|at risk|remove ACCOUNT …`: success-plan milestones, and the
/// onboarding checklist items only the CSM can see ("milestone done Nimbus core feature demo").
struct MilestoneCommand: Command {
    let spec = CommandSpec(
        name: "milestone",
        phrases: ["milestone {action} {rest}", "milestones {action} {rest}", "里程碑 {action} {rest}"],
        usage: "milestone add|done|risk|remove ACCOUNT …",
        summary: "add, complete, flag or remove a success-plan milestone",
        details: """
            milestone add ACCOUNT NAME [by DATE]; milestone done ACCOUNT NAME|N [on DATE]; milestone risk ACCOUNT N; \
            milestone remove ACCOUNT N. \
            'milestone done' on a name the plan does not have records it as done, which is how onboarding checklist \
            items the workspace cannot see (a demo given, a guide sent) are ticked off in 'onboarding plan'.
            """,
        examples: ["milestone add Acme Billing team live by 2027-03-24", "milestone done Acme billing on 2026-11-20",
                   "milestone done Nimbus Core feature demo", "milestone risk Acme 4"],
        accountSlots: ["rest"], writes: true)

    func run(_ request: Request, in context: Context) throws -> Report {
        let action = request["action"]!.lowercased()
        guard ["add", "done", "complete", "risk", "at-risk", "remove", "delete"].contains(action) else {
            throw CommandError("'milestone \(action)' — use milestone add, milestone done, milestone risk or milestone remove")
        }
        let (account, words) = try context.account(leading: request["rest"]!, usage: spec.usage) { words in
            guard !words.isEmpty else { throw CommandError("usage: \(spec.usage)") }
            return words
        }
        let milestones = try context.store.milestones(accountID: account.id!)
        let (head, given) = fields(words, keys: ["by", "on"])
        let when = try given.last.map { try date($0.value, field: $0.key) }
        switch action {
        case "add":
            guard !head.isEmpty else { throw CommandError("name the milestone: milestone add \(account.name) NAME [by DATE]") }
            let m = Milestone(accountID: account.id!, name: head, due: when)
            try context.change("milestone add \(account.name)", [.putMilestone(m)])
            return MilestoneChanged(account: account.name, verb: "added milestone", milestone: m)
        case "done", "complete":
            let done = when ?? context.today
            guard done <= context.today else { throw CommandError("\(done) is after today (\(context.today)): mark what has happened") }
            let read = try pickIfAny(milestones, head, what: "milestone", account: account.name, name: \.name)?.item
                ?? Milestone(accountID: account.id!, name: head)
            var m = read
            m.status = .complete
            m.done = done
            try context.change("milestone done \(account.name)", [try .edit(read, m)])
            return MilestoneChanged(account: account.name, verb: "milestone complete", milestone: m)
        case "remove", "delete":
            let (_, m) = try pick(milestones, head, what: "milestone", account: account.name, name: \.name)
            try context.change("milestone remove \(account.name)", [.deleteMilestone(m.id!)])
            return MilestoneChanged(account: account.name, verb: "removed milestone", milestone: m)
        default:
            let (_, read) = try pick(milestones, head.replacingOccurrences(of: "at ", with: ""), what: "milestone", account: account.name, name: \.name)
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
