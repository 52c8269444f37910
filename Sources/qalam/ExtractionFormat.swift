import ArgumentParser
import QalamEvents
import QalamText

/// Output formats of `qalam extract`.
enum ExtractionFormat: String, CaseIterable, Sendable, ExpressibleByArgument {
    /// One JSON object per event (the contract in DESIGN.md).
    case jsonl
    /// Tab-separated values with a header line.
    case tsv
    /// An aligned table of people for reading in a terminal.
    case table

    /// The header line of the TSV format.
    static let tsvHeader = "document\tevent\tperson\tlatin\trole\trole_canonical\torganization\tdestination\tconfidence\tevidence\n"

    /// One event as a JSON object line. Offsets are Unicode scalar offsets.
    static func jsonLine(_ event: RoleChangeEvent, document: Document, explain: Bool) -> String {
        func span(_ span: EventSpan, canonical: Bool, latin: String? = nil) -> String {
            let range = document.scalarRange(of: span.range)
            var fields = "\"text\":\(JSON.quoted(span.text)),\"start\":\(range.lowerBound),\"end\":\(range.upperBound)"
            if let latin { fields += ",\"latin\":\(JSON.quoted(latin))" }
            if canonical { fields += ",\"canonical\":" + (span.canonical.map { JSON.quoted($0) } ?? "null") }
            return "{\(fields)}"
        }
        var line = "{\"document\":\(JSON.quoted(event.documentID)),\"event\":\"\(event.type)\""
        line += ",\"person\":" + span(event.person, canonical: false, latin: event.personLatin)
        line += ",\"role\":" + (event.role.map { span($0, canonical: true) } ?? "null")
        line += ",\"organization\":" + (event.organization.map { span($0, canonical: true) } ?? "null")
        line += ",\"destination\":" + (event.destination.map { span($0, canonical: false) } ?? "null")
        line += ",\"evidence\":" + span(event.evidence, canonical: false)
        line += ",\"confidence\":\(event.confidence)"
        if explain {
            let why = event.explanation
            line += ",\"trigger\":{\"text\":\(JSON.quoted(why.trigger)),\"lemma\":\(JSON.quoted(why.lemma)),\"pattern\":\(JSON.quoted(why.pattern))}"
        }
        return line + "}\n"
    }

    /// One event as a TSV line (tabs and line breaks inside fields become spaces).
    static func tsvLine(_ event: RoleChangeEvent, explain: Bool) -> String {
        func clean(_ text: String?) -> String {
            String((text ?? "").map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 })
        }
        var fields = [
            event.documentID, event.type.rawValue, event.person.text, event.personLatin ?? "",
            event.role?.text ?? "", event.role?.canonical ?? "",
            event.organization?.canonical ?? event.organization?.text ?? "", event.destination?.text ?? "",
            String(event.confidence), event.evidence.text,
        ].map(clean)
        if explain { fields.append(clean("\(event.explanation.trigger) [\(event.explanation.pattern)]")) }
        return fields.joined(separator: "\t") + "\n"
    }

    /// An aligned table of events, one row each.
    static func table(_ events: [RoleChangeEvent], explain: Bool) -> String {
        var rows = [["person", "latin", "event", "role", "organization", "document"] + (explain ? ["trigger"] : [])]
        for event in events {
            var role = event.role?.text ?? "-"
            if let canonical = event.role?.canonical { role += " (\(canonical))" }
            var row = [
                event.person.text, event.personLatin ?? "-", event.type.rawValue, role,
                event.organization?.canonical ?? event.organization?.text ?? "-", event.documentID,
            ]
            if explain { row.append("\(event.explanation.trigger) [\(event.explanation.pattern)]") }
            rows.append(row)
        }
        var widths = Array(repeating: 0, count: rows[0].count)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        return rows.map { row in
            row.enumerated().map { i, cell in
                i == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - cell.count)
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}
