import Workspace

/// What ranks an alert and says which it is from one look to the next, without its words:
/// a book's summaries hold 150,000 alerts, and a screenful shows the words of 50.
public struct AlertHead: Equatable, Sendable {
    public var monitor: Monitor
    /// A model file's monitor's name (`monitor` is `.custom`).
    public var name: String?
    public var severity: Alert.Severity

    public init(monitor: Monitor, name: String?, severity: Alert.Severity) {
        self.monitor = monitor
        self.name = name
        self.severity = severity
    }

    /// What identifies the alert across looks: its monitor, or a custom monitor's title.
    public var key: String { monitor == .custom ? "custom:\(name ?? monitor.label)" : monitor.rawValue }
}

extension Alert {
    public var head: AlertHead { AlertHead(monitor: monitor, name: monitor == .custom ? name : nil, severity: severity) }
}

extension KeptAlert {
    public var head: AlertHead { AlertHead(monitor: monitor, name: monitor == .custom ? name : nil, severity: severity) }
}
