import Foundation

/// A continuous scale: maps a domain of values onto a span of the drawing, linearly. Every
/// value a chart draws becomes a position through one of these.
public struct LinearScale: Equatable, Sendable {
    public var domain: ClosedRange<Double>
    /// Where `domain.lowerBound` lands.
    public var start: Double
    /// Where `domain.upperBound` lands (above `start` for a vertical axis: SVG's y grows down).
    public var end: Double

    public init(domain: ClosedRange<Double>, start: Double, end: Double) {
        self.domain = domain
        self.start = start
        self.end = end
    }

    /// The position of `value`; the middle of the span when the domain is a single value.
    public func callAsFunction(_ value: Double) -> Double {
        let span = domain.upperBound - domain.lowerBound
        guard span > 0 else { return (start + end) / 2 }
        return start + (value - domain.lowerBound) / span * (end - start)
    }

    /// Round values inside the domain, about `count` of them: steps of 1, 2 or 5 times a power of ten.
    public func ticks(_ count: Int = 5) -> [Double] {
        let step = LinearScale.step(domain.upperBound - domain.lowerBound, count: count)
        guard step > 0 else { return [domain.lowerBound] }
        var ticks: [Double] = []
        var n = (domain.lowerBound / step).rounded(.up)
        while n * step <= domain.upperBound + step * 1e-9 {
            ticks.append(n * step == 0 ? 0 : n * step)
            n += 1
        }
        return ticks
    }

    /// The domain from `low` to `high` widened outward to round values, so that the end ticks
    /// fall on its edges; a single value is widened by one either way.
    public static func nice(_ low: Double, _ high: Double, count: Int = 5) -> ClosedRange<Double> {
        let (low, high) = low < high ? (low, high) : low == high ? (low - 1, high + 1) : (high, low)
        let step = LinearScale.step(high - low, count: count)
        return (low / step).rounded(.down) * step ... (high / step).rounded(.up) * step
    }

    /// 1, 2 or 5 times a power of ten, nearest to `span / count`.
    static func step(_ span: Double, count: Int) -> Double {
        guard span > 0, span.isFinite, count > 0 else { return 0 }
        let raw = span / Double(count)
        let power = pow(10, (log10(raw)).rounded(.down))
        let fraction = raw / power
        return power * (fraction < 1.5 ? 1 : fraction < 3.5 ? 2 : fraction < 7.5 ? 5 : 10)
    }
}
