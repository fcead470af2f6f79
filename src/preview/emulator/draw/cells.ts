/** The small pieces of HTML the panel is made of. */
import { esc } from '../dom';
import { S } from '../state';

export function row(label: string, value: string, id?: string, cls?: string): string {
  return `<div class="row${cls ? ` ${cls}` : ''}"><dt>${esc(label)}</dt><dd${id ? ` id="${id}"` : ''}>${value}</dd></div>`;
}

export function badge(value: unknown, kind?: string): string {
  const text = value === undefined || value === null || value === '' ? '—' : String(value);
  return `<span class="badge ${kind || tone(text)}">${esc(text)}</span>`;
}

export function tone(v: string): string {
  if (/^(passed|completed|correct|true)$/.test(v)) return 'good';
  if (/^(failed|incorrect|wrong|false)$/.test(v)) return 'bad';
  if (/^(incomplete|browsed|unknown|neutral)$/.test(v)) return 'mid';
  return 'plain';
}

export function mono(v: unknown): string {
  return v === undefined || v === null || v === '' ? '<span class="none">—</span>' : `<code>${esc(v)}</code>`;
}

export function pageTitle(id: string | undefined): string {
  const p = S.build && S.build.ok && S.build.pages ? S.build.pages.find((x) => x.id === id) : null;
  return p ? ` <span class="muted">${esc(p.title)}</span>` : '';
}

export function scoreText(raw: unknown, min?: unknown, max?: unknown): string {
  if (raw === undefined || raw === null || raw === '') return '<span class="none">—</span>';
  return `<strong>${esc(raw)}</strong>${max !== undefined && max !== '' ? ` <span class="muted">/ ${esc(max)}${min !== undefined && min !== '' ? ` (min ${esc(min)})` : ''}</span>` : ''}`;
}
