import Foundation
import Intents
import Playbooks
import Scoring
import Shell
import Workspace

/// A plan's dated actions, offered as tasks: the plan ends with "accept to add these N
/// actions as tasks", and `accept` adds them (undoable).
struct PlanActions {
    struct Action { var text: String; var due: Day?; var owner: String? }
    var account: Account
    var source: String
    var actions: [Action]

    static let key = "plan actions"
}

extension Result where Failure == NotApplicable {
    /// The plan's report with its actions offered as tasks, or why the plan does not apply.
    func report(_ account: Account, plan: String, in context: Context, actions: (Success) -> [PlanActions.Action], _ make: (Success) -> Report) -> Report {
        guard case .success(let value) = self else { return report(account, plan: plan, make) }
        let offered = actions(value).filter { $0.due.map { $0 >= context.today } ?? true }
        guard !offered.isEmpty else { return make(value) }
        context.remembered[PlanActions.key] = PlanActions(account: account, source: plan, actions: offered)
        return Offering(inner: make(value), count: offered.count)
    }
}

/// A plan's report, then the offer.
struct Offering: Report {
    let inner: Report
    let count: Int

    enum Keys: String, CodingKey { case actionsOffered = "actions_offered" }

    func encode(to encoder: Encoder) throws {
        try inner.encode(to: encoder)
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(count, forKey: .actionsOffered)
    }

    func render(into doc: inout Document) {
        inner.render(into: &doc)
        doc.blank()
        doc.line(Span(count == 1 ? "'accept' to add this action as a task" : "'accept' to add these \(count) actions as tasks", .dim))
    }
}

/// `accept`: the last plan's dated actions become tasks.
struct AcceptCommand: Command {
    let spec = CommandSpec(
        name: "accept",
        phrases: ["accept", "accept plan", "accept actions", "accept these actions", "接受", "接受计划"],
        usage: "accept",
        summary: "add the last plan's dated actions as tasks",
        details: "After save plan, renewal prep, onboarding plan, QBR prep or win-back plan. An action already open as a task is not added twice. Undo takes them back.",
        examples: ["accept", "接受"],
        writes: true)

    func run(_ request: Request, in context: Context) throws -> Report {
        guard let plan = context.remembered[PlanActions.key] as? PlanActions else {
            throw CommandError("no plan in this shell to accept — 'save plan ACCOUNT', 'renewal prep ACCOUNT' … first")
        }
        let open = Set(try context.store.tasks().filter { $0.isOpen && $0.accountID == plan.account.id }.map(\.text))
        let new = plan.actions.filter { !open.contains($0.text) }
        guard !new.isEmpty else { return Message("all \(plan.actions.count) actions of the \(plan.source) are already open tasks — 'tasks \(plan.account.name)'") }
        let tasks = new.map { CSMTask(accountID: plan.account.id!, text: $0.text, due: $0.due, owner: $0.owner ?? plan.account.csm, created: context.today, source: plan.source) }
        try context.change("accept \(plan.source) for \(plan.account.name)", tasks.map { .putTask($0) })
        context.remembered[PlanActions.key] = nil
        let skipped = plan.actions.count - new.count
        return Message("added \(new.count) task\(new.count == 1 ? "" : "s") for \(plan.account.name) from the \(plan.source)"
            + (skipped > 0 ? " (\(skipped) already open)" : "") + " — 'tasks \(plan.account.name)' lists them")
    }
}
