#ifndef SMTP_CODES_FUZZ_DRIVER_H
#define SMTP_CODES_FUZZ_DRIVER_H

#include <stddef.h>
#include <stdint.h>

/* libFuzzer's driver (compiler-rt, linked in by -sanitize=fuzzer). SwiftPM gives every
   executable target a main of its own, so each fuzz target's main.swift hands control
   to this instead of relying on the main that libFuzzer would otherwise provide. */
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
