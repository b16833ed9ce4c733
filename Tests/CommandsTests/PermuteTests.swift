import XCTest
@testable import Commands

/// `permute(to:)` puts a book's alerts in their blocks by swapping: the result is what mapping
/// the order over the old array gives.
final class PermuteTests: XCTestCase {
    func testPermuteIsTheOrderMapped() {
        var generator = SystemRandomNumberGenerator()
        for round in 0..<200 {
            let items = (0..<Int.random(in: 0...30, using: &generator)).map { "item \($0)" }
            let order = Array(items.indices).shuffled(using: &generator)
            var permuted = items
            permuted.permute(to: order)
            XCTAssertEqual(permuted, order.map { items[$0] }, "round \(round)")
        }
    }
}
