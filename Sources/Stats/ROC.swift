/// How well a score ranks positives above negatives: the area under the ROC curve, as the
/// Mann–Whitney statistic with ties given half credit (average ranks).
public enum ROC {
    /// nil when either class is empty.
    public static func auc(scores: [Double], labels: [Bool]) -> Double? {
        precondition(scores.count == labels.count)
        let positives = labels.filter { $0 }.count, negatives = labels.count - positives
        guard positives > 0, negatives > 0 else { return nil }
        let order = scores.indices.sorted { scores[$0] < scores[$1] }
        var rankSum = 0.0
        var i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count && scores[order[j + 1]] == scores[order[i]] { j += 1 }
            // Ranks i+1 … j+1 share their average.
            let rank = Double(i + j + 2) / 2
            for k in i...j where labels[order[k]] { rankSum += rank }
            i = j + 1
        }
        let p = Double(positives), n = Double(negatives)
        return (rankSum - p * (p + 1) / 2) / (p * n)
    }
}
