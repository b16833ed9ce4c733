/// How much likelier a positive is among the riskiest rows than overall.
public enum Lift {
    /// The positive rate among the riskiest `share` of rows ÷ the rate among all; nil with
    /// no positive or fewer than ten rows.
    public static func top(_ share: Double = 0.1, risks: [Double], labels: [Bool]) -> Double? {
        let positives = labels.filter { $0 }.count
        guard positives > 0, risks.count >= 10 else { return nil }
        let top = zip(risks, labels).sorted { $0.0 > $1.0 }.prefix(max(1, Int(Double(risks.count) * share)))
        return (Double(top.filter(\.1).count) / Double(top.count)) / (Double(positives) / Double(risks.count))
    }
}
