/* SPDX-License-Identifier: Apache-2.0 */
/* TBF header parser: the spec's worked examples, layout checks, every skip and end reason. */
#include <stdio.h>
#include <string.h>

#include "kernel/tbf.h"
#include "test_tbf_build.h"
#include "unit.h"

static uint8_t buf[0x2000];

/* tbf.md section 9, byte for byte. */
static const uint8_t blink_header[0x4C] = {
    0x02, 0x00, 0x4c, 0x00, 0x00, 0x10, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x0b, 0x78, 0x3e, 0x6e,
    0x01, 0x00, 0x0c, 0x00, 0x29, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x14, 0x00, 0x00,
    0x09, 0x00, 0x14, 0x00, 0x29, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x14, 0x00, 0x00,
    0x00, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x00, 0x05, 0x00, 0x62, 0x6c, 0x69, 0x6e,
    0x6b, 0x00, 0x00, 0x00, 0x08, 0x00, 0x04, 0x00, 0x02, 0x00, 0x02, 0x00,
};

static enum tbf_result parse(size_t avail, struct tbf_header *h)
{
    struct tbf_env env = tb_env();

    return tbf_parse(buf, avail, &env, h);
}

/* Parse buf and expect result/reason. */
static void expect(size_t avail, enum tbf_result result, enum tbf_reason reason)
{
    tb_expect(buf, avail, result, reason);
}

static void worked_example(void)
{
    struct tb b;
    struct tbf_header h;

    tb_app(&b, buf, sizeof(buf), 0x1000, "blink");
    CHECK_EQ(b.len, 0x4C);
    CHECK(memcmp(buf, blink_header, sizeof(blink_header)) == 0);
    CHECK_EQ(tb_checksum(blink_header, 0x4C), 0x6E3E780Bu);
    memset(buf, 0, sizeof(buf));
    memcpy(buf, blink_header, sizeof(blink_header));
    CHECK_EQ(parse(0x1000, &h), TBF_APP);
    CHECK_EQ(h.version, 2);
    CHECK_EQ(h.header_size, 0x4C);
    CHECK_EQ(h.total_size, 0x1000u);
    CHECK_EQ(h.flags, TBF_FLAG_ENABLED);
    CHECK_EQ(h.checksum, 0x6E3E780Bu);
    CHECK_EQ(h.tlv_count, 4);
    CHECK(h.has_main && h.has_program);
    CHECK_EQ(h.init_fn_offset, 0x29u);
    CHECK_EQ(h.protected_trailer_size, 0u);
    CHECK_EQ(h.minimum_ram_size, 0x1400u);
    CHECK_EQ(h.binary_end_offset, 0x400u);
    CHECK_EQ(h.app_version, 0u);
    CHECK(h.package_name_len == 5 && memcmp(h.package_name, "blink", 5) == 0);
    CHECK(h.has_kernel_version && h.kernel_major == 2 && h.kernel_minor == 2);
    CHECK(!h.has_fixed_addresses && h.fixed_ram == TBF_ADDR_NONE);
    CHECK_EQ(h.fixed_flash, TBF_ADDR_NONE);
    CHECK(h.wfr_count == 0 && !h.has_short_id && h.permissions == NULL);
    /* At 0x00040000: app start 0x0004004C, entry 0x00040075. */
    CHECK_EQ(0x40000u + tbf_protected_size(&h), 0x4004Cu);
    CHECK_EQ(0x40000u + tbf_entry_offset(&h), 0x40075u);
    /* One byte less of flash than total_size: the object runs past the end. */
    expect(0xFFF, TBF_END, TBF_REASON_PAST_END);
}

static void padding_example(void)
{
    static const uint8_t pad[16] = {0x02, 0x00, 0x10, 0x00, 0x00, 0x20, 0x00, 0x00,
                                    0x00, 0x00, 0x00, 0x00, 0x02, 0x20, 0x10, 0x00};
    struct tbf_header h;

    memset(buf, 0xA5, sizeof(buf)); /* the rest of a padding object is arbitrary */
    memcpy(buf, pad, sizeof(pad));
    CHECK_EQ(tb_checksum(pad, 16), 0x00102002u);
    CHECK_EQ(parse(0x2000, &h), TBF_PADDING);
    CHECK_EQ(h.total_size, 0x2000u);
    CHECK_EQ(h.tlv_count, 0);
    buf[12] ^= 1;
    expect(0x2000, TBF_SKIP, TBF_REASON_CHECKSUM);
}

static void skip_header_and_tlv_bounds(void)
{
    struct tb b;
    struct tbf_header h;

    /* header_size below 16 and above total_size. */
    tb_app(&b, buf, sizeof(buf), 0x1000, "blink");
    tb_put16(buf + 2, 12);
    expect(0x1000, TBF_SKIP, TBF_REASON_HEADER_SIZE);
    tb_app(&b, buf, sizeof(buf), 0x40, "blink");
    expect(0x1000, TBF_SKIP, TBF_REASON_HEADER_SIZE);
    /* Two extra bytes after the last TLV (checksum still right). */
    tb_app(&b, buf, sizeof(buf), 0x1000, "blink");
    b.len = (uint16_t)(b.len + 2);
    tb_finish(&b);
    expect(0x1000, TBF_SKIP, TBF_REASON_TLV_TRAILING);
    /* A TLV claiming more bytes than the header has (the padded length counts). */
    tb_app(&b, buf, sizeof(buf), 0x1000, "blink");
    tb_put16(buf + 0x44 + 2, 5);
    tb_finish(&b);
    expect(0x1000, TBF_SKIP, TBF_REASON_TLV_OVERRUN);
    tb_put16(buf + 0x44 + 2, 0xFFFF);
    tb_finish(&b);
    expect(0x1000, TBF_SKIP, TBF_REASON_TLV_OVERRUN);
    /* A name whose padding is not inside header_size: cut the header 3 bytes short. */
    tb_begin(&b, buf, sizeof(buf), 0x1000, TBF_FLAG_ENABLED);
    tb_kernel(&b, 2, 2);
    tb_name(&b, "blink");
    b.len = (uint16_t)(b.len - 3);
    tb_finish(&b);
    expect(0x1000, TBF_SKIP, TBF_REASON_TLV_OVERRUN);
    /* Checksum: the TLVs still parse, so the name is there for the boot message. */
    tb_app(&b, buf, sizeof(buf), 0x1000, "blink");
    buf[12] ^= 0x80;
    CHECK_EQ(parse(0x1000, &h), TBF_SKIP);
    CHECK_EQ(h.reason, TBF_REASON_CHECKSUM);
    CHECK(h.package_name_len == 5 && memcmp(h.package_name, "blink", 5) == 0);
    /* A checksum computed over a header_size not a multiple of 4 ignores the tail. */
    tb_begin(&b, buf, sizeof(buf), 0x1000, 0);
    b.len = 18;
    tb_finish(&b);
    expect(0x1000, TBF_SKIP, TBF_REASON_TLV_TRAILING);
}

static void end_of_list(void)
{
    struct tb b;

    memset(buf, 0xFF, sizeof(buf));
    expect(sizeof(buf), TBF_END, TBF_REASON_VERSION);
    memset(buf, 0, sizeof(buf));
    expect(sizeof(buf), TBF_END, TBF_REASON_VERSION);
    tb_app(&b, buf, sizeof(buf), 0x1000, "blink");
    tb_put16(buf, 1);
    expect(sizeof(buf), TBF_END, TBF_REASON_VERSION);
    tb_put16(buf, 3);
    expect(sizeof(buf), TBF_END, TBF_REASON_VERSION);
    tb_app(&b, buf, sizeof(buf), 0x1000, "blink");
    expect(15, TBF_END, TBF_REASON_SHORT);
    expect(0, TBF_END, TBF_REASON_SHORT);
    tb_put32(buf + 4, 0); /* Tock would loop forever here */
    tb_fix_checksum(buf, sizeof(buf));
    expect(sizeof(buf), TBF_END, TBF_REASON_TOTAL_TOO_SMALL);
    tb_put32(buf + 4, 15);
    expect(sizeof(buf), TBF_END, TBF_REASON_TOTAL_TOO_SMALL);
    tb_put32(buf + 4, 0xFFFFFFFFu);
    expect(sizeof(buf), TBF_END, TBF_REASON_PAST_END);
    {
        struct tbf_env env = tb_env();
        struct tbf_header h;

        CHECK_EQ(tbf_parse(NULL, 0, &env, &h), TBF_END);
    }
}

static void disabled_before_other_checks(void)
{
    struct tb b;
    struct tbf_header h;

    tb_begin(&b, buf, sizeof(buf), 0x1000, TBF_FLAG_STICKY); /* sticky, not enabled */
    tb_program(&b, 0x41, 0, 0x2000, 0x5000, 0);              /* binary_end > total */
    tb_finish(&b);                                           /* and no kernel version */
    CHECK_EQ(parse(0x1000, &h), TBF_DISABLED);
    CHECK_EQ(h.reason, TBF_REASON_NONE);
    tb_begin(&b, buf, sizeof(buf), 0x1000, 0);
    tb_name(&b, "\xC0");
    tb_finish(&b);
    expect(0x1000, TBF_SKIP, TBF_REASON_BAD_NAME); /* parse errors still count */
}

static void kernel_version_rules(void)
{
    struct tbf_header h;
    struct tb b;

    memset(&h, 0, sizeof(h));
    CHECK_EQ(tbf_check_kernel_version(&h, 2, 2), TBF_REASON_NO_KERNEL_VERSION);
    h.has_kernel_version = true;
    h.kernel_major = 2;
    for (uint16_t minor = 0; minor <= 2; minor++) {
        h.kernel_minor = minor;
        CHECK_EQ(tbf_check_kernel_version(&h, 2, 2), TBF_REASON_NONE);
    }
    h.kernel_minor = 3;
    CHECK_EQ(tbf_check_kernel_version(&h, 2, 2), TBF_REASON_KERNEL_VERSION);
    CHECK_EQ(tbf_check_kernel_version(&h, 2, 3), TBF_REASON_NONE);
    h.kernel_minor = 0;
    h.kernel_major = 1;
    CHECK_EQ(tbf_check_kernel_version(&h, 2, 2), TBF_REASON_KERNEL_VERSION);
    h.kernel_major = 3;
    CHECK_EQ(tbf_check_kernel_version(&h, 2, 2), TBF_REASON_KERNEL_VERSION);
    /* A 2.2 app on a kernel presenting 2.1 (the tagged Tock 2.2 release) is rejected. */
    tb_app(&b, buf, sizeof(buf), 0x1000, "blink");
    {
        struct tbf_env env = {.kernel_major = 2, .kernel_minor = 1};

        CHECK_EQ(tbf_parse(buf, 0x1000, &env, &h), TBF_SKIP);
        CHECK_EQ(h.reason, TBF_REASON_KERNEL_VERSION);
    }
    tb_begin(&b, buf, sizeof(buf), 0x1000, TBF_FLAG_ENABLED);
    tb_program(&b, 0x41, 0, 0x2000, 0x800, 0);
    tb_finish(&b);
    expect(0x1000, TBF_SKIP, TBF_REASON_NO_KERNEL_VERSION);
}

/* App with the given Program values; expect result/reason. */
static void expect_layout(uint32_t init, uint32_t trailer, uint32_t end, enum tbf_result r,
                          enum tbf_reason reason)
{
    struct tb b;

    tb_begin(&b, buf, sizeof(buf), 0x1000, TBF_FLAG_ENABLED);
    tb_program(&b, init, trailer, 0x100, end, 0);
    tb_kernel(&b, 2, 2);
    tb_finish(&b);
    expect(0x1000, r, reason);
}

static void skip_layout(void)
{
    /* header_size here is 16 + 24 + 8 = 48. */
    expect_layout(0x41, 0, 0x1001, TBF_SKIP, TBF_REASON_BINARY_END);
    expect_layout(0x41, 0, 0x1000, TBF_APP, TBF_REASON_NONE);
    expect_layout(0x10, 0x20, 0x800, TBF_SKIP, TBF_REASON_LAYOUT);  /* entry below app start */
    expect_layout(0x7D0, 0, 0x800, TBF_SKIP, TBF_REASON_LAYOUT);    /* entry == binary end */
    expect_layout(0x7CF, 0, 0x800, TBF_APP, TBF_REASON_NONE);       /* last byte */
    expect_layout(0x41, 0x7D1, 0x800, TBF_SKIP, TBF_REASON_LAYOUT); /* trailer past end */
    expect_layout(0xFFFFFFFFu, 0, 0x800, TBF_SKIP, TBF_REASON_LAYOUT);
    expect_layout(0xFFFFFFF0u, 0xFFFFFFF0u, 0x800, TBF_SKIP, TBF_REASON_LAYOUT);
    expect_layout(0, 0, 0x30, TBF_SKIP, TBF_REASON_LAYOUT); /* empty binary */
}

static void skip_wfr_outside(void)
{
    struct tb b;

    tb_app(&b, buf, sizeof(buf), 0x1000, "blink");
    tb_pair_tlv(&b, TBF_TLV_WFR, 0xF00, 0x100);
    tb_finish(&b);
    expect(0x1000, TBF_APP, TBF_REASON_NONE);
    tb_app(&b, buf, sizeof(buf), 0x1000, "blink");
    tb_pair_tlv(&b, TBF_TLV_WFR, 0xF00, 0x101);
    tb_finish(&b);
    expect(0x1000, TBF_SKIP, TBF_REASON_WFR_RANGE);
    tb_app(&b, buf, sizeof(buf), 0x1000, "blink");
    tb_pair_tlv(&b, TBF_TLV_WFR, 0xFFFFFFFFu, 0xFFFFFFFFu);
    tb_finish(&b);
    expect(0x1000, TBF_SKIP, TBF_REASON_WFR_RANGE);
    tb_app(&b, buf, sizeof(buf), 0x1000, "blink");
    tb_pair_tlv(&b, TBF_TLV_WFR, 0xFFFFFFFFu, 0); /* unused entry: not checked */
    tb_finish(&b);
    expect(0x1000, TBF_APP, TBF_REASON_NONE);
}

static void fixed_flash_check(void)
{
    struct tb b;
    struct tbf_header h;
    struct tbf_env env = tb_env();

    /* RISC-V style: TBF at 0x20040000, header padded by the trailer to 0x80. */
    tb_begin(&b, buf, sizeof(buf), 0x1000, TBF_FLAG_ENABLED);
    tb_program(&b, 0x80 - 0x3C + 0x10, 0x80 - 0x3C, 0x2000, 0x800, 0);
    tb_pair_tlv(&b, TBF_TLV_FIXED_ADDRESSES, 0x80002800u, 0x20040080u);
    tb_kernel(&b, 2, 2);
    tb_finish(&b);
    CHECK_EQ(b.len, 0x3C);
    env.check_flash_address = true;
    env.flash_address = 0x20040000u;
    CHECK_EQ(tbf_parse(buf, 0x1000, &env, &h), TBF_APP);
    CHECK(h.has_fixed_addresses && h.fixed_ram == 0x80002800u && h.fixed_flash == 0x20040080u);
    CHECK_EQ(tbf_protected_size(&h), 0x80u);
    env.flash_address = 0x20040100u;
    CHECK_EQ(tbf_parse(buf, 0x1000, &env, &h), TBF_SKIP);
    CHECK_EQ(h.reason, TBF_REASON_FIXED_FLASH);
    CHECK_EQ(tbf_check_fixed_flash(&h, 0x20040000u), TBF_REASON_NONE);
    CHECK_EQ(tbf_check_fixed_flash(&h, 0xFFFFFFF0u), TBF_REASON_FIXED_FLASH); /* no wrap */
    env.check_flash_address = false;
    CHECK_EQ(tbf_parse(buf, 0x1000, &env, &h), TBF_APP);
    h.fixed_flash = TBF_ADDR_NONE;
    CHECK_EQ(tbf_check_fixed_flash(&h, 0x1234u), TBF_REASON_NONE);
}

static const struct unit_case cases[] = {
    UNIT_CASE(worked_example),
    UNIT_CASE(padding_example),
    UNIT_CASE(skip_header_and_tlv_bounds),
    UNIT_CASE(end_of_list),
    UNIT_CASE(disabled_before_other_checks),
    UNIT_CASE(kernel_version_rules),
    UNIT_CASE(skip_layout),
    UNIT_CASE(skip_wfr_outside),
    UNIT_CASE(fixed_flash_check),
};

int main(void)
{
    return unit_run("tbf_header", cases, sizeof(cases) / sizeof(cases[0]));
}
