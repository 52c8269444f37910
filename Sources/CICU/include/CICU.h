// CICU — Qalam's bridge to the system ICU library.
//
// This header is the whole of what Swift sees of ICU: opaque handles, plain C integer
// types and UTF-8 / UTF-16 buffers. No ICU type or macro appears here, so the Swift
// modules never import ICU headers (which clash with Foundation's bundled ICU on
// Linux) and ICU's versioned symbol names stay inside qicu.c.
//
// Error convention: every call that can fail takes `int32_t *status`. The caller sets
// it to 0 before the call; on return a value > 0 is an ICU error code whose name
// `qicu_error_name` gives (e.g. "U_ILLEGAL_ARGUMENT_ERROR"); a value < 0 is a warning.
#ifndef QALAM_CICU_H
#define QALAM_CICU_H

#include <stdint.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// The symbolic name of an ICU status code, such as "U_BUFFER_OVERFLOW_ERROR".
const char *qicu_error_name(int32_t status);

/// The ICU version string, such as "72.1".
void qicu_version(char *buffer, int32_t capacity);

// MARK: - Break iteration

/// Kinds of text boundary.
enum {
    QICU_BREAK_CHARACTER = 0,
    QICU_BREAK_WORD = 1,
    QICU_BREAK_LINE = 2,
    QICU_BREAK_SENTENCE = 3
};

/// Returned by `qicu_breaker_next` when there are no more boundaries.
#define QICU_DONE (-1)

/// An opaque break iterator bound to UTF-8 text.
typedef struct qicu_breaker qicu_breaker;

/// Opens a break iterator of `kind` for `locale` (e.g. "ar"). NULL on error.
qicu_breaker *qicu_breaker_open(int32_t kind, const char *locale, int32_t *status);

/// A new, independent iterator with the same rules (cheaper than opening one).
qicu_breaker *qicu_breaker_clone(const qicu_breaker *breaker, int32_t *status);

/// Closes the iterator and releases its text binding.
void qicu_breaker_close(qicu_breaker *breaker);

/// Binds the iterator to `length` bytes of UTF-8 at `text`, which must stay valid
/// while the iterator is used. Boundaries are then UTF-8 byte offsets into `text`.
void qicu_breaker_set_utf8(qicu_breaker *breaker, const uint8_t *text, int64_t length, int32_t *status);

/// Binds the iterator to `length` UTF-16 code units; boundaries are then UTF-16 offsets.
void qicu_breaker_set_utf16(qicu_breaker *breaker, const uint16_t *text, int32_t length, int32_t *status);

/// Moves to the first boundary (always 0) and returns it.
int64_t qicu_breaker_first(qicu_breaker *breaker);

/// Moves to the next boundary and returns it, or QICU_DONE.
int64_t qicu_breaker_next(qicu_breaker *breaker);

/// ICU's rule status of the segment that ends at the current boundary
/// (for word breaks: 0 none, 100.. number, 200.. letter, 300.. kana, 400.. ideographic).
int32_t qicu_breaker_rule_status(const qicu_breaker *breaker);

/// Fills `boundaries` with up to `capacity` successive boundaries after the current one
/// and returns how many were written (fewer than `capacity` only at the end of text).
int32_t qicu_breaker_next_many(qicu_breaker *breaker, int64_t *boundaries, int32_t capacity);

// MARK: - Normalization (Normalizer2)

/// Unicode normalization forms.
enum {
    QICU_NFC = 0,
    QICU_NFD = 1,
    QICU_NFKC = 2,
    QICU_NFKD = 3,
    QICU_NFKC_CASEFOLD = 4
};

/// Normalizes `length` UTF-16 units of `source` into `dest` (capacity `capacity`) and
/// returns the length of the result. If the result does not fit, returns the needed
/// length with status U_BUFFER_OVERFLOW_ERROR (15).
int32_t qicu_normalize(int32_t form, const uint16_t *source, int32_t length,
                       uint16_t *dest, int32_t capacity, int32_t *status);

/// 1 if `source` is already in `form`, 0 if not.
int32_t qicu_is_normalized(int32_t form, const uint16_t *source, int32_t length, int32_t *status);

/// 1 if the code point always starts a new normalization segment in `form`
/// (text can be normalized piecewise at such boundaries).
int32_t qicu_has_boundary_before(int32_t form, int32_t codepoint, int32_t *status);

/// Unicode's quick-check value of `codepoint` for `form` (NFC, NFD, NFKC or NFKD):
/// 0 no, 1 yes, 2 maybe.
int32_t qicu_quick_check(int32_t form, int32_t codepoint);

/// The canonical combining class of `codepoint` (0 for starters).
int32_t qicu_combining_class(int32_t codepoint);

/// Writes the raw (one-level, canonical) decomposition mapping of `codepoint` as UTF-16
/// into `buffer` and returns its length, or -1 when the code point has none.
int32_t qicu_raw_decomposition(int32_t codepoint, uint16_t *buffer, int32_t capacity);

// MARK: - Transliteration

/// An opaque ICU transliterator.
typedef struct qicu_transliterator qicu_transliterator;

/// Opens the transliterator with the given ID (UTF-16, e.g. "Arabic-Latin"),
/// forward (`reverse` = 0) or reverse (`reverse` = 1). NULL on error.
qicu_transliterator *qicu_transliterator_open(const uint16_t *id, int32_t idLength,
                                              int32_t reverse, int32_t *status);

/// Closes the transliterator.
void qicu_transliterator_close(qicu_transliterator *transliterator);

/// Transliterates `length` units in place in `buffer` (capacity `capacity`) and returns
/// the new length; if it would not fit, returns the needed length with status
/// U_BUFFER_OVERFLOW_ERROR and the buffer content is unspecified.
int32_t qicu_transliterate(const qicu_transliterator *transliterator, uint16_t *buffer,
                           int32_t length, int32_t capacity, int32_t *status);

/// The number of transliterator IDs ICU knows.
int32_t qicu_transliterator_count(void);

/// Writes the UTF-16 ID at `index` into `buffer`; returns its length (or needed length).
int32_t qicu_transliterator_id(int32_t index, uint16_t *buffer, int32_t capacity);

// MARK: - Character properties

/// The Unicode general category of `codepoint`, as ICU's UCharCategory number.
int32_t qicu_char_category(int32_t codepoint);

/// The Unicode script of `codepoint`, as ICU's UScriptCode number (Arabic is 2, Latin 25).
int32_t qicu_script(int32_t codepoint);

/// 1 if `codepoint` has the White_Space property.
int32_t qicu_is_white_space(int32_t codepoint);

/// 1 if `codepoint` has the Default_Ignorable_Code_Point property.
int32_t qicu_is_default_ignorable(int32_t codepoint);

/// 1 if `codepoint` has the Alphabetic property.
int32_t qicu_is_alphabetic(int32_t codepoint);

/// ICU's Word_Break property value of `codepoint` (UWordBreakValues number).
int32_t qicu_word_break_value(int32_t codepoint);

#ifdef __cplusplus
}
#endif

#endif
