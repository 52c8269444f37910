import QalamText
import Testing

@testable import QalamEvents

/// One extractor for all tests (loading the lexicons once).
let sharedExtractor: EventExtractor? = try? EventExtractor()

/// The events of `text`, extracted as one document.
func events(_ text: String) throws -> [RoleChangeEvent] {
    let extractor = try #require(sharedExtractor, "the event lexicons must load")
    return extractor.extract(from: try Document(text), id: "test.txt")
}

/// The single event of `type` for a person whose name contains `name`.
func event(_ list: [RoleChangeEvent], _ type: EventType, _ name: String) -> RoleChangeEvent? {
    list.first { $0.type == type && $0.person.text.contains(name) }
}

@Suite("Event grammar constructions (sentences written for these tests)")
struct ConstructionTests {
    @Test("role – organization – person apposition")
    func apposition() throws {
        let list = try events("مديرة التسويق في شركة Noma، ليلى الراشد، تغادر الشركة.")
        let found = try #require(event(list, .left, "ليلى الراشد"))
        #expect(found.role?.text == "مديرة التسويق")
        #expect(found.role?.canonical == "Chief Marketing Officer")
        #expect(found.organization?.canonical == "Noma")
    }

    @Test("person, then role and organization, then the trigger with a pronoun")
    func personRoleOrder() throws {
        let list = try events("أعلن كريم حداد، الرئيس التنفيذي لشركة رمال، استقالته من منصبه.")
        let found = try #require(event(list, .resigned, "كريم حداد"))
        #expect(found.role?.canonical == "Chief Executive Officer")
        #expect(found.organization?.text.contains("رمال") == true)
    }

    @Test("subject of a departure verb after a role")
    func subjectOfDeparture() throws {
        let list = try events("غادر نائب رئيس المبيعات توماس بيرغ الشركة أمس.")
        let found = try #require(event(list, .left, "توماس بيرغ"))
        #expect(found.role?.text == "نائب رئيس المبيعات")
        #expect(list.count == 1)
    }

    @Test("object of a dismissal verb whose subject is not a person")
    func objectOfDismissal() throws {
        let list = try events("أقال مجلس الإدارة المدير العام فادي منصور بعد خسائر كبيرة.")
        let found = try #require(event(list, .dismissed, "فادي منصور"))
        #expect(found.role?.canonical == "General Manager")
    }

    @Test("dismissal verb with a person as subject: the second person is dismissed")
    func dismissalBetweenPeople() throws {
        let list = try events("أقال الرئيس هشام البنا، أمس، وزير النقل مروان شحادة.")
        #expect(event(list, .dismissed, "مروان شحادة") != nil)
        #expect(event(list, .dismissed, "هشام البنا") == nil)
    }

    @Test("nominal trigger with the person as genitive")
    func nominal() throws {
        let list = try events("أعلنت الشركة قبول استقالة المدير التنفيذي نادر سليم.")
        #expect(event(list, .resigned, "نادر سليم") != nil)
    }

    @Test("a pronoun pointing back to the person, across a sentence")
    func pronoun() throws {
        let list = try events("كان رامي عيسى يشغل منصب رئيس قسم المبيعات منذ سنوات. وأعلن أمس عن استقالته.")
        #expect(event(list, .resigned, "رامي عيسى") != nil)
        let inSentence = try events("أعلن رامي عيسى أمس عن استقالته بسبب ظروفه الصحية.")
        #expect(event(inSentence, .resigned, "رامي عيسى") != nil)
    }

    @Test("coordinated people share the trigger")
    func coordinatedPeople() throws {
        let list = try events("استقال كيفن براون وماركوس ليند من مجلس الإدارة.")
        #expect(event(list, .resigned, "كيفن براون") != nil)
        #expect(event(list, .resigned, "ماركوس ليند") != nil)
    }

    @Test("successor pattern: appointment for the new person, departure for the old")
    func successor() throws {
        let list = try events("عينت الشركة سلمى خوري رئيسة تنفيذية خلفا لوليد حمدان.")
        let appointed = try #require(event(list, .appointed, "سلمى خوري"))
        #expect(appointed.role?.canonical == "Chief Executive Officer")
        let left = try #require(event(list, .left, "وليد حمدان"))
        #expect(!left.person.text.hasPrefix("ل"))
    }

    @Test("destination of a departure, and no appointment for joining it")
    func destination() throws {
        let list = try events("وغادر المؤسس المشارك إيفان كوروف الشركة للانضمام إلى شركة Nordlight.")
        let left = try #require(event(list, .left, "إيفان كوروف"))
        #expect(left.role?.canonical == "Co-founder")
        #expect(left.destination?.text.contains("Nordlight") == true)
        #expect(event(list, .appointed, "كوروف") == nil)
    }

    @Test("contract words between a dismissal noun and the person")
    func contract() throws {
        let list = try events("أعلن النادي فسخ عقد المهاجم الأرجنتيني ماتياس روخو بالتراضي.")
        #expect(event(list, .dismissed, "ماتياس روخو") != nil)
    }

    @Test("a name that reads as clitic + word, before a surname («كمران خان»)")
    func cliticLookingName() throws {
        let list = try events("استقال كمران خان وفيصل نديم من إدارة القناة.")
        #expect(event(list, .resigned, "كمران خان") != nil)
        #expect(event(list, .resigned, "فيصل نديم") != nil)
    }

    @Test("tense, gender, number and attached pronouns do not matter", arguments: [
        ("استقال", EventType.resigned), ("استقالت", .resigned), ("استقالته", .resigned), ("باستقالته", .resigned),
        ("يستقيل", .resigned), ("سيستقيلون", .resigned), ("تنحى", .resigned), ("يتنحى", .resigned), ("تنحيه", .resigned),
        ("أقالته", .dismissed), ("أقيلت", .dismissed), ("أقيل", .dismissed), ("أعفي", .dismissed), ("إقالة", .dismissed), ("بإقالته", .dismissed), ("إعفائه", .dismissed),
        ("يغادر", .left), ("تغادر", .left), ("مغادرة", .left), ("رحيله", .left), ("تقاعدها", .left),
        ("إجازة", .leaveOfAbsence), ("تعيين", .appointed), ("بتعيينه", .appointed), ("سيتولى", .appointed), ("عُيّن", .appointed),
    ])
    func triggerForms(word: String, type: EventType) throws {
        let lexicon = try TriggerLexicon()
        let match = try #require(lexicon.match(EventKeyFolding.fold(word)), "\(word) is not recognised")
        #expect(match.entry.event == type)
        #expect(!match.isFirstPerson, "\(word) read as first person")
    }

    @Test("words that only look like triggers are not", arguments: ["قال", "مقال", "عين", "الانتخابات", "قيل"])
    func nonTriggers(word: String) throws {
        let lexicon = try TriggerLexicon()
        let match = lexicon.match(EventKeyFolding.fold(word))
        // «عين» may be the verb «عيّن»; it must never be a departure.
        #expect(match == nil || match?.entry.event == .appointed && word == "عين")
    }
}

@Suite("What is not an event (sentences written for these tests)")
struct NonEventTests {
    @Test("negated, denied, demanded, hypothetical, rumoured and physical departures", arguments: [
        "لم يستقل الوزير هاني عطا من منصبه رغم الضغوط.",
        "نفى المتحدث باسم الشركة استقالة المدير العام سمير داود.",
        "طالب النواب بإقالة وزير النقل مروان شحادة.",
        "قد يستقيل المدرب جوزيه فاريلا الأسبوع المقبل.",
        "انتشرت شائعات عن استقالة رئيس النادي باسل عواد.",
        "غادر الرئيس التنفيذي مازن خليل المطار متوجها إلى لندن.",
        "أكد المدير العام عادل نجم أنه لا ينوي الاستقالة من منصبه.",
        "وكان وزير الخارجية نبيل عمران قد غادر جدة متوجها إلى القاهرة.",
        "وقال المدير: «سأتنحى عن منصبي إذا فشلنا».",
        "قررت الإدارة إنهاء الإجراءات الخاصة بالمشروع الذي يشرف عليه سامر نصار.",
        "لن يمنع المدرب المهاجم تياغو مورا من الرحيل في حال تلقى النادي عرضا مناسبا.",
    ])
    func noEvent(sentence: String) throws {
        #expect(try events(sentence).isEmpty, "\(sentence)")
    }
}

@Suite("Document-level merging (texts written for these tests)")
struct DocumentLevelTests {
    @Test("one event per person and type; surname and first name join the full name")
    func merging() throws {
        let text = "استقال المدير العام فراس ناصيف من منصبه. وقال ناصيف إن استقالته جاءت لأسباب شخصية. وأكد فراس أنه سيغادر الشركة نهاية الشهر."
        let list = try events(text)
        let departures = list.filter { $0.type.isDeparture }
        #expect(departures.count == 1)
        #expect(departures.first?.person.text == "فراس ناصيف")
        #expect(departures.first?.type == .resigned)
    }

    @Test("«الشركة» resolves to the organization the document is about")
    func companyReference() throws {
        let text = "تأسست شركة Helix عام 2010 في دبي. وتعمل Helix في مجال البرمجيات. وقد غادر نائب الرئيس للهندسة جمال طه الشركة الأسبوع الماضي."
        let found = try #require(event(try events(text), .left, "جمال طه"))
        #expect(found.organization?.canonical == "Helix")
    }

    @Test("gender variants of a role get the same canonical title")
    func genderVariants() throws {
        let female = try #require(event(try events("استقالت مديرة التكنولوجيا هالة سعد من منصبها."), .resigned, "هالة سعد"))
        let male = try #require(event(try events("استقال مدير التكنولوجيا حازم سعد من منصبه."), .resigned, "حازم سعد"))
        #expect(female.role?.canonical == "Chief Technology Officer")
        #expect(female.role?.canonical == male.role?.canonical)
    }

    @Test("offsets, evidence and confidence are consistent")
    func spans() throws {
        let text = "بعد سنوات من العمل، أعلن كريم حداد، الرئيس التنفيذي لشركة رمال، استقالته من منصبه."
        let document = try Document(text)
        let extractor = try #require(sharedExtractor)
        let found = try #require(extractor.extract(from: document, id: "x").first)
        #expect(String(document.text(of: found.person.range)) == found.person.text)
        #expect(found.evidence.range.contains(found.person.start))
        #expect(found.evidence.text.contains(found.explanation.trigger))
        #expect(found.confidence > 0.5 && found.confidence <= 1)
        #expect(found.documentID == "x")
    }
}
