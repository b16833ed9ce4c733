import Intents
import Shell
import Workspace

extension Context {
    /// Splits "Acme Corp nps 50" into the account and what follows: the longest start of
    /// the words that names an account and leaves a rest `parse` accepts. When no split
    /// works, the error is the most useful one: a bad rest after a real account, else the
    /// unknown account where the rest read well, else `usage`.
    func account<T>(leading text: String, usage: String, then parse: ([String]) throws -> T) throws -> (Account, T) {
        let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        var restError: Error?
        var nameError: Error?
        for split in stride(from: words.count - 1, through: 1, by: -1) {
            let name = words[..<split].joined(separator: " ")
            let resolved = Result { try account(name) }
            let parsed = Result { try parse(Array(words[split...])) }
            switch (resolved, parsed) {
            case let (.success(account), .success(value)): return (account, value)
            case let (.success, .failure(error)): if restError == nil { restError = error }
            case let (.failure(error), .success): if nameError == nil { nameError = error }
            case (.failure, .failure): break
            }
        }
        if let restError { throw restError }
        if let nameError { throw nameError }
        if !words.isEmpty { _ = try account(words.joined(separator: " ")) }
        throw CommandError("usage: \(usage)")
    }
}
