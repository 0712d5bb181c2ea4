/* SPDX-License-Identifier: Apache-2.0 */
/* virtio-rng driver over modern virtio-mmio, implementing the entropy HIL. */
#include "virt/virtio_rng.h"

#include "os/compiler.h"
#include "riscv/mmio.h"

/* virtio-mmio registers (virtio 1.x 4.2.2), all 32-bit. */
#define REG_MAGIC 0x000u
#define REG_VERSION 0x004u
#define REG_DEVICE_ID 0x008u
#define REG_DEVICE_FEATURES 0x010u
#define REG_DEVICE_FEATURES_SEL 0x014u
#define REG_DRIVER_FEATURES 0x020u
#define REG_DRIVER_FEATURES_SEL 0x024u
#define REG_QUEUE_SEL 0x030u
#define REG_QUEUE_NUM_MAX 0x034u
#define REG_QUEUE_NUM 0x038u
#define REG_QUEUE_READY 0x044u
#define REG_QUEUE_NOTIFY 0x050u
#define REG_INTERRUPT_STATUS 0x060u
#define REG_INTERRUPT_ACK 0x064u
#define REG_STATUS 0x070u
#define REG_QUEUE_DESC_LOW 0x080u
#define REG_QUEUE_DESC_HIGH 0x084u
#define REG_QUEUE_DRIVER_LOW 0x090u
#define REG_QUEUE_DRIVER_HIGH 0x094u
#define REG_QUEUE_DEVICE_LOW 0x0A0u
#define REG_QUEUE_DEVICE_HIGH 0x0A4u

#define VIRTIO_MAGIC 0x74726976u /* "virt", little-endian */
#define VIRTIO_VERSION_MODERN 2u
#define VIRTIO_DEVICE_ID_ENTROPY 4u
#define TRANSPORT_STRIDE 0x1000u

#define STATUS_ACKNOWLEDGE 1u
#define STATUS_DRIVER 2u
#define STATUS_DRIVER_OK 4u
#define STATUS_FEATURES_OK 8u
#define STATUS_FAILED 128u

#define FEATURE_HIGH_VERSION_1 (1u << 0) /* VIRTIO_F_VERSION_1 = bit 32 */
#define DESC_F_WRITE 2u                  /* buffer is device-writable */
#define INTERRUPT_USED_BUFFER 1u         /* InterruptStatus bit 0 */
#define INTERRUPT_MASK 3u                /* used buffer | config change */
#define RNG_QUEUE 0u

static uint32_t reg_read(uintptr_t base, uintptr_t reg)
{
    /* SAFETY: base is a virtio-mmio transport of QEMU virt (0x200 bytes of
     * 32-bit registers) and reg one of the offsets above. */
    return riscv_mmio_read32(base + reg);
}

static void reg_write(uintptr_t base, uintptr_t reg, uint32_t value)
{
    /* SAFETY: as reg_read(); every register written is a driver register. */
    riscv_mmio_write32(base + reg, value);
}

/* Guest-physical address of driver memory: M-mode runs without paging. */
static uint64_t phys(const volatile void *p)
{
    return (uint64_t)(uintptr_t)p;
}

/* The first transport holding an entropy device, or 0. */
static uintptr_t find_device(uintptr_t first_base, uint32_t num, uint32_t *index)
{
    for (uint32_t n = 0; n < num; n++) {
        uintptr_t base = first_base + (uintptr_t)n * TRANSPORT_STRIDE;

        if (reg_read(base, REG_MAGIC) == VIRTIO_MAGIC &&
            reg_read(base, REG_DEVICE_ID) == VIRTIO_DEVICE_ID_ENTROPY) {
            *index = n;
            return base;
        }
    }
    return 0;
}

/* Status bits 1..3 of virtio 1.x 3.1.1: accept VERSION_1 and nothing else
 * (no EVENT_IDX, no indirect descriptors). False if the device refuses. */
static bool negotiate_features(uintptr_t base)
{
    uint32_t high;

    reg_write(base, REG_STATUS, 0);
    while (reg_read(base, REG_STATUS) != 0) {}
    reg_write(base, REG_STATUS, STATUS_ACKNOWLEDGE);
    reg_write(base, REG_STATUS, STATUS_ACKNOWLEDGE | STATUS_DRIVER);
    reg_write(base, REG_DEVICE_FEATURES_SEL, 1);
    high = reg_read(base, REG_DEVICE_FEATURES);
    if ((high & FEATURE_HIGH_VERSION_1) == 0) {
        return false;
    }
    reg_write(base, REG_DRIVER_FEATURES_SEL, 0);
    reg_write(base, REG_DRIVER_FEATURES, 0);
    reg_write(base, REG_DRIVER_FEATURES_SEL, 1);
    reg_write(base, REG_DRIVER_FEATURES, FEATURE_HIGH_VERSION_1);
    reg_write(base, REG_STATUS, STATUS_ACKNOWLEDGE | STATUS_DRIVER | STATUS_FEATURES_OK);
    return (reg_read(base, REG_STATUS) & STATUS_FEATURES_OK) != 0;
}

static void write_address(uintptr_t base, uintptr_t low_reg, uint64_t addr)
{
    reg_write(base, low_reg, (uint32_t)addr);
    reg_write(base, low_reg + 4u, (uint32_t)(addr >> 32));
}

/* Hand queue 0's three areas to the device. False if it cannot take them. */
static bool setup_queue(struct virtio_rng *rng, uintptr_t base)
{
    reg_write(base, REG_QUEUE_SEL, RNG_QUEUE);
    if (reg_read(base, REG_QUEUE_READY) != 0 ||
        reg_read(base, REG_QUEUE_NUM_MAX) < VIRTIO_RNG_QUEUE_SIZE) {
        return false;
    }
    rng->avail.flags = 0;
    rng->avail.idx = 0;
    rng->used.idx = 0;
    rng->last_used = 0;
    rng->desc[0] = (struct virtio_rng_desc){
        .addr = phys(rng->buffer), .len = sizeof(rng->buffer), .flags = DESC_F_WRITE};
    reg_write(base, REG_QUEUE_NUM, VIRTIO_RNG_QUEUE_SIZE);
    write_address(base, REG_QUEUE_DESC_LOW, phys(rng->desc));
    write_address(base, REG_QUEUE_DRIVER_LOW, phys(&rng->avail));
    write_address(base, REG_QUEUE_DEVICE_LOW, phys(&rng->used));
    reg_write(base, REG_QUEUE_READY, 1);
    return true;
}

static os_err_t rng_get(struct hil_entropy *entropy, uint32_t *words, size_t count)
{
    struct virtio_rng *rng = container_of(entropy, struct virtio_rng, entropy);
    volatile struct virtio_rng_avail *avail = &rng->avail;

    if (rng->base == 0) {
        return OS_EOFF;
    }
    if (rng->words != NULL) {
        return OS_EBUSY;
    }
    if (count == 0) {
        return OS_ESIZE;
    }
    rng->words = words;
    rng->count = MIN(count, (size_t)VIRTIO_RNG_BUFFER_WORDS);
    rng->desc[0].len = (uint32_t)(rng->count * sizeof(uint32_t));
    avail->ring[avail->idx % VIRTIO_RNG_QUEUE_SIZE] = 0;
    /* The descriptor and ring entry must be visible before the index, and
     * the index before the notification (virtio 1.x 2.7.13). */
    __sync_synchronize();
    avail->idx = (uint16_t)(avail->idx + 1u);
    __sync_synchronize();
    reg_write(rng->base, REG_QUEUE_NOTIFY, RNG_QUEUE);
    return OS_OK;
}

static bool rng_is_deterministic(struct hil_entropy *entropy)
{
    (void)entropy;
    return false;
}

static const struct hil_entropy_ops virtio_rng_ops = {
    .get = rng_get,
    .is_deterministic = rng_is_deterministic,
};

/* Copy what the device wrote into the client's words and complete. */
static void complete_request(struct virtio_rng *rng, uint32_t written)
{
    uint32_t *words = rng->words;
    size_t filled = MIN((size_t)written / sizeof(uint32_t), rng->count);

    /* SAFETY: a pointer-to-pointer cast of our own static buffer, volatile
     * because the device wrote it by DMA behind the compiler's back. */
    for (size_t i = 0; i < filled; i++) {
        words[i] = ((volatile uint32_t *)rng->buffer)[i];
    }
    rng->words = NULL;
    if (rng->entropy.client != NULL) {
        rng->entropy.client->entropy_done(rng->entropy.client, words, filled,
                                          filled == 0 ? OS_EFAIL : OS_OK);
    }
}

void virtio_rng_service(struct virtio_rng *rng)
{
    volatile struct virtio_rng_used *used = &rng->used;
    uint32_t cause;

    if (rng->base == 0) {
        return;
    }
    cause = reg_read(rng->base, REG_INTERRUPT_STATUS);
    reg_write(rng->base, REG_INTERRUPT_ACK, cause & INTERRUPT_MASK);
    if ((cause & INTERRUPT_USED_BUFFER) == 0 || used->idx == rng->last_used) {
        return;
    }
    /* Read the element only after seeing the index move. */
    __sync_synchronize();
    uint32_t len = used->ring[rng->last_used % VIRTIO_RNG_QUEUE_SIZE].len;

    rng->last_used = (uint16_t)(rng->last_used + 1u);
    if (rng->words != NULL) {
        complete_request(rng, len);
    }
}

os_err_t virtio_rng_init(struct virtio_rng *rng, uintptr_t first_base, uint32_t first_irq,
                         uint32_t num_transports)
{
    uint32_t index = 0;
    uintptr_t base = find_device(first_base, num_transports, &index);

    rng->entropy.ops = &virtio_rng_ops;
    rng->entropy.client = NULL;
    rng->base = 0;
    rng->irq = 0;
    rng->words = NULL;
    if (base == 0) {
        rng->probe_result = OS_ENODEVICE;
    } else if (reg_read(base, REG_VERSION) != VIRTIO_VERSION_MODERN) {
        rng->probe_result = OS_ENOSUPPORT;
    } else if (!negotiate_features(base) || !setup_queue(rng, base)) {
        reg_write(base, REG_STATUS, STATUS_FAILED);
        rng->probe_result = OS_EFAIL;
    } else {
        reg_write(base, REG_STATUS,
                  STATUS_ACKNOWLEDGE | STATUS_DRIVER | STATUS_FEATURES_OK | STATUS_DRIVER_OK);
        rng->base = base;
        rng->irq = first_irq + index;
        rng->probe_result = OS_OK;
    }
    return rng->probe_result;
}

struct hil_entropy *virtio_rng_entropy(struct virtio_rng *rng)
{
    return rng->base != 0 ? &rng->entropy : NULL;
}

uint32_t virtio_rng_irq(const struct virtio_rng *rng)
{
    return rng->irq;
}

uintptr_t virtio_rng_base(const struct virtio_rng *rng)
{
    return rng->base;
}
