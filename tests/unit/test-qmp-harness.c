/*
 * Test harness for the monitor unit tests: see test-qmp-harness.h.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "chardev/char-fe.h"
#include "system/runstate.h"
#include "test-qmp-harness.h"

/* ---- the buffer chardev ------------------------------------------------ */

typedef struct TestChardev {
    Chardev parent_obj;
    GString *out;
} TestChardev;

typedef ChardevClass TestChardevClass;

DECLARE_INSTANCE_CHECKER(TestChardev, TEST_CHARDEV, TYPE_CHARDEV_TESTBUF)

static int testbuf_write(Chardev *chr, const uint8_t *buf, int len)
{
    g_string_append_len(TEST_CHARDEV(chr)->out, (const char *)buf, len);
    return len;
}

static void testbuf_init(Object *obj)
{
    TEST_CHARDEV(obj)->out = g_string_new(NULL);
}

static void testbuf_finalize(Object *obj)
{
    g_string_free(TEST_CHARDEV(obj)->out, true);
}

static void testbuf_class_init(ObjectClass *oc, void *data)
{
    ChardevClass *cc = CHARDEV_CLASS(oc);

    cc->internal = true;
    cc->chr_write = testbuf_write;
}

static const TypeInfo testbuf_info = {
    .name = TYPE_CHARDEV_TESTBUF,
    .parent = TYPE_CHARDEV,
    .instance_size = sizeof(TestChardev),
    .instance_init = testbuf_init,
    .instance_finalize = testbuf_finalize,
    .class_size = sizeof(TestChardevClass),
    .class_init = testbuf_class_init,
};

static void testbuf_register(void)
{
    type_register_static(&testbuf_info);
}
type_init(testbuf_register)

Chardev *test_chr_new(const char *label, bool open)
{
    Chardev *chr = CHARDEV(object_new(TYPE_CHARDEV_TESTBUF));

    chr->label = g_strdup(label);
    chr->filename = g_strdup_printf("testbuf:%s", label);
    chr->be_open = open;
    object_property_add_child(object_get_container("chardevs"), label,
                              OBJECT(chr));
    object_unref(chr);
    return chr;
}

void test_chr_free(Chardev *chr)
{
    object_unparent(OBJECT(chr));
}

void test_chr_send(Chardev *chr, const char *text)
{
    qemu_chr_be_write(chr, (const uint8_t *)text, strlen(text));
}

char *test_chr_take(Chardev *chr)
{
    GString *out = TEST_CHARDEV(chr)->out;
    char *s = g_strdup(out->str);

    g_string_truncate(out, 0);
    return s;
}

bool test_chr_has_output(Chardev *chr)
{
    return TEST_CHARDEV(chr)->out->len > 0;
}

json_t *test_chr_next_json(Chardev *chr)
{
    GString *out = TEST_CHARDEV(chr)->out;
    char *eol = strstr(out->str, "\r\n");
    g_autofree char *line = NULL;
    json_error_t jerr;
    json_t *json;

    if (!eol) {
        return NULL;
    }
    line = g_strndup(out->str, eol - out->str);
    g_string_erase(out, 0, eol - out->str + 2);
    json = json_loads(line, JSON_DECODE_ANY, &jerr);
    if (!json) {
        g_error("monitor wrote a line that is not JSON: %s", line);
    }
    return json;
}

/* ---- the fake run state ------------------------------------------------ */

ShutdownCause fake_shutdown_request;
ShutdownCause fake_reset_request;
int fake_powerdown_requests;

static RunState fake_state = RUN_STATE_RUNNING;
static GList *vm_handlers;
static NotifierList powerdown_notifiers;
static NotifierList shutdown_notifiers;

struct VMChangeStateEntry {
    VMChangeStateHandler *cb;
    void *opaque;
};

void fake_runstate_reset(void)
{
    fake_state = RUN_STATE_RUNNING;
    fake_shutdown_request = SHUTDOWN_CAUSE_NONE;
    fake_reset_request = SHUTDOWN_CAUSE_NONE;
    fake_powerdown_requests = 0;
}

void fake_main_loop_act(void)
{
    ShutdownCause cause = fake_shutdown_request;

    if (cause) {
        fake_shutdown_request = SHUTDOWN_CAUSE_NONE;
        notifier_list_notify(&shutdown_notifiers, &cause);
    }
    while (fake_powerdown_requests) {
        ShutdownCause pd = SHUTDOWN_CAUSE_HOST_QMP_QUIT;

        fake_powerdown_requests--;
        notifier_list_notify(&powerdown_notifiers, &pd);
    }
}

const char *runstate_name(RunState state)
{
    static const char *const names[RUN_STATE__MAX] = {
        [RUN_STATE_DEBUG] = "debug",
        [RUN_STATE_INTERNAL_ERROR] = "internal-error",
        [RUN_STATE_PAUSED] = "paused",
        [RUN_STATE_PRELAUNCH] = "prelaunch",
        [RUN_STATE_RUNNING] = "running",
        [RUN_STATE_SHUTDOWN] = "shutdown",
        [RUN_STATE_GUEST_PANICKED] = "guest-panicked",
    };

    return names[state];
}

const char *shutdown_cause_name(ShutdownCause cause)
{
    static const char *const names[SHUTDOWN_CAUSE__MAX] = {
        [SHUTDOWN_CAUSE_NONE] = "none",
        [SHUTDOWN_CAUSE_HOST_ERROR] = "host-error",
        [SHUTDOWN_CAUSE_HOST_QMP_QUIT] = "host-qmp-quit",
        [SHUTDOWN_CAUSE_HOST_QMP_SYSTEM_RESET] = "host-qmp-system-reset",
        [SHUTDOWN_CAUSE_HOST_SIGNAL] = "host-signal",
        [SHUTDOWN_CAUSE_HOST_UI] = "host-ui",
        [SHUTDOWN_CAUSE_GUEST_SHUTDOWN] = "guest-shutdown",
        [SHUTDOWN_CAUSE_GUEST_RESET] = "guest-reset",
        [SHUTDOWN_CAUSE_GUEST_PANIC] = "guest-panic",
        [SHUTDOWN_CAUSE_SUBSYSTEM_RESET] = "subsystem-reset",
    };

    return names[cause];
}

RunState runstate_get(void)
{
    return fake_state;
}

bool runstate_check(RunState state)
{
    return fake_state == state;
}

void runstate_set(RunState new_state)
{
    fake_state = new_state;
}

bool runstate_is_running(void)
{
    return fake_state == RUN_STATE_RUNNING;
}

bool runstate_needs_reset(void)
{
    return fake_state == RUN_STATE_SHUTDOWN ||
           fake_state == RUN_STATE_INTERNAL_ERROR ||
           fake_state == RUN_STATE_GUEST_PANICKED;
}

VMChangeStateEntry *qemu_add_vm_change_state_handler(VMChangeStateHandler *cb,
                                                     void *opaque)
{
    VMChangeStateEntry *e = g_new0(VMChangeStateEntry, 1);

    e->cb = cb;
    e->opaque = opaque;
    vm_handlers = g_list_append(vm_handlers, e);
    return e;
}

void qemu_del_vm_change_state_handler(VMChangeStateEntry *e)
{
    vm_handlers = g_list_remove(vm_handlers, e);
    g_free(e);
}

void vm_state_notify(bool running, RunState state)
{
    for (GList *l = vm_handlers; l; l = l->next) {
        VMChangeStateEntry *e = l->data;

        e->cb(e->opaque, running, state);
    }
}

void vm_start(void)
{
    if (fake_state != RUN_STATE_RUNNING) {
        fake_state = RUN_STATE_RUNNING;
        vm_state_notify(true, RUN_STATE_RUNNING);
    }
}

int vm_stop(RunState state)
{
    bool was_running = fake_state == RUN_STATE_RUNNING;

    fake_state = state;
    if (was_running) {
        vm_state_notify(false, state);
    }
    return 0;
}

void qemu_system_shutdown_request(ShutdownCause reason)
{
    fake_shutdown_request = reason;
}

void qemu_system_reset_request(ShutdownCause reason)
{
    fake_reset_request = reason;
}

void qemu_system_powerdown_request(void)
{
    fake_powerdown_requests++;
}

void qemu_register_powerdown_notifier(Notifier *notifier)
{
    notifier_list_add(&powerdown_notifiers, notifier);
}

void qemu_register_shutdown_notifier(Notifier *notifier)
{
    notifier_list_add(&shutdown_notifiers, notifier);
}
