/** The build chip, the content errors over the course, the course title and its languages. */
import { $, esc, time } from './dom';
import type { Build, FailedBuild } from './protocol';
import { S } from './state';

export function applyBuild(build: Build): void {
  S.build = build.ok ? build : S.build && S.build.ok ? { ...S.build, failed: build } : build;
  const chip = $('build');
  if (!build.ok) {
    chip.className = 'build bad';
    $('build-text').textContent = `Content errors · ${time()}`;
    showErrors(build);
    return;
  }
  hideErrors();
  chip.className = 'build ok';
  const warnings = build.warnings || [];
  const warn = warnings.length ? ` · ${warnings.length} warning${warnings.length > 1 ? 's' : ''}` : '';
  $('build-text').textContent = `Built in ${build.ms} ms · ${time()}${warn}`;
  chip.title = warnings.map((d) => `${d.file}:${d.line}  ${d.message}`).join('\n');
  $('course-title').textContent = build.title;
  $('course-title').title = `${build.title} (${S.info!.courseDir})`;
  document.title = `${build.title} · Coursepack preview`;
  fillLanguages(build.languages, build.lang);
}

function showErrors(build: FailedBuild): void {
  const list = build.diagnostics || [];
  const errors = list.filter((d) => d.severity === 'error');
  $('errors-title').textContent = errors.length ? `The course has ${errors.length} content error${errors.length > 1 ? 's' : ''}` : 'The course could not be built';
  let html = '';
  for (const d of list) {
    html += `<li class="${esc(d.severity)}"><div class="where"><code>${esc(`${d.file}:${d.line}:${d.column}`)}</code> <span class="rule">${esc(d.rule)}</span></div><div class="msg">${esc(d.message)}</div>${d.hint ? `<div class="hint">${esc(d.hint)}</div>` : ''}</li>`;
  }
  if (!list.length) html = `<li class="error"><div class="msg">${esc(build.message)}</div></li>`;
  $('errors-list').innerHTML = html;
  $('errors').hidden = false;
}

function hideErrors(): void {
  $('errors').hidden = true;
}

export function showProblem(message: string): void {
  showErrors({ ok: false, diagnostics: [], message });
}

function fillLanguages(languages: string[], current: string): void {
  const select = $<HTMLSelectElement>('lang');
  const have = Array.from(select.options, (o) => o.value).join(',');
  if (have !== languages.join(',')) {
    select.innerHTML = languages.map((l) => `<option value="${esc(l)}">${esc(l)}</option>`).join('');
  }
  select.value = current;
}
