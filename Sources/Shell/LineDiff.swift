/// A unified diff of two texts by lines (longest common subsequence), for transcript mismatches.
public enum LineDiff {
    public static func unified(expected: [String], actual: [String], context: Int = 3, labels: (String, String)) -> String {
        let n = expected.count, m = actual.count
        var lcs = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                lcs[i][j] = expected[i] == actual[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        enum Op { case same(String), removed(String), added(String) }
        var ops: [Op] = []
        var i = 0, j = 0
        while i < n || j < m {
            if i < n, j < m, expected[i] == actual[j] { ops.append(.same(expected[i])); i += 1; j += 1 }
            else if i < n, j == m || lcs[i + 1][j] >= lcs[i][j + 1] { ops.append(.removed(expected[i])); i += 1 }
            else { ops.append(.added(actual[j])); j += 1 }
        }
        var out = ["--- \(labels.0)", "+++ \(labels.1)"]
        let changed = ops.indices.filter { if case .same = ops[$0] { return false } else { return true } }
        guard !changed.isEmpty else { return "" }
        var k = 0
        while k < changed.count {
            var start = max(changed[k] - context, 0)
            var end = min(changed[k] + context, ops.count - 1)
            while k + 1 < changed.count, changed[k + 1] - context <= end + 1 {
                k += 1
                end = min(changed[k] + context, ops.count - 1)
            }
            var oldLine = 1, newLine = 1
            for op in ops[..<start] {
                switch op {
                case .same: oldLine += 1; newLine += 1
                case .removed: oldLine += 1
                case .added: newLine += 1
                }
            }
            var hunk: [String] = []
            var oldCount = 0, newCount = 0
            for op in ops[start...end] {
                switch op {
                case .same(let s): hunk.append(" " + s); oldCount += 1; newCount += 1
                case .removed(let s): hunk.append("-" + s); oldCount += 1
                case .added(let s): hunk.append("+" + s); newCount += 1
                }
            }
            out.append("@@ -\(oldLine),\(oldCount) +\(newLine),\(newCount) @@")
            out += hunk
            start = end + 1
            k += 1
        }
        return out.joined(separator: "\n") + "\n"
    }
}
