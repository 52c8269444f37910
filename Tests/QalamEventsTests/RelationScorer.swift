import Foundation
import QalamEvents

/// A Swift port of the matching rules of `../shared/eval/score_relations.py` (person
/// lenient match, departure/appointment family, role token F1 ≥ 0.5, organization
/// match), so the tests can assert the floors without Python.
struct RelationScorer {
    struct GoldEvent {
        let person: String
        let event: String
        let roles: [String]
        let organizations: [String]
        let doubt: Bool
    }

    struct Result {
        var matched = 0, system = 0, gold = 0, full = 0
        var precision: Double { system == 0 ? 0 : Double(matched) / Double(system) }
        var recall: Double { gold == 0 ? 0 : Double(matched) / Double(gold) }
        var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
        var fullF1: Double {
            let p = system == 0 ? 0 : Double(full) / Double(system)
            let r = gold == 0 ? 0 : Double(full) / Double(gold)
            return p + r == 0 ? 0 : 2 * p * r / (p + r)
        }
    }

    /// Gold documents by id (file name without ".txt").
    let gold: [String: [GoldEvent]]

    init(goldFile: URL) throws {
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: goldFile))
        let docs = (json as? [[String: Any]]) ?? [(json as? [String: Any]) ?? [:]]
        var gold: [String: [GoldEvent]] = [:]
        for doc in docs {
            let id = Self.docID(doc["doc"] as? String ?? "")
            gold[id] = ((doc["events"] as? [[String: Any]]) ?? []).map {
                GoldEvent(person: $0["person"] as? String ?? "", event: $0["event"] as? String ?? "",
                          roles: $0["role"] as? [String] ?? [], organizations: $0["organization"] as? [String] ?? [],
                          doubt: $0["doubt"] as? Bool ?? false)
            }
        }
        self.gold = gold
    }

    static func docID(_ path: String) -> String {
        let name = URL(fileURLWithPath: path).lastPathComponent
        return name.hasSuffix(".txt") ? String(name.dropLast(4)) : name
    }

    func score(_ events: [RoleChangeEvent]) -> Result {
        var result = Result()
        var byDoc: [String: [RoleChangeEvent]] = [:]
        for event in events { byDoc[Self.docID(event.documentID), default: []].append(event) }
        for (id, goldEvents) in gold {
            var used = Array(repeating: false, count: goldEvents.count)
            for event in byDoc.removeValue(forKey: id) ?? [] {
                result.system += 1
                guard let hit = goldEvents.indices.first(where: {
                    !used[$0] && Self.family(goldEvents[$0].event) == Self.family(event.type.rawValue)
                        && Self.personMatch(event.person.text, goldEvents[$0].person)
                }) else { continue }
                used[hit] = true
                result.matched += 1
                let roleOK = Self.roleMatch(event.role?.text, goldEvents[hit].roles)
                let orgOK = Self.organizationMatch(event.organization, goldEvents[hit].organizations)
                if roleOK && orgOK { result.full += 1 }
            }
            for (index, event) in goldEvents.enumerated() where used[index] || !event.doubt { result.gold += 1 }
        }
        result.system += byDoc.values.map(\.count).reduce(0, +)
        return result
    }

    static func family(_ event: String) -> String {
        ["left", "resigned", "dismissed", "leave_of_absence"].contains(event) ? "departure" : event
    }

    static func norm(_ text: String?) -> String {
        var out = ""
        for scalar in (text ?? "").precomposedStringWithCompatibilityMapping.unicodeScalars {
            switch scalar.value {
            case 0x610...0x61A, 0x64B...0x65F, 0x670, 0x6D6...0x6ED, 0x640: continue
            case 0x623, 0x625, 0x622, 0x671: out += "ا"
            case 0x649, 0x626, 0x6CC: out += "ي"
            case 0x629: out += "ه"
            case 0x624: out += "و"
            case 0x6AF, 0x6A9: out += "ك"
            default:
                let isWord = scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "_"
                    || scalar.properties.generalCategory == .nonspacingMark || scalar.properties.generalCategory == .spacingMark
                out += isWord ? String(scalar).lowercased() : " "
            }
        }
        return out.split(separator: " ").joined(separator: " ")
    }

    static func stripArticle(_ token: String) -> String {
        for prefix in ["وال", "بال", "فال", "كال", "لل", "ال"] where token.hasPrefix(prefix) && token.count - prefix.count >= 2 {
            return String(token.dropFirst(prefix.count))
        }
        return token
    }

    static func personMatch(_ system: String, _ gold: String) -> Bool {
        let s = norm(system).split(separator: " ").map(String.init)
        let g = norm(gold).split(separator: " ").map(String.init)
        guard !s.isEmpty, !g.isEmpty else { return false }
        if s == g { return true }
        let (short, long) = s.count <= g.count ? (s, g) : (g, s)
        return short.last == long.last && short.allSatisfy { long.contains($0) }
    }

    static func roleTokens(_ text: String) -> [String] {
        let stop: Set<String> = ["في", "من", "لدي", "شركه", "شركة", "ل", "و"]
        return norm(text).split(separator: " ").map(String.init).filter { !stop.contains($0) }.map(stripArticle)
    }

    static func roleMatch(_ system: String?, _ gold: [String]) -> Bool {
        guard let system, !system.isEmpty else { return gold.isEmpty }
        let st = roleTokens(system)
        for g in gold {
            let gt = roleTokens(g)
            let common = Set(st).reduce(0) { total, token in total + min(st.filter { $0 == token }.count, gt.filter { $0 == token }.count) }
            guard common > 0 else { continue }
            let p = Double(common) / Double(st.count), r = Double(common) / Double(gt.count)
            if 2 * p * r / (p + r) >= 0.5 { return true }
        }
        return false
    }

    static func organizationMatch(_ system: EventSpan?, _ gold: [String]) -> Bool {
        guard !gold.isEmpty else { return system == nil }
        guard let system else { return false }
        let names = Set([norm(system.text), norm(system.canonical)]).subtracting([""])
        return gold.contains { g in
            let g = norm(g)
            return names.contains { n in n == g || g.count > 2 && n.split(separator: " ").contains(Substring(g)) || stripArticle(n) == stripArticle(g) }
        }
    }
}
