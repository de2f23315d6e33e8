/*
 * Line editor for HMP: see include/monitor/readline.h.
 *
 * The editor keeps two copies of the line: what is being edited
 * (cmd_buf) and what the terminal shows (shown_buf).  After every key,
 * readline_update() sends the fewest escape sequences that make the
 * terminal match, so ordinary typing is plain echo and a client that is
 * not a terminal (a test, a script over a socket) sees clean text.
 */
#include "qemu/osdep.h"
#include "monitor/readline.h"

enum {
    RL_NORM,
    RL_ESC,         /* after ESC */
    RL_CSI,         /* after ESC [ */
    RL_SS3,         /* after ESC O */
};

struct ReadLineState {
    char cmd_buf[READLINE_CMD_BUF_SIZE + 1];
    int cmd_buf_index;      /* cursor */
    int cmd_buf_size;
    char shown_buf[READLINE_CMD_BUF_SIZE + 1];
    int shown_index;
    int shown_size;

    int esc_state;
    int esc_param;
    bool last_was_cr;

    char *history[READLINE_MAX_CMDS];
    int nb_history;
    int hist_entry;         /* entry being shown, -1: a new line */

    ReadLineCompletionFunc *completion_finder;
    char *completions[READLINE_MAX_COMPLETIONS];
    int nb_completions;
    int completion_index;

    ReadLineFunc *readline_func;
    void *readline_opaque;
    int read_password;
    char *prompt;

    ReadLinePrintfFunc *printf_func;
    ReadLineFlushFunc *flush_func;
    void *opaque;
};

/* ---- display ----------------------------------------------------------- */

static void rl_move(ReadLineState *rs, int from, int to)
{
    if (to < from) {
        rs->printf_func(rs->opaque, "\033[%dD", from - to);
    } else if (to > from) {
        rs->printf_func(rs->opaque, "\033[%dC", to - from);
    }
}

static void rl_print_text(ReadLineState *rs, const char *s, int len)
{
    if (rs->read_password) {
        for (int i = 0; i < len; i++) {
            rs->printf_func(rs->opaque, "*");
        }
    } else {
        rs->printf_func(rs->opaque, "%.*s", len, s);
    }
}

static void readline_update(ReadLineState *rs)
{
    int common = 0;

    while (common < rs->shown_size && common < rs->cmd_buf_size &&
           rs->shown_buf[common] == rs->cmd_buf[common]) {
        common++;
    }
    if (common < rs->shown_size || common < rs->cmd_buf_size) {
        /* Redraw from the first difference to the end of the line. */
        rl_move(rs, rs->shown_index, common);
        rl_print_text(rs, rs->cmd_buf + common, rs->cmd_buf_size - common);
        if (rs->shown_size > rs->cmd_buf_size) {
            rs->printf_func(rs->opaque, "\033[K");
        }
        rs->shown_index = rs->cmd_buf_size;
    }
    rl_move(rs, rs->shown_index, rs->cmd_buf_index);
    memcpy(rs->shown_buf, rs->cmd_buf, rs->cmd_buf_size);
    rs->shown_size = rs->cmd_buf_size;
    rs->shown_index = rs->cmd_buf_index;
    rs->flush_func(rs->opaque);
}

void readline_show_prompt(ReadLineState *rs)
{
    rs->printf_func(rs->opaque, "%s", rs->prompt ? rs->prompt : "");
    rs->shown_index = 0;
    rs->shown_size = 0;
    rs->esc_state = RL_NORM;
    readline_update(rs);
}

/* ---- editing ----------------------------------------------------------- */

static void rl_set_line(ReadLineState *rs, const char *s)
{
    int len = MIN(strlen(s), READLINE_CMD_BUF_SIZE);

    memcpy(rs->cmd_buf, s, len);
    rs->cmd_buf_size = len;
    rs->cmd_buf_index = len;
}

static void rl_insert_char(ReadLineState *rs, int ch)
{
    if (rs->cmd_buf_size >= READLINE_CMD_BUF_SIZE) {
        return;
    }
    memmove(rs->cmd_buf + rs->cmd_buf_index + 1,
            rs->cmd_buf + rs->cmd_buf_index,
            rs->cmd_buf_size - rs->cmd_buf_index);
    rs->cmd_buf[rs->cmd_buf_index++] = ch;
    rs->cmd_buf_size++;
}

/* Remove @n characters starting at @pos. */
static void rl_delete(ReadLineState *rs, int pos, int n)
{
    memmove(rs->cmd_buf + pos, rs->cmd_buf + pos + n,
            rs->cmd_buf_size - pos - n);
    rs->cmd_buf_size -= n;
    if (rs->cmd_buf_index > pos + n) {
        rs->cmd_buf_index -= n;
    } else if (rs->cmd_buf_index > pos) {
        rs->cmd_buf_index = pos;
    }
}

static void rl_backspace(ReadLineState *rs)
{
    if (rs->cmd_buf_index > 0) {
        rl_delete(rs, rs->cmd_buf_index - 1, 1);
    }
}

static void rl_delete_char(ReadLineState *rs)
{
    if (rs->cmd_buf_index < rs->cmd_buf_size) {
        rl_delete(rs, rs->cmd_buf_index, 1);
    }
}

static void rl_kill_word(ReadLineState *rs)
{
    int start = rs->cmd_buf_index;

    while (start > 0 && rs->cmd_buf[start - 1] == ' ') {
        start--;
    }
    while (start > 0 && rs->cmd_buf[start - 1] != ' ') {
        start--;
    }
    rl_delete(rs, start, rs->cmd_buf_index - start);
}

/* ---- history ----------------------------------------------------------- */

static void rl_hist_add(ReadLineState *rs, const char *line)
{
    if (!line[0]) {
        return;
    }
    /* A repeated command moves to the end instead of being stored twice. */
    for (int i = 0; i < rs->nb_history; i++) {
        if (!strcmp(rs->history[i], line)) {
            char *s = rs->history[i];

            memmove(&rs->history[i], &rs->history[i + 1],
                    (rs->nb_history - i - 1) * sizeof(char *));
            rs->history[rs->nb_history - 1] = s;
            return;
        }
    }
    if (rs->nb_history == READLINE_MAX_CMDS) {
        g_free(rs->history[0]);
        memmove(&rs->history[0], &rs->history[1],
                (READLINE_MAX_CMDS - 1) * sizeof(char *));
        rs->nb_history--;
    }
    rs->history[rs->nb_history++] = g_strdup(line);
}

static void rl_hist_up(ReadLineState *rs)
{
    if (rs->hist_entry == 0 || rs->nb_history == 0) {
        return;
    }
    rs->hist_entry = rs->hist_entry < 0 ? rs->nb_history - 1
                                        : rs->hist_entry - 1;
    rl_set_line(rs, rs->history[rs->hist_entry]);
}

static void rl_hist_down(ReadLineState *rs)
{
    if (rs->hist_entry < 0) {
        return;
    }
    if (rs->hist_entry < rs->nb_history - 1) {
        rs->hist_entry++;
        rl_set_line(rs, rs->history[rs->hist_entry]);
    } else {
        rs->hist_entry = -1;
        rl_set_line(rs, "");
    }
}

const char *readline_get_history(ReadLineState *rs, unsigned int index)
{
    return index < (unsigned)rs->nb_history ? rs->history[index] : NULL;
}

/* ---- completion -------------------------------------------------------- */

void readline_add_completion(ReadLineState *rs, const char *str)
{
    if (rs->nb_completions >= READLINE_MAX_COMPLETIONS) {
        return;
    }
    for (int i = 0; i < rs->nb_completions; i++) {
        if (!strcmp(rs->completions[i], str)) {
            return;
        }
    }
    rs->completions[rs->nb_completions++] = g_strdup(str);
}

void readline_add_completion_of(ReadLineState *rs, const char *prefix,
                                const char *str)
{
    if (g_str_has_prefix(str, prefix)) {
        readline_add_completion(rs, str);
    }
}

void readline_set_completion_index(ReadLineState *rs, int completion_index)
{
    rs->completion_index = completion_index;
}

static int rl_compare(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void rl_completion(ReadLineState *rs)
{
    g_autofree char *before = NULL;
    int common, max_width = 0, per_line;

    if (!rs->completion_finder) {
        return;
    }
    before = g_strndup(rs->cmd_buf, rs->cmd_buf_index);
    rs->nb_completions = 0;
    rs->completion_index = 0;
    rs->completion_finder(rs->opaque, before);
    if (rs->nb_completions == 0) {
        return;
    }
    qsort(rs->completions, rs->nb_completions, sizeof(char *), rl_compare);

    /* Insert what every candidate agrees on past the typed part. */
    common = strlen(rs->completions[0]);
    for (int i = 1; i < rs->nb_completions; i++) {
        int j = 0;

        while (j < common && rs->completions[i][j] == rs->completions[0][j]) {
            j++;
        }
        common = j;
    }
    for (int i = rs->completion_index; i < common; i++) {
        rl_insert_char(rs, rs->completions[0][i]);
    }
    if (rs->nb_completions == 1) {
        if (common > 0 && rs->completions[0][common - 1] != '/') {
            rl_insert_char(rs, ' ');
        }
    } else {
        /* Several candidates: list them in columns, then redraw. */
        for (int i = 0; i < rs->nb_completions; i++) {
            max_width = MAX(max_width, (int)strlen(rs->completions[i]));
        }
        max_width += 2;
        per_line = MAX(1, 80 / max_width);
        rs->printf_func(rs->opaque, "\n");
        for (int i = 0; i < rs->nb_completions; i++) {
            bool last = (i + 1) % per_line == 0 ||
                        i == rs->nb_completions - 1;

            if (last) {
                rs->printf_func(rs->opaque, "%s\n", rs->completions[i]);
            } else {
                rs->printf_func(rs->opaque, "%-*s", max_width,
                                rs->completions[i]);
            }
        }
        readline_show_prompt(rs);
    }
    for (int i = 0; i < rs->nb_completions; i++) {
        g_free(rs->completions[i]);
        rs->completions[i] = NULL;
    }
    rs->nb_completions = 0;
}

/* ---- input ------------------------------------------------------------- */

static void rl_enter(ReadLineState *rs)
{
    g_autofree char *line = g_strndup(rs->cmd_buf, rs->cmd_buf_size);

    if (!rs->read_password) {
        rl_hist_add(rs, line);
    }
    rs->printf_func(rs->opaque, "\n");
    rs->cmd_buf_index = rs->cmd_buf_size = 0;
    rs->shown_index = rs->shown_size = 0;
    rs->hist_entry = -1;
    if (rs->readline_func) {
        /* The callback may start a new line: hand it a private copy. */
        rs->readline_func(rs->opaque, line, rs->readline_opaque);
    }
}

static void rl_handle_csi(ReadLineState *rs, int ch)
{
    switch (ch) {
    case 'A':
        rl_hist_up(rs);
        break;
    case 'B':
        rl_hist_down(rs);
        break;
    case 'C':
        if (rs->cmd_buf_index < rs->cmd_buf_size) {
            rs->cmd_buf_index++;
        }
        break;
    case 'D':
        if (rs->cmd_buf_index > 0) {
            rs->cmd_buf_index--;
        }
        break;
    case 'F':
        rs->cmd_buf_index = rs->cmd_buf_size;
        break;
    case 'H':
        rs->cmd_buf_index = 0;
        break;
    case '~':
        switch (rs->esc_param) {
        case 1:
        case 7:
            rs->cmd_buf_index = 0;
            break;
        case 3:
            rl_delete_char(rs);
            break;
        case 4:
        case 8:
            rs->cmd_buf_index = rs->cmd_buf_size;
            break;
        }
        break;
    }
}

void readline_handle_byte(ReadLineState *rs, int ch)
{
    bool after_cr = rs->last_was_cr;

    rs->last_was_cr = false;
    switch (rs->esc_state) {
    case RL_NORM:
        switch (ch) {
        case 1:     /* ^A */
            rs->cmd_buf_index = 0;
            break;
        case 2:     /* ^B */
            rl_handle_csi(rs, 'D');
            break;
        case 4:     /* ^D */
            rl_delete_char(rs);
            break;
        case 5:     /* ^E */
            rs->cmd_buf_index = rs->cmd_buf_size;
            break;
        case 6:     /* ^F */
            rl_handle_csi(rs, 'C');
            break;
        case 8:     /* ^H */
        case 127:   /* DEL, what most terminals send for Backspace */
            rl_backspace(rs);
            break;
        case 9:
            rl_completion(rs);
            break;
        case 10:
            if (after_cr) {
                /* The LF of a CR LF pair: the line was already entered. */
                return;
            }
            rl_enter(rs);
            return;
        case 13:
            rs->last_was_cr = true;
            rl_enter(rs);
            return;
        case 11:    /* ^K */
            rs->cmd_buf_size = rs->cmd_buf_index;
            break;
        case 14:    /* ^N */
            rl_hist_down(rs);
            break;
        case 16:    /* ^P */
            rl_hist_up(rs);
            break;
        case 21:    /* ^U */
            rs->cmd_buf_index = rs->cmd_buf_size = 0;
            break;
        case 23:    /* ^W */
            rl_kill_word(rs);
            break;
        case 27:
            rs->esc_state = RL_ESC;
            return;
        default:
            if (ch >= 32) {
                rl_insert_char(rs, ch);
            }
            break;
        }
        break;
    case RL_ESC:
        if (ch == '[') {
            rs->esc_state = RL_CSI;
            rs->esc_param = 0;
        } else if (ch == 'O') {
            rs->esc_state = RL_SS3;
        } else {
            rs->esc_state = RL_NORM;
        }
        return;
    case RL_CSI:
        if (ch >= '0' && ch <= '9') {
            rs->esc_param = rs->esc_param * 10 + (ch - '0');
            return;
        }
        rs->esc_state = RL_NORM;
        rl_handle_csi(rs, ch);
        break;
    case RL_SS3:
        rs->esc_state = RL_NORM;
        if (ch == 'F' || ch == 'H') {
            rl_handle_csi(rs, ch);
        }
        break;
    }
    readline_update(rs);
}

/* ---- life cycle -------------------------------------------------------- */

void readline_start(ReadLineState *rs, const char *prompt, int read_password,
                    ReadLineFunc *readline_func, void *readline_opaque)
{
    g_free(rs->prompt);
    rs->prompt = g_strdup(prompt);
    rs->read_password = read_password;
    rs->readline_func = readline_func;
    rs->readline_opaque = readline_opaque;
    readline_restart(rs);
}

void readline_restart(ReadLineState *rs)
{
    rs->cmd_buf_index = rs->cmd_buf_size = 0;
    rs->shown_index = rs->shown_size = 0;
    rs->hist_entry = -1;
    rs->esc_state = RL_NORM;
}

const char *readline_get_line(ReadLineState *rs)
{
    rs->cmd_buf[rs->cmd_buf_size] = '\0';
    return rs->cmd_buf;
}

ReadLineState *readline_init(ReadLinePrintfFunc *printf_func,
                             ReadLineFlushFunc *flush_func,
                             void *opaque,
                             ReadLineCompletionFunc *completion_finder)
{
    ReadLineState *rs = g_new0(ReadLineState, 1);

    rs->hist_entry = -1;
    rs->printf_func = printf_func;
    rs->flush_func = flush_func;
    rs->opaque = opaque;
    rs->completion_finder = completion_finder;
    return rs;
}

void readline_free(ReadLineState *rs)
{
    if (!rs) {
        return;
    }
    for (int i = 0; i < rs->nb_history; i++) {
        g_free(rs->history[i]);
    }
    g_free(rs->prompt);
    g_free(rs);
}
