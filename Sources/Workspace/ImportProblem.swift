/// One bad value in an import file, located for the person who has to fix it.
public struct ImportProblem: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var field: String?
    public var message: String

    public init(file: String, line: Int, column: Int, field: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.field = field
        self.message = message
    }

    public var description: String {
        "\(file):\(line):\(column): " + (field.map { "\($0): " } ?? "") + message
    }
}

/// An import refused as a whole; nothing was written.
public struct ImportFailure: Error, Sendable {
    public var file: String
    public var problems: [ImportProblem]
    public var rowsChecked: Int
}
