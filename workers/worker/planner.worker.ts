// The planner's worker (issue #10): a thin Comlink adapter around plannerApi.ts. The page imports its type only.
import '../../src/zodJitless';
import { expose } from 'comlink';
import { createPlannerApi } from './plannerApi';

export type { PlannerApi } from './plannerApi';

expose(createPlannerApi());
