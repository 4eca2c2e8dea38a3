#ifndef CRXSHA_H
#define CRXSHA_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// SHA-256's 64 round constants (FIPS 180-4, 4.2.2), for the hardware and the Swift rounds.
extern const uint32_t rx_sha256_round_constants[64];

/// 1 if this CPU has the x86 SHA extensions (and the SSSE3 and SSE4.1 they are used with).
int rx_sha256_hardware_available(void);

/// Runs SHA-256's compression over `blocks` 64-byte blocks with the SHA extensions, updating
/// the eight state words in place. Call only when `rx_sha256_hardware_available()` is 1.
void rx_sha256_hardware_compress(uint32_t state[8], const uint8_t *data, size_t blocks);

#ifdef __cplusplus
}
#endif

#endif
