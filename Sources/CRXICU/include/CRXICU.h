// rxtext's window onto ICU: a small C API with stable names and no ICU types.
//
// ICU renames every function by version (ubrk_open is ubrk_open_72) through macros Swift cannot
// import, and a Swift module that imports Foundation must not see ICU's C types at all (Foundation
// carries its own ICU). So Swift calls these functions, and only rxicu.c includes ICU's headers.
// All offsets are UTF-8 byte offsets into the caller's buffer.
#ifndef CRXICU_H
#define CRXICU_H

#include <stdint.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// ICU's version ("72.1") and the Unicode version it implements ("15.0"), NUL-terminated.
void rx_icu_version(char *buffer, int32_t capacity);
void rx_unicode_version(char *buffer, int32_t capacity);

// MARK: Break iteration

typedef struct rx_breaker rx_breaker;

enum {
    RX_BREAK_WORD = 0,
    RX_BREAK_SENTENCE = 1,
};

/// Rule-status ranges of word boundaries, as ICU defines them (UWordBreak).
enum {
    RX_WORD_NONE = 0,          // spaces, punctuation, symbols: [0, 100)
    RX_WORD_NUMBER = 100,      // [100, 200)
    RX_WORD_LETTER = 200,      // [200, 300)
    RX_WORD_KANA = 300,        // [300, 400)
    RX_WORD_IDEO = 400,        // [400, 500)
};

/// Opens a break iterator. `locale` may carry ICU keywords, e.g. "en@ss=standard" for sentence
/// breaking that does not split after common abbreviations. Returns NULL and sets *status < 0 on
/// failure.
rx_breaker *rx_breaker_open(int32_t kind, const char *locale, int32_t *status);
/// An independent copy sharing the compiled rules: much cheaper than opening a new one.
rx_breaker *rx_breaker_clone(const rx_breaker *breaker, int32_t *status);
void rx_breaker_close(rx_breaker *breaker);
/// Points the iterator at UTF-8 text, which must outlive the iteration. Returns an ICU status.
int32_t rx_breaker_set_text(rx_breaker *breaker, const uint8_t *utf8, int64_t length);
/// The next boundary after the current one as a byte offset, or -1 when done. The first call
/// after set_text returns the first boundary after 0.
int64_t rx_breaker_next(rx_breaker *breaker);
/// The rule status of the boundary last returned (see RX_WORD_*).
int32_t rx_breaker_rule_status(const rx_breaker *breaker);

// MARK: Validation

enum {
    RX_UTF8_OK = 0,
    RX_UTF8_INVALID = 1,  // *offset: first byte of the first ill-formed sequence
    RX_UTF8_NUL = 2,      // *offset: the first NUL byte (text files have none)
};

/// Checks well-formed UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF) and the
/// absence of NUL bytes, in one pass.
int32_t rx_utf8_check(const uint8_t *bytes, int64_t length, int64_t *offset);

// MARK: Normalisation and folding

/// 1 if the UTF-8 text is certainly in NFC (the common fast case), 0 otherwise.
int32_t rx_is_nfc(const uint8_t *utf8, int32_t length);

/// Writes the NFC form of the UTF-8 text. Returns the byte length written, or the negated
/// capacity needed when `capacity` is too small, or INT32_MIN on an ICU error.
int32_t rx_nfc(const uint8_t *utf8, int32_t length, uint8_t *out, int32_t capacity);

enum {
    RX_FOLD_CASE = 1,        // full Unicode case folding (Straße ~ strasse)
    RX_FOLD_DIACRITICS = 2,  // drop combining marks and map ø, ł, æ, ... (Baciuška ~ Baciuska)
};

/// Writes the folded form (NFC) of the UTF-8 text; same return convention as rx_nfc.
int32_t rx_fold(const uint8_t *utf8, int32_t length, int32_t options, uint8_t *out,
                int32_t capacity);

// MARK: Spoofing

/// 1 if the UTF-8 word mixes scripts in a way ICU's spoof checker rejects at the "highly
/// restrictive" level (a Cyrillic "а" inside a Latin name), 0 if it passes, < 0 on error.
int32_t rx_spoof_mixed_script(const uint8_t *utf8, int32_t length);

#ifdef __cplusplus
}
#endif

#endif
