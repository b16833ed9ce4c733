/// Number formats shared by every score display: no locale, the same on every machine.
public enum Format {
    /// 8, 8.5, 99.95 — up to two decimals, trailing zeros dropped.
    public static func number(_ v: Double) -> String {
        let r = (v * 100).rounded() / 100
        if r == r.rounded() { return String(Int64(r)) }
        var s = String(r)
        if let dot = s.firstIndex(of: "."), s.distance(from: dot, to: s.endIndex) > 3 {
            s = String(s[..<s.index(dot, offsetBy: 3)])
        }
        return s
    }

    /// 130000 → 130,000.
    public static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return (n < 0 ? "-" : "") + out
    }

    /// "1 event", "2 events".
    public static func count(_ v: Double, _ noun: String) -> String {
        "\(number(v)) \(noun)\(v == 1 ? "" : "s")"
    }

    /// One decimal, always: 76.1, 5.0.
    public static func oneDecimal(_ v: Double) -> String {
        let r = (v * 10).rounded() / 10
        let whole = Int64(r.magnitude)
        let tenth = Int64(((r.magnitude - Double(whole)) * 10).rounded())
        return (r < 0 ? "-" : "") + String(whole) + "." + String(tenth)
    }

    /// 50%, 66.7%.
    public static func percent(_ v: Double) -> String {
        let r = (v * 10).rounded() / 10
        return (r == r.rounded() ? String(Int64(r)) : oneDecimal(r)) + "%"
    }

    public static func signedPercent(_ v: Double) -> String {
        (v > 0 ? "+" : v < 0 ? "-" : "±") + percent(v.magnitude)
    }
}
