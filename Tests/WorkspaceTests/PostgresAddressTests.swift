import XCTest
@testable import Workspace

/// An address is refused with its password never shown, wherever it was put.
final class PostgresAddressTests: XCTestCase {
    func testAPasswordIsNeverShown() {
        for (typed, shown) in [("postgres://cse:hunter2@host:5432/db", "postgres://cse:…@host:5432/db"),
                               ("postgres://cse%3Ahunter2@host:5432/db", "postgres://cse:…@host:5432/db"),
                               ("postgres://cse@host:5432/db?password=hunter2", "postgres://cse@host:5432/db?password=…"),
                               ("postgres://cse@host/db?sslmode=require&token=abc", "postgres://cse@host/db?sslmode=require&token=…")] {
            XCTAssertThrowsError(try PostgresAddress(parsing: typed, defaultUser: "me")) { error in
                let said = "\(error)"
                XCTAssertFalse(said.contains("hunter2") || said.contains("abc"), said)
                XCTAssertTrue(said.contains("'\(shown)'"), said)
            }
        }
        XCTAssertEqual(try PostgresAddress(parsing: "postgres://cse@host:5433/db?sslmode=require", defaultUser: "me").description,
                       "postgres://cse@host:5433/db?sslmode=require")
    }
}
