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

    /// Heads as a store keeps them beside a summary: for each, its severity's digit, its key's
    /// length in bytes, a colon and the key ("2" "13" ":" "champion_left"): any key reads back.
    public static func kept(_ heads: [AlertHead]) -> String {
        heads.map { "\($0.severity.rawValue)\($0.key.utf8.count):\($0.key)" }.joined()
    }

    /// The heads `kept` wrote; nil when the bytes are not what it writes.
    public static func kept(_ bytes: UnsafeRawBufferPointer) -> [AlertHead]? {
        var heads: [AlertHead] = [], i = 0
        let colon = UInt8(ascii: ":"), zero = UInt8(ascii: "0")
        while i < bytes.count {
            guard let severity = Alert.Severity(rawValue: Int(bytes[i]) - Int(zero)) else { return nil }
            i += 1
            var length = 0, digits = 0
            while i < bytes.count, bytes[i] != colon {
                guard bytes[i] >= zero, bytes[i] <= zero + 9, digits < 6 else { return nil }
                length = length * 10 + Int(bytes[i] - zero)
                digits += 1
                i += 1
            }
            guard digits > 0, i < bytes.count, length <= bytes.count - i - 1 else { return nil }
            let key = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[(i + 1)..<(i + 1 + length)]), as: UTF8.self)
            i += 1 + length
            if key.hasPrefix("custom:") {
                heads.append(AlertHead(monitor: .custom, name: String(key.dropFirst(7)), severity: severity))
            } else {
                guard let monitor = Monitor(rawValue: key), monitor != .custom else { return nil }
                heads.append(AlertHead(monitor: monitor, name: nil, severity: severity))
            }
        }
        return heads
    }
}

extension Alert {
    public var head: AlertHead { AlertHead(monitor: monitor, name: monitor == .custom ? name : nil, severity: severity) }
}

extension KeptAlert {
    public var head: AlertHead { AlertHead(monitor: monitor, name: monitor == .custom ? name : nil, severity: severity) }
}
