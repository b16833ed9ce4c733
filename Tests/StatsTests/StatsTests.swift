import XCTest
@testable import Stats

/// The maths against values computed independently (scikit-learn 1.9.1 for the fits and
/// the AUC with ties; by hand for the rest).
final class StatsTests: XCTestCase {
    func testAUCCountsTiesAsHalf() {
        // Positives 0.35, 0.8, 0.4 against negatives 0.1, 0.4, 0.4, 0.2: pairs won 2+4+(2 + 2×½) = 9… of 12.
        XCTAssertEqual(ROC.auc(scores: [0.1, 0.4, 0.35, 0.8, 0.4, 0.4, 0.2], labels: [false, false, true, true, true, false, false])!, 0.75, accuracy: 1e-12)
        XCTAssertEqual(ROC.auc(scores: [1, 2, 3, 4], labels: [false, false, true, true]), 1)
        XCTAssertEqual(ROC.auc(scores: [4, 3, 2, 1], labels: [false, false, true, true]), 0)
        XCTAssertEqual(ROC.auc(scores: [1, 1, 1, 1], labels: [false, true, false, true]), 0.5)
        XCTAssertNil(ROC.auc(scores: [1, 2], labels: [true, true]), "one class only: no AUC")
    }

    func testLogisticRegressionMatchesScikitLearn() {
        let x: [[Double]] = [[0.5, 1.0], [1.5, -0.5], [-1.0, 0.2], [2.0, 1.5], [-0.3, -1.2], [0.8, 0.3], [-1.5, -0.7], [1.1, 2.0], [0.0, 0.0], [-0.7, 1.1]]
        let y: [Double] = [1, 1, 0, 1, 0, 1, 0, 1, 0, 0]
        let fit = LogisticRegression.fit(x: x, y: y, c: 1)
        XCTAssertEqual(fit.intercept, -0.5189892230148541, accuracy: 1e-6)
        XCTAssertEqual(fit.weights[0], 1.4065737020293174, accuracy: 1e-6)
        XCTAssertEqual(fit.weights[1], 0.5176755181025333, accuracy: 1e-6)
        let strong = LogisticRegression.fit(x: x, y: y, c: 0.1)
        XCTAssertEqual(strong.intercept, -0.14590922263920617, accuracy: 1e-6)
        XCTAssertEqual(strong.weights[0], 0.35229356157387093, accuracy: 1e-6)
        XCTAssertEqual(strong.weights[1], 0.1670852635822436, accuracy: 1e-6)
        XCTAssertEqual(fit.probability([0, 0]), 1 / (1 + exp(0.5189892230148541)), accuracy: 1e-6)
    }

    func testStandardizerUsesThePopulationDeviation() {
        let s = Standardizer(fitting: [[1, 5], [3, 5], [5, 5]])
        XCTAssertEqual(s.means, [3, 5])
        XCTAssertEqual(s.deviations[0], (8.0 / 3).squareRoot(), accuracy: 1e-12)
        XCTAssertEqual(s.deviations[1], 1, "a constant feature is only centred")
        XCTAssertEqual(s.transform([3, 7]), [0, 2])
    }

    func testBootstrapIsRepeatableAndBracketsTheStatistic() {
        let values = (0..<50).map(Double.init)
        let mean = { (w: [Double]) -> Double? in zip(values, w).reduce(0) { $0 + $1.0 * $1.1 } / w.reduce(0, +) }
        let a = Bootstrap.interval(groups: 50, resamples: 500, statistic: mean)!
        let b = Bootstrap.interval(groups: 50, resamples: 500, statistic: mean)!
        XCTAssertEqual(a, b, "the same seed gives the same interval")
        XCTAssertLessThan(a.low, 24.5)
        XCTAssertGreaterThan(a.high, 24.5)
        // The mean of 50 values with sd 14.4 has a standard error near 2: the 95% interval is about ±4.
        XCTAssertEqual(a.high - a.low, 8, accuracy: 2)
    }

    func testAWeightedAUCIsTheAUCOfTheRowsRepeated() {
        let scores = [0.1, 0.4, 0.35, 0.8, 0.4, 0.4, 0.2], labels = [false, false, true, true, true, false, false]
        let weights: [Double] = [2, 0, 1, 3, 1, 2, 1]
        var repeatedScores: [Double] = [], repeatedLabels: [Bool] = []
        for i in scores.indices { for _ in 0..<Int(weights[i]) { repeatedScores.append(scores[i]); repeatedLabels.append(labels[i]) } }
        XCTAssertEqual(ROC.Ranking(scores: scores, labels: labels).auc { weights[$0] }!, ROC.auc(scores: repeatedScores, labels: repeatedLabels)!, accuracy: 1e-12)
    }

    func testLiftOfTheRiskiestTenth() {
        // 20 rows, 4 positives (rate 20%); the riskiest two rows hold one positive (50%): lift 2.5.
        let risks = (0..<20).map(Double.init)
        let labels = (0..<20).map { [19, 5, 6, 7].contains($0) }
        XCTAssertEqual(Lift.top(risks: risks, labels: labels)!, 2.5, accuracy: 1e-12)
        XCTAssertNil(Lift.top(risks: risks, labels: Array(repeating: false, count: 20)))
    }
}
