/// A heat map: one row per label, one column per label, each cell shaded by its value
/// (darker is higher, so it reads in greyscale) with the value written in it; a
/// missing value is an empty cell marked "—". Drawn on an `SVGChart` through two band scales.
public struct HeatMap: Sendable {
    public var rows: [String]
    public var columns: [String]
    /// `values[row][column]`.
    public var values: [[Double?]]
    /// The values shaded from lightest to darkest; those outside take the nearer end.
    public var domain: ClosedRange<Double>
    public var label: @Sendable (Double) -> String

    public init(rows: [String], columns: [String], values: [[Double?]], domain: ClosedRange<Double> = 0...1, label: @escaping @Sendable (Double) -> String) {
        self.rows = rows
        self.columns = columns
        self.values = values
        self.domain = domain
        self.label = label
    }

    /// The fill for `value`: one hue, lightness from 96% at the domain's low end to 30% at its
    /// high end, and whether it is dark enough for white text.
    public func shade(_ value: Double) -> (fill: String, dark: Bool) {
        let span = domain.upperBound - domain.lowerBound
        let v = span > 0 ? Swift.min(1, Swift.max(0, (value - domain.lowerBound) / span)) : 1
        let lightness = 96 - v * 66
        return ("hsl(210, 45%, \(SVG.number(lightness))%)", lightness < 55)
    }

    /// The map drawn `width` wide, rows `rowHeight` tall, with room for the row labels on the left.
    public func chart(width: Double, rowHeight: Double = 24, labelWidth: Double = 90, title: String) -> SVGChart {
        var chart = SVGChart(width: width, height: 22 + rowHeight * Double(rows.count) + 4,
                             insets: .init(top: 22, right: 4, bottom: 4, left: labelWidth), title: title)
        let x = chart.xBands(columns.count, padding: 0.06), y = chart.yBands(rows.count, padding: 0.1)
        for (c, column) in columns.enumerated() { chart.text(column, x: x.center(c), y: chart.top - 7, class: "tick", anchor: "middle") }
        for (r, row) in rows.enumerated() {
            chart.text(row, x: chart.left - 6, y: y.center(r) + 4, class: "tick", anchor: "end")
            for c in columns.indices {
                let value = c < values[r].count ? values[r][c] : nil
                let shade = value.map(shade) ?? (fill: "none", dark: false)
                chart.cell(x: x.position(c), y: y.position(r), width: x.width, height: y.width, fill: shade.fill, text: value.map(label) ?? "—", dark: shade.dark)
            }
        }
        return chart
    }
}
