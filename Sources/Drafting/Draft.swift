import Workspace

/// A drafted e-mail: who it goes to, its subject and body, and what the workspace could
/// not fill (left visibly marked in the text as "[label]").
public struct Draft: Equatable, Sendable {
    public struct Recipient: Equatable, Sendable, Encodable {
        public var name: String
        public var email: String?

        public init(name: String, email: String?) {
            self.name = name
            self.email = email
        }

        public init(_ contact: Contact) { self.init(name: contact.name, email: contact.email) }
    }

    public var kind: DraftKind
    public var account: String
    public var to: [Recipient]
    public var cc: [Recipient]
    public var subject: String
    public var body: String
    /// Labels of the "[label]" markers left in the subject or body, in order.
    public var missing: [String]
    /// The day it was drafted (the .eml Date header).
    public var date: Day
    /// Set when a workspace template override could not be used.
    public var templateWarning: String?
    /// What the data says against sending it (an escalation for an account not at risk …):
    /// the draft is written because the CSM asked, with this above it.
    public var caution: String?

    public init(kind: DraftKind, account: String, to: [Recipient], cc: [Recipient] = [], subject: String, body: String, missing: [String],
                date: Day, templateWarning: String? = nil) {
        self.kind = kind
        self.account = account
        self.to = to
        self.cc = cc
        self.subject = subject
        self.body = body
        self.missing = missing
        self.date = date
        self.templateWarning = templateWarning
    }
}
