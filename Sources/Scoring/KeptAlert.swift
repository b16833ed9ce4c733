import Workspace

/// An alert as an account summary keeps it: what fired, how badly, the words of its
/// evidence and who acts. Its facts are kept apart, for JSON (`AccountSummary.details`).
public struct KeptAlert: Equatable, Sendable {
    public var monitor: Monitor
    /// A model file's monitor's name (`monitor` is `.custom`).
    public var name: String?
    public var severity: Alert.Severity
    public var shown: String
    public var who: String
    public var within: String

    public init(_ alert: Alert) {
        monitor = alert.monitor
        name = alert.name
        severity = alert.severity
        shown = alert.evidence.shown
        who = alert.who
        within = alert.within
    }

    public init(monitor: Monitor, name: String?, severity: Alert.Severity, shown: String, who: String, within: String) {
        self.monitor = monitor
        self.name = name
        self.severity = severity
        self.shown = shown
        self.who = who
        self.within = within
    }

    /// The alert again, on its account, with the facts its evidence was made from.
    public func alert(on account: Account, facts: JSONValue) -> Alert {
        Alert(account: account.name, arr: account.arr, monitor: monitor, severity: severity, evidence: .kept(shown: shown, facts: facts),
              who: who, within: within, name: name)
    }
}
