import Foundation
import Shell

extension Context {
    /// Whether `path` may be written: a new file may; a symbolic link never is written through
    /// (it would write wherever the link points); a file that is there is replaced after a yes at
    /// the terminal (false after a no), or with --force — on a pipe or with -c, only with --force.
    func mayReplace(_ path: String, shown: String, force: Bool) throws -> Bool {
        let fm = FileManager.default
        // No attributes: nothing is there, which is the usual case, not a failure.
        guard let attributes = try? fm.attributesOfItem(atPath: path) else { return true }
        if attributes[.type] as? FileAttributeType == .typeSymbolicLink {
            throw CommandError("\(shown) is a symbolic link: cse does not write through one — remove it or choose another name; nothing was written")
        }
        if attributes[.type] as? FileAttributeType == .typeDirectory { throw CommandError("\(shown) is a folder — name a file in it") }
        guard !force else { return true }
        guard let confirm else {
            throw CommandError("\(shown) is there already: add --force to replace it; nothing was written")
        }
        return confirm("\(shown) is there already — replace it? [y/N] ")
    }

    /// What is said when the user keeps the file that is there.
    static func kept(_ shown: String) -> Message { Message("\(shown) kept as it was; nothing was written") }
}
