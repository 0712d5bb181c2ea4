/* SPDX-License-Identifier: Apache-2.0 */
/* Kernel formatter against the host C library's snprintf as the oracle. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "kernel/format.h"
#include "unit.h"

/* Format with both implementations and compare text and length. */
static void same(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void same(const char *fmt, ...)
{
    char ours[256];
    char theirs[256];
    va_list ap;
    va_list ap2;
    size_t n;
    int m;

    va_start(ap, fmt);
    va_copy(ap2, ap);
    n = format_vsnprintf(ours, sizeof(ours), fmt, ap);
    m = vsnprintf(theirs, sizeof(theirs), fmt, ap2);
    va_end(ap2);
    va_end(ap);
    CHECK_STREQ(ours, theirs);
    CHECK_EQ(n, (size_t)m);
}

static void integers(void)
{
    same("%d %i %u", 0, -1, 4000000000u);
    same("%d", INT32_MIN);
    same("%ld %lu", -123456789L, 123456789UL);
    same("%lld %llu", (long long)INT64_MIN, (unsigned long long)UINT64_MAX);
    same("%zu %zd", (size_t)12345, (ptrdiff_t)-5);
    same("%hhu %hu", 250, 65000);
}

static void hex_and_octal(void)
{
    same("%x %X %o", 0xdeadbeefu, 0xabcdefu, 0777u);
    same("%08x|%-8x|%8X", 0x1234u, 0x1234u, 0xbeefu);
    same("%llx", 0x123456789abcdefULL);
}

static void widths_and_flags(void)
{
    same("[%5d][%-5d][%05d]", 42, 42, 42);
    same("[%5d][%-5d][%05d]", -42, -42, -42);
    same("[%*d][%-*d]", 6, 7, 6, 7);
    same("[%*d]", -6, 7);
    same("[%10s][%-10s][%.3s][%.*s]", "abc", "abc", "abcdef", 2, "xyz");
    same("[%c][%3c][%-3c]", 'a', 'b', 'c');
    same("100%% sure");
}

static void pointer(void)
{
    char ours[64];
    char want[64];

    format_snprintf(ours, sizeof(ours), "%p", (void *)(uintptr_t)0x1234);
    snprintf(want, sizeof(want), "0x%0*lx", (int)(2 * sizeof(void *)), 0x1234UL);
    CHECK_STREQ(ours, want);
}

static void null_string_and_unknown(void)
{
    /* Called through a pointer: these formats are wrong on purpose. */
    size_t (*unchecked)(char *, size_t, const char *, ...) = format_snprintf;
    const char *volatile nothing = NULL;
    char buf[64];

    unchecked(buf, sizeof(buf), "%s|", nothing);
    CHECK_STREQ(buf, "(null)|");
    /* Unknown conversions come through literally; a trailing '%' too. */
    unchecked(buf, sizeof(buf), "a%qb%");
    CHECK_STREQ(buf, "a%qb%");
}

static void truncation(void)
{
    char buf[8];
    size_t n = format_snprintf(buf, sizeof(buf), "%s", "0123456789");

    CHECK_EQ(n, (size_t)10);
    CHECK_STREQ(buf, "0123456");
    n = format_snprintf(buf, 0, "abc");
    CHECK_EQ(n, (size_t)3);
}

int main(void)
{
    static const struct unit_case cases[] = {
        UNIT_CASE(integers), UNIT_CASE(hex_and_octal),           UNIT_CASE(widths_and_flags),
        UNIT_CASE(pointer),  UNIT_CASE(null_string_and_unknown), UNIT_CASE(truncation),
    };

    return unit_run("format", cases, sizeof(cases) / sizeof(cases[0]));
}
