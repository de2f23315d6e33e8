/*
 * Helpers for qtests of the CR16 boards; see cr16-board.h.
 */
#include "qemu/osdep.h"
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include "cr16-board.h"
#include "hw/cr16/virt-slots.h"

QTestState *cr16_virt_init(const char *extra_args)
{
    if (!qtest_has_machine("virt")) {
        g_test_skip("this binary has no 'virt' machine yet");
        return NULL;
    }
    return qtest_initf("-machine virt %s", extra_args ? extra_args : "");
}

QTestState *cr16_virt_initf(const char *fmt, ...)
{
    g_autofree char *args = NULL;
    va_list ap;

    va_start(ap, fmt);
    args = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    return cr16_virt_init(args);
}

char *cr16_mtree(QTestState *qts)
{
    return qtest_hmp(qts, "info mtree");
}

/*
 * A line of "info mtree" looks like
 *   "    0000000000ff0000-0000000000ff003f (prio 0, i/o): cr16-timer"
 * (the name may be followed by " [disabled]").  Addresses are absolute.
 */
bool cr16_find_region(QTestState *qts, const char *name, uint64_t *base,
                      uint64_t *size)
{
    g_autofree char *mtree = cr16_mtree(qts);
    g_auto(GStrv) lines = g_strsplit(mtree, "\n", -1);
    bool in_memory = false;

    for (int i = 0; lines[i]; i++) {
        char *l = g_strstrip(lines[i]);
        unsigned long long start, last;
        const char *colon;

        if (g_str_has_prefix(l, "address-space:")) {
            in_memory = !strcmp(l, "address-space: memory");
            continue;
        }
        if (!in_memory || sscanf(l, "%llx-%llx", &start, &last) != 2) {
            continue;
        }
        colon = strstr(l, "): ");
        if (!colon || strcmp(colon + 3, name)) {
            continue;
        }
        if (base) {
            *base = start;
        }
        if (size) {
            *size = last - start + 1;
        }
        return true;
    }
    return false;
}

bool cr16_find_ram(QTestState *qts, uint64_t *base, uint64_t *size)
{
    g_autofree char *mtree = cr16_mtree(qts);
    g_auto(GStrv) lines = g_strsplit(mtree, "\n", -1);
    bool in_memory = false;

    for (int i = 0; lines[i]; i++) {
        char *l = g_strstrip(lines[i]);
        unsigned long long start, last;

        if (g_str_has_prefix(l, "address-space:")) {
            in_memory = !strcmp(l, "address-space: memory");
            continue;
        }
        if (in_memory && strstr(l, ", ram): ") &&
            sscanf(l, "%llx-%llx", &start, &last) == 2) {
            *base = start;
            *size = last - start + 1;
            return true;
        }
    }
    return false;
}

uint64_t cr16_region_base(QTestState *qts, const char *name)
{
    uint64_t base;

    if (!cr16_find_region(qts, name, &base, NULL)) {
        g_test_message("no region '%s' in the system address space", name);
        g_assert_not_reached();
    }
    return base;
}

char *cr16_find_object(QTestState *qts, const char *root, const char *type)
{
    json_t *list = qtest_qmp_assert_success_ref(qts,
        "{'execute': 'qom-list', 'arguments': {'path': %s}}", root);
    g_autofree char *want = g_strdup_printf("child<%s>", type);
    json_t *prop;
    char *found = NULL;
    size_t i;

    /* This level first, so a board's own device wins over a nested one. */
    json_array_foreach(list, i, prop) {
        const char *ptype = json_string_value(json_object_get(prop, "type"));
        const char *name = json_string_value(json_object_get(prop, "name"));

        if (!strcmp(ptype, want)) {
            found = g_strdup_printf("%s/%s", root, name);
            break;
        }
    }
    json_array_foreach(list, i, prop) {
        const char *ptype = json_string_value(json_object_get(prop, "type"));
        const char *name = json_string_value(json_object_get(prop, "name"));
        g_autofree char *child = NULL;

        if (found) {
            break;
        }
        if (!g_str_has_prefix(ptype, "child<") ||
            !strcmp(ptype, "child<irq>")) {
            continue;
        }
        child = g_strdup_printf("%s/%s", root, name);
        found = cr16_find_object(qts, child, type);
    }
    json_decref(list);
    return found;
}

/* Inputs that a device passes straight on to the output of the same
 * number: input name prefix -> output name prefix. */
static const char *const irq_forwarders[][2] = {
    { "slot-dev-irq", "slot-irq" },
};

int cr16_irq_input_of(QTestState *qts, const char *dev_path,
                      const char *out, const char *intc_type)
{
    g_autofree char *target = NULL;
    g_autofree char *parent = NULL;
    g_autofree char *next_prop = NULL;
    const char *leaf;
    json_t *ret;
    int idx;

    for (int depth = 0; depth < 4; depth++) {
        char name[64];

        ret = qtest_qmp_assert_success_ref(qts,
            "{'execute': 'qom-get',"
            " 'arguments': {'path': %s, 'property': %s}}",
            depth ? parent : dev_path, depth ? next_prop : out);
        g_free(target);
        target = g_strdup(json_string_value(ret));
        json_decref(ret);
        if (!target || !*target || !(leaf = strrchr(target, '/'))) {
            return -1;
        }
        g_free(parent);
        parent = g_strndup(target, leaf - target);
        leaf++;
        if (sscanf(leaf, "%63[^[][%d]", name, &idx) != 2) {
            return -1;
        }
        ret = qtest_qmp_assert_success_ref(qts,
            "{'execute': 'qom-get',"
            " 'arguments': {'path': %s, 'property': 'type'}}", parent);
        if (!strcmp(json_string_value(ret), intc_type)) {
            json_decref(ret);
            return strcmp(name, "unnamed-gpio-in") ? -1 : idx;
        }
        json_decref(ret);
        /* Through a forwarding device: continue from its output. */
        g_free(next_prop);
        next_prop = NULL;
        for (size_t i = 0; i < G_N_ELEMENTS(irq_forwarders); i++) {
            if (!strcmp(name, irq_forwarders[i][0])) {
                next_prop = g_strdup_printf("%s[%d]", irq_forwarders[i][1],
                                            idx);
            }
        }
        if (!next_prop) {
            return -1;
        }
    }
    return -1;
}

/* ---- a socket peer for chardevs ----------------------------------------- */

CR16SocketPeer *cr16_peer_new(void)
{
    CR16SocketPeer *p = g_new0(CR16SocketPeer, 1);
    struct sockaddr_un addr = { .sun_family = AF_UNIX };

    p->dir = g_dir_make_tmp("qtest-peer-XXXXXX", NULL);
    g_assert_nonnull(p->dir);
    p->path = g_build_filename(p->dir, "sock", NULL);
    g_assert_cmpuint(strlen(p->path), <, sizeof(addr.sun_path));
    strcpy(addr.sun_path, p->path);
    p->fd = -1;
    p->listen_fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    g_assert_cmpint(p->listen_fd, >=, 0);
    g_assert_cmpint(bind(p->listen_fd, (struct sockaddr *)&addr,
                         sizeof(addr)), ==, 0);
    g_assert_cmpint(listen(p->listen_fd, 1), ==, 0);
    return p;
}

char *cr16_peer_chardev_args(CR16SocketPeer *p, const char *id)
{
    return g_strdup_printf("-chardev socket,id=%s,path=%s", id, p->path);
}

void cr16_peer_accept(CR16SocketPeer *p)
{
    struct pollfd pfd = { .fd = p->listen_fd, .events = POLLIN };

    /* The emulator connected while starting: it is in the backlog. */
    g_assert_cmpint(poll(&pfd, 1, qtest_timeout_seconds() * 1000), ==, 1);
    p->fd = accept4(p->listen_fd, NULL, NULL, SOCK_CLOEXEC);
    g_assert_cmpint(p->fd, >=, 0);
}

void cr16_peer_send(CR16SocketPeer *p, const void *buf, size_t len)
{
    const char *b = buf;

    while (len) {
        ssize_t n = send(p->fd, b, len, MSG_NOSIGNAL);

        if (n < 0 && errno == EINTR) {
            continue;
        }
        g_assert_cmpint(n, >, 0);
        b += n;
        len -= n;
    }
}

size_t cr16_peer_recv(CR16SocketPeer *p, void *buf, size_t len,
                      int timeout_ms)
{
    int64_t deadline = g_get_monotonic_time() + timeout_ms * 1000LL;
    size_t got = 0;

    while (got < len) {
        struct pollfd pfd = { .fd = p->fd, .events = POLLIN };
        int64_t left = (deadline - g_get_monotonic_time()) / 1000;
        ssize_t n;

        if (left <= 0 || poll(&pfd, 1, left) <= 0) {
            break;
        }
        n = read(p->fd, (char *)buf + got, len - got);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            break;
        }
        got += n;
    }
    return got;
}

void cr16_peer_free(CR16SocketPeer *p)
{
    if (p->fd >= 0) {
        close(p->fd);
    }
    close(p->listen_fd);
    unlink(p->path);
    rmdir(p->dir);
    g_free(p->path);
    g_free(p->dir);
    g_free(p);
}

/* ---- the expansion slots ------------------------------------------------ */

bool cr16_slots_find(QTestState *qts, CR16Slots *slots)
{
    memset(slots, 0, sizeof(*slots));
    if (!cr16_find_region(qts, "cr16-slot-controller", &slots->regs, NULL)) {
        return false;
    }
    slots->ctrl_path = cr16_find_object(qts, "/machine", TYPE_CR16_SLOT_CTRL);
    g_assert_nonnull(slots->ctrl_path);
    slots->nslots = qtest_readw(qts, slots->regs + SLOTCTRL_NSLOTS);
    slots->win_size = qtest_readw(qts, slots->regs + SLOTCTRL_WINSIZE);
    slots->win_base = qtest_readw(qts, slots->regs + SLOTCTRL_WINBASE_LO) |
        (uint64_t)qtest_readw(qts, slots->regs + SLOTCTRL_WINBASE_HI) << 16;
    return true;
}

void cr16_slots_clear(CR16Slots *slots)
{
    g_free(slots->ctrl_path);
    slots->ctrl_path = NULL;
}
