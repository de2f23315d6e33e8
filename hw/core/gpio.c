/*
 * qdev GPIO lines.
 *
 * Input lines are IRQ objects owned by the device as children named
 * "<name>[i]" ("unnamed-gpio-in[i]" without a name).  Output lines are
 * strong links "<name>[i]" ("unnamed-gpio-out[i]") stored straight into
 * the device's qemu_irq array, so connecting an output is setting a
 * link and the device just calls qemu_set_irq() on its field.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/qdev-core.h"
#include "hw/irq.h"

NamedGPIOList *qdev_get_named_gpio_list(DeviceState *dev, const char *name)
{
    NamedGPIOList **link = &dev->gpios;

    for (; *link; link = &(*link)->next) {
        if (g_strcmp0(name, (*link)->name) == 0) {
            return *link;
        }
    }
    *link = g_new0(NamedGPIOList, 1);
    (*link)->name = g_strdup(name);
    return *link;
}

void qdev_init_gpio_in_named_with_opaque(DeviceState *dev,
                                         qemu_irq_handler handler,
                                         void *opaque, const char *name,
                                         int n)
{
    NamedGPIOList *gpio_list = qdev_get_named_gpio_list(dev, name);
    const char *base = name ? name : "unnamed-gpio-in";

    /* A name is either inputs or outputs. */
    g_assert(gpio_list->num_out == 0 || !name);
    gpio_list->in = qemu_extend_irqs(gpio_list->in, gpio_list->num_in,
                                     handler, opaque, n);
    for (int i = gpio_list->num_in; i < gpio_list->num_in + n; i++) {
        g_autofree char *propname = g_strdup_printf("%s[%d]", base, i);

        object_property_add_child(OBJECT(dev), propname,
                                  OBJECT(gpio_list->in[i]));
        /* The device's child property is now the owner. */
        object_unref(OBJECT(gpio_list->in[i]));
    }
    gpio_list->num_in += n;
}

void qdev_init_gpio_in_named(DeviceState *dev, qemu_irq_handler handler,
                             const char *name, int n)
{
    qdev_init_gpio_in_named_with_opaque(dev, handler, dev, name, n);
}

void qdev_init_gpio_in(DeviceState *dev, qemu_irq_handler handler, int n)
{
    qdev_init_gpio_in_named(dev, handler, NULL, n);
}

void qdev_init_gpio_out_named(DeviceState *dev, qemu_irq *pins,
                              const char *name, int n)
{
    NamedGPIOList *gpio_list = qdev_get_named_gpio_list(dev, name);
    const char *base = name ? name : "unnamed-gpio-out";

    g_assert(gpio_list->num_in == 0 || !name);
    memset(pins, 0, sizeof(*pins) * n);
    for (int i = 0; i < n; i++) {
        g_autofree char *propname =
            g_strdup_printf("%s[%d]", base, gpio_list->num_out + i);

        object_property_add_link(OBJECT(dev), propname, TYPE_IRQ,
                                 (Object **)&pins[i],
                                 object_property_allow_set_link,
                                 OBJ_PROP_LINK_STRONG);
    }
    gpio_list->num_out += n;
}

void qdev_init_gpio_out(DeviceState *dev, qemu_irq *pins, int n)
{
    qdev_init_gpio_out_named(dev, pins, NULL, n);
}

qemu_irq qdev_get_gpio_in_named(DeviceState *dev, const char *name, int n)
{
    NamedGPIOList *gpio_list = qdev_get_named_gpio_list(dev, name);

    g_assert(n >= 0 && n < gpio_list->num_in);
    return gpio_list->in[n];
}

qemu_irq qdev_get_gpio_in(DeviceState *dev, int n)
{
    return qdev_get_gpio_in_named(dev, NULL, n);
}

void qdev_connect_gpio_out_named(DeviceState *dev, const char *name, int n,
                                 qemu_irq input_pin)
{
    g_autofree char *propname =
        g_strdup_printf("%s[%d]", name ? name : "unnamed-gpio-out", n);

    /* By pointer: the line need not be in the composition tree. */
    object_property_set_link(OBJECT(dev), propname, OBJECT(input_pin),
                             &error_abort);
}

void qdev_connect_gpio_out(DeviceState *dev, int n, qemu_irq pin)
{
    qdev_connect_gpio_out_named(dev, NULL, n, pin);
}

qemu_irq qdev_get_gpio_out_connector(DeviceState *dev, const char *name,
                                     int n)
{
    g_autofree char *propname =
        g_strdup_printf("%s[%d]", name ? name : "unnamed-gpio-out", n);

    return (qemu_irq)object_property_get_link(OBJECT(dev), propname, NULL);
}

void qdev_pass_gpios(DeviceState *dev, DeviceState *container,
                     const char *name)
{
    NamedGPIOList *ngl = qdev_get_named_gpio_list(dev, name);
    NamedGPIOList *cgl = qdev_get_named_gpio_list(container, name);
    const char *in_base = name ? name : "unnamed-gpio-in";
    const char *out_base = name ? name : "unnamed-gpio-out";

    /*
     * The container gets its own list pointing at @dev's lines (which
     * @dev keeps owning), plus alias properties for connecting by name.
     */
    g_assert(cgl->num_in == 0 && cgl->num_out == 0);
    cgl->in = g_new0(qemu_irq, ngl->num_in);
    memcpy(cgl->in, ngl->in, sizeof(qemu_irq) * ngl->num_in);
    cgl->num_in = ngl->num_in;
    cgl->num_out = ngl->num_out;
    for (int i = 0; i < ngl->num_in; i++) {
        g_autofree char *propname = g_strdup_printf("%s[%d]", in_base, i);

        object_property_add_alias(OBJECT(container), propname, OBJECT(dev),
                                  propname);
    }
    for (int i = 0; i < ngl->num_out; i++) {
        g_autofree char *propname = g_strdup_printf("%s[%d]", out_base, i);

        object_property_add_alias(OBJECT(container), propname, OBJECT(dev),
                                  propname);
    }
}
