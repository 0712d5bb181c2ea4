/* SPDX-License-Identifier: Apache-2.0 */
/* System calls on the host: every class's success and error paths.
 *
 * A fake process (RAM and "flash" mapped below 4 GiB) calls into the real
 * kernel code (syscall*.c, grant.c, process_*.c) through fake arch and MPU
 * contracts; the checks are on the returned registers and process state.
 */
#include <string.h>

#include "fakes/fake_platform.h"
#include "fakes/fake_process.h"
#include "kernel/process_internal.h"
#include "os/abi/syscall.h"
#include "os/board/capability.h"
#include "os/grant.h"
#include "unit.h"

#define DRV_GRANT 0x1u /* a driver with a grant: 3 upcalls, 2 RO, 2 RW */
#define DRV_PLAIN 0x8u /* a driver without per-process state */
#define DRV_MISSING 0x99u

static struct kernel kernel;
static struct process procs[2];
static struct fake_memory mem;
static struct grant *grant;
static struct syscall_driver drv_grant;
static struct syscall_driver drv_plain;
static struct chip *no_chip = (struct chip *)&kernel;

static struct command_ret plain_command(struct syscall_driver *d, uint32_t cmd, uint32_t a0,
                                        uint32_t a1, process_id_t pid)
{
    (void)d;
    (void)a1;
    (void)pid;
    return cmd == 0 ? command_success() : command_success_u32(a0 + 1);
}

static const struct syscall_driver_ops grant_ops = {.command = plain_command};
static const struct syscall_driver_ops plain_ops = {.command = plain_command};

static struct syscall_driver *lookup(uint32_t num)
{
    return num == DRV_GRANT ? &drv_grant : num == DRV_PLAIN ? &drv_plain : NULL;
}

static const struct kernel_resources res = {
    .driver_lookup = lookup, .fault_policy = KERNEL_FAULT_STOP, .timeslice_us = 10000};

/* A fresh kernel with process 0 of 0x800 bytes whose break was grown. */
static struct process *setup(void)
{
    static bool mapped;
    struct process *p = &procs[0];
    uint32_t r[4];

    if (!mapped) {
        fake_memory_map(&mem);
        mapped = true;
    }
    kernel_init(&kernel, no_chip);
    kernel_setup_processes(&kernel, procs, 2, &res);
    grant = kernel_create_grant(&kernel, DRV_GRANT, 16, 3, 2, 2, board_cap_memory_alloc());
    drv_grant.ops = &grant_ops;
    drv_plain.ops = &plain_ops;
    kernel.processes_loaded = true;
    fake_process_create(&kernel, p, &mem, 0x800);
    fake_syscall(&kernel, p, SYSCALL_MEMOP, SYSCALL_MEMOP_BRK, p->mem_start + 0x400, 0, 0, r);
    return p;
}

static void command_routes_and_unknown_driver_is_nodevice(void)
{
    struct process *p = setup();
    uint32_t r[4];

    fake_syscall(&kernel, p, SYSCALL_COMMAND, DRV_PLAIN, 1, 41, 0, r);
    CHECK_EQ(r[0], (uint32_t)SYSCALL_RET_SUCCESS_U32);
    CHECK_EQ(r[1], 42u);
    fake_syscall(&kernel, p, SYSCALL_COMMAND, DRV_MISSING, 0, 7, 9, r);
    CHECK_EQ(r[0], (uint32_t)SYSCALL_RET_FAILURE);
    CHECK_EQ(r[1], (uint32_t)OS_ENODEVICE);
    CHECK_EQ(r[2], 7u); /* registers the variant does not define are untouched */
    CHECK_EQ(r[3], 9u);
}

static void subscribe_swaps_and_validates(void)
{
    struct process *p = setup();
    uint32_t fn = p->image.app_start + 0x11;
    uint32_t r[4];

    fake_syscall(&kernel, p, SYSCALL_SUBSCRIBE, DRV_GRANT, 1, fn, 0xabc, r);
    CHECK_EQ(r[0], (uint32_t)SYSCALL_RET_SUCCESS_2U32);
    CHECK_EQ(r[1], 0u);
    CHECK_EQ(r[2], 0u);
    fake_syscall(&kernel, p, SYSCALL_SUBSCRIBE, DRV_GRANT, 1, 0, 0, r);
    CHECK_EQ(r[1], fn);
    CHECK_EQ(r[2], 0xabcu);
    /* A pointer into the protected header, or outside the process: INVAL. */
    fake_syscall(&kernel, p, SYSCALL_SUBSCRIBE, DRV_GRANT, 1, p->image.flash_start, 5, r);
    CHECK_EQ(r[0], (uint32_t)SYSCALL_RET_FAILURE_2U32);
    CHECK_EQ(r[1], (uint32_t)OS_EINVAL);
    CHECK_EQ(r[2], p->image.flash_start);
    CHECK_EQ(r[3], 5u);
    fake_syscall(&kernel, p, SYSCALL_SUBSCRIBE, DRV_GRANT, 1, 0x10, 5, r);
    CHECK_EQ(r[1], (uint32_t)OS_EINVAL);
    fake_syscall(&kernel, p, SYSCALL_SUBSCRIBE, DRV_MISSING, 1, fn, 5, r);
    CHECK_EQ(r[1], (uint32_t)OS_ENODEVICE);
    CHECK_EQ(r[2], fn);
    fake_syscall(&kernel, p, SYSCALL_SUBSCRIBE, DRV_PLAIN, 0, fn, 5, r);
    CHECK_EQ(r[1], (uint32_t)OS_ENOMEM);
    fake_syscall(&kernel, p, SYSCALL_SUBSCRIBE, DRV_GRANT, 3, fn, 5, r);
    CHECK_EQ(r[1], (uint32_t)OS_ENOSUPPORT);
}

static void allow_rw_checks_every_rule(void)
{
    struct process *p = setup();
    uint32_t buf = p->mem_start + 0x100;
    uint32_t r[4];

    fake_syscall(&kernel, p, SYSCALL_ALLOW_RW, DRV_GRANT, 1, buf, 16, r);
    CHECK_EQ(r[0], (uint32_t)SYSCALL_RET_SUCCESS_2U32);
    CHECK_EQ(r[1], 0u);
    CHECK_EQ(r[2], 0u);
    fake_syscall(&kernel, p, SYSCALL_ALLOW_RW, DRV_GRANT, 1, 0x1234, 0, r);
    CHECK_EQ(r[1], buf); /* swap returns the previous buffer */
    CHECK_EQ(r[2], 16u);
    fake_syscall(&kernel, p, SYSCALL_ALLOW_RW, DRV_GRANT, 1, 0, 0, r);
    CHECK_EQ(r[1], 0x1234u); /* a zero-length buffer keeps its address */
    /* Flash, past the break, wrapping, the grant region: all INVAL. */
    fake_syscall(&kernel, p, SYSCALL_ALLOW_RW, DRV_GRANT, 1, p->image.app_start, 4, r);
    CHECK_EQ(r[1], (uint32_t)OS_EINVAL);
    fake_syscall(&kernel, p, SYSCALL_ALLOW_RW, DRV_GRANT, 1, p->app_break - 4, 8, r);
    CHECK_EQ(r[1], (uint32_t)OS_EINVAL);
    fake_syscall(&kernel, p, SYSCALL_ALLOW_RW, DRV_GRANT, 1, buf, 0xfffffff0u, r);
    CHECK_EQ(r[1], (uint32_t)OS_EINVAL);
    CHECK_EQ(r[3], 0xfffffff0u);
    fake_syscall(&kernel, p, SYSCALL_ALLOW_RW, DRV_GRANT, 1, p->kernel_break, 4, r);
    CHECK_EQ(r[1], (uint32_t)OS_EINVAL);
    fake_syscall(&kernel, p, SYSCALL_ALLOW_RW, DRV_MISSING, 1, buf, 4, r);
    CHECK_EQ(r[1], (uint32_t)OS_ENODEVICE);
    fake_syscall(&kernel, p, SYSCALL_ALLOW_RW, DRV_PLAIN, 0, buf, 4, r);
    CHECK_EQ(r[1], (uint32_t)OS_ENOMEM);
    fake_syscall(&kernel, p, SYSCALL_ALLOW_RW, DRV_GRANT, 2, buf, 4, r);
    CHECK_EQ(r[1], (uint32_t)OS_ENOSUPPORT);
    CHECK(!fake_process_faults);
}

static void allow_ro_accepts_flash_but_not_header(void)
{
    struct process *p = setup();
    uint32_t r[4];

    fake_syscall(&kernel, p, SYSCALL_ALLOW_RO, DRV_GRANT, 1, p->image.app_start, 8, r);
    CHECK_EQ(r[0], (uint32_t)SYSCALL_RET_SUCCESS_2U32);
    fake_syscall(&kernel, p, SYSCALL_ALLOW_RO, DRV_GRANT, 1, p->image.flash_start, 8, r);
    CHECK_EQ(r[1], (uint32_t)OS_EINVAL);
    fake_syscall(&kernel, p, SYSCALL_ALLOW_RO, DRV_GRANT, 1, p->image.flash_end - 4, 8, r);
    CHECK_EQ(r[1], (uint32_t)OS_EINVAL);
    /* Userspace-readable allow: validated, then NOSUPPORT. */
    fake_syscall(&kernel, p, SYSCALL_ALLOW_USERSPACE_READABLE, DRV_GRANT, 0, p->mem_start, 4, r);
    CHECK_EQ(r[1], (uint32_t)OS_ENOSUPPORT);
    fake_syscall(&kernel, p, SYSCALL_ALLOW_USERSPACE_READABLE, DRV_GRANT, 0, 0x10, 4, r);
    CHECK_EQ(r[1], (uint32_t)OS_EINVAL);
}

static void memop_break_rules(void)
{
    struct process *p = setup();
    uint32_t start = p->mem_start;
    uint32_t r[4];

    fake_syscall(&kernel, p, SYSCALL_MEMOP, SYSCALL_MEMOP_SBRK, 0, 0, 0, r);
    CHECK_EQ(r[0], (uint32_t)SYSCALL_RET_SUCCESS_U32);
    CHECK_EQ(r[1], start + 0x400);
    /* Dirty memory, shrink, grow again: regained bytes read as zero. */
    memset((void *)(uintptr_t)(start + 0x300), 0xaa, 0x100);
    fake_syscall(&kernel, p, SYSCALL_MEMOP, SYSCALL_MEMOP_SBRK, (uint32_t)-0x100, 0, 0, r);
    CHECK_EQ(r[1], start + 0x400);
    fake_syscall(&kernel, p, SYSCALL_MEMOP, SYSCALL_MEMOP_SBRK, 0x100, 0, 0, r);
    CHECK_EQ(r[1], start + 0x300);
    CHECK_EQ(*(volatile uint8_t *)(uintptr_t)(start + 0x3ff), 0);
    /* Past the kernel break or the block: NOMEM. */
    fake_syscall(&kernel, p, SYSCALL_MEMOP, SYSCALL_MEMOP_BRK, p->kernel_break + 4, 0, 0, r);
    CHECK_EQ(r[0], (uint32_t)SYSCALL_RET_FAILURE);
    CHECK_EQ(r[1], (uint32_t)OS_ENOMEM);
    /* Not below an allowed buffer (the high-water mark). */
    fake_syscall(&kernel, p, SYSCALL_ALLOW_RW, DRV_GRANT, 0, start + 0x200, 0x100, r);
    fake_syscall(&kernel, p, SYSCALL_ALLOW_RW, DRV_GRANT, 0, 0, 0, r);
    fake_syscall(&kernel, p, SYSCALL_MEMOP, SYSCALL_MEMOP_BRK, start + 0x280, 0, 0, r);
    CHECK_EQ(r[1], (uint32_t)OS_ENOMEM);
    fake_syscall(&kernel, p, SYSCALL_MEMOP, SYSCALL_MEMOP_BRK, start + 0x300, 0, 0, r);
    CHECK_EQ(r[0], (uint32_t)SYSCALL_RET_SUCCESS);
}

static void memop_layout_queries(void)
{
    struct process *p = setup();
    uint32_t r[4];
    uint32_t before;

    fake_syscall(&kernel, p, SYSCALL_MEMOP, SYSCALL_MEMOP_MEMORY_START, 0, 0, 0, r);
    CHECK_EQ(r[1], p->mem_start);
    fake_syscall(&kernel, p, SYSCALL_MEMOP, SYSCALL_MEMOP_MEMORY_END, 0, 0, 0, r);
    CHECK_EQ(r[1], p->mem_end);
    fake_syscall(&kernel, p, SYSCALL_MEMOP, SYSCALL_MEMOP_FLASH_START, 0, 0, 0, r);
    CHECK_EQ(r[1], mem.flash);
    fake_syscall(&kernel, p, SYSCALL_MEMOP, SYSCALL_MEMOP_FLASH_END, 0, 0, 0, r);
    CHECK_EQ(r[1], mem.flash + FAKE_FLASH_SIZE);
    fake_syscall(&kernel, p, SYSCALL_MEMOP, SYSCALL_MEMOP_GRANT_START, 0, 0, 0, r);
    before = r[1];
    /* Allocating the grant moves the grant start down. */
    fake_syscall(&kernel, p, SYSCALL_SUBSCRIBE, DRV_GRANT, 0, 0, 0, r);
    fake_syscall(&kernel, p, SYSCALL_MEMOP, SYSCALL_MEMOP_GRANT_START, 0, 0, 0, r);
    CHECK(r[1] < before && r[1] <= p->mem_end);
    fake_syscall(&kernel, p, SYSCALL_MEMOP, SYSCALL_MEMOP_WFR_COUNT, 0, 0, 0, r);
    CHECK_EQ(r[1], 0u);
    fake_syscall(&kernel, p, SYSCALL_MEMOP, SYSCALL_MEMOP_WFR_START, 0, 0, 0, r);
    CHECK_EQ(r[0], (uint32_t)SYSCALL_RET_FAILURE);
    CHECK_EQ(r[1], (uint32_t)OS_EFAIL);
    fake_syscall(&kernel, p, SYSCALL_MEMOP, SYSCALL_MEMOP_STACK_HINT, p->mem_start + 8, 0, 0, r);
    CHECK_EQ(r[0], (uint32_t)SYSCALL_RET_SUCCESS);
    CHECK_EQ(p->stack_hint, p->mem_start + 8);
    fake_syscall(&kernel, p, SYSCALL_MEMOP, 12, 0, 0, 0, r);
    CHECK_EQ(r[1], (uint32_t)OS_ENOSUPPORT);
}

int main(void)
{
    static const struct unit_case cases[] = {
        UNIT_CASE(command_routes_and_unknown_driver_is_nodevice),
        UNIT_CASE(subscribe_swaps_and_validates),
        UNIT_CASE(allow_rw_checks_every_rule),
        UNIT_CASE(allow_ro_accepts_flash_but_not_header),
        UNIT_CASE(memop_break_rules),
        UNIT_CASE(memop_layout_queries),
    };

    return unit_run("syscall", cases, ARRAY_SIZE(cases));
}
