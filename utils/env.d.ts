interface ImportMetaEnv {
  /** "1" in test builds (TL_TEST_BUILD=1), which also accept loopback hosts. */
  readonly TL_TEST_BUILD?: string;
}
