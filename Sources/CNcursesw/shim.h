#ifndef SMTP_CODES_NCURSESW_SHIM_H
#define SMTP_CODES_NCURSESW_SHIM_H

/* SwiftPM drops the -D flags pkg-config gives (-D_XOPEN_SOURCE=600), so the wide
   character API (wget_wch, mvwaddnwstr) would not be declared without these. */
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <locale.h>
#include <ncurses.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Macros built from bit arithmetic do not import into Swift; re-export them. */
static const attr_t smtp_A_NORMAL = A_NORMAL;
static const attr_t smtp_A_BOLD = A_BOLD;
static const attr_t smtp_A_REVERSE = A_REVERSE;
static const attr_t smtp_A_UNDERLINE = A_UNDERLINE;
static const attr_t smtp_A_DIM = A_DIM;
static const mmask_t smtp_ALL_MOUSE_EVENTS = ALL_MOUSE_EVENTS;
static const mmask_t smtp_BUTTON1_PRESSED = BUTTON1_PRESSED;
static const mmask_t smtp_BUTTON1_CLICKED = BUTTON1_CLICKED;
static const mmask_t smtp_BUTTON1_RELEASED = BUTTON1_RELEASED;
static const mmask_t smtp_BUTTON4_PRESSED = BUTTON4_PRESSED;
#ifdef BUTTON5_PRESSED
static const mmask_t smtp_BUTTON5_PRESSED = BUTTON5_PRESSED;
#else
static const mmask_t smtp_BUTTON5_PRESSED = 0;
#endif

/* Swift 6 rejects C globals such as stdscr as not concurrency-safe; read it here. */
static inline WINDOW *smtp_stdscr(void) { return stdscr; }

/* Starts curses on the process's terminal; NULL when TERM names no known terminal
   (initscr would print and exit instead, leaving no chance to fall back). */
static inline WINDOW *smtp_start_screen(void) {
    FILE *out = fdopen(STDOUT_FILENO, "w");
    FILE *in = fdopen(STDIN_FILENO, "r");
    if (out == NULL || in == NULL) return NULL;
    if (newterm(NULL, out, in) == NULL) return NULL;
    return stdscr;
}

/* The signal that asked the explorer to stop (SIGINT, SIGTERM, SIGHUP), or 0.
   Handlers only record it; the event loop sees it within one input timeout and
   leaves through the normal path, which calls endwin(). */
static volatile sig_atomic_t smtp_pending_signal = 0;

static inline void smtp_record_signal(int signal_number) { smtp_pending_signal = signal_number; }

static inline int smtp_take_pending_signal(void) {
    int value = smtp_pending_signal;
    smtp_pending_signal = 0;
    return value;
}

/* Installed before initscr(): ncurses then leaves these signals to us. */
static inline void smtp_install_stop_handlers(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = smtp_record_signal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, NULL);
    sigaction(SIGTERM, &action, NULL);
    sigaction(SIGHUP, &action, NULL);
}

/* A crash (a Swift trap is SIGILL or SIGTRAP) would leave the terminal in curses
   mode; restore it, then let the signal do what it would have done. */
static inline void smtp_crash_handler(int signal_number) {
    endwin();
    signal(signal_number, SIG_DFL);
    raise(signal_number);
}

static inline void smtp_install_crash_handlers(void) {
    int signals[] = { SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE };
    for (unsigned i = 0; i < sizeof signals / sizeof signals[0]; i++) {
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_handler = smtp_crash_handler;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESETHAND;
        sigaction(signals[i], &action, NULL);
    }
}

#endif
