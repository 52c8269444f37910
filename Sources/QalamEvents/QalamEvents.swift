import QalamNames
import QalamText

/// Namespace of the events layer: role-change event extraction.
public enum QalamEvents {}
