import Workspace

/// A stretch of days as a CSM names it for a retention report: `for 2025`, `for Q3 2026`,
/// `for October`, `last quarter`, `this year`, `last 12 months`, `from 2026-10-01 to
/// 2026-10-31`, and 上季度, 去年, 今年, 上个月, 2025年, 10月. The last day is included; a
/// period still running ends today.
public enum SpokenPeriod {
    public struct Problem: Error, Sendable {
        public var message: String
    }

    /// The period the words name, relative to `today`.
    public static func read(_ typed: [String], today: Day) throws -> Period {
        var words = typed.map { $0.lowercased() }
        if words.first == "for" || words.first == "in" || words.first == "over" { words.removeFirst() }
        let text = words.joined(separator: " ")
        let c = today.components
        let quarterNow = (c.month - 1) / 3 + 1
        let thisMonth = Day(year: c.year, month: c.month, day: 1)!
        var (from, to): (Day, Day)
        switch text {
        case "last quarter", "previous quarter", "上季度", "上个季度", "上一季度":
            let (y, q) = quarterNow == 1 ? (c.year - 1, 4) : (c.year, quarterNow - 1)
            (from, to) = quarter(y, q)
        case "this quarter", "本季度", "这个季度", "这季度":
            (from, to) = quarter(c.year, quarterNow)
        case "last year", "previous year", "去年", "上一年":
            (from, to) = year(c.year - 1)
        case "this year", "ytd", "year to date", "今年", "本年":
            (from, to) = year(c.year)
        case "last 12 months", "last twelve months", "past 12 months", "past year", "the last 12 months", "过去12个月", "近12个月", "最近12个月":
            (from, to) = (today.adding(months: -12), today)
        case "last month", "previous month", "上个月", "上月":
            (from, to) = month(thisMonth.adding(months: -1))
        case "this month", "本月", "这个月":
            (from, to) = month(thisMonth)
        default:
            (from, to) = try named(words, today: today)
        }
        let asked = Period(from: from, to: to, today: today)
        if to > today { to = today }
        guard from < to else { throw Problem(message: "\(asked.label) has not started yet (today is \(today))") }
        return Period(from: from, to: to, today: today)
    }

    /// A year, a quarter, a month or two dates.
    static func named(_ words: [String], today: Day) throws -> (Day, Day) {
        func isYear(_ w: String) -> Int? {
            let digits = w.hasSuffix("年") ? String(w.dropLast()) : w
            guard digits.count == 4, digits.allSatisfy(\.isASCIIDigit), let y = Int(digits), y >= 1000 else { return nil }
            return y
        }
        switch words.count {
        case 1:
            if let y = isYear(words[0]) { return year(y) }
            if let q = quarterNumber(words[0]) { return quarter(latestYear((q - 1) * 3 + 1, today: today), q) }
            if let m = monthNumber(words[0]) { return month(Day(year: latestYear(m, today: today), month: m, day: 1)!) }
            if let (y, m) = chineseMonth(words[0]) { return month(Day(year: y ?? latestYear(m, today: today), month: m, day: 1)!) }
            let digits = words[0].drop { $0 == "-" }
            if !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit) {
                throw Problem(message: "'\(words[0].excerpt)' is not a year — write four digits, as in 'for 2025' or 'for Q3 2026'")
            }
        case 2:
            if let q = quarterNumber(words[0]), let y = isYear(words[1]) { return quarter(y, q) }
            if let m = monthNumber(words[0]), let y = isYear(words[1]) { return month(Day(year: y, month: m, day: 1)!) }
        case 4 where words[0] == "from" && (words[2] == "to" || words[2] == "through"):
            guard let a = Day(iso: words[1]), let b = Day(iso: words[3]) else {
                throw Problem(message: "'\(words[1])' or '\(words[3])' is not a date — write from YYYY-MM-DD to YYYY-MM-DD")
            }
            guard a < b else { throw Problem(message: "the period must start before it ends: \(a) is not before \(b)") }
            return (a, b)
        default:
            break
        }
        throw Problem(message: "'\(words.joined(separator: " ").excerpt)' is not a period — use from DATE to DATE, for 2025, for Q3 2026, for October, last quarter, last year or this year")
    }

    static func year(_ y: Int) -> (Day, Day) { (Day(year: y, month: 1, day: 1)!, Day(year: y, month: 12, day: 31)!) }

    static func quarter(_ y: Int, _ q: Int) -> (Day, Day) {
        let start = Day(year: y, month: (q - 1) * 3 + 1, day: 1)!
        return (start, start.adding(months: 3).adding(days: -1))
    }

    static func month(_ first: Day) -> (Day, Day) { (first, first.adding(months: 1).adding(days: -1)) }

    /// The year of the latest month `m` that has begun.
    static func latestYear(_ m: Int, today: Day) -> Int {
        let c = today.components
        return m <= c.month ? c.year : c.year - 1
    }

    static func quarterNumber(_ w: String) -> Int? {
        guard w.count == 2, w.hasPrefix("q"), let q = Int(w.dropFirst()), (1...4).contains(q) else { return nil }
        return q
    }

    static let monthNames = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]

    static func monthNumber(_ w: String) -> Int? {
        if let i = monthNames.firstIndex(of: w) { return i + 1 }
        if w.count >= 3, let i = monthNames.firstIndex(where: { $0.hasPrefix(w.replacingOccurrences(of: "sept", with: "sep")) }) { return i + 1 }
        return nil
    }

    /// 10月, 2026年10月.
    static func chineseMonth(_ w: String) -> (Int?, Int)? {
        guard w.hasSuffix("月") else { return nil }
        let parts = w.dropLast().split(separator: "年").map(String.init)
        switch parts.count {
        case 1: return Int(parts[0]).flatMap { (1...12).contains($0) ? (nil, $0) : nil }
        case 2: guard let y = Int(parts[0]), let m = Int(parts[1]), (1...12).contains(m) else { return nil }
            return (y, m)
        default: return nil
        }
    }
}

extension Period {
    /// A period from its days: named as a year, a quarter, a month (each "to date" while it
    /// runs), the last 12 months, or by its two dates — the same days always read the same.
    public init(from: Day, to: Day, today: Day) {
        let f = from.components
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        var label = "\(from) to \(to)", words = "from \(from) to \(to)"
        if to == today && from == today.adding(months: -12) {
            (label, words) = ("the last 12 months", "last 12 months")
        } else if f.day == 1 {
            let q = (f.month - 1) / 3 + 1
            let month = "\(months[f.month - 1]) \(f.year)"
            let named: [(end: Day, label: String, words: String, running: String)] = [
                (SpokenPeriod.year(f.year).1, "\(f.year)", "for \(f.year)", "this year"),
                (SpokenPeriod.quarter(f.year, q).1, "Q\(q) \(f.year)", "for Q\(q) \(f.year)", "this quarter"),
                (SpokenPeriod.month(from).1, month, "for \(month)", "this month"),
            ]
            for n in named where n.label != "\(f.year)" || f.month == 1 {
                if n.label.hasPrefix("Q"), (f.month - 1) % 3 != 0 { continue }
                if to == n.end { (label, words) = (n.label, n.words); break }
                if to == today && today < n.end && from <= today { (label, words) = ("\(n.label) to date", n.running); break }
            }
        }
        self.init(from: from, to: to, label: label, words: words)
    }
}
