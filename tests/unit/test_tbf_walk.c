/* SPDX-License-Identifier: Apache-2.0 */
/* TBF flash walk, credential footers, permission accessors and message strings. */
#include <stdio.h>
#include <string.h>

#include "kernel/tbf.h"
#include "kernel/tbf_walk.h"
#include "test_tbf_build.h"
#include "unit.h"

static uint8_t flash[0x8000];

/* Walk flash[0, len) at address and record the results (at most max). */
static size_t walk(size_t len, uint32_t address, enum tbf_result *results, size_t max,
                   struct tbf_object *last)
{
    struct tbf_walker w;
    size_t n = 0;

    tbf_walk_init(&w, flash, len, address, 2, 2);
    while (n < max) {
        results[n] = tbf_walk_next(&w, last);
        if (results[n++] == TBF_END) {
            break;
        }
    }
    return n;
}

static void walk_chain(void)
{
    struct tb b;
    struct tbf_object last;
    enum tbf_result r[10];
    static const enum tbf_result want[] = {TBF_APP,  TBF_PADDING, TBF_DISABLED,
                                           TBF_SKIP, TBF_APP,     TBF_END};
    size_t n;

    memset(flash, 0xFF, sizeof(flash));
    tb_app(&b, flash, 0x1000, 0x1000, "one");
    tb_begin(&b, flash + 0x1000, 0x800, 0x800, 0); /* padding */
    tb_finish(&b);
    tb_begin(&b, flash + 0x1800, 0x800, 0x800, 0); /* disabled app */
    tb_kernel(&b, 2, 2);
    tb_finish(&b);
    tb_app(&b, flash + 0x2000, 0x1000, 0x1000, "bad");
    flash[0x2000 + 12] ^= 1; /* checksum: skipped, walk continues */
    tb_app(&b, flash + 0x3000, 0x1000, 0x1000, "two");
    n = walk(sizeof(flash), 0x40000, r, 10, &last);
    CHECK_EQ(n, sizeof(want) / sizeof(want[0]));
    CHECK(memcmp(r, want, sizeof(want)) == 0);
    CHECK_EQ(last.offset, 0x4000u);
    CHECK_EQ(last.address, 0x44000u);
    CHECK_EQ(last.header.reason, TBF_REASON_VERSION); /* erased flash */
    /* The region ends in the middle of the last app: stop there. */
    n = walk(0x3800, 0x40000, r, 10, &last);
    CHECK(n == 5 && r[4] == TBF_END && last.header.reason == TBF_REASON_PAST_END);
    /* The region ends exactly after the last app: fewer than 16 bytes left. */
    n = walk(0x4000, 0x40000, r, 10, &last);
    CHECK(n == 6 && last.header.reason == TBF_REASON_SHORT);
}

static void walk_stops(void)
{
    struct tb b;
    struct tbf_walker w;
    struct tbf_object o;

    /* binary_end_offset > total_size stops the walk (Tock: not enough flash). */
    memset(flash, 0xFF, sizeof(flash));
    tb_begin(&b, flash, 0x1000, 0x1000, TBF_FLAG_ENABLED);
    tb_program(&b, 0x41, 0, 0x100, 0x1004, 0);
    tb_kernel(&b, 2, 2);
    tb_finish(&b);
    tb_app(&b, flash + 0x1000, 0x1000, 0x1000, "after");
    tbf_walk_init(&w, flash, sizeof(flash), 0, 2, 2);
    CHECK_EQ(tbf_walk_next(&w, &o), TBF_END);
    CHECK_EQ(o.header.reason, TBF_REASON_BINARY_END);
    CHECK_EQ(tbf_walk_next(&w, &o), TBF_END); /* and stays ended */
    CHECK_EQ(o.header.reason, TBF_REASON_BINARY_END);
    CHECK_EQ(o.offset, 0u);
    /* total_size 0 ends the list instead of looping. */
    tb_app(&b, flash, 0x1000, 0x1000, "zero");
    tb_put32(flash + 4, 0);
    tb_fix_checksum(flash, 0x1000);
    tbf_walk_init(&w, flash, sizeof(flash), 0, 2, 2);
    CHECK_EQ(tbf_walk_next(&w, &o), TBF_END);
    CHECK_EQ(o.header.reason, TBF_REASON_TOTAL_TOO_SMALL);
    /* A region that would run past 4 GiB is clamped: nothing beyond is read. */
    tb_app(&b, flash, 0x1000, 0x1000, "top");
    tbf_walk_init(&w, flash, sizeof(flash), 0xFFFFF800u, 2, 2);
    CHECK_EQ(tbf_walk_next(&w, &o), TBF_END);
    CHECK_EQ(o.header.reason, TBF_REASON_PAST_END);
    tbf_walk_init(&w, NULL, 100, 0, 2, 2);
    CHECK_EQ(tbf_walk_next(&w, &o), TBF_END);
}

static void walk_fixed_flash(void)
{
    struct tb b;
    struct tbf_object o;
    enum tbf_result r[4];
    uint32_t trailer;

    memset(flash, 0xFF, sizeof(flash));
    tb_begin(&b, flash, 0x400, 0x400, TBF_FLAG_ENABLED);
    trailer = 0x80 - (16 + 24 + 12 + 8);
    tb_program(&b, trailer, trailer, 0x100, 0x200, 0);
    tb_pair_tlv(&b, TBF_TLV_FIXED_ADDRESSES, 0x80002800u, 0x20040080u);
    tb_kernel(&b, 2, 2);
    tb_finish(&b);
    CHECK_EQ(walk(0x400, 0x20040000u, r, 4, &o), 2u);
    CHECK(r[0] == TBF_APP);
    CHECK_EQ(walk(0x400, 0x20041000u, r, 4, &o), 2u);
    CHECK(r[0] == TBF_SKIP);
}

static void footers(void)
{
    static const struct {
        uint32_t format;
        uint16_t length;
    } creds[] = {{TBF_CRED_SHA256, 36},     {TBF_CRED_SHA384, 52},   {TBF_CRED_SHA512, 68},
                 {TBF_CRED_ECDSA_P256, 68}, {TBF_CRED_RSA3072, 772}, {TBF_CRED_RSA4096, 1028},
                 {TBF_CRED_SHA256, 40},     {TBF_CRED_RESERVED, 4}};
    struct tb b;
    struct tbf_header h;
    struct tbf_env env = tb_env();
    struct tbf_footer_iter it;
    struct tbf_credential c;
    size_t pos = 0x400;
    size_t i;

    tb_app(&b, flash, 0x1000, 0x1000, "blink"); /* binary_end 0x400 */
    for (i = 0; i < sizeof(creds) / sizeof(creds[0]); i++) {
        pos += tb_footer(flash + pos, creds[i].length, creds[i].format);
    }
    tb_footer(flash + pos, (uint16_t)(0x1000 - pos - 4), TBF_CRED_RESERVED);
    CHECK_EQ(tbf_parse(flash, 0x1000, &env, &h), TBF_APP);
    tbf_footer_init(&it, &h);
    pos = 0x400;
    for (i = 0; i < sizeof(creds) / sizeof(creds[0]); i++) {
        uint32_t want = 0;

        CHECK_EQ(tbf_footer_next(&it, &c), TBF_FOOTER_OK);
        CHECK(tbf_credential_data_len(creds[i].format, &want));
        CHECK(c.format == creds[i].format && c.data_len == want && c.offset == pos);
        CHECK(c.tlv_length == creds[i].length && c.data == flash + pos + 8);
        pos += 4u + creds[i].length;
    }
    CHECK_EQ(tbf_footer_next(&it, &c), TBF_FOOTER_OK);
    CHECK(c.format == TBF_CRED_RESERVED && c.offset + 4u + c.tlv_length == 0x1000u);
    CHECK_EQ(tbf_footer_next(&it, &c), TBF_FOOTER_END);
    CHECK_EQ(tbf_footer_next(&it, &c), TBF_FOOTER_END);
}

/* Footer region [0x400, 0x1000) holding one TLV; return the first status. */
static enum tbf_footer_status first_footer(uint16_t type, uint16_t length, uint32_t format)
{
    struct tb b;
    struct tbf_header h;
    struct tbf_env env = tb_env();
    struct tbf_footer_iter it;
    struct tbf_credential c;

    tb_app(&b, flash, 0x1000, 0x1000, "blink");
    tb_footer(flash + 0x400, length, format);
    tb_put16(flash + 0x400, type);
    CHECK_EQ(tbf_parse(flash, 0x1000, &env, &h), TBF_APP);
    tbf_footer_init(&it, &h);
    return tbf_footer_next(&it, &c);
}

static void footer_errors(void)
{
    struct tb b;
    struct tbf_header h;
    struct tbf_env env = tb_env();
    struct tbf_footer_iter it;
    struct tbf_credential c;

    CHECK_EQ(first_footer(TBF_TLV_CREDENTIALS, 0xBFC, TBF_CRED_RESERVED), TBF_FOOTER_OK);
    CHECK_EQ(first_footer(TBF_TLV_CREDENTIALS, 0xBFD, TBF_CRED_RESERVED), TBF_FOOTER_OVERRUN);
    CHECK_EQ(first_footer(TBF_TLV_CREDENTIALS, 0xFFFF, TBF_CRED_RESERVED), TBF_FOOTER_OVERRUN);
    CHECK_EQ(first_footer(TBF_TLV_CREDENTIALS, 36, 7), TBF_FOOTER_BAD_FORMAT);
    CHECK_EQ(first_footer(TBF_TLV_CREDENTIALS, 36, 0x80000000u), TBF_FOOTER_BAD_FORMAT);
    CHECK_EQ(first_footer(TBF_TLV_CREDENTIALS, 35, TBF_CRED_SHA256), TBF_FOOTER_BAD_LENGTH);
    CHECK_EQ(first_footer(TBF_TLV_CREDENTIALS, 3, TBF_CRED_RESERVED), TBF_FOOTER_BAD_LENGTH);
    CHECK_EQ(first_footer(TBF_TLV_CREDENTIALS, 1027, TBF_CRED_RSA4096), TBF_FOOTER_BAD_LENGTH);
    CHECK_EQ(first_footer(TBF_TLV_PROGRAM, 36, TBF_CRED_SHA256), TBF_FOOTER_NOT_CRED);
    /* No Program TLV: binary_end = total_size, so there are no footers. */
    tb_begin(&b, flash, 0x1000, 0x1000, TBF_FLAG_ENABLED);
    tb_main(&b, 0x41, 0, 0x100);
    tb_kernel(&b, 2, 2);
    tb_finish(&b);
    CHECK_EQ(tbf_parse(flash, 0x1000, &env, &h), TBF_APP);
    tbf_footer_init(&it, &h);
    CHECK_EQ(tbf_footer_next(&it, &c), TBF_FOOTER_END);
    /* 1-3 bytes left after the footers: normal end. */
    tb_app(&b, flash, 0x1000, 0x1000, "blink");
    tb_footer(flash + 0x400, 0x1000 - 0x400 - 4 - 3, TBF_CRED_RESERVED);
    CHECK_EQ(tbf_parse(flash, 0x1000, &env, &h), TBF_APP);
    tbf_footer_init(&it, &h);
    CHECK_EQ(tbf_footer_next(&it, &c), TBF_FOOTER_OK);
    CHECK_EQ(tbf_footer_next(&it, &c), TBF_FOOTER_END);
    /* A disabled app is not layout-checked: binary_end beyond total_size is caught here. */
    h.binary_end_offset = h.total_size + 1;
    tbf_footer_init(&it, &h);
    CHECK_EQ(tbf_footer_next(&it, &c), TBF_FOOTER_OVERRUN);
}

static void permissions(void)
{
    uint8_t v[2 + 3 * 16];
    struct tbf_header h;
    uint64_t mask = 0;

    memset(&h, 0, sizeof(h));
    CHECK_EQ(tbf_permissions_lookup(&h, 1, 0, &mask), TBF_PERM_ALL);
    CHECK(tbf_command_allowed(&h, 1, 5) && tbf_driver_allowed(&h, 1));
    tb_put16(v, 3);
    tb_put32(v + 2, 1); /* driver 1, block 0: commands 0 and 2 */
    tb_put32(v + 6, 0);
    tb_put32(v + 10, 0x5);
    tb_put32(v + 14, 0);
    tb_put32(v + 18, 1); /* driver 1, block 1: command 64 + 63 */
    tb_put32(v + 22, 1);
    tb_put32(v + 26, 0);
    tb_put32(v + 30, 0x80000000u);
    tb_put32(v + 34, 0x60000); /* driver 0x60000, block 2: nothing */
    tb_put32(v + 38, 2);
    tb_put32(v + 42, 0);
    tb_put32(v + 46, 0);
    h.permissions = v;
    h.permissions_len = sizeof(v);
    CHECK(tbf_command_allowed(&h, 1, 0) && !tbf_command_allowed(&h, 1, 1));
    CHECK(tbf_command_allowed(&h, 1, 2) && tbf_command_allowed(&h, 1, 127));
    CHECK(!tbf_command_allowed(&h, 1, 126) && !tbf_command_allowed(&h, 1, 128));
    CHECK(!tbf_command_allowed(&h, 2, 0) && !tbf_driver_allowed(&h, 2));
    CHECK(tbf_driver_allowed(&h, 0x60000) && !tbf_command_allowed(&h, 0x60000, 0));
    CHECK_EQ(tbf_permissions_lookup(&h, 2, 0, &mask), TBF_PERM_NO_DRIVER);
    /* count larger than the entries present: absent unless matched first. */
    tb_put16(v, 4);
    CHECK_EQ(tbf_permissions_lookup(&h, 1, 1, &mask), TBF_PERM_MASK);
    CHECK_EQ(tbf_permissions_lookup(&h, 2, 0, &mask), TBF_PERM_ALL);
    h.permissions_len = 1;
    CHECK_EQ(tbf_permissions_lookup(&h, 1, 0, &mask), TBF_PERM_ALL);
}

static void storage_permissions(void)
{
    uint8_t v[8 + 4 * 17];
    struct tbf_header h;
    struct tbf_storage_perms sp;

    memset(&h, 0, sizeof(h));
    CHECK(!tbf_storage_permissions(&h, &sp));
    tb_put32(v, 0x1234);
    tb_put16(v + 4, 2);
    tb_put32(v + 6, 7);
    tb_put32(v + 10, 8);
    tb_put16(v + 14, 1);
    tb_put32(v + 16, 9);
    h.storage_permissions = v;
    h.storage_permissions_len = 20;
    CHECK(tbf_storage_permissions(&h, &sp));
    CHECK(sp.write_id == 0x1234 && sp.read_count == 2 && sp.read_ids[1] == 8);
    CHECK(sp.modify_count == 1 && sp.modify_ids[0] == 9);
    h.storage_permissions_len = 19; /* modify ID cut off */
    CHECK(!tbf_storage_permissions(&h, &sp));
    h.storage_permissions_len = 15; /* modify count cut off */
    CHECK(!tbf_storage_permissions(&h, &sp));
    tb_put16(v + 4, 9); /* more than 8 read IDs */
    h.storage_permissions_len = sizeof(v);
    CHECK(!tbf_storage_permissions(&h, &sp));
    tb_put16(v + 4, 0);
    tb_put16(v + 6, 0);
    h.storage_permissions_len = 8;
    CHECK(tbf_storage_permissions(&h, &sp));
    CHECK(sp.read_count == 0 && sp.modify_count == 0);
}

static void names_and_messages(void)
{
    char msg[128];
    struct tb b;
    struct tbf_walker w;
    struct tbf_object o;

    for (int r = 0; r < TBF_REASON_COUNT; r++) {
        CHECK(strcmp(tbf_reason_str((enum tbf_reason)r), "?") != 0);
        for (int q = 0; q < r; q++) {
            CHECK(strcmp(tbf_reason_str((enum tbf_reason)r), tbf_reason_str((enum tbf_reason)q)));
        }
    }
    CHECK_STREQ(tbf_reason_str(TBF_REASON_COUNT), "?");
    CHECK_STREQ(tbf_result_name(TBF_SKIP), "skipped");
    CHECK_STREQ(tbf_result_name((enum tbf_result)99), "?");
    CHECK_STREQ(tbf_tlv_type_name(TBF_TLV_PROGRAM), "Program");
    CHECK_STREQ(tbf_tlv_type_name(128), "Credentials");
    CHECK_STREQ(tbf_tlv_type_name(11), "unknown");
    CHECK_STREQ(tbf_credential_format_name(TBF_CRED_SHA256), "SHA256");
    CHECK_STREQ(tbf_credential_format_name(7), "unknown");
    CHECK_STREQ(tbf_footer_status_str(TBF_FOOTER_BAD_FORMAT), "unknown credential format");
    /* The boot message a loader prints for a corrupted app. */
    tb_app(&b, flash, 0x1000, 0x1000, "blink");
    flash[12] ^= 4;
    tbf_walk_init(&w, flash, 0x1000, 0x40000, 2, 2);
    CHECK_EQ(tbf_walk_next(&w, &o), TBF_SKIP);
    snprintf(msg, sizeof(msg), "app '%.*s' at 0x%08x %s: %s", o.header.package_name_len,
             (const char *)o.header.package_name, (unsigned)o.address, tbf_result_name(o.result),
             tbf_reason_str(o.header.reason));
    CHECK_STREQ(msg, "app 'blink' at 0x00040000 skipped: header checksum mismatch");
}

static const struct unit_case cases[] = {
    UNIT_CASE(walk_chain),          UNIT_CASE(walk_stops),
    UNIT_CASE(walk_fixed_flash),    UNIT_CASE(footers),
    UNIT_CASE(footer_errors),       UNIT_CASE(permissions),
    UNIT_CASE(storage_permissions), UNIT_CASE(names_and_messages),
};

int main(void)
{
    return unit_run("tbf_walk", cases, sizeof(cases) / sizeof(cases[0]));
}
