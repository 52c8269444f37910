/// Why a ``Normalizer`` could not be made or could not run.
public enum NormalizerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Both ``NormalizationStep/nfc`` and ``NormalizationStep/nfkc`` were asked for.
    case conflictingForms
    /// The text is too long for the alignment table (offsets are kept in 32 bits; the
    /// limit is 1 GiB, leaving room for the normalized text to be longer).
    case textTooLong(bytes: Int)

    /// A one-line message.
    public var description: String {
        switch self {
        case .conflictingForms: "steps nfc and nfkc exclude each other; pick one Unicode form"
        case .textTooLong(let bytes): "text of \(bytes) bytes is too long to normalize with alignment (limit 1 GiB)"
        }
    }
}
