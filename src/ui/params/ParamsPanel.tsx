import { selectDraftProblems } from '../../state/selectors';
import { appStore, useAppStore } from '../../state/useAppStore';
import { FundSection, MechanismSection } from './FundAndMechanismSections';
import { LiquidationSection } from './LiquidationSection';
import { MarginSection } from './MarginSection';
import { PopulationSection } from './PopulationSection';
import { PresetMenu } from './PresetMenu';
import { RunSection } from './RunSection';
import { ScenarioSection } from './ScenarioSection';
import { fieldDomId, specOf } from './fieldSpecs';
import { describeProblem } from './fieldText';

/** The DOM id of the input a problem belongs to, if the form has one for it. */
function inputIdFor(field: string): string | null {
  if (field.startsWith('scenario.prices')) return 'param-scenario-prices';
  if (field.startsWith('population.accounts')) return 'param-population-csv';
  const spec = specOf(field);
  return spec ? fieldDomId(spec.path) : null;
}

/** Opens the sections around a field and moves focus to it. */
function focusField(id: string): void {
  const el = document.getElementById(id);
  if (!el) return;
  for (let p = el.parentElement; p; p = p.parentElement) if (p instanceof HTMLDetailsElement) p.open = true;
  el.focus();
}

/** Every problem of the draft in one list, each linked to its field: nothing runs until the list is empty. */
function ProblemSummary() {
  const problems = useAppStore(selectDraftProblems);
  if (problems.length === 0) return null;
  return (
    <div className="problem-summary" role="status" data-testid="draft-problems">
      <p>
        <strong>
          {problems.length === 1 ? 'One value needs fixing' : `${problems.length} values need fixing`}
        </strong>{' '}
        — nothing runs until it is fixed; the results show the last valid parameters.
      </p>
      <ul>
        {problems.slice(0, 6).map((p) => {
          const id = inputIdFor(p.field);
          const label = specOf(p.field)?.label ?? p.field;
          const text = `${label}: ${describeProblem(p.message, specOf(p.field)?.kind ?? null)}`;
          return (
            <li key={`${p.field}:${p.message}`}>
              {id ? (
                <a
                  href={`#${id}`}
                  onClick={(event) => {
                    event.preventDefault();
                    focusField(id);
                  }}
                >
                  {text}
                </a>
              ) : (
                text
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** Every governance parameter, grouped as a risk team thinks of them; edits apply as they are made. */
export function ParamsPanel() {
  return (
    <form className="panel params-panel" aria-labelledby="params-heading" onSubmit={(event) => event.preventDefault()} noValidate>
      <div className="panel-heading">
        <h2 id="params-heading">Parameters</h2>
        <button type="button" className="secondary small" onClick={() => appStore.getState().resetParams()}>
          Reset to defaults
        </button>
      </div>
      <p className="panel-intro">Changes apply as you type; the results re-run on the same paths.</p>
      <ProblemSummary />
      <PresetMenu />
      <ScenarioSection />
      <PopulationSection />
      <MarginSection />
      <LiquidationSection />
      <FundSection />
      <MechanismSection />
      <RunSection />
    </form>
  );
}
