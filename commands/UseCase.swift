import Intents
import Playbooks
import Shell
import Workspace

/// `use case ACCOUNT NAME [STATUS] [DATE]`: adds a use case, or moves one along
/// (not-started → in-progress → live → optimizing); the date is its go-live.
struct UseCaseCommand: Command {
    let spec = CommandSpec(
        name: "use case",
        phrases: ["use case {account} {text}", "usecase {account} {text}", "use-case {account} {text}", "用例 {account} {text}"],
        options: [OptionSpec("status", type: .choice(UseCaseCommand.statuses), "{value}", "status {value}"),
                  OptionSpec("live on", type: .day(.any), "{value}", "on {value}")],
        usage: "use case ACCOUNT NAME [STATUS] [DATE]",
        summary: "add a success-plan use case or change its status",
        details: "STATUS: not-started, in-progress, live or optimizing. A name the account has (or words from it) changes that use case; a new name adds one. Live with no date means live today.",
        examples: ["use case Acme Agent assist for billing live", "use case Nimbus Campaign analytics dashboards live 2026-11-23",
                   "use case Globex EU order tracking in-progress"],
        writes: true)

    static let statuses = Vocabulary("use-case status", entries: UseCase.Status.allCases.map { status in
        (status.rawValue, [status.rawValue, status.rawValue.replacingOccurrences(of: "-", with: " ")])
    }, lookup: { UseCase.Status(parsing: $0)?.rawValue })

    func run(_ request: Request, in context: Context) throws -> Report {
        let account = try context.account(request.account()!)
        let name = request.text()!
        let status = request.choice("status").flatMap(UseCase.Status.init(rawValue:))
        let day = request.day("live on")
        let existing = try context.store.useCases(accountID: account.id!)
        let read: UseCase
        let verb: String
        if let found = try pickIfAny(existing, name, what: "use case", account: account.name, name: \.name) {
            read = found.item
            verb = "use case updated"
        } else {
            read = UseCase(accountID: account.id!, name: name)
            verb = "use case added"
        }
        var useCase = read
        if let status { useCase.status = status }
        if let day { useCase.goLive = day } else if status == .live && useCase.goLive == nil { useCase.goLive = context.today }
        try context.change("use case \(account.name)", [try .edit(read, useCase)])
        return UseCaseChanged(account: account.name, verb: verb, useCase: useCase)
    }
}

struct UseCaseChanged: Report {
    let account: String
    let verb: String
    let useCase: UseCase

    enum Keys: String, CodingKey { case account, change, useCase = "use_case", status, goLive = "go_live" }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(account, forKey: .account)
        try c.encode(verb, forKey: .change)
        try c.encode(useCase.name, forKey: .useCase)
        try c.encode(useCase.status.rawValue, forKey: .status)
        try c.encode(useCase.goLive, forKey: .goLive)
    }

    func render(into doc: inout Document) {
        doc.wrapped(text: [Span("\(account): \(verb) — "), Span(useCase.name, .bold),
                           Span(" \(useCase.status.rawValue)" + (useCase.goLive.map { ", go-live \($0)" } ?? ""), .dim)])
    }
}
