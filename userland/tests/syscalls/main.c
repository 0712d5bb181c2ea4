/* SPDX-License-Identifier: Apache-2.0 */
/* syscalls: exercise every system-call class and print one checkable line per check.
 *
 * Needs only the console (1) and low-level debug (8) drivers. Ends with
 * "syscalls: N passed, M failed" and exits with 0 if nothing failed, else 1.
 * The checks that a kernel might wrongly turn into a fault (invalid yield variant,
 * invalid exit variant) run last. See README.md for the full list of lines.
 */
#include <stdio.h>

#include "check.h"
#include "syscalls_test.h"

void test_upcall_record(uint32_t arg0, uint32_t arg1, uint32_t arg2, void *userdata)
{
    struct test_upcall_log *log = userdata;

    log->calls++;
    log->args[0] = arg0;
    log->args[1] = arg1;
    log->args[2] = arg2;
}

void test_upcall_other(uint32_t arg0, uint32_t arg1, uint32_t arg2, void *userdata)
{
    test_upcall_record(arg0, arg1, arg2, userdata);
}

int main(void)
{
    printf("syscalls: start\n");
    check_begin("syscalls");
    memop_checks();
    command_checks();
    subscribe_checks();
    allow_checks();
    yield_checks();
    regcheck_run();
    invalid_variant_checks();
    return check_finish();
}
