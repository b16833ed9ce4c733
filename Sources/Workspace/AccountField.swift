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
