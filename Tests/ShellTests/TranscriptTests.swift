import XCTest
@testable import Shell

final class TranscriptTests: XCTestCase {
    func testParsesDirectivesStepsAndRoundTrips() {
        let text = "# workspace: demo\n# today: 2026-11-24\ncse> score Acme   \nAcme Corp — health 76.1\n\ncse> quit\n"
        let t = Transcript(parsing: text)
        XCTAssertEqual(t.directives, ["workspace": "demo", "today": "2026-11-24"])
        XCTAssertEqual(t.steps.map(\.input), ["score Acme", "quit"])
        XCTAssertEqual(t.steps[0].output, ["Acme Corp — health 76.1", ""])
        XCTAssertEqual(t.text, text.replacingOccurrences(of: "Acme   \n", with: "Acme\n"))
    }

    func testDiffShowsWhatChanged() {
        let diff = LineDiff.unified(expected: ["a", "b", "c"], actual: ["a", "B", "c"], labels: ("x", "y"))
        XCTAssertEqual(diff, "--- x\n+++ y\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n")
    }
}
