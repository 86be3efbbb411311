import fc from 'fast-check';

// Property tests run a fixed seed by default so CI is repeatable; FC_SEED=<number> replays another seed and
// FC_SEED=random explores new inputs (fast-check prints the seed of any failure).
const seed = process.env.FC_SEED;
if (seed !== 'random') fc.configureGlobal({ seed: seed ? Number(seed) : 20261125 });
