import QalamText

/// Namespace of the names layer: the entity tagger and the name romanizer.
public enum QalamNames {}
