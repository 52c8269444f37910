/// Walks the Unicode scalars of a substring by reading its UTF-8 bytes directly.
///
/// `Substring.unicodeScalars` checks every index it hands out against the base string;
/// for the short words the segmenter and the tagger look at, that was most of the cost
/// of reading them. Swift strings always hold valid UTF-8, so the bytes are decoded
/// without validation; a string without contiguous storage (bridged) falls back to the
/// unicode-scalar view.
public enum UTF8ScalarReader {
    /// Calls `body` with each scalar of `text`, its UTF-8 offset from the start of `text`
    /// and its width in bytes, in order, until `body` returns `false`.
    @inlinable
    public static func forEach(in text: Substring, _ body: (_ scalar: Unicode.Scalar, _ offset: Int, _ width: Int) -> Bool) {
        let walked: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
            let count = bytes.count
            var index = 0
            while index < count {
                let lead = UInt32(bytes[index])
                var value: UInt32
                let width: Int
                if lead < 0x80 {
                    value = lead
                    width = 1
                } else if lead < 0xE0 {
                    value = lead & 0x1F
                    width = 2
                } else if lead < 0xF0 {
                    value = lead & 0x0F
                    width = 3
                } else {
                    value = lead & 0x07
                    width = 4
                }
                guard index + width <= count else { return }
                var next = index + 1
                while next < index + width {
                    value = value << 6 | (UInt32(bytes[next]) & 0x3F)
                    next += 1
                }
                guard let scalar = Unicode.Scalar(value), body(scalar, index, width) else { return }
                index += width
            }
        }
        if walked == nil {
            var offset = 0
            for scalar in text.unicodeScalars {
                let width = UTF8.width(scalar)
                guard body(scalar, offset, width) else { return }
                offset += width
            }
        }
    }
}
