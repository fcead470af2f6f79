/** The Bookmark and Interactions tabs: the suspend data decoded, and what the platform recorded. */
import { $, esc, setHtml } from '../dom';
import { decoded, type Snapshot } from '../snapshot';
import { S } from '../state';
import { badge } from './cells';

export function drawBookmark(snap: Snapshot): void {
  const raw = snap.suspend;
  let html = '';
  if (!raw) {
    html = '<p class="empty">No suspend data yet: the course writes it at its first checkpoint.</p>';
  } else {
    const d = decoded(raw);
    if ('pending' in d) html += '<p class="muted">Decoding…</p>';
    else if (!d.ok) html += `<p class="warn">${esc(d.reason)}</p>`;
    else {
      html += '<dl class="kv">';
      html += `<div><dt>Page</dt><dd id="bm-page">${esc(d.page.index + 1)} of ${esc(d.visited.of)} · <code>${esc(d.page.id)}</code> <span class="muted">${esc(d.page.title)}</span></dd></div>`;
      html += `<div><dt>Visited</dt><dd id="bm-visited">${esc(d.visited.count)} of ${esc(d.visited.of)} pages</dd></div>`;
      html += `<div><dt>Session</dt><dd>${esc(d.session)} <span class="muted">· quiz seed ${esc(d.quizSeed)}</span></dd></div>`;
      html += '</dl>';
      html += `<table class="grid" id="bm-answers"><caption>Answers kept (${d.answers.length} of ${d.answers.length + d.unanswered})</caption><thead><tr><th>Question</th><th>Type</th><th>Answer</th></tr></thead><tbody>`;
      for (const a of d.answers) {
        html += `<tr data-question="${esc(a.id)}"><td><code>${esc(a.id)}</code></td><td>${esc(a.type)}${a.role === 'quiz' ? ' <span class="tag">quiz</span>' : ''}</td><td>${esc(a.answer)}</td></tr>`;
      }
      if (!d.answers.length) html += '<tr><td colspan="3" class="empty">No answers yet</td></tr>';
      html += '</tbody></table>';
    }
    html += `<h3>Raw</h3><pre class="raw" id="bm-raw">${esc(raw)}</pre>`;
  }
  setHtml($('pane-suspend'), html);
}

export function drawInteractions(snap: Snapshot): void {
  const list = snap.interactions;
  $('count-interactions').textContent = String(list.length);
  if (S.target === 'web') {
    setHtml($('pane-interactions'), '<p class="empty">A web package records no interactions.</p>');
    return;
  }
  let html = '<table class="grid" id="interactions"><thead><tr><th>#</th><th>Id</th><th>Type</th><th>Response</th><th>Result</th></tr></thead><tbody>';
  for (const i of list) {
    html += `<tr title="${esc(`correct: ${i.correct}\ntime: ${i.time || ''}`)}"><td>${esc(i.n)}</td><td><code>${esc(i.id)}</code></td><td>${esc(i.type)}</td><td class="wrap"><code>${esc(i.response)}</code></td><td>${badge(i.result)}</td></tr>`;
  }
  if (!list.length) html += '<tr><td colspan="5" class="empty">No interactions yet: answer a question.</td></tr>';
  setHtml($('pane-interactions'), `${html}</tbody></table>`);
}
