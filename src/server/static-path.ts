// Maps a URL path to path segments inside the web folder, refusing anything that could leave it or reach hidden files.

// Segments must be plain names: no separators, control characters, drive colons, leading dots ("..", ".env")
// or percent signs (a second, double-encoded layer is never decoded).
const UNSAFE_SEGMENT = /[/\\:%\p{Cc}]|^\./u;

/**
 * The decoded segments of `pathname` ("/css/app.css" → ["css", "app.css"]; "/" → []), or undefined when the path is
 * malformed or unsafe. The caller joins them under its root and still checks the real path stays inside it.
 */
export function staticSegments(pathname: string): string[] | undefined {
  if (!pathname.startsWith('/') || pathname.length > 1024) return undefined;
  const segments: string[] = [];
  for (const raw of pathname.split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
    if (UNSAFE_SEGMENT.test(segment) || segment.trim() === '') return undefined;
    segments.push(segment);
  }
  return segments;
}
