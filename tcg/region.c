/*
 * The code buffer.
 *
 * Generated code must never be writable and executable at once.  The
 * buffer is a memfd mapped twice: a read-write view where code is emitted
 * and patched, and a read-exec view the CPU runs.  If that is impossible
 * (no memfd, or a policy forbidding exec mappings of shared memory), a
 * single mapping is flipped between RW and RX around every write.
 */
#include "qemu/osdep.h"
#include "qemu/error-report.h"
#include <sys/mman.h>
#include "tcg-internal.h"

#define DEFAULT_CODE_SIZE (32 * MiB)
/* Room kept free at the top: one op's code, slow paths, search data. */
#define HIGHWATER_MARGIN (64 * KiB)
#define TBS_PER_CHUNK 1024

static bool map_split(TCGContext *s, size_t size)
{
    void *rw, *rx;
    int fd = memfd_create("tcg-jit", MFD_CLOEXEC);

    if (fd < 0) {
        return false;
    }
    if (ftruncate(fd, size) < 0) {
        close(fd);
        return false;
    }
    rw = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (rw == MAP_FAILED) {
        close(fd);
        return false;
    }
    rx = mmap(NULL, size, PROT_READ | PROT_EXEC, MAP_SHARED, fd, 0);
    close(fd);
    if (rx == MAP_FAILED) {
        munmap(rw, size);
        return false;
    }
    s->code_gen_buffer = rw;
    s->code_rx_diff = (uint8_t *)rx - (uint8_t *)rw;
    s->code_split_wx = true;
    return true;
}

static bool map_toggle(TCGContext *s, size_t size)
{
    void *p = mmap(NULL, size, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

    if (p == MAP_FAILED) {
        return false;
    }
    s->code_gen_buffer = p;
    s->code_rx_diff = 0;
    s->code_split_wx = false;
    s->code_writable = true;
    return true;
}

void tcg_code_begin_write(TCGContext *s)
{
    if (!s->code_split_wx && !s->code_writable) {
        if (mprotect(s->code_gen_buffer, s->code_gen_buffer_size,
                     PROT_READ | PROT_WRITE) < 0) {
            error_report("tcg: cannot make the code buffer writable: %s",
                         strerror(errno));
            abort();
        }
        s->code_writable = true;
    }
}

void tcg_code_end_write(TCGContext *s)
{
    if (!s->code_split_wx && s->code_writable) {
        if (mprotect(s->code_gen_buffer, s->code_gen_buffer_size,
                     PROT_READ | PROT_EXEC) < 0) {
            error_report("tcg: cannot make the code buffer executable: %s",
                         strerror(errno));
            abort();
        }
        s->code_writable = false;
    }
}

void tcg_region_init(size_t bytes)
{
    TCGContext *s = tcg_ctx;
    size_t page = getpagesize();

    g_assert(!s->code_gen_buffer);
    if (!bytes) {
        bytes = DEFAULT_CODE_SIZE;
    }
    bytes = QEMU_ALIGN_UP(MAX(bytes, 2 * HIGHWATER_MARGIN), page);
    if ((s->no_split_wx || !map_split(s, bytes)) && !map_toggle(s, bytes)) {
        error_report("tcg: cannot allocate %zu bytes of code buffer: %s",
                     bytes, strerror(errno));
        exit(1);
    }
    s->code_gen_buffer_size = bytes;
    s->code_gen_highwater = s->code_gen_buffer + bytes - HIGHWATER_MARGIN;
    s->tb_chunks = g_ptr_array_new_with_free_func(g_free);

    s->code_buf = s->code_ptr = s->code_gen_buffer;
    tcg_code_begin_write(s);
    s->backend->emit_prologue(s);
    tcg_code_end_write(s);
    s->code_gen_start = (uint8_t *)QEMU_ALIGN_UP((uintptr_t)s->code_ptr, 64);
    s->code_gen_ptr = s->code_gen_start;
}

void tcg_region_reset_all(void)
{
    TCGContext *s = tcg_ctx;

    s->code_gen_ptr = s->code_gen_start;
    s->tb_count = 0;
    s->tb_used = 0;
    s->flush_count++;
}

size_t tcg_code_size(void)
{
    return tcg_ctx->code_gen_ptr - tcg_ctx->code_gen_start;
}

size_t tcg_code_capacity(void)
{
    return tcg_ctx->code_gen_highwater - tcg_ctx->code_gen_start;
}

size_t tcg_tb_count(void)
{
    return tcg_ctx->tb_count;
}

TranslationBlock *tcg_tb_alloc(TCGContext *s)
{
    unsigned chunk = s->tb_used / TBS_PER_CHUNK;
    TranslationBlock *tb;

    if (s->code_gen_ptr > s->code_gen_highwater) {
        return NULL;
    }
    if (chunk >= s->tb_chunks->len) {
        g_ptr_array_add(s->tb_chunks, g_new(TranslationBlock, TBS_PER_CHUNK));
    }
    tb = (TranslationBlock *)g_ptr_array_index(s->tb_chunks, chunk) +
         s->tb_used % TBS_PER_CHUNK;
    s->tb_used++;
    memset(tb, 0, sizeof(*tb));
    return tb;
}

const void *tcg_splitwx_to_rx(void *rw)
{
    return rw ? (const uint8_t *)rw + tcg_ctx->code_rx_diff : NULL;
}

void *tcg_splitwx_to_rw(const void *rx)
{
    return rx ? (uint8_t *)rx - tcg_ctx->code_rx_diff : NULL;
}

void tcg_region_unmap(TCGContext *s)
{
    if (!s->code_gen_buffer) {
        return;
    }
    if (s->code_split_wx) {
        munmap(s->code_gen_buffer + s->code_rx_diff, s->code_gen_buffer_size);
    }
    munmap(s->code_gen_buffer, s->code_gen_buffer_size);
    s->code_gen_buffer = NULL;
    g_ptr_array_free(s->tb_chunks, true);
}
