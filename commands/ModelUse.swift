import Foundation
import Intents
import Scoring
import Shell
import Workspace

/// `model use NAME`: puts a built-in model (claw, engine, analyst) or a fitted churn model
/// (models/fitted-DATE.yaml) in force by editing model.yaml's `model:` or `fitted:` line;
/// the rest of the file, comments included, is kept.
struct ModelUseCommand: Command {
    let spec = CommandSpec(
        name: "model use",
        phrases: ["model use {name}", "use model {name}", "use the {name} model", "使用模型 {name}"],
        slots: ["name": .text],
        usage: "model use NAME",
        summary: "put a health model (claw, engine, analyst) or a fitted churn model in force",
        details: """
            NAME: claw, engine or analyst sets model.yaml's model: line and takes any fitted model out of force; a fitted \
            model's name (as 'calibrate' saved it in models/, e.g. fitted-2026-11-24) sets fitted:, and churn risk then \
            comes from its probability. The new file is checked before it is written; 'model use claw' goes back.
            """,
        examples: ["model use engine", "model use fitted-2026-11-24", "model use claw"],
        writes: true)

    func run(_ request: Request, in context: Context) throws -> Report {
        let name = request.text("name")!
        let path = (context.workspace.path as NSString).appendingPathComponent(ModelFile.name)
        let old = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        let builtIn = HealthModel.named(name.lowercased())
        if builtIn == nil, (try? context.models.fitted(name)) == nil {
            let saved = ((try? FileManager.default.contentsOfDirectory(atPath: context.models.fittedFolder)) ?? [])
                .filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
            throw CommandError("no model '\(name.excerpt)' — use claw, engine or analyst"
                + (saved.isEmpty ? ", or 'calibrate' to fit one" : ", or a fitted model: " + saved.joined(separator: ", ")))
        }
        // Top-level lines only: an indented "model:" belongs to something else.
        var lines = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines.removeAll { $0.hasPrefix("fitted:") || (builtIn != nil && $0.hasPrefix("model:")) }
        lines.insert(builtIn != nil ? "model: \(builtIn!.name)" : "fitted: \(name)", at: lines.firstIndex { !$0.hasPrefix("#") } ?? lines.count)
        let text = lines.joined(separator: "\n") + (lines.last == "" ? "" : "\n")
        let model: HealthModel
        do { model = try context.models.parse(text, file: ModelFile.name) } catch let problem as ImportProblem {
            throw CommandError("model.yaml would be refused — \(problem); nothing was changed")
        }
        try Data(text.utf8).writeAtomically(to: path)
        _ = context.models.refresh()
        if let fitted = model.fitted {
            return Message("\(fitted.name) is in force: churn risk is its probability of churning within \(fitted.horizonDays) days "
                + "(critical ≥ \(Format.percent(fitted.critical * 100)), high ≥ \(Format.percent(fitted.high * 100)), medium ≥ \(Format.percent(fitted.medium * 100))); "
                + "health scores and tiers stay the \(model.name) model's. 'model use \(model.name)' takes it out of force.")
        }
        return Message("the \(model.name) model is in force" + (old.contains("fitted:") ? "; no fitted churn model" : "") + " (model.yaml updated)")
    }
}
