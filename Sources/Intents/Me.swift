import Workspace

/// Who "mine", "my" and "me" are: the CSM of the book the user at the keyboard is (CSE_USER,
/// else the login name) — their whole name, else the one CSM whose first name it is ("dana" is
/// Dana Whitfield). Every command and slot that reads "mine", "my" or "me" asks here.
public enum Me {
    /// The CSMs the user may be: the one with their whole name, else every one with their first name.
    static func candidates(_ user: String, among csms: [String]) -> [String] {
        let key = user.comparable
        if let whole = csms.first(where: { $0.comparable == key }) { return [whole] }
        return Set(csms.filter { $0.comparable.split(separator: " ").first.map(String.init) == key }).sorted()
    }

    /// The one CSM the user is; nil when they are none of the book's, or two have their first name.
    public static func csm(_ user: String, among csms: [String]) -> String? {
        let found = candidates(user, among: csms)
        return found.count == 1 ? found[0] : nil
    }

    /// Why the user is no one CSM of the book (`csm` is nil), in words.
    public static func problem(_ user: String, among csms: [String]) -> String {
        let found = candidates(user, among: csms)
        if found.count > 1 {
            return "'\(user.excerpt)' (you, from CSE_USER or your login name) is the first name of \(found.joined(separator: " and ")) — "
                + "set CSE_USER to your whole name"
        }
        return "no CSM is named '\(user.excerpt)' (you, from CSE_USER or your login name) — the CSMs are "
            + csms.sorted().joined(separator: ", ") + "; set CSE_USER to yours"
    }
}
