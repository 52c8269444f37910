import QalamText

extension NameRomanizer {
    /// The entities with ``Entity/latin`` set for persons: the best Latin spelling of the
    /// entity's text (``best(_:)``). Other entities, and persons the romanizer cannot
    /// spell, are returned unchanged. Opt-in: the romanizer's model is loaded only by
    /// callers that want Latin spellings.
    public func addingLatinSpellings(to entities: [Entity], in document: Document) -> [Entity] {
        entities.map { entity in
            guard entity.type == .person else { return entity }
            var spelled = entity
            spelled.latin = best(String(document.text(of: entity.range)))
            return spelled
        }
    }
}
