/**
 * Property tests draw new cases on every local run (that is how they find bugs), but in CI they
 * use one fixed seed, so a run on a fresh clone is reproducible; a counterexample found locally
 * becomes a regression test (see test/unit/tours-vrp.test.ts).
 */
import fc from 'fast-check';

if (process.env.CI) fc.configureGlobal({ seed: 20261123 });
