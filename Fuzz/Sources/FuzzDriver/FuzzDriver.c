/* Header-only target: SwiftPM needs a source file to build a C module. */
