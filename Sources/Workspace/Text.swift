import Foundation

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

    /// The form names are compared in: lower case, accents and punctuation gone, single
    /// spaces. "Acme Corp." / "ACME  corp" / "acme, corp" all compare equal, and so do
    /// "Café Olé" and "cafe ole".
    public var comparable: String {
        var out = ""
        var pendingSpace = false
        for ch in lowercased().withoutAccents {
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

extension String {
    /// Latin letters without their accents ("é" → "e"); other scripts unchanged. Plain
    /// ASCII, the common case, is returned as it is.
    var withoutAccents: String {
        if utf8.allSatisfy({ $0 < 0x80 }) { return self }
        var out = String.UnicodeScalarView()
        for scalar in decomposedStringWithCanonicalMapping.unicodeScalars where !(0x300...0x36F).contains(scalar.value) {
            out.append(scalar)
        }
        return String(out)
    }

    /// The text as a message quotes it: whole when short, else its first 60 characters,
    /// "…" and its length — a pasted page is not echoed back.
    public var excerpt: String {
        let limit = 60
        guard utf8.count > limit, count > limit else { return self }
        return String(prefix(limit)) + "… (\(count) characters)"
    }
}
