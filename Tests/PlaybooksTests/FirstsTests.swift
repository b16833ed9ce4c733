import XCTest
@testable import Playbooks

/// `firsts(k, by:)` picks what `sorted(by:).prefix(k)` would: the portfolio's ten largest
/// accounts, ties in the book's order.
final class FirstsTests: XCTestCase {
    func testFirstsAreTheSortedPrefix() {
        var generator = SystemRandomNumberGenerator()
        for round in 0..<200 {
            let values = (0..<Int.random(in: 0...40, using: &generator)).map { (arr: Int.random(in: 0...6, using: &generator), at: $0) }
            let k = Int.random(in: 0...12, using: &generator)
            let expected = values.sorted { $0.arr > $1.arr }.prefix(k).map(\.at)
            XCTAssertEqual(values.firsts(k) { $0.arr > $1.arr }.map(\.at), Array(expected), "round \(round)")
        }
        XCTAssertEqual([5, 1, 9, 9, 3].firsts(3, by: >), [9, 9, 5])
        XCTAssertEqual([Int]().firsts(10, by: >), [])
    }
}
