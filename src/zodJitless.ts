// Imported first by every bundle entry (the page and each worker) so any zod use is jitless; the schemas also
// import the setting themselves (src/engine/params/zodJitless.ts explains why both).
import './engine/params/zodJitless';
