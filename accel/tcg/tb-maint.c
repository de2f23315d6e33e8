/*
 * The translation-block cache: lookup by (physical PC, PC, flags,
 * cflags), the lists of TBs per RAM page used to invalidate code that is
 * written, direct chaining between TBs, and the full flush.
 *
 * Everything runs on the one thread that also runs the vCPU (design.md
 * section 3), so there are no locks; what matters instead is never
 * freeing or reusing code that may still be executing.  That is why a
 * full flush requested from inside translated code is deferred to the
 * next TB boundary (tb_flush), and why invalidating a TB only unlinks it:
 * its code stays in the buffer until the next full flush.
 *
 * Copyright (c) 2026 qemu-cr16 contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"
#include "qemu/log.h"
#include "exec/ramblock.h"
#include "internal.h"

TBStatistics tb_stats;
unsigned tb_flush_count;
bool tb_flush_pending;

/* TB key -> TB (the key is the TB itself, see tb_key_hash/equal). */
static GHashTable *tb_htable;
/* Every TB generated since the last flush, in code-buffer order. */
static GPtrArray *tb_all;
/* RAM page index -> PageDesc, for pages holding at least one TB. */
static GHashTable *tb_pages;
/* Guest PC offsets of each TB's instructions (see tb_insn_index). */
static GArray *tb_insn_offs;

/*
 * The TBs with code in one RAM page, as a list threaded through the TBs:
 * a link is a TB pointer tagged in bit 0 with which of the TB's two
 * page slots refers to this page.
 */
typedef struct PageDesc {
    uint64_t index;         /* ram_addr >> TARGET_PAGE_BITS; the key */
    uintptr_t first_tb;
} PageDesc;

#define LINK_TB(l)   ((TranslationBlock *)((l) & ~(uintptr_t)1))
#define LINK_SLOT(l) ((int)((l) & 1))

/* ---- keys ------------------------------------------------------------ */

static uint64_t tb_phys_pc(const TranslationBlock *tb)
{
    if (tb->page_addr[0] == TB_PAGE_ADDR_INVALID) {
        return TB_PAGE_ADDR_INVALID;
    }
    return tb->page_addr[0] | (tb->pc & ~TARGET_PAGE_MASK);
}

static uint32_t tb_hash_func(uint64_t phys_pc, vaddr pc, uint32_t flags,
                             uint32_t cflags)
{
    uint64_t h = phys_pc * 0x9e3779b97f4a7c15ull;

    h ^= pc + 0x632be59bd9b4e019ull + (h << 6) + (h >> 2);
    h ^= ((uint64_t)flags << 32 | (cflags & CF_HASH_MASK)) +
         0x94d049bb133111ebull + (h << 6) + (h >> 2);
    return (uint32_t)(h ^ (h >> 32));
}

static guint tb_key_hash(gconstpointer p)
{
    return ((const TranslationBlock *)p)->hash;
}

static gboolean tb_key_equal(gconstpointer a, gconstpointer b)
{
    const TranslationBlock *x = a, *y = b;

    return x->pc == y->pc && x->flags == y->flags &&
           (x->cflags & CF_HASH_MASK) == (y->cflags & CF_HASH_MASK) &&
           tb_phys_pc(x) == tb_phys_pc(y);
}

/* ---- setup ----------------------------------------------------------- */

void tb_cache_init(void)
{
    if (tb_htable) {
        return;
    }
    tb_htable = g_hash_table_new(tb_key_hash, tb_key_equal);
    tb_all = g_ptr_array_new();
    tb_pages = g_hash_table_new_full(g_int64_hash, g_int64_equal, NULL,
                                     g_free);
    tb_insn_offs = g_array_new(false, false, sizeof(uint16_t));
}

void tb_cache_destroy(void)
{
    if (!tb_htable) {
        return;
    }
    g_hash_table_destroy(tb_htable);
    tb_htable = NULL;
    g_ptr_array_free(tb_all, true);
    tb_all = NULL;
    g_hash_table_destroy(tb_pages);
    tb_pages = NULL;
    g_array_free(tb_insn_offs, true);
    tb_insn_offs = NULL;
}

void tb_get_statistics(TBStatistics *st)
{
    *st = tb_stats;
    st->live_tbs = tb_htable ? g_hash_table_size(tb_htable) : 0;
    st->code_bytes = tcg_ctx ? tcg_code_size() : 0;
    st->code_buffer_size = tcg_ctx ? tcg_code_capacity() : 0;
}

void tb_reset_statistics(void)
{
    memset(&tb_stats, 0, sizeof(tb_stats));
}

/* ---- instruction offsets -------------------------------------------- */

void tb_insn_offsets_begin(TranslationBlock *tb)
{
    tb->accel_priv = (void *)(uintptr_t)tb_insn_offs->len;
}

void tb_insn_offsets_add(TranslationBlock *tb, vaddr pc)
{
    uint16_t off = pc - tb->pc;

    g_array_append_val(tb_insn_offs, off);
}

int tb_insn_index(const TranslationBlock *tb, vaddr pc)
{
    uintptr_t start = (uintptr_t)tb->accel_priv;
    uint16_t off = pc - tb->pc;

    for (int i = 0; i < tb->icount; i++) {
        if (start + i < tb_insn_offs->len &&
            g_array_index(tb_insn_offs, uint16_t, start + i) == off) {
            return i;
        }
    }
    return -1;
}

/* ---- lookup ----------------------------------------------------------- */

TranslationBlock *tb_htable_lookup(tb_page_addr_t phys_pc, vaddr pc,
                                   uint32_t flags, uint32_t cflags)
{
    TranslationBlock key;

    memset(&key, 0, sizeof(key));
    key.pc = pc;
    key.flags = flags;
    key.cflags = cflags;
    key.page_addr[0] = phys_pc & TARGET_PAGE_MASK;
    key.hash = tb_hash_func(phys_pc, pc, flags, cflags);
    return g_hash_table_lookup(tb_htable, &key);
}

TranslationBlock *tcg_tb_lookup(uintptr_t host_pc)
{
    guint lo = 0, hi;

    if (!tb_all || host_pc == 0) {
        return NULL;
    }
    /*
     * @host_pc is a return address: it may point just past the last
     * instruction of the TB (a call that does not return), never at its
     * first byte.  So look for tc.ptr < host_pc <= tc.ptr + tc.size.
     */
    hi = tb_all->len;
    while (lo < hi) {
        guint mid = lo + (hi - lo) / 2;
        TranslationBlock *tb = g_ptr_array_index(tb_all, mid);

        if ((uintptr_t)tb->tc.ptr < host_pc) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    if (lo == 0) {
        return NULL;
    }
    TranslationBlock *tb = g_ptr_array_index(tb_all, lo - 1);
    if (host_pc <= (uintptr_t)tb->tc.ptr + tb->tc.size) {
        return tb;
    }
    return NULL;
}

/* ---- pages ------------------------------------------------------------ */

static PageDesc *page_find(uint64_t index)
{
    return g_hash_table_lookup(tb_pages, &index);
}

bool tb_page_has_code(ram_addr_t ram_addr)
{
    return tb_pages && page_find(ram_addr >> TARGET_PAGE_BITS) != NULL;
}

static void page_add_tb(TranslationBlock *tb, int slot)
{
    uint64_t index = tb->page_addr[slot] >> TARGET_PAGE_BITS;
    PageDesc *pd = page_find(index);

    if (!pd) {
        pd = g_new0(PageDesc, 1);
        pd->index = index;
        g_hash_table_insert(tb_pages, &pd->index, pd);
        /*
         * First code in this page: from now on writes to it must come to
         * us, from the CPU (TLB) and from everybody else (memory API).
         */
        cpu_physical_memory_set_code(tb->page_addr[slot]);
        tlb_protect_code(tb->page_addr[slot]);
    }
    tb->page_next[slot] = pd->first_tb;
    pd->first_tb = (uintptr_t)tb | slot;
}

static void page_remove_tb(TranslationBlock *tb, int slot)
{
    uint64_t index = tb->page_addr[slot] >> TARGET_PAGE_BITS;
    PageDesc *pd = page_find(index);
    uintptr_t *link;

    g_assert(pd);
    for (link = &pd->first_tb; *link; ) {
        TranslationBlock *t = LINK_TB(*link);
        int n = LINK_SLOT(*link);

        if (t == tb && n == slot) {
            *link = tb->page_next[slot];
            break;
        }
        link = &t->page_next[n];
    }
    tb->page_next[slot] = 0;
    if (!pd->first_tb) {
        /* No code left: plain RAM again for the memory API. */
        cpu_physical_memory_clear_code(index << TARGET_PAGE_BITS,
                                       TARGET_PAGE_SIZE);
        g_hash_table_remove(tb_pages, &index);
    }
}

/* ---- chaining ---------------------------------------------------------- */

static void tb_reset_jump(TranslationBlock *tb, int n)
{
    uintptr_t addr = (uintptr_t)tb->tc.ptr + tb->jmp_reset_offset[n];

    tb_set_jmp_target(tb, n, addr);
}

void tb_add_jump(TranslationBlock *tb, int n, TranslationBlock *tb_next)
{
    g_assert(n == 0 || n == 1);
    if (tb->jmp_reset_offset[n] == TB_JMP_OFFSET_INVALID ||
        tb->jmp_dest[n] != 0 ||
        ((tb->cflags | tb_next->cflags) & CF_INVALID) ||
        tb->page_addr[0] == TB_PAGE_ADDR_INVALID ||
        tb_next->page_addr[0] == TB_PAGE_ADDR_INVALID) {
        return;
    }
    tb->jmp_dest[n] = (uintptr_t)tb_next;
    tb->jmp_list_next[n] = tb_next->jmp_list_head;
    tb_next->jmp_list_head = (uintptr_t)tb | n;
    tb_set_jmp_target(tb, n, (uintptr_t)tb_next->tc.ptr);
    tb_stats.chains++;
    qemu_log_mask(CPU_LOG_EXEC, "Linking TBs %p index %d -> %p\n",
                  tb->tc.ptr, n, tb_next->tc.ptr);
}

/* Remove the outgoing jump @n of @tb from its destination's list. */
static void tb_unchain_outgoing(TranslationBlock *tb, int n)
{
    TranslationBlock *dest = (TranslationBlock *)tb->jmp_dest[n];
    uintptr_t *link;

    if (!dest) {
        return;
    }
    for (link = &dest->jmp_list_head; *link; ) {
        TranslationBlock *src = LINK_TB(*link);
        int m = LINK_SLOT(*link);

        if (src == tb && m == n) {
            *link = tb->jmp_list_next[n];
            break;
        }
        link = &src->jmp_list_next[m];
    }
    tb->jmp_dest[n] = 0;
    tb->jmp_list_next[n] = 0;
    /*
     * The TB may be the one running (an SMC store inside it): make its
     * end return to the loop instead of continuing into old code.
     */
    tb_reset_jump(tb, n);
}

/* Point every jump into @tb back at its source's exit path. */
static void tb_unchain_incoming(TranslationBlock *tb)
{
    uintptr_t l = tb->jmp_list_head;

    while (l) {
        TranslationBlock *src = LINK_TB(l);
        int n = LINK_SLOT(l);

        l = src->jmp_list_next[n];
        tb_reset_jump(src, n);
        src->jmp_dest[n] = 0;
        src->jmp_list_next[n] = 0;
    }
    tb->jmp_list_head = 0;
}

/* ---- linking a new TB ---------------------------------------------------- */

void tb_link(TranslationBlock *tb)
{
    if (tb_all->len) {
        TranslationBlock *last = g_ptr_array_index(tb_all, tb_all->len - 1);

        /* The host-address index relies on allocation order. */
        g_assert((uintptr_t)last->tc.ptr < (uintptr_t)tb->tc.ptr);
    }
    g_ptr_array_add(tb_all, tb);
    if (tb->page_addr[0] == TB_PAGE_ADDR_INVALID) {
        return;
    }
    tb->hash = tb_hash_func(tb_phys_pc(tb), tb->pc, tb->flags, tb->cflags);
    g_hash_table_add(tb_htable, tb);
    page_add_tb(tb, 0);
    if (tb->page_addr[1] != TB_PAGE_ADDR_INVALID) {
        page_add_tb(tb, 1);
    }
}

/* ---- invalidation ---------------------------------------------------- */

void tb_phys_invalidate(TranslationBlock *tb)
{
    CPUState *cpu;
    unsigned h;

    if (tb->cflags & CF_INVALID) {
        return;
    }
    tb->cflags |= CF_INVALID;
    if (tb->page_addr[0] != TB_PAGE_ADDR_INVALID) {
        g_hash_table_remove(tb_htable, tb);
        page_remove_tb(tb, 0);
        if (tb->page_addr[1] != TB_PAGE_ADDR_INVALID) {
            page_remove_tb(tb, 1);
        }
    }
    h = tb_jmp_cache_hash_func(tb->pc);
    CPU_FOREACH(cpu) {
        if (cpu->tb_jmp_cache && cpu->tb_jmp_cache->array[h].tb == tb) {
            cpu->tb_jmp_cache->array[h].tb = NULL;
        }
    }
    tb_unchain_outgoing(tb, 0);
    tb_unchain_outgoing(tb, 1);
    tb_unchain_incoming(tb);
    tb_stats.invalidations++;
}

/* Does the code of @tb in page slot @slot overlap [start, last]? */
static bool tb_overlaps(const TranslationBlock *tb, int slot,
                        ram_addr_t start, ram_addr_t last)
{
    vaddr off = tb->pc & ~TARGET_PAGE_MASK;
    vaddr size = MAX(tb->size, 1);
    ram_addr_t first_byte, last_byte;

    if (slot == 0) {
        first_byte = tb->page_addr[0] + off;
        last_byte = tb->page_addr[0] + MIN(off + size, TARGET_PAGE_SIZE) - 1;
    } else {
        first_byte = tb->page_addr[1];
        last_byte = tb->page_addr[1] + (off + size - TARGET_PAGE_SIZE) - 1;
    }
    return first_byte <= last && start <= last_byte;
}

/*
 * Invalidate the TBs overlapping [start, last]; returns true if
 * @current (may be NULL) was one of them.
 */
static bool tb_invalidate_range(ram_addr_t start, ram_addr_t last,
                                TranslationBlock *current)
{
    bool hit_current = false;
    GPtrArray *victims;

    if (!tb_pages || !g_hash_table_size(tb_pages)) {
        return false;
    }
    /* Collect first: invalidating edits the lists being walked. */
    victims = g_ptr_array_new();
    for (uint64_t index = start >> TARGET_PAGE_BITS;
         index <= (last >> TARGET_PAGE_BITS); index++) {
        PageDesc *pd = page_find(index);

        for (uintptr_t l = pd ? pd->first_tb : 0; l; ) {
            TranslationBlock *tb = LINK_TB(l);
            int n = LINK_SLOT(l);

            if (tb_overlaps(tb, n, start, last)) {
                g_ptr_array_add(victims, tb);
            }
            l = tb->page_next[n];
        }
    }
    for (guint i = 0; i < victims->len; i++) {
        TranslationBlock *tb = g_ptr_array_index(victims, i);

        hit_current |= (tb == current);
        tb_phys_invalidate(tb);
    }
    g_ptr_array_free(victims, true);
    return hit_current;
}

void tb_invalidate_phys_range(tb_page_addr_t start, tb_page_addr_t last)
{
    tb_invalidate_range(start, last, NULL);
}

void tb_invalidate_phys_range_fast(CPUState *cpu, ram_addr_t ram_addr,
                                   unsigned len, uintptr_t retaddr)
{
    TranslationBlock *current = retaddr ? tcg_tb_lookup(retaddr) : NULL;

    if (!tb_invalidate_range(ram_addr, ram_addr + len - 1, current)) {
        return;
    }
    /*
     * The store is about to change code of the TB that contains it.
     * Whatever follows the store in this TB may be stale, so go back to
     * the store and execute it as a TB of its own; the code after it is
     * then translated afresh.  A one-instruction TB can simply finish.
     */
    if ((current->cflags & CF_COUNT_MASK) != 1) {
        cpu_restore_state_from_tb(cpu, current, retaddr);
        cpu->cflags_next_tb = (curr_cflags(cpu) & ~CF_COUNT_MASK) |
                              CF_NOIRQ | 1;
        qemu_log_mask(CPU_LOG_EXEC, "SMC: restarting TB %p at the store\n",
                      current->tc.ptr);
        cpu_loop_exit_noexc(cpu);
    }
}

/* Invalidate the TBs whose guest-virtual code covers @addr. */
void tb_invalidate_virt_addr(CPUState *cpu, vaddr addr)
{
    GPtrArray *victims;

    if (!tb_all) {
        return;
    }
    victims = g_ptr_array_new();
    for (guint i = 0; i < tb_all->len; i++) {
        TranslationBlock *tb = g_ptr_array_index(tb_all, i);

        if (!(tb->cflags & CF_INVALID) && addr >= tb->pc &&
            addr < tb->pc + MAX(tb->size, 1)) {
            g_ptr_array_add(victims, tb);
        }
    }
    for (guint i = 0; i < victims->len; i++) {
        tb_phys_invalidate(g_ptr_array_index(victims, i));
    }
    g_ptr_array_free(victims, true);
    /* The jump cache may still point at TBs for this PC: drop it too. */
    tb_jmp_cache_clear(cpu);
}

/* ---- flush ------------------------------------------------------------- */

static void page_clear_code_cb(gpointer key, gpointer value, gpointer opaque)
{
    PageDesc *pd = value;

    cpu_physical_memory_clear_code(pd->index << TARGET_PAGE_BITS,
                                   TARGET_PAGE_SIZE);
}

void tb_flush_now(void)
{
    gint64 t0 = g_get_monotonic_time();
    CPUState *cpu;

    if (!tb_htable) {
        return;
    }
    CPU_FOREACH(cpu) {
        tb_jmp_cache_clear(cpu);
    }
    g_hash_table_remove_all(tb_htable);
    g_hash_table_foreach(tb_pages, page_clear_code_cb, NULL);
    g_hash_table_remove_all(tb_pages);
    g_ptr_array_set_size(tb_all, 0);
    g_array_set_size(tb_insn_offs, 0);
    if (tcg_ctx) {
        tcg_region_reset_all();
    }
    /* TLB entries still carry the "code here" flag: start clean. */
    tlb_flush_all_cpus();
    tb_flush_count++;
    tb_flush_pending = false;
    tb_stats.flushes++;
    tb_stats.last_flush_ms = (g_get_monotonic_time() - t0) / 1000.0;
}

void tb_flush(CPUState *cpu)
{
    if (current_cpu && current_cpu->running) {
        /* Code may be running right now: flush at the next boundary. */
        tb_flush_pending = true;
        cpu_exit(current_cpu);
        return;
    }
    tb_flush_now();
}
