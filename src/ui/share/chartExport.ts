// A chart as a file: the Recharts <svg> inside a chart card, serialized with its computed styles inlined (so the
// file looks the same without the page's CSS), or drawn onto a canvas for PNG.

/** Style properties that decide how SVG shapes and text look. */
const STYLE_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'visibility',
  'display',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'letter-spacing',
] as const;

/** The chart's main <svg> in a card: Recharts' surface (not a legend icon), else the largest <svg>. */
export function findChartSvg(card: Element): SVGSVGElement | null {
  const surface = card.querySelector<SVGSVGElement>('.recharts-wrapper > svg');
  if (surface) return surface;
  let best: SVGSVGElement | null = null;
  let bestArea = 0;
  for (const svg of Array.from(card.querySelectorAll<SVGSVGElement>('svg'))) {
    const box = svg.getBoundingClientRect();
    const area = box.width * box.height;
    if (area > bestArea) {
      best = svg;
      bestArea = area;
    }
  }
  return best;
}

/** Standalone SVG text of `svg`, computed styles inlined, on a white background. */
export function serializeChartSvg(svg: SVGSVGElement, title: string): { text: string; width: number; height: number } {
  const box = svg.getBoundingClientRect();
  const width = Math.max(1, Math.round(box.width));
  const height = Math.max(1, Math.round(box.height));
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...Array.from(svg.querySelectorAll('*'))];
  const copies = [clone, ...Array.from(clone.querySelectorAll('*'))];
  originals.forEach((original, i) => {
    const copy = copies[i];
    if (!copy) return;
    const computed = getComputedStyle(original);
    const style = STYLE_PROPERTIES.map((name) => `${name}:${computed.getPropertyValue(name)}`).join(';');
    copy.setAttribute('style', style);
    copy.removeAttribute('class');
  });
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  clone.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const ns = 'http://www.w3.org/2000/svg';
  const background = document.createElementNS(ns, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', '#ffffff');
  const titleElement = document.createElementNS(ns, 'title');
  titleElement.textContent = title;
  clone.insertBefore(background, clone.firstChild);
  clone.insertBefore(titleElement, clone.firstChild);
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}\n`;
  return { text, width, height };
}

/** The SVG drawn onto a canvas at `scale`× as a PNG blob. */
export async function svgToPng(svgText: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.decoding = 'async';
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('this browser cannot draw on a canvas');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => {
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the chart could not be turned into a PNG'))), 'image/png');
    });
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** "Fan chart: socialized loss" → "haircut-fan-chart-socialized-loss". */
export function chartFileStem(title: string): string {
  const slug = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `haircut-${slug || 'chart'}`;
}

export interface ChartExportFrame {
  title: string;
  caption: string;
  /** Colour swatches with their meaning, drawn under the chart. */
  legend: readonly { color: string; label: string }[];
  /** What made the chart: one short "name value" line each. */
  parameters: readonly string[];
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Greedy word wrap at `max` characters (a long word stands alone on its line). */
export function wrapText(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * The chart's standalone SVG (serializeChartSvg's text) inside a frame that keeps what the page shows around it:
 * the title above, then the chart, its legend, its caption and the parameters that made it. A file that travels
 * without the page still says what it shows.
 */
export function frameChartSvg(chart: { text: string; width: number; height: number }, frame: ChartExportFrame): { text: string; width: number; height: number } {
  const width = Math.max(chart.width, 480);
  const chars = Math.max(40, Math.floor(width / 6.6));
  const line = 16;
  const pad = 12;
  const parts: string[] = [];
  let y = pad + 16;
  parts.push(`<text x="${pad}" y="${y}" font-family="sans-serif" font-size="15" font-weight="bold" fill="#1d2330">${escapeXml(frame.title)}</text>`);
  y += 10;
  const inner = chart.text.replace(/^<\?xml[^>]*\?>\s*/, '').replace(/^<svg /, `<svg x="0" y="${y}" `);
  parts.push(inner.trim());
  y += chart.height + 8;
  let x = pad;
  for (const item of frame.legend) {
    const label = escapeXml(item.label);
    const itemWidth = 22 + item.label.length * 6.6;
    if (x + itemWidth > width - pad && x > pad) {
      x = pad;
      y += line;
    }
    parts.push(`<rect x="${x}" y="${y}" width="12" height="12" fill="${escapeXml(item.color)}"/>`);
    parts.push(`<text x="${x + 16}" y="${y + 10}" font-family="sans-serif" font-size="12" fill="#1d2330">${label}</text>`);
    x += itemWidth + 12;
  }
  if (frame.legend.length > 0) y += line + 6;
  for (const text of wrapText(frame.caption, chars)) {
    y += line;
    parts.push(`<text x="${pad}" y="${y}" font-family="sans-serif" font-size="12" fill="#1d2330">${escapeXml(text)}</text>`);
  }
  y += 6;
  for (const text of frame.parameters.flatMap((p) => wrapText(p, chars + 10))) {
    y += 14;
    parts.push(`<text x="${pad}" y="${y}" font-family="monospace" font-size="10.5" fill="#5b6475">${escapeXml(text)}</text>`);
  }
  const height = Math.ceil(y + pad);
  const text =
    `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<title>${escapeXml(frame.title)}</title><rect width="100%" height="100%" fill="#ffffff"/>${parts.join('')}</svg>\n`;
  return { text, width, height };
}
