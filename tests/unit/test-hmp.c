/*
 * HMP tests: an HMP monitor with its line editor on an in-memory chardev,
 * typed at the way a person (or a script) types at it.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/log.h"
#include "hw/qdev-core.h"
#include "system/memory.h"
#include "monitor/monitor.h"
#include "monitor/hmp.h"
#include "test-qmp-harness.h"

#define BANNER "QEMU " QEMU_VERSION " monitor - type 'help' for more " \
               "information\r\n"
#define PROMPT "(qemu) "

/* A bus-less device whose one property the QOM commands can play with. */
#define TYPE_TEST_HMP_DEV "test-hmp-dev"

typedef struct TestHmpDev {
    DeviceState parent_obj;
    uint32_t level;
} TestHmpDev;

static void test_hmp_dev_class_init(ObjectClass *oc, void *data)
{
    DEVICE_CLASS(oc)->user_creatable = true;
    object_class_property_add_uint32_ptr(oc, "level",
                                         offsetof(TestHmpDev, level),
                                         OBJ_PROP_FLAG_READWRITE);
}

static const TypeInfo test_hmp_dev_info = {
    .name = TYPE_TEST_HMP_DEV,
    .parent = TYPE_DEVICE,
    .instance_size = sizeof(TestHmpDev),
    .class_init = test_hmp_dev_class_init,
};

static void test_hmp_dev_register(void)
{
    type_register_static(&test_hmp_dev_info);
}
type_init(test_hmp_dev_register)

/* An HMP monitor with readline; the banner and first prompt consumed. */
static Chardev *hmp_open(void)
{
    Chardev *chr = test_chr_new("hmp0", true);
    g_autofree char *hello = NULL;

    fake_runstate_reset();
    monitor_init_hmp(chr, true, &error_abort);
    hello = test_chr_take(chr);
    g_assert_cmpstr(hello, ==, BANNER PROMPT);
    return chr;
}

static void hmp_close(Chardev *chr)
{
    monitor_cleanup();
    test_chr_free(chr);
}

/*
 * Type @line and Enter; return what the command printed (without the
 * echo of the line and without the next prompt).
 */
static char *hmp_cmd(Chardev *chr, const char *line)
{
    g_autofree char *out = NULL;
    g_autofree char *typed = g_strdup_printf("%s\r", line);
    g_autofree char *echo = g_strdup_printf("%s\r\n", line);

    test_chr_send(chr, typed);
    out = test_chr_take(chr);
    g_assert_true(g_str_has_prefix(out, echo));
    g_assert_true(g_str_has_suffix(out, PROMPT));
    return g_strndup(out + strlen(echo),
                     strlen(out) - strlen(echo) - strlen(PROMPT));
}

static void assert_cmd_output(Chardev *chr, const char *line,
                              const char *want)
{
    g_autofree char *out = hmp_cmd(chr, line);

    g_assert_cmpstr(out, ==, want);
}

static void assert_cmd_contains(Chardev *chr, const char *line,
                                const char *want)
{
    g_autofree char *out = hmp_cmd(chr, line);

    if (!strstr(out, want)) {
        g_error("'%s' printed '%s', without '%s'", line, out, want);
    }
}

/* ---- basics ------------------------------------------------------------ */

static void test_banner_on_connect(void)
{
    Chardev *chr = test_chr_new("hmp0", false);
    g_autofree char *out = NULL;

    monitor_init_hmp(chr, true, &error_abort);
    g_assert_false(test_chr_has_output(chr));
    qemu_chr_be_event(chr, CHR_EVENT_OPENED);
    out = test_chr_take(chr);
    g_assert_cmpstr(out, ==, BANNER PROMPT);
    hmp_close(chr);
}

static void test_help(void)
{
    Chardev *chr = hmp_open();

    assert_cmd_contains(chr, "help", "c|cont  -- resume emulation\r\n");
    assert_cmd_contains(chr, "help", "info [subcommand] -- ");
    assert_cmd_contains(chr, "?", "q|quit  -- quit the emulator\r\n");
    assert_cmd_output(chr, "help stop", "stop  -- stop emulation\r\n");
    assert_cmd_contains(chr, "help info",
                        "info version  -- show the version of QEMU\r\n");
    assert_cmd_contains(chr, "info", "info status  -- ");
    hmp_close(chr);
}

static void test_errors(void)
{
    Chardev *chr = hmp_open();

    assert_cmd_output(chr, "frobnicate", "unknown command: 'frobnicate'\r\n");
    assert_cmd_output(chr, "info frob", "unknown command: 'info frob'\r\n");
    assert_cmd_output(chr, "device_del",
                      "device_del: missing parameter 'id'\r\n");
    assert_cmd_output(chr, "stop now",
                      "stop: extraneous characters at the end of line\r\n");
    assert_cmd_output(chr, "info mtree -z",
                      "info mtree: unsupported option -z\r\n");
    assert_cmd_output(chr, "device_del nope",
                      "Error: Device 'nope' not found\r\n");
    assert_cmd_output(chr, "xp/4q 0", "xp: invalid char in format\r\n");
    assert_cmd_output(chr, "xp/4x 0x(", "xp: invalid char in expression: "
                      "'0x('\r\n");
    assert_cmd_output(chr, "xp/4x 1/0", "xp: division by zero: '1/0'\r\n");
    /* An empty line does nothing but prompt again. */
    assert_cmd_output(chr, "", "");
    hmp_close(chr);
}

/* ---- info -------------------------------------------------------------- */

static void test_info_each(void)
{
    Chardev *chr = hmp_open();
    g_autofree char *out = NULL;

    assert_cmd_output(chr, "info version", QEMU_VERSION "\r\n");
    assert_cmd_output(chr, "info status", "VM status: running\r\n");
    assert_cmd_output(chr, "info name", "");
    /* What a board does first: create the system memory map. */
    get_system_memory();
    assert_cmd_contains(chr, "info mtree", "address-space: memory\r\n");
    assert_cmd_contains(chr, "info mtree -f", "FlatView #0\r\n");
    assert_cmd_contains(chr, "info mtree -f -d", "FlatView #0\r\n");
    assert_cmd_contains(chr, "info mtree -o -D", "address-space: memory");
    assert_cmd_contains(chr, "info chardev",
                        "hmp0: filename=testbuf:hmp0\r\n");
    assert_cmd_output(chr, "info registers", "No CPU available\r\n");
    assert_cmd_output(chr, "info cpus", "");
    out = hmp_cmd(chr, "info qtree");
    g_clear_pointer(&out, g_free);
    assert_cmd_contains(chr, "info qom-tree /", "/ (container)\r\n");
    assert_cmd_contains(chr, "info qom-tree /", "  /chardevs (container)\r\n");
    assert_cmd_contains(chr, "info qom-tree /chardevs",
                        "/chardevs (container)\r\n  /hmp0 (chardev-testbuf)");
    assert_cmd_output(chr, "info qom-tree /nowhere",
                      "Path '/nowhere' could not be resolved.\r\n");
    assert_cmd_contains(chr, "info history", "0: 'info version'\r\n");
    memory_map_teardown();
    hmp_close(chr);
}

static void test_info_status_paused(void)
{
    Chardev *chr = hmp_open();

    assert_cmd_output(chr, "stop", "");
    assert_cmd_output(chr, "info status", "VM status: paused\r\n");
    runstate_set(RUN_STATE_PRELAUNCH);
    assert_cmd_output(chr, "info status",
                      "VM status: paused (prelaunch)\r\n");
    hmp_close(chr);
}

/* ---- run control ------------------------------------------------------- */

static void test_run_control(void)
{
    Chardev *chr = hmp_open();

    assert_cmd_output(chr, "stop", "");
    g_assert_true(runstate_check(RUN_STATE_PAUSED));
    assert_cmd_output(chr, "c", "");
    g_assert_true(runstate_is_running());
    assert_cmd_output(chr, "stop", "");
    assert_cmd_output(chr, "cont", "");
    g_assert_true(runstate_is_running());
    assert_cmd_output(chr, "system_reset", "");
    g_assert_cmpint(fake_reset_request, ==,
                    SHUTDOWN_CAUSE_HOST_QMP_SYSTEM_RESET);
    assert_cmd_output(chr, "system_powerdown", "");
    g_assert_cmpint(fake_powerdown_requests, ==, 1);
    runstate_set(RUN_STATE_SHUTDOWN);
    assert_cmd_output(chr, "c", "Error: Resetting the Virtual Machine is "
                      "required\r\n");
    assert_cmd_output(chr, "q", "");
    g_assert_cmpint(fake_shutdown_request, ==, SHUTDOWN_CAUSE_HOST_QMP_QUIT);
    hmp_close(chr);
}

/* ---- QOM and devices --------------------------------------------------- */

static void test_qom_and_devices(void)
{
    Chardev *chr = hmp_open();

    assert_cmd_output(chr, "device_add test-hmp-dev,id=h0,level=7", "");
    assert_cmd_output(chr, "qom-get /machine/peripheral/h0 level", "7\r\n");
    assert_cmd_output(chr, "qom-set /machine/peripheral/h0 level 0x10", "");
    assert_cmd_output(chr, "qom-get /machine/peripheral/h0 level",
                      "16\r\n");
    assert_cmd_output(chr, "qom-set -j /machine/peripheral/h0 level 5", "");
    assert_cmd_output(chr, "qom-get /machine/peripheral/h0 level", "5\r\n");
    assert_cmd_contains(chr, "qom-list /machine/peripheral/h0",
                        "level (uint32)\r\n");
    assert_cmd_contains(chr, "qom-list", "chardevs (child<container>)\r\n");
    assert_cmd_output(chr, "qom-get /nowhere x",
                      "Error: Device '/nowhere' not found\r\n");
    assert_cmd_contains(chr, "device_add test-hmp-dev,id=h0", "Error: ");
    assert_cmd_contains(chr, "device_add help", "name \"test-hmp-dev\"");
    assert_cmd_contains(chr, "device_add nope-dev", "Error: ");
    object_unparent(object_resolve_path("/machine/peripheral/h0", NULL));
    hmp_close(chr);
}

static void test_human_monitor_capture(void)
{
    g_autofree char *out = NULL;

    fake_runstate_reset();
    out = hmp_run_command_capture("info status", -1);
    g_assert_cmpstr(out, ==, "VM status: running\r\n");
    g_free(out);
    out = hmp_run_command_capture("help stop", -1);
    g_assert_cmpstr(out, ==, "stop  -- stop emulation\r\n");
    monitor_cleanup();
}

/* ---- memory ------------------------------------------------------------ */

static MemoryRegion *map_test_ram(void)
{
    MemoryRegion *mr = memory_region_new_ram(NULL, "test-ram", 0x1000,
                                             &error_abort);
    uint8_t bytes[16];

    for (int i = 0; i < 16; i++) {
        bytes[i] = i + 1;
    }
    bytes[8] = 'A';
    bytes[9] = '\n';
    memory_region_add_subregion(get_system_memory(), 0x1000, mr);
    address_space_write(&address_space_memory, 0x1000,
                        MEMTXATTRS_UNSPECIFIED, bytes, sizeof(bytes));
    return mr;
}

static void unmap_test_ram(MemoryRegion *mr)
{
    memory_region_del_subregion(get_system_memory(), mr);
    object_unparent(OBJECT(mr));
    memory_map_teardown();
}

static void test_xp(void)
{
    Chardev *chr = hmp_open();
    MemoryRegion *mr = map_test_ram();
    g_autofree char *out = NULL;

    assert_cmd_output(chr, "xp/4xb 0x1000",
                      "0000000000001000: 0x01 0x02 0x03 0x04\r\n");
    /* Little-endian words; the format sticks for the next dump. */
    assert_cmd_output(chr, "xp/2xw 0x1000",
                      "0000000000001000: 0x04030201 0x08070605\r\n");
    assert_cmd_output(chr, "xp 0x1004", "0000000000001004: 0x08070605\r\n");
    assert_cmd_output(chr, "xp/2dh 0x1000",
                      "0000000000001000:    513   1027\r\n");
    assert_cmd_output(chr, "xp/2c 0x1008",
                      "0000000000001008: 'A' '\\n'\r\n");
    assert_cmd_output(chr, "xp/1xb 0x1000+(2*3)",
                      "0000000000001006: 0x07\r\n");
    /* Seventeen bytes: a full line of sixteen, then one. */
    out = hmp_cmd(chr, "xp/17xb 0x1000");
    g_assert_nonnull(strstr(out, "\r\n0000000000001010: 0x00\r\n"));
    g_clear_pointer(&out, g_free);
    out = hmp_cmd(chr, "xp/3i 0x1000");
    g_assert_true(g_str_has_prefix(out, "0x00001000:  "));
    g_assert_cmpint(strlen(out) - strlen(g_strstr_len(out, -1, "\r\n")),
                    >, 13);
    g_clear_pointer(&out, g_free);
    assert_cmd_output(chr, "xp/4xb 0x100000", "Cannot access memory\r\n");
    /* Virtual addresses need a CPU, and this program has none. */
    assert_cmd_output(chr, "x/4xb 0x1000", "No CPU available\r\n");
    unmap_test_ram(mr);
    hmp_close(chr);
}

static void test_pmemsave(void)
{
    Chardev *chr = hmp_open();
    MemoryRegion *mr = map_test_ram();
    g_autofree char *dir = g_dir_make_tmp("test-hmp-XXXXXX", NULL);
    g_autofree char *path = g_build_filename(dir, "dump", NULL);
    g_autofree char *cmd = g_strdup_printf("pmemsave 0x1000 4 %s", path);
    g_autofree char *data = NULL;
    gsize len;

    assert_cmd_output(chr, cmd, "");
    g_assert_true(g_file_get_contents(path, &data, &len, NULL));
    g_assert_cmpint(len, ==, 4);
    g_assert_cmpmem(data, 4, "\x01\x02\x03\x04", 4);
    unlink(path);
    rmdir(dir);
    assert_cmd_contains(chr, "pmemsave 0 4 /nonexistent-dir/x",
                        "Error: Could not open '/nonexistent-dir/x'");
    unmap_test_ram(mr);
    hmp_close(chr);
}

static void test_log(void)
{
    Chardev *chr = hmp_open();

    assert_cmd_output(chr, "log guest_errors", "");
    g_assert_true(qemu_loglevel_mask(LOG_GUEST_ERROR));
    assert_cmd_output(chr, "log none", "");
    g_assert_cmpint(qemu_loglevel, ==, 0);
    assert_cmd_contains(chr, "log bogus", "Unknown log item 'bogus'\r\n");
    hmp_close(chr);
}

static void test_gdbserver_reports(void)
{
    Chardev *chr = hmp_open();
    g_autofree char *out = hmp_cmd(chr, "gdbserver");

    /* Started, or a clear error; never silence. */
    g_assert_true(g_str_has_prefix(out, "Waiting for gdb connection") ||
                  g_str_has_prefix(out, "Error: "));
    hmp_close(chr);
}

/* ---- the line editor --------------------------------------------------- */

static void test_readline_echo(void)
{
    Chardev *chr = hmp_open();
    g_autofree char *out = NULL;

    test_chr_send(chr, "info");
    out = test_chr_take(chr);
    g_assert_cmpstr(out, ==, "info");
    test_chr_send(chr, "\x15");     /* ^U: drop the line */
    g_clear_pointer(&out, g_free);
    out = test_chr_take(chr);
    g_assert_cmpstr(out, ==, "\033[4D\033[K");
    hmp_close(chr);
}

/* Everything typed (editing keys included) ran as @line. */
static void assert_edited_runs(Chardev *chr, const char *keys,
                               const char *want_output)
{
    g_autofree char *out = NULL;

    test_chr_send(chr, keys);
    out = test_chr_take(chr);
    if (!g_str_has_suffix(out, want_output)) {
        g_error("typing gave '%s', wanted it to end in '%s'", out,
                want_output);
    }
}

static void test_readline_editing(void)
{
    Chardev *chr = hmp_open();

    /* Backspace (DEL and ^H). */
    assert_edited_runs(chr, "info statux\x7fs\r",
                       "VM status: running\r\n" PROMPT);
    assert_edited_runs(chr, "info statuz\bs\r",
                       "VM status: running\r\n" PROMPT);
    /* Home, then five times right, insert the missing letter. */
    assert_edited_runs(chr, "info tatus\x01\033[C\033[C\033[C\033[C\033[Cs\r",
                       "VM status: running\r\n" PROMPT);
    /* Left arrow, ^E to the end. */
    assert_edited_runs(chr, "info versio\033[D\033[D\x05n\r",
                       QEMU_VERSION "\r\n" PROMPT);
    /* Delete under the cursor, ^K, ^W. */
    assert_edited_runs(chr, "info sstatus\x01\033[C\033[C\033[C\033[C\033[C"
                       "\033[3~\r", "VM status: running\r\n" PROMPT);
    assert_edited_runs(chr, "info status junk\033[D\033[D\033[D\033[D\033[D"
                       "\x0b\r", "VM status: running\r\n" PROMPT);
    assert_edited_runs(chr, "info junk\x17status\r",
                       "VM status: running\r\n" PROMPT);
    /* CR LF is one Enter, not two. */
    assert_edited_runs(chr, "info version\r\n", QEMU_VERSION "\r\n" PROMPT);
    g_assert_false(test_chr_has_output(chr));
    hmp_close(chr);
}

static void test_readline_history(void)
{
    Chardev *chr = hmp_open();

    g_free(hmp_cmd(chr, "info version"));
    g_free(hmp_cmd(chr, "info status"));
    assert_edited_runs(chr, "\033[A\033[A\r", QEMU_VERSION "\r\n" PROMPT);
    /* Running an old line moved it to the end: ^P ^P ^N finds it again. */
    assert_edited_runs(chr, "\x10\x10\x0e\r", QEMU_VERSION "\r\n" PROMPT);
    assert_cmd_contains(chr, "info history",
                        "0: 'info status'\r\n1: 'info version'\r\n");
    /* Down past the newest entry gives an empty line again. */
    assert_edited_runs(chr, "\033[A\033[B\r", "\r\n" PROMPT);
    hmp_close(chr);
}

static void test_readline_completion(void)
{
    Chardev *chr = hmp_open();
    g_autofree char *out = NULL;

    test_chr_send(chr, "inf\t");
    out = test_chr_take(chr);
    g_assert_cmpstr(out, ==, "info ");
    test_chr_send(chr, "vers\t");
    g_clear_pointer(&out, g_free);
    out = test_chr_take(chr);
    g_assert_cmpstr(out, ==, "version ");
    assert_edited_runs(chr, "\r", QEMU_VERSION "\r\n" PROMPT);

    /* Several candidates: the list, then the line again. */
    test_chr_send(chr, "system_\t");
    g_clear_pointer(&out, g_free);
    out = test_chr_take(chr);
    g_assert_nonnull(strstr(out, "system_powerdown"));
    g_assert_nonnull(strstr(out, "system_reset"));
    g_assert_true(g_str_has_suffix(out, "\r\n" PROMPT "system_"));
    test_chr_send(chr, "\x15");
    g_free(test_chr_take(chr));
    hmp_close(chr);
}

static void test_no_readline(void)
{
    Chardev *chr = test_chr_new("hmp0", true);
    g_autofree char *out = NULL;

    fake_runstate_reset();
    monitor_init_hmp(chr, false, &error_abort);
    g_free(test_chr_take(chr));
    test_chr_send(chr, "info version\ninfo st");
    test_chr_send(chr, "atus\r\n");
    out = test_chr_take(chr);
    /* No echo, no prompt: just the answers. */
    g_assert_cmpstr(out, ==, QEMU_VERSION "\r\nVM status: running\r\n");
    hmp_close(chr);
}

static void test_mux_focus(void)
{
    Chardev *chr = hmp_open();
    g_autofree char *out = NULL;

    qemu_chr_be_event(chr, CHR_EVENT_MUX_OUT);
    g_assert_false(test_chr_has_output(chr));
    qemu_chr_be_event(chr, CHR_EVENT_MUX_IN);
    out = test_chr_take(chr);
    g_assert_cmpstr(out, ==, PROMPT);
    hmp_close(chr);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);

    g_test_add_func("/hmp/banner-on-connect", test_banner_on_connect);
    g_test_add_func("/hmp/help", test_help);
    g_test_add_func("/hmp/errors", test_errors);
    g_test_add_func("/hmp/info/each", test_info_each);
    g_test_add_func("/hmp/info/status-paused", test_info_status_paused);
    g_test_add_func("/hmp/run-control", test_run_control);
    g_test_add_func("/hmp/qom-and-devices", test_qom_and_devices);
    g_test_add_func("/hmp/human-monitor-capture",
                    test_human_monitor_capture);
    g_test_add_func("/hmp/memory/xp", test_xp);
    g_test_add_func("/hmp/memory/pmemsave", test_pmemsave);
    g_test_add_func("/hmp/log", test_log);
    g_test_add_func("/hmp/gdbserver", test_gdbserver_reports);
    g_test_add_func("/hmp/readline/echo", test_readline_echo);
    g_test_add_func("/hmp/readline/editing", test_readline_editing);
    g_test_add_func("/hmp/readline/history", test_readline_history);
    g_test_add_func("/hmp/readline/completion", test_readline_completion);
    g_test_add_func("/hmp/no-readline", test_no_readline);
    g_test_add_func("/hmp/mux-focus", test_mux_focus);
    return g_test_run();
}
