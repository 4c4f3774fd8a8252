// Property tests explore new random cases on every local run; in CI (CI=true) they replay one fixed seed, so a
// submission lands or fails on its own merits, never on the luck of the draw. Tests that pin their own seed
// keep it.
import fc from 'fast-check';

if (process.env.CI) fc.configureGlobal({ seed: 20261126 });
