import Workspace

/// A past day as a CSM says it when logging: `2026-11-20`, `today`, `yesterday`, `3 days ago`,
/// `last Tuesday` (or `on Tuesday`, the latest Tuesday not after today — a bare weekday is
/// too easily part of the details), `20 Nov`, `Nov 20`,
/// `20 November 2026`, and 今天, 昨天, 前天, 11月20日. A day without a year is the latest such
/// day not after today.
public enum SpokenDate {
    /// A word as the readers compare it: lower case, without the commas, stops and colons around it.
    static func plain(_ word: String) -> String {
        var s = Substring(word.lowercased())
        while let c = s.first, ",.:".contains(c) { s = s.dropFirst() }
        while let c = s.last, ",.:".contains(c) { s = s.dropLast() }
        return String(s)
    }

    /// The day the words name, relative to `today`; nil when they name none.
    public static func day(_ words: [String], today: Day, afterOn: Bool = true) -> Day? {
        var w = words.map(plain)
        // "at the start of the month", "the end of October": the words around the day say nothing more.
        while let first = w.first, ["at", "the", "by"].contains(first), w.count > 1 { w.removeFirst() }
        if let d = spoken(w, today: today) { return d }
        switch w.count {
        case 1:
            switch w[0] {
            case "today", "今天": return today
            case "yesterday", "昨天": return today.adding(days: -1)
            case "前天": return today.adding(days: -2)
            case "tomorrow", "明天": return today.adding(days: 1)
            default: break
            }
            if let d = Day(iso: w[0]) { return d }
            if let d = chinese(w[0], today: today) { return d }
            if afterOn, let weekday = weekday(w[0]) { return latest(weekday, onOrBefore: today) }
            return nil
        case 2:
            if w[0] == "last", let weekday = weekday(w[1]) { return latest(weekday, onOrBefore: today.adding(days: -1)) }
            if let day = Int(w[0]), let month = month(w[1]) { return monthDay(month, day, year: nil, today: today) }
            if let month = month(w[0]), let day = Int(w[1]) { return monthDay(month, day, year: nil, today: today) }
            return nil
        case 3:
            if w[2] == "ago", let n = w[0] == "a" || w[0] == "one" ? 1 : Int(w[0]), n >= 0, n <= 3660 {
                switch w[1] {
                case "day", "days": return today.adding(days: -n)
                case "week", "weeks": return today.adding(days: -7 * n)
                default: return nil
                }
            }
            if let day = Int(w[0]), let month = month(w[1]), let year = Int(w[2]) { return monthDay(month, day, year: year, today: today) }
            if let month = month(w[0]), let day = Int(w[1]), let year = Int(w[2]) { return monthDay(month, day, year: year, today: today) }
            return nil
        default:
            return nil
        }
    }

    /// Days said in whole phrases: last week, a month ago, the start of the month, the end of
    /// October, 上周, 一个月前, 月初, 10月底, 上周五, 3天前.
    static func spoken(_ w: [String], today: Day) -> Day? {
        let c = today.components
        let thisMonth = Day(year: c.year, month: c.month, day: 1)!
        switch w.joined(separator: " ") {
        case "last week", "a week ago", "上周", "上个星期", "一周前": return today.adding(days: -7)
        case "a month ago", "one month ago", "last month", "一个月前", "上个月": return today.adding(months: -1)
        case "start of the month", "beginning of the month", "start of month", "月初", "本月初": return thisMonth
        case "end of last month", "上个月底", "上月底": return thisMonth.adding(days: -1)
        default: break
        }
        if w.count == 3, w[2] == "ago", w[1] == "months" || w[1] == "month", let n = Int(w[0]) ?? (w[0] == "two" ? 2 : w[0] == "three" ? 3 : nil), n <= 120 {
            return today.adding(months: -n)
        }
        // "end of October", "start of October".
        if w.count == 3, w[1] == "of", let m = month(w[2]) {
            let first = Day(year: m <= c.month ? c.year : c.year - 1, month: m, day: 1)!
            if w[0] == "end" { return min(first.adding(months: 1).adding(days: -1), today) }
            if w[0] == "start" || w[0] == "beginning" { return first }
        }
        guard w.count == 1 else { return nil }
        let word = w[0]
        // 3天前, 两周前, 2个月前.
        if word.hasSuffix("前"), let n = countWord(String(word.dropLast())) {
            return today.adding(days: -n.days).adding(months: -n.months)
        }
        // 10月底, 10月初.
        if word.hasSuffix("月底") || word.hasSuffix("月初"), let m = Int(word.dropLast(2)), (1...12).contains(m) {
            let first = Day(year: m <= c.month ? c.year : c.year - 1, month: m, day: 1)!
            return word.hasSuffix("月底") ? min(first.adding(months: 1).adding(days: -1), today) : first
        }
        // 上周五: the Friday of last week; 周五, 星期五: the latest.
        if let (weeks, weekday) = chineseWeekday(word) {
            if weeks == -1 { return today.adding(days: -7 - (today.weekday - 1)).adding(days: weekday - 1) }
            if weeks == 0 { return latest(weekday, onOrBefore: today) }
        }
        return nil
    }

    /// "3天", "两周", "2个月": days and months.
    static func countWord(_ text: String) -> (days: Int, months: Int)? {
        let numbers: [String: Int] = ["一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10, "半": 0]
        for (unit, scale) in [("个月", -1), ("月", -1), ("周", 7), ("个星期", 7), ("星期", 7), ("天", 1), ("日", 1)] where text.hasSuffix(unit) {
            let digits = String(text.dropLast(unit.count))
            guard let n = Int(digits) ?? numbers[digits] else { return nil }
            return scale < 0 ? (0, n) : (n * scale, 0)
        }
        return nil
    }

    /// 周五 (this week, 0), 下周一 (next week, 1), 上周五 (last week, -1).
    static func chineseWeekday(_ word: String) -> (Int, Int)? {
        let days = ["一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "日": 7, "天": 7]
        var w = Substring(word)
        var weeks = 0
        if w.hasPrefix("下") { weeks = 1; w = w.dropFirst() } else if w.hasPrefix("上") { weeks = -1; w = w.dropFirst() }
        else if w.hasPrefix("这") || w.hasPrefix("本") { w = w.dropFirst() }
        for prefix in ["周", "星期", "礼拜"] where w.hasPrefix(prefix) {
            let rest = String(w.dropFirst(prefix.count))
            if let d = days[rest] { return (weeks, d) }
        }
        return nil
    }

    /// The day a stretch ends on, for "before …": the end of the year (or quarter, or month),
    /// a month by name (the day before it begins: "before March" is to the end of February),
    /// 年底, 季度末, 月底, 三月.
    public static func end(_ words: [String], today: Day) -> Day? {
        var w = words.map(plain)
        while let first = w.first, ["the", "by"].contains(first), w.count > 1 { w.removeFirst() }
        let c = today.components
        let quarterEnd = Day(year: c.year, month: ((c.month - 1) / 3) * 3 + 1, day: 1)!.adding(months: 3).adding(days: -1)
        switch w.joined(separator: " ") {
        case "end of the year", "end of year", "year end", "year-end", "this year", "年底", "年末", "今年年底":
            return Day(year: c.year, month: 12, day: 31)
        case "end of the quarter", "end of quarter", "quarter end", "this quarter", "季度末", "本季度", "这个季度":
            return quarterEnd
        case "end of the month", "end of month", "month end", "this month", "月底", "本月":
            return Day(year: c.year, month: c.month, day: 1)!.adding(months: 1).adding(days: -1)
        default: break
        }
        guard w.count == 1 else { return nil }
        let chinese = ["一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10, "十一": 11, "十二": 12]
        let word = w[0]
        let m = month(word) ?? (word.hasSuffix("月") ? Int(word.dropLast()) ?? chinese[String(word.dropLast())] : nil)
        guard let m, (1...12).contains(m) else { return nil }
        let first = Day(year: c.year, month: m, day: 1)!
        return (first > today ? first : Day(year: c.year + 1, month: m, day: 1)!).adding(days: -1)
    }

    /// A day ahead as a CSM sets a due date: `2026-12-01`, `today`, `tomorrow`, `in 3 days`,
    /// `in 2 weeks`, `friday` or `next friday` (the first after today), `20 Dec` (the first
    /// such day from today), 明天.
    public static func ahead(_ words: [String], today: Day) -> Day? {
        let w = words.map(plain)
        if w.count == 1 {
            switch w[0] {
            case "today", "今天": return today
            case "tomorrow", "明天": return today.adding(days: 1)
            case "后天": return today.adding(days: 2)
            default: break
            }
            // 周五 (the next), 下周一 (next week's), 12月1号.
            if let (weeks, weekday) = chineseWeekday(w[0]), weeks >= 0 {
                if weeks == 0 { return next(weekday, after: today.adding(days: -1)) }
                return today.adding(days: 7 - (today.weekday - 1)).adding(days: weekday - 1)
            }
            if let d = chinese(w[0], today: today) {
                return d >= today ? d : Day(year: d.year + 1, month: d.components.month, day: d.components.day)
            }
            if let d = Day(iso: w[0]) { return d }
            if let weekday = weekday(w[0]) { return next(weekday, after: today) }
        }
        if w.count == 2, w[0] == "next", let weekday = weekday(w[1]) { return next(weekday, after: today) }
        if w.count == 3, w[0] == "in", let n = w[1] == "a" || w[1] == "one" ? 1 : Int(w[1]), n >= 0, n <= 3660 {
            switch w[2] {
            case "day", "days": return today.adding(days: n)
            case "week", "weeks": return today.adding(days: 7 * n)
            default: return nil
            }
        }
        if w.count == 2 {
            let md = Int(w[0]).flatMap { d in month(w[1]).map { ($0, d) } } ?? month(w[0]).flatMap { m in Int(w[1]).map { (m, $0) } }
            if let (m, d) = md, let this = Day(year: today.year, month: m, day: d) ?? Day(year: today.year + 1, month: m, day: d) {
                return this >= today ? this : Day(year: today.year + 1, month: m, day: d)
            }
        }
        if let d = day(w, today: today), w.count == 3 { return d }
        return nil
    }

    /// What to say of words shaped as a day that is none — "31 Nov", "Nov 31 2026", "30 February",
    /// "11月31日", "2026-11-31", "2026-13-01" — so that they are refused, never kept as words with
    /// today's date. nil for any other words, days or not.
    public static func impossible(_ words: [String], today: Day) -> String? {
        let typed = words.joined(separator: " ")
        let w = words.map(plain)
        var parts: (day: Int, month: Int, year: Int?)?
        switch w.count {
        case 1:
            let word = w[0]
            let iso = word.split(separator: "-", omittingEmptySubsequences: false)
            if iso.count == 3, iso[0].count == 4, (1...2).contains(iso[1].count), (1...2).contains(iso[2].count),
               iso.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) {
                guard Day(iso: word) == nil else { return nil }
                let (year, month, day) = (Int(iso[0])!, Int(iso[1])!, Int(iso[2])!)
                guard (1...12).contains(month), (1...31).contains(day) else {
                    return notADate(typed)
                }
                parts = (day, month, year)
            } else if word.hasSuffix("日") || word.hasSuffix("号"), word.contains("月") {
                let numbers = word.split(whereSeparator: { "年月日号".contains($0) }).map { Int($0) }
                guard numbers.allSatisfy({ $0 != nil }) else { return nil }
                if numbers.count == 2 { parts = (numbers[1]!, numbers[0]!, nil) }
                if numbers.count == 3, word.contains("年") { parts = (numbers[2]!, numbers[1]!, numbers[0]!) }
            }
        case 2, 3:
            let year = w.count == 3 ? Int(w[2]).flatMap { w[2].count == 4 ? $0 : nil } : nil
            guard w.count == 2 || year != nil else { return nil }
            if let d = Int(w[0]), w[0].allSatisfy(\.isASCIIDigit), let m = month(w[1]) { parts = (d, m, year) }
            if let m = month(w[0]), let d = Int(w[1]), w[1].allSatisfy(\.isASCIIDigit) { parts = (d, m, year) }
        default:
            break
        }
        guard let (d, m, year) = parts, (1...12).contains(m), (1...31).contains(d) else { return nil }
        // A day without a year is this year's or last year's (`monthDay`): either will do.
        let years = year.map { [$0] } ?? [today.year, today.year - 1]
        guard years.allSatisfy({ Day(year: $0, month: m, day: d) == nil }) else { return nil }
        guard Day(year: years[0], month: m, day: 1) != nil else { return notADate(typed) }
        let name = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"][m - 1]
        let y = years[0]
        return "'\(typed)' is not a date — " + (m == 2 ? "February \(y) has \(Day.daysIn(month: 2, year: y)) days" : "\(name) has \(Day.daysIn(month: m, year: y)) days")
    }

    /// What to say of words that are no date.
    public static func notADate(_ typed: String) -> String {
        "'\(typed)' is not a date — write YYYY-MM-DD, 'yesterday', 'last Tuesday' or '20 Nov'"
    }

    /// The first run of one to three of the words that `impossible` refuses, and what to say of it.
    public static func firstImpossible(in words: [String], today: Day) -> String? {
        for start in words.indices {
            for n in stride(from: min(3, words.count - start), through: 1, by: -1) {
                if let problem = impossible(Array(words[start..<(start + n)]), today: today) { return problem }
            }
        }
        return nil
    }

    /// The first day with this ISO weekday after `day`.
    static func next(_ weekday: Int, after day: Day) -> Day {
        let ahead = (weekday - day.weekday + 7) % 7
        return day.adding(days: ahead == 0 ? 7 : ahead)
    }

    static func weekday(_ word: String) -> Int? {
        let names = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
        if let i = names.firstIndex(of: word) { return i + 1 }
        if word.count >= 3, let i = names.firstIndex(where: { $0.hasPrefix(word) }) { return i + 1 }
        return nil
    }

    static func month(_ word: String) -> Int? {
        let names = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
        if let i = names.firstIndex(of: word) { return i + 1 }
        if word.count >= 3, let i = names.firstIndex(where: { $0.hasPrefix(word.replacingOccurrences(of: "sept", with: "sep")) }) { return i + 1 }
        return nil
    }

    /// The latest day with this ISO weekday on or before `day`.
    static func latest(_ weekday: Int, onOrBefore day: Day) -> Day {
        day.adding(days: -((day.weekday - weekday + 7) % 7))
    }

    static func monthDay(_ month: Int, _ day: Int, year: Int?, today: Day) -> Day? {
        if let year { return Day(year: year, month: month, day: day) }
        guard let thisYear = Day(year: today.year, month: month, day: day) ?? Day(year: today.year - 1, month: month, day: day) else { return nil }
        return thisYear <= today ? thisYear : Day(year: today.year - 1, month: month, day: day)
    }

    /// 11月20日, 2026年11月20日.
    static func chinese(_ word: String, today: Day) -> Day? {
        let digits = word.split(whereSeparator: { "年月日号".contains($0) }).map(String.init)
        guard word.hasSuffix("日") || word.hasSuffix("号"), word.contains("月") else { return nil }
        let numbers = digits.compactMap { Int($0) }
        guard numbers.count == digits.count else { return nil }
        switch numbers.count {
        case 2: return monthDay(numbers[0], numbers[1], year: nil, today: today)
        case 3: return monthDay(numbers[1], numbers[2], year: numbers[0], today: today)
        default: return nil
        }
    }
}
