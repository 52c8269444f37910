// libFuzzer target: the fast tokenizer engine must give exactly the ICU engine's tokens.
//
// Built only when QALAM_FUZZ=1 (never by `swift build` or `swift test`):
//
//     Tests/Fuzz/run_fuzz.sh [seconds]
//
// Each input is tokenized twice through the buffer API (any bytes, invalid UTF-8
// included) and, when it is valid UTF-8, twice more as a String; any difference aborts
// with both token lists, which libFuzzer saves as a crash file to replay.
import Foundation
import QalamText

private let fast = Tokenizer(engine: .fast)
private let icu = Tokenizer(engine: .icu)

private func tokens(_ tokenizer: Tokenizer, _ bytes: UnsafeBufferPointer<UInt8>) -> [Token]? {
    var result: [Token] = []
    do {
        try tokenizer.tokenize(bytes, into: &result)
    } catch {
        return nil
    }
    return result
}

private func mismatch(_ what: String, _ input: UnsafeBufferPointer<UInt8>, _ a: [Token]?, _ b: [Token]?) -> Never {
    let hex = input.map { String($0, radix: 16) }.joined(separator: " ")
    FileHandle.standardError.write(Data("fast != icu (\(what)) on bytes [\(hex)]:\n fast \(String(describing: a))\n icu  \(String(describing: b))\n".utf8))
    abort()
}

/// libFuzzer's driver (in libclang_rt.fuzzer, linked by `-sanitize=fuzzer`).
@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// The entry point SwiftPM links an executable target to (it renames `main`).
@_cdecl("FastPathFuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runDriver(&count, &arguments, fuzzOneInput)
}

/// One fuzz input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: size > 0 ? data : nil, count: size)
    let a = tokens(fast, bytes), b = tokens(icu, bytes)
    if a != b { mismatch("bytes", bytes, a, b) }
    if TextDecoding.firstInvalidUTF8(in: bytes) == nil {
        let text = String(decoding: bytes, as: UTF8.self)
        let c = try? fast.tokenize(text), d = try? icu.tokenize(text)
        if c != d { mismatch("string", bytes, c, d) }
        let e = try? fast.tokenizeConcurrently(text, parts: 3)
        if e != c { mismatch("concurrent", bytes, e, c) }
    }
    return 0
}
