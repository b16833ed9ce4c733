// libyaml, which Yams is built on: Yams's module map makes it importable to any target
// that depends on Yams. Its event parser lets a file be measured before Yams builds it.
import CYaml

/// Bounds a YAML or JSON file must keep before it is built into nodes: how deep it nests,
/// how many keys one mapping has, and how much its aliases expand to. Past them Yams
/// would spend minutes (an alias "bomb" used as keys is hashed node by node) or recurse
/// off the stack; within them no real export comes close.
public enum YAMLLimits {
    static let depth = 64
    static let keysPerMapping = 1_000
    /// Nodes that aliases may add when expanded, in the whole file.
    static let aliasExpansion = 100_000

    /// Throws the first bound the file passes, with its line and column. A file libyaml
    /// cannot parse is left to Yams, which says why.
    public static func check(_ text: String, file: String) throws {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return }
        defer { yaml_parser_delete(&parser) }
        let bytes = Array(text.utf8)
        try bytes.withUnsafeBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            struct Frame { var anchor: String?; var size = 1; var isMapping: Bool; var children = 0 }
            var stack: [Frame] = []
            var sizes: [String: Int] = [:]
            var expanded = 0
            func fail(_ event: yaml_event_t, _ message: String) -> ImportFailure {
                let line = Int(event.start_mark.line) + 1, column = Int(event.start_mark.column) + 1
                return ImportFailure(file: file, problems: [ImportProblem(file: file, line: line, column: column, message: message)], rowsChecked: 0)
            }
            func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
                pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
            }
            /// A finished node of `size` nodes joins its parent.
            func add(_ size: Int, _ event: yaml_event_t) throws {
                guard !stack.isEmpty else { return }
                stack[stack.count - 1].size = min(stack[stack.count - 1].size + size, aliasExpansion + 1)
                stack[stack.count - 1].children += 1
                if stack[stack.count - 1].isMapping && stack[stack.count - 1].children > 2 * keysPerMapping {
                    throw fail(event, "a mapping with more than \(keysPerMapping) keys — no row has that many columns")
                }
            }
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return }
                defer { yaml_event_delete(&event) }
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return
                case YAML_SCALAR_EVENT:
                    if let anchor = string(event.data.scalar.anchor) { sizes[anchor] = 1 }
                    try add(1, event)
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    let mapping = event.type == YAML_MAPPING_START_EVENT
                    let anchor = string(mapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor)
                    stack.append(Frame(anchor: anchor, isMapping: mapping))
                    if stack.count > depth { throw fail(event, "nested more than \(depth) levels deep — an export is a few levels at most") }
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    guard let frame = stack.popLast() else { return }
                    if let anchor = frame.anchor { sizes[anchor] = frame.size }
                    try add(frame.size, event)
                case YAML_ALIAS_EVENT:
                    let size = string(event.data.alias.anchor).flatMap { sizes[$0] } ?? 1
                    expanded = min(expanded + size, aliasExpansion + 1)
                    if expanded > aliasExpansion {
                        throw fail(event, "its aliases (*name) expand to more than \(aliasExpansion) values — write the rows out instead")
                    }
                    try add(size, event)
                default:
                    continue
                }
            }
        }
    }
}
