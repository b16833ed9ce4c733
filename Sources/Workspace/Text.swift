extension String {
    /// Trimmed of spaces, tabs and line breaks at both ends.
    public var trimmingSpaces: String {
        guard let first = utf8.first, let last = utf8.last else { return self }
        func plain(_ b: UInt8) -> Bool { b > 0x20 && b < 0x7F }
        if plain(first) && plain(last) { return self }
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }

    /// The form names are compared in: lower case, punctuation gone, single spaces.
    /// "Acme Corp." / "ACME  corp" / "acme, corp" all compare equal.
    public var comparable: String {
        var out = ""
        var pendingSpace = false
        for ch in lowercased() {
            let keep: Bool
            if let a = ch.asciiValue {
                keep = (a >= 97 && a <= 122) || (a >= 48 && a <= 57) || a == 38 || a == 43
            } else {
                keep = ch.isLetter || ch.isNumber
            }
            if keep {
                if pendingSpace && !out.isEmpty { out.append(" ") }
                pendingSpace = false
                out.append(ch)
            } else if ch == "'" || ch == "’" {
                continue
            } else {
                pendingSpace = true
            }
        }
        return out
    }
}
