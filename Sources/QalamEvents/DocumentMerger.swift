/// Document-level merging: mentions of one person are one person (surname-only and
/// first-name-only mentions join the full name); one event per person and merge slot
/// (departures share one); roles and organizations missing in the event's sentence come
/// from the person's other mentions; «الشركة» becomes the document's main organization.
struct DocumentMerger {
    let text: AnalyzedText
    let map: MentionMap
    let minimumConfidence: Double

    /// A person of the document: its mentions and its fullest name.
    struct Person {
        var keys: [String]
        var representative: Int
        var mentions: [Int] = []
    }

    /// Groups person mentions: longest names first, shorter ones join a name that
    /// contains all their words and shares the surname (or is its first name).
    func people() -> (people: [Person], personOf: [Int: Int]) {
        let persons = map.mentions.indices.filter { map[$0].kind == .person }
        let ordered = persons.sorted { (map[$0].keys.count, -$0) > (map[$1].keys.count, -$1) }
        var people: [Person] = []
        var personOf: [Int: Int] = [:]
        for m in ordered {
            let keys = Self.nameKeys(map[m].keys)
            guard let last = keys.last, let first = keys.first else { continue }
            let match = people.firstIndex { person in
                guard keys.allSatisfy({ key in person.keys.contains { $0.sameBytes(as: key) } }) else { return false }
                // Same surname, or the first name alone, or the first names of a longer chain
                // («محمد بن نايف» in «محمد بن نايف بن عبدالعزيز»).
                let isPrefix = keys.count >= 2 && keys.count < person.keys.count
                    && zip(keys, person.keys).allSatisfy { $0.sameBytes(as: $1) }
                return person.keys.last.map { $0.sameBytes(as: last) } ?? false || isPrefix
                    || keys.count == 1 && (person.keys.first.map { $0.sameBytes(as: first) } ?? false)
            }
            if let match {
                people[match].mentions.append(m)
                personOf[m] = match
            } else {
                personOf[m] = people.count
                people.append(Person(keys: keys, representative: m, mentions: [m]))
            }
        }
        return (people, personOf)
    }

    /// Name words without connectors («بن», «آل») for comparison.
    static func nameKeys(_ keys: [String]) -> [String] {
        keys.filter { !MentionChunker.nameConnectors.contains($0) }
    }

    /// The document's main organization: the most often named one (first on ties).
    func mainOrganization() -> Int? {
        var counts: [String: (count: Int, first: Int)] = [:]
        for (index, mention) in map.mentions.enumerated() where mention.kind == .organization {
            let key = EventKeyFolding.fold(mention.canonical ?? "")
            guard !key.isEmpty else { continue }
            let entry = counts[key] ?? (0, index)
            counts[key] = (entry.count + 1, entry.first)
        }
        return counts.values.max { ($0.count, -$0.first) < ($1.count, -$1.first) }?.first
    }

    /// Merged events, in order of first evidence.
    func merge(_ candidates: [EventCandidate]) -> [(EventCandidate, person: Int, organizationCanonical: String?)] {
        let (people, personOf) = people()
        let main = mainOrganization()
        // A person's role and organization from anywhere in the document (profile).
        var profileRole: [Int: Int] = [:]
        var profileOrganization: [Int: Int] = [:]
        for candidate in candidates {
            guard let person = personOf[candidate.person] else { continue }
            if let role = candidate.role, profileRole[person] == nil { profileRole[person] = role }
            if let org = candidate.organization, profileOrganization[person] == nil { profileOrganization[person] = org }
        }
        var groups: [String: [EventCandidate]] = [:]
        var order: [String] = []
        for candidate in candidates {
            guard let person = personOf[candidate.person] else { continue }
            let key = "\(person)/\(candidate.type.mergeSlot)"
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(candidate)
        }
        var result: [(EventCandidate, person: Int, organizationCanonical: String?)] = []
        for key in order {
            guard let group = groups[key], let person = personOf[group[0].person] else { continue }
            let hasEvidence = group.contains { !$0.needsJobEvidence } || profileRole[person] != nil
            guard hasEvidence else { continue }
            let usable = group.filter { !$0.needsJobEvidence || profileRole[person] != nil }
            guard var best = usable.max(by: { score($0) < score($1) }) else { continue }
            let support = Double(usable.count - 1) * 0.05
            best.confidence = min(1, best.confidence + support)
            guard best.confidence >= minimumConfidence else { continue }
            if best.role == nil { best.role = usable.first(where: { $0.role != nil })?.role ?? (best.type == .appointed ? nil : profileRole[person]) }
            if best.organization == nil {
                best.organization = usable.first(where: { $0.organization != nil })?.organization
                    ?? (best.role != nil && best.type != .appointed ? profileOrganization[person] : nil)
            }
            if best.destination == nil { best.destination = usable.first(where: { $0.destination != nil })?.destination }
            if best.organization == nil, let main, text.sentences.count >= 3, best.type != .appointed || best.role != nil,
                let title = best.role.flatMap({ map[$0].canonical }), !Self.isPublicOffice(title) {
                best.organization = main  // a company role in an article about one company
            }
            var canonical: String? = nil
            if let org = best.organization {
                if map[org].kind == .organizationReference {
                    if let main { canonical = map[main].canonical } else { best.organization = nil }
                } else {
                    canonical = map[org].canonical
                }
            }
            result.append((best, people[person].representative, canonical))
        }
        return result
    }

    /// Titles of public office, which belong to a state rather than to the company an article is about.
    static func isPublicOffice(_ title: String) -> Bool {
        ["Minister", "Prime", "Republic", "State", "Governor", "King", "Ambassador", "Attorney", "Prosecutor", "Judge",
         "Justice", "Under-Secretary", "Deputy", "Secretary-General", "Member", "Presidency"].contains { title.contains($0) }
    }

    private func score(_ candidate: EventCandidate) -> Double {
        candidate.confidence + candidate.type.specificity + (candidate.role != nil ? 0.02 : 0)
    }
}
