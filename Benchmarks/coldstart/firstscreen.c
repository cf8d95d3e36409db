/* Cold start to the first screen: starts PROGRAM in a 120x40 pseudo-terminal and prints
   the microseconds from just before the fork to the moment its output first contains
   MARKER (text from the end of its first screen), then sends 'q' and waits for it to end.
   The clock starts in this process, so the whole start (exec, dynamic loader, runtime,
   the program's own work, the screen's bytes) is counted, and output written before
   the screen (escape sequences that switch terminal modes) does not end the count.
   Usage: firstscreen MARKER PROGRAM [ARGUMENTS...]; exit status 1 if MARKER never came.
   It gives up after 10 seconds without output, or FIRSTSCREEN_WAIT_MS milliseconds (for a
   program run under valgrind, scripts/link-order.sh). */
#define _GNU_SOURCE
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static long elapsed_microseconds(const struct timespec *start) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (now.tv_sec - start->tv_sec) * 1000000L + (now.tv_nsec - start->tv_nsec) / 1000L;
}

/* Reads what the program writes until `marker` has appeared or `timeout_ms` passes
   without output. A chunk may end inside the marker, so the tail of the previous
   chunk is kept in front of the next. Returns 1 when the marker was seen. */
static int read_until(int master, const char *marker, int timeout_ms) {
    size_t keep = strlen(marker) - 1;
    char buffer[65536];
    size_t held = 0;
    for (;;) {
        struct pollfd output = { .fd = master, .events = POLLIN, .revents = 0 };
        if (poll(&output, 1, timeout_ms) <= 0) return 0;
        ssize_t count = read(master, buffer + held, sizeof buffer - held - 1);
        if (count <= 0) return 0;
        held += (size_t)count;
        buffer[held] = '\0';
        if (memmem(buffer, held, marker, strlen(marker)) != NULL) return 1;
        size_t tail = held < keep ? held : keep;
        memmove(buffer, buffer + held - tail, tail);
        held = tail;
    }
}

int main(int argc, char **argv) {
    if (argc < 3 || argv[1][0] == '\0') {
        fprintf(stderr, "usage: firstscreen MARKER PROGRAM [ARGUMENTS...]\n");
        return 2;
    }
    struct winsize size = { .ws_row = 40, .ws_col = 120, .ws_xpixel = 0, .ws_ypixel = 0 };
    struct timespec start;
    clock_gettime(CLOCK_MONOTONIC, &start);
    int master;
    pid_t child = forkpty(&master, NULL, NULL, &size);
    if (child < 0) {
        perror("forkpty");
        return 2;
    }
    if (child == 0) {
        execvp(argv[2], argv + 2);
        _exit(127);
    }
    const char *asked = getenv("FIRSTSCREEN_WAIT_MS");
    int wait_ms = asked != NULL ? atoi(asked) : 0;
    int seen = read_until(master, argv[1], wait_ms > 0 ? wait_ms : 10000);
    long microseconds = elapsed_microseconds(&start);
    /* Let the program settle (a second frame, the search index) before it is asked to quit. */
    usleep(300000);
    if (write(master, "q", 1) != 1) perror("write");
    /* Read (and drop) the rest until the program closes the terminal, so that it never
       blocks on a full buffer; one that has not ended a second later is stopped. */
    read_until(master, "\x01", 2000);
    int status = 0;
    for (int tries = 0; waitpid(child, &status, WNOHANG) == 0; tries++) {
        if (tries == 100) {
            kill(child, SIGTERM);
            waitpid(child, &status, 0);
            break;
        }
        usleep(10000);
    }
    close(master);
    if (!seen) {
        fprintf(stderr, "firstscreen: '%s' never appeared in the output of %s\n", argv[1], argv[2]);
        return 1;
    }
    printf("%ld\n", microseconds);
    return 0;
}
