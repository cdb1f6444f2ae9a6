// Quotes a caller's value for an error message: JSON-escaped (control characters stay visible) and cut short.

/** `"TOP 46…"`; at most `maxChars` characters of the value are shown. */
export function quote(value: string, maxChars = 80): string {
  const shown = value.length > maxChars ? `${value.slice(0, maxChars)}…` : value;
  return JSON.stringify(shown);
}
