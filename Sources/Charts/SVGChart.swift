/// One chart: a drawing of `width` × `height` with a plot area inside its insets, and the
/// elements drawn on it — axes, horizontal bands, lines, vertical markers, bars, labels —
/// each placed through a scale made for the plot area (`xScale`, `yScale`, `xBands`,
/// `yBands`), never by hand. Classes name what an element is, for the page's style sheet.
public struct SVGChart: Sendable {
    public struct Insets: Equatable, Sendable {
        public var top, right, bottom, left: Double
        public init(top: Double, right: Double, bottom: Double, left: Double) {
            self.top = top
            self.right = right
            self.bottom = bottom
            self.left = left
        }
    }

    public let width: Double
    public let height: Double
    public let insets: Insets
    /// What the chart shows, in words: its title for screen readers and tooltips.
    public let title: String
    /// How near the right edge of the plot area an x label's middle may be (beyond, it ends there).
    static let edge = 16.0

    /// The elements drawn, in order.
    public private(set) var elements: [String] = []

    public init(width: Double, height: Double, insets: Insets = Insets(top: 10, right: 12, bottom: 26, left: 40), title: String) {
        self.width = width
        self.height = height
        self.insets = insets
        self.title = title
    }

    /// The plot area's edges.
    public var left: Double { insets.left }
    public var right: Double { width - insets.right }
    public var top: Double { insets.top }
    public var bottom: Double { height - insets.bottom }

    /// A scale from `domain` across the plot area, left to right.
    public func xScale(_ domain: ClosedRange<Double>) -> LinearScale { LinearScale(domain: domain, start: left, end: right) }
    /// A scale from `domain` up the plot area, bottom to top.
    public func yScale(_ domain: ClosedRange<Double>) -> LinearScale { LinearScale(domain: domain, start: bottom, end: top) }
    /// `count` slots across the plot area.
    public func xBands(_ count: Int, padding: Double = 0.25) -> BandScale { BandScale(count: count, start: left, end: right, padding: padding) }
    /// `count` slots down the plot area.
    public func yBands(_ count: Int, padding: Double = 0.25) -> BandScale { BandScale(count: count, start: top, end: bottom, padding: padding) }

    /// The y axis: a grid line and a label at each tick.
    public mutating func yAxis(_ y: LinearScale, ticks: [Double], label: (Double) -> String) {
        for t in ticks {
            let at = SVG.number(y(t))
            elements.append(SVG.element("line", ["class": "grid", "x1": SVG.number(left), "x2": SVG.number(right), "y1": at, "y2": at]))
            elements.append(SVG.element("text", ["class": "tick", "x": SVG.number(left - 4), "y": at, "text-anchor": "end", "dominant-baseline": "middle"], SVG.escape(label(t))))
        }
    }

    /// The x axis: the baseline and a label under each position (already placed by a scale).
    public mutating func xAxis(_ ticks: [(at: Double, label: String)]) {
        elements.append(SVG.element("line", ["class": "axis", "x1": SVG.number(left), "x2": SVG.number(right), "y1": SVG.number(bottom), "y2": SVG.number(bottom)]))
        for t in ticks {
            // A label at an edge of the plot area ends (or starts) there, so that it is not cut off.
            let anchor = t.at > right - SVGChart.edge ? "end" : t.at < left + SVGChart.edge ? "start" : "middle"
            elements.append(SVG.element("text", ["class": "tick", "x": SVG.number(t.at), "y": SVG.number(bottom + 14), "text-anchor": anchor], SVG.escape(t.label)))
        }
    }

    /// A horizontal band across the plot area from `low` to `high` on `y`, named at its bottom right.
    public mutating func band(_ y: LinearScale, from low: Double, to high: Double, class name: String, label: String) {
        let y0 = min(y(low), y(high)), y1 = max(y(low), y(high))
        elements.append(SVG.element("rect", ["class": "band \(name)", "x": SVG.number(left), "y": SVG.number(y0),
                                             "width": SVG.number(right - left), "height": SVG.number(y1 - y0)]))
        elements.append(SVG.element("text", ["class": "band-label", "x": SVG.number(right - 4), "y": SVG.number(y1 - 4), "text-anchor": "end"], SVG.escape(label)))
    }

    /// A line through points already placed (x, y in the drawing); a dot at each point when there
    /// are few, so that one week still shows.
    public mutating func line(_ points: [(x: Double, y: Double)], class name: String, dots: Bool = true) {
        if points.count > 1 {
            let list = points.map { "\(SVG.number($0.x)),\(SVG.number($0.y))" }.joined(separator: " ")
            elements.append(SVG.element("polyline", ["class": "line \(name)", "points": list]))
        }
        if dots || points.count == 1 {
            for p in points { elements.append(SVG.element("circle", ["class": "dot \(name)", "cx": SVG.number(p.x), "cy": SVG.number(p.y), "r": "2.5"])) }
        }
    }

    /// A vertical marker at `x` from the top of the plot area to its baseline, with a short
    /// label above it and the whole text as its tooltip.
    public mutating func marker(at x: Double, label: String, title: String, class name: String = "") {
        let at = SVG.number(x)
        let line = SVG.element("line", ["class": "marker \(name)", "x1": at, "x2": at, "y1": SVG.number(top), "y2": SVG.number(bottom)])
        let text = SVG.element("text", ["class": "marker-label", "x": at, "y": SVG.number(top - 2), "text-anchor": "middle"], SVG.escape(label))
        elements.append(SVG.element("g", ["class": "event"], SVG.element("title", [:], SVG.escape(title)) + line + text))
    }

    /// A vertical bar in slot `i` of `x`, from `base` to `value` on `y`, with its label above.
    public mutating func bar(_ i: Int, of x: BandScale, value: Double, base: Double = 0, on y: LinearScale, class name: String, label: String? = nil) {
        let y0 = min(y(base), y(value)), y1 = max(y(base), y(value))
        elements.append(SVG.element("rect", ["class": "bar \(name)", "x": SVG.number(x.position(i)), "y": SVG.number(y0),
                                             "width": SVG.number(x.width), "height": SVG.number(y1 - y0)]))
        if let label {
            elements.append(SVG.element("text", ["class": "value", "x": SVG.number(x.center(i)), "y": SVG.number(y0 - 3), "text-anchor": "middle"], SVG.escape(label)))
        }
    }

    /// A horizontal bar in slot `i` of `y`, from `base` to `value` on `x`, named at the left
    /// of the plot area, with its value after the bar, or past the plot area's right edge
    /// when `labelOutside` (where a target line could cross it).
    public mutating func hbar(_ i: Int, of y: BandScale, value: Double, base: Double = 0, on x: LinearScale, class name: String,
                              name text: String? = nil, label: String? = nil, labelOutside: Bool = false) {
        let x0 = min(x(base), x(value)), x1 = max(x(base), x(value))
        if let text {
            elements.append(SVG.element("text", ["class": "tick", "x": SVG.number(left - 6), "y": SVG.number(y.center(i)), "text-anchor": "end",
                                                 "dominant-baseline": "middle"], SVG.escape(text)))
        }
        elements.append(SVG.element("rect", ["class": "bar \(name)", "x": SVG.number(x0), "y": SVG.number(y.position(i)),
                                             "width": SVG.number(x1 - x0), "height": SVG.number(y.width)]))
        if let label {
            elements.append(SVG.element("text", ["class": "value", "x": SVG.number(labelOutside ? right + 6 : x1 + 4), "y": SVG.number(y.center(i)),
                                                 "dominant-baseline": "middle"], SVG.escape(label)))
        }
    }

    /// A vertical line across slot `i` of `y` at `value` on `x`: a target, named above it.
    public mutating func target(_ i: Int, of y: BandScale, at value: Double, on x: LinearScale, label: String) {
        let at = SVG.number(x(value))
        elements.append(SVG.element("line", ["class": "target", "x1": at, "x2": at, "y1": SVG.number(y.position(i) - 3), "y2": SVG.number(y.position(i) + y.width + 3)]))
        elements.append(SVG.element("text", ["class": "target-label", "x": at, "y": SVG.number(y.position(i) - 5), "text-anchor": "middle"], SVG.escape(label)))
    }

    /// Free text at a place in the drawing.
    public mutating func text(_ text: String, x: Double, y: Double, class name: String, anchor: String = "start") {
        elements.append(SVG.element("text", ["class": name, "x": SVG.number(x), "y": SVG.number(y), "text-anchor": anchor], SVG.escape(text)))
    }

    /// A filled cell: a heat map's square, with its value written in it.
    public mutating func cell(x: Double, y: Double, width: Double, height: Double, fill: String, text: String, dark: Bool) {
        elements.append(SVG.element("rect", ["class": "cell", "x": SVG.number(x), "y": SVG.number(y), "width": SVG.number(width),
                                             "height": SVG.number(height), "fill": fill]))
        elements.append(SVG.element("text", ["class": dark ? "cell-text dark" : "cell-text", "x": SVG.number(x + width / 2), "y": SVG.number(y + height / 2),
                                             "text-anchor": "middle", "dominant-baseline": "middle"], SVG.escape(text)))
    }

    /// The chart as an inline `<svg>` that scales to the width it is given.
    public var svg: String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 \(SVG.number(width)) \(SVG.number(height))\" role=\"img\" aria-label=\"\(SVG.escape(title))\">"
            + SVG.element("title", [:], SVG.escape(title)) + elements.joined() + "</svg>"
    }
}
