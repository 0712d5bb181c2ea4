/* SPDX-License-Identifier: Apache-2.0 */
/* QEMU riscv32 virt chip: memory map, interrupt sources and struct chip.
 *
 * The board allocates the one struct chip and calls chip_init(); the
 * drivers inside are then handed to capsules through their HIL roles
 * (&chip.uart0.tx, &chip.clint.alarm, ...). Facts checked against QEMU 7.2
 * (device tree of -M virt and probes): see boards/qemu_rv32_virt/README.md.
 */
#pragma once

#include "virt/clint.h"
#include "virt/ns16550.h"
#include "virt/plic.h"
#include "virt/virtio_rng.h"

#define VIRT_TEST_BASE 0x00100000u   /* sifive_test finisher */
#define VIRT_CLINT_BASE 0x02000000u  /* CLINT: mtime, mtimecmp */
#define VIRT_PLIC_BASE 0x0C000000u   /* PLIC */
#define VIRT_UART0_BASE 0x10000000u  /* NS16550A, serial0 */
#define VIRT_VIRTIO_BASE 0x10001000u /* virtio-mmio transport 0 (of 8, 0x1000 apart) */

#define VIRT_CLINT_FREQUENCY_HZ 10000000u /* mtime rate */
#define VIRT_UART0_CLOCK_HZ 3686400u      /* UART0 clock-frequency */

#define VIRT_PLIC_CONTEXT_HART0_M 0u /* context of hart 0, M-mode */
#define VIRT_PLIC_NUM_SOURCES 97u    /* sources 1..96 ("riscv,ndev" = 96) */
#define VIRT_IRQ_UART0 10u           /* PLIC source of UART0 */
#define VIRT_IRQ_UART0_PRIORITY 1u   /* any non-zero priority > threshold 0 */
#define VIRT_VIRTIO_TRANSPORTS 8u    /* virtio-mmio transports 0..7 */
#define VIRT_IRQ_VIRTIO0 1u          /* PLIC source of transport 0 (n: 1 + n) */

/* The chip's peripherals. The board owns the instance; fields are the
 * driver objects, initialised by chip_init(). */
struct chip {
    struct plic plic;      /* interrupt controller, hart 0 M-mode context */
    struct clint clint;    /* alarm + scheduler timer on hart 0's mtimecmp */
    struct ns16550 uart0;  /* console UART (QEMU serial0) */
    struct virtio_rng rng; /* virtio-rng, if QEMU has -device virtio-rng-device */
};
