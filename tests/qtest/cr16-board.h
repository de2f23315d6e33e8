/*
 * Helpers for qtests of the CR16 boards: find where the board put a
 * device (its MMIO base, from "info mtree"), its QOM path (by type) and
 * the interrupt controller input its interrupt reaches (by following the
 * GPIO links), so tests do not hard-code a memory map that the board
 * owns.
 */
#ifndef TESTS_QTEST_CR16_BOARD_H
#define TESTS_QTEST_CR16_BOARD_H

#include "libqtest.h"

/*
 * Start the virt board with @extra_args, or skip the current test and
 * return NULL if this binary has no virt board yet.
 */
QTestState *cr16_virt_init(const char *extra_args);
QTestState *cr16_virt_initf(const char *fmt, ...) G_GNUC_PRINTF(1, 2);

/*
 * The guest address and size of the first region called @name in the
 * system address space; false if there is none.
 */
bool cr16_find_region(QTestState *qts, const char *name, uint64_t *base,
                      uint64_t *size);
/* Same, but a missing region fails the test (aborts). */
uint64_t cr16_region_base(QTestState *qts, const char *name);

/*
 * The canonical QOM path of the first object of type @type below @root
 * (depth first, in qom-list order), or NULL; g_free it.
 */
char *cr16_find_object(QTestState *qts, const char *root, const char *type);

/*
 * Follow the link of output @out (e.g. "sysbus-irq[0]") of the device at
 * @dev_path, through any forwarding device (the slot controller), to an
 * unnamed input of the object of type @intc_type (the board's interrupt
 * controller); return that input's number, or -1.
 */
int cr16_irq_input_of(QTestState *qts, const char *dev_path,
                      const char *out, const char *intc_type);

/* The text of "info mtree" (for before/after comparisons). */
char *cr16_mtree(QTestState *qts);

/* The first RAM region of the system address space: false if none. */
bool cr16_find_ram(QTestState *qts, uint64_t *base, uint64_t *size);

/*
 * The virt board's expansion slots, as the guest sees them through the
 * hotplug controller's registers (include/hw/cr16/virt-slots.h).
 */
typedef struct CR16Slots {
    char *ctrl_path;        /* QOM path of the controller */
    uint64_t regs;          /* its register block */
    uint64_t win_base;      /* slot 0's window */
    uint32_t win_size;
    unsigned nslots;
} CR16Slots;

/* Fill @slots from the running board; false if it has no controller. */
bool cr16_slots_find(QTestState *qts, CR16Slots *slots);
void cr16_slots_clear(CR16Slots *slots);
static inline uint64_t cr16_slot_window(const CR16Slots *slots, unsigned n)
{
    return slots->win_base + (uint64_t)n * slots->win_size;
}

/*
 * The far end of a chardev: the test listens on a Unix socket and the
 * emulator connects to it ("-chardev socket,id=ID,path=PATH").  Create
 * it before starting the emulator, put cr16_peer_chardev_args() on the
 * command line, and call cr16_peer_accept() once the emulator is up.
 */
typedef struct CR16SocketPeer {
    char *dir;
    char *path;
    int listen_fd;
    int fd;
} CR16SocketPeer;

CR16SocketPeer *cr16_peer_new(void);
/* "-chardev socket,id=@id,path=..." (g_free it). */
char *cr16_peer_chardev_args(CR16SocketPeer *p, const char *id);
void cr16_peer_accept(CR16SocketPeer *p);
void cr16_peer_send(CR16SocketPeer *p, const void *buf, size_t len);
/*
 * Read exactly @len bytes, waiting up to @timeout_ms in all; returns the
 * number read (less on timeout).
 */
size_t cr16_peer_recv(CR16SocketPeer *p, void *buf, size_t len,
                      int timeout_ms);
void cr16_peer_free(CR16SocketPeer *p);

#endif /* TESTS_QTEST_CR16_BOARD_H */
