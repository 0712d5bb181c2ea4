/* SPDX-License-Identifier: Apache-2.0 */
/* virtio-rng over virtio-mmio (modern, version 2): the entropy HIL on QEMU virt.
 *
 * QEMU virt has eight virtio-mmio transports at 0x10001000 + n * 0x1000
 * (n = 0..7, PLIC source 1 + n); `-device virtio-rng-device` plugs into
 * the highest free one (transport 7 at 0x10008000, source 8, when it is
 * the only device). virtio_rng_init() scans them for device ID 4.
 *
 * Only the modern transport (Version register 2, virtio 1.x) is driven.
 * QEMU 7.2 shows version 1 (legacy) unless run with
 * `-global virtio-mmio.force-legacy=false`; a legacy transport is reported
 * as OS_ENOSUPPORT and the device is left alone.
 *
 * One split virtqueue (queue 0) with VIRTIO_RNG_QUEUE_SIZE entries lives in
 * the struct (descriptors 16-byte aligned, available ring 2, used ring 4, as
 * virtio 1.x 2.7 requires), so the struct must be static: the device reads
 * and writes it by DMA. One request is in flight at a time: a single
 * device-writable descriptor over the driver's static receive buffer. The
 * used-buffer interrupt comes through the PLIC; virtio_rng_service()
 * acknowledges it and makes the entropy_done call. All callbacks run from
 * the main loop, never from inside hil_entropy_get().
 */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "os/err.h"
#include "os/hil/entropy.h"

#define VIRTIO_RNG_QUEUE_SIZE 2u    /* entries in queue 0 (power of two) */
#define VIRTIO_RNG_BUFFER_WORDS 16u /* bytes per device request / 4 */

/* Split-virtqueue descriptor (virtio 1.x 2.7.5), little-endian. */
struct virtio_rng_desc {
    uint64_t addr;  /* guest-physical buffer address */
    uint32_t len;   /* buffer length in bytes */
    uint16_t flags; /* VIRTQ_DESC_F_* */
    uint16_t next;  /* next descriptor if F_NEXT */
};

/* Driver area: the available ring (virtio 1.x 2.7.6). */
struct virtio_rng_avail {
    uint16_t flags;                       /* 0: interrupts wanted */
    uint16_t idx;                         /* next free ring slot (free-running) */
    uint16_t ring[VIRTIO_RNG_QUEUE_SIZE]; /* descriptor heads offered */
    uint16_t used_event;                  /* unused without EVENT_IDX */
};

/* One used-ring element. */
struct virtio_rng_used_elem {
    uint32_t id;  /* head descriptor the device finished */
    uint32_t len; /* bytes the device wrote into it */
};

/* Device area: the used ring (virtio 1.x 2.7.8). */
struct virtio_rng_used {
    uint16_t flags;                                          /* device's notification hint */
    uint16_t idx;                                            /* next slot the device fills */
    struct virtio_rng_used_elem ring[VIRTIO_RNG_QUEUE_SIZE]; /* completions */
    uint16_t avail_event;                                    /* unused without EVENT_IDX */
};

/* The driver. Fields are private to virtio_rng.c. Must be static storage. */
struct virtio_rng {
    struct hil_entropy entropy;                                      /* the role capsules use */
    _Alignas(16) struct virtio_rng_desc desc[VIRTIO_RNG_QUEUE_SIZE]; /* descriptor table */
    _Alignas(2) struct virtio_rng_avail avail;                       /* driver area */
    _Alignas(4) struct virtio_rng_used used;                         /* device area */
    _Alignas(4) uint32_t buffer[VIRTIO_RNG_BUFFER_WORDS];            /* device writes here */
    uintptr_t base;        /* MMIO base of the transport in use, 0 if none */
    uint32_t irq;          /* its PLIC source, 0 if none */
    os_err_t probe_result; /* OS_OK, or why there is no device (see init) */
    uint16_t last_used;    /* used.idx value already consumed */
    uint32_t *words;       /* client request in flight, NULL if none */
    size_t count;          /* its length in words */
};

/* Scan num_transports virtio-mmio transports from first_base (stride
 * 0x1000; transport n raises PLIC source first_irq + n) for an entropy
 * device, reset it, negotiate VIRTIO_F_VERSION_1 only, set up queue 0 and
 * set DRIVER_OK. Installs the HIL ops either way. Boot time, once. Returns
 * (and keeps in probe_result):
 * @retval OS_OK          ready; virtio_rng_irq() is the source to enable.
 * @retval OS_ENODEVICE   no transport has device ID 4.
 * @retval OS_ENOSUPPORT  the device's transport is legacy (version 1).
 * @retval OS_EFAIL       the device refused the features or queue 0. */
os_err_t virtio_rng_init(struct virtio_rng *rng, uintptr_t first_base, uint32_t first_irq,
                         uint32_t num_transports);

/* The entropy role, or NULL if init did not find a working device (so the
 * board never hands out a source that cannot deliver). Any context. */
struct hil_entropy *virtio_rng_entropy(struct virtio_rng *rng);

/* PLIC source of the device, 0 if none. Any context. */
uint32_t virtio_rng_irq(const struct virtio_rng *rng);

/* MMIO base of the transport in use, 0 if none. Any context. */
uintptr_t virtio_rng_base(const struct virtio_rng *rng);

/* Interrupt bottom half: acknowledge InterruptStatus and complete a
 * finished request (entropy_done). Main loop only, from
 * chip_service_pending_interrupts() when the device's source is claimed. */
void virtio_rng_service(struct virtio_rng *rng);
