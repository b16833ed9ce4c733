import Foundation
import Intents
import Scoring
import Workspace

/// What a command runs against: the workspace, the date, the catalog, and the edges
/// (file paths, progress) that domain code never touches.
public final class Context {
    public let workspace: WorkspaceDirectory
    public var store: WorkspaceStore { workspace.store }
    /// The date the clock reads (CSE_TODAY, or the transcript's `today:`); a read command
    /// ending in `as of DATE` sees that date instead.
    public internal(set) var today: Day
    /// The date the clock reads, even while a command runs `as of` another day.
    public let clockToday: Day
    public let specs: [CommandSpec]
    /// Relative file paths in commands resolve against this folder.
    public let directory: String
    /// Shows import progress; nil when nobody is watching a terminal.
    public let progress: ProgressLine?

    /// The process environment, for what reaches outside (CSE_CLIPBOARD, DISPLAY …).
    public var environment: [String: String] = ProcessInfo.processInfo.environment
    /// Standard output is a terminal (OSC 52 can reach the clipboard through it).
    public var stdoutIsTerminal = false
    /// What one command leaves for the next in this shell: the last draft, for copy and save.
    public var remembered: [String: Any] = [:]
    /// What the conversation is about: a follow-up ("why?", "and Acme?") goes on from here.
    public var focus = Focus()
    /// Asks a yes-or-no question at the terminal; nil on a pipe or with -c, where nothing can be asked.
    public var confirm: ((String) -> Bool)?
    /// Reads lines as the commands' phrasings declare them, and questions as the commands' cues.
    public private(set) lazy var reader = Reader(specs: specs)
    /// The command running now answers in JSON (`--json`): what only JSON shows is worth reading.
    public internal(set) var wantsJSON = false
    /// The most rows a long list shows (`Renderer.listRows`): a terminal's screenful; nil when
    /// every row is shown (piped, or as JSON).
    public internal(set) var listRows: Int?
    /// The answer shows every row of a long list: piped, or as JSON (else a screenful).
    public var showsEveryRow: Bool { listRows == nil }

    /// Changes made in this shell, newest last, each with the edits that undo it and its
    /// number in the workspace's change log.
    public private(set) var undoable: [(description: String, undo: [Change], change: Int64?)] = []
    /// Every change this shell made (undos included): the ones an undo may pass over.
    private var own = Set<Int64>()
    /// The time of day changes are stamped with, `HH:MM`: the wall clock, read at this edge
    /// (a transcript fixes it).
    public var timeOfDay: () -> String = {
        let c = Calendar.current.dateComponents([.hour, .minute], from: Date())
        return String(format: "%02d:%02d", c.hour ?? 0, c.minute ?? 0)
    }

    private var cachedAccounts: [Account]?
    /// Where `accounts()` takes them from when first asked (a book read carries them).
    private var rememberedAccounts: (() -> [Account])?
    /// The workspace's health model (model.yaml), re-read when the file changes.
    public let models: ModelInForce
    public var model: HealthModel { models.model }

    public init(workspace: WorkspaceDirectory, today: Day, specs: [CommandSpec], directory: String, progress: ProgressLine?) {
        self.workspace = workspace
        self.today = today
        self.clockToday = today
        self.specs = specs
        self.directory = directory
        self.progress = progress
        self.models = ModelInForce(workspace: workspace.path)
        workspaceNames = WorkspaceNames(context: self)
    }

    private var workspaceNames: WorkspaceNames!
    /// What the reader knows of the workspace's names, answered by its store.
    public var names: Names { workspaceNames }

    /// Every account, read once per change.
    public func accounts() throws -> [Account] {
        if let cachedAccounts { return cachedAccounts }
        if let rememberedAccounts {
            self.rememberedAccounts = nil
            cachedAccounts = rememberedAccounts()
            return cachedAccounts!
        }
        let all = try store.accounts()
        cachedAccounts = all
        return all
    }

    /// These accounts, in the order of `accounts()`: from the accounts already read, else
    /// read alone (a change to one account need not read 100,000).
    public func accounts(ids: Set<Int64>) throws -> [Account] {
        if cachedAccounts != nil || rememberedAccounts != nil { return try accounts().filter { ids.contains($0.id!) } }
        return try store.accounts(ids: Array(ids))
    }

    /// Every account, as the book's summaries carried them: `accounts()` takes them from
    /// there when first asked (a list that never asks never gathers 100,000 of them).
    public func remember(accounts: @escaping () -> [Account]) {
        cachedAccounts = nil
        // The book the last one carried is let go on another core, like an answer shown.
        nonisolated(unsafe) let last = rememberedAccounts
        if last != nil { DispatchQueue.global(qos: .utility).async { withExtendedLifetime(last) {} } }
        rememberedAccounts = accounts
    }

    /// Call after a write so the next read sees it.
    public func workspaceChanged() {
        cachedAccounts = nil
        rememberedAccounts = nil
        workspaceNames.reset()
    }

    /// Who is making a change, now.
    public func author(_ what: String) -> Author {
        Author(user: user, at: "\(clockToday) \(timeOfDay())", what: what)
    }

    /// Applies edits in one transaction, recorded as the user's, and remembers how to undo them.
    /// Makes a change in one transaction; returns what undoes it, read inside that transaction
    /// (what was there just before, whoever else wrote a moment earlier).
    @discardableResult
    public func change(_ description: String, _ changes: [Change]) throws -> [Change] {
        let applied = try store.apply(changes, by: author(description))
        remember(description, undo: applied.undo, change: applied.change)
        return applied.undo
    }

    /// Remembers a change made some other way (an import) for `undo`.
    public func remember(_ description: String, undo: [Change], change: Int64?) {
        undoable.append((description, undo, change))
        if let change { own.insert(change) }
        workspaceChanged()
    }

    /// Reverts this shell's newest change; nil when there is none. Refused when someone else
    /// has changed one of its accounts since: undoing would overwrite their change.
    public func undoLast() throws -> String? {
        guard let last = undoable.last else { return nil }
        if let id = last.change {
            let since = try store.changes(after: id - 1)
            let touched = since.first { $0.id == id }?.accounts ?? []
            if let other = since.last(where: { $0.id > id && !own.contains($0.id) && !$0.accounts.isDisjoint(with: touched) }) {
                let names = try accounts().filter { other.accounts.contains($0.id!) && touched.contains($0.id!) }.map(\.name)
                let account = names.count == 1 ? names[0] : names.isEmpty ? "the same accounts" : "\(names.count) of the same accounts"
                throw CommandError("not undone: \(other.author.user) changed \(account) since (\(other.author.at): \(other.author.what.excerpt)) — "
                                   + "undo takes back only a change nobody has changed on top of; change it by hand if you still mean to")
            }
        }
        let applied = try store.apply(last.undo, by: author("undo: \(last.description)"))
        if let change = applied.change { own.insert(change) }
        undoable.removeLast()
        workspaceChanged()
        return last.description
    }

    /// The account with this name (not an alias), if there is one.
    public func account(named name: String) throws -> Account? {
        guard let hit = try names.accounts(withKeys: [name.comparable]).first(where: { $0.isName && $0.account.name == name }) else { return nil }
        return try account(hit.account)
    }

    /// The account a line named, as it is now.
    public func account(_ ref: AccountRef) throws -> Account {
        if let cachedAccounts, let found = cachedAccounts.first(where: { $0.id == ref.id }) { return found }
        guard let found = try store.accounts(ids: [ref.id]).first else {
            throw CommandError("\(ref.name) is no longer in the workspace — 'list accounts' shows the book")
        }
        return found
    }

    /// Who is at the keyboard: CSE_USER, else the login name.
    public var user: String {
        environment["CSE_USER"].flatMap { $0.isEmpty ? nil : $0 } ?? environment["USER"] ?? environment["LOGNAME"] ?? "you"
    }

    /// What an import checks rows against: today, and the day the workspace's weeks end.
    public var importRules: Importer.Rules { Importer.Rules(today: today, weekEnds: model.weekEnds, utcOffsetMinutes: model.usage.utcOffsetMinutes) }

    /// The end of the last week that is over: the week `set` writes.
    public var currentWeek: Day { today.lastWeekEnd(on: model.weekEnds) }

    /// A path as typed, resolved against the working folder.
    public func path(_ typed: String) -> String {
        let expanded = (typed as NSString).expandingTildeInPath
        return expanded.hasPrefix("/") ? expanded : (directory as NSString).appendingPathComponent(expanded)
    }
}
