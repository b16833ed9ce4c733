/// Fills a template's fields and remembers which ones the workspace could not: those
/// become a visible "[label]" in the text and are listed under the draft.
public struct Placeholders: Sendable {
    private(set) var labels: [String] = []

    public init() {}

    /// The value, or "[label]" when there is none (or it is empty).
    public mutating func fill(_ value: String?, _ label: String) -> String {
        if let value, !value.isEmpty { return value }
        if !labels.contains(label) { labels.append(label) }
        return "[\(label)]"
    }

    /// The labels whose marker made it into the rendered text: a template override that
    /// leaves a field out does not list it as missing.
    func missing(in text: String) -> [String] {
        labels.filter { text.contains("[\($0)]") }
    }
}
