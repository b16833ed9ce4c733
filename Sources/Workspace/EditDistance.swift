/// Optimal-string-alignment distance (Levenshtein plus adjacent transpositions):
/// "Acmee" is one edit from "Acme", "scroe" one from "score". With a `limit`, strings
/// whose lengths differ by more than it are not compared (the answer is over the limit),
/// so a pasted page of text costs nothing to check against a short name.
public func editDistance(_ a: String, _ b: String, limit: Int = .max) -> Int {
    if limit < .max, abs(a.count - b.count) > limit { return limit + 1 }
    let x = Array(a), y = Array(b)
    if x.isEmpty { return y.count }
    if y.isEmpty { return x.count }
    var previous2 = [Int](repeating: 0, count: y.count + 1)
    var previous = Array(0...y.count)
    var current = [Int](repeating: 0, count: y.count + 1)
    for i in 1...x.count {
        current[0] = i
        for j in 1...y.count {
            let cost = x[i - 1] == y[j - 1] ? 0 : 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                current[j] = min(current[j], previous2[j - 2] + 1)
            }
        }
        (previous2, previous, current) = (previous, current, previous2)
    }
    return previous[y.count]
}
