import { useRef, useState } from 'react';
import { chartFileStem, findChartSvg, serializeChartSvg, svgToPng } from './chartExport';
import { downloadBlob, downloadText } from './download';
import './share.css';

/**
 * Saves the chart of the card it sits in (the nearest <figure>, or `target`) as SVG or PNG. Mount it in a chart
 * card's head; it finds the Recharts <svg> itself.
 */
export function ChartExportButton({ title, target }: { title: string; target?: Element | null }) {
  const own = useRef<HTMLDivElement>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const save = async (format: 'svg' | 'png') => {
    setProblem(null);
    const card = target ?? own.current?.closest('figure') ?? null;
    const svg = card ? findChartSvg(card) : null;
    if (!svg) {
      setProblem('Nothing to save yet: the chart is not drawn.');
      return;
    }
    try {
      const { text, width, height } = serializeChartSvg(svg, title);
      const stem = chartFileStem(title);
      if (format === 'svg') downloadText(text, `${stem}.svg`, 'image/svg+xml');
      else downloadBlob(await svgToPng(text, width, height), `${stem}.png`);
    } catch (error) {
      setProblem(`The chart could not be saved: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  return (
    <div className="chart-export" ref={own}>
      <button type="button" className="chart-export-button" onClick={() => void save('svg')} aria-label={`Save “${title}” as SVG`}>
        SVG
      </button>
      <button type="button" className="chart-export-button" onClick={() => void save('png')} aria-label={`Save “${title}” as PNG`}>
        PNG
      </button>
      {problem && (
        <span className="chart-export-problem" role="status">
          {problem}
        </span>
      )}
    </div>
  );
}
