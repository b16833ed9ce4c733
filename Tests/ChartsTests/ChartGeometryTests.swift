import Foundation
import XCTest
@testable import Charts

/// Where the chart module puts things: every position comes from a scale, so these check the
/// scales and the elements each drawing call makes, number by number.
final class ChartGeometryTests: XCTestCase {
    /// The attributes of each element named `name` in `svg`, in order.
    func elements(_ name: String, in svg: String) -> [[String: String]] {
        let pattern = try! NSRegularExpression(pattern: "<\(name)\\s([^>]*?)/?>")
        let attribute = try! NSRegularExpression(pattern: #"([a-z0-9-]+)="([^"]*)""#)
        return pattern.matches(in: svg, range: NSRange(svg.startIndex..., in: svg)).map { m in
            let inside = String(svg[Range(m.range(at: 1), in: svg)!])
            var found: [String: String] = [:]
            for a in attribute.matches(in: inside, range: NSRange(inside.startIndex..., in: inside)) {
                found[String(inside[Range(a.range(at: 1), in: inside)!])] = String(inside[Range(a.range(at: 2), in: inside)!])
            }
            return found
        }
    }

    func testLinearScaleMapsItsDomainOntoItsSpan() {
        let x = LinearScale(domain: 0...10, start: 40, end: 240)
        XCTAssertEqual(x(0), 40)
        XCTAssertEqual(x(10), 240)
        XCTAssertEqual(x(2.5), 90)
        // A vertical axis runs up: the high end of the domain is the top of the drawing.
        let y = LinearScale(domain: 0...100, start: 90, end: 10)
        XCTAssertEqual(y(0), 90)
        XCTAssertEqual(y(100), 10)
        XCTAssertEqual(y(80), 26)
        // One week: a single value lands in the middle, not at an edge or on NaN.
        XCTAssertEqual(LinearScale(domain: 5...5, start: 0, end: 100)(5), 50)
    }

    func testTicksAreRoundAndNiceDomainsEndOnThem() {
        XCTAssertEqual(LinearScale(domain: 0...100, start: 0, end: 1).ticks(5), [0, 20, 40, 60, 80, 100])
        XCTAssertEqual(LinearScale(domain: 0...1.2, start: 0, end: 1).ticks(6).map(SVG.number), ["0", "0.2", "0.4", "0.6", "0.8", "1", "1.2"])
        XCTAssertEqual(LinearScale.nice(3, 97), 0...100)
        XCTAssertEqual(LinearScale.nice(0, 216_000, count: 4), 0...250_000)
        XCTAssertEqual(LinearScale(domain: 0...250_000, start: 0, end: 1).ticks(4), [0, 50_000, 100_000, 150_000, 200_000, 250_000])
        XCTAssertEqual(LinearScale.nice(7, 7), 6...8)
        XCTAssertEqual(LinearScale.nice(-3, 12), -4...12)
    }

    func testBandScaleSlotsAreEqualWithPaddingEitherSide() {
        let b = BandScale(count: 4, start: 0, end: 400, padding: 0.2)
        XCTAssertEqual(b.step, 100)
        XCTAssertEqual(b.width, 80)
        XCTAssertEqual(b.position(0), 10)
        XCTAssertEqual(b.center(0), 50)
        XCTAssertEqual(b.position(3), 310)
        XCTAssertEqual(b.center(3), 350)
    }

    func testABarStandsOnItsBaseUpToItsValue() {
        var chart = SVGChart(width: 200, height: 100, insets: .init(top: 10, right: 10, bottom: 10, left: 10), title: "t")
        let x = chart.xBands(2, padding: 0.5), y = chart.yScale(0...10)
        chart.bar(1, of: x, value: 5, on: y, class: "safe", label: "$5")
        chart.bar(1, of: x, value: 8, base: 5, on: y, class: "at-risk")
        let rects = elements("rect", in: chart.svg)
        XCTAssertEqual(rects.count, 2)
        XCTAssertEqual(rects[0]["x"], "122.5")
        XCTAssertEqual(rects[0]["width"], "45")
        XCTAssertEqual(rects[0]["y"], "50")
        XCTAssertEqual(rects[0]["height"], "40")
        XCTAssertEqual(rects[0]["class"], "bar safe")
        // Stacked: the second starts where the first ends.
        XCTAssertEqual(rects[1]["y"], "26")
        XCTAssertEqual(rects[1]["height"], "24")
        let label = elements("text", in: chart.svg).first { $0["class"] == "value" }
        XCTAssertEqual(label?["x"], "145")
        XCTAssertEqual(label?["y"], "47")
    }

    func testABandSpansThePlotAreaBetweenItsBounds() {
        var chart = SVGChart(width: 300, height: 120, insets: .init(top: 10, right: 20, bottom: 10, left: 30), title: "t")
        let y = chart.yScale(0...100)
        chart.band(y, from: 60, to: 80, class: "warning", label: "warning ≥ 60")
        let rect = elements("rect", in: chart.svg)[0]
        XCTAssertEqual(rect["x"], "30")
        XCTAssertEqual(rect["width"], "250")
        XCTAssertEqual(rect["y"], "30")
        XCTAssertEqual(rect["height"], "20")
        XCTAssertEqual(rect["class"], "band warning")
    }

    func testALineGoesThroughItsPointsAndOnePointIsADot() {
        var chart = SVGChart(width: 100, height: 100, title: "t")
        chart.line([(10, 20), (30.125, 40), (50, 60.5)], class: "score", dots: false)
        XCTAssertEqual(elements("polyline", in: chart.svg).first?["points"], "10,20 30.13,40 50,60.5")
        XCTAssertEqual(elements("circle", in: chart.svg).count, 0)
        var one = SVGChart(width: 100, height: 100, title: "t")
        one.line([(10, 20)], class: "score", dots: false)
        XCTAssertEqual(elements("polyline", in: one.svg).count, 0)
        XCTAssertEqual(elements("circle", in: one.svg).map { [$0["cx"]!, $0["cy"]!] }, [["10", "20"]])
    }

    func testHorizontalBarsAndTargetsShareTheirSlot() {
        var chart = SVGChart(width: 400, height: 100, insets: .init(top: 0, right: 100, bottom: 0, left: 100), title: "t")
        let y = chart.yBands(2, padding: 0.5), x = chart.xScale(0...1)
        chart.hbar(1, of: y, value: 0.5, on: x, class: "healthy", name: "GRR", label: "50%", labelOutside: true)
        chart.target(1, of: y, at: 0.9, on: x, label: "> 90%")
        let rect = elements("rect", in: chart.svg)[0]
        XCTAssertEqual([rect["x"], rect["y"], rect["width"], rect["height"]], ["100", "62.5", "100", "25"])
        let target = elements("line", in: chart.svg).first { $0["class"] == "target" }!
        XCTAssertEqual([target["x1"], target["y1"], target["y2"]], ["280", "59.5", "90.5"])
        XCTAssertEqual(elements("text", in: chart.svg).first { $0["class"] == "target-label" }?["y"], "57.5")
        XCTAssertEqual(elements("text", in: chart.svg).first { $0["class"] == "value" }?["x"], "306")
    }

    func testAnXLabelAtAnEdgeEndsThere() {
        var chart = SVGChart(width: 200, height: 100, insets: .init(top: 10, right: 10, bottom: 20, left: 10), title: "t")
        chart.xAxis([(10, "09-06"), (100, "10-11"), (190, "11-22")])
        XCTAssertEqual(elements("text", in: chart.svg).map { $0["text-anchor"]! }, ["start", "middle", "end"])
    }

    func testAHeatMapHasACellPerValueShadedByIt() {
        let map = HeatMap(rows: ["Jan", "Feb"], columns: ["0", "1", "2"], values: [[1, 0.5, nil], [1, 0.75]], domain: 0.5...1, label: { "\(Int($0 * 100))%" })
        let svg = map.chart(width: 404, rowHeight: 20, labelWidth: 100, title: "t").svg
        let cells = elements("rect", in: svg)
        XCTAssertEqual(cells.count, 6)
        // 300 wide for three columns, 6% padding: 94 drawn of each 100.
        XCTAssertEqual(cells.map { $0["x"]! }, ["103", "203", "303", "103", "203", "303"])
        XCTAssertEqual(cells[0]["y"], "23")
        XCTAssertEqual(cells[3]["y"], "43")
        XCTAssertEqual(cells[0]["width"], "94")
        // The top of the domain is darkest, its bottom lightest; a missing cell is empty and says so.
        XCTAssertEqual(cells[0]["fill"], "hsl(210, 45%, 30%)")
        XCTAssertEqual(cells[1]["fill"], "hsl(210, 45%, 96%)")
        XCTAssertEqual(cells[4]["fill"], "hsl(210, 45%, 63%)")
        XCTAssertEqual(cells[2]["fill"], "none")
        XCTAssertEqual(cells[5]["fill"], "none")
        let texts = elements("text", in: svg).filter { $0["class"]?.hasPrefix("cell-text") ?? false }
        XCTAssertEqual(texts.count, 6)
        XCTAssertTrue(svg.contains(">—</text>"))
        XCTAssertTrue(svg.contains(">75%</text>"))
    }

    func testTextFromDataIsEscapedAndLosesControlCharacters() {
        XCTAssertEqual(SVG.escape("A<b> & \"c\" 'd'\u{1B}[31m\u{07}\nz"), "A&lt;b&gt; &amp; &quot;c&quot; &#39;d&#39;[31m z")
        XCTAssertEqual(SVG.escape("星辰科技"), "星辰科技")
        var chart = SVGChart(width: 10, height: 10, title: "<script>")
        chart.text("\u{1B}]0;x\u{07}", x: 1, y: 1, class: "c")
        XCTAssertFalse(chart.svg.contains("<script>"))
        XCTAssertFalse(chart.svg.contains("\u{1B}"))
    }

    func testNumbersAreShortAndExact() {
        XCTAssertEqual(SVG.number(12), "12")
        XCTAssertEqual(SVG.number(12.5), "12.5")
        XCTAssertEqual(SVG.number(12.25), "12.25")
        XCTAssertEqual(SVG.number(12.05), "12.05")
        XCTAssertEqual(SVG.number(-0.5), "-0.5")
        XCTAssertEqual(SVG.number(-12.25), "-12.25")
        XCTAssertEqual(SVG.number(.nan), "0")
        XCTAssertEqual(SVG.number(0.001), "0")
    }
}
