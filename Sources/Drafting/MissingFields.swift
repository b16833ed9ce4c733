/// Fills a template's fields and remembers which ones the workspace could not: those
/// become a visible "[label]" in the text and are listed under the draft.
public struct MissingFields: Sendable {
    private var all: [String] = []

    public init() {}

    /// The value, or "[label]" when there is none (or it is empty).
    public mutating func fill(_ value: String?, _ label: String) -> String {
        if let value, !value.isEmpty { return value }
        if !all.contains(label) { all.append(label) }
        return "[\(label)]"
    }

    /// The labels whose marker made it into the rendered text: a template override that
    /// leaves a field out does not list it as missing.
    func labels(in text: String) -> [String] {
        all.filter { text.contains("[\($0)]") }
    }
}
