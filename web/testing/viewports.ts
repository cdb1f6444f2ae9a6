// The four sizes the page is tested at: desktop 1280×860, phone 390×844, phone landscape 844×390, and 200 % zoom
// (640×430 CSS pixels at two device pixels each, which is how a browser lays out a 1280×860 window at that zoom).
export const VIEWPORTS = [
  { name: 'desktop', viewport: { width: 1280, height: 860 }, deviceScaleFactor: 1 },
  { name: 'phone', viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 },
  { name: 'landscape', viewport: { width: 844, height: 390 }, deviceScaleFactor: 1 },
  { name: 'zoom200', viewport: { width: 640, height: 430 }, deviceScaleFactor: 2 },
] as const;
