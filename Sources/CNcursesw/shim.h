#ifndef SMTP_CODES_NCURSESW_SHIM_H
#define SMTP_CODES_NCURSESW_SHIM_H

/* SwiftPM drops the -D flags pkg-config gives (-D_XOPEN_SOURCE=600), so the wide
   character API (wget_wch, mvwaddnwstr) would not be declared without these. */
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <ncurses.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

/* Macros built from bit arithmetic do not import into Swift; re-export them. */
static const attr_t smtp_A_NORMAL = A_NORMAL;
static const attr_t smtp_A_BOLD = A_BOLD;
static const attr_t smtp_A_REVERSE = A_REVERSE;
static const attr_t smtp_A_UNDERLINE = A_UNDERLINE;
static const attr_t smtp_A_DIM = A_DIM;
/* COLOR_PAIR(n) as a chtype's colour bits, for cells copied with waddchnstr. */
static inline chtype smtp_color_pair(int pair) { return COLOR_PAIR(pair); }
static const mmask_t smtp_ALL_MOUSE_EVENTS = ALL_MOUSE_EVENTS;
static const mmask_t smtp_BUTTON1_PRESSED = BUTTON1_PRESSED;
static const mmask_t smtp_BUTTON1_CLICKED = BUTTON1_CLICKED;
/* Read only by MouseDecoderTests, which checks that a release selects nothing. */
static const mmask_t smtp_BUTTON1_RELEASED = BUTTON1_RELEASED;
static const mmask_t smtp_BUTTON4_PRESSED = BUTTON4_PRESSED;
#ifdef BUTTON5_PRESSED
static const mmask_t smtp_BUTTON5_PRESSED = BUTTON5_PRESSED;
#else
static const mmask_t smtp_BUTTON5_PRESSED = 0;
#endif

/* Key codes of our own for the bracketed-paste markers (ESC[200~ and ESC[201~).
   ncurses numbers the terminal's extended keys upwards from KEY_MAX (0777), and
   stores codes as unsigned short, so these sit far above the one and below the other. */
static const int smtp_KEY_PASTE_BEGIN = 0x7F00;
static const int smtp_KEY_PASTE_END = 0x7F01;

/* Writes bytes whole straight to the terminal, bypassing curses' buffer (FrameWriter's
   frames, escape sequences), again after a signal or a partial write; gives up when the
   terminal has gone away, which reading input then notices. Async-signal-safe, so the
   signal handlers below may use it. */
static inline void smtp_write_bytes(const char *bytes, size_t length) {
    while (length > 0) {
        ssize_t written = write(STDOUT_FILENO, bytes, length);
        if (written < 0 && errno == EINTR) continue;
        if (written <= 0) return;
        bytes += written;
        length -= (size_t)written;
    }
}

static inline void smtp_write_sequence(const char *sequence) {
    smtp_write_bytes(sequence, strlen(sequence));
}

/* Bracketed paste (xterm's mode 2004): the terminal wraps pasted text in
   ESC[200~ ... ESC[201~, so a paste can never pass for typed keys (an Enter,
   a `q`). Terminals without the mode ignore the request. */
static inline void smtp_bracketed_paste(int on) {
    smtp_write_sequence(on ? "\033[?2004h" : "\033[?2004l");
}

/* Every static variable in this file has an initialiser: for a tentative
   definition (none given) Swift's importer emits no storage, and linking fails. */

/* Set once curses runs here, so that leaving is a no-op for a process that never
   started it (a crash handler then cannot disturb a terminal it never changed). */
static volatile sig_atomic_t smtp_screen_started = 0;

/* Leaves curses mode on any way out: endwin restores the tty modes, the cursor,
   the main screen and mouse reporting; paste mode is ours to turn off; input
   still queued (typed ahead, or the rest of a paste) is dropped so that it
   cannot reach the shell. Async-signal-safe apart from endwin, as ncurses' own
   signal handlers are. */
static inline void smtp_leave_screen(void) {
    if (!smtp_screen_started) return;
    endwin();
    smtp_bracketed_paste(0);
    tcflush(STDIN_FILENO, TCIFLUSH);
}

/* Ctrl-Z: ncurses' own SIGTSTP handler does endwin, stops the process, and
   redraws on `fg`. Wrapping it keeps paste mode off while the shell has the
   terminal (the shell may not understand it) and turns it back on after. */
static struct sigaction smtp_curses_suspend_action = { 0 };

/* Set once the process runs again after a stop: curses has then redrawn what it
   believes is on the screen, which is not the explorer's frame (curses does not draw
   the frames, FrameWriter does), so the explorer draws its frame again. */
static volatile sig_atomic_t smtp_resumed = 0;

static inline void smtp_suspend_handler(int signal_number) {
    smtp_bracketed_paste(0);
    smtp_curses_suspend_action.sa_handler(signal_number);
    smtp_bracketed_paste(1);
    smtp_resumed = 1;
}

static inline int smtp_take_resumed(void) {
    int value = smtp_resumed;
    smtp_resumed = 0;
    return value;
}

/* Call after newterm, which installs ncurses' handler, but only over the default
   action: a shell without job control starts us with SIGTSTP ignored, and then there
   is nothing to wrap. */
static inline void smtp_wrap_suspend_handler(void) {
    struct sigaction current;
    if (sigaction(SIGTSTP, NULL, &current) != 0) return;
    if ((current.sa_flags & SA_SIGINFO) || current.sa_handler == SIG_DFL
        || current.sa_handler == SIG_IGN || current.sa_handler == smtp_suspend_handler) return;
    smtp_curses_suspend_action = current;
    struct sigaction wrapper = current;
    wrapper.sa_handler = smtp_suspend_handler;
    sigaction(SIGTSTP, &wrapper, NULL);
}

/* A string capability of the terminal curses runs on (`cup`, `sgr0`), or NULL when it
   has none; tigetstr's (char *)-1 for a name that is not a string capability is NULL too. */
static inline const char *smtp_capability(const char *name) {
    char *value = tigetstr(name);
    return (value == NULL || value == (char *)-1) ? NULL : value;
}

static inline int smtp_flag(const char *name) { return tigetflag(name) > 0; }

/* tiparm takes a variable argument list, which Swift cannot call. */
static inline const char *smtp_tiparm1(const char *capability, int first) { return tiparm(capability, first); }
static inline const char *smtp_tiparm2(const char *capability, int first, int second) {
    return tiparm(capability, first, second);
}

/* ncurses' own flush of the output it holds back (the modes newterm and the calls after
   it set). Not in its headers, but exported by libtinfo with a versioned symbol since
   2000 (_nc_flush@NCURSES6_TINFO_5.1.20000708); a build against an ncurses without it
   fails at link time rather than misbehaving. */
extern void _nc_flush(void);

/* Sends what curses holds back, without a refresh: the explorer draws its frames itself
   (FrameWriter), and a first refresh of curses' own empty windows only cost start-up time. */
static inline void smtp_flush_curses_output(void) { _nc_flush(); }

/* Whether curses has something of its own to draw on stdscr (after a resize it clears and
   redraws the whole screen on the next read of a key). */
static inline int smtp_stdscr_touched(void) { return is_wintouched(stdscr); }

/* The terminal's size as it reports it (TIOCGWINSZ), or curses' own where it reports none. */
static inline void smtp_terminal_size(int *rows, int *columns) {
    struct winsize size;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_row > 0 && size.ws_col > 0) {
        *rows = size.ws_row;
        *columns = size.ws_col;
    } else {
        *rows = getmaxy(stdscr);
        *columns = getmaxx(stdscr);
    }
}

/* Gives curses' windows the terminal's size. With `redraw`, after a resize, a change of
   size makes the next draw clear the terminal and send the whole frame, as curses' own
   resizeterm would; without, nothing is sent: curses' windows were never drawn. */
static inline void smtp_resize_screen(int rows, int columns, int redraw) {
    if (rows == getmaxy(stdscr) && columns == getmaxx(stdscr)) return;
    resize_term(rows, columns);
    if (redraw) {
        clearok(curscr, TRUE);
        touchwin(stdscr);
    } else {
        untouchwin(stdscr);
    }
}

/* Starts curses on the process's terminal; NULL when TERM names no known terminal
   (initscr would print and exit instead, leaving no chance to fall back).
   use_env(FALSE): curses sizes its windows from terminfo (80x24 for most terminals)
   rather than from the terminal, and never changes their size on its own. Nothing is
   drawn through them (FrameWriter writes the frames), and filling three windows the
   size of the terminal with blanks was most of newterm's time before the first screen;
   CursesTerminal gives curses the terminal's size itself (smtp_resize_screen) once the
   first frame is out, and again on every KEY_RESIZE. */
static inline WINDOW *smtp_start_screen(void) {
    FILE *out = fdopen(STDOUT_FILENO, "w");
    FILE *in = fdopen(STDIN_FILENO, "r");
    if (out == NULL || in == NULL) return NULL;
    use_env(FALSE);
    if (newterm(NULL, out, in) == NULL) return NULL;
    smtp_screen_started = 1;
    return stdscr;
}

/* Asks for bracketed paste and teaches ncurses its two markers, so wget_wch
   returns them as single key codes. Call after smtp_start_screen. */
static inline void smtp_start_bracketed_paste(void) {
    define_key("\033[200~", smtp_KEY_PASTE_BEGIN);
    define_key("\033[201~", smtp_KEY_PASTE_END);
    smtp_bracketed_paste(1);
    smtp_wrap_suspend_handler();
}

/* Whether standard input's terminal has gone away (its window closed, an ssh
   connection dropped): reads then fail at once with EIO or end of file, and
   wget_wch returns ERR immediately, forever. A live terminal that merely timed
   out reports none of these conditions. */
static inline int smtp_input_is_gone(void) {
    struct pollfd input = { .fd = STDIN_FILENO, .events = POLLIN, .revents = 0 };
    if (poll(&input, 1, 0) < 0) return 0;
    return (input.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0;
}

/* The signal that asked the explorer to stop (SIGINT, SIGTERM, SIGHUP, SIGQUIT), or 0.
   Handlers only record it; the event loop sees it within one input timeout and
   leaves through the normal path, which restores the terminal. */
static volatile sig_atomic_t smtp_pending_signal = 0;

static inline void smtp_record_signal(int signal_number) { smtp_pending_signal = signal_number; }

static inline int smtp_take_pending_signal(void) {
    int value = smtp_pending_signal;
    smtp_pending_signal = 0;
    return value;
}

/* Installed after newterm, which sets ncurses' own SIGINT and SIGTERM handlers
   (they would exit from inside the handler) wherever the action was the default;
   these replace them, and are installed whatever the action was before, so even
   a SIGINT ignored at start now stops the explorer cleanly. SIGQUIT is here too:
   the Swift runtime's backtracer would otherwise print a report over the screen
   and leave the terminal in curses mode. */
static inline void smtp_install_stop_handlers(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = smtp_record_signal;
    sigemptyset(&action.sa_mask);
    int signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };
    for (unsigned i = 0; i < sizeof signals / sizeof signals[0]; i++) {
        sigaction(signals[i], &action, NULL);
    }
}

/* Crash signals, and what handled each before us (the Swift backtracer, a
   sanitizer, or the default action), so that handler still gets the crash. */
enum { smtp_crash_signal_count = 6 };
static const int smtp_crash_signals[smtp_crash_signal_count] = { SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE };
static struct sigaction smtp_previous_crash_actions[smtp_crash_signal_count] = { { 0 } };

/* A crash (a Swift trap is SIGILL or SIGTRAP) would leave the terminal in curses
   mode: restore it, put the previous handler back and hand it the crash. */
static inline void smtp_crash_handler(int signal_number, siginfo_t *info, void *context) {
    smtp_leave_screen();
    for (int i = 0; i < smtp_crash_signal_count; i++) {
        if (smtp_crash_signals[i] != signal_number) continue;
        struct sigaction previous = smtp_previous_crash_actions[i];
        sigaction(signal_number, &previous, NULL);
        if (previous.sa_flags & SA_SIGINFO) {
            previous.sa_sigaction(signal_number, info, context);
        } else if (previous.sa_handler != SIG_DFL && previous.sa_handler != SIG_IGN) {
            previous.sa_handler(signal_number);
        } else {
            /* The default action: the signal is blocked while this handler runs, so
               it is delivered (and ends the process) as soon as the handler returns.
               A fault would also recur on return, but a signal sent with kill or
               raised by abort would not. */
            raise(signal_number);
        }
        return;
    }
}

/* A crash signal that was ignored at start stays ignored (that was a choice
   made by whoever started us). */
static inline void smtp_install_crash_handlers(void) {
    for (int i = 0; i < smtp_crash_signal_count; i++) {
        struct sigaction previous;
        if (sigaction(smtp_crash_signals[i], NULL, &previous) != 0) continue;
        if (!(previous.sa_flags & SA_SIGINFO) && previous.sa_handler == SIG_IGN) continue;
        if ((previous.sa_flags & SA_SIGINFO) && previous.sa_sigaction == smtp_crash_handler) continue;
        smtp_previous_crash_actions[i] = previous;
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_sigaction = smtp_crash_handler;
        sigemptyset(&action.sa_mask);
        /* The alternate stack, when the runtime set one up, lets a stack overflow be reported. */
        action.sa_flags = SA_SIGINFO | SA_ONSTACK;
        sigaction(smtp_crash_signals[i], &action, NULL);
    }
}

#endif
