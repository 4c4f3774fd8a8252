/**
 * Text from outside (file names, flags, a file's bytes inside a parse error) made safe for a terminal: every
 * control character except the newline, and the Unicode bidirectional overrides, become visible escapes
 * (`\u001b`), so a hostile file cannot move the cursor, recolour or hide the message that names it.
 */
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Writes a message to stderr with its control characters escaped. */
export function writeError(text: string): void {
  process.stderr.write(printable(text));
}
