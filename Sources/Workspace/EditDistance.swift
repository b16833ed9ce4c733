/// Optimal-string-alignment distance (Levenshtein plus adjacent transpositions):
/// "Acmee" is one edit from "Acme", "scroe" one from "score". With a `limit`, strings
/// whose lengths differ by more than it are not compared, and a comparison stops once it is
/// past the limit (the answer is then `limit + 1`). Compared by Unicode scalar.
public func editDistance(_ a: String, _ b: String, limit: Int = .max) -> Int {
    editDistance(Array(a.unicodeScalars), Array(b.unicodeScalars)[...], limit: limit)
}

/// The same, of scalars already split: a list of names compared with one word splits each once.
public func editDistance(_ x: [Unicode.Scalar], _ y: ArraySlice<Unicode.Scalar>, limit: Int = .max) -> Int {
    let n = y.count, o = y.startIndex
    if limit < .max, abs(x.count - n) > limit { return limit + 1 }
    if x.isEmpty { return n }
    if n == 0 { return x.count }
    var previous2 = [Int](repeating: 0, count: n + 1)
    var previous = Array(0...n)
    var current = [Int](repeating: 0, count: n + 1)
    var previousLeast = 0
    for i in 1...x.count {
        current[0] = i
        var least = i
        for j in 1...n {
            let cost = x[i - 1] == y[o + j - 1] ? 0 : 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1, j > 1, x[i - 1] == y[o + j - 2], x[i - 2] == y[o + j - 1] {
                current[j] = min(current[j], previous2[j - 2] + 1)
            }
            least = min(least, current[j])
        }
        // Past the limit in two rows running: no later row comes back under it.
        if least > limit && previousLeast > limit { return limit + 1 }
        previousLeast = least
        (previous2, previous, current) = (previous, current, previous2)
    }
    return previous[n]
}
