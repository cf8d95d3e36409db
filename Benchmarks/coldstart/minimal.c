/* The baseline for cold start: a minimal ncurses program that draws one screen and waits for a key. */
#include <ncurses.h>
#include <locale.h>

int main(void) {
    setlocale(LC_ALL, "");
    initscr();
    cbreak();
    noecho();
    mvprintw(0, 0, "minimal ncurses program");
    refresh();
    getch();
    endwin();
    return 0;
}
