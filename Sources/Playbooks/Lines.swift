/// Lines made when read: an answer over a book can have 70,000 of them, and a terminal shows
/// ten. As JSON, every line.
public struct Lines: RandomAccessCollection, Sendable, Encodable, Equatable {
    public typealias Indices = Range<Int>
    public let startIndex = 0
    public let endIndex: Int
    private let line: @Sendable (Int) -> String

    public init(count: Int, _ line: @escaping @Sendable (Int) -> String) {
        endIndex = count
        self.line = line
    }

    public init(_ lines: [String]) { self.init(count: lines.count) { lines[$0] } }

    public subscript(i: Int) -> String { line(i) }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.unkeyedContainer()
        for text in self { try c.encode(text) }
    }

    public static func == (a: Lines, b: Lines) -> Bool { a.elementsEqual(b) }
}
