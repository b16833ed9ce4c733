import Foundation

/// A team workspace's address: `postgres://USER@HOST:PORT/DB[?sslmode=disable|prefer|require]`.
/// The password is never part of it (a command line ends up in shell history and `ps`): it
/// comes from `PGPASSWORD` or `~/.pgpass`, as for psql.
public struct PostgresAddress: Equatable, Sendable, CustomStringConvertible {
    public var user: String
    public var host: String
    public var port: Int
    public var database: String
    public var sslMode: SSLMode

    public enum SSLMode: String, Sendable {
        case disable, prefer, require
    }

    public init(user: String, host: String, port: Int, database: String, sslMode: SSLMode) {
        self.user = user
        self.host = host
        self.port = port
        self.database = database
        self.sslMode = sslMode
    }

    public static func isAddress(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    /// Reads an address; `defaultUser` is the login name when the address names no user.
    public init(parsing text: String, defaultUser: String) throws {
        let shown = PostgresAddress.masked(text)
        guard let url = URLComponents(string: text), url.scheme == "postgres" || url.scheme == "postgresql" else {
            throw PostgresError.badAddress(shown, "write postgres://USER@HOST:PORT/DATABASE")
        }
        // A password in the address, or smuggled into the user as %3A: never in a command line.
        if url.password != nil || url.user?.contains(":") == true || (url.queryItems ?? []).contains(where: { $0.name.lowercased() == "password" }) {
            throw PostgresError.badAddress(shown, "leave the password out of the address: put it in PGPASSWORD or ~/.pgpass")
        }
        guard let host = url.host, !host.isEmpty else { throw PostgresError.badAddress(shown, "it names no host") }
        let database = String(url.path.drop { $0 == "/" })
        guard !database.isEmpty, !database.contains("/") else { throw PostgresError.badAddress(shown, "end it with /DATABASE") }
        var mode = SSLMode.prefer
        for item in url.queryItems ?? [] {
            guard item.name == "sslmode" else { throw PostgresError.badAddress(shown, "'\(item.name)' is not an option cse knows (sslmode is)") }
            switch item.value ?? "" {
            case "disable", "allow": mode = .disable
            case "prefer": mode = .prefer
            case "require", "verify-ca", "verify-full": mode = .require
            default: throw PostgresError.badAddress(shown, "sslmode is disable, prefer or require")
            }
        }
        self.init(user: url.user.flatMap { $0.isEmpty ? nil : $0 } ?? defaultUser, host: host, port: url.port ?? 5432,
                  database: database, sslMode: mode)
    }

    /// An address as a message may show it: whatever follows a user's ':' (or its %3A), and the
    /// value of every option but sslmode, as "…".
    public static func masked(_ text: String) -> String {
        var out = text
        if let scheme = out.range(of: "://"), let at = out[scheme.upperBound...].lastIndex(of: "@") {
            let userinfo = out[scheme.upperBound..<at]
            if let colon = userinfo.range(of: ":") ?? userinfo.range(of: "%3A", options: .caseInsensitive) {
                out.replaceSubrange(colon.lowerBound..<at, with: ":…")
            }
        }
        if let question = out.firstIndex(of: "?") {
            let options = out[out.index(after: question)...].split(separator: "&", omittingEmptySubsequences: false).map { item -> String in
                let parts = item.split(separator: "=", maxSplits: 1)
                return parts.count == 2 && parts[0] != "sslmode" ? "\(parts[0])=…" : String(item)
            }
            out = String(out[...question]) + options.joined(separator: "&")
        }
        return out
    }

    public var description: String {
        "postgres://\(user)@\(host):\(port)/\(database)" + (sslMode == .prefer ? "" : "?sslmode=\(sslMode.rawValue)")
    }

    /// The same server, another database (a test's own, or the server's `postgres` to create one).
    public func with(database: String) -> PostgresAddress {
        var copy = self
        copy.database = database
        return copy
    }

    /// The password: `PGPASSWORD`, else the first matching line of `PGPASSFILE` or `~/.pgpass`
    /// (`host:port:database:user:password`, `*` matching anything); nil when neither has one.
    public func password(environment: [String: String]) -> String? {
        if let password = environment["PGPASSWORD"], !password.isEmpty { return password }
        let home = environment["HOME"] ?? NSHomeDirectory()
        let file = environment["PGPASSFILE"] ?? (home as NSString).appendingPathComponent(".pgpass")
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = PostgresAddress.pgpassFields(String(line))
            guard fields.count == 5 else { continue }
            let wanted = [host, String(port), database, user]
            if zip(fields, wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
        }
        return nil
    }

    /// A `.pgpass` line's fields: `:` separates, `\` escapes.
    static func pgpassFields(_ line: String) -> [String] {
        var fields: [String] = []
        var current = ""
        var escaped = false
        for c in line {
            if escaped { current.append(c); escaped = false } else if c == "\\" { escaped = true } else if c == ":" && fields.count < 4 {
                fields.append(current)
                current = ""
            } else { current.append(c) }
        }
        fields.append(current)
        return fields
    }
}

/// What can go wrong reaching a team workspace, in the user's words.
public enum PostgresError: Error, CustomStringConvertible, Equatable {
    case badAddress(String, String)
    case unreachable(PostgresAddress, String)
    case refused(PostgresAddress, String)
    case server(String)

    public var description: String {
        switch self {
        case let .badAddress(text, hint): return "'\(text)' is not a PostgreSQL address: \(hint)"
        case let .unreachable(a, why): return "cannot reach PostgreSQL at \(a.host):\(a.port) (\(why)) — is the server running?"
        case let .refused(a, why): return "PostgreSQL at \(a.host):\(a.port) refused \(a.user): \(why)"
        case let .server(message): return "PostgreSQL: \(message)"
        }
    }
}
