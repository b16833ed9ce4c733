/// A scale of equal slots: `count` of them across a span, each with padding either side.
/// Bars and heat-map cells are placed by one of these.
public struct BandScale: Equatable, Sendable {
    public var count: Int
    public var start: Double
    public var end: Double
    /// The share of each slot left empty, half on each side.
    public var padding: Double

    public init(count: Int, start: Double, end: Double, padding: Double = 0.2) {
        self.count = count
        self.start = start
        self.end = end
        self.padding = padding
    }

    /// The width of one slot, padding included.
    public var step: Double { (end - start) / Double(Swift.max(count, 1)) }
    /// The width drawn in a slot.
    public var width: Double { step * (1 - padding) }
    /// Where slot `i`'s drawing starts.
    public func position(_ i: Int) -> Double { start + step * Double(i) + step * padding / 2 }
    /// The middle of slot `i`.
    public func center(_ i: Int) -> Double { start + step * (Double(i) + 0.5) }
}
