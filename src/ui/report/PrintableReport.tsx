import type { ForumPost } from '../../report/forumPost';

const STEWARD = { within: 'within', outside: 'outside: full vote', 'not-steward': 'not a steward parameter: full vote' } as const;

/**
 * The post laid out for paper: hidden on screen, shown by the print stylesheet (report.css) above the fan charts
 * and the waterfall, so the browser's "Save as PDF" gives the governance document.
 */
export function PrintableReport({ post }: { post: ForumPost }) {
  const r = post.reproducibility;
  return (
    <article className="print-report" data-testid="print-report">
      <h1>{post.title}</h1>
      <p>{post.summary}</p>
      <h2>Specification</h2>
      {post.parameters.length === 0 ? (
        <p>No parameter changes: the proposal equals the current parameters.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Parameter</th>
              <th className="num">Current</th>
              <th className="num">Proposed</th>
              <th>Risk steward</th>
            </tr>
          </thead>
          <tbody>
            {post.parameters.map((p) => (
              <tr key={p.field}>
                <td>{p.parameter}</td>
                <td className="num">{p.current}</td>
                <td className="num">{p.proposed}</td>
                <td>{STEWARD[p.steward]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>
        Results (per path of {post.horizon}, {post.run.paths.toLocaleString('en-US')} paths, seed {post.run.seed})
      </h2>
      <table>
        <thead>
          <tr>
            <th>Metric</th>
            <th className="num">Current</th>
            <th className="num">Proposed</th>
            <th className="num">Change (95 % interval)</th>
          </tr>
        </thead>
        <tbody>
          {post.metrics.map((m) => (
            <tr key={m.key}>
              <td>{m.metric}</td>
              <td className="num">{m.text.current}</td>
              <td className="num">{m.text.proposed}</td>
              <td className="num">{m.text.change}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Assumptions</h2>
      <ul>
        {post.assumptions.map((a) => (
          <li key={a}>{a}</li>
        ))}
        <li>
          Model: {post.docs.model}; assumptions and sources: {post.docs.assumptions}. Left out: {post.leftOut.join('; ')}.
        </li>
      </ul>
      <h2>Reproducibility</h2>
      <ul className="repro">
        <li>Engine version {r.engineVersion}</li>
        <li>
          Run id (proposal) <code>{r.proposalRunId}</code>
        </li>
        <li>
          Run id (current) <code>{r.baselineRunId}</code>
        </li>
        <li>
          Every number: <code>{r.command}</code>
        </li>
      </ul>
      <h2 className="print-charts-heading">Charts (proposal)</h2>
    </article>
  );
}
