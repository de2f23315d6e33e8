/*
 * IRQ and GPIO lines.
 *
 * A qemu_irq is an input line: a small QOM object (type "irq") holding a
 * handler, its opaque pointer and a line number.  Whoever drives the line
 * calls qemu_set_irq(); the handler sees every level written, including
 * repeated ones.  A NULL qemu_irq is an unconnected line: setting it does
 * nothing, so devices can drive outputs nobody wired.
 */
#ifndef HW_IRQ_H
#define HW_IRQ_H

#include "qom/object.h"

#define TYPE_IRQ "irq"

typedef struct IRQState IRQState;
typedef struct IRQState *qemu_irq;
typedef void (*qemu_irq_handler)(void *opaque, int n, int level);

DECLARE_INSTANCE_CHECKER(IRQState, IRQ, TYPE_IRQ)

struct IRQState {
    Object parent_obj;

    qemu_irq_handler handler;
    void *opaque;
    int n;
};

void qemu_set_irq(qemu_irq irq, int level);

static inline void qemu_irq_raise(qemu_irq irq)
{
    qemu_set_irq(irq, 1);
}

static inline void qemu_irq_lower(qemu_irq irq)
{
    qemu_set_irq(irq, 0);
}

/* A rising then falling edge. */
static inline void qemu_irq_pulse(qemu_irq irq)
{
    qemu_set_irq(irq, 1);
    qemu_set_irq(irq, 0);
}

/* Initialize an embedded IRQState (not a QOM child of anything). */
void qemu_init_irq(IRQState *irq, qemu_irq_handler handler, void *opaque,
                   int n);
/* Same, as the QOM child @name of @parent. */
void qemu_init_irq_child(Object *parent, const char *name, IRQState *irq,
                         qemu_irq_handler handler, void *opaque, int n);

/* One line with one reference (drop it with qemu_free_irq). */
qemu_irq qemu_allocate_irq(qemu_irq_handler handler, void *opaque, int n);
/* @n lines numbered 0..n-1 in a new array (free with qemu_free_irqs). */
qemu_irq *qemu_allocate_irqs(qemu_irq_handler handler, void *opaque, int n);
/* Grow @old (of @n lines) by @m more lines numbered n..n+m-1. */
qemu_irq *qemu_extend_irqs(qemu_irq *old, int n, qemu_irq_handler handler,
                           void *opaque, int m);
void qemu_free_irq(qemu_irq irq);
/* Drop each of the @n lines and free the array. */
void qemu_free_irqs(qemu_irq *s, int n);

/* A line that forwards the opposite level to @irq. */
qemu_irq qemu_irq_invert(qemu_irq irq);

/*
 * Redirect the @n input lines @gpio_in to @handler (qtest's
 * irq_intercept_in).  The handler gets the line number and, as opaque, a
 * pointer to a qemu_irq that still carries the original handler, so it
 * can pass the level on with qemu_set_irq(*(qemu_irq *)opaque, level).
 */
void qemu_irq_intercept_in(qemu_irq *gpio_in, qemu_irq_handler handler,
                           int n);

#endif /* HW_IRQ_H */
