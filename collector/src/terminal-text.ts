/**
 * Text the CLI prints comes from whoever sent events: a field holding ESC sequences could
 * forge a coloured "good" line, clear the screen or set the window title or clipboard (OSC),
 * in a terminal and in CI logs alike. Every such character is shown escaped instead.
 */

// C0 controls (tab and line breaks included: the CLI makes its own lines), DEL, C1 controls,
// the Unicode line and paragraph separators and the bidirectional overrides (text that reads
// differently from what it holds).
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** `text` with every control character written as `\xNN` or `\uNNNN`, safe for a terminal line. */
export function printable(text: string): string {
  return text.replace(UNSAFE, (ch) => {
    const code = ch.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** JSON text with the characters JSON leaves raw (DEL, C1, separators, bidi) escaped as `\uNNNN`: still valid JSON. */
export function printableJson(json: string): string {
  return json.replace(UNSAFE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
