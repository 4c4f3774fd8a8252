// One batch of the population-inclusive interval on P(socialized), run in an engine worker: the request is
// validated like any other, then handed to the pure engine (src/engine/sim/populationBatches.ts).
import { populationBatchSocialized, requireRunInputs, type PopulationBatchPlan, type RiskParams } from '../../src/engine/index';

export interface PopulationBatchRequest {
  params: RiskParams;
  seed: number;
  plan: PopulationBatchPlan;
  batch: number;
}

/** How many paths of the batch socialized a loss. */
export function populationBatchJob(request: PopulationBatchRequest): number {
  const checked = requireRunInputs({ params: request.params, run: { seed: request.seed } }, 'Cannot run a population batch');
  const { seed } = checked.run;
  const { plan, batch } = request;
  if (!(Number.isSafeInteger(plan?.batches) && plan.batches >= 2 && Number.isSafeInteger(plan.perBatch) && plan.perBatch >= 1)) {
    throw new Error('Cannot run a population batch: the plan needs at least 2 batches of at least 1 path');
  }
  return populationBatchSocialized(checked.params, seed, plan, batch);
}
