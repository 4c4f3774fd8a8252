// Imported first by every bundle entry (the page and each worker): zod's JIT probes `new Function('')`, which a
// strict Content-Security-Policy reports as a violation even though zod catches the failure. Jitless parsing
// gives the same results without the probe.
import { z } from 'zod';

z.config({ jitless: true });
