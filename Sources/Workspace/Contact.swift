/// A person at the customer. Roles follow seed 002's success plan stakeholders; a person a
/// CRM's contacts export lists without one of them is on record with no role.
public struct Contact: Equatable, Sendable {
    public enum Role: String, CaseIterable, Codable, Sendable {
        case champion
        case executiveSponsor = "executive_sponsor"
        case technicalLead = "technical_lead"

        /// Display order: champion, executive sponsor, technical lead.
        public var order: Int { Role.allCases.firstIndex(of: self)! }

        public var label: String {
            switch self {
            case .champion: return "champion"
            case .executiveSponsor: return "executive sponsor"
            case .technicalLead: return "technical lead"
            }
        }

        /// The role a CSM or a CRM names: `champion`, `Executive Sponsor`, `sponsor`, `tech lead` …
        public static func named(_ text: String) -> Role? { AccountField.named(text)?.contactRole }
    }

    public var id: Int64?
    public var accountID: Int64
    /// Nil: on record without a role (no draft is addressed to them by role).
    public var role: Role?
    public var name: String
    public var title: String?
    public var email: String?
    /// The day cse learned of this person in this role (set or imported); nil for
    /// contacts from before cse kept the date. A departure logged on or after this day
    /// without naming anyone vacates the role.
    public var recordedOn: Day?
    /// The day someone else was set in the role; the contact stays on record as history.
    public var replacedOn: Day?

    public init(id: Int64? = nil, accountID: Int64, role: Role?, name: String, title: String? = nil, email: String? = nil, recordedOn: Day? = nil,
                replacedOn: Day? = nil) {
        self.id = id
        self.accountID = accountID
        self.role = role
        self.name = name
        self.title = title
        self.email = email
        self.recordedOn = recordedOn
        self.replacedOn = replacedOn
    }

    /// Display order: the roles in theirs, then those without one.
    public var order: Int { role?.order ?? Role.allCases.count }

    /// What `show` calls the contact's part: the role, or "no role".
    public var roleLabel: String { role?.label ?? "no role" }

    /// Holds the role on `day` as far as the contact records go (a departure is an event; see AccountRecords).
    public func holdsRole(on day: Day) -> Bool { replacedOn.map { $0 > day } ?? true }

    /// `Name, Title <email>`: the one-cell form used in CSV and YAML.
    public var cell: String {
        var text = name
        if let title, !title.isEmpty { text += ", " + title }
        if let email, !email.isEmpty { text += " <" + email + ">" }
        return text
    }

    /// Parses `Name, Title <email>`; every part but the name is optional.
    public static func parse(cell: String) -> (name: String, title: String?, email: String?)? {
        var text = cell.trimmingSpaces
        var email: String?
        if let open = text.lastIndex(of: "<"), text.hasSuffix(">") {
            email = String(text[text.index(after: open)..<text.index(before: text.endIndex)]).trimmingSpaces
            text = String(text[..<open]).trimmingSpaces
            if let e = email, !e.contains("@") || e.contains(" ") { return nil }
        }
        let parts = text.split(separator: ",", maxSplits: 1).map { String($0).trimmingSpaces }
        guard let name = parts.first, !name.isEmpty else { return nil }
        let title = parts.count > 1 && !parts[1].isEmpty ? parts[1] : nil
        return (name, title, email)
    }
}
