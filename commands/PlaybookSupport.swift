import Playbooks
import Scoring
import Shell
import Workspace

// What every plan command shares: reading an account's plan inputs, saying that a plan
// does not apply, and printing checklists the same way everywhere.
extension Context {
    /// The account's health, records, milestones and use cases as of today.
    func playbookInput(_ account: Account) throws -> PlaybookInput {
        PlaybookInput(health: try health(of: account), milestones: try store.milestones(accountID: account.id!),
                      useCases: try store.useCases(accountID: account.id!))
    }
}

/// A plan asked of an account it does not fit: the answer is why, not an error.
struct DoesNotApply: Report {
    let account: String
    let plan: String
    let reason: String

    enum Keys: String, CodingKey { case account, plan, applies, reason }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(account, forKey: .account)
        try c.encode(plan, forKey: .plan)
        try c.encode(false, forKey: .applies)
        try c.encode(reason, forKey: .reason)
    }

    func render(into doc: inout Document) {
        doc.wrapped(text: [Span("no \(plan) for ", .dim), Span(account, .bold), Span(": \(reason)")])
    }
}

extension Result where Failure == NotApplicable {
    /// The plan's report, or why it does not apply.
    func report(_ account: Account, plan: String, _ make: (Success) -> Report) -> Report {
        switch self {
        case .success(let value): return make(value)
        case .failure(let why): return DoesNotApply(account: account.name, plan: plan, reason: why.reason)
        }
    }
}

extension Document {
    /// ✓ done — evidence · ☐ due DATE · ✗ overdue since DATE · · from DATE · ? open.
    mutating func checklist(_ items: [ChecklistItem], indent: String = "  ") {
        for item in items {
            let (mark, style): (String, Style?) = {
                switch item.status {
                case .done: return ("✓", .green)
                case .due: return ("☐", .yellow)
                case .overdue, .atRisk: return ("✗", .red)
                case .upcoming: return ("·", .dim)
                case .open: return ("?", .dim)
                }
            }()
            var text: [Span] = [Span(item.text, item.status == .upcoming ? .dim : nil)]
            switch item.status {
            case .done: text.append(Span(" — \(item.evidence ?? "done")", .dim))
            case .due: text.append(Span(item.due.map { " — due \($0)" } ?? "", .yellow))
            case .overdue: text.append(Span(item.due.map { " — overdue since \($0)" } ?? " — overdue", .red))
            case .upcoming: text.append(Span(item.due.map { " — by \($0)" } ?? "", .dim))
            case .open: text.append(Span(" — \(item.evidence ?? "not in the workspace")", .dim))
            case .atRisk: text.append(Span(" — at risk" + (item.due.map { ", due \($0)" } ?? ""), .red))
            }
            wrapped(Span(indent), Span(mark, style), Span(" "), text: text)
        }
    }
}

/// Finds the item a CSM means by "2" (its number in the success plan) or by words from its
/// name; more than one match asks for the number.
func pick<T>(_ items: [T], _ ref: String, what: String, account: String, name: (T) -> String) throws -> (index: Int, item: T) {
    guard let found = try pickIfAny(items, ref, what: what, account: account, name: name) else {
        throw CommandError("\(account) has no \(what) matching '\(ref)' — see 'success plan \(account)'")
    }
    return found
}

/// As `pick`, but nil when no name matches the words (a number must exist).
func pickIfAny<T>(_ items: [T], _ ref: String, what: String, account: String, name: (T) -> String) throws -> (index: Int, item: T)? {
    if let n = Int(ref.trimmingCharacters(in: ["#"])) {
        guard n >= 1 && n <= items.count else {
            throw CommandError("\(account) has \(items.isEmpty ? "no \(what)s" : "\(what)s 1–\(items.count)"), not \(n) — see 'success plan \(account)'")
        }
        return (n - 1, items[n - 1])
    }
    let key = ref.comparable
    let matches = items.indices.filter { name(items[$0]).comparable.contains(key) }
    guard let first = matches.first else { return nil }
    guard matches.count == 1 else {
        throw CommandError("'\(ref)' matches \(what)s " + matches.map { "\($0 + 1) (\(name(items[$0])))" }.joined(separator: ", ") + " — use the number")
    }
    return (first, items[first])
}
