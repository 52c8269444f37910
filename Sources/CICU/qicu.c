// The implementation of CICU.h over ICU's C API. This is the only file in Qalam that
// includes ICU headers.
#include "CICU.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/uclean.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/utext.h>
#include <unicode/utrans.h>
#include <unicode/uversion.h>

struct qicu_breaker {
    UBreakIterator *iterator;
    UText *text;
};

struct qicu_transliterator {
    UTransliterator *transliterator;
};

const char *qicu_error_name(int32_t status) { return u_errorName((UErrorCode)status); }

void qicu_version(char *buffer, int32_t capacity) {
    UVersionInfo info;
    char text[U_MAX_VERSION_STRING_LENGTH];
    u_getVersion(info);
    u_versionToString(info, text);
    if (capacity > 0) {
        strncpy(buffer, text, (size_t)capacity - 1);
        buffer[capacity - 1] = 0;
    }
}

static int failed(int32_t *status) { return U_FAILURE((UErrorCode)*status); }

qicu_breaker *qicu_breaker_open(int32_t kind, const char *locale, int32_t *status) {
    if (failed(status)) return NULL;
    UBreakIteratorType type;
    switch (kind) {
    case QICU_BREAK_CHARACTER: type = UBRK_CHARACTER; break;
    case QICU_BREAK_WORD: type = UBRK_WORD; break;
    case QICU_BREAK_LINE: type = UBRK_LINE; break;
    case QICU_BREAK_SENTENCE: type = UBRK_SENTENCE; break;
    default: *status = U_ILLEGAL_ARGUMENT_ERROR; return NULL;
    }
    qicu_breaker *breaker = calloc(1, sizeof *breaker);
    if (!breaker) { *status = U_MEMORY_ALLOCATION_ERROR; return NULL; }
    breaker->iterator = ubrk_open(type, locale, NULL, 0, (UErrorCode *)status);
    if (failed(status)) { free(breaker); return NULL; }
    return breaker;
}

qicu_breaker *qicu_breaker_clone(const qicu_breaker *breaker, int32_t *status) {
    if (failed(status)) return NULL;
    qicu_breaker *copy = calloc(1, sizeof *copy);
    if (!copy) { *status = U_MEMORY_ALLOCATION_ERROR; return NULL; }
    copy->iterator = ubrk_clone(breaker->iterator, (UErrorCode *)status);
    if (failed(status)) { free(copy); return NULL; }
    return copy;
}

void qicu_breaker_close(qicu_breaker *breaker) {
    if (!breaker) return;
    if (breaker->iterator) ubrk_close(breaker->iterator);
    if (breaker->text) utext_close(breaker->text);
    free(breaker);
}

void qicu_breaker_set_utf8(qicu_breaker *breaker, const uint8_t *text, int64_t length, int32_t *status) {
    if (failed(status)) return;
    // Reuses the UText struct between calls: no allocation after the first.
    breaker->text = utext_openUTF8(breaker->text, (const char *)text, length, (UErrorCode *)status);
    if (failed(status)) return;
    ubrk_setUText(breaker->iterator, breaker->text, (UErrorCode *)status);
}

void qicu_breaker_set_utf16(qicu_breaker *breaker, const uint16_t *text, int32_t length, int32_t *status) {
    if (failed(status)) return;
    ubrk_setText(breaker->iterator, (const UChar *)text, length, (UErrorCode *)status);
}

int64_t qicu_breaker_first(qicu_breaker *breaker) { return ubrk_first(breaker->iterator); }

int64_t qicu_breaker_next(qicu_breaker *breaker) {
    int32_t next = ubrk_next(breaker->iterator);
    return next == UBRK_DONE ? QICU_DONE : next;
}

int32_t qicu_breaker_rule_status(const qicu_breaker *breaker) {
    return ubrk_getRuleStatus((UBreakIterator *)breaker->iterator);
}

int32_t qicu_breaker_next_many(qicu_breaker *breaker, int64_t *boundaries, int32_t capacity) {
    int32_t count = 0;
    while (count < capacity) {
        int32_t next = ubrk_next(breaker->iterator);
        if (next == UBRK_DONE) break;
        boundaries[count++] = next;
    }
    return count;
}

static const UNormalizer2 *normalizer_for(int32_t form, UErrorCode *status) {
    switch (form) {
    case QICU_NFC: return unorm2_getNFCInstance(status);
    case QICU_NFD: return unorm2_getNFDInstance(status);
    case QICU_NFKC: return unorm2_getNFKCInstance(status);
    case QICU_NFKD: return unorm2_getNFKDInstance(status);
    case QICU_NFKC_CASEFOLD: return unorm2_getNFKCCasefoldInstance(status);
    default: *status = U_ILLEGAL_ARGUMENT_ERROR; return NULL;
    }
}

int32_t qicu_normalize(int32_t form, const uint16_t *source, int32_t length,
                       uint16_t *dest, int32_t capacity, int32_t *status) {
    if (failed(status)) return 0;
    const UNormalizer2 *normalizer = normalizer_for(form, (UErrorCode *)status);
    if (failed(status)) return 0;
    return unorm2_normalize(normalizer, (const UChar *)source, length, (UChar *)dest, capacity,
                            (UErrorCode *)status);
}

int32_t qicu_is_normalized(int32_t form, const uint16_t *source, int32_t length, int32_t *status) {
    if (failed(status)) return 0;
    const UNormalizer2 *normalizer = normalizer_for(form, (UErrorCode *)status);
    if (failed(status)) return 0;
    return unorm2_isNormalized(normalizer, (const UChar *)source, length, (UErrorCode *)status) ? 1 : 0;
}

int32_t qicu_has_boundary_before(int32_t form, int32_t codepoint, int32_t *status) {
    if (failed(status)) return 0;
    const UNormalizer2 *normalizer = normalizer_for(form, (UErrorCode *)status);
    if (failed(status)) return 0;
    return unorm2_hasBoundaryBefore(normalizer, codepoint) ? 1 : 0;
}

int32_t qicu_quick_check(int32_t form, int32_t codepoint) {
    UProperty property;
    switch (form) {
    case QICU_NFC: property = UCHAR_NFC_QUICK_CHECK; break;
    case QICU_NFD: property = UCHAR_NFD_QUICK_CHECK; break;
    case QICU_NFKC: property = UCHAR_NFKC_QUICK_CHECK; break;
    case QICU_NFKD: property = UCHAR_NFKD_QUICK_CHECK; break;
    default: return 0;
    }
    switch (u_getIntPropertyValue(codepoint, property)) {
    case UNORM_YES: return 1;
    case UNORM_MAYBE: return 2;
    default: return 0;
    }
}

int32_t qicu_combining_class(int32_t codepoint) { return u_getCombiningClass(codepoint); }

int32_t qicu_raw_decomposition(int32_t codepoint, uint16_t *buffer, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *normalizer = unorm2_getNFCInstance(&status);
    if (U_FAILURE(status)) return -1;
    int32_t length = unorm2_getRawDecomposition(normalizer, codepoint, (UChar *)buffer, capacity, &status);
    if (U_FAILURE(status) && status != U_BUFFER_OVERFLOW_ERROR) return -1;
    return length;
}

qicu_transliterator *qicu_transliterator_open(const uint16_t *id, int32_t idLength,
                                              int32_t reverse, int32_t *status) {
    if (failed(status)) return NULL;
    qicu_transliterator *result = calloc(1, sizeof *result);
    if (!result) { *status = U_MEMORY_ALLOCATION_ERROR; return NULL; }
    UParseError parseError;
    result->transliterator = utrans_openU((const UChar *)id, idLength,
                                          reverse ? UTRANS_REVERSE : UTRANS_FORWARD, NULL, 0,
                                          &parseError, (UErrorCode *)status);
    if (failed(status)) { free(result); return NULL; }
    return result;
}

void qicu_transliterator_close(qicu_transliterator *transliterator) {
    if (!transliterator) return;
    if (transliterator->transliterator) utrans_close(transliterator->transliterator);
    free(transliterator);
}

int32_t qicu_transliterate(const qicu_transliterator *transliterator, uint16_t *buffer,
                           int32_t length, int32_t capacity, int32_t *status) {
    if (failed(status)) return 0;
    int32_t textLength = length;
    int32_t limit = length;
    utrans_transUChars(transliterator->transliterator, (UChar *)buffer, &textLength, capacity, 0,
                       &limit, (UErrorCode *)status);
    return textLength;
}

int32_t qicu_transliterator_count(void) { return utrans_countAvailableIDs(); }

int32_t qicu_transliterator_id(int32_t index, uint16_t *buffer, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    UEnumeration *ids = utrans_openIDs(&status);
    if (U_FAILURE(status)) return 0;
    int32_t length = 0;
    const UChar *id = NULL;
    for (int32_t i = 0; i <= index; i++) {
        id = uenum_unext(ids, &length, &status);
        if (!id || U_FAILURE(status)) { uenum_close(ids); return 0; }
    }
    int32_t copy = length < capacity ? length : capacity;
    memcpy(buffer, id, (size_t)copy * sizeof(UChar));
    uenum_close(ids);
    return length;
}

int32_t qicu_char_category(int32_t codepoint) { return u_charType(codepoint); }

int32_t qicu_script(int32_t codepoint) {
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode script = uscript_getScript(codepoint, &status);
    return U_FAILURE(status) ? -1 : script;
}

int32_t qicu_is_white_space(int32_t codepoint) { return u_isUWhiteSpace(codepoint) ? 1 : 0; }

int32_t qicu_is_default_ignorable(int32_t codepoint) {
    return u_hasBinaryProperty(codepoint, UCHAR_DEFAULT_IGNORABLE_CODE_POINT) ? 1 : 0;
}

int32_t qicu_is_alphabetic(int32_t codepoint) { return u_isUAlphabetic(codepoint) ? 1 : 0; }

int32_t qicu_word_break_value(int32_t codepoint) {
    return u_getIntPropertyValue(codepoint, UCHAR_WORD_BREAK);
}
