import QalamText

/// Document-level clean-up of person entities after tagging, from facts about how news
/// writes names (0: two person spans side by side, the second without a clitic, are one
/// name):
/// 1. a name does not end in a verb with the future particle («نايت سيتولى» → «نايت»);
/// 2. a listed given name right before a person is part of the name («مات نايت»);
/// 3. once a full name has been written, its parts alone refer to the same person
///    («جون كارتر» … «وكتب كارتر», «لبيرتي»): such mentions are tagged too, and a one-word
///    entity of another type that is such a part, and no listed place or organization,
///    becomes a person (3b);
/// 4. Arabic sentences often open with the verb: an unlisted word that opens a sentence
///    before a person already known from elsewhere in the text is not part of the name
///    («تنحدر بيرتي» → «بيرتي»);
/// 5. (rule 2b) a name does not end in بن, ابن, بنت, أبو, أبي: the next word is part of it.
struct PersonMentionRules {
    let extractor: NERFeatureExtractor

    /// `keys[i]`: the short keys of token `i` (stem hash, clitics), as the tagger computed them.
    func apply(to entities: [Entity], in document: Document, keys: [WordKeys]) -> [Entity] {
        // 0. Two person spans side by side, the second without a clitic, are one name.
        var result: [Entity] = []
        for entity in entities {
            if entity.type == .person, let last = result.last, last.type == .person,
                last.tokenRange.upperBound == entity.tokenRange.lowerBound,
                !keys[entity.tokenRange.lowerBound].hasProclitic {
                result[result.count - 1].tokenRange = last.tokenRange.lowerBound..<entity.tokenRange.upperBound
                result[result.count - 1].end = entity.end
                result[result.count - 1].confidence = min(last.confidence, entity.confidence)
            } else {
                result.append(entity)
            }
        }
        let tokens = document.tokens
        // 0b. A word inside a person span that starts with the conjunction و opens another
        // person («شافيز ولوكاشنكو» → two names).
        result = result.flatMap { entity -> [Entity] in
            guard entity.type == .person, entity.tokenRange.count > 1 else { return [entity] }
            var pieces: [Entity] = []
            var lower = entity.tokenRange.lowerBound, start = entity.start
            for index in entity.tokenRange.dropFirst() where keys[index].startsWithConjunction {
                pieces.append(Entity(type: .person, tokenRange: lower..<index, start: start, end: tokens[index - 1].end, confidence: entity.confidence))
                lower = index
                start = tokens[index].start + extractor.leadingCliticBytes(of: document.text(of: tokens[index]), keys: keys[index])
            }
            pieces.append(Entity(type: .person, tokenRange: lower..<entity.tokenRange.upperBound, start: start, end: entity.end, confidence: entity.confidence))
            return pieces
        }
        var covered = Array(repeating: false, count: tokens.count)
        for entity in result { for index in entity.tokenRange { covered[index] = true } }

        for position in result.indices where result[position].type == .person {
            var entity = result[position]
            // 1. Trim a trailing future verb.
            while entity.tokenRange.count > 1, let last = entity.tokenRange.last, extractor.hasFutureParticle(document.text(of: tokens[last]), keys: keys[last]) {
                covered[last] = false
                entity.tokenRange = entity.tokenRange.lowerBound..<last
                entity.end = tokens[last - 1].end
            }
            // 2. Take in a given name written right before.
            let before = entity.tokenRange.lowerBound - 1
            if before >= 0, !covered[before], tokens[before].kind == .arabicWord, isBareGivenName(document.text(of: tokens[before])) {
                covered[before] = true
                entity.tokenRange = before..<entity.tokenRange.upperBound
                entity.start = tokens[before].start
            }
            // 2b. A name does not end in a nasab or kunya word («أبي زكريا يحيى بن»): take in
            // the word after it.
            let after = entity.tokenRange.upperBound
            if after < tokens.count, !covered[after], tokens[after].kind == .arabicWord,
                let last = entity.tokenRange.last, Self.endsNameOpen(document.text(of: tokens[last])) {
                covered[after] = true
                entity.tokenRange = entity.tokenRange.lowerBound..<(after + 1)
                entity.end = tokens[after].end
            }
            result[position] = entity
        }

        // 4. A sentence-opening verb before a known person.
        var mentions = HashKeyTable<Int>()
        for entity in result where entity.type == .person {
            for index in entity.tokenRange { mentions.modify(UInt64(keys[index].stem), default: 0) { $0 += 1 } }
        }
        for position in result.indices where result[position].type == .person && result[position].tokenRange.count >= 2 {
            let first = result[position].tokenRange.lowerBound
            let opensSentence = first == 0 || tokens[first - 1].kind == .punctuation || document.gapContainsLineFeed(before: first)
            let word = document.text(of: tokens[first])
            guard opensSentence, mentions[UInt64(keys[first].stem)] == 1, extractor.gazetteer.membership(of: extractor.segmenter.stem(of: word)).subtracting(.worldPlaces).isEmpty else { continue }
            let rest = result[position].tokenRange.dropFirst()
            guard rest.allSatisfy({ (mentions[UInt64(keys[$0].stem)] ?? 0) >= 2 }) else { continue }
            covered[first] = false
            result[position].tokenRange = (first + 1)..<result[position].tokenRange.upperBound
            result[position].start = tokens[first + 1].start
        }

        // 3. Parts of full names, mentioned alone.
        var parts = HashKeyTable<Bool>()
        for entity in result where entity.type == .person && entity.tokenRange.count >= 2 {
            for index in entity.tokenRange {
                let membership = extractor.gazetteer.membership(of: document.text(of: tokens[index]))
                if !membership.isDisjoint(with: [.role, .personTrigger]) { continue }
                if keys[index].stemLetters >= 3 { parts.set(true, for: UInt64(keys[index].stem)) }
            }
        }
        guard !parts.isEmpty else { return result }
        // 3b. A one-word entity of another type that is a part of a full name, and not a
        // listed place or organization, is that person («كتب زوف» tagged ORG after «باريت زوف»).
        for position in result.indices where result[position].type != .person && result[position].tokenRange.count == 1 {
            let index = result[position].tokenRange.lowerBound
            guard tokens[index].kind == .arabicWord, parts.contains(UInt64(keys[index].stem)),
                !isListedPlaceOrOrganization(document.text(of: tokens[index])) else { continue }
            result[position].type = .person
        }
        func lookUp(_ index: Int) -> (isPart: Bool, hasProclitic: Bool) {
            (parts.contains(UInt64(keys[index].stem)), keys[index].hasProclitic)
        }
        var index = 0
        while index < tokens.count {
            guard !covered[index], tokens[index].kind == .arabicWord || tokens[index].kind == .latinWord else { index += 1; continue }
            var end = index
            while end < tokens.count, !covered[end], tokens[end].kind == .arabicWord || tokens[end].kind == .latinWord {
                let (isPart, hasProclitic) = lookUp(end)
                // A later part joined by a conjunction («سام وجريج») is another mention.
                if end > index, hasProclitic { break }
                guard isPart else { break }
                end += 1
            }
            if end > index {
                let start = tokens[index].start + extractor.leadingCliticBytes(of: document.text(of: tokens[index]), keys: keys[index])
                result.append(Entity(type: .person, tokenRange: index..<end, start: start, end: tokens[end - 1].end, confidence: 0.6))
                index = end
            } else {
                index += 1
            }
        }
        return result.sorted { $0.tokenRange.lowerBound < $1.tokenRange.lowerBound }
    }

    /// Gazetteer kinds that make a word a place or an organization rather than a name part.
    static let placeOrOrganization: NameGazetteer.Membership = [.place, .organizationHead, .organizationSuffix, .organizationName, .country, .city, .town]

    /// Whether the word or its stem is a listed place or organization word.
    func isListedPlaceOrOrganization(_ word: Substring) -> Bool {
        !extractor.gazetteer.membership(of: word).union(extractor.gazetteer.membership(of: extractor.segmenter.stem(of: word)))
            .isDisjoint(with: Self.placeOrOrganization)
    }

    /// A listed given name, written without clitics, that is not a frequent ordinary word.
    private func isBareGivenName(_ word: Substring) -> Bool {
        let membership = extractor.gazetteer.membership(of: word)
        guard membership.contains(.givenName), word.unicodeScalars.count >= 3 else { return false }
        guard membership.isDisjoint(with: [.role, .personTrigger, .place, .organizationHead]) else { return false }
        return extractor.segmenter.lexicon.count(ArabicFolding.foldedHash(word)) < Self.frequentWord
    }

    /// Nasab and kunya words (folded) that a person name never ends with: بن, ابن, بنت, أبو, أبي.
    static let openNameEndings: Set<String> = ["بن", "ابن", "بنت", "ابو", "ابي"]

    /// Whether a person name ending in `word` must go on (the word is ``openNameEndings``).
    static func endsNameOpen(_ word: some StringProtocol) -> Bool {
        word.utf8.count <= 8 && openNameEndings.contains(ArabicFolding.fold(word))
    }

    /// Stem count above which a word is too common to be taken as a given name by rule.
    static let frequentWord = 300
}
