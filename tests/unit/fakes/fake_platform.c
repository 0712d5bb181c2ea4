/* SPDX-License-Identifier: Apache-2.0 */
/* Host fakes of chip.h and arch.h for kernel unit tests. */
#include "fake_platform.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "os/platform/arch.h"
#include "os/platform/chip.h"
#include "os/platform/panic.h"

char fake_early_output[16384];
size_t fake_early_len;
jmp_buf fake_halt_jump;
int fake_halt_armed;

void fake_early_reset(void)
{
    fake_early_len = 0;
    fake_early_output[0] = '\0';
}

void chip_early_write(const char *s, size_t len)
{
    if (fake_early_len + len >= sizeof(fake_early_output)) {
        len = sizeof(fake_early_output) - 1 - fake_early_len;
    }
    memcpy(fake_early_output + fake_early_len, s, len);
    fake_early_len += len;
    fake_early_output[fake_early_len] = '\0';
}

void chip_halt(int status)
{
    if (fake_halt_armed) {
        longjmp(fake_halt_jump, status == 0 ? 256 : status);
    }
    fprintf(stderr, "unexpected chip_halt(%d); output:\n%s\n", status, fake_early_output);
    exit(99);
}

int fake_run_expect_halt(void (*fn)(void))
{
    int status = setjmp(fake_halt_jump);

    if (status != 0) {
        fake_halt_armed = 0;
        return status;
    }
    fake_halt_armed = 1;
    fn();
    fake_halt_armed = 0;
    return 0;
}

arch_irq_state_t arch_irq_save(void)
{
    return 0;
}

void arch_irq_restore(arch_irq_state_t state)
{
    (void)state;
}

void arch_irq_enable(void)
{
}

void arch_wait_for_interrupt(void)
{
}

void arch_print_cpu_state(void)
{
    early_printf("  r0=host-fake\n");
}

void arch_print_fault_state(void)
{
    early_printf("  r0=host-fake\n");
}

const char *arch_cpu_name(void)
{
    return "host";
}
