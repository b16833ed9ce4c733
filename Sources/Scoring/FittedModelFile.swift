import Workspace
import Yams

/// A model `calibrate` saved (`models/fitted-DATE.yaml`), read back for `fitted:` in
/// model.yaml. Only what scoring needs is read: the horizon, the intercept, each feature's
/// mean, deviation and weight, and the cut-offs; the rest is the record of its validation.
public enum FittedModelFile {
    public static func parse(_ text: String, file: String) throws -> FittedChurnModel {
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch {
            throw ImportProblem(file: file, line: 1, column: 1, message: "not valid YAML: \(error)")
        }
        guard let map = root?.mapping, map["model"]?.string == "fitted" else {
            throw ImportProblem(file: file, line: 1, column: 1, message: "not a fitted model: 'calibrate' writes them, starting model: fitted")
        }
        func fail(_ node: Node?, _ message: String) -> ImportProblem {
            ImportProblem(file: file, line: node?.mark?.line ?? 1, column: node?.mark?.column ?? 1, message: message)
        }
        func number(_ node: Node?, _ what: String) throws -> Double {
            guard let text = node?.scalar?.string, let v = Double(text), v.isFinite else { throw fail(node, "\(what) must be a number") }
            return v
        }
        guard let horizon = map["horizon_days"]?.int, horizon > 0 else { throw fail(map["horizon_days"], "horizon_days must be a whole number of days") }
        let intercept = try number(map["intercept"], "intercept")
        guard let list = map["features"]?.sequence, !list.isEmpty else { throw fail(map["features"], "features: a list of {name, mean, sd, weight}") }
        let known = Set(ChurnFeatures().names)
        let features: [FittedChurnModel.Feature] = try list.map { item in
            guard let f = item.mapping, let name = f["name"]?.string else { throw fail(item, "a feature is {name, mean, sd, weight}") }
            guard known.contains(name) || name.hasPrefix("custom:") else { throw fail(item, "unknown feature '\(name)'") }
            let sd = try number(f["sd"], "sd")
            guard sd > 0 else { throw fail(f["sd"], "sd must be above 0") }
            return .init(name: name, mean: try number(f["mean"], "mean"), deviation: sd, weight: try number(f["weight"], "weight"))
        }
        guard let cut = map["cutoffs"]?.mapping else { throw fail(map["cutoffs"], "cutoffs: {critical, high, medium}") }
        let critical = try number(cut["critical"], "critical"), high = try number(cut["high"], "high"), medium = try number(cut["medium"], "medium")
        guard 0 < medium, medium <= high, high <= critical, critical <= 1 else {
            throw fail(map["cutoffs"], "cut-offs must be probabilities with medium ≤ high ≤ critical")
        }
        return FittedChurnModel(name: map["name"]?.string ?? String(file.split(separator: "/").last ?? ""), horizonDays: horizon, intercept: intercept,
                                features: features, critical: critical, high: high, medium: medium)
    }
}
