import XCTest
@testable import Shell

/// What Tab lists when several names fit: columns within the terminal's width, no name cut
/// across two lines, Chinese names measured by the columns they take.
final class CompletionListTests: XCTestCase {
    func testNamesAreListedInColumnsThatFit() {
        let names = (0..<10).map { "Account 0471\($0)" }
        let listed = LineEditor.columns(names, width: 100)
        let lines = listed.split(separator: "\n")
        XCTAssertEqual(lines.count, 2)
        XCTAssertTrue(lines.allSatisfy { DisplayWidth.of(String($0)) <= 100 }, listed)
        XCTAssertEqual(lines[0].hasPrefix("Account 04710   Account 04712"), true, "down each column first:\n" + listed)
        XCTAssertEqual(Set(listed.split(whereSeparator: { $0 == "\n" }).flatMap { $0.components(separatedBy: "   ") }
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }), Set(names))
    }

    func testWideNamesLineUp() {
        let listed = LineEditor.columns(["星辰科技", "Stark Industries", "Soylent Systems", "星辰"], width: 40)
        let lines = listed.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines, ["星辰科技           Soylent Systems", "Stark Industries   星辰"])
    }

    func testANameWiderThanTheLineHasALineOfItsOwn() {
        XCTAssertEqual(LineEditor.columns(["Vandelay Industries International", "Acme"], width: 20), "Vandelay Industries International\nAcme\n")
    }
}
