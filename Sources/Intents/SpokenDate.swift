import Workspace

/// A past day as a CSM says it when logging: `2026-11-20`, `today`, `yesterday`, `3 days ago`,
/// `last Tuesday` (or `on Tuesday`, the latest Tuesday not after today — a bare weekday is
/// too easily part of the details), `20 Nov`, `Nov 20`,
/// `20 November 2026`, and 今天, 昨天, 前天, 11月20日. A day without a year is the latest such
/// day not after today.
public enum SpokenDate {
    /// The day the words name, relative to `today`; nil when they name none.
    public static func day(_ words: [String], today: Day, afterOn: Bool = true) -> Day? {
        let w = words.map { $0.lowercased().trimmingCharacters(in: [",", ".", ":"]) }
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

    /// The longest run of words at the end of `words` (up to 3, "on" before it allowed) that
    /// names a day: the day, and how many words it took.
    public static func trailing(_ words: [String], today: Day) -> (day: Day, count: Int)? {
        for length in stride(from: min(3, words.count), through: 1, by: -1) {
            let on = words.count > length && words[words.count - length - 1].lowercased() == "on"
            guard let d = day(Array(words.suffix(length)), today: today, afterOn: on) else { continue }
            return (d, length + (on ? 1 : 0))
        }
        return nil
    }

    /// The same at the start of `words` ("yesterday with Maria …", "on 20 Nov …").
    public static func leading(_ words: [String], today: Day) -> (day: Day, count: Int)? {
        let on = words.first?.lowercased() == "on" ? 1 : 0
        let rest = Array(words.dropFirst(on))
        for length in stride(from: min(3, rest.count), through: 1, by: -1) {
            if let d = day(Array(rest.prefix(length)), today: today, afterOn: on == 1) { return (d, length + on) }
        }
        return nil
    }

    /// A day ahead as a CSM sets a due date: `2026-12-01`, `today`, `tomorrow`, `in 3 days`,
    /// `in 2 weeks`, `friday` or `next friday` (the first after today), `20 Dec` (the first
    /// such day from today), 明天.
    public static func ahead(_ words: [String], today: Day) -> Day? {
        let w = words.map { $0.lowercased().trimmingCharacters(in: [",", ".", ":"]) }
        if w.count == 1 {
            switch w[0] {
            case "today", "今天": return today
            case "tomorrow", "明天": return today.adding(days: 1)
            default: break
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
