// The plain JavaScript modules the unit tests share with the real-browser tests and benchmarks (fixtures'
// data generators, local servers): untyped on purpose, read by both runtimes.
declare module '@/test/support/*.mjs';
