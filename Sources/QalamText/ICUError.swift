import CICU

/// An error reported by the ICU library, carrying ICU's own error code and name.
public struct ICUError: Error, Sendable, Equatable, CustomStringConvertible {
    /// ICU's numeric `UErrorCode`.
    public let code: Int32
    /// ICU's symbolic name for the code, such as `U_ILLEGAL_ARGUMENT_ERROR`.
    public let name: String
    /// What Qalam was doing when ICU failed.
    public let operation: String

    /// Creates an error from an ICU status code.
    public init(code: Int32, operation: String) {
        self.code = code
        self.name = String(cString: qicu_error_name(code))
        self.operation = operation
    }

    /// A one-line description: the operation and ICU's error name.
    public var description: String { "ICU error \(name) (\(code)) in \(operation)" }

    /// Throws if `status` is an ICU failure (a value greater than zero).
    @inline(__always)
    static func check(_ status: Int32, _ operation: @autoclosure () -> String) throws(ICUError) {
        if status > 0 { throw ICUError(code: status, operation: operation()) }
    }
}

/// Facts about the ICU library Qalam is linked against.
public enum ICU {
    /// The ICU version, such as "72.1".
    public static var version: String {
        var buffer = [CChar](repeating: 0, count: 32)
        qicu_version(&buffer, Int32(buffer.count))
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
