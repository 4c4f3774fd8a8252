import { useState, type ReactNode } from 'react';
import { useAppStore } from '../../state/useAppStore';

const WIDE = '(min-width: 900px)';

/** Whether sections start open: on a wide screen as asked, on a phone only those marked `phoneOpen`. */
function startsOpen(open: boolean, phoneOpen: boolean): boolean {
  const wide = typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(WIDE).matches : true;
  return wide ? open : phoneOpen;
}

/** Number of draft problems whose field starts with one of these prefixes ("margin", "scenario"). */
function useProblemCount(prefixes: readonly string[]): number {
  return useAppStore((s) => s.draftProblems.filter((p) => prefixes.some((prefix) => p.field === prefix || p.field.startsWith(`${prefix}.`) || p.field.startsWith(`${prefix}[`))).length);
}

/** A collapsible group of parameters; its summary line says the current values and any problems inside. */
export function Section({
  id,
  title,
  summary,
  fields,
  open = true,
  phoneOpen = false,
  children,
}: {
  id: string;
  title: string;
  summary: string;
  /** Top-level parameter sections whose problems count here. */
  fields: readonly string[];
  open?: boolean;
  phoneOpen?: boolean;
  children: ReactNode;
}) {
  const [initiallyOpen] = useState(() => startsOpen(open, phoneOpen));
  const problems = useProblemCount(fields);
  return (
    <details className="section" id={id} open={initiallyOpen}>
      <summary>
        <span className="section-title">{title}</span>
        {problems > 0 ? (
          <span className="section-badge">
            {problems} {problems === 1 ? 'problem' : 'problems'}
          </span>
        ) : (
          <span className="section-summary">{summary}</span>
        )}
      </summary>
      <div className="section-body">{children}</div>
    </details>
  );
}
