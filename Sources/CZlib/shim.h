#ifndef SMTP_CODES_ZLIB_SHIM_H
#define SMTP_CODES_ZLIB_SHIM_H

/* zlib, for InputReading alone (gzip-compressed logs and mailboxes). */
#include <zlib.h>

/* inflateInit2 is a macro (it passes ZLIB_VERSION and the stream's size), which Swift
   cannot import. 15 + 16: the largest window, and a gzip header and trailer expected. */
static inline int smtp_inflate_init_gzip(z_streamp stream) {
    return inflateInit2(stream, 15 + 16);
}

#endif
