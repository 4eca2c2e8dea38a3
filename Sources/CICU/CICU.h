// Intentionally empty: this module only carries ICU's pkg-config flags and link libraries.
// ICU's own headers are included by CRXICU's C file, never by a module Swift imports.
#ifndef CICU_H
#define CICU_H
#endif
