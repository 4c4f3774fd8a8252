import { useEffect, useRef, useState } from 'react';
import { selectParams, selectPaths, selectSeed } from '../../state/selectors';
import { appStore } from '../../state/useAppStore';
import { chartFileStem, findChartSvg, frameChartSvg, serializeChartSvg, svgToPng, type ChartExportFrame } from './chartExport';
import { exportParameterLines } from './exportParameters';
import { downloadBlob, downloadText } from './download';
import './share.css';

export type ChartLegend = ChartExportFrame['legend'];

/**
 * Saves the chart of the card it sits in (the nearest <figure>, or `target`) as SVG or PNG, framed with its title,
 * legend, caption and the parameters that made it. One "Save" button per chart (one tab stop) opens the two
 * formats. Mount it in a chart card's head; it finds the Recharts <svg> itself.
 */
export function ChartExportButton({ title, target, legend = [] }: { title: string; target?: Element | null; legend?: ChartLegend }) {
  const own = useRef<HTMLDivElement>(null);
  const first = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (open) first.current?.focus();
  }, [open]);

  const save = async (format: 'svg' | 'png') => {
    setOpen(false);
    setProblem(null);
    const card = target ?? own.current?.closest('figure') ?? null;
    const svg = card ? findChartSvg(card) : null;
    if (!svg) {
      setProblem('Nothing to save yet: the chart is not drawn.');
      return;
    }
    try {
      const state = appStore.getState();
      const caption = card?.querySelector('figcaption')?.textContent?.trim() ?? '';
      const { text, width, height } = frameChartSvg(serializeChartSvg(svg, title), {
        title,
        caption,
        legend,
        parameters: exportParameterLines(selectParams(state), selectPaths(state), selectSeed(state)),
      });
      const stem = chartFileStem(title);
      if (format === 'svg') downloadText(text, `${stem}.svg`, 'image/svg+xml');
      else downloadBlob(await svgToPng(text, width, height), `${stem}.png`);
    } catch (error) {
      setProblem(`The chart could not be saved: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  return (
    <div
      className="chart-export"
      ref={own}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          setOpen(false);
          own.current?.querySelector<HTMLButtonElement>('.chart-export-toggle')?.focus();
        }
      }}
    >
      <button type="button" className="chart-export-button chart-export-toggle" aria-expanded={open} aria-label={`Save “${title}”…`} onClick={() => setOpen(!open)}>
        Save
      </button>
      {open && (
        <span className="chart-export-menu" role="group" aria-label={`Formats for “${title}”`}>
          <button ref={first} type="button" className="chart-export-button" onClick={() => void save('svg')} aria-label={`Save “${title}” as SVG`}>
            SVG
          </button>
          <button type="button" className="chart-export-button" onClick={() => void save('png')} aria-label={`Save “${title}” as PNG`}>
            PNG
          </button>
        </span>
      )}
      {problem && (
        <span className="chart-export-problem" role="status">
          {problem}
        </span>
      )}
    </div>
  );
}

