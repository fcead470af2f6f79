/** Draws the whole panel from the state, and switches its tabs. */
import { $, esc } from '../dom';
import { snapshot } from '../snapshot';
import { isLrs, isScorm, S } from '../state';
import { drawBookmark, drawInteractions } from './bookmark';
import { drawCalls } from './calls';
import { drawRaw, drawStatements } from './statements';
import { drawSummary, drawSuspendMeter } from './summary';

export const TABS = ['suspend', 'interactions', 'calls', 'statements', 'raw'];

function drawWho(): void {
  if (!S.launch) return;
  const l = S.launch;
  $('who').innerHTML = `${esc(l.learner.name)} <code>${esc(l.learner.id)}</code> · launch ${esc(l.session)}${isScorm() ? ` · entry <code id="entry-value">${esc(S.entry)}</code>` : ''}`;
}

export function draw(): void {
  if (!S.build || !S.build.ok) return;
  const snap = snapshot();
  drawWho();
  drawSummary(snap);
  drawSuspendMeter(snap);
  let pane = S.tab;
  if (pane === 'statements' && !isLrs()) pane = 'suspend';
  drawBookmark(snap);
  drawInteractions(snap);
  drawCalls();
  drawStatements();
  drawRaw(snap);
  selectTab(pane, false);
}

export function selectTab(name: string, focus: boolean): void {
  const opening = S.tab !== name;
  S.tab = name;
  for (const t of TABS) {
    const on = t === name;
    $(`tab-${t}`).setAttribute('aria-selected', String(on));
    $(`tab-${t}`).tabIndex = on ? 0 : -1;
    $(`pane-${t}`).hidden = !on;
  }
  if (focus) $(`tab-${name}`).focus();
  // The newest calls are the interesting ones: open the log at its end.
  if (opening && name === 'calls') $('pane-calls').scrollTop = $('pane-calls').scrollHeight;
}
