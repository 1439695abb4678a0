/* tape.h: a recorded bt_tokenize walk (BT_TOKENIZE_FOLD, with or without _KEY) of one text, kept
 * with a copy of the text, so that a token stream made once (in ingest's extraction workers)
 * can be replayed by the several consumers of the same text (the FTS tokenizer in the
 * writer, the near-duplicate shingles) instead of each tokenising it again. */
#ifndef BTI_TEXT_TAPE_H
#define BTI_TEXT_TAPE_H

#include "bantin/text.h"

#include <stddef.h>
#include <stdint.h>

/* One token in 16 bytes: its folded key at bytes[key], NUL-terminated, and its accented
 * key right after that NUL unless the walk handed the key's own buffer for it (an ASCII
 * word: BTI_TAPE_ACC_IS_KEY) or none. A token longer than UINT16_MAX bytes is not recorded
 * (bti_tape_record fails: the caller tokenises the text itself). */
typedef struct bti_tape_tok {
    uint32_t start; /* byte offset in the text; the token ends at start + len */
    uint32_t key;
    uint16_t len, key_len, acc_len;
    uint16_t flags; /* BT_TOK_* and the two below */
} bti_tape_tok;

#define BTI_TAPE_ACC_IS_KEY 0x4000u
#define BTI_TAPE_NO_ACC 0x8000u

typedef struct bti_tape {
    unsigned opts; /* the walk's BT_TOKENIZE_* */
    char *text; /* the text recorded (a NUL-terminated copy) */
    size_t text_len;
    bti_tape_tok *tok;
    size_t n, cap;
    char *bytes; /* the keys */
    size_t nbytes, cap_bytes;
} bti_tape;

/* Records the tokens of bt_tokenize(s, len, opts) into a new tape (*out; NULL for an empty
 * or NULL text). 0, BT_ENOMEM, or BT_EINVAL for a text of 1 GB or more or a token of 64 KB
 * or more. */
int bti_tape_record(const char *s, size_t len, unsigned opts, bti_tape **out);
void bti_tape_free(bti_tape *t);

/* Token i of the tape as bt_tokenize handed it (valid while the tape lives). */
void bti_tape_token(const bti_tape *t, size_t i, bt_token *out);

/* Calls cb for each token in order, as bt_tokenize(text, len, opts, cb, ctx) would:
 * its return, or a non-zero return of cb. */
int bti_tape_play(const bti_tape *t, int (*cb)(void *ctx, const bt_token *tok), void *ctx);

/* 1 when the tape recorded exactly s[0..len). */
int bti_tape_is_of(const bti_tape *t, const char *s, size_t len);

/* Bytes the tape holds (for a caller that bounds what it keeps). */
size_t bti_tape_size(const bti_tape *t);

#endif
