// `npm run fuzz` (issue 18 §7): a long fuzz run that stays in the repository. Two parts, each seeded:
// 1. ledger worlds: random small worlds (every engine feature on or off at random: mechanism, partial closes,
//    keeper capacity, oracle delay, impact, fund limits, tiers; src/engine/testing/arbitraries.ts) with noise on
//    their price series, simulated path by path; on every (world, path) the exact identity
//    badDebt = fundDraw + socializedLoss + vaultLoss + uncovered must hold to the micro-unit, ledgerBalanced
//    must say so, and every money column must be a non-negative safe integer;
// 2. link fragments: valid share links damaged as mail, chat, prose and bit rot damage them
//    (src/share/testing/linkFuzz.ts): never a throw, an internal error, or a different state opened.
// Flags: --worlds N (default 1,000,000 (world, path) pairs), --paths-per-world K (20), --links N (100,000),
// --seed S (18), --json. Exit code 1 on any failure.
import fc from 'fast-check';
import type { RiskParams } from '../engine/params/riskParams';
import { createSimulator } from '../engine/index';
import { smallWorldArb } from '../engine/testing/arbitraries';
import { fuzzLinks } from '../share/testing/linkFuzz';
import { integerFlag, parseFlags, UsageError } from './args';
import { writeError } from './printable';

const USAGE = 'usage: npm run fuzz [-- --worlds N] [-- --paths-per-world K] [-- --links N] [-- --seed S] [-- --json]';

/** A small world whose replayed series gets fresh noise on every path, so each path is a different world. */
const noisyWorldArb: fc.Arbitrary<RiskParams> = fc.tuple(smallWorldArb, fc.double({ min: 0.5, max: 30, noNaN: true })).map(([world, noise]) =>
  world.scenario.kind === 'replay' ? { ...world, scenario: { ...world.scenario, noiseVolAnnual: noise } } : world,
);

interface LedgerReport {
  worlds: number;
  parameterSets: number;
  failures: string[];
  liquidations: number;
  pathsWithBadDebt: number;
  ms: number;
}

function fuzzLedger(worlds: number, pathsPerWorld: number, seed: number, progress: (done: number) => void): LedgerReport {
  const started = performance.now();
  const report: LedgerReport = { worlds: 0, parameterSets: 0, failures: [], liquidations: 0, pathsWithBadDebt: 0, ms: 0 };
  const sets = Math.ceil(worlds / pathsPerWorld);
  let batch = 0;
  while (report.parameterSets < sets) {
    // Sampled in batches: fc.sample keeps every value of a batch in memory.
    const count = Math.min(1000, sets - report.parameterSets);
    const samples = fc.sample(fc.tuple(noisyWorldArb, fc.integer({ min: 0, max: 2 ** 31 })), { numRuns: count, seed: seed * 7919 + batch++ });
    for (const [params, worldSeed] of samples) {
      const paths = Math.min(pathsPerWorld, worlds - report.worlds);
      report.parameterSets++;
      let result;
      try {
        result = createSimulator(params, worldSeed).run(0, paths).paths;
      } catch (error) {
        report.failures.push(`set ${report.parameterSets} (seed ${worldSeed}): the engine threw ${String(error)}`);
        report.worlds += paths;
        continue;
      }
      for (let i = 0; i < paths; i++) {
        const badDebt = result.badDebtUnits[i]!;
        const parts = result.fundDrawUnits[i]! + result.socializedLossUnits[i]! + result.vaultLossUnits[i]! + result.uncoveredUnits[i]!;
        const money = [badDebt, result.fundDrawUnits[i]!, result.socializedLossUnits[i]!, result.vaultLossUnits[i]!, result.uncoveredUnits[i]!, result.fundEndUnits[i]!];
        if (badDebt !== parts || result.ledgerBalanced[i] !== 1 || money.some((m) => !Number.isSafeInteger(m) || m < 0)) {
          if (report.failures.length < 20) report.failures.push(`set ${report.parameterSets} path ${i} (world seed ${worldSeed}): badDebt ${badDebt} vs parts ${parts}, balanced ${result.ledgerBalanced[i]}; params ${JSON.stringify(params)}`);
        }
        report.liquidations += result.liquidations[i]!;
        if (badDebt > 0) report.pathsWithBadDebt++;
      }
      report.worlds += paths;
    }
    progress(report.worlds);
  }
  report.ms = performance.now() - started;
  return report;
}

function main(argv: string[]): number {
  const flags = parseFlags(argv, { worlds: 'string', 'paths-per-world': 'string', links: 'string', seed: 'string', json: 'boolean', help: 'boolean' });
  if (flags.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const worlds = integerFlag('worlds', flags.worlds, 1_000_000);
  const pathsPerWorld = Math.max(1, integerFlag('paths-per-world', flags['paths-per-world'], 20));
  const links = integerFlag('links', flags.links, 100_000);
  const seed = integerFlag('seed', flags.seed, 18);
  const tty = process.stderr.isTTY;
  let lastShown = 0;
  const ledger = fuzzLedger(worlds, pathsPerWorld, seed, (done) => {
    const now = performance.now();
    if (now - lastShown < 5000) return;
    lastShown = now;
    process.stderr.write(`${tty ? '\r' : ''}ledger worlds: ${done.toLocaleString('en-US')} of ${worlds.toLocaleString('en-US')}${tty ? '' : '\n'}`);
  });
  if (tty) process.stderr.write('\n');
  const linkStarted = performance.now();
  const link = fuzzLinks(links, seed);
  const linkMs = performance.now() - linkStarted;
  const failures = ledger.failures.length + link.failures.length;
  const report = {
    seed,
    ledger: { worlds: ledger.worlds, parameterSets: ledger.parameterSets, pathsPerWorld, failures: ledger.failures.length, pathsWithBadDebt: ledger.pathsWithBadDebt, liquidations: ledger.liquidations, seconds: +(ledger.ms / 1000).toFixed(1) },
    links: { fragments: link.runs, opened: link.opened, refused: link.refused, failures: link.failures.length, seconds: +(linkMs / 1000).toFixed(1) },
  };
  if (flags.json) process.stdout.write(`${JSON.stringify(report)}\n`);
  else {
    process.stdout.write(
      `ledger: ${ledger.worlds.toLocaleString('en-US')} (world, path) pairs from ${ledger.parameterSets.toLocaleString('en-US')} random worlds, ` +
        `${ledger.failures.length} failures, ${ledger.pathsWithBadDebt.toLocaleString('en-US')} paths with bad debt, ${ledger.liquidations.toLocaleString('en-US')} liquidations, ${report.ledger.seconds} s\n` +
        `links: ${link.runs.toLocaleString('en-US')} damaged fragments, ${link.opened.toLocaleString('en-US')} opened (all as made), ${link.refused.toLocaleString('en-US')} refused, ${link.failures.length} failures, ${report.links.seconds} s\n`,
    );
  }
  for (const failure of [...ledger.failures, ...link.failures]) writeError(`FAIL ${failure}\n`);
  return failures === 0 ? 0 : 1;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError) {
    writeError(`${error.message}\n${USAGE}\n`);
    process.exitCode = 2;
  } else throw error;
}
