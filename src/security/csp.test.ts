import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CSP_DIRECTIVES, HEADER_CSP, META_CSP, SECURITY_HEADERS } from './csp';

/** `/*` rule of a Netlify/Cloudflare `_headers` file as name → value. */
function rootRule(text: string): Record<string, string> {
  const headers: Record<string, string> = {};
  let inRoot = false;
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    if (!/^\s/.test(line)) {
      inRoot = line.trim() === '/*';
      continue;
    }
    if (!inRoot) continue;
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return headers;
}

describe('the shipped Content-Security-Policy', () => {
  it('public/_headers serves exactly the headers of src/security/csp.ts', () => {
    const file = readFileSync(new URL('../../public/_headers', import.meta.url), 'utf8');
    expect(rootRule(file)).toEqual(SECURITY_HEADERS);
  });

  it('is strict: no eval, no inline script, no foreign origin; PNG export sources allowed', () => {
    const all = `${HEADER_CSP};`;
    expect(all).not.toMatch(/unsafe-eval|wasm-unsafe-eval|\*[;\s]|http:/);
    expect(all).toContain("script-src 'self';");
    expect(all).toContain("img-src 'self' blob: data:;");
    expect(all).toContain("object-src 'none';");
    expect(all).toMatch(/frame-ancestors [^;]+;/);
    expect(SECURITY_HEADERS['X-Content-Type-Options']).toBe('nosniff');
    expect(SECURITY_HEADERS['Referrer-Policy']).toBe('no-referrer');
  });

  it('the meta tag carries every directive except those a meta tag cannot (frame-ancestors)', () => {
    expect(META_CSP).not.toContain('frame-ancestors');
    for (const [name, value] of CSP_DIRECTIVES) expect(META_CSP).toContain(`${name} ${value}`);
  });

  it('every bundle entry switches zod to jitless mode before anything else', () => {
    for (const entry of ['../main.tsx', '../../workers/worker/engine.worker.ts', '../../workers/worker/planner.worker.ts']) {
      const text = readFileSync(new URL(entry, import.meta.url), 'utf8');
      const firstImport = text.split('\n').find((line) => line.startsWith('import '));
      expect(firstImport, entry).toMatch(/zodJitless';$/);
    }
  });
});
