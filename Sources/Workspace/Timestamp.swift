/// An event's time as analytics exports write it — `2026-11-20T13:45:12Z`,
/// `2026-11-20T21:45:12.123+08:00`, `2026-11-20 13:45:12.123000` (Amplitude: UTC) or a bare
/// `2026-11-20` — turned into the day it falls on at a given offset from UTC. Parsed from
/// bytes: ten million of them must not allocate a string each.
public enum Timestamp {
    /// The day, at `offsetMinutes` east of UTC; nil when the text is no such timestamp.
    public static func day(_ b: ArraySlice<UInt8>, offsetMinutes: Int) -> Day? {
        let s = b.startIndex
        // Seconds (10 digits) or milliseconds (13) since 1970, as Mixpanel exports `time`.
        if (b.count == 10 || b.count == 13) && b.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let n = digits(b, s, b.count) {
            let seconds = b.count == 13 ? n / 1000 : n
            let minutes = seconds / 60 + offsetMinutes
            return Day(ordinal: minutes >= 0 ? minutes / 1440 : -((-minutes + 1439) / 1440))
        }
        guard b.count >= 10, b[s + 4] == 0x2D, b[s + 7] == 0x2D,
              let y = digits(b, s, 4), let m = digits(b, s + 5, 2), let d = digits(b, s + 8, 2),
              let date = Day(year: y, month: m, day: d) else { return nil }
        if b.count == 10 { return date }
        // A time: T or a space, HH:MM[:SS[.fraction]], then Z, an offset, or nothing (UTC).
        guard b[s + 10] == 0x54 || b[s + 10] == 0x20 || b[s + 10] == 0x74, b.count >= 16,
              let hh = digits(b, s + 11, 2), let mm = digits(b, s + 14, 2), b[s + 13] == 0x3A, hh < 24, mm < 60 else { return nil }
        var i = s + 16
        if i < b.endIndex && b[i] == 0x3A {
            guard i + 3 <= b.endIndex, let ss = digits(b, i + 1, 2), ss <= 60 else { return nil }
            i += 3
            if i < b.endIndex && (b[i] == 0x2E || b[i] == 0x2C) {
                i += 1
                let start = i
                while i < b.endIndex && b[i] >= 0x30 && b[i] <= 0x39 { i += 1 }
                guard i > start else { return nil }
            }
        }
        var zone = 0
        if i < b.endIndex {
            if b[i] == 0x5A || b[i] == 0x7A { guard i + 1 == b.endIndex else { return nil } } else {
                guard let z = Timestamp.offsetMinutes(b[i...]) else { return nil }
                zone = z
            }
        }
        // Minutes since the day began, in UTC, then at the wanted offset.
        let minutes = hh * 60 + mm - zone + offsetMinutes
        return date.adding(days: minutes >= 0 ? minutes / 1440 : -((-minutes + 1439) / 1440))
    }

    /// `+08:00`, `+0800`, `+08` or `-05:30` as minutes east of UTC.
    static func offsetMinutes(_ b: ArraySlice<UInt8>) -> Int? {
        let s = b.startIndex
        guard b.count >= 3, b[s] == 0x2B || b[s] == 0x2D, let h = digits(b, s + 1, 2), h <= 14 else { return nil }
        var m = 0
        switch b.count {
        case 3: break
        case 5: guard let mm = digits(b, s + 3, 2) else { return nil }; m = mm
        case 6: guard b[s + 3] == 0x3A, let mm = digits(b, s + 4, 2) else { return nil }; m = mm
        default: return nil
        }
        guard m < 60 else { return nil }
        return (b[s] == 0x2D ? -1 : 1) * (h * 60 + m)
    }

    private static func digits(_ b: ArraySlice<UInt8>, _ at: Int, _ count: Int) -> Int? {
        guard at + count <= b.endIndex else { return nil }
        var n = 0
        for i in at..<(at + count) {
            let c = b[i]
            guard c >= 0x30 && c <= 0x39 else { return nil }
            n = n * 10 + Int(c - 0x30)
        }
        return n
    }
}
