import Foundation
import XCTest
import Scoring
@testable import Playbooks
import Shell
import Workspace
@testable import Commands

/// The book's lists read each account's summary from the workspace. On each store: a kept
/// summary is what a fresh computation gives, a change outdates exactly the accounts it
/// touched, a summary computed before a change is never saved over it, and a new model or
/// day is never answered from the old one's summaries.
final class AccountSummaryTests: WorkspaceTestCase {
    /// A demo workspace on `kind`'s store, and Dana's shell on it.
    func shell(_ kind: String) throws -> (OneTruthTests.Runner, Context) {
        try shell(try workspace(kind), as: "dana")
    }

    /// Every account computed afresh, two ways: the book's reading and one account's own.
    func fresh(_ context: Context) throws -> [AccountSummary] { try computed(context).map(\.summary) }

    /// What the review reads of every account, computed afresh the same two ways.
    func freshRows(_ context: Context) throws -> [PortfolioReview.Row] { try computed(context).map(\.row) }

    func computed(_ context: Context) throws -> [(summary: AccountSummary, row: PortfolioReview.Row)] {
        let make = { (h: AccountHealth) throws -> (summary: AccountSummary, row: PortfolioReview.Row) in
            let input = PlaybookInput(health: h)
            let qbr = try PortfolioReview.QBROutcome.recent(input).map {
                PortfolioReview.QBROutcome(account: h.account.name, held: $0.date, health: try context.health(of: h.account))
            }
            let summary = AccountSummary(input, alerts: Monitor.alerts(for: h))
            return (summary, PortfolioReview.Row(summary, input: input, qbr: qbr))
        }
        let book = try context.portfolio(withRecords: true).map(make)
        let one = try book.map { try make(try context.health(of: $0.summary.account)) }
        XCTAssertEqual(book.map(\.summary), one.map(\.summary), "the book's reading and one account's give one summary")
        XCTAssertEqual(book.map(\.row), one.map(\.row), "and one row for the review")
        return book
    }

    /// The review's rows kept beside the summaries, by account, and how many accounts are in the book.
    func keptRows(_ context: Context) throws -> (rows: [Int64: PortfolioReview.Row], inBook: Int) {
        var rows: [Int64: PortfolioReview.Row] = [:]
        let inBook = try context.store.eachKeptReview(basis: context.summaryBasis, on: context.today) { id, bytes in
            rows[id] = PortfolioReview.Row(id: id, kept: bytes)
        }
        return (rows, inBook)
    }

    /// Every account's stored summary as the store hands it over: a kept one whole, with its
    /// stamp; an out-of-date one as its stamp, with no basis.
    func kept(_ context: Context) throws -> [Int64: StoredSummary] {
        let basis = context.summaryBasis
        var kept: [Int64: StoredSummary] = [:]
        _ = try context.store.eachKeptSummary(basis: basis, on: context.today, details: true) { id, body, details in
            kept[id] = StoredSummary(accountID: id, stamp: nil, basis: basis, body: String(decoding: body, as: UTF8.self), details: details,
                                     alerts: "", review: "")
        }
        for (id, stamp) in try context.store.outdatedSummaries(basis: basis, on: context.today, also: Array(kept.keys)) {
            kept[id, default: StoredSummary(accountID: id, stamp: nil, basis: "", body: "", details: "", alerts: "", review: "")].stamp = stamp
        }
        return kept
    }

    func testKeptSummariesAreFreshOnSQLite() throws { try keptSummariesAreFresh("sqlite") }
    func testKeptSummariesAreFreshOnPostgreSQL() throws { try keptSummariesAreFresh("postgres") }

    func keptSummariesAreFresh(_ kind: String) throws {
        let (dana, context) = try shell(kind)
        XCTAssertEqual(Set(try kept(context).values.map(\.basis)), [""], "no summary is computed before a list asks for one")
        let first = try context.book().summaries
        XCTAssertEqual(first, try fresh(context))
        XCTAssertTrue(first.contains { !$0.alerts.isEmpty } && first.contains { $0.earlier != nil }, "the demo book exercises every part of a summary")
        // What the review reads of each, kept beside: the rows computed afresh.
        let rows = try freshRows(context)
        XCTAssertTrue(rows.contains { $0.qbr != nil } && rows.contains { $0.expansion != nil } && rows.contains { !$0.feedback.isEmpty }
                      && rows.contains { $0.qbrs > 0 } && rows.contains { $0.cause != nil } && rows.contains { !$0.done.isEmpty },
                      "the demo book exercises every part of a review's row")
        XCTAssertEqual(try keptRows(context).rows, Dictionary(uniqueKeysWithValues: rows.map { ($0.id, $0) }))
        XCTAssertEqual(try keptRows(context).inBook, rows.count)
        let stored = try kept(context)
        XCTAssertEqual(stored.count, first.count)
        XCTAssertEqual(Set(stored.values.map(\.basis)), [context.summaryBasis])
        // Read back from the workspace: the same summaries, and the drivers' JSON as computed.
        XCTAssertEqual(try context.book().summaries, first)
        let acme = try context.account("Acme")
        let health = try context.health(of: acme)
        XCTAssertEqual(try context.book(details: true).details[acme.id!], AccountSummary.details(ChurnRisk(health: health), alerts: Monitor.alerts(for: health)))

        // A change outdates the accounts it touched, and only those.
        XCTAssertTrue(dana.say("log Acme champion left Maria Chen resigned").contains("logged"))
        let after = try kept(context)
        XCTAssertEqual(after[acme.id!]?.basis, "")
        XCTAssertEqual(after[acme.id!]?.stamp, (stored[acme.id!]?.stamp ?? 0) + 1)
        for (id, row) in after where id != acme.id! { XCTAssertEqual(row, stored[id]) }
        let now = try context.book().summaries
        XCTAssertEqual(now, try fresh(context))
        XCTAssertTrue(now.first { $0.account.id == acme.id }!.drivers.contains("champion left"), "the new driver is in Acme's summary")
        XCTAssertNotEqual(now.first { $0.account.id == acme.id }, first.first { $0.account.id == acme.id })

        // An import, a field set, undo: every list agrees with a fresh computation.
        let fixtures = (TranscriptFiles.folder as NSString).appendingPathComponent("fixtures")
        XCTAssertTrue(dana.say("import \(fixtures)/new-book.csv").hasPrefix("imported"))
        XCTAssertTrue(dana.say("import \(fixtures)/new-book-weeks.csv").hasPrefix("imported"))
        _ = dana.say("set Hooli arr 1")
        XCTAssertEqual(try context.book().summaries, try fresh(context))
        _ = dana.say("undo")
        _ = dana.say("undo")
        context.workspaceChanged()
        XCTAssertEqual(try context.book().summaries, try fresh(context))
        XCTAssertEqual(dana.say("list accounts"), dana.say("list accounts"), "a list read from kept summaries reads as the one that kept them")

        // JSON from kept summaries carries the facts one account's own answer does.
        let hooli = try context.account("Hooli")
        _ = dana.say("log Hooli champion left Nelson moved to a competitor")
        for _ in 0..<2 {
            let book = try dana.object("alerts")["alerts"] as? [[String: Any]] ?? []
            let one = try dana.object("alerts Hooli")["alerts"] as? [[String: Any]] ?? []
            let kept = book.filter { $0["account"] as? String == hooli.name }
            XCTAssertFalse(one.isEmpty)
            XCTAssertEqual(kept.map { $0["facts"] as? NSDictionary }, one.map { $0["facts"] as? NSDictionary })
            XCTAssertEqual(kept.map { $0["evidence"] as? String }, one.map { $0["evidence"] as? String })
            let drivers = (try dana.object("churn risk")["accounts"] as? [[String: Any]] ?? []).first { $0["account"] as? String == hooli.name }?["drivers"] as? NSArray
            XCTAssertEqual(drivers, try dana.object("churn risk Hooli")["drivers"] as? NSArray)
            XCTAssertGreaterThan(drivers?.count ?? 0, 0)
        }
    }

    func testTheReviewFromKeptRowsIsTheReviewComputedOnSQLite() throws { try reviewFromKeptRows("sqlite") }
    func testTheReviewFromKeptRowsIsTheReviewComputedOnPostgreSQL() throws { try reviewFromKeptRows("postgres") }

    /// `portfolio review` reads each account's row kept beside its summary: its answer is the
    /// review computed afresh from every account, after a first read, after changes, and when a
    /// kept row does not read.
    func reviewFromKeptRows(_ kind: String) throws {
        let (dana, context) = try shell(kind)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = { (report: PortfolioReport) throws -> String in String(decoding: try encoder.encode(report), as: UTF8.self) }
        let computed = { () throws -> String in
            let rows = Account.byName(try self.freshRows(context), name: \.name, id: \.id)
            let accounts = try context.accounts()
            let review = try PortfolioReview(book: rows, ledger: try context.store.ledger(), today: context.today) { id in
                PlaybookInput(health: try context.health(of: accounts.first { $0.id == id }!))
            }
            return try json(PortfolioReport(review: review, csm: nil))
        }
        XCTAssertEqual(try json(context.portfolioReview(csm: nil).report), try computed(), "the first read keeps every row")
        XCTAssertEqual(try keptRows(context).rows.count, try freshRows(context).count)
        XCTAssertEqual(try json(context.portfolioReview(csm: nil).report), try computed(), "read from the kept rows")
        let before = try context.portfolioReview(csm: nil).report.review

        // A QBR and product feedback logged: the two accounts' rows are computed again.
        XCTAssertTrue(dana.say("log Acme qbr held").contains("logged"))
        XCTAssertTrue(dana.say("log Pied Piper premium feature requested SSO").contains("logged"))
        let after = try context.portfolioReview(csm: nil).report
        XCTAssertEqual(try json(after), try computed())
        XCTAssertEqual(after.review.qbrsLast90Days, before.qbrsLast90Days + 1)
        XCTAssertEqual(after.review.questions.first { $0.key == "product_feedback" }?.evidence.first, "Pied Piper ($4,200), 2026-11-24: premium feature requested — SSO")

        // A kept row that does not read is computed, and the answer is the same.
        let store = try XCTUnwrap(context.store as? SQLStore), acme = try context.account("Acme")
        try store.database.write { try $0.execute("UPDATE account_summary SET review = 'not a row' WHERE account_id = ?", [acme.id!.databaseValue]) }
        XCTAssertEqual(try json(context.portfolioReview(csm: nil).report), try json(after))
        // One CSM's review is the same rows narrowed.
        let dana2 = try context.portfolioReview(csm: "Dana Whitfield").report.review
        XCTAssertEqual(dana2.accounts, try freshRows(context).filter { $0.csm == "Dana Whitfield" && !$0.isChurned }.count)
    }

    func testASummaryOfAnOlderReadingIsNotSavedOnSQLite() throws { try olderReadingIsNotSaved("sqlite") }
    func testASummaryOfAnOlderReadingIsNotSavedOnPostgreSQL() throws { try olderReadingIsNotSaved("postgres") }

    /// Sam's list computed Acme's summary; Dana's change landed before Sam's shell saved it:
    /// the summary is refused, and the next list computes Acme again.
    func olderReadingIsNotSaved(_ kind: String) throws {
        let (dana, context) = try shell(kind)
        _ = try context.book()
        let acme = try context.account("Acme")
        let read = try XCTUnwrap(try kept(context)[acme.id!])
        XCTAssertTrue(dana.say("set Acme arr 1").contains("arr"))
        var late = read
        late.basis = context.summaryBasis
        XCTAssertEqual(try context.store.save([late]), 0)
        XCTAssertEqual(try kept(context)[acme.id!]?.basis, "", "still out of date")
        XCTAssertNil(try context.keptAlerts(), "nor are its alerts' heads read")
        context.workspaceChanged()
        XCTAssertEqual(try context.book().summaries.first { $0.account.id == acme.id }?.account.arr, Money(cents: 100))
    }

    func testAnAccountThatStartsLaterLeavesTheRestKeptOnSQLite() throws { try accountThatStartsLaterLeavesTheRestKept("sqlite") }
    func testAnAccountThatStartsLaterLeavesTheRestKeptOnPostgreSQL() throws { try accountThatStartsLaterLeavesTheRestKept("postgres") }

    /// An account that starts after today has no summary and is not in the book; the others
    /// are still read from what is kept, and the account is still one of the workspace's.
    func accountThatStartsLaterLeavesTheRestKept(_ kind: String) throws {
        let (dana, context) = try shell(kind)
        XCTAssertTrue(dana.say("set Hooli start date 2027-01-01").contains("Hooli"))
        XCTAssertEqual(try context.book().summaries.count, 12)
        let kept = try self.kept(context)
        XCTAssertEqual(kept.values.filter { $0.basis == context.summaryBasis }.count, 12)
        XCTAssertNil(kept[try context.account("Hooli").id!], "not in the book: neither kept nor out of date")
        XCTAssertEqual(try context.keptAlerts()?.accounts, 12, "the book's alerts are read from what is kept")
        context.workspaceChanged()
        XCTAssertEqual(try context.book().summaries.map(\.account.name).contains("Hooli"), false)
        XCTAssertEqual(try context.accounts().count, 13)
        XCTAssertTrue(dana.say("list accounts").contains("11 live accounts"))
    }

    func testAKeptAnswerIsOfTheBookAsItWasOnSQLite() throws { try keptAnswerIsOfTheBookAsItWas("sqlite") }
    func testAKeptAnswerIsOfTheBookAsItWasOnPostgreSQL() throws { try keptAnswerIsOfTheBookAsItWas("postgres") }

    /// The book's stamp moves with every change to an account, never back (not even on undo),
    /// and not when summaries are read and kept: an answer kept for it is read for it alone.
    func keptAnswerIsOfTheBookAsItWas(_ kind: String) throws {
        let (dana, context) = try shell(kind)
        let store = context.store
        _ = try context.book()
        let before = try store.bookStamp()
        XCTAssertEqual(try context.book().summaries.count, 13)
        XCTAssertEqual(try store.bookStamp(), before, "reading the book moves nothing")
        try store.keep(answer: "first", name: "portfolio review ", basis: "b", book: before)
        try store.keep(answer: "second", name: "portfolio review ", basis: "b", book: before)
        XCTAssertEqual(try store.keptAnswer("portfolio review ", basis: "b", book: before), "second")
        XCTAssertNil(try store.keptAnswer("portfolio review ", basis: "another model", book: before))
        XCTAssertNil(try store.keptAnswer("portfolio review dana", basis: "b", book: before))
        XCTAssertTrue(dana.say("log Acme call with Maria about the renewal").contains("logged"))
        let after = try store.bookStamp()
        XCTAssertNotEqual(after, before)
        XCTAssertNil(try store.keptAnswer("portfolio review ", basis: "b", book: after))
        _ = dana.say("undo")
        let undone = try store.bookStamp()
        XCTAssertFalse([before, after].contains(undone), "an undo is a change too: \(undone)")
    }

    /// A new model or another day is never answered from the summaries of the old one.
    func testAModelOrADayOfItsOwn() throws {
        let (dana, context) = try shell("sqlite")
        let before = dana.say("list accounts")
        let basis = context.summaryBasis
        let model = (TranscriptFiles.folder as NSString).appendingPathComponent("fixtures/model-segments.yaml")
        try FileManager.default.copyItem(atPath: model, toPath: (context.workspace.path as NSString).appendingPathComponent("model.yaml"))
        let after = dana.say("list accounts")
        XCTAssertNotEqual(context.summaryBasis, basis)
        XCTAssertNotEqual(after, before, "the segments model scores differently")
        XCTAssertEqual(try context.book().summaries, try fresh(context))
        XCTAssertEqual(Set(try kept(context).values.map(\.basis)), [context.summaryBasis])

        // As of another day: computed for that day, and nothing kept for it.
        let kept = try self.kept(context)
        let earlier = dana.say("list accounts as of 2026-10-01")
        XCTAssertNotEqual(earlier, after)
        XCTAssertTrue(earlier.contains("Acme Corp"), earlier)
        XCTAssertEqual(try self.kept(context), kept)
    }

    /// The book's alerts as the kept summaries give them — ranked from the heads kept beside
    /// them (their words read from the bodies when shown), or from each summary's own alerts —
    /// are the alerts the accounts' health raises, in the same look order.
    func testTheBooksAlertsAreTheMonitorsAlertsOnSQLite() throws { try booksAlertsAreTheMonitorsAlerts("sqlite") }
    func testTheBooksAlertsAreTheMonitorsAlertsOnPostgreSQL() throws { try booksAlertsAreTheMonitorsAlerts("postgres") }

    func booksAlertsAreTheMonitorsAlerts(_ kind: String) throws {
        let (dana, context) = try shell(kind)
        XCTAssertNil(try context.keptAlerts(), "nothing is kept before the book is first read")
        _ = try context.book()
        let book = try context.book(details: true, reads: .tails)
        let heads = try XCTUnwrap(try context.keptAlerts())
        XCTAssertEqual(heads.accounts, book.summaries.count)
        let words = try XCTUnwrap(heads.firing.words)
        try context.read(words, of: heads.firing.items.map(\.accountID))
        let computed = context.alerts(of: try context.portfolio(withRecords: true).filter { !$0.isChurned })
        let looks = try [heads.firing, FiringAlerts(book), computed].map { try context.lookAtAlerts($0, scope: nil) }
        let (a, b) = (looks[1], looks[2])
        XCTAssertGreaterThan(a.firing.count, 10, "the demo book has alerts to compare")
        for look in [looks[0], a] {
            XCTAssertEqual(look.firing.map(\.head), b.firing.map(\.head))
            XCTAssertEqual(look.firing.map(\.account), b.firing.map(\.account))
            XCTAssertEqual(look.firing.map(\.arr), b.firing.map(\.arr))
            XCTAssertEqual(look.states.map { $0?.id }, b.states.map { $0?.id })
        }
        for i in a.firing.indices {
            let (x, y, z) = (a.alert(i), b.alert(i), looks[0].alert(i))
            XCTAssertEqual([x.account, x.label, x.evidence.shown, x.who, x.within], [y.account, y.label, y.evidence.shown, y.who, y.within])
            XCTAssertEqual([z.account, z.label, z.evidence.shown, z.who, z.within], [y.account, y.label, y.evidence.shown, y.who, y.within])
            XCTAssertEqual([x.severity, z.severity], [y.severity, y.severity])
            XCTAssertEqual([x.arr, z.arr], [y.arr, y.arr])
            // As JSON, with the facts kept beside the summary: one document.
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            XCTAssertEqual(String(decoding: try encoder.encode(x), as: UTF8.self), String(decoding: try encoder.encode(y), as: UTF8.self))
        }
        // A change outdates what is kept of the account it touched: no heads until it is read again.
        XCTAssertTrue(dana.say("set Hooli arr 1").contains("Hooli"))
        XCTAssertNil(try context.keptAlerts())
    }

    /// Facts read back are written out as they were: a number stays a number, true stays true.
    func testJSONKeptReadsBackTheSame() throws {
        let text = #"{"a":1,"b":true,"c":1.5,"d":null,"e":[0,false,"x"],"f":{"g":-2.25}}"#
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        XCTAssertEqual(String(data: try encoder.encode(value), encoding: .utf8), text)
    }

    /// What the review reads of an account reads back as it was written, whatever the data holds.
    func testAReviewRowReadsBackTheSame() throws {
        let (_, context) = try shell("sqlite")
        let read = { (text: String, id: Int64) in Array(text.utf8).withUnsafeBytes { PortfolioReview.Row(id: id, kept: $0) } }
        let rows = try freshRows(context)
        for row in rows { XCTAssertEqual(read(row.kept, row.id), row) }
        var odd = try XCTUnwrap(rows.first { $0.qbr != nil && $0.expansion != nil })
        odd.id = 7
        odd.name = "odd\u{1F}名\u{1C}"
        odd.csm = "\u{1E}"
        odd.churnReason = ""
        odd.churnDate = Day(ordinal: -3)
        odd.isChurned = true
        odd.cause = "a\u{1D}b"
        odd.expansion = .init(plays: ["", "seats\u{1F}"], potential: Money(cents: -5))
        odd.qbr = .init(account: odd.name, held: today, scoreThen: nil, thenWeek: today, scoreNow: 1e-300, dauThen: -0.0, dauNow: nil)
        odd.done = ["", "call_logged 2026-11-01"]
        odd.feedback = [.init(date: today, kind: "x\u{1D}", details: nil), .init(date: today, kind: "", details: "\u{1E}%1E")]
        odd.qbrs = 2
        XCTAssertEqual(read(odd.kept, 7), odd)
        XCTAssertEqual(read(odd.kept, 7)?.qbr?.account, "odd\u{1F}名\u{1C}")
        // Cut short, with a field too many, or with a count past the bytes: not a row.
        for broken in [String(odd.kept.dropLast(2)), odd.kept + "\u{1F}", "x\u{1F}\u{1F}99\u{1E}a", "", "not a row"] {
            XCTAssertNil(read(broken, 7), broken)
        }
    }

    /// A body reads back to the summary that wrote it, whatever a model calls its tiers.
    func testABodyReadsBackTheSame() throws {
        let (_, context) = try shell("sqlite")
        for summary in try fresh(context) {
            XCTAssertEqual(AccountSummary(id: summary.account.id!, asOf: today, body: summary.body), summary)
            if var current = summary.current {
                current.band = TierScheme.Band("odd%1F \u{1F}name%25", "\u{1E}", from: current.band.lowerBound, level: current.band.level)
                let account = Account(id: summary.account.id, name: "odd\u{1F}名", aliases: ["", "a\u{1E}", "%"], segment: .smb, plan: "", arr: Money(cents: -1),
                                      csm: nil, startDate: Day(ordinal: 0), renewalDate: nil, churnDate: today, churnReason: "")
                let odd = AccountSummary(account: account, asOf: today, current: current, earlier: current, trend: summary.trend, level: summary.level,
                                         points: summary.points, probability: 0.1 + 0.2, drivers: summary.drivers + ["50% \u{1E} of %1E", ""],
                                         reason: .competition, lastTouch: Day(ordinal: -3),
                                         alerts: summary.alerts + [KeptAlert(monitor: .custom, name: "odd\u{1D}%1D\u{1C}L", severity: .redImmediate, shown: "", who: "%", within: "\u{1F}\u{1C}")])
                XCTAssertEqual(AccountSummary(id: summary.account.id!, asOf: today, body: odd.body), odd)
                // The tail (drivers, alerts) is made only when asked for,
                // but checked as the body is read: a broken tail is a body that does not read.
                let read = try XCTUnwrap(AccountSummary(id: summary.account.id!, asOf: today, body: odd.body))
                // What ranks its alerts, kept beside the body, reads back whatever a monitor is called.
                let kept = AlertHead.kept(odd.alertHeads)
                let heads = try XCTUnwrap(Array(kept.utf8).withUnsafeBytes(AlertHead.kept))
                XCTAssertEqual(heads, odd.alerts.map(\.head))
                XCTAssertEqual(heads.last?.key, "custom:odd\u{1D}%1D\u{1C}L")
                for broken in [kept + "2", kept + "9" + kept, String(kept.dropLast()), "2x:dau_drop", "25:bogus", "26:custom"] {
                    XCTAssertNil(Array(broken.utf8).withUnsafeBytes(AlertHead.kept), broken)
                }
                XCTAssertEqual(read.alerts.last?.name, "odd\u{1D}%1D\u{1C}L")
                XCTAssertEqual(read.drivers.suffix(2), ["50% \u{1E} of %1E", ""])
                for broken in [odd.body.replacingOccurrences(of: "custom\u{1D}", with: "bogus\u{1D}"),
                               odd.body.replacingOccurrences(of: "\u{1D}3\u{1D}", with: "\u{1D}9\u{1D}"),
                               String(odd.body[..<odd.body.range(of: "custom\u{1D}")!.upperBound])] {
                    XCTAssertNotEqual(broken, odd.body)
                    XCTAssertNil(AccountSummary(id: summary.account.id!, asOf: today, body: broken), broken)
                }
            }
        }
        XCTAssertNil(AccountSummary(id: 1, asOf: today, body: "not a summary"))
        // A body of another version, cut short, or with counts and numbers past any sense, is
        // not read (and never brings the shell down).
        let body = try XCTUnwrap(try fresh(context).first?.body)
        for broken in [String(body.prefix(body.count / 2)), body + "\u{1F}", "\u{1F}99999999999999999999\u{1E}", "x\u{1F}4611686018427387904\u{1E}",
                       "\u{1C}\u{1}\u{1F}\u{1C}"] {
            XCTAssertNil(AccountSummary(id: 1, asOf: today, body: broken), broken)
        }
    }
}
