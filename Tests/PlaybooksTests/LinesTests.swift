import Foundation
import XCTest
@testable import Playbooks

/// `Lines` makes a line only when it is read: a terminal's ten of the portfolio's 74,000
/// at-risk accounts make ten; JSON writes every one, as a plain list.
final class LinesTests: XCTestCase {
    func testLinesAreMadeWhenReadAndWrittenWhole() throws {
        final class Counter: @unchecked Sendable { var made = 0 }
        let counter = Counter()
        let lines = Lines(count: 74_000) { n in counter.made += 1; return "account \(n)" }
        XCTAssertEqual(lines.count, 74_000)
        XCTAssertEqual(Array(lines.prefix(10)).last, "account 9")
        XCTAssertEqual(counter.made, 10)
        XCTAssertEqual(lines[73_999], "account 73999")
        let small = Lines(["a", "b \"quoted\""])
        XCTAssertEqual(String(decoding: try JSONEncoder().encode(small), as: UTF8.self), #"["a","b \"quoted\""]"#)
        XCTAssertEqual(small, Lines(count: 2) { ["a", "b \"quoted\""][$0] })
        XCTAssertNotEqual(small, Lines(["a"]))
        XCTAssertEqual(String(decoding: try JSONEncoder().encode(Lines([])), as: UTF8.self), "[]")
    }
}
