/// An amount in US dollars held as whole cents, so that sums of ARR and MRR are exact.
public struct Money: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var cents: Int64

    public init(cents: Int64) { self.cents = cents }
    public init(dollars: Int64) { self.cents = dollars * 100 }

    /// Accepts `12000`, `12,000`, `$12,000.50`, `12000.5`; at most two decimals. A comma
    /// separates thousands only: "1,5" and "12,50" are no amount (`checked` says why).
    public init?(parsing text: String) {
        // Fast path: plain whole dollars, as billing exports write them (a million rows).
        if !text.isEmpty, text.utf8.count <= 15, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let whole = Int64(text) {
            cents = whole * 100
            return
        }
        var t = text.trimmingSpaces
        // CRM exports write the currency: "USD 12,000.00", "12000 USD", "US$12,000".
        for code in ["USD", "US$", "usd"] {
            if t.hasPrefix(code) { t = String(t.dropFirst(code.count)).trimmingSpaces }
            if t.hasSuffix(code) { t = String(t.dropLast(code.count)).trimmingSpaces }
        }
        if t.hasPrefix("$") { t.removeFirst() }
        guard let digits = Money.ungrouped(t) else { return nil }
        t = digits
        guard !t.isEmpty else { return nil }
        var negative = false
        if t.hasPrefix("-") { negative = true; t.removeFirst() }
        let parts = t.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = Int64(parts[0]), !parts[0].isEmpty, parts[0].allSatisfy(\.isASCIIDigit) else { return nil }
        var fraction: Int64 = 0
        if parts.count == 2 {
            let f = parts[1]
            guard (1...2).contains(f.count), f.allSatisfy(\.isASCIIDigit) else { return nil }
            fraction = Int64(f)! * (f.count == 1 ? 10 : 1)
        }
        let (product, overflow) = whole.multipliedReportingOverflow(by: 100)
        let (sum, overflowAgain) = product.addingReportingOverflow(fraction)
        guard !overflow, !overflowAgain else { return nil }
        cents = negative ? -sum : sum
    }

    /// A number without its thousands separators: commas only between groups of exactly three
    /// digits, after a first group of one to three ("1,250", "12,500,000.50", "-1,000"); nil
    /// when a comma stands anywhere else ("1,5", "12,50", "1,2345", ",500"). Text without a
    /// comma is returned as it is.
    public static func ungrouped(_ text: String) -> String? {
        guard text.contains(",") else { return text }
        var whole = Substring(text)
        if whole.hasPrefix("-") { whole = whole.dropFirst() }
        if let point = whole.firstIndex(of: ".") {
            guard !whole[point...].contains(",") else { return nil }
            whole = whole[..<point]
        }
        let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
        guard (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }),
              groups.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }) else { return nil }
        return text.replacingOccurrences(of: ",", with: "")
    }

    /// What to say of an amount whose commas are not thousands separators ("1,5", "12,50").
    public static func misplacedComma(_ text: String) -> String {
        "'\(text)' is not an amount: a comma separates thousands, in groups of three digits (1,250 or 12,500,000); "
            + "write cents after a point (12.50)"
    }

    /// No single ARR or MRR is larger: sums over a whole book stay exact (a million rows
    /// of it fit in whole cents), and a value this big is a broken column.
    public static let largest = Money(dollars: 1_000_000_000)

    /// An amount as a file or a CSM gives it, checked: a number, ≥ 0, at most `largest`.
    public static func checked(_ text: String) throws -> Money {
        let t = text.trimmingSpaces
        guard let money = Money(parsing: t) else {
            // Only its commas are wrong: say so, rather than read "1,5" as 15.
            if t.contains(","), Money(parsing: t.replacingOccurrences(of: ",", with: "")) != nil { throw FieldProblem(misplacedComma(t)) }
            let digits = t.filter(\.isASCIIDigit).count
            if digits > 15 && t.allSatisfy({ $0.isASCIIDigit || ",.$- ".contains($0) }) {
                throw FieldProblem("'\(t)' is more than \(largest): check the column")
            }
            throw FieldProblem("'\(t)' is not an amount: write dollars, e.g. 12000 or $12,000.50")
        }
        guard money.cents >= 0 else { throw FieldProblem("'\(t)' is below zero: an amount is $0 or more") }
        guard money <= largest else { throw FieldProblem("'\(t)' is more than \(largest): check the column") }
        return money
    }

    public var dollars: Double { Double(cents) / 100 }

    /// `$12,000` or `$12,000.50`.
    public var description: String {
        let sign = cents < 0 ? "-" : ""
        let absolute = cents.magnitude
        let whole = String(absolute / 100)
        var grouped = ""
        for (i, ch) in whole.enumerated() {
            if i > 0 && (whole.count - i) % 3 == 0 { grouped.append(",") }
            grouped.append(ch)
        }
        let rest = absolute % 100
        return sign + "$" + grouped + (rest == 0 ? "" : "." + (rest < 10 ? "0" : "") + String(rest))
    }

    /// Plain number for files: `12000` or `12000.5`.
    public var plain: String {
        let sign = cents < 0 ? "-" : ""
        let absolute = cents.magnitude
        let rest = absolute % 100
        if rest == 0 { return sign + String(absolute / 100) }
        return sign + String(absolute / 100) + "." + (rest < 10 ? "0" : "") + (rest % 10 == 0 ? String(rest / 10) : String(rest))
    }

    public static func < (a: Money, b: Money) -> Bool { a.cents < b.cents }
    public static func + (a: Money, b: Money) -> Money { Money(cents: a.cents + b.cents) }
    public static let zero = Money(cents: 0)
}

extension Character {
    public var isASCIIDigit: Bool { isASCII && isNumber }
}
