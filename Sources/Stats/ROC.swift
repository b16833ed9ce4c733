/// How well a score ranks positives above negatives: the area under the ROC curve, as the
/// Mann–Whitney statistic with ties given half credit.
public enum ROC {
    /// nil when either class is empty.
    public static func auc(scores: [Double], labels: [Bool]) -> Double? {
        Ranking(scores: scores, labels: labels).auc { _ in 1 }
    }

    /// Rows sorted by score once, for the AUC under any weighting of the rows (a bootstrap
    /// resample weighs each row by how often its group was drawn).
    public struct Ranking: Sendable {
        let order: [Int]
        let scores: [Double]
        let labels: [Bool]

        public init(scores: [Double], labels: [Bool]) {
            precondition(scores.count == labels.count)
            self.scores = scores
            self.labels = labels
            order = scores.indices.sorted { scores[$0] < scores[$1] }
        }

        /// The weighted AUC: each positive–negative pair counts weight × weight, a tie half.
        public func auc(weight: (Int) -> Double) -> Double? {
            var negativesBelow = 0.0, pairs = 0.0, positives = 0.0
            var i = 0
            while i < order.count {
                var j = i
                while j + 1 < order.count && scores[order[j + 1]] == scores[order[i]] { j += 1 }
                var p = 0.0, n = 0.0
                for k in i...j {
                    let row = order[k]
                    if labels[row] { p += weight(row) } else { n += weight(row) }
                }
                pairs += p * (negativesBelow + n / 2)
                negativesBelow += n
                positives += p
                i = j + 1
            }
            guard positives > 0, negativesBelow > 0 else { return nil }
            return pairs / (positives * negativesBelow)
        }
    }
}
