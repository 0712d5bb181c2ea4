/* SPDX-License-Identifier: Apache-2.0 */
/* Process console line editing and command history.
 *
 * Bytes below 0x80 are inserted at the cursor and echoed; CR or LF ends the
 * line (a CR LF or LF CR pair is one line end); Backspace and DEL delete to
 * the left; ESC [ D / C move, ESC [ H / F go home / end, ESC [ 3 ~ deletes
 * at the cursor, ESC [ A / B walk the history. Of an unknown sequence only
 * ESC, '[' and a '3' after "ESC [" are swallowed; its other bytes are text.
 *
 * The history keeps the last PROCESS_CONSOLE_HISTORY_MAX commands, newest
 * first, as NUL-terminated strings packed into one small buffer (the
 * oldest fall out when it is full); a command equal to the newest one and
 * whitespace-only lines are not stored.
 */
#include <string.h>

#include "process_console_internal.h"

enum { ESC_NONE, ESC_SEEN, ESC_BRACKET, ESC_THREE };

static void echo_n(struct process_console *pc, char c, unsigned n)
{
    while (n-- > 0) {
        pc_write(pc, &c, 1);
    }
}

/* Redraw from the cursor to the end, clear `extra` stale characters, and
 * put the cursor back. */
static void redraw_tail(struct process_console *pc, unsigned extra)
{
    unsigned tail = pc->len - pc->cursor;

    pc_write(pc, pc->line + pc->cursor, tail);
    echo_n(pc, ' ', extra);
    echo_n(pc, '\b', tail + extra);
}

static void insert(struct process_console *pc, char c)
{
    if (pc->len + 1u >= sizeof(pc->line)) {
        return; /* 63 characters at most: the rest is ignored */
    }
    memmove(pc->line + pc->cursor + 1, pc->line + pc->cursor, pc->len - pc->cursor);
    pc->line[pc->cursor] = c;
    pc->len++;
    pc_write(pc, &c, 1);
    pc->cursor++;
    redraw_tail(pc, 0);
}

/* Delete the character at position at (cursor or cursor - 1). */
static void delete_at(struct process_console *pc, uint8_t at)
{
    memmove(pc->line + at, pc->line + at + 1, pc->len - at - 1u);
    pc->len--;
    if (at < pc->cursor) {
        pc->cursor--;
        echo_n(pc, '\b', 1);
    }
    redraw_tail(pc, 1);
}

/* Replace the line being edited by s, on screen too. */
static void replace_line(struct process_console *pc, const char *s)
{
    unsigned old = pc->len;
    size_t n = strlen(s);

    echo_n(pc, '\b', pc->cursor);
    memcpy(pc->line, s, n);
    pc->len = (uint8_t)n;
    pc->cursor = (uint8_t)n;
    pc_write(pc, pc->line, n);
    if (old > n) {
        echo_n(pc, ' ', old - (unsigned)n);
        echo_n(pc, '\b', old - (unsigned)n);
    }
}

/* The i-th stored command, newest first. */
static const char *history_entry(const struct process_console *pc, unsigned i)
{
    const char *s = pc->history;

    while (i-- > 0) {
        s += strlen(s) + 1;
    }
    return s;
}

static bool blank(const char *s)
{
    for (; *s != '\0'; s++) {
        if (*s != ' ' && *s != '\t') {
            return false;
        }
    }
    return true;
}

static void history_add(struct process_console *pc, const char *s)
{
    size_t n = strlen(s) + 1;
    size_t keep = 0;
    unsigned count = 0;

    if (blank(s) || (pc->history_count > 0 && strcmp(history_entry(pc, 0), s) == 0)) {
        return;
    }
    /* Keep the newest entries that still fit behind the new one. */
    while (count < pc->history_count && count + 1u < PROCESS_CONSOLE_HISTORY_MAX) {
        size_t e = strlen(pc->history + keep) + 1;

        if (n + keep + e > sizeof(pc->history)) {
            break;
        }
        keep += e;
        count++;
    }
    memmove(pc->history + n, pc->history, keep);
    memcpy(pc->history, s, n);
    pc->history_count = (uint8_t)(count + 1u);
}

static void history_walk(struct process_console *pc, bool older)
{
    int pos = pc->history_pos + (older ? 1 : -1);

    if (pos >= (int)pc->history_count || pos < -1) {
        return;
    }
    if (pc->history_pos == -1) {
        pc->line[pc->len] = '\0';
        memcpy(pc->saved, pc->line, sizeof(pc->saved));
    }
    pc->history_pos = (int8_t)pos;
    replace_line(pc, pos == -1 ? pc->saved : history_entry(pc, (unsigned)pos));
}

static void end_line(struct process_console *pc)
{
    pc->line[pc->len] = '\0';
    pc_puts(pc, "\r\n");
    history_add(pc, pc->line);
    pc->history_pos = -1;
    pc->len = 0;
    pc->cursor = 0;
    pc_execute(pc, pc->line);
}

/* The byte after "ESC [" (or "ESC [ 3"); false if it was not a sequence. */
static bool escape(struct process_console *pc, uint8_t byte)
{
    uint8_t state = pc->esc;

    pc->esc = ESC_NONE;
    if (state == ESC_THREE) {
        if (byte == '~' && pc->cursor < pc->len) {
            delete_at(pc, pc->cursor);
        }
        return byte == '~';
    }
    switch (byte) {
    case 'A':
    case 'B':
        history_walk(pc, byte == 'A');
        return true;
    case 'C':
        if (pc->cursor < pc->len) {
            pc_write(pc, pc->line + pc->cursor, 1);
            pc->cursor++;
        }
        return true;
    case 'D':
        if (pc->cursor > 0) {
            echo_n(pc, '\b', 1);
            pc->cursor--;
        }
        return true;
    case 'H':
        echo_n(pc, '\b', pc->cursor);
        pc->cursor = 0;
        return true;
    case 'F':
        pc_write(pc, pc->line + pc->cursor, pc->len - pc->cursor);
        pc->cursor = pc->len;
        return true;
    case '3':
        pc->esc = ESC_THREE;
        return true;
    default:
        return false;
    }
}

void pc_line_byte(struct process_console *pc, uint8_t byte)
{
    bool eol = byte == '\r' || byte == '\n';

    if (eol && pc->last_eol != 0 && pc->last_eol != byte) {
        pc->last_eol = 0; /* the second half of CR LF or LF CR */
        return;
    }
    pc->last_eol = eol ? byte : 0;
    if (pc->esc == ESC_SEEN) {
        pc->esc = byte == '[' ? ESC_BRACKET : ESC_NONE;
        if (byte == '[') {
            return;
        }
    } else if (pc->esc != ESC_NONE && escape(pc, byte)) {
        return;
    }
    if (eol) {
        end_line(pc);
    } else if (byte == 0x1B) {
        pc->esc = ESC_SEEN;
    } else if (byte == 0x08 || byte == 0x7F) {
        if (pc->cursor > 0) {
            delete_at(pc, (uint8_t)(pc->cursor - 1u));
        }
    } else if (byte < 0x80) {
        insert(pc, (char)byte);
    }
}
