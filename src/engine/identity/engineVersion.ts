/**
 * The engine's version, recorded in run ids, shard files and reports. Bump it whenever the same parameters and
 * seed can give different numbers (a mechanic changed), so a stored result never passes for a current one.
 */
export const ENGINE_VERSION = '0.2.0';
