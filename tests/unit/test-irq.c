/*
 * IRQ lines and qdev GPIOs: levels, numbering, named and unnamed lines,
 * connecting outputs to inputs, interception, and lifetimes.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/qdev-core.h"
#include "hw/irq.h"

#define TYPE_SRC "test-irq-src"
#define TYPE_SINK "test-irq-sink"
#define TYPE_SOC "test-irq-soc"

static GString *trace;

static void trace_level(void *opaque, int n, int level)
{
    g_string_append_printf(trace, "%s%s%d=%d", trace->len ? " " : "",
                           opaque ? (const char *)opaque : "", n, level);
}

/* A source drives two unnamed outputs and one named "alarm" output. */
typedef struct Src {
    DeviceState parent_obj;
    qemu_irq out[2];
    qemu_irq alarm;
} Src;

#define SRC(obj) OBJECT_CHECK(Src, (obj), TYPE_SRC)

static void src_init(Object *obj)
{
    qdev_init_gpio_out(DEVICE(obj), SRC(obj)->out, 2);
    qdev_init_gpio_out_named(DEVICE(obj), &SRC(obj)->alarm, "alarm", 1);
}

/* A sink has three unnamed inputs and two named "wake" inputs. */
typedef struct Sink {
    DeviceState parent_obj;
    int level[3];
    int wake[2];
} Sink;

#define SINK(obj) OBJECT_CHECK(Sink, (obj), TYPE_SINK)

static void sink_set(void *opaque, int n, int level)
{
    SINK(opaque)->level[n] = level;
    trace_level((void *)"in", n, level);
}

static void sink_wake(void *opaque, int n, int level)
{
    SINK(opaque)->wake[n] = level;
    trace_level((void *)"wake", n, level);
}

static void sink_init(Object *obj)
{
    qdev_init_gpio_in(DEVICE(obj), sink_set, 3);
    qdev_init_gpio_in_named(DEVICE(obj), sink_wake, "wake", 2);
}

/* A container exposing its inner sink's lines as its own. */
typedef struct Soc {
    DeviceState parent_obj;
    Sink sink;
} Soc;

static void soc_init(Object *obj)
{
    Soc *s = (Soc *)obj;

    object_initialize_child(obj, "sink", &s->sink, TYPE_SINK);
    qdev_pass_gpios(DEVICE(&s->sink), DEVICE(obj), NULL);
    qdev_pass_gpios(DEVICE(&s->sink), DEVICE(obj), "wake");
}

static const TypeInfo irq_test_types[] = {
    {
        .name = TYPE_SRC,
        .parent = TYPE_DEVICE,
        .instance_size = sizeof(Src),
        .instance_init = src_init,
    },
    {
        .name = TYPE_SINK,
        .parent = TYPE_DEVICE,
        .instance_size = sizeof(Sink),
        .instance_init = sink_init,
    },
    {
        .name = TYPE_SOC,
        .parent = TYPE_DEVICE,
        .instance_size = sizeof(Soc),
        .instance_init = soc_init,
    },
};

DEFINE_TYPES(irq_test_types)

static void reset_trace(void)
{
    g_string_truncate(trace, 0);
}

/* ---------------------------------------------------------------------- */

static void test_levels(void)
{
    qemu_irq irq = qemu_allocate_irq(trace_level, NULL, 5);

    reset_trace();
    qemu_irq_raise(irq);
    qemu_irq_lower(irq);
    qemu_irq_pulse(irq);
    qemu_set_irq(irq, 7);
    /* Every write reaches the handler, with the line number. */
    g_assert_cmpstr(trace->str, ==, "5=1 5=0 5=1 5=0 5=7");
    qemu_free_irq(irq);
}

static void test_null_line(void)
{
    /* Driving an unconnected output is allowed and does nothing. */
    qemu_set_irq(NULL, 1);
    qemu_irq_pulse(NULL);
}

static void test_allocate_array(void)
{
    qemu_irq *irqs = qemu_allocate_irqs(trace_level, NULL, 3);

    irqs = qemu_extend_irqs(irqs, 3, trace_level, NULL, 2);
    reset_trace();
    for (int i = 0; i < 5; i++) {
        qemu_irq_raise(irqs[i]);
    }
    g_assert_cmpstr(trace->str, ==, "0=1 1=1 2=1 3=1 4=1");
    g_assert_cmpstr(object_get_typename(OBJECT(irqs[0])), ==, TYPE_IRQ);
    qemu_free_irqs(irqs, 5);
}

static void test_invert(void)
{
    qemu_irq target = qemu_allocate_irq(trace_level, NULL, 0);
    qemu_irq inv;

    reset_trace();
    inv = qemu_irq_invert(target);
    qemu_irq_raise(inv);
    qemu_irq_lower(inv);
    /* Creating it drives the idle level, then each write is inverted. */
    g_assert_cmpstr(trace->str, ==, "0=1 0=0 0=1");
    qemu_free_irq(inv);
    qemu_free_irq(target);
}

static void test_gpio_connect(void)
{
    DeviceState *src = qdev_new(TYPE_SRC);
    DeviceState *sink = qdev_new(TYPE_SINK);

    qdev_connect_gpio_out(src, 0, qdev_get_gpio_in(sink, 2));
    qdev_connect_gpio_out(src, 1, qdev_get_gpio_in(sink, 0));
    qdev_connect_gpio_out_named(src, "alarm", 0,
                                qdev_get_gpio_in_named(sink, "wake", 1));
    reset_trace();
    qemu_irq_raise(SRC(src)->out[0]);
    qemu_irq_raise(SRC(src)->out[1]);
    qemu_irq_raise(SRC(src)->alarm);
    g_assert_cmpstr(trace->str, ==, "in2=1 in0=1 wake1=1");
    g_assert_cmpint(SINK(sink)->level[2], ==, 1);
    g_assert_cmpint(SINK(sink)->wake[1], ==, 1);
    g_assert_true(qdev_get_gpio_out_connector(src, NULL, 0) ==
                  qdev_get_gpio_in(sink, 2));
    g_assert_true(qdev_get_gpio_out_connector(src, "alarm", 0) ==
                  qdev_get_gpio_in_named(sink, "wake", 1));
    /* Disconnect: the output becomes a NULL line again. */
    qdev_connect_gpio_out(src, 0, NULL);
    g_assert_null(SRC(src)->out[0]);
    object_unref(OBJECT(src));
    object_unref(OBJECT(sink));
}

static void test_gpio_properties(void)
{
    DeviceState *sink = qdev_new(TYPE_SINK);
    DeviceState *src = qdev_new(TYPE_SRC);
    NamedGPIOList *ngl = qdev_get_named_gpio_list(sink, "wake");

    /* Inputs are child<irq> properties, outputs link<irq> ones. */
    g_assert_cmpstr(object_property_get_type(OBJECT(sink),
                                             "unnamed-gpio-in[2]",
                                             &error_abort), ==,
                    "child<irq>");
    g_assert_cmpstr(object_property_get_type(OBJECT(sink), "wake[1]",
                                             &error_abort), ==,
                    "child<irq>");
    g_assert_cmpstr(object_property_get_type(OBJECT(src),
                                             "unnamed-gpio-out[1]",
                                             &error_abort), ==, "link<irq>");
    g_assert_cmpstr(object_property_get_type(OBJECT(src), "alarm[0]",
                                             &error_abort), ==, "link<irq>");
    g_assert_cmpint(ngl->num_in, ==, 2);
    g_assert_cmpint(qdev_get_named_gpio_list(src, "alarm")->num_out, ==, 1);
    object_unref(OBJECT(sink));
    object_unref(OBJECT(src));
}

static void test_connected_line_outlives_free(void)
{
    DeviceState *src = qdev_new(TYPE_SRC);
    qemu_irq line = qemu_allocate_irq(trace_level, NULL, 9);

    qdev_connect_gpio_out(src, 0, line);
    /* The output's strong link keeps the line alive. */
    qemu_free_irq(line);
    reset_trace();
    qemu_irq_raise(SRC(src)->out[0]);
    g_assert_cmpstr(trace->str, ==, "9=1");
    /* Freed with the device (LSan checks). */
    object_unref(OBJECT(src));
}

static void test_intercept(void)
{
    DeviceState *sink = qdev_new(TYPE_SINK);
    NamedGPIOList *ngl = qdev_get_named_gpio_list(sink, NULL);
    qemu_irq in1 = qdev_get_gpio_in(sink, 1);

    qemu_irq_intercept_in(ngl->in, trace_level, ngl->num_in);
    reset_trace();
    qemu_irq_raise(in1);
    /* The interceptor sees the line; the device does not (yet). */
    g_assert_cmpint(SINK(sink)->level[1], ==, 0);
    g_assert_cmpint(trace->len, >, 0);
    g_assert_true(g_str_has_suffix(trace->str, "1=1"));
    object_unref(OBJECT(sink));
}

static void forward_and_trace(void *opaque, int n, int level)
{
    trace_level((void *)"seen", n, level);
    qemu_set_irq(*(qemu_irq *)opaque, level);
}

static void test_intercept_forward(void)
{
    DeviceState *sink = qdev_new(TYPE_SINK);
    NamedGPIOList *ngl = qdev_get_named_gpio_list(sink, NULL);

    qemu_irq_intercept_in(ngl->in, forward_and_trace, ngl->num_in);
    reset_trace();
    qemu_irq_raise(qdev_get_gpio_in(sink, 2));
    /* The original handler still gets the level through opaque. */
    g_assert_cmpstr(trace->str, ==, "seen2=1 in2=1");
    g_assert_cmpint(SINK(sink)->level[2], ==, 1);
    object_unref(OBJECT(sink));
}

static void test_pass_gpios(void)
{
    DeviceState *soc = qdev_new(TYPE_SOC);
    DeviceState *src = qdev_new(TYPE_SRC);

    /* The container's lines are the inner device's. */
    g_assert_true(qdev_get_gpio_in(soc, 1) ==
                  qdev_get_gpio_in(DEVICE(&((Soc *)soc)->sink), 1));
    qdev_connect_gpio_out(src, 0, qdev_get_gpio_in_named(soc, "wake", 0));
    reset_trace();
    qemu_irq_raise(SRC(src)->out[0]);
    g_assert_cmpstr(trace->str, ==, "wake0=1");
    g_assert_nonnull(object_property_find(OBJECT(soc), "wake[1]"));
    object_unref(OBJECT(src));
    object_unref(OBJECT(soc));
}

int main(int argc, char **argv)
{
    int ret;

    trace = g_string_new("");
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/irq/levels", test_levels);
    g_test_add_func("/irq/null-line", test_null_line);
    g_test_add_func("/irq/allocate-array", test_allocate_array);
    g_test_add_func("/irq/invert", test_invert);
    g_test_add_func("/irq/gpio/connect", test_gpio_connect);
    g_test_add_func("/irq/gpio/properties", test_gpio_properties);
    g_test_add_func("/irq/gpio/connected-line-outlives-free",
                    test_connected_line_outlives_free);
    g_test_add_func("/irq/gpio/pass-gpios", test_pass_gpios);
    g_test_add_func("/irq/intercept/replaces-handler", test_intercept);
    g_test_add_func("/irq/intercept/forward", test_intercept_forward);
    ret = g_test_run();
    g_string_free(trace, true);
    return ret;
}
