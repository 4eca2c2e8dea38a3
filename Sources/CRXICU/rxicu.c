// The only file of rxtext that includes ICU's headers. See include/CRXICU.h.
#include "CRXICU.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>
#include <unicode/uspoof.h>
#include <unicode/uversion.h>
#include <pthread.h>

void rx_icu_version(char *buffer, int32_t capacity) {
    UVersionInfo info;
    char text[U_MAX_VERSION_STRING_LENGTH];
    u_getVersion(info);
    u_versionToString(info, text);
    strncpy(buffer, text, (size_t)capacity);
    if (capacity > 0) buffer[capacity - 1] = 0;
}

void rx_unicode_version(char *buffer, int32_t capacity) {
    UVersionInfo info;
    char text[U_MAX_VERSION_STRING_LENGTH];
    u_getUnicodeVersion(info);
    u_versionToString(info, text);
    strncpy(buffer, text, (size_t)capacity);
    if (capacity > 0) buffer[capacity - 1] = 0;
}

// MARK: Break iteration

struct rx_breaker {
    UBreakIterator *iterator;
    UText *text;
};

rx_breaker *rx_breaker_open(int32_t kind, const char *locale, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UBreakIteratorType type = kind == RX_BREAK_SENTENCE ? UBRK_SENTENCE : UBRK_WORD;
    UBreakIterator *iterator = ubrk_open(type, locale, NULL, 0, &error);
    if (U_FAILURE(error)) {
        *status = (int32_t)error;
        return NULL;
    }
    rx_breaker *breaker = calloc(1, sizeof(rx_breaker));
    if (breaker == NULL) {
        ubrk_close(iterator);
        *status = (int32_t)U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    breaker->iterator = iterator;
    *status = (int32_t)error;
    return breaker;
}

rx_breaker *rx_breaker_clone(const rx_breaker *breaker, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UBreakIterator *iterator = ubrk_clone(breaker->iterator, &error);
    if (U_FAILURE(error)) {
        *status = (int32_t)error;
        return NULL;
    }
    rx_breaker *copy = calloc(1, sizeof(rx_breaker));
    if (copy == NULL) {
        ubrk_close(iterator);
        *status = (int32_t)U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    copy->iterator = iterator;
    *status = (int32_t)error;
    return copy;
}

void rx_breaker_close(rx_breaker *breaker) {
    if (breaker == NULL) return;
    ubrk_close(breaker->iterator);
    if (breaker->text != NULL) utext_close(breaker->text);
    free(breaker);
}

int32_t rx_breaker_set_text(rx_breaker *breaker, const uint8_t *utf8, int64_t length) {
    UErrorCode error = U_ZERO_ERROR;
    // Reuses the UText when there is one: utext_openUTF8 re-initialises it in place.
    breaker->text = utext_openUTF8(breaker->text, (const char *)utf8, length, &error);
    if (U_FAILURE(error)) return (int32_t)error;
    ubrk_setUText(breaker->iterator, breaker->text, &error);
    return (int32_t)error;
}

int64_t rx_breaker_next(rx_breaker *breaker) {
    int32_t boundary = ubrk_next(breaker->iterator);
    if (boundary == UBRK_DONE) return -1;
    // Over a UTF-8 UText, ICU reports native indexes: byte offsets into the buffer.
    return (int64_t)boundary;
}

int32_t rx_breaker_rule_status(const rx_breaker *breaker) {
    return ubrk_getRuleStatus(breaker->iterator);
}

// MARK: Validation

int32_t rx_utf8_check(const uint8_t *s, int64_t n, int64_t *offset) {
    int64_t i = 0;
    while (i < n) {
        // Eight ASCII bytes without a NUL at a time: most of any article.
        if (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            const uint64_t high = 0x8080808080808080ull, ones = 0x0101010101010101ull;
            if ((w & high) == 0 && ((w - ones) & ~w & high) == 0) {
                i += 8;
                continue;
            }
        }
        uint8_t c = s[i];
        if (c < 0x80) {
            if (c == 0) {
                *offset = i;
                return RX_UTF8_NUL;
            }
            i += 1;
            continue;
        }
        int64_t need;
        uint8_t low = 0x80, high = 0xBF;  // bounds of the second byte
        if (c >= 0xC2 && c <= 0xDF) {
            need = 1;
        } else if (c == 0xE0) {
            need = 2; low = 0xA0;           // no overlong 3-byte forms
        } else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) {
            need = 2;
        } else if (c == 0xED) {
            need = 2; high = 0x9F;          // no UTF-16 surrogates
        } else if (c == 0xF0) {
            need = 3; low = 0x90;           // no overlong 4-byte forms
        } else if (c >= 0xF1 && c <= 0xF3) {
            need = 3;
        } else if (c == 0xF4) {
            need = 3; high = 0x8F;          // nothing above U+10FFFF
        } else {
            *offset = i;                    // C0, C1, F5..FF or a stray continuation byte
            return RX_UTF8_INVALID;
        }
        if (i + need >= n) {  // truncated at the end of the buffer
            *offset = i;
            return RX_UTF8_INVALID;
        }
        if (s[i + 1] < low || s[i + 1] > high) {
            *offset = i;
            return RX_UTF8_INVALID;
        }
        for (int64_t k = 2; k <= need; k++) {
            if ((s[i + k] & 0xC0) != 0x80) {
                *offset = i;
                return RX_UTF8_INVALID;
            }
        }
        i += need + 1;
    }
    *offset = -1;
    return RX_UTF8_OK;
}

// MARK: Normalisation and folding

// Converts UTF-8 to a freshly allocated UTF-16 buffer; returns NULL on failure.
static UChar *to_utf16(const uint8_t *utf8, int32_t length, int32_t *outLength) {
    UErrorCode error = U_ZERO_ERROR;
    int32_t needed = 0;
    u_strFromUTF8(NULL, 0, &needed, (const char *)utf8, length, &error);
    if (error != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(error)) return NULL;
    error = U_ZERO_ERROR;
    UChar *buffer = malloc(sizeof(UChar) * (size_t)(needed + 1));
    if (buffer == NULL) return NULL;
    u_strFromUTF8(buffer, needed + 1, outLength, (const char *)utf8, length, &error);
    if (U_FAILURE(error)) {
        free(buffer);
        return NULL;
    }
    return buffer;
}

// Writes UTF-16 as UTF-8 into out; returns bytes written, -needed, or INT32_MIN.
static int32_t to_utf8(const UChar *text, int32_t length, uint8_t *out, int32_t capacity) {
    UErrorCode error = U_ZERO_ERROR;
    int32_t written = 0;
    u_strToUTF8((char *)out, capacity, &written, text, length, &error);
    if (error == U_BUFFER_OVERFLOW_ERROR) return -written;
    if (U_FAILURE(error)) return INT32_MIN;
    return written;
}

// Normalises UTF-16 with the given normaliser into a new buffer.
static UChar *normalize16(const UNormalizer2 *normalizer, const UChar *text, int32_t length,
                          int32_t *outLength) {
    UErrorCode error = U_ZERO_ERROR;
    int32_t capacity = length * 3 + 16;
    UChar *buffer = malloc(sizeof(UChar) * (size_t)capacity);
    if (buffer == NULL) return NULL;
    *outLength = unorm2_normalize(normalizer, text, length, buffer, capacity, &error);
    if (U_FAILURE(error)) {
        free(buffer);
        return NULL;
    }
    return buffer;
}

int32_t rx_is_nfc(const uint8_t *utf8, int32_t length) {
    // Below U+0300 nothing composes or reorders, so such text is already NFC.
    for (int32_t i = 0; i < length; i++) {
        if (utf8[i] >= 0xCC) goto slow;
    }
    return 1;
slow:;
    UErrorCode error = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&error);
    if (U_FAILURE(error)) return 0;
    int32_t length16 = 0;
    UChar *text = to_utf16(utf8, length, &length16);
    if (text == NULL) return 0;
    UBool normalized = unorm2_isNormalized(nfc, text, length16, &error);
    free(text);
    return U_SUCCESS(error) && normalized ? 1 : 0;
}

int32_t rx_nfc(const uint8_t *utf8, int32_t length, uint8_t *out, int32_t capacity) {
    UErrorCode error = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&error);
    if (U_FAILURE(error)) return INT32_MIN;
    int32_t length16 = 0;
    UChar *text = to_utf16(utf8, length, &length16);
    if (text == NULL) return INT32_MIN;
    int32_t normalizedLength = 0;
    UChar *normalized = normalize16(nfc, text, length16, &normalizedLength);
    free(text);
    if (normalized == NULL) return INT32_MIN;
    int32_t result = to_utf8(normalized, normalizedLength, out, capacity);
    free(normalized);
    return result;
}

// Letters with no canonical decomposition that readers still see as a base letter plus a mark.
static int32_t strip_letter(UChar32 c, UChar *out) {
    switch (c) {
    case 0x00F8: case 0x00D8: out[0] = 'o'; return 1;            // ø Ø
    case 0x0142: case 0x0141: out[0] = 'l'; return 1;            // ł Ł
    case 0x0111: case 0x0110: out[0] = 'd'; return 1;            // đ Đ
    case 0x0127: case 0x0126: out[0] = 'h'; return 1;            // ħ Ħ
    case 0x0131: out[0] = 'i'; return 1;                          // dotless ı
    case 0x00E6: case 0x00C6: out[0] = 'a'; out[1] = 'e'; return 2;  // æ Æ
    case 0x0153: case 0x0152: out[0] = 'o'; out[1] = 'e'; return 2;  // œ Œ
    case 0x00FE: case 0x00DE: out[0] = 't'; out[1] = 'h'; return 2;  // þ Þ
    case 0x00F0: case 0x00D0: out[0] = 'd'; return 1;            // ð Ð
    case 0x2019: case 0x2018: case 0x02BC: out[0] = '\''; return 1; // typographic apostrophes
    default: return 0;
    }
}

int32_t rx_fold(const uint8_t *utf8, int32_t length, int32_t options, uint8_t *out,
                int32_t capacity) {
    UErrorCode error = U_ZERO_ERROR;
    int32_t length16 = 0;
    UChar *text = to_utf16(utf8, length, &length16);
    if (text == NULL) return INT32_MIN;

    const UNormalizer2 *decompose = unorm2_getNFDInstance(&error);
    const UNormalizer2 *compose = unorm2_getNFCInstance(&error);
    if (U_FAILURE(error)) {
        free(text);
        return INT32_MIN;
    }
    int32_t decomposedLength = 0;
    UChar *decomposed = normalize16(decompose, text, length16, &decomposedLength);
    free(text);
    if (decomposed == NULL) return INT32_MIN;

    // Case folding can grow the text (ß -> ss): allow three units per unit.
    int32_t capacity16 = decomposedLength * 3 + 16;
    UChar *work = malloc(sizeof(UChar) * (size_t)capacity16);
    if (work == NULL) {
        free(decomposed);
        return INT32_MIN;
    }
    int32_t workLength = 0;
    if (options & RX_FOLD_CASE) {
        workLength = u_strFoldCase(work, capacity16, decomposed, decomposedLength,
                                   U_FOLD_CASE_DEFAULT, &error);
    } else {
        memcpy(work, decomposed, sizeof(UChar) * (size_t)decomposedLength);
        workLength = decomposedLength;
    }
    free(decomposed);
    if (U_FAILURE(error)) {
        free(work);
        return INT32_MIN;
    }

    if (options & RX_FOLD_DIACRITICS) {
        int32_t kept = 0;
        int32_t i = 0;
        while (i < workLength) {
            UChar32 c;
            U16_NEXT(work, i, workLength, c);
            if (u_charType(c) == U_NON_SPACING_MARK) continue;
            UChar mapped[2];
            int32_t count = strip_letter(c, mapped);
            if (count > 0) {
                for (int32_t k = 0; k < count; k++) work[kept++] = mapped[k];
            } else {
                U16_APPEND_UNSAFE(work, kept, c);
            }
        }
        workLength = kept;
    }

    int32_t composedLength = 0;
    UChar *composed = normalize16(compose, work, workLength, &composedLength);
    free(work);
    if (composed == NULL) return INT32_MIN;
    int32_t result = to_utf8(composed, composedLength, out, capacity);
    free(composed);
    return result;
}

// MARK: Spoofing

static USpoofChecker *spoof_template = NULL;
static pthread_once_t spoof_once = PTHREAD_ONCE_INIT;

static void spoof_init(void) {
    UErrorCode error = U_ZERO_ERROR;
    USpoofChecker *checker = uspoof_open(&error);
    if (U_FAILURE(error)) return;
    uspoof_setChecks(checker, USPOOF_RESTRICTION_LEVEL | USPOOF_INVISIBLE, &error);
    uspoof_setRestrictionLevel(checker, USPOOF_HIGHLY_RESTRICTIVE);
    if (U_FAILURE(error)) {
        uspoof_close(checker);
        return;
    }
    spoof_template = checker;
}

int32_t rx_spoof_mixed_script(const uint8_t *utf8, int32_t length) {
    pthread_once(&spoof_once, spoof_init);
    if (spoof_template == NULL) return -1;
    // uspoof_check2UTF8 is documented as thread-safe on a checker that is not modified.
    UErrorCode error = U_ZERO_ERROR;
    int32_t result = uspoof_check2UTF8(spoof_template, (const char *)utf8, length, NULL, &error);
    if (U_FAILURE(error)) return -1;
    return (result & (USPOOF_RESTRICTION_LEVEL | USPOOF_INVISIBLE)) != 0 ? 1 : 0;
}
