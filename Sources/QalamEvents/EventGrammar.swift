/// The sentence-level event grammar: for every trigger, decide whether it states an
/// event (not negated, not hypothetical, not a physical departure), who the person is
/// (subject, object, genitive, pronoun antecedent, successor), and which role,
/// organization and destination go with it.
struct EventGrammar {
    let lexicons: EventLexicons
    let text: AnalyzedText
    let map: MentionMap

    private var words: WordClasses { lexicons.words }
    private func folded(_ index: Int) -> String { text.words[index].folded }

    /// All candidates of the document, in text order.
    func candidates() -> [EventCandidate] {
        var result: [EventCandidate] = []
        for (number, sentence) in text.sentences.enumerated() {
            for index in sentence {
                guard let match = text.words[index].trigger else { continue }
                result += analyse(trigger: index, match, sentence: number)
            }
        }
        return result
    }

    // MARK: triggers

    private func analyse(trigger t: Int, _ match: TriggerMatch, sentence number: Int) -> [EventCandidate] {
        let sentence = text.sentences[number]
        let entry = match.entry
        if isBlocked(t, match, sentence) || match.isFirstPerson { return [] }
        var found: [(person: Int, pattern: String, factor: Double)] = []
        var type = entry.event
        let isVerb = entry.wordClass.isVerb

        switch entry.frame {
        case .subject, .job, .position, .join:
            if entry.frame == .join {
                if match.prefix.startsWith("ل") || match.prefix.startsWith("ول"),
                    (sentence.lowerBound..<t).contains(where: { text.words[$0].trigger?.entry.event.isDeparture ?? false }) {
                    return []  // «غادر … للانضمام إلى X»: a destination, not an appointment.
                }
                guard organizationAfter(t, within: 4, sentence) != nil, !hasYear(after: t, sentence) else { return [] }
            }
            if entry.frame == .position, !positionFollows(t, sentence) { return [] }
            if let person = subjectPerson(t, match, isVerb: isVerb, sentence: number) { found.append(person) }
        case .object:
            if match.hasPronoun {
                if let person = antecedent(t, sentence: number) { found.append((person.0, "pronoun-object", person.1)) }
            } else if !isVerb {
                if let person = subjectPerson(t, match, isVerb: false, sentence: number) { found.append(person) }
            } else if let first = personAfter(t, sentence, commas: 1) {
                if let role = roleAfterName(map[first.person].tokens.upperBound, sentence), isAccusative(map[role].tokens.lowerBound) {
                    // «يعين الأمير X مستشارا»: the person the new role is predicated of.
                    found.append((first.person, "object-before-role", 1))
                } else if let second = personAfter(map[first.person].tokens.upperBound - 1, sentence, commas: 2, skipOrganizations: false) {
                    found.append((second.person, "object-after-agent", 1))
                } else {
                    found.append((first.person, "object-after-verb", 1))
                }
            } else if let object = personInClause(after: t, sentence) {
                // «عزل الجيش الرئيس السابق محمد مرسي»: an agent that is not a person, then the object.
                found.append((object, "object-after-agent", 0.9))
            } else if let before = personBefore(t, sentence, maxDistance: 12), roleAfter(t, sentence) != nil || positionFollows(t, sentence) {
                found.append((before, "subject-before-passive", 0.9))
            }
        case .contract:
            // «فسخ عقد X», «إنهاء خدمات X»: only with a contract word right after the trigger.
            guard t + 1 < sentence.upperBound, words.isa(folded(t + 1), .contract) else { return [] }
            if let after = personAfter(t, sentence, commas: 0) {
                found.append((after.person, "noun-genitive", 1))
            } else if let before = personBefore(t, sentence, maxDistance: 8, allowPrepositional: true) {
                found.append((before, "contract-relative", 0.9))  // «X الذي تم إنهاء التعاقد معه»
            }
        case .bi:
            if let person = personMarkedByBi(after: t, sentence) { found.append((person, "bi-object", 1)) }
        case .successor:
            if !isVerb {
                // «خلفا لـ X»: X left the role.
                guard let before = personAfter(t, sentence, commas: 0) else { return [] }
                type = .left
                found.append((before.person, "successor-predecessor", 0.8))
            } else if match.hasPronoun {
                var result: [EventCandidate] = []
                if let successor = personAfter(t, sentence, commas: 0) {
                    result.append(candidate(.appointed, successor.person, t, number, entry.weight, "successor-subject"))
                }
                if let predecessor = antecedent(t, sentence: number) {
                    result.append(candidate(.left, predecessor.0, t, number, entry.weight * 0.8 * predecessor.1, "successor-object"))
                }
                return result
            } else if let before = personBefore(t, sentence, maxDistance: 6) {
                found.append((before, "successor-subject", 0.9))
            }
        }

        var result: [EventCandidate] = []
        let pluralVerb = isVerb && ["ان", "ون", "وا"].contains { text.words[t].folded.endsWith($0) } || match.isPluralPronoun
        for (person, pattern, factor) in found {
            let members = coordinated(person)
            // A single unknown word is a weak name: enough right next to its trigger, not further away.
            let tight = Self.tightPatterns.contains(pattern)
            var factor = factor * (map[person].isStrong ? 1 : tight ? 0.9 : 0.6)
            if pluralVerb && members.count == 1 { factor *= 0.6 }  // «سيغادران», «رحيلهم» need two people
            for member in members {
                var event = candidate(type, member, t, number, entry.weight * factor, pattern)
                if entry.frame == .job {
                    if departsFromPlace(t, person: member, sentence) { continue }
                    event.needsJobEvidence = !hasJobContext(t, event, sentence)
                }
                result.append(event)
            }
        }
        return result
    }

    /// Patterns where the name stands right at its trigger.
    static let tightPatterns: Set<String> = ["noun-genitive", "subject-after-verb", "bi-object", "successor-predecessor", "participle-after-name", "object-after-verb", "object-before-role"]

    private func candidate(_ type: EventType, _ person: Int, _ t: Int, _ sentence: Int, _ confidence: Double, _ pattern: String) -> EventCandidate {
        let role = role(for: person, trigger: t, type: type, text.sentences[sentence])
        let organization = organization(role: role, person: person, trigger: t, text.sentences[sentence])
        var event = EventCandidate(type: type, person: person, role: role, organization: organization, destination: nil,
                                   sentence: sentence, trigger: t, confidence: confidence, pattern: pattern)
        if type.isDeparture { event.destination = destination(after: max(t, map[person].tokens.upperBound - 1), text.sentences[sentence]) }
        event.confidence = min(1, event.confidence + (role != nil ? 0.05 : 0) + (organization != nil ? 0.03 : 0))
        if type == .appointed, role == nil { event.confidence *= 0.55 }  // appointed to what?
        if type == .leaveOfAbsence, role == nil, !Self.tightPatterns.contains(pattern) { event.confidence *= 0.7 }  // «إجازة عيد الفطر»
        return event
    }

    // MARK: non-events

    /// Conditions right after a trigger: «… من الرحيل في حال تلقى عرضا».
    static let conditionalAfter: WordSet = ["حال", "اذا", "لو", "ان"]

    /// Negated, demanded, rumoured or hypothetical: no event.
    private func isBlocked(_ t: Int, _ match: TriggerMatch, _ sentence: Range<Int>) -> Bool {
        for index in (t + 1)..<min(t + 4, sentence.upperBound) {
            if Self.conditionalAfter.contains(folded(index)), folded(index) != "ان" || index == t + 1 { return true }
            if text.isClauseBreak(index) || text.isHardPunctuation(index) { break }
        }
        var index = t - 1
        while index >= sentence.lowerBound, t - index <= 20 {
            let distance = t - index
            if text.isClauseBreak(index), distance > 1 { break }
            var word = folded(index)
            if word.letterCount > 2, word.startsWith("و") || word.startsWith("ف"), !words.isa(word, .particle), !words.isa(word, .negation),
                !words.isa(word, .hypothetical) {
                word.removeFirst()  // «فلن», «ولم»
            }
            if words.isa(word, .particle), distance <= 3 { return true }
            if words.isa(word, .negation) { return true }
            if words.isa(word, .hypothetical) {
                if word == "قد" {
                    if match.entry.wordClass == .imperfect && distance <= 2 { return true }
                } else {
                    return true
                }
            }
            index -= 1
        }
        return false
    }

    /// Whether a word carries the accusative of a predicate («رئيساً», «مستشارا»).
    private func isAccusative(_ index: Int) -> Bool {
        text.words[index].hasTanween || folded(index).endsWith("ا")
    }

    /// «غادر المطار», «غادر قصر قرطاج»: leaving a place is not leaving a job.
    private func departsFromPlace(_ t: Int, person: Int, _ sentence: Range<Int>) -> Bool {
        let from = max(t, map[person].tokens.upperBound - 1) + 1
        for index in from..<min(from + 3, sentence.upperBound) {
            let word = folded(index)
            let rest = EventKeyFolding.stripProclitic(word).rest
            if words.isa(word, .place) || words.isa(rest, .place) || words.isa("ال" + rest, .place) { return true }
            // «غادر جدة»: a city or country right after the verb.
            if index == from, words.places.contains(word), map.mentionIndex(at: index) == nil { return true }
        }
        return false
    }

    private func hasJobContext(_ t: Int, _ event: EventCandidate, _ sentence: Range<Int>) -> Bool {
        // A noun («رحيل المدرب X») says enough with a role; a verb («غادر») needs what was
        // left: a post, a role or an organization after it.
        let isVerb = text.words[t].trigger?.entry.wordClass.isVerb ?? false
        if !isVerb, event.role != nil || event.organization != nil { return true }
        let from = max(t, map[event.person].tokens.upperBound - 1) + 1
        for index in from..<min(from + 5, sentence.upperBound) {
            if words.isa(folded(index), .position) { return true }
            if let m = map.mentionIndex(at: index), map[m].kind != .person { return true }
        }
        return false
    }

    private func positionFollows(_ t: Int, _ sentence: Range<Int>) -> Bool {
        for index in (t + 1)..<min(t + 5, sentence.upperBound) {
            if words.isa(folded(index), .position) { return true }
            if let m = map.mentionIndex(at: index), map[m].kind != .person { return true }
        }
        return false
    }

    private func hasYear(after t: Int, _ sentence: Range<Int>) -> Bool {
        for index in (t + 1)..<min(t + 9, sentence.upperBound) where words.isa(folded(index), .year) {
            if index + 1 < sentence.upperBound, text.words[index + 1].kind == .number { return true }
        }
        return false
    }

    // MARK: persons

    static let skippable: WordSet = [
        "امس", "اليوم", "ايضا", "رسميا", "مساء", "صباح", "فجاه", "مؤخرا", "حاليا", "يوم", "الماضي", "بدوره",
        "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "السبت", "الاحد", "ب", "بـ", "ل", "لـ", "عن", "عنه", "عنها",
        "فيها", "فيه", "لديها", "لديه", "بها", "به", "لها", "له", "السابق", "السابقه", "الاسبق", "الجديد", "الجديده",
    ]

    private func isSkippable(_ index: Int) -> Bool {
        let word = folded(index)
        if text.isQuote(index) || Self.skippable.contains(word) || words.isa(word, .title) || words.isa(word, .contract) { return true }
        if text.words[index].kind == .arabicWord, !map.isLabeled(index),
            word.startsWith("ال") || word.startsWith("لل"), word.endsWith("ي") || word.endsWith("يه") {
            return true  // nationality: «الأرجنتيني», «للايطالي»
        }
        return false
    }

    /// The first person after `t`, skipping roles, organizations, titles, adverbs and
    /// quotes (and up to `commas` commas), with the role and organization passed.
    private func personAfter(_ t: Int, _ sentence: Range<Int>, commas: Int, skipOrganizations: Bool = true) -> (person: Int, role: Int?)? {
        var index = t + 1
        var commas = commas
        var descriptors = 4
        var role: Int? = nil
        var steps = 0
        while index < sentence.upperBound, steps < 12 {
            steps += 1
            if let m = map.mentionIndex(at: index) {
                switch map[m].kind {
                case .person: return (m, role)
                case .role:
                    role = m
                    index = map[m].tokens.upperBound
                    continue
                case .organization, .organizationReference:
                    guard skipOrganizations else { return nil }
                    index = map[m].tokens.upperBound
                    continue
                }
            }
            if isSkippable(index) { index += 1; continue }
            if text.isClauseBreak(index), commas > 0 { commas -= 1; index += 1; continue }
            // «تعيين الحكم الدولي الإنجليزي المعتزل “هاورد ويب”»: descriptors before the name.
            let word = folded(index)
            if descriptors > 0, text.words[index].kind == .arabicWord, text.words[index].trigger == nil,
                word.startsWith("ال"), !isCueWordForArguments(word) {
                descriptors -= 1
                index += 1
                continue
            }
            return nil
        }
        return nil
    }

    private func isCueWordForArguments(_ word: String) -> Bool {
        words.isa(word, .orgref) || words.isa(word, .function) || words.isa(word, .position) || words.isa(word, .place)
    }

    /// The nearest person before `t` in the sentence that is not after a preposition;
    /// a well-attested name wins over a nearer single unknown word.
    private func personBefore(_ t: Int, _ sentence: Range<Int>, maxDistance: Int = 30, allowPrepositional: Bool = false) -> Int? {
        var index = t - 1
        var weak: Int? = nil
        while index >= sentence.lowerBound, t - index <= maxDistance {
            if let m = map.mentionIndex(at: index), map[m].kind == .person {
                if !map[m].afterPreposition || allowPrepositional {
                    if map[m].isStrong { return m }
                    weak = weak ?? m
                }
                index = map[m].tokens.lowerBound - 1
                continue
            }
            index -= 1
        }
        return weak
    }

    /// The first well-attested person within the next dozen words of the sentence
    /// (commas allowed): the object after an agent that is not a person.
    private func personInClause(after t: Int, _ sentence: Range<Int>) -> Int? {
        var persons: [Int] = []
        var index = t + 1
        while index < min(t + 13, sentence.upperBound) {
            if text.words[index].trigger != nil { break }
            if let m = map.mentionIndex(at: index) {
                if map[m].kind == .person, !map[m].afterPreposition, map[m].isStrong { persons.append(m) }
                index = map[m].tokens.upperBound
                continue
            }
            index += 1
        }
        return persons.count >= 2 ? persons[1] : persons.first
    }

    /// The subject of a sentence: its first person not after a preposition.
    private func subject(of number: Int) -> Int? {
        let sentence = text.sentences[number]
        var index = sentence.lowerBound
        while index < sentence.upperBound {
            if let m = map.mentionIndex(at: index), map[m].kind == .person {
                if !map[m].afterPreposition { return m }
                index = map[m].tokens.upperBound
                continue
            }
            index += 1
        }
        return nil
    }

    /// Who a pronoun at `t` points back to: the nearest subject before it in the
    /// sentence, else the subject of one of the two sentences before.
    private func antecedent(_ t: Int, sentence number: Int) -> (Int, Double)? {
        if let person = personBefore(t, text.sentences[number]) { return (person, 1) }
        for back in 1...2 where number - back >= 0 {
            if let person = subject(of: number - back) { return (person, 0.8) }
        }
        return nil
    }

    private func subjectPerson(_ t: Int, _ match: TriggerMatch, isVerb: Bool, sentence number: Int) -> (Int, String, Double)? {
        let sentence = text.sentences[number]
        if match.hasPronoun {
            if let person = personBefore(t, sentence) { return (person, "pronoun-antecedent", 1) }
            if let person = antecedent(t, sentence: number) { return (person.0, "pronoun-previous-sentence", person.1) }
            return nil
        }
        if isVerb {
            if let after = personAfter(t, sentence, commas: 0) { return (after.person, "subject-after-verb", 1) }
            // «وكان X رئيسا … وأقيل من منصبه»: a verb joined with و shares the sentence's subject.
            if match.prefix.startsWith("و"), let first = subject(of: number), map[first].tokens.upperBound <= t {
                return (first, "subject-of-coordinated-verb", 0.9)
            }
            if let before = personBefore(t, sentence) { return (before, "subject-before-verb", 0.95) }
            if let person = antecedent(t, sentence: number) { return (person.0, "subject-previous-sentence", 0.8 * person.1) }
            return nil
        }
        if let after = personAfter(t, sentence, commas: 0) { return (after.person, "noun-genitive", 1) }
        if match.entry.wordClass == .participle, let before = personBefore(t, sentence, maxDistance: 4, allowPrepositional: true) {
            return (before, "participle-after-name", 0.95)
        }
        if let before = personBefore(t, sentence, maxDistance: 10) { return (before, "noun-governing-subject", 0.85) }
        return nil
    }

    /// «أطاح … بكارتر»: the person marked with بـ after the trigger.
    private func personMarkedByBi(after t: Int, _ sentence: Range<Int>) -> Int? {
        var index = t + 1
        while index < min(t + 9, sentence.upperBound) {
            if let m = map.mentionIndex(at: index), map[m].kind == .person {
                let first = folded(map[m].tokens.lowerBound)
                let previous = index > 0 ? folded(index - 1) : ""
                if first.startsWith("ب") && map[m].keys.first != first || previous == "ب" || previous == "بـ" { return m }
                index = map[m].tokens.upperBound
                continue
            }
            if text.isHardPunctuation(index) && !text.isClauseBreak(index) { return nil }
            index += 1
        }
        return nil
    }

    /// The person and the people coordinated after it with و: «كمران خان وأزهر عباس»,
    /// «المدير التنفيذي X، والمدير المالي Y، ورئيسة الشؤون القانونية Z».
    private func coordinated(_ person: Int) -> [Int] {
        var result = [person]
        var end = map[person].tokens.upperBound
        while end < text.words.count {
            var index = end
            if index < text.words.count, text.isQuote(index) { index += 1 }
            if index < text.words.count, text.isClauseBreak(index) { index += 1 }
            guard index < text.words.count, let m = map.mentionIndex(at: index), folded(index).startsWith("و") else { break }
            if map[m].kind == .person, map[m].keys.first != folded(index) {
                result.append(m)
                end = map[m].tokens.upperBound
                continue
            }
            guard map[m].kind == .role, let next = personAfter(map[m].tokens.upperBound - 1, text.sentences[sentenceIndex(of: index)], commas: 0),
                next.role == nil
            else { break }
            result.append(next.person)
            end = map[next.person].tokens.upperBound
        }
        return result
    }

    private func sentenceIndex(of token: Int) -> Int {
        var low = 0, high = text.sentences.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if text.sentences[mid].lowerBound <= token { low = mid } else { high = mid - 1 }
        }
        return low
    }

    // MARK: role, organization, destination

    private func role(for person: Int, trigger t: Int, type: EventType, _ sentence: Range<Int>) -> Int? {
        let mention = map[person]
        if type == .appointed {
            // The new role follows the appointee («عين X رئيسا»); a title before the name
            // («الملك X») is the role the person already holds.
            return roleAfter(max(t, mention.tokens.upperBound - 1), sentence) ?? roleAfterName(mention.tokens.upperBound, sentence)
        }
        if let role = roleBefore(mention.tokens.lowerBound, sentence) { return role }
        if let role = roleAfterName(mention.tokens.upperBound, sentence) { return role }
        if type != .appointed, let role = roleAfter(t, sentence) { return role }
        return nil
    }

    /// A role right before a name: «الرئيس التنفيذي صالح», «مديرة التكنولوجيا في شركة OpenAI، ميرا».
    private func roleBefore(_ start: Int, _ sentence: Range<Int>) -> Int? {
        var index = start - 1
        var commas = 1
        while index >= sentence.lowerBound, start - index <= 10 {
            if let m = map.mentionIndex(at: index) {
                switch map[m].kind {
                case .role: return m
                case .organization, .organizationReference:
                    index = map[m].tokens.lowerBound - 1
                    if index >= sentence.lowerBound, ["في", "لدي"].contains(folded(index)) { index -= 1 }
                    continue
                case .person: return nil
                }
            }
            if isSkippable(index) { index -= 1; continue }
            if text.isClauseBreak(index), commas > 0 { commas -= 1; index -= 1; continue }
            return nil
        }
        return nil
    }

    static let roleLinks: WordSet = ["الذي", "التي", "كان", "كانت", "يشغل", "تشغل", "شغل", "منصب", "يعمل", "تعمل", "بصفته", "بصفتها", "وهو", "وهي", "هو", "هي"]

    /// A role right after a name: «هيساو تاناكا، الرئيس التنفيذي», «باريت زوف، الذي كان يشغل منصب …».
    private func roleAfterName(_ end: Int, _ sentence: Range<Int>) -> Int? {
        var index = end
        var steps = 0
        while index < sentence.upperBound, steps < 6 {
            steps += 1
            if let m = map.mentionIndex(at: index) { return map[m].kind == .role ? m : nil }
            if text.isClauseBreak(index) || isSkippable(index) || Self.roleLinks.contains(folded(index)) { index += 1; continue }
            return nil
        }
        return nil
    }

    /// A role after a trigger or an appointee: «رئيسا لـ», «سيتولى منصب رئيس …», «من منصبه كمدرب».
    private func roleAfter(_ t: Int, _ sentence: Range<Int>) -> Int? {
        var index = t + 1
        var free = 3
        while index < sentence.upperBound, index - t <= 7 {
            if let m = map.mentionIndex(at: index) {
                switch map[m].kind {
                case .role: return m
                case .person: return nil
                case .organization, .organizationReference: index = map[m].tokens.upperBound; continue
                }
            }
            if text.words[index].trigger != nil || text.isHardPunctuation(index) && !text.isClauseBreak(index) { return nil }
            if text.isClauseBreak(index) { return nil }
            free -= 1
            if free < 0 { return nil }
            index += 1
        }
        return nil
    }

    private func organization(role: Int?, person: Int, trigger t: Int, _ sentence: Range<Int>) -> Int? {
        if let role, let chained = organizationChained(after: map[role].tokens.upperBound, sentence) {
            // «… لمجموعة المحاذاة في OpenAI»: the organization the unit belongs to.
            return organizationChained(after: map[chained].tokens.upperBound, sentence) ?? chained
        }
        // The nearest organization to the trigger in the sentence.
        var best: (Int, Int)? = nil
        for index in sentence {
            guard let m = map.mentionIndex(at: index), map[m].kind == .organization || map[m].kind == .organizationReference else { continue }
            let distance = abs(index - t)
            if distance < best?.1 ?? Int.max { best = (m, distance) }
        }
        return best?.0
    }

    /// An organization at `index`, or after «في», «لدى», «بـ» there.
    private func organizationChained(after index: Int, _ sentence: Range<Int>) -> Int? {
        var index = index
        if index < sentence.upperBound, ["في", "لدي", "ب"].contains(folded(index)) { index += 1 }
        guard index < sentence.upperBound, let m = map.mentionIndex(at: index) else { return nil }
        return map[m].kind == .organization || map[m].kind == .organizationReference ? m : nil
    }

    private func organizationAfter(_ t: Int, within limit: Int, _ sentence: Range<Int>) -> Int? {
        for index in (t + 1)..<min(t + 1 + limit, sentence.upperBound) {
            if let m = map.mentionIndex(at: index), map[m].kind == .organization || map[m].kind == .organizationReference { return m }
        }
        return nil
    }

    /// «… للانضمام إلى شركة Anthropic», «انتقل إلى X»: where a departing person went.
    private func destination(after t: Int, _ sentence: Range<Int>) -> Int? {
        var index = t + 1
        while index < min(t + 13, sentence.upperBound) {
            let word = folded(index)
            if word == "الي" || word == "لصالح" || (text.words[index].trigger?.entry.frame == .join) {
                var next = index + 1
                while next < min(index + 4, sentence.upperBound) {
                    if let m = map.mentionIndex(at: next), map[m].kind != .role { return m }
                    next += 1
                }
            }
            index += 1
        }
        return nil
    }
}
