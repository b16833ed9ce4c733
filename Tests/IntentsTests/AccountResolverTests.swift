import Workspace
import XCTest
@testable import Intents

final class AccountResolverTests: XCTestCase {
    let resolver = AccountResolver([
        .init(name: "Acme Corp", aliases: ["Acme", "ACME Inc"]),
        .init(name: "Acme Labs", aliases: []),
        .init(name: "Globex", aliases: []),
        .init(name: "星辰科技", aliases: ["Xingchen Tech"]),
    ])

    func testExactAliasPrefixThenSuggestions() {
        XCTAssertEqual(resolver.resolve("acme corp."), .found(0))
        XCTAssertEqual(resolver.resolve("ACME"), .found(0), "an alias beats the prefix it shares with Acme Labs")
        XCTAssertEqual(resolver.resolve("glo"), .found(2))
        XCTAssertEqual(resolver.resolve("星辰"), .found(3))
        XCTAssertEqual(resolver.resolve("xingchen"), .found(3))
        XCTAssertEqual(resolver.resolve("acme l"), .found(1))
        XCTAssertEqual(resolver.resolve("ac"), .ambiguous([0, 1]))
        XCTAssertEqual(resolver.resolve("Acmee"), .notFound(suggestions: [0]))
        XCTAssertEqual(resolver.resolve("Glbex"), .notFound(suggestions: [2]))
        XCTAssertEqual(resolver.resolve("Umbrella"), .notFound(suggestions: []))
        XCTAssertEqual(resolver.resolve("Acme Lbs"), .notFound(suggestions: [1]))
        XCTAssertEqual(AccountResolver([.init(name: "Nimbus Analytics", aliases: [])]).resolve("Nimbs"), .notFound(suggestions: [0]),
                       "a typo in the first word of a longer name")
    }

    func testEditDistance() {
        XCTAssertEqual(editDistance("score", "scroe"), 1)
        XCTAssertEqual(editDistance("acmee", "acme"), 1)
        XCTAssertEqual(editDistance("", "abc"), 3)
    }

    func testAccentsNeedNotBeTyped() {
        let resolver = AccountResolver([.init(name: "Café Olé", aliases: []), .init(name: "Pied Piper", aliases: ["PP"])])
        XCTAssertEqual(resolver.resolve("Cafe Ole"), .found(0))
        XCTAssertEqual(resolver.resolve("cafe"), .found(0))
        XCTAssertEqual(resolver.exact("CAFE OLE"), 0)
        XCTAssertNil(resolver.exact("Cafe"), "a start is no exact name")
        XCTAssertEqual(resolver.exact("pp"), 1)
        XCTAssertEqual(resolver.longestName, 2)
    }

    func testALongQueryIsNotComparedLetterByLetter() {
        let resolver = AccountResolver([.init(name: "Acme Corp", aliases: [])])
        XCTAssertEqual(resolver.resolve(String(repeating: "acme ", count: 20_000)), .notFound(suggestions: []))
        XCTAssertEqual(editDistance(String(repeating: "x", count: 100_000), "acme", limit: 3), 4)
    }
}
