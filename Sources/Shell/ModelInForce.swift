import Foundation
import Scoring
import Workspace

/// The health model a workspace scores with, kept current with its `model.yaml`. A file
/// that parses is copied to `.model-in-force.yaml`; a file that does not is refused with
/// its line and reason, and the last model that did stays in force (in this shell, or
/// from that copy in a new process). No model.yaml means the built-in claw model.
public final class ModelInForce {
    public private(set) var model: HealthModel = .claw
    /// Where the model came from, as the `model` command says it.
    public private(set) var source = "built in (no model.yaml)"
    /// What identifies the model in force: a hash of the file it was read from and of the
    /// fitted churn model that file names. Account summaries are kept per fingerprint.
    public private(set) var fingerprint = "claw"
    /// Why model.yaml is not in force, while it is refused.
    public private(set) var problem: ImportProblem?

    let file: String
    let lastGood: String
    /// Where `calibrate` saves fitted models.
    public let fittedFolder: String
    /// The file's modification date and size when last read; nil before the first read.
    private var stamp: Stamp?

    struct Stamp: Equatable {
        var modified: Date?
        var size: Int?
    }

    init(workspace: String) {
        file = (workspace as NSString).appendingPathComponent(ModelFile.name)
        lastGood = (workspace as NSString).appendingPathComponent(".model-in-force.yaml")
        fittedFolder = (workspace as NSString).appendingPathComponent("models")
    }

    /// Reads a fitted model by name from the workspace's models folder.
    public func fitted(_ name: String) throws -> FittedChurnModel {
        let path = (fittedFolder as NSString).appendingPathComponent(name + ".yaml")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return try FittedModelFile.parse(text, file: "models/\(name).yaml")
    }

    /// Parses a model file as model.yaml would be read here.
    public func parse(_ text: String, file: String) throws -> HealthModel {
        try ModelFile.parse(text, file: file, fitted: fitted)
    }

    /// The model read from `text`, with its fingerprint.
    private func use(_ model: HealthModel, from text: String) {
        self.model = model
        let fitted = model.fitted.flatMap { try? String(contentsOfFile: (fittedFolder as NSString).appendingPathComponent($0.name + ".yaml"), encoding: .utf8) }
        fingerprint = ModelInForce.hash(text + "\u{0}" + (fitted ?? ""))
    }

    /// FNV-1a over the UTF-8 bytes, in hex: the same text, the same fingerprint, on every run.
    static func hash(_ text: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return String(h, radix: 16)
    }

    /// Re-reads model.yaml when it changed; returns the warning to show when it was refused.
    public func refresh() -> String? {
        let attributes = try? FileManager.default.attributesOfItem(atPath: file)
        let current = Stamp(modified: attributes?[.modificationDate] as? Date, size: attributes?[.size] as? Int)
        if let stamp, stamp == current { return nil }
        let firstLoad = stamp == nil
        stamp = current
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
            model = .claw
            fingerprint = "claw"
            source = "built in (no model.yaml)"
            problem = nil
            return nil
        }
        do {
            use(try parse(text, file: ModelFile.name), from: text)
            source = ModelFile.name
            problem = nil
            try? text.write(toFile: lastGood, atomically: true, encoding: .utf8)
            return nil
        } catch let refused as ImportProblem {
            problem = refused
            if firstLoad {
                if let text = try? String(contentsOfFile: lastGood, encoding: .utf8), let kept = try? parse(text, file: ModelFile.name) {
                    use(kept, from: text)
                    source = "the last valid model.yaml"
                } else {
                    model = .claw
                    fingerprint = "claw"
                    source = "built in (model.yaml refused)"
                }
            } else if source == ModelFile.name {
                source = "model.yaml as it was before this change"
            }
            return "model.yaml refused — \(refused); still scoring with the \(model.name) model (\(source))"
        } catch {
            problem = ImportProblem(file: ModelFile.name, line: 1, column: 1, message: "\(error)")
            return "model.yaml refused: \(error)"
        }
    }
}
