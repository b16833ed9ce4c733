import Intents
import Shell
import Workspace

extension Context {
    /// Splits "Acme Corp nps 50" into the account and what follows: the longest start of
    /// the words that names an account and leaves a rest `parse` accepts. A start that names
    /// an account in full beats one that only begins a name; when a longer start begins one
    /// account's name and a shorter one names another in full, the CSM is asked which.
    /// When no split works, the error is the most useful one: a bad rest after a real
    /// account, else the unknown account where the rest read well, else `usage`. A failed
    /// read of the workspace fails the command; it never falls back to a shorter name.
    func account<T>(leading text: String, usage: String, then parse: ([String]) throws -> T) throws -> (Account, T) {
        let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        // No name has more words than the longest (two more for stray punctuation).
        let longest = min(words.count - 1, try resolver().longestName + 2)
        var restError: Error?
        var nameError: Error?
        var found: (account: Account, value: T, name: String, rest: String)?
        for split in stride(from: longest, through: 1, by: -1) {
            let name = words[..<split].joined(separator: " ")
            let resolved: Result<Account, CommandError>
            do { resolved = .success(try account(name)) } catch let error as CommandError { resolved = .failure(error) }
            let parsed = Result { try parse(Array(words[split...])) }
            switch (resolved, parsed) {
            case let (.success(account), .success(value)):
                let exact = try exactAccount(name) != nil
                if let found {
                    if exact && account.id != found.account.id {
                        throw CommandError("'\(text.excerpt)' reads two ways: \(found.account.name) (then '\(found.rest.excerpt)') "
                            + "or \(account.name) (then '\(words[split...].joined(separator: " ").excerpt)') — type the account's whole name")
                    }
                    continue
                }
                if exact { return (account, value) }
                found = (account, value, name, words[split...].joined(separator: " "))
            case let (.success, .failure(error)): if restError == nil { restError = error }
            case let (.failure(error), .success): if nameError == nil { nameError = error }
            case (.failure, .failure): break
            }
        }
        if let found { return (found.account, found.value) }
        if let restError { throw restError }
        if let nameError { throw nameError }
        if !words.isEmpty { _ = try account(words.joined(separator: " ")) }
        throw CommandError("usage: \(usage)")
    }
}
