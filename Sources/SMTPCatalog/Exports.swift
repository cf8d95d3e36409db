// The catalog hands out text that reaches terminals; its users get the sanitiser with it.
@_exported import TextSafety
