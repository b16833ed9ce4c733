/// The e-mails of SPEC.md section 5. The raw value names the built-in template and the
/// override file (`templates/qbr-recap.mustache`).
public enum DraftKind: String, CaseIterable, Codable, Sendable {
    case qbrRecap = "qbr-recap"
    case winBack7 = "win-back-day-7"
    case winBack30 = "win-back-day-30"
    case winBack90 = "win-back-day-90"
    case activation
    case healthAlert = "health-alert"
    case welcome
    case renewal
    case escalation

    public var label: String {
        switch self {
        case .qbrRecap: return "QBR recap"
        case .winBack7: return "win-back, day 7"
        case .winBack30: return "win-back, day 30"
        case .winBack90: return "win-back, day 90"
        case .activation: return "activation"
        case .healthAlert: return "health alert"
        case .welcome: return "welcome"
        case .renewal: return "renewal"
        case .escalation: return "escalation"
        }
    }
}
