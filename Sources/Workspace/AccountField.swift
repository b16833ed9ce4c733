/// The columns of the accounts CSV (and the keys of its YAML / JSON rows), in file order.
public enum AccountField: String, CaseIterable, Sendable {
    case account, segment, plan, arr, csm
    case startDate = "start_date"
    case renewalDate = "renewal_date"
    case aliases
    case churnDate = "churn_date"
    case churnReason = "churn_reason"
    case champion
    case executiveSponsor = "executive_sponsor"
    case technicalLead = "technical_lead"

    public static let required: [AccountField] = [.account, .segment, .plan, .arr, .csm, .startDate, .renewalDate]

    public var contactRole: Contact.Role? {
        switch self {
        case .champion: return .champion
        case .executiveSponsor: return .executiveSponsor
        case .technicalLead: return .technicalLead
        default: return nil
        }
    }

    /// A column holding a day.
    public var isDate: Bool {
        switch self {
        case .startDate, .renewalDate, .churnDate: return true
        default: return false
        }
    }

    /// Sets this column of `account` from a cell, checked as every import and `set` checks it.
    /// A contact column leaves the account alone and returns the contact (nil clears the role).
    public func set(_ text: String, on account: inout Account) throws -> (role: Contact.Role, contact: Contact?)? {
        let text = text.trimmingSpaces
        switch self {
        case .account:
            guard !text.isEmpty else { throw FieldProblem("an account needs a name") }
            account.name = text
        case .segment:
            if text.isEmpty { account.segment = nil; break }
            guard let s = Segment(parsing: text) else { throw FieldProblem("'\(text)' is not a segment: use enterprise, mid-market or smb") }
            account.segment = s
        case .plan: account.plan = text.isEmpty ? nil : text
        case .arr:
            if text.isEmpty { account.arr = nil; break }
            let m = try Money.checked(text)
            account.arr = m
        case .csm: account.csm = text.isEmpty ? nil : text
        case .startDate, .renewalDate, .churnDate:
            var day: Day?
            if !text.isEmpty {
                guard let d = Day(iso: text) else { throw FieldProblem("'\(text)' is not a date: write YYYY-MM-DD") }
                day = d
            }
            if self == .startDate { account.startDate = day } else if self == .renewalDate { account.renewalDate = day } else { account.churnDate = day }
        case .churnReason: account.churnReason = text.isEmpty ? nil : text
        case .aliases: account.aliases = text.split(separator: ";").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
        case .champion, .executiveSponsor, .technicalLead:
            let role = contactRole!
            if text.isEmpty || text.lowercased() == "none" { return (role, nil) }
            guard let p = Contact.parse(cell: text) else { throw FieldProblem("'\(text)' is not a contact: write Name, Title <email>") }
            return (role, Contact(accountID: account.id ?? 0, role: role, name: p.name, title: p.title, email: p.email))
        }
        return nil
    }

    /// Dates that must agree: churn after start, a churn reason only with a churn date.
    /// The longest name or alias, in characters: one limit on both stores, checked before
    /// either (PostgreSQL's index of names takes no more than about 2,700 bytes a key).
    public static let longestName = 200

    public static func problem(in account: Account) -> (AccountField, FieldProblem)? {
        if account.name.count > longestName {
            return (.account, FieldProblem("a name of \(account.name.count) characters is too long: at most \(longestName)"))
        }
        if let long = account.aliases.first(where: { $0.count > longestName }) {
            return (.aliases, FieldProblem("an alias of \(long.count) characters is too long: at most \(longestName)"))
        }
        // A name with no letter or digit ("%", "_") could never be typed back to find it.
        if let blank = ([account.name] + account.aliases).first(where: { $0.comparable.isEmpty }) {
            return (blank == account.name ? .account : .aliases, FieldProblem("'\(blank)' has no letter or digit: a name is typed to find its account"))
        }
        if let start = account.startDate, let renewal = account.renewalDate, renewal < start {
            return (.renewalDate, FieldProblem("renewal date \(renewal) is before the start date \(start)"))
        }
        if let lined = ([account.name] + account.aliases).first(where: { $0.contains(where: \.isNewline) }) {
            return (lined == account.name ? .account : .aliases, FieldProblem("a name is one line: '\(lined.prefix(40))' holds a line break"))
        }
        if let start = account.startDate, let churn = account.churnDate, churn < start {
            return (.churnDate, FieldProblem("churn date \(churn) is before the start date \(start)"))
        }
        if account.churnReason != nil && account.churnDate == nil {
            return (.churnReason, FieldProblem("a churn reason needs a churn_date"))
        }
        return nil
    }

    /// The column a CSM means: `renewal date`, `renewal_date`, `executive sponsor`, `sponsor` …
    public static func named(_ name: String) -> AccountField? {
        let key = name.lowercased().split(whereSeparator: { $0 == " " || $0 == "_" || $0 == "-" }).joined(separator: " ")
        if let field = allCases.first(where: { $0.rawValue.replacingOccurrences(of: "_", with: " ") == key }) { return field }
        switch key {
        case "renewal", "renews", "renewal day": return .renewalDate
        case "start", "started", "start day": return .startDate
        case "churned", "churn": return .churnDate
        case "reason": return .churnReason
        case "alias": return .aliases
        case "sponsor", "exec sponsor", "executive", "exec": return .executiveSponsor
        case "tech lead", "technical": return .technicalLead
        case "owner", "csm owner": return .csm
        case "name": return .account
        default: return nil
        }
    }

    /// The cell for this column of `account`.
    public func cell(of account: Account, contacts: [Contact]) -> String {
        switch self {
        case .account: return account.name
        case .segment: return account.segment?.rawValue ?? ""
        case .plan: return account.plan ?? ""
        case .arr: return account.arr?.plain ?? ""
        case .csm: return account.csm ?? ""
        case .startDate: return account.startDate?.description ?? ""
        case .renewalDate: return account.renewalDate?.description ?? ""
        case .aliases: return account.aliases.joined(separator: "; ")
        case .churnDate: return account.churnDate?.description ?? ""
        case .churnReason: return account.churnReason ?? ""
        case .champion, .executiveSponsor, .technicalLead:
            return contacts.first { $0.role == contactRole }?.cell ?? ""
        }
    }
}
