/* SPDX-License-Identifier: Apache-2.0 */
/* mps2 chip contract (os/platform/chip.h): init, interrupt service, sleep.
 *
 * Interrupts follow the arch's top/bottom-half split (cortex_m/nvic.h): the
 * generic ISR only masks and records a line; chip_service_pending_interrupts()
 * runs in the kernel main loop, dispatches each recorded line to its driver
 * and re-enables it. That is the only place HIL callbacks come from.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cortex_m/nvic.h"
#include "cortex_m/semihosting.h"
#include "cortex_m/systick.h"
#include "mps2/chip.h"
#include "os/platform/arch.h"
#include "os/platform/chip.h"
#include "os/platform/panic.h"

/* The chip passed to chip_init(), for chip_early_write(), which has no chip
 * argument because it must work from any context, even before init. */
static struct chip *mps2_chip;

void chip_init(struct chip *chip)
{
    if (mps2_chip != NULL) {
        OS_PANIC("mps2: chip_init called twice");
    }
    cmsdk_uart_init(&chip->uart0, MPS2_UART0_BASE, MPS2_SYSCLK_HZ, MPS2_CONSOLE_BAUD);
    cmsdk_dual_timer_init(&chip->dual_timer, MPS2_DUAL_TIMER_BASE, MPS2_SYSCLK_HZ);
    mps2_fpgaio_init(&chip->fpgaio, MPS2_FPGAIO_BASE);
    cortex_m_systick_init(MPS2_SYSCLK_HZ);
    mps2_chip = chip;
    cortex_m_nvic_enable(MPS2_IRQ_UART0_RX);
    cortex_m_nvic_enable(MPS2_IRQ_UART0_TX);
    cortex_m_nvic_enable(MPS2_IRQ_DUAL_TIMER);
}

bool chip_has_pending_interrupts(struct chip *chip)
{
    (void)chip;
    return cortex_m_nvic_has_pending();
}

static void dispatch(struct chip *chip, uint32_t irq)
{
    switch (irq) {
    case MPS2_IRQ_UART0_RX:
        cmsdk_uart_handle_rx_interrupt(&chip->uart0);
        break;
    case MPS2_IRQ_UART0_TX:
        cmsdk_uart_handle_tx_interrupt(&chip->uart0);
        break;
    case MPS2_IRQ_DUAL_TIMER:
        cmsdk_dual_timer_handle_interrupt(&chip->dual_timer);
        break;
    default:
        OS_PANIC("mps2: interrupt %lu has no driver", (unsigned long)irq);
    }
}

void chip_service_pending_interrupts(struct chip *chip)
{
    int32_t irq;

    while ((irq = cortex_m_nvic_take_pending()) >= 0) {
        dispatch(chip, (uint32_t)irq);
        cortex_m_nvic_reenable((uint32_t)irq);
    }
}

void chip_sleep(struct chip *chip)
{
    arch_irq_state_t state = arch_irq_save();

    /* With interrupts masked, an interrupt arriving after this check still
     * wakes the WFI; it is taken once they are unmasked below. */
    if (!chip_has_pending_interrupts(chip)) {
        arch_wait_for_interrupt();
    }
    arch_irq_restore(state);
}

void chip_early_write(const char *s, size_t len)
{
    if (mps2_chip != NULL) {
        cmsdk_uart_early_write(&mps2_chip->uart0, s, len);
    } else {
        cmsdk_uart_boot_write(MPS2_UART0_BASE, MPS2_SYSCLK_HZ, MPS2_CONSOLE_BAUD, s, len);
    }
}

void chip_halt(int status)
{
    /* Keep the UART quiet while the emulator shuts down. */
    (void)arch_irq_save();
    cortex_m_semihosting_exit(status);
}
