/// What may end any line: `--json`, and on commands that only read, `as of DATE`
/// (`截至 DATE`). They are optional trailing slots of every phrase, found from the end of
/// the line, so the text before them — a note, a log's details, a goal — takes any words,
/// and a note that says "as of January" keeps them.
public struct TrailingOptions: Equatable, Sendable {
    public var json = false
    /// The date as typed after `as of`; the shell reads it (and says when it is no date).
    public var asOf: String?

    public init(json: Bool = false, asOf: String? = nil) {
        self.json = json
        self.asOf = asOf
    }

    /// Where the command's own text ends, with the options after it. `asOf` false: the
    /// command changes the workspace, and `as of …` is part of its text.
    static func split(_ line: PreparedLine, asOf allowed: Bool) -> (end: Int, options: TrailingOptions) {
        var options = TrailingOptions()
        var end = stripJSON(line, line.count, &options)
        if allowed, let (start, dateStart) = lastAsOf(line, before: end) {
            var dateEnd = end
            while dateEnd > dateStart, line.isSpace[dateEnd - 1] { dateEnd -= 1 }
            if dateEnd > dateStart {
                options.asOf = line.text(dateStart..<dateEnd)
                end = stripJSON(line, start, &options)
            }
        }
        return (end, options)
    }

    /// `--json` words at the end of `line[..<end]`, taken off.
    private static func stripJSON(_ line: PreparedLine, _ end: Int, _ options: inout TrailingOptions) -> Int {
        let flag = Array("--json".unicodeScalars)
        var end = end
        while true {
            var e = end
            while e > 0, line.isSpace[e - 1] { e -= 1 }
            let start = e - flag.count
            guard start >= 0, Array(line.folded[start..<e]) == flag, start == 0 || line.isSpace[start - 1] else { return end }
            options.json = true
            end = start
        }
    }

    /// The last `as of` (a word of its own, after a space) or `截至` before `end`: where it
    /// starts and where the date after it starts.
    private static func lastAsOf(_ line: PreparedLine, before end: Int) -> (Int, Int)? {
        let asWord = Array("as".unicodeScalars), ofWord = Array("of".unicodeScalars), chinese = Array("截至".unicodeScalars)
        var i = end - 1
        while i > 0 {
            if i + 2 <= end, Array(line.folded[i..<(i + 2)]) == chinese {
                var date = i + 2
                while date < end, line.isSpace[date] { date += 1 }
                return (i, date)
            }
            // "as" after a space, then spaces, then "of" ending a word.
            if i + 2 <= end, line.isSpace[i - 1], Array(line.folded[i..<(i + 2)]) == asWord {
                var j = i + 2
                guard j < end, line.isSpace[j] else { i -= 1; continue }
                while j < end, line.isSpace[j] { j += 1 }
                if j + 2 <= end, Array(line.folded[j..<(j + 2)]) == ofWord, j + 2 == end || !PreparedLine.isWordScalar(line.scalars[j + 2]) {
                    var date = j + 2
                    while date < end, line.isSpace[date] { date += 1 }
                    return (i, date)
                }
            }
            i -= 1
        }
        return nil
    }
}
