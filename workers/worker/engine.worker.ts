// The engine's only door into the page: a thin Comlink adapter (STYLE.md §3). Every request is validated and
// handed to the pure engine; answers are plain data with their buffers transferred. The page imports this
// module's type only. An Error thrown here reaches the page as a rejected call (Comlink carries its message).
import '../../src/zodJitless';
import { expose } from 'comlink';
import { createEngineApi } from './engineApi';

export type { EngineApi } from './engineApi';

expose(createEngineApi());
