/// Neutralises terminal control characters in text that came from data, so a name
/// holding an escape sequence prints as `^[[31m` instead of recolouring the screen.
public enum Sanitizer {
    public static func clean(_ s: String) -> String {
        if s.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return s }
        guard s.unicodeScalars.contains(where: needsCleaning) else { return s }
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            let v = scalar.value
            if v < 0x20 {
                out.append("^")
                out.append(Unicode.Scalar(v + 0x40)!)
            } else if v == 0x7F {
                out.append(contentsOf: "^?".unicodeScalars)
            } else if needsCleaning(scalar) {
                out.append("\u{FFFD}")
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    static func needsCleaning(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }
}
