/// A person from a CRM's contacts export, put on record at their account.
extension ChangeWriter {
    /// What one row of a contacts file did.
    enum PersonOutcome { case added, updated, unchanged }

    /// Puts one person of a contacts file on record at an account, found by name among those
    /// on record today. With a role, they hold it as `setContact` puts them there (whoever
    /// held it is kept, replaced today), and a part of theirs before is kept the same way;
    /// without one, their part stays as it is, and someone new — or someone whose role
    /// another row of the file took today — is on record without a role. An empty title or
    /// e-mail keeps the one on record. The same file again changes nothing (`ImportWriter`
    /// puts the rows with a role first). Returns what undoes it, in the order applied.
    func putPerson(accountID: Int64, _ person: Contact, on day: Day) throws -> (PersonOutcome, [Change]) {
        let named = try s.fetchAll(Contact.self, "WHERE account_id = ? ORDER BY id", accountID).filter { $0.name.comparable == person.name.comparable }
        let mine = named.filter { $0.replacedOn == nil }
        // What is known of them: their row today, or the one a role given today replaced.
        let known = mine.last ?? named.last { $0.replacedOn == day }
        let outcome: PersonOutcome = known == nil ? .added : .updated
        func merged(_ old: Contact?) -> Contact {
            var c = old ?? person
            c.title = person.title ?? old?.title
            c.email = person.email ?? old?.email
            return c
        }
        if let role = person.role {
            let holder = mine.first { $0.role == role }
            if mine.count == 1, let holder, merged(holder) == holder { return (.unchanged, []) }
            var wanted = merged(holder ?? known)
            wanted.role = role
            wanted.recordedOn = day
            wanted.replacedOn = nil  // back in a role today, whatever became of the row it was known by
            var undo = try setContact(accountID: accountID, role: role, contact: wanted, on: day)
            for old in mine where old.role != role {
                undo.append(.putContact(old))
                var replaced = old
                replaced.replacedOn = day
                try s.update(replaced)
            }
            return (outcome, undo)
        }
        guard !mine.isEmpty else {
            var new = merged(known)
            new.accountID = accountID
            new.id = nil
            new.role = nil
            new.recordedOn = day
            new.replacedOn = nil
            try s.insert(&new)
            touched.insert(accountID)
            return (outcome, [.deleteContact(new.id!)])
        }
        var undo: [Change] = []
        for old in mine where merged(old) != old {
            undo.append(.putContact(old))
            try s.update(merged(old))
        }
        if !undo.isEmpty { touched.insert(accountID) }
        return (undo.isEmpty ? .unchanged : .updated, undo)
    }
}
