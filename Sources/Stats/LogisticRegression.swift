import Foundation

/// Logistic regression with an L2 penalty on the weights (not the intercept), fitted by
/// Newton's method — the same objective as scikit-learn's `LogisticRegression(C=…)`:
/// minimise ½‖w‖² + C · Σ log-loss. Features are expected standardised (`Standardizer`).
public struct LogisticRegression: Equatable, Sendable {
    public var intercept: Double
    public var weights: [Double]

    public init(intercept: Double, weights: [Double]) {
        self.intercept = intercept
        self.weights = weights
    }

    /// The probability of the positive class for one row.
    public func probability(_ x: [Double]) -> Double {
        var z = intercept
        for (w, v) in zip(weights, x) { z += w * v }
        return 1 / (1 + exp(-z))
    }

    /// Fits `y` (0 or 1) on the rows of `x`; `c` is the inverse of the penalty's strength.
    public static func fit(x: [[Double]], y: [Double], c: Double = 1, iterations: Int = 50, tolerance: Double = 1e-10) -> LogisticRegression {
        let n = x.count, p = (x.first?.count ?? 0) + 1
        var beta = [Double](repeating: 0, count: p)
        // Start the intercept at the base rate's log-odds.
        let rate = min(max(y.reduce(0, +) / Double(max(n, 1)), 1e-6), 1 - 1e-6)
        beta[0] = log(rate / (1 - rate))
        for _ in 0..<iterations {
            var gradient = [Double](repeating: 0, count: p)
            var hessian = [[Double]](repeating: [Double](repeating: 0, count: p), count: p)
            for i in 0..<n {
                var z = beta[0]
                for j in 1..<p { z += beta[j] * x[i][j - 1] }
                let mu = 1 / (1 + exp(-z))
                let r = c * (mu - y[i]), w = c * mu * (1 - mu)
                gradient[0] += r
                for j in 1..<p { gradient[j] += r * x[i][j - 1] }
                // Upper triangle, row 0 for the intercept.
                hessian[0][0] += w
                for j in 1..<p {
                    let xj = x[i][j - 1]
                    hessian[0][j] += w * xj
                    for k in j..<p { hessian[j][k] += w * xj * x[i][k - 1] }
                }
            }
            for j in 1..<p {
                gradient[j] += beta[j]
                hessian[j][j] += 1
            }
            for j in 0..<p { for k in 0..<j { hessian[j][k] = hessian[k][j] } }
            guard let step = solve(hessian, gradient) else { break }
            var largest = 0.0
            for j in 0..<p {
                beta[j] -= step[j]
                largest = max(largest, abs(step[j]))
            }
            if largest < tolerance { break }
        }
        return LogisticRegression(intercept: beta[0], weights: Array(beta.dropFirst()))
    }

    /// Solves A·s = b (A symmetric positive definite) by Cholesky; nil if A is not.
    static func solve(_ a: [[Double]], _ b: [Double]) -> [Double]? {
        let n = b.count
        var l = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for i in 0..<n {
            for j in 0...i {
                var sum = a[i][j]
                for k in 0..<j { sum -= l[i][k] * l[j][k] }
                if i == j {
                    guard sum > 0 else { return nil }
                    l[i][i] = sum.squareRoot()
                } else {
                    l[i][j] = sum / l[j][j]
                }
            }
        }
        var y = [Double](repeating: 0, count: n)
        for i in 0..<n {
            var sum = b[i]
            for k in 0..<i { sum -= l[i][k] * y[k] }
            y[i] = sum / l[i][i]
        }
        var s = [Double](repeating: 0, count: n)
        for i in stride(from: n - 1, through: 0, by: -1) {
            var sum = y[i]
            for k in (i + 1)..<n { sum -= l[k][i] * s[k] }
            s[i] = sum / l[i][i]
        }
        return s
    }
}

/// Centres each feature on its mean and scales it by its standard deviation (population,
/// as scikit-learn's StandardScaler); a constant feature is only centred.
public struct Standardizer: Equatable, Sendable {
    public var means: [Double]
    public var deviations: [Double]

    public init(means: [Double], deviations: [Double]) {
        self.means = means
        self.deviations = deviations
    }

    public init(fitting rows: [[Double]]) {
        let p = rows.first?.count ?? 0, n = Double(max(rows.count, 1))
        var means = [Double](repeating: 0, count: p), squares = [Double](repeating: 0, count: p)
        for row in rows { for j in 0..<p { means[j] += row[j] } }
        for j in 0..<p { means[j] /= n }
        for row in rows { for j in 0..<p { squares[j] += (row[j] - means[j]) * (row[j] - means[j]) } }
        self.means = means
        deviations = squares.map { ($0 / n).squareRoot() }.map { $0 > 1e-12 ? $0 : 1 }
    }

    public func transform(_ row: [Double]) -> [Double] {
        zip(row, zip(means, deviations)).map { ($0 - $1.0) / $1.1 }
    }
}
