/**
 * The site's Content-Security-Policy, in one place: the build writes it into index.html as a meta tag
 * (vite.config.ts) and public/_headers repeats it as a real header for static hosts (csp.test.ts keeps the
 * two equal). Why each source is allowed:
 * - script-src / worker-src 'self': every script and worker is a file of this site; no eval, no inline script
 *   (zod runs in jitless mode, src/zodJitless.ts, so its `new Function` probe never fires).
 * - style-src 'unsafe-inline': React and Recharts set style attributes, and chart export inlines computed
 *   styles into the exported SVG. Styles cannot run code.
 * - img-src blob: data:: PNG export draws the serialized chart (a blob: URL) onto a canvas.
 * - connect-src 'self': the only fetch is the bundled ADL data set (public/data).
 * - frame-ancestors (header only; a meta tag cannot carry it): 'self' and any https: page, so a chart embedded
 *   with ?embed=<chart> shows in forums; the page has no login or server state a framing page could abuse.
 */
export const CSP_DIRECTIVES: readonly (readonly [string, string])[] = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['worker-src', "'self'"],
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', "'self' blob: data:"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
];

/** Directives browsers ignore (and warn about) in a meta tag; they travel only in the header. */
export const HEADER_ONLY_DIRECTIVES: readonly (readonly [string, string])[] = [['frame-ancestors', "'self' https:"]];

const joined = (directives: readonly (readonly [string, string])[]): string => directives.map(([name, value]) => `${name} ${value}`).join('; ');

/** The policy as index.html's meta tag carries it. */
export const META_CSP = joined(CSP_DIRECTIVES);

/** The policy as the Content-Security-Policy header carries it. */
export const HEADER_CSP = joined([...CSP_DIRECTIVES, ...HEADER_ONLY_DIRECTIVES]);

/** Every security header the site is served with (public/_headers). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': HEADER_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};
