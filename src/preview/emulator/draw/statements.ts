/** The Statements tab (xAPI, cmi5) and the Raw tab: the data as the platform stores it. */
import { $, esc, setHtml, time } from '../dom';
import { verbOf } from '../lrs';
import type { Statement } from '../protocol';
import type { Snapshot } from '../snapshot';
import { readWebStore } from '../snapshot';
import { isLrs, isScorm, S, STATE_ID } from '../state';
import { tone } from './cells';

function statementSummary(s: Statement): string {
  const r = s.result || {};
  const parts: string[] = [];
  if (r.score) parts.push(`score ${r.score.raw !== undefined ? r.score.raw : r.score.scaled}`);
  if (r.success !== undefined) parts.push(r.success ? 'success' : 'no success');
  if (r.completion !== undefined) parts.push(r.completion ? 'complete' : 'incomplete');
  if (r.response !== undefined) parts.push(`response ${JSON.stringify(r.response)}`);
  const ext = r.extensions || {};
  for (const k of Object.keys(ext)) if (/progress$/.test(k)) parts.push(`progress ${ext[k]} %`);
  if (r.duration) parts.push(r.duration);
  return parts.join(' · ');
}

function objectName(s: Statement): string {
  const def = s.object?.definition || {};
  const name = def.name ? def.name[Object.keys(def.name)[0]!] : '';
  return name || String(s.object?.id || '').split('/').slice(-2).join('/');
}

export function drawStatements(): void {
  $('tab-statements').hidden = !isLrs();
  $('count-statements').textContent = String(S.statements.length);
  if (!isLrs()) {
    setHtml($('pane-statements'), '');
    return;
  }
  let html = '<ol class="statements" id="statements">';
  for (const s of S.statements) {
    const v = verbOf(s);
    html += `<li data-verb="${esc(v)}"><details data-id="${esc(s.id)}"${S.open[s.id] ? ' open' : ''}><summary><span class="t">${time(s.timestamp)}</span><span class="verb ${esc(tone(v) === 'plain' ? `v-${v}` : tone(v))}">${esc(v)}</span><span class="obj">${esc(objectName(s))}</span><span class="res muted">${esc(statementSummary(s))}</span></summary><pre class="raw">${esc(JSON.stringify(s, null, 2))}</pre></details></li>`;
  }
  if (!S.statements.length) html += '<li class="empty">No statements yet.</li>';
  setHtml($('pane-statements'), `${html}</ol>`);
}

export function drawRaw(snap: Snapshot): void {
  let html = '';
  if (isScorm()) html += `<h3>CMI data model (scorm-again)</h3><pre class="raw">${esc(JSON.stringify(snap.cmi, null, 2))}</pre>`;
  else if (isLrs()) {
    html += `<h3>State document <code>${STATE_ID}</code></h3><pre class="raw">${esc(S.stateDoc ? JSON.stringify(S.stateDoc, null, 2) : '(none yet)')}</pre>`;
    if (S.launchData) html += `<h3>LMS.LaunchData</h3><pre class="raw">${esc(JSON.stringify(S.launchData, null, 2))}</pre>`;
    if (S.launch) html += `<h3>Launch URL</h3><pre class="raw">${esc(decodeURIComponent(S.launch.url))}</pre>`;
  } else html += `<h3>localStorage</h3><pre class="raw">${esc(JSON.stringify(readWebStore(), null, 2))}</pre>`;
  setHtml($('pane-raw'), html);
}
