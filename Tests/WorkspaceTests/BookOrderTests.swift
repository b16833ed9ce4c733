import XCTest
@testable import Workspace

/// The book's order (`Account.byName`) is SQLite's NOCASE then the oldest first, whatever
/// shortcut the sort takes on the names' first bytes.
final class BookOrderTests: XCTestCase {
    func testByNameIsNocaseThenOldest() {
        let names = ["Acme", "acme corp", "ACME", "Acme Corp", "Account 00010", "Account 0001", "account 00009", "Globex", "globex",
                     "北京数据科技有限公司", "北京数据", "Äpfel", "apfel", "Zeta\u{0}", "Zeta", "Account 000000000000000001",
                     "Account 000000000000000001B", "account 000000000000000001a", "", "a", "A", "🙂 Smile", "Initech\t"]
        var generator = SystemRandomNumberGenerator()
        for round in 0..<20 {
            let accounts = names.enumerated().map { Account(id: Int64($0.offset + 1), name: $0.element) }.shuffled(using: &generator)
            let sorted = Account.byName(accounts, \.self)
            let expected = accounts.sorted { a, b in
                let order = a.name.nocaseOrder(b.name)
                return order == 0 ? a.id! < b.id! : order < 0
            }
            XCTAssertEqual(sorted.map(\.id), expected.map(\.id), "round \(round)")
        }
        let firsts = Account.byName(names.enumerated().map { Account(id: Int64($0.offset + 1), name: $0.element) }, \.self).prefix(4).map(\.name)
        XCTAssertEqual(firsts, ["", "a", "A", "Account 000000000000000001"])
    }
}
