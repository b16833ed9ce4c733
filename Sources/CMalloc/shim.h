// glibc's malloc tuning, which Swift's Glibc module does not bring in.
#ifndef CSE_MALLOC_SHIM_H
#define CSE_MALLOC_SHIM_H

#include <malloc.h>

/// Grows the heap by at least `bytes` past each request, instead of a few pages per system
/// call (M_TOP_PAD).
static inline int cse_heap_grows_by(int bytes) {
    return mallopt(M_TOP_PAD, bytes);
}

#endif
