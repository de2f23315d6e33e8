/*
 * IRQ lines: small QOM objects carrying a handler.
 */
#include "qemu/osdep.h"
#include "hw/irq.h"

void qemu_set_irq(qemu_irq irq, int level)
{
    /* An unconnected line is a valid line that nobody listens to. */
    if (!irq) {
        return;
    }
    irq->handler(irq->opaque, irq->n, level);
}

static void init_irq_fields(IRQState *irq, qemu_irq_handler handler,
                            void *opaque, int n)
{
    irq->handler = handler;
    irq->opaque = opaque;
    irq->n = n;
}

void qemu_init_irq(IRQState *irq, qemu_irq_handler handler, void *opaque,
                   int n)
{
    object_initialize(irq, sizeof(*irq), TYPE_IRQ);
    init_irq_fields(irq, handler, opaque, n);
}

void qemu_init_irq_child(Object *parent, const char *name, IRQState *irq,
                         qemu_irq_handler handler, void *opaque, int n)
{
    object_initialize_child(parent, name, irq, TYPE_IRQ);
    init_irq_fields(irq, handler, opaque, n);
}

qemu_irq qemu_allocate_irq(qemu_irq_handler handler, void *opaque, int n)
{
    IRQState *irq = IRQ(object_new(TYPE_IRQ));

    init_irq_fields(irq, handler, opaque, n);
    return irq;
}

qemu_irq *qemu_extend_irqs(qemu_irq *old, int n, qemu_irq_handler handler,
                           void *opaque, int m)
{
    qemu_irq *s = g_renew(qemu_irq, old, n + m);

    for (int i = n; i < n + m; i++) {
        s[i] = qemu_allocate_irq(handler, opaque, i);
    }
    return s;
}

qemu_irq *qemu_allocate_irqs(qemu_irq_handler handler, void *opaque, int n)
{
    return qemu_extend_irqs(NULL, 0, handler, opaque, n);
}

void qemu_free_irq(qemu_irq irq)
{
    object_unref(OBJECT(irq));
}

void qemu_free_irqs(qemu_irq *s, int n)
{
    for (int i = 0; i < n; i++) {
        qemu_free_irq(s[i]);
    }
    g_free(s);
}

static void qemu_notirq(void *opaque, int line, int level)
{
    qemu_set_irq(opaque, !level);
}

qemu_irq qemu_irq_invert(qemu_irq irq)
{
    /* The inverter starts at the level a low input gives. */
    qemu_irq_raise(irq);
    return qemu_allocate_irq(qemu_notirq, irq, 0);
}

/*
 * The line an interceptor forwards to: an IRQ that also holds a pointer
 * to itself, so the interceptor's opaque can be a qemu_irq * as qtest
 * expects, with nothing to free separately.
 */
#define TYPE_IRQ_SAVED "irq-saved"

typedef struct IRQSaved {
    IRQState irq;
    qemu_irq self;
} IRQSaved;

void qemu_irq_intercept_in(qemu_irq *gpio_in, qemu_irq_handler handler,
                           int n)
{
    for (int i = 0; i < n; i++) {
        IRQSaved *saved = (IRQSaved *)object_new(TYPE_IRQ_SAVED);

        /* The original handler moves to the saved line... */
        init_irq_fields(&saved->irq, gpio_in[i]->handler,
                        gpio_in[i]->opaque, gpio_in[i]->n);
        saved->self = &saved->irq;
        /* ...which lives exactly as long as the intercepted line. */
        object_property_add_child(OBJECT(gpio_in[i]), "intercepted[*]",
                                  OBJECT(saved));
        object_unref(OBJECT(saved));
        gpio_in[i]->handler = handler;
        gpio_in[i]->opaque = &saved->self;
    }
}

static const TypeInfo irq_types[] = {
    {
        .name = TYPE_IRQ,
        .parent = TYPE_OBJECT,
        .instance_size = sizeof(IRQState),
    },
    {
        .name = TYPE_IRQ_SAVED,
        .parent = TYPE_IRQ,
        .instance_size = sizeof(IRQSaved),
    },
};

DEFINE_TYPES(irq_types)
