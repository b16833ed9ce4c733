import Foundation

extension String {
    /// Trimmed of spaces, tabs and line breaks at both ends.
    public var trimmingSpaces: String { trimmingCharacters(in: .whitespacesAndNewlines) }

    /// The form names are compared in: lower case, punctuation gone, single spaces.
    /// "Acme Corp." / "ACME  corp" / "acme, corp" all compare equal.
    public var comparable: String {
        var out = ""
        var pendingSpace = false
        for scalar in lowercased().unicodeScalars {
            if CharacterSet.alphanumerics.contains(scalar) || scalar == "&" || scalar == "+" {
                if pendingSpace && !out.isEmpty { out.append(" ") }
                pendingSpace = false
                out.unicodeScalars.append(scalar)
            } else if scalar == "'" || scalar == "’" {
                continue
            } else {
                pendingSpace = true
            }
        }
        return out
    }
}
