import Foundation
import Workspace

/// A draft as a file a mail client opens: `.eml` (RFC 5322 with MIME: UTF-8 body in 7bit
/// or quoted-printable, non-ASCII header words per RFC 2047) or `.md`. Header values have
/// line breaks and control characters removed, so nothing from data can add a header.
public enum DraftFile {
    public enum Format: String, Sendable {
        case eml, md

        public init?(path: String) {
            switch (path as NSString).pathExtension.lowercased() {
            case "eml": self = .eml
            case "md", "markdown": self = .md
            default: return nil
            }
        }
    }

    public static func render(_ draft: Draft, as format: Format) -> String {
        switch format {
        case .eml: return eml(draft)
        case .md: return markdown(draft)
        }
    }

    /// `acme-corp-qbr-recap-2026-11-24.eml`: letters and digits of any script are kept.
    public static func defaultName(_ draft: Draft, format: Format = .eml) -> String {
        let slug = draft.account.lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
            .split(separator: "-").joined(separator: "-")
        return "\(slug.isEmpty ? "account" : slug)-\(draft.kind.rawValue)-\(draft.date).\(format.rawValue)"
    }

    // MARK: .eml

    static func eml(_ draft: Draft) -> String {
        var headers: [String] = []
        if !draft.to.isEmpty { headers.append(fold("To: " + draft.to.map(address).joined(separator: ", "))) }
        if !draft.cc.isEmpty { headers.append(fold("Cc: " + draft.cc.map(address).joined(separator: ", "))) }
        headers.append(fold("Subject: " + encodedWords(clean(draft.subject))))
        headers.append("Date: " + rfc5322Date(draft.date))
        headers.append("MIME-Version: 1.0")
        headers.append("Content-Type: text/plain; charset=utf-8")
        // Tells mail clients to open it as an unsent draft.
        headers.append("X-Unsent: 1")
        let body = draft.body.replacingOccurrences(of: "\r\n", with: "\n")
        let ascii = body.unicodeScalars.allSatisfy { $0.value < 128 } && !body.split(separator: "\n", omittingEmptySubsequences: false).contains { $0.utf8.count > 998 }
        headers.append("Content-Transfer-Encoding: " + (ascii ? "7bit" : "quoted-printable"))
        let encoded = ascii ? body.replacingOccurrences(of: "\n", with: "\r\n") : quotedPrintable(body)
        return headers.joined(separator: "\r\n") + "\r\n\r\n" + encoded
    }

    /// Removes line breaks and control characters from a header value.
    public static func clean(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { CharacterSet.controlCharacters.contains($0) ? " " : $0 }))
            .split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    static func address(_ r: Draft.Recipient) -> String {
        let name = clean(r.name)
        guard let email = r.email.map(clean), !email.isEmpty, !email.contains(where: { "<>,\"".contains($0) }) else { return encodedWords(name) }
        let shown = name.unicodeScalars.allSatisfy { $0.value < 128 } ? (name.contains(where: { ",;:<>@\"".contains($0) }) ? "\"\(name.replacingOccurrences(of: "\"", with: ""))\"" : name)
            : encodedWords(name)
        return "\(shown) <\(email)>"
    }

    /// RFC 2047: a value with non-ASCII characters becomes =?utf-8?B?…?= words of at most
    /// 75 characters, split on character boundaries.
    static func encodedWords(_ text: String) -> String {
        guard !text.unicodeScalars.allSatisfy({ $0.value < 128 }) else { return text }
        var words: [String] = []
        var chunk = ""
        for ch in text {
            let candidate = chunk + String(ch)
            if Data(candidate.utf8).base64EncodedString().count > 75 - 12, !chunk.isEmpty {
                words.append(chunk)
                chunk = String(ch)
            } else {
                chunk = candidate
            }
        }
        if !chunk.isEmpty { words.append(chunk) }
        return words.map { "=?utf-8?B?\(Data($0.utf8).base64EncodedString())?=" }.joined(separator: " ")
    }

    /// Folds a header line at spaces so no line passes 78 characters where it can be helped.
    static func fold(_ line: String) -> String {
        var lines: [String] = []
        var current = ""
        for word in line.split(separator: " ", omittingEmptySubsequences: false) {
            if !current.isEmpty && !current.hasSuffix(":") && current.count + 1 + word.count > 78 {
                lines.append(current)
                current = " " + word
            } else {
                current += (current.isEmpty ? "" : " ") + word
            }
        }
        lines.append(current)
        return lines.joined(separator: "\r\n")
    }

    static func rfc5322Date(_ day: Day) -> String {
        let names = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let c = day.components
        return "\(names[day.weekday - 1]), \(c.day < 10 ? "0" : "")\(c.day) \(months[c.month - 1]) \(c.year) 09:00:00 +0000"
    }

    /// RFC 2045 quoted-printable of UTF-8 text, lines kept, soft breaks under 76 characters.
    static func quotedPrintable(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var out = ""
            var width = 0
            let bytes = Array(line.utf8)
            for (i, byte) in bytes.enumerated() {
                let last = i == bytes.count - 1
                let literal = (byte >= 33 && byte <= 126 && byte != 61) || ((byte == 32 || byte == 9) && !last)
                let piece = literal ? String(UnicodeScalar(byte)) : String(format: "=%02X", byte)
                if width + piece.count > 75 {
                    out += "=\r\n"
                    width = 0
                }
                out += piece
                width += piece.count
            }
            return out
        }.joined(separator: "\r\n")
    }

    // MARK: .md

    static func markdown(_ draft: Draft) -> String {
        var lines = ["# \(clean(draft.subject))", ""]
        lines.append("To: " + (draft.to.isEmpty ? "[recipient]" : draft.to.map { clean($0.name) + ($0.email.map { " <\(clean($0))>" } ?? "") }.joined(separator: ", ")))
        if !draft.cc.isEmpty { lines.append("Cc: " + draft.cc.map { clean($0.name) + ($0.email.map { " <\(clean($0))>" } ?? "") }.joined(separator: ", ")) }
        lines += ["Date: \(draft.date)", "", draft.body.trimmingCharacters(in: .newlines)]
        if !draft.missing.isEmpty { lines += ["", "<!-- missing: \(draft.missing.joined(separator: "; ")) -->"] }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension DraftFile {
    /// The subject of a saved draft: the .eml Subject header (RFC 2047 words decoded) or the .md title.
    public static func subject(of text: String) -> String? {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        if let title = lines.first, title.hasPrefix("# ") { return String(title.dropFirst(2)) }
        guard let start = lines.firstIndex(where: { $0.hasPrefix("Subject:") }) else { return nil }
        var value = String(lines[start].dropFirst(8))
        var i = start + 1
        while i < lines.count, lines[i].hasPrefix(" ") { value += String(lines[i]); i += 1 }
        return value.split(separator: " ").map { word -> String in
            guard word.hasPrefix("=?utf-8?B?"), word.hasSuffix("?="),
                  let data = Data(base64Encoded: String(word.dropFirst(10).dropLast(2))), let text = String(data: data, encoding: .utf8) else { return String(word) + " " }
            return text
        }.joined().trimmingCharacters(in: .whitespaces)
    }
}
