/* SPDX-License-Identifier: Apache-2.0 */
/* TBF header TLV rules: Program over Main, first/last wins, unknown types, lengths, UTF-8. */
#include <stdio.h>
#include <string.h>

#include "kernel/tbf.h"
#include "test_tbf_build.h"
#include "unit.h"

static uint8_t buf[0x2000];

static enum tbf_result parse(size_t avail, struct tbf_header *h)
{
    struct tbf_env env = tb_env();

    return tbf_parse(buf, avail, &env, h);
}

static void expect(size_t avail, enum tbf_result result, enum tbf_reason reason)
{
    tb_expect(buf, avail, result, reason);
}

static void program_preferred_over_main(void)
{
    struct tb b;
    struct tbf_header h;

    tb_begin(&b, buf, sizeof(buf), 0x1000, TBF_FLAG_ENABLED);
    tb_main(&b, 0x11, 0, 0x100);
    tb_program(&b, 0x41, 4, 0x2000, 0x800, 7);
    tb_main(&b, 0x99, 0, 0x999); /* duplicate Main: ignored */
    tb_kernel(&b, 2, 0);
    tb_finish(&b);
    CHECK_EQ(parse(0x1000, &h), TBF_APP);
    CHECK(h.has_main && h.has_program);
    CHECK_EQ(h.init_fn_offset, 0x41u);
    CHECK_EQ(h.protected_trailer_size, 4u);
    CHECK_EQ(h.minimum_ram_size, 0x2000u);
    CHECK_EQ(h.binary_end_offset, 0x800u);
    CHECK_EQ(h.app_version, 7u);
    /* Program first, Main later: still Program. */
    tb_begin(&b, buf, sizeof(buf), 0x1000, TBF_FLAG_ENABLED);
    tb_program(&b, 0x41, 0, 0x2000, 0x800, 3);
    tb_main(&b, 0x11, 0, 0x100);
    tb_kernel(&b, 2, 2);
    tb_finish(&b);
    CHECK_EQ(parse(0x1000, &h), TBF_APP);
    CHECK(h.init_fn_offset == 0x41 && h.minimum_ram_size == 0x2000 && h.app_version == 3);
    /* Main only: binary_end = total_size, version 0. */
    tb_begin(&b, buf, sizeof(buf), 0x1000, TBF_FLAG_ENABLED);
    tb_main(&b, 0x11, 0, 0x100);
    tb_kernel(&b, 2, 2);
    tb_finish(&b);
    CHECK_EQ(parse(0x1000, &h), TBF_APP);
    CHECK(!h.has_program && h.binary_end_offset == 0x1000 && h.app_version == 0);
    CHECK_EQ(h.init_fn_offset, 0x11u);
}

static void duplicates_first_and_last(void)
{
    static const uint8_t short_program[16] = {0};
    struct tb b;
    struct tbf_header h;
    struct tbf_wfr w;

    tb_begin(&b, buf, sizeof(buf), 0x1000, TBF_FLAG_ENABLED);
    tb_program(&b, 0x41, 0, 0x2000, 0x800, 1);
    tb_tlv(&b, TBF_TLV_PROGRAM, short_program, 16); /* later Program: not even length-checked */
    tb_name(&b, "first");
    tb_name(&b, "second");
    tb_pair_tlv(&b, TBF_TLV_WFR, 0x100, 0x40);
    tb_pair_tlv(&b, TBF_TLV_WFR, 0x200, 0x80); /* last WFR TLV wins */
    tb_kernel(&b, 1, 0);
    tb_kernel(&b, 2, 1); /* last kernel version wins */
    tb_u32_tlv(&b, TBF_TLV_SHORT_ID, 5);
    tb_u32_tlv(&b, TBF_TLV_SHORT_ID, 6);
    tb_finish(&b);
    CHECK_EQ(parse(0x1000, &h), TBF_APP);
    CHECK_EQ(h.app_version, 1u);
    CHECK(h.package_name_len == 6 && memcmp(h.package_name, "second", 6) == 0);
    CHECK_EQ(h.wfr_count, 1);
    CHECK(tbf_wfr(&h, 0, &w) && w.offset == 0x200 && w.size == 0x80);
    CHECK(!tbf_wfr(&h, 1, &w));
    CHECK(h.kernel_major == 2 && h.kernel_minor == 1);
    CHECK(h.has_short_id && h.short_id == 6);
    CHECK_EQ(h.tlv_count, 10);
}

static void unknown_tlvs_skipped(void)
{
    static const uint8_t pic[40] = {1, 2, 3};
    static const uint8_t odd[3] = {9, 9, 9};
    struct tb b;
    struct tbf_header h;

    tb_begin(&b, buf, sizeof(buf), 0x1000, TBF_FLAG_ENABLED);
    tb_tlv(&b, TBF_TLV_PIC_OPTION1, pic, sizeof(pic));
    tb_tlv(&b, TBF_TLV_CREDENTIALS, odd, sizeof(odd)); /* not valid in a header: unknown */
    tb_tlv(&b, 0x8abc, odd, 1);                        /* out-of-tree, not Bulkhead's 0x8001 */
    tb_tlv(&b, 0, NULL, 0);
    tb_tlv(&b, 77, odd, 2);
    tb_program(&b, 0x41, 0, 0x2000, 0x800, 0);
    tb_kernel(&b, 2, 2);
    tb_finish(&b);
    CHECK_EQ(parse(0x1000, &h), TBF_APP);
    CHECK_EQ(h.tlv_count, 7);
    CHECK_EQ(h.init_fn_offset, 0x41u);
    /* Only a kernel version TLV: an app without Main/Program (all zero, entry at app start). */
    tb_begin(&b, buf, sizeof(buf), 0x100, TBF_FLAG_ENABLED);
    tb_kernel(&b, 2, 2);
    tb_finish(&b);
    CHECK_EQ(parse(0x100, &h), TBF_APP);
    CHECK(!h.has_main && !h.has_program && h.binary_end_offset == 0x100);
}

static void package_name_utf8(void)
{
    static const char *const good[] = {"",
                                       "a",
                                       "h\xC3\xA9llo",
                                       "\xE6\x97\xA5\xE6\x9C\xAC",
                                       "\xF0\x9F\x98\x80",
                                       "\xEF\xBF\xBF",
                                       "\xF4\x8F\xBF\xBF"};
    static const char *const bad[] = {
        "\xC0\x80",         "\xC1\xBF",         "\xE0\x80\x80", "\xED\xA0\x80", "\xF0\x80\x80\x80",
        "\xF4\x90\x80\x80", "\xF5\x80\x80\x80", "\xE2\x82",     "ab\x80",       "\xFF",
        "\xC3\x28"};
    struct tb b;
    struct tbf_header h;

    for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
        tb_app(&b, buf, sizeof(buf), 0x1000, good[i]);
        CHECK_EQ(parse(0x1000, &h), TBF_APP);
        CHECK(h.package_name_len == strlen(good[i]));
    }
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        tb_app(&b, buf, sizeof(buf), 0x1000, bad[i]);
        expect(0x1000, TBF_SKIP, TBF_REASON_BAD_NAME);
        CHECK(parse(0x1000, &h) == TBF_SKIP && h.package_name == NULL);
    }
}

/* One header whose only problem is a TLV of type with value length len. */
static void expect_tlv_length(uint16_t type, uint16_t len)
{
    static const uint8_t zeros[64];
    struct tb b;

    tb_begin(&b, buf, sizeof(buf), 0x1000, TBF_FLAG_ENABLED);
    tb_tlv(&b, type, zeros, len);
    tb_program(&b, 0x41, 0, 0x2000, 0x800, 0);
    tb_kernel(&b, 2, 2);
    tb_finish(&b);
    expect(0x1000, TBF_SKIP, TBF_REASON_TLV_LENGTH);
}

static void skip_wrong_tlv_lengths(void)
{
    expect_tlv_length(TBF_TLV_MAIN, 8);
    expect_tlv_length(TBF_TLV_MAIN, 16);
    expect_tlv_length(TBF_TLV_PROGRAM, 16);
    expect_tlv_length(TBF_TLV_PROGRAM, 24);
    expect_tlv_length(TBF_TLV_FIXED_ADDRESSES, 4);
    expect_tlv_length(TBF_TLV_KERNEL_VERSION, 2);
    expect_tlv_length(TBF_TLV_KERNEL_VERSION, 8);
    expect_tlv_length(TBF_TLV_SHORT_ID, 8);
    expect_tlv_length(TBF_TLV_WFR, 12);
    expect_tlv_length(TBF_TLV_WFR, 4);
}

/* A header with Bulkhead's scheduling TLV (prio, period, budget). */
static void sched_header(uint32_t prio, uint32_t period, uint32_t budget, uint16_t len)
{
    struct tb b;
    uint8_t v[16] = {0};

    tb_put32(v, prio);
    tb_put32(v + 4, period);
    tb_put32(v + 8, budget);
    tb_begin(&b, buf, sizeof(buf), 0x1000, TBF_FLAG_ENABLED);
    tb_main(&b, 0x11, 0, 0x100);
    tb_tlv(&b, TBF_TLV_SCHEDULING, v, len);
    tb_kernel(&b, 2, 2);
    tb_finish(&b);
}

static void scheduling_tlv(void)
{
    struct tbf_header h;

    sched_header(7, 10000, 2500, TBF_SCHEDULING_LEN);
    CHECK_EQ(parse(0x1000, &h), TBF_APP);
    CHECK(h.has_scheduling);
    CHECK_EQ(h.sched_priority, 7u);
    CHECK_EQ(h.sched_period_us, 10000u);
    CHECK_EQ(h.sched_budget_us, 2500u);
    sched_header(TBF_PRIORITY_NONE, 0, 0, TBF_SCHEDULING_LEN); /* no priority, not periodic */
    CHECK_EQ(parse(0x1000, &h), TBF_APP);
    CHECK(h.has_scheduling && h.sched_priority == TBF_PRIORITY_NONE && h.sched_period_us == 0);
    sched_header(1, 100, 100, 8); /* wrong length */
    expect(0x1000, TBF_SKIP, TBF_REASON_TLV_LENGTH);
    sched_header(256, 0, 0, TBF_SCHEDULING_LEN);
    expect(0x1000, TBF_SKIP, TBF_REASON_SCHEDULING);
    sched_header(1, 1000, 1001, TBF_SCHEDULING_LEN); /* budget above the period */
    expect(0x1000, TBF_SKIP, TBF_REASON_SCHEDULING);
    sched_header(1, 1000, 0, TBF_SCHEDULING_LEN); /* a period needs a budget */
    expect(0x1000, TBF_SKIP, TBF_REASON_SCHEDULING);
    sched_header(1, 0, 5, TBF_SCHEDULING_LEN); /* a budget needs a period */
    expect(0x1000, TBF_SKIP, TBF_REASON_SCHEDULING);
    sched_header(1, TBF_PERIOD_MAX_US + 1, 5, TBF_SCHEDULING_LEN);
    expect(0x1000, TBF_SKIP, TBF_REASON_SCHEDULING);
}

static const struct unit_case cases[] = {
    UNIT_CASE(program_preferred_over_main), UNIT_CASE(duplicates_first_and_last),
    UNIT_CASE(unknown_tlvs_skipped),        UNIT_CASE(package_name_utf8),
    UNIT_CASE(skip_wrong_tlv_lengths),      UNIT_CASE(scheduling_tlv),
};

int main(void)
{
    return unit_run("tbf_tlv", cases, sizeof(cases) / sizeof(cases[0]));
}
