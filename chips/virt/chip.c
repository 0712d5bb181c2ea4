/* SPDX-License-Identifier: Apache-2.0 */
/* QEMU riscv32 virt chip contract: init, interrupt service, sleep, halt. */
#include "virt/chip.h"

#include <stddef.h>

#include "os/platform/arch.h"
#include "os/platform/chip.h"
#include "riscv/csr.h"
#include "virt/sifive_test.h"

/* The chip chip_init() set up, for chip_early_write() (which has no chip
 * argument). NULL before chip_init(). */
static struct chip *virt_chip;

void chip_init(struct chip *chip)
{
    plic_init(&chip->plic, VIRT_PLIC_BASE, VIRT_PLIC_CONTEXT_HART0_M, VIRT_PLIC_NUM_SOURCES);
    clint_init(&chip->clint, VIRT_CLINT_BASE, VIRT_CLINT_FREQUENCY_HZ);
    ns16550_init(&chip->uart0, VIRT_UART0_BASE, VIRT_UART0_CLOCK_HZ);
    plic_enable(&chip->plic, VIRT_IRQ_UART0, VIRT_IRQ_UART0_PRIORITY);
    if (virtio_rng_init(&chip->rng, VIRT_VIRTIO_BASE, VIRT_IRQ_VIRTIO0, VIRT_VIRTIO_TRANSPORTS) ==
        OS_OK) {
        plic_enable(&chip->plic, virtio_rng_irq(&chip->rng), VIRT_IRQ_UART0_PRIORITY);
    }
    virt_chip = chip;
}

/* The pending sources the kernel must service. MEIP mirrors the PLIC's
 * output for our context (pending, enabled, above threshold). MTIP is set
 * while mtime >= mtimecmp, and only counts while mie.MTIE says a deadline
 * is programmed (with none, the CLINT leaves MTIP set and MTIE clear). */
static uint32_t pending_sources(void)
{
    uint32_t wanted = RISCV_MIP_MEIP | (riscv_csr_read_mie() & RISCV_MIP_MTIP);

    return riscv_csr_read_mip() & wanted;
}

bool chip_has_pending_interrupts(struct chip *chip)
{
    (void)chip;
    return pending_sources() != 0;
}

static void dispatch_external(struct chip *chip, uint32_t source)
{
    switch (source) {
    case VIRT_IRQ_UART0:
        ns16550_service(&chip->uart0);
        break;
    default:
        if (source == virtio_rng_irq(&chip->rng)) {
            virtio_rng_service(&chip->rng);
            break;
        }
        /* Never enabled; silence it rather than see it again. */
        plic_disable(&chip->plic, source);
        break;
    }
}

void chip_service_pending_interrupts(struct chip *chip)
{
    if ((pending_sources() & RISCV_MIP_MTIP) != 0) {
        clint_service(&chip->clint);
    }
    for (;;) {
        uint32_t source = plic_claim(&chip->plic);

        if (source == 0) {
            break;
        }
        dispatch_external(chip, source);
        plic_complete(&chip->plic, source);
    }
}

void chip_sleep(struct chip *chip)
{
    /* mstatus.MIE is always 0 in the kernel, so no interrupt can be taken
     * between the check and wfi, and wfi returns at once if one became
     * pending in between (it wakes on mip & mie, ignoring MIE). */
    if (!chip_has_pending_interrupts(chip)) {
        arch_wait_for_interrupt();
    }
}

void chip_early_write(const char *s, size_t len)
{
    if (virt_chip != NULL) {
        ns16550_early_write(&virt_chip->uart0, s, len);
    } else {
        ns16550_write_polled(VIRT_UART0_BASE, s, len);
    }
}

void chip_halt(int status)
{
    sifive_test_exit(VIRT_TEST_BASE, status);
}
