// zod parses without its JIT everywhere Haircut runs: the JIT's `new Function` probe runs when an object schema
// is built, and a strict Content-Security-Policy (src/security/csp.ts) reports it as a violation even though
// zod catches the refusal. Imported first by schema.ts, so the setting precedes every schema whatever way a
// bundler splits the modules into chunks (an entry's own first import is not enough: a shared chunk holding
// the schemas can run before the entry chunk). Results are the same either way.
import { z } from 'zod';

z.config({ jitless: true });
