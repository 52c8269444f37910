/// Reads entity spans off a BIO tag sequence with the conlleval convention: a `B-X`
/// starts a span, an `I-X` continues a span of type X and otherwise starts one.
public enum BIOChunker {
    /// One span: a type and a range of positions.
    public struct Chunk: Sendable, Hashable {
        /// The entity type.
        public var type: EntityType
        /// Positions covered, end exclusive.
        public var range: Range<Int>
    }

    /// The spans of `tags`, in order.
    public static func chunks(_ tags: [BIOTag]) -> [Chunk] {
        var chunks: [Chunk] = []
        var open: (type: EntityType, start: Int)?
        for (position, tag) in tags.enumerated() {
            let continues = tag.isInside && open?.type == tag.type
            if !continues, let current = open {
                chunks.append(Chunk(type: current.type, range: current.start..<position))
                open = nil
            }
            if let type = tag.type, !continues { open = (type, position) }
        }
        if let current = open { chunks.append(Chunk(type: current.type, range: current.start..<tags.count)) }
        return chunks
    }
}
