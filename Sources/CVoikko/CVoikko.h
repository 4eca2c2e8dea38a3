// libvoikko, the Finnish morphological analyser, as rxtext uses it.
//
// Nothing links against libvoikko: RXText opens it at run time (dlopen) and declares the few
// functions it calls itself (Sources/RXText/SourceLanguage/Voikko.swift), so rxtext builds and
// runs where libvoikko is not installed and only the checks that need it are off. This module
// names the library to open and, where libvoikko-dev is installed (pkg-config `libvoikko`),
// brings its header in for reference.
#ifndef RXTEXT_CVOIKKO_H
#define RXTEXT_CVOIKKO_H

#if defined(__APPLE__)
#define RXTEXT_VOIKKO_LIBRARY "libvoikko.1.dylib"
#define RXTEXT_ZLIB_LIBRARY "libz.1.dylib"
#else
#define RXTEXT_VOIKKO_LIBRARY "libvoikko.so.1"
#define RXTEXT_ZLIB_LIBRARY "libz.so.1"
#endif

#if defined(__has_include)
#if __has_include(<libvoikko/voikko.h>)
#include <libvoikko/voikko.h>
#define RXTEXT_VOIKKO_HEADER 1
#endif
#endif
#ifndef RXTEXT_VOIKKO_HEADER
#define RXTEXT_VOIKKO_HEADER 0
#endif

#endif
