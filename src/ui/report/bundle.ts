// The post as a .zip: post.md, post.json and the charts on screen (SVG and PNG, as the charts' own Save buttons
// write them), referenced by file name from the Markdown. fflate is already the share codec's library.
import { strToU8, zipSync } from 'fflate';
import { renderForumPostMarkdown, type ForumPost } from '../../report/forumPost';
import { chartFileStem, findChartSvg, serializeChartSvg, svgToPng } from '../share/chartExport';

/** The cards the post shows: the three fans and where the bad debt went. */
export const POST_CHART_IDS = ['chart-fan-fund', 'chart-fan-baddebt', 'chart-fan-socialized', 'chart-waterfall'] as const;

export interface ChartImage {
  title: string;
  stem: string;
  svg: string;
  png: Uint8Array;
}

/** The charts drawn on the page now (a card still waiting or with nothing to draw is left out). */
export async function captureCharts(root: ParentNode = document): Promise<ChartImage[]> {
  const out: ChartImage[] = [];
  for (const id of POST_CHART_IDS) {
    const card = root.querySelector(`[data-testid="${id}"]`);
    const svg = card ? findChartSvg(card) : null;
    if (!card || !svg) continue;
    const title = card.querySelector('h3')?.textContent?.trim() || id;
    const { text, width, height } = serializeChartSvg(svg, title);
    const png = new Uint8Array(await (await svgToPng(text, width, height)).arrayBuffer());
    out.push({ title, stem: chartFileStem(title), svg: text, png });
  }
  return out;
}

/** The post's chart list for these images: the PNG is what forums show inline. */
export const chartRefs = (images: ChartImage[]) => images.map((c) => ({ file: `${c.stem}.png`, title: c.title }));

export function bundleZip(post: ForumPost, images: ChartImage[]): Uint8Array {
  const files: Record<string, Uint8Array> = {
    'post.md': strToU8(renderForumPostMarkdown(post)),
    'post.json': strToU8(`${JSON.stringify(post, null, 2)}\n`),
  };
  for (const c of images) {
    files[`${c.stem}.svg`] = strToU8(c.svg);
    files[`${c.stem}.png`] = c.png;
  }
  return zipSync(files, { level: 6 });
}
