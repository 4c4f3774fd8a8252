// Fits GBM and Merton jump diffusion to a tape off the main thread (the jump fit is a numerical maximum
// likelihood: about a second per 10,000 returns). A thin Comlink adapter; the page imports its type only.
import { expose } from 'comlink';
import { fitGbm, fitJump, type GbmFit, type JumpFit } from '../../src/engine/index';

export interface FitApi {
  fitTape(prices: Float64Array, stepSeconds: number): { gbm: GbmFit; jump: JumpFit };
}

const api: FitApi = {
  fitTape: (prices, stepSeconds) => ({ gbm: fitGbm(prices, stepSeconds), jump: fitJump(prices, stepSeconds) }),
};

expose(api);
