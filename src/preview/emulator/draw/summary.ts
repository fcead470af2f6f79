/** The summary rows (status, score, location…) and the suspend-data meter. */
import { $, esc, num, setHtml, time } from '../dom';
import { lrsSummary } from '../lrs';
import type { Snapshot } from '../snapshot';
import { isLrs, isScorm, registration, S } from '../state';
import { badge, mono, pageTitle, row, scoreText } from './cells';

const location = (snap: Snapshot) => row('Location', mono(snap.location) + pageTitle(snap.location), 'location');
const NONE = '<span class="none">—</span>';

function scormRows(snap: Snapshot): string {
  const cmi = snap.cmi || {};
  let html = '';
  if (S.target === 'scorm12') {
    const core = cmi.core || {};
    html += row('Status', badge(core.lesson_status), 'status');
    html += row('Score', scoreText(core.score?.raw, core.score?.min, core.score?.max), 'score');
    html += location(snap);
    html += row('Entry · exit', `${mono(S.entry)} · ${mono(core.exit)}`, 'entry');
    html += row('Time', `${mono(core.session_time)} <span class="muted">session</span>`, 'time');
  } else {
    html += row('Status', `${badge(cmi.completion_status)} ${badge(cmi.success_status)}`, 'status');
    html += row('Score', cmi.score && cmi.score.scaled !== '' ? `${scoreText(cmi.score.raw, cmi.score.min, cmi.score.max)} <span class="muted">scaled ${esc(cmi.score.scaled)}</span>` : scoreText(''), 'score');
    html += row('Progress', cmi.progress_measure === '' || cmi.progress_measure === undefined ? NONE : `${esc(Math.round(Number(cmi.progress_measure) * 100))} %`, 'progress');
    html += location(snap);
    html += row('Entry · exit', `${mono(S.entry)} · ${mono(cmi.exit)}`, 'entry');
    html += row('Time', `${mono(cmi.session_time)} <span class="muted">session</span>`, 'time');
  }
  const dirty = S.committed !== null && S.api && JSON.stringify(S.api.cmi) !== S.committed;
  html += row('Commits', esc(S.commits) + (S.lastCommit ? ` <span class="muted">last ${time(S.lastCommit)}</span>` : '') + (dirty ? ' <span class="badge mid" title="Values set since the last Commit: an LMS would lose them if the window closed now">uncommitted changes</span>' : ''), 'commits');
  return html;
}

function lrsRows(snap: Snapshot): string {
  const sum = lrsSummary();
  let html = '';
  html += row('Status', `${badge(sum.completed ? 'completed' : sum.initialized ? 'incomplete' : 'not attempted')} ${badge(sum.success)}`, 'status');
  html += row('Score', sum.score ? `${scoreText(sum.score.raw, sum.score.min, sum.score.max)} <span class="muted">scaled ${esc(sum.score.scaled)}</span>` : scoreText(''), 'score');
  html += row('Progress', sum.progress === null ? NONE : `${esc(sum.progress)} %`, 'progress');
  html += location(snap);
  html += row('Registration', mono(registration()), 'registration');
  const data = S.launchData;
  if (S.target === 'cmi5' && data) {
    html += row('Launch data', `${esc(data.launchMode)} · moveOn ${esc(data.moveOn)}${data.masteryScore !== undefined ? ` · mastery ${esc(data.masteryScore)}` : ''}`, 'launch-data');
  }
  return html;
}

export function drawSummary(snap: Snapshot): void {
  let html: string;
  if (isScorm()) html = scormRows(snap);
  else if (isLrs()) html = lrsRows(snap);
  else {
    html = row('Status', badge('not tracked', 'plain'), 'status');
    html += location(snap);
    html += row('Storage', '<span class="muted">a web package reports to no platform: it keeps its place in this browser (localStorage)</span>', 'storage');
  }
  setHtml($('summary'), html);
}

export function drawSuspendMeter(snap: Snapshot): void {
  const build = S.build && S.build.ok ? S.build : undefined;
  const size = snap.suspend.length;
  const limit = snap.limit;
  const worst = build?.suspendData ? build.suspendData.worstCase : 0;
  const text = `${num(size)}${limit ? ` / ${num(limit)}` : ''} chars`;
  $('suspend-size').innerHTML = `${esc(text)} <span class="muted">· worst case ${num(worst)}${limit ? '' : ' · no limit'}</span>`;
  $('suspend-size').title = limit ? `The ${build?.label} limit is ${num(limit)} characters; this course can write at most ${num(worst)}.` : `${build ? build.label : S.target} sets no size limit; this course can write at most ${num(worst)} characters.`;
  const scale = limit || Math.max(worst, size, 1);
  const used = $('suspend-meter').querySelector<HTMLElement>('.used')!;
  const mark = $('suspend-meter').querySelector<HTMLElement>('.worst')!;
  used.style.width = `${Math.min(100, (size / scale) * 100)}%`;
  used.className = `used${limit && size > limit ? ' over' : ''}`;
  mark.style.left = `${Math.min(100, (worst / scale) * 100)}%`;
  mark.hidden = !limit;
  $('suspend-box').dataset.size = String(size);
}
