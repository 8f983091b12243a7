/** Standard base64 to the URL-safe alphabet, padding removed (a trailing-`=` regex scans the whole string). */
export function toUrlAlphabet(base64: string): string {
  const end = base64.endsWith('==') ? base64.length - 2 : base64.endsWith('=') ? base64.length - 1 : base64.length;
  return base64.slice(0, end).replace(/\+/g, '-').replace(/\//g, '_');
}
