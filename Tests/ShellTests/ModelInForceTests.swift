import XCTest
import Scoring
@testable import Shell

/// model.yaml is re-read when it changes; a refused file leaves the last valid model in
/// force, in this shell and in the next process.
final class ModelInForceTests: XCTestCase {
    func testARefusedFileKeepsTheLastValidModel() throws {
        let folder = (NSTemporaryDirectory() as NSString).appendingPathComponent("cse-model-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = (folder as NSString).appendingPathComponent("model.yaml")

        let models = ModelInForce(workspace: folder)
        XCTAssertNil(models.refresh())
        XCTAssertEqual(models.model.name, "claw", "no model.yaml: the built-in model")

        try "model: engine\n".write(toFile: file, atomically: true, encoding: .utf8)
        XCTAssertNil(models.refresh())
        XCTAssertEqual(models.model.name, "engine")

        try "model: engine\ntiers: {thriving: 50, healthy: 60}\n".write(toFile: file, atomically: true, encoding: .utf8)
        let warning = try XCTUnwrap(models.refresh())
        XCTAssertTrue(warning.contains("model.yaml:2:8: cut-offs out of order"), warning)
        XCTAssertEqual(models.model.name, "engine", "the previous model stays in force")
        XCTAssertEqual(models.model.tiers, TierScheme.engine)
        XCTAssertNil(models.refresh(), "warned once per change")

        let nextProcess = ModelInForce(workspace: folder)
        XCTAssertNotNil(nextProcess.refresh())
        XCTAssertEqual(nextProcess.model.name, "engine", "a new process starts from the last valid copy")
        XCTAssertEqual(nextProcess.source, "the last valid model.yaml")
    }
}
