import Charts

/// A self-contained page: inline style, inline SVG, no script, nothing fetched. Each
/// section prints on a page of its own (A4 or Letter: the content is never wider than A4's
/// printable width), and reads in greyscale: every colour also has a word or a value.
public struct HTMLPage: Sendable {
    /// The paper a page is laid out for when printed; nil leaves it to the printer.
    public enum Paper: String, CaseIterable, Sendable {
        case a4 = "A4", letter = "Letter"
    }

    public var title: String
    public var sections: [String]
    public var paper: Paper?

    public init(title: String, sections: [String], paper: Paper? = nil) {
        self.title = title
        self.sections = sections
        self.paper = paper
    }

    public var html: String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTML.text(title))</title>
        <style>
        @page { margin: 12mm;\(paper.map { " size: \($0.rawValue);" } ?? "") }
        \(HTMLPage.style)
        </style>
        </head>
        <body>
        <main>
        \(sections.map { "<section>\n\($0)\n</section>" }.joined(separator: "\n"))
        </main>
        </body>
        </html>

        """
    }

    static let style = """
        * { box-sizing: border-box; }
        html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        body { margin: 0; color: #1d2430; background: #fff; font-size: 10.5pt; line-height: 1.4;
               font-family: "Noto Sans", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "Helvetica Neue", Arial, sans-serif; }
        main { max-width: 184mm; margin: 0 auto; padding: 6mm 0; }
        section { break-after: page; page-break-after: always; }
        section:last-child { break-after: auto; page-break-after: auto; }
        h1 { font-size: 19pt; margin: 0 0 1mm; }
        h2 { font-size: 12.5pt; margin: 5mm 0 2mm; padding-bottom: 1mm; border-bottom: 1.5px solid #1d2430; }
        h3 { font-size: 10.5pt; margin: 3mm 0 1mm; }
        p { margin: 1mm 0; }
        .sub, figcaption, .note { color: #555; }
        figcaption { font-size: 8.5pt; }
        .note { font-style: italic; }
        .kpis { display: flex; gap: 3mm; margin: 3mm 0; }
        .kpi { flex: 1; border: 1px solid #9aa3ad; border-radius: 2mm; padding: 2mm 3mm; }
        .kpi b { display: block; font-size: 15pt; }
        .kpi span { font-size: 8.5pt; color: #555; }
        figure { margin: 0 0 2mm; break-inside: avoid; }
        .small-multiples { display: grid; grid-template-columns: 1fr 1fr; gap: 2mm 5mm; }
        svg.chart { display: block; width: 100%; height: auto; }
        svg text { font-family: inherit; font-size: 10px; fill: #333; }
        .grid { stroke: #e1e4e8; stroke-width: 1; }
        .axis { stroke: #333; stroke-width: 1; }
        .band.healthy { fill: #e3f1e0; } .band.warning { fill: #fbf3d2; } .band.high-risk { fill: #fbe4cf; } .band.critical { fill: #f7d9d9; }
        .band-label { font-size: 9px; fill: #555; }
        .line { fill: none; stroke: #1f3a5f; stroke-width: 2; }
        .dot { fill: #1f3a5f; }
        .line.second { stroke: #6b7785; stroke-dasharray: 5 3; } .dot.second { fill: #6b7785; }
        .marker { stroke: #5a6470; stroke-dasharray: 2 2; }
        .marker-label { font-size: 9px; fill: #333; }
        .bar { fill: #1f3a5f; }
        .bar.healthy { fill: #3f8f46; } .bar.warning { fill: #e2c044; } .bar.high-risk { fill: #d9731a; } .bar.critical { fill: #8e1b14; }
        .bar.safe, .legend i.safe { background: #a5d6a0; fill: #a5d6a0; }
        .bar.at-risk, .legend i.at-risk { background: #e08a2c; fill: #e08a2c; }
        .bar.likely-lost, .legend i.likely-lost { background: #7a1712; fill: #7a1712; }
        .bar.track { fill: #e1e4e8; }
        .value { font-size: 9.5px; fill: #1d2430; }
        .target { stroke: #000; stroke-width: 2; }
        .target-label { font-size: 8.5px; fill: #333; }
        .cell { stroke: #fff; stroke-width: 1; }
        .cell-text { font-size: 10px; fill: #1d2430; } .cell-text.dark { fill: #fff; }
        .legend { font-size: 8.5pt; color: #444; }
        .legend i { display: inline-block; width: 3mm; height: 3mm; margin: 0 1mm 0 3mm; vertical-align: -0.3mm; }
        table { width: 100%; border-collapse: collapse; font-size: 9.5pt; break-inside: auto; }
        tr { break-inside: avoid; }
        th, td { text-align: left; vertical-align: top; padding: 1.2mm 2mm; border-bottom: 1px solid #ccd1d6; }
        th { border-bottom: 1.5px solid #1d2430; font-weight: 600; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        td.nowrap { white-space: nowrap; }
        ol, ul { margin: 1mm 0 2mm; padding-left: 6mm; }
        li { margin: 0.5mm 0; }
        .agenda h3 span { font-weight: normal; color: #555; }
        """
}

/// HTML text: escaped, with control characters from data dropped (`SVG.escape`).
public enum HTML {
    public static func text(_ s: String) -> String { SVG.escape(s) }

    /// A table; the columns in `numeric` align right, those in `nowrap` (dates) never break.
    public static func table(_ headers: [String], _ rows: [[String]], numeric: Set<Int> = [], nowrap: Set<Int> = []) -> String {
        func cells(_ tag: String, _ values: [String]) -> String {
            values.enumerated().map { i, v in
                let style = numeric.contains(i) ? " class=\"num\"" : nowrap.contains(i) && tag == "td" ? " class=\"nowrap\"" : ""
                return "<\(tag)\(style)>\(text(v))</\(tag)>"
            }.joined()
        }
        return "<table><thead><tr>\(cells("th", headers))</tr></thead><tbody>"
            + rows.map { "<tr>\(cells("td", $0))</tr>" }.joined(separator: "\n") + "</tbody></table>"
    }

    /// A headline figure with what it is and where it comes from.
    public static func kpi(_ value: String, _ label: String) -> String {
        "<div class=\"kpi\"><b>\(text(value))</b><span>\(text(label))</span></div>"
    }

    /// A chart with its caption.
    public static func figure(_ chart: SVGChart, caption: String) -> String {
        "<figure>\(chart.svg)<figcaption>\(text(caption))</figcaption></figure>"
    }
}
