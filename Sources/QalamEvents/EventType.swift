/// The kind of role change an event reports.
public enum EventType: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Left a role without saying it was a resignation or a dismissal (غادر، رحل، ترك، تقاعد).
    case left
    /// Resigned or stepped down (استقال، تنحى، قدم استقالته).
    case resigned
    /// Dismissed, removed or stripped of a role (أقال، أعفى، عزل، أطاح).
    case dismissed
    /// Took a leave of absence (إجازة).
    case leaveOfAbsence = "leave_of_absence"
    /// Appointed to, or took up, a role (عين، تولى، خلفا لـ، انضم).
    case appointed

    /// The name written in output, such as `leave_of_absence`.
    public var description: String { rawValue }

    /// Whether the person gave up a role (left, resigned, dismissed): these are merged
    /// into one event per person and document.
    public var isDeparture: Bool {
        switch self {
        case .left, .resigned, .dismissed: true
        case .leaveOfAbsence, .appointed: false
        }
    }

    /// Which types are merged with each other in one document: the departures share one
    /// slot; leave of absence and appointment have their own.
    var mergeSlot: Int {
        switch self {
        case .left, .resigned, .dismissed: 0
        case .leaveOfAbsence: 1
        case .appointed: 2
        }
    }

    /// Preference when merged departures disagree: an explicit resignation or dismissal
    /// says more than a plain "left".
    var specificity: Double {
        switch self {
        case .dismissed, .resigned, .leaveOfAbsence, .appointed: 0.1
        case .left: 0
        }
    }
}
