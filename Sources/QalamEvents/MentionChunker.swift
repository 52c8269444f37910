/// Finds role chunks, organizations and person names in an analysed text, without a
/// trained tagger: roles from the role lexicon, organizations from keywords («شركة»,
/// «نادي»), Latin-script names and the clitic after a role («الرئيس التنفيذي لباركليز»),
/// and names as runs of words that are not known common words, cue words, roles or places.
///
/// Names found once in full («جون كارتر») are then found again when a clitic is attached
/// («بكارتر», «لعامر»).
struct MentionChunker {
    let lexicons: EventLexicons
    let text: AnalyzedText
    private(set) var map: MentionMap

    /// Per token: 1 name-like, 0 not, -1 not computed.
    private var nameLike: [Int8]

    init(lexicons: EventLexicons, text: AnalyzedText) {
        self.lexicons = lexicons
        self.text = text
        self.map = MentionMap(tokenCount: text.words.count)
        self.nameLike = Array(repeating: -1, count: text.words.count)
    }

    /// Chunks the sentences the grammar can look at — those with a trigger, the two
    /// before each (pronoun antecedents) and the first two of the document (the headline
    /// and lead, which name the organization) — then finds clitic-attached repeats of
    /// known names in them.
    mutating func run() {
        var wanted = Array(repeating: false, count: text.sentences.count)
        for (number, sentence) in text.sentences.enumerated() {
            if number < 2 { wanted[number] = true }
            guard sentence.contains(where: { text.words[$0].trigger != nil }) else { continue }
            for back in 0...2 where number - back >= 0 { wanted[number - back] = true }
        }
        for (number, sentence) in text.sentences.enumerated() where wanted[number] {
            for index in sentence { nameLike[index] = computeNameLike(index) ? 1 : 0 }
        }
        for (number, sentence) in text.sentences.enumerated() where wanted[number] {
            chunkRoles(sentence)
            chunkOrganizations(sentence)
            chunkNames(sentence)
        }
        chunkRepeatedNames(in: text.sentences.indices.filter { wanted[$0] })
    }

    private var words: WordClasses { lexicons.words }
    private func folded(_ index: Int) -> String { text.words[index].folded }
    private func isArabic(_ index: Int) -> Bool { text.words[index].kind == .arabicWord }
    private func isLatin(_ index: Int) -> Bool {
        let kind = text.words[index].kind
        return kind == .latinWord || kind == .mixedWord
    }

    /// Whether a folded word belongs to a closed class that can never be part of a name.
    func isCueWord(_ word: String) -> Bool {
        words.isa(word, anyOf: [.function, .title, .position, .place, .orgword, .orgref, .particle, .negation, .hypothetical, .preposition, .year])
    }

    /// Whether token `index` can be part of a person's name (computed once per token).
    func isNameLike(_ index: Int) -> Bool {
        switch nameLike[index] {
        case 1: return true
        case 0: return false
        default: return computeNameLike(index)
        }
    }

    /// The name tests without the clitic + known word one.
    private func passesNameTestsIgnoringClitic(_ index: Int) -> Bool {
        let word = text.words[index]
        let folded = word.folded
        guard word.kind == .arabicWord, word.trigger == nil, folded.letterCount >= 2 else { return false }
        if words.common.contains(folded) || words.places.contains(folded) || isCueWord(folded) || isRoleWord(folded) { return false }
        return !word.hasTanween && Self.looksLikeName(folded) && !hasAffixOnKnownWord(folded)
    }

    private func computeNameLike(_ index: Int) -> Bool {
        let word = text.words[index]
        guard word.kind == .arabicWord, word.trigger == nil else { return false }
        let folded = word.folded
        if folded.letterCount < 2 { return false }
        if words.names.contains(folded) { return true }
        if words.common.contains(folded) || words.places.contains(folded) || isCueWord(folded) { return false }
        if isRoleWord(folded) { return false }
        return !word.hasTanween && Self.looksLikeName(folded) && !isInflectedCommonWord(folded)
    }

    /// A known word with a clitic, a pronoun or a verb ending: «لمسار», «بالجميع», «فعاد»,
    /// «تواصلت», «قرروا», «إدارتها», «عقدين», «منصبا».
    func isInflectedCommonWord(_ word: String) -> Bool {
        hasCliticOnKnownWord(word) || hasAffixOnKnownWord(word)
    }

    private func isKnownWord(_ word: String) -> Bool { word.letterCount >= 2 && (words.common.contains(word) || isCueWord(word)) }

    /// «لمسار», «فعاد»: a one-letter clitic before a known word (or a name such as «كمران»).
    func hasCliticOnKnownWord(_ word: String) -> Bool {
        guard let first = word.first, "لبكف".contains(first) else { return false }
        return isKnownWord(String(word.dropFirst()))
    }

    /// «بالجميع», «تواصلت», «إدارتها»: an article with a preposition, or a verb or pronoun ending, on a known word.
    func hasAffixOnKnownWord(_ word: String) -> Bool {
        func known(_ w: String) -> Bool { isKnownWord(w) }
        for article in ["بال", "وال", "فال", "كال"] where word.startsWith(article) {
            if known("ال" + word.dropFirst(article.letterCount)) { return true }
        }
        for suffix in ["ت", "وا", "ين", "ان", "ا", "ها", "هم", "هما", "نا", "كم"] where word.endsWith(suffix) {
            if known(String(word.dropLast(suffix.letterCount))) { return true }
        }
        for suffix in ["ته", "تها", "تهم", "تي"] where word.endsWith(suffix) {
            if known(String(word.dropLast(suffix.letterCount)) + "ه") { return true }
        }
        return false
    }

    /// Whether token `index` may continue a name already started: a name-like word, or an
    /// unknown word that only fails the shape tests (a final ة, a leading و before the last word).
    private func continuesName(_ index: Int, _ sentence: Range<Int>) -> Bool {
        if isNameLike(index) { return true }
        let word = text.words[index]
        let folded = word.folded
        guard word.kind == .arabicWord, word.trigger == nil, !word.hasTanween, folded.letterCount >= 3,
            !words.common.contains(folded), !words.places.contains(folded), !isCueWord(folded),
            !isRoleWord(folded), !isInflectedCommonWord(folded)
        else { return false }
        if folded.startsWith("و") { return false }  // «و» starts the next person (coordination)
        if folded.startsWith("ال") { return !folded.startsWith("لل") }
        if word.endsWithTaMarbuta { return true }  // «مرادة», not a pronoun «بزفافه»
        return false
    }

    /// Shape tests for a word that no list knows: names take no coordinating و, no لل,
    /// no feminine ة, and no imperfect-verb affixes (يـ…ون, تتـ, يستـ).
    static func looksLikeName(_ word: String) -> Bool {
        if word.startsWith("و") || word.startsWith("لل") { return false }
        if word.endsWith("ه") && word.letterCount > 2 { return false }
        if word.startsWith("ي") || word.startsWith("ت") {
            for suffix in ["ون", "ين", "ان", "وا"] where word.endsWith(suffix) && word.letterCount > 4 { return false }
        }
        for prefix in ["يت", "تت", "يست", "تست"] where word.startsWith(prefix) { return false }
        return true
    }

    /// A relational adjective with the article («الأرجنتيني», «اليابانية»): not a name start.
    private func isNisba(_ word: String) -> Bool {
        word.startsWith("ال") && (word.endsWith("ي") || word.endsWith("يه"))
    }

    static let nameConnectors: WordSet = ["بن", "بنت", "ابن", "ابو", "عبد", "ال", "ولد", "ابنه"]
    static let singleClitics = ["وب", "ول", "فب", "فل", "وك", "و", "ف", "ب", "ل", "ك"]

    // MARK: roles

    func isRoleWord(_ word: String) -> Bool { lexicons.roles.lookup(word) != nil }

    private func roleHeadClitic(_ index: Int) -> (key: String, clitic: Int)? {
        guard isArabic(index), text.words[index].trigger == nil else { return nil }
        let word = folded(index)
        if words.isa(word, .title) || words.isa(word, .function) { return nil }
        guard let reading = lexicons.roles.lookup(word), lexicons.roles.heads.contains(reading.key) else { return nil }
        return reading
    }

    private mutating func chunkRoles(_ sentence: Range<Int>) {
        var index = sentence.lowerBound
        while index < sentence.upperBound {
            guard !map.isLabeled(index), let (head, clitic) = roleHeadClitic(index) else { index += 1; continue }
            var keys = [head]
            var end = index + 1
            while end < sentence.upperBound, end - index < 7, let key = roleContinuation(end, afterHead: end == index + 1) {
                keys.append(key)
                end += 1
            }
            let start = text.byteOffset(in: index, afterLetters: clitic)
            map.add(Mention(kind: .role, tokens: index..<end, bytes: start..<text.document.tokens[end - 1].end,
                            canonical: lexicons.roles.title(of: keys), keys: keys))
            index = end
        }
    }

    private func roleContinuation(_ index: Int, afterHead: Bool) -> String? {
        guard isArabic(index), text.words[index].trigger == nil, !map.isLabeled(index) else { return nil }
        let word = folded(index)
        let cues: [WordClasses.Cue] = isRoleWord(word) ? [.title, .orgref] : [.title, .function, .year, .orgref, .place, .particle, .negation, .hypothetical, .preposition]
        for cue in cues where words.isa(word, cue) {
            return nil
        }
        let (clitic, rest) = EventKeyFolding.stripProclitic(word, minimum: 2)
        let isOrganization = words.isa(rest, .orgword) || words.isa("ال" + rest, .orgword) || words.isa("ال" + rest, .orgref)
        let key = lexicons.roles.key(word)
        if (clitic.startsWith("ل") || clitic.startsWith("ب")) && isOrganization { return nil }
        if isRoleWord(word) { return key }
        if words.names.contains(word) || isOrganization && (clitic.isEmpty || clitic == "ال") { return nil }  // «رئيس نادي …»
        if word.startsWith("ال") || word.startsWith("وال") { return key }
        if clitic == "لل" || clitic == "ل", words.common.contains(rest) || words.common.contains("ال" + rest) { return key }
        if afterHead, clitic.isEmpty, words.common.contains(word), !words.places.contains(word) { return key }
        return nil
    }

    // MARK: organizations

    private mutating func chunkOrganizations(_ sentence: Range<Int>) {
        var index = sentence.lowerBound
        while index < sentence.upperBound {
            if map.isLabeled(index) {
                if let m = map.mentionIndex(at: index), map[m].kind == .role, map[m].tokens.upperBound - 1 == index {
                    let after = index + 1
                    if after < sentence.upperBound { index = organizationAfterRole(after, sentence) ?? after } else { index = after }
                } else {
                    index += 1
                }
                continue
            }
            if isLatin(index) {
                var end = index + 1
                if text.words[index].kind == .mixedWord || folded(index).letterCount < 2 && !(index + 1 < sentence.upperBound && isLatin(index + 1)) {
                    // «o1», «GPT4», a lone letter: model names and codes, not organizations.
                    while end < sentence.upperBound, isLatin(end) { end += 1 }
                    index = end
                    continue
                }
                while end < sentence.upperBound, isLatin(end), !map.isLabeled(end) { end += 1 }
                let range = text.document.tokens[index].start..<text.document.tokens[end - 1].end
                map.add(Mention(kind: .organization, tokens: index..<end, bytes: range,
                                canonical: String(text.document.text(of: range)), keys: []))
                index = end
                continue
            }
            if let end = organizationAfterPost(index, sentence) { index = end; continue }
            index = organizationAtKeyword(index, sentence) ?? (index + 1)
        }
    }

    /// Post words with their clitics: «تدريب», «لتدريب», «التدريب» …
    static let posts: WordSet = {
        var set = WordSet()
        for post in ["تدريب", "رئاسه", "قياده"] {
            for clitic in ["", "و", "ف", "ب", "ل", "ال", "وال", "بال", "لل", "ول", "وب"] {
                set.insert(clitic == "لل" ? "لل" + post : clitic + post)
            }
        }
        return set
    }()

    /// «من تدريب أولمبيك مرسيليا», «رئاسة الفيفا»: the team or body after a post word.
    private mutating func organizationAfterPost(_ index: Int, _ sentence: Range<Int>) -> Int? {
        guard isArabic(index), Self.posts.contains(folded(index)) else { return nil }
        var end = index + 1
        while end < sentence.upperBound, end - index <= 3, !map.isLabeled(end), isArabic(end) || isLatin(end) {
            let word = folded(end)
            let proper = isNameLike(end) || words.places.contains(word) || isLatin(end)
                || end == index + 1 && word.startsWith("ال") && !isCueWord(word) && !isRoleWord(word)
            guard proper else { break }
            end += 1
        }
        guard end > index + 1 else { return nil }
        let tokens = text.document.tokens
        let range = tokens[index + 1].start..<tokens[end - 1].end
        map.add(Mention(kind: .organization, tokens: (index + 1)..<end, bytes: range,
                        canonical: String(text.document.text(of: range)), keys: []))
        return end
    }

    /// An organization starting with a keyword at `index`; returns the index after it.
    private mutating func organizationAtKeyword(_ index: Int, _ sentence: Range<Int>) -> Int? {
        guard isArabic(index), lexicons.keywordForms.contains(folded(index)) else { return nil }
        let word = folded(index)
        let (clitic, rest) = EventKeyFolding.stripProclitic(word, minimum: 3)
        let definite = clitic.endsWith("ال") || clitic.endsWith("لل")
        let isReference = definite && words.isa("ال" + rest, .orgref)
        guard isReference || words.isa(rest, .orgword) || words.isa("ال" + rest, .orgword) && definite else { return nil }
        if rest == "مجلس", index + 1 < sentence.upperBound, folded(index + 1).contains("ادار") { return nil }  // the board, a role
        let trim: Int
        switch clitic {
        case "", "ال": trim = 0
        case "لل", "ولل", "فلل": trim = clitic.letterCount
        default: trim = clitic.endsWith("ال") ? clitic.letterCount - 2 : clitic.letterCount
        }
        let start = text.byteOffset(in: index, afterLetters: trim)
        if let quotedEnd = quotedOrganizationName(after: index, sentence) {
            // «شركة اتحاد اتصالات “موبايلي”»: the quoted words are the name.
            let tokens = text.document.tokens
            let inner = tokens[quotedEnd.open + 1].start..<tokens[quotedEnd.close - 1].end
            map.add(Mention(kind: .organization, tokens: index..<(quotedEnd.close + 1), bytes: start..<tokens[quotedEnd.close].end,
                            canonical: String(text.document.text(of: inner)), keys: []))
            return quotedEnd.close + 1
        }
        var end = index + 1
        var inQuote = false
        var quoted: Range<Int>? = nil
        var latin: Range<Int>? = nil
        var properStart: Int? = nil
        while end < sentence.upperBound, end - index <= 6, !map.isLabeled(end) {
            if text.isQuote(end) {
                if inQuote { end += 1; break }
                if quoted != nil { break }
                inQuote = true
                end += 1
                continue
            }
            if definite, !inQuote, end - index > 3 { break }
            if isLatin(end) {
                latin = latin.map { $0.lowerBound..<(end + 1) } ?? end..<(end + 1)
                end += 1
                continue
            }
            guard isArabic(end), text.words[end].trigger == nil else { break }
            let next = folded(end)
            if inQuote {
                quoted = quoted.map { $0.lowerBound..<(end + 1) } ?? end..<(end + 1)
                end += 1
                continue
            }
            if isCueWord(next) && !words.isa(next, .orgword) { break }
            if isReference, !next.endsWith("ي"), !next.endsWith("يه"), !next.startsWith("ل") { break }  // «الشركة الأسبوع الماضي»
            if !definite, end == index + 1, !next.startsWith("ال"), !lexicons.roles.isHead(next) {
                properStart = end  // «شركة رمال»: the word after the keyword is the name
                end += 1
                continue
            }
            if lexicons.roles.isHead(next) && !next.startsWith("ال") { break }
            if next.startsWith("ال") || next.startsWith("لل") && end > index + 1 {
                // After «البنك», «الاتحاد»: adjectives («المركزي المصري»), or a «لـ» complement («لكرة القدم»).
                let afterComplement = end > index + 1 && folded(end - 1).startsWith("ل") && !folded(end - 1).startsWith("ال")
                if definite, end > index + 1, next.startsWith("ال"), !isNisba(next), !afterComplement { break }
                end += 1
                continue
            }
            if Self.nameConnectors.contains(next) || words.names.contains(next) { break }  // a person's name begins
            if !definite, isNameLike(end) || words.places.contains(next) || words.names.contains(next) {
                if properStart == nil { properStart = end }
                end += 1
                continue
            }
            if next.startsWith("ل"), end > index + 1, end + 1 < sentence.upperBound, folded(end + 1).startsWith("ال") {
                end += 1
                continue
            }
            break
        }
        if end == index + 1 {
            guard isReference else { return nil }
            map.add(Mention(kind: .organizationReference, tokens: index..<end,
                            bytes: start..<text.document.tokens[index].end, canonical: nil, keys: []))
            return end
        }
        let tokens = text.document.tokens
        let canonicalTokens = latin ?? quoted ?? properStart.map { $0..<end } ?? (index + 1)..<end
        let canonical = text.document.text(of: tokens[canonicalTokens.lowerBound].start..<tokens[canonicalTokens.upperBound - 1].end)
        map.add(Mention(kind: .organization, tokens: index..<end, bytes: start..<tokens[end - 1].end,
                        canonical: String(canonical), keys: []))
        return end
    }

    /// A quotation of one to four words opening within three words after an organization
    /// keyword, with no cue word or trigger before it.
    private func quotedOrganizationName(after index: Int, _ sentence: Range<Int>) -> (open: Int, close: Int)? {
        var open = index + 1
        while open < min(index + 4, sentence.upperBound), !text.isQuote(open) {
            guard isArabic(open) || isLatin(open), !map.isLabeled(open), text.words[open].trigger == nil, !isCueWord(folded(open)) else { return nil }
            open += 1
        }
        guard open < sentence.upperBound, text.isQuote(open) else { return nil }
        var close = open + 1
        while close < min(open + 6, sentence.upperBound), !text.isQuote(close) {
            guard !text.isHardPunctuation(close), !map.isLabeled(close) else { return nil }
            close += 1
        }
        guard close < sentence.upperBound, text.isQuote(close), close > open + 1 else { return nil }
        return (open, close)
    }

    /// «الرئيس التنفيذي لباركليز», «مدرب في X»: a name-like word with a clitic (or after
    /// «في») right after a role is the organization.
    private mutating func organizationAfterRole(_ index: Int, _ sentence: Range<Int>) -> Int? {
        guard !map.isLabeled(index), isArabic(index) else { return nil }
        let word = folded(index)
        let first = index
        var trim = 0
        let article = "ال" + String(word.unicodeScalars.dropFirst(2))
        if word.startsWith("لل"), word.letterCount >= 5, !words.isa(article, .orgref), !words.isa(article, .orgword),
            !words.common.contains(article) || words.places.contains(article) {
            // «الأمين العام للأمم المتحدة»: the organization with its article.
            var end = index + 1
            while end < sentence.upperBound, end - index < 4, !map.isLabeled(end), folded(end).startsWith("ال"),
                !isCueWord(folded(end)), text.words[end].trigger == nil { end += 1 }
            let tokens = text.document.tokens
            let range = text.byteOffset(in: index, afterLetters: 1)..<tokens[end - 1].end
            let rest = text.document.text(of: text.byteOffset(in: index, afterLetters: 2)..<tokens[end - 1].end)
            map.add(Mention(kind: .organization, tokens: index..<end, bytes: range, canonical: "ال" + rest, keys: []))
            return end
        }
        if word.startsWith("ل") {
            let rest = String(word.dropFirst())
            let nextIsName = index + 1 < sentence.upperBound && isNameLike(index + 1)
            guard rest.letterCount >= 3, !rest.startsWith("ال"), !words.common.contains(rest), !isCueWord(rest),
                !isRoleWord(rest), !words.names.contains(word), !nextIsName
            else { return nil }
            trim = 1
        } else {
            return nil
        }
        var end = first + 1
        while end < sentence.upperBound, end - first < 3, !map.isLabeled(end), isNameLike(end) { end += 1 }
        let tokens = text.document.tokens
        let start = text.byteOffset(in: first, afterLetters: trim)
        let range = start..<tokens[end - 1].end
        map.add(Mention(kind: .organization, tokens: first..<end, bytes: range,
                        canonical: String(text.document.text(of: range)), keys: []))
        return end
    }

    // MARK: names

    private mutating func chunkNames(_ sentence: Range<Int>) {
        var index = sentence.lowerBound
        while index < sentence.upperBound {
            guard !map.isLabeled(index) else { index += 1; continue }
            if let end = quotedName(at: index, sentence) {
                addPerson((index + 1)..<(end - 1), clitic: 0)
                index = end
                continue
            }
            let word = folded(index)
            // «خلفا لعامر»: the predecessor's name carries the preposition.
            if index > sentence.lowerBound, folded(index - 1).endsWith("خلفا"), word.startsWith("ل"), !word.startsWith("لل"),
                word.letterCount >= 4, isArabic(index), !isInflectedCommonWord(word) {
                let end = nameEnd(from: index + 1, start: index, sentence)
                addPerson(index..<end, clitic: 1)
                index = end
                continue
            }
            let connectorStart = Self.nameConnectors.contains(word) && word != "ال"
                && index + 1 < sentence.upperBound && isNameLike(index + 1)
            let afterTitle = index > sentence.lowerBound && words.isa(folded(index - 1), .title)
            let surnameAfterTitle = afterTitle && word.startsWith("ال") && !isNisba(word) && isArabic(index) && text.words[index].trigger == nil
                && !isCueWord(word) && !isRoleWord(word) && !words.places.contains(word)
            // «كمران خان»: a word that reads as clitic + known word is a name when a name follows.
            let cliticReading = !isNameLike(index) && hasCliticOnKnownWord(word) && passesNameTestsIgnoringClitic(index)
                && index + 1 < sentence.upperBound && isNameLike(index + 1) && !folded(index + 1).startsWith("ال")
            guard connectorStart || surnameAfterTitle || cliticReading || isNameLike(index) && (!isNisba(word) || words.names.contains(word))
                && (!word.startsWith("ال") || words.names.contains(word))
            else { index += 1; continue }
            var end = nameEnd(from: index + 1, start: index, sentence)
            // «سوزان وجسيكي»: after a lone given name, a word with و is the surname, not a second person.
            if end == index + 1, words.names.contains(word), end < sentence.upperBound, isArabic(end), !map.isLabeled(end) {
                let next = folded(end)
                let rest = String(next.unicodeScalars.dropFirst())
                if next.startsWith("و"), rest.letterCount >= 4, !words.common.contains(next), !words.names.contains(rest),
                    !words.common.contains(rest), !isCueWord(rest), Self.looksLikeName(rest), !isInflectedCommonWord(rest) {
                    end += 1
                }
            }
            // «ولويس» listed as a name is «و» + «لويس»: the conjunction stays out of the name.
            let rest = String(word.unicodeScalars.dropFirst())
            let conjunction = word.startsWith("و") && rest.letterCount >= 3 && words.names.contains(rest)
            addPerson(index..<end, clitic: conjunction ? 1 : 0)
            index = end
            // Coordinated names: «كمران خان وأزهر عباس».
            while index < sentence.upperBound, !map.isLabeled(index), let second = coordinatedName(at: index, sentence) {
                addPerson(index..<second, clitic: 1)
                index = second
            }
        }
    }

    /// Where a name that started at `start` ends: name words, and connectors («بن»,
    /// «عبد», «آل», «علي» between names) followed by a name word. Trailing connectors are left out.
    private func nameEnd(from first: Int, start: Int, _ sentence: Range<Int>) -> Int {
        var end = first
        while end < sentence.upperBound, end - start < 10, !map.isLabeled(end) {
            let next = folded(end)
            if Self.nameConnectors.contains(next) || next == "علي" {
                guard end + 1 < sentence.upperBound, isArabic(end + 1), !map.isLabeled(end + 1),
                    text.words[end + 1].trigger == nil, !text.words[end + 1].hasTanween
                else { break }
                let after = folded(end + 1)
                if Self.nameConnectors.contains(after) || after == "علي" || continuesName(end + 1, sentence)
                    || words.common.contains(after) && !isCueWord(after) && next != "علي" {
                    end += 2
                    continue
                }
                break
            }
            if continuesName(end, sentence) { end += 1; continue }
            break
        }
        while end - 1 > start, Self.nameConnectors.contains(folded(end - 1)) || folded(end - 1) == "علي" { end -= 1 }
        // A name has at most six words besides its connectors.
        var count = 0
        for index in start..<end where !Self.nameConnectors.contains(folded(index)) {
            count += 1
            if count > 6 { return index }
        }
        return end
    }

    /// «“هاورد ويب”», ««سيد عبد الحفيظ»»: two to four words in quotation marks that hold
    /// no cue word, role or trigger are a name. Returns the index after the closing mark.
    private func quotedName(at index: Int, _ sentence: Range<Int>) -> Int? {
        guard text.isQuote(index) else { return nil }
        var end = index + 1
        while end < sentence.upperBound, end - index <= 5, !text.isQuote(end) {
            let word = folded(end)
            guard isArabic(end), !map.isLabeled(end), text.words[end].trigger == nil, !isCueWord(word) || Self.nameConnectors.contains(word),
                !isRoleWord(word), !words.places.contains(word)
            else { return nil }
            end += 1
        }
        guard end < sentence.upperBound, text.isQuote(end), end - index - 1 >= 2 else { return nil }
        let first = folded(index + 1)
        if first.startsWith("ال"), !words.names.contains(first) { return nil }  // «الكيميائية الأساسية» is a company
        return end + 1
    }

    /// The end of a name that starts with the conjunction و at `index`, if it is one.
    private func coordinatedName(at index: Int, _ sentence: Range<Int>) -> Int? {
        let word = folded(index)
        guard isArabic(index), word.startsWith("و"), text.words[index].trigger == nil else { return nil }
        let rest = String(word.dropFirst())
        guard rest.letterCount >= 2, !rest.startsWith("ال") || words.names.contains(rest) else { return nil }
        let plausible = words.names.contains(rest)
            || !(words.common.contains(rest) || words.places.contains(rest) || isCueWord(rest) || isRoleWord(rest)
                 || !Self.looksLikeName(rest) || isInflectedCommonWord(rest) || rest.letterCount == 4 && (rest.startsWith("ي") || rest.startsWith("ت")))
        guard plausible else { return nil }
        var end = index + 1
        while end < sentence.upperBound, end - index < 5, !map.isLabeled(end), isNameLike(end) { end += 1 }
        // A lone word after و must look like a name too.
        return end - index >= 2 || words.names.contains(rest) || rest.letterCount >= 4 && Self.looksLikeName(rest) && !isInflectedCommonWord(rest) ? end : nil
    }

    private mutating func addPerson(_ tokens: Range<Int>, clitic: Int) {
        let all = text.document.tokens
        let start = text.byteOffset(in: tokens.lowerBound, afterLetters: clitic)
        var keys = tokens.map { folded($0) }
        if clitic > 0, let first = keys.first { keys[0] = String(first.dropFirst(clitic)) }
        let before = tokens.lowerBound - 1
        var afterPreposition = clitic > 0 && !keys[0].isEmpty && ["ب", "ل", "وب", "ول", "ك"].contains(String(folded(tokens.lowerBound).prefix(clitic)))
        if before >= 0, words.isa(folded(before), .preposition) || ["ب", "بـ", "ل", "لـ"].contains(folded(before)) {
            afterPreposition = true
        }
        let properWords = keys.filter { !$0.startsWith("ال") && !Self.nameConnectors.contains($0) && !words.common.contains($0) }
        var strong = properWords.count >= 2 || clitic > 0 || keys.contains { words.names.contains($0) }
        if before >= 0, words.isa(folded(before), .title) || map.mentionIndex(at: before).map({ map[$0].kind == .role }) ?? false {
            strong = true
        }
        map.add(Mention(kind: .person, tokens: tokens, bytes: start..<all[tokens.upperBound - 1].end,
                        canonical: nil, keys: keys, afterPreposition: afterPreposition, isStrong: strong))
    }

    /// Names met in full are found again with a clitic («بكارتر») or the article.
    private mutating func chunkRepeatedNames(in numbers: [Int]) {
        var known: WordSet = []
        for mention in map.mentions where mention.kind == .person && mention.keys.count >= 2 {
            for key in mention.keys where key.letterCount >= 3 && !Self.nameConnectors.contains(key) && key != "علي" && !isCueWord(key) {
                known.insert(key)
            }
        }
        guard !known.isEmpty else { return }
        for sentence in numbers.map({ text.sentences[$0] }) {
            var index = sentence.lowerBound
            while index < sentence.upperBound {
                guard !map.isLabeled(index), isArabic(index), text.words[index].trigger == nil else { index += 1; continue }
                let word = folded(index)
                var clitic = -1
                if known.contains(word) {
                    clitic = 0
                } else if let prefix = Self.singleClitics.first(where: { word.startsWith($0) && known.contains(String(word.dropFirst($0.count))) }) {
                    clitic = prefix.letterCount
                }
                guard clitic >= 0 else { index += 1; continue }
                var end = index + 1
                while end < sentence.upperBound, end - index < 4, !map.isLabeled(end), isNameLike(end) || known.contains(folded(end)) { end += 1 }
                addPerson(index..<end, clitic: clitic)
                index = end
            }
        }
    }
}
