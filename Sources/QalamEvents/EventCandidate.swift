/// An event as one trigger in one sentence states it, before document-level merging.
struct EventCandidate: Sendable {
    var type: EventType
    /// The person mention (index into the ``MentionMap``).
    var person: Int
    var role: Int?
    var organization: Int?
    var destination: Int?
    /// Sentence index.
    var sentence: Int
    /// Token index of the trigger.
    var trigger: Int
    var confidence: Double
    var pattern: String
    /// A job-change verb («غادر») with no role, organization or post in sight: kept only
    /// when the document gives the person a role elsewhere.
    var needsJobEvidence = false
}
