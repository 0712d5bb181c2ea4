/* SPDX-License-Identifier: Apache-2.0 */
/* Register preservation checks: which registers a syscall may change (syscalls.md 2).
 *
 * The regcheck_*() probes (regcheck_<arch>.S) fill every register with 0xA5A50000 + n,
 * trap once and dump the registers; here each dumped register is compared with what it
 * must hold afterwards: the magic value, or the syscall's defined result.
 */
#include <stdio.h>

#include "check.h"
#include "libos/process.h"
#include "libos/syscalls/console_syscalls.h"
#include "syscalls_test.h"

#define REG_MAGIC(n) (0xA5A50000u + (n))
#define REG_DUMP_WORDS 32
#define REG_SKIP 0xFFFFFFFFu /* register not compared */

void regcheck_command(uint32_t out[REG_DUMP_WORDS]);
void regcheck_memop(uint32_t out[REG_DUMP_WORDS]);
void regcheck_yield_no_wait(uint32_t out[REG_DUMP_WORDS]);
void regcheck_yield_wait_for(uint32_t out[REG_DUMP_WORDS]);

#if defined(__arm__)
/* r0..r12, lr; r13 (sp) is not in the dump; out[14]/out[15] = r9 before/after. */
#define REG_COUNT 14
#define REG_RESULT0 0 /* r0 */
static const char *const reg_names[REG_COUNT] = {"r0", "r1", "r2", "r3",  "r4",  "r5",  "r6",
                                                 "r7", "r8", "r9", "r10", "r11", "r12", "lr"};

static void expect_magic(uint32_t want[REG_DUMP_WORDS], const uint32_t *out)
{
    for (uint32_t n = 0; n < REG_COUNT; n++) {
        want[n] = REG_MAGIC(n);
    }
    want[9] = out[14];        /* r9 is never set by the probe: it must survive unchanged */
    want[13] = REG_MAGIC(14); /* lr (r14) is in slot 13 */
}
#else
/* x0..x31; x0 and sp (x2) are not compared. a0 = x10 is the first result register. */
#define REG_COUNT 32
#define REG_RESULT0 10
static const char *const reg_names[REG_COUNT] = {
    "zero", "ra", "sp", "gp", "tp",  "t0",  "t1", "t2", "s0", "s1", "a0",
    "a1",   "a2", "a3", "a4", "a5",  "a6",  "a7", "s2", "s3", "s4", "s5",
    "s6",   "s7", "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6"};

static void expect_magic(uint32_t want[REG_DUMP_WORDS], const uint32_t *out)
{
    (void)out;
    for (uint32_t n = 0; n < REG_COUNT; n++) {
        want[n] = REG_MAGIC(n);
    }
    want[0] = REG_SKIP;
    want[2] = REG_SKIP;
}
#endif

/* Compare a dump; on mismatch name the first differing register. */
static void compare(const char *name, const uint32_t *out, const uint32_t *want)
{
    for (uint32_t n = 0; n < REG_COUNT; n++) {
        if (want[n] != REG_SKIP && out[n] != want[n]) {
            check(name, NULL, false, "(%s=0x%08lx, expected 0x%08lx)", reg_names[n],
                  (unsigned long)out[n], (unsigned long)want[n]);
            return;
        }
    }
    check_pass(name, NULL);
}

/* Set the argument registers of a case: class in a4 (RISC-V), r0-r3 / a0-a3 values. */
static void expect_args(uint32_t want[REG_DUMP_WORDS], uint32_t cls, uint32_t a0, uint32_t a1)
{
    want[REG_RESULT0] = a0;
    want[REG_RESULT0 + 1] = a1;
#if defined(__riscv)
    want[REG_RESULT0 + 4] = cls; /* a4 keeps the class */
#else
    (void)cls;
#endif
}

void regcheck_run(void)
{
    uint32_t out[REG_DUMP_WORDS] = {0};
    uint32_t want[REG_DUMP_WORDS];

    regcheck_command(out);
    expect_magic(want, out);
    expect_args(want, SYSCALL_COMMAND, SYSCALL_RET_SUCCESS, 0);
    compare("command preserves registers", out, want);

    regcheck_memop(out);
    expect_magic(want, out);
    expect_args(want, SYSCALL_MEMOP, SYSCALL_RET_SUCCESS_U32,
                (uint32_t)process_entry()->memory_start);
    compare("memop preserves registers", out, want);

    regcheck_yield_no_wait(out);
    expect_magic(want, out);
    expect_args(want, SYSCALL_YIELD, SYSCALL_YIELD_NO_WAIT, 0);
    compare("yield no-wait preserves registers", out, want);

    /* A zero-length write completes with a write-done event (0, 0, 0) to wait for. */
    if (console_syscalls_write(0) != 0) {
        check("yield wait-for preserves registers", NULL, false, "(console write refused)");
        return;
    }
    regcheck_yield_wait_for(out);
    expect_magic(want, out);
    expect_args(want, SYSCALL_YIELD, 0, 0);
    want[REG_RESULT0 + 2] = 0;
    compare("yield wait-for preserves registers", out, want);
}
