// Small DOM helpers: elements with attributes and children, and icons as inline SVG (no markup strings, so nothing
// from the server is ever parsed as HTML).

/**
 * An element; `options` holds className, text and attributes (true = present, false/undefined = absent).
 * Children are nodes or strings; null and undefined are skipped.
 */
export function element(tag, options = {}, children = []) {
  const node = document.createElement(tag);
  const { className, text, ...attributes } = options;
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false || value === null) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) if (child !== null && child !== undefined) node.append(child);
  return node;
}

const SVG = 'http://www.w3.org/2000/svg';

const ICON_PATHS = {
  info: ['M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Z', 'M12 11v6', 'M12 7.5v.5'],
  alert: ['M12 3 2 20h20L12 3Z', 'M12 10v4.5', 'M12 17.5v.5'],
  copy: ['M9 9h11v11H9z', 'M5 15H4V4h11v1'],
  check: ['M5 12.5 10 17 19 7'],
  close: ['M6 6l12 12', 'M18 6 6 18'],
  stop: ['M7 7h10v10H7z'],
  send: ['M4 12 20 4l-4 16-4-6-8-2Z', 'M12 14l8-10'],
  book: ['M4 5a2 2 0 0 1 2-2h13v16H6a2 2 0 0 0-2 2V5Z', 'M4 19a2 2 0 0 1 2-2h13'],
  retry: ['M4 12a8 8 0 1 0 2.3-5.7', 'M4 4v4h4'],
  plus: ['M12 5v14', 'M5 12h14'],
  download: ['M12 4v11', 'M7 10l5 5 5-5', 'M5 20h14'],
  print: ['M7 9V4h10v5', 'M5 9h14v7h-2', 'M7 14h10v6H7z', 'M5 16H5'],
  link: [
    'M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1',
    'M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1',
  ],
};

/** A decorative icon (hidden from assistive technology; the control it sits in carries the name). */
export function icon(name) {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.setAttribute('class', `icon icon-${name}`);
  for (const d of ICON_PATHS[name] ?? []) {
    const path = document.createElementNS(SVG, 'path');
    path.setAttribute('d', d);
    svg.append(path);
  }
  return svg;
}
