import type { QuestionModel } from '../model';
import { DEFAULT_LIKERT_SIZE } from '../model/shapes';
import { plainText, renderInline, renderMarkdown, type LinkEnv } from './markdown-html';
import { fixedPermutation } from './shuffle';

interface OptionView {
  index: number;
  html: string;
  /** Plain text, where HTML cannot go (select options). */
  text?: string;
  feedback?: string;
}

/** Everything a question partial shows; partials hold no logic beyond loops and ifs. */
export interface QuestionView {
  id: string;
  index: number;
  type: string;
  role: string;
  partial: string;
  prompt: string;
  situation?: string;
  inputType?: 'radio' | 'checkbox';
  options?: OptionView[];
  sources?: OptionView[];
  targets?: OptionView[];
  items?: OptionView[];
  maxLength?: number;
  feedbackCorrect?: string;
  feedbackIncorrect?: string;
  submitLabel: string;
  canRetry: boolean;
}

/**
 * The player says the verdict ("Not quite."); feedback written to start with the same words would
 * have it said twice, so those words are dropped from the feedback.
 */
export function withoutVerdict(html: string | undefined, verdict: string | undefined): string | undefined {
  const words = verdict?.trim().replace(/[.!。！]+$/u, '');
  if (!html || !words) return html;
  const match = html.match(/^\s*(\S[\s\S]*)$/);
  const text = match?.[1] ?? html;
  if (!text.toLocaleLowerCase().startsWith(words.toLocaleLowerCase())) return html;
  const rest = text.slice(words.length);
  if (rest && !/^[\s.!,;:。！，]/u.test(rest)) return html;
  const kept = rest.replace(/^[.!,;:。！，]*\s*/u, '');
  return kept ? kept.charAt(0).toLocaleUpperCase() + kept.slice(1) : undefined;
}

export function questionView(q: QuestionModel, env: LinkEnv, strings: Record<string, string>): QuestionView {
  const spec = q.spec;
  const inline = (t: string) => renderInline(t, env);
  const base = {
    id: q.id,
    index: q.index,
    type: spec.type,
    role: q.role,
    prompt: inline(spec.prompt),
    feedbackCorrect: withoutVerdict(spec.feedback?.correct && inline(spec.feedback.correct), strings.correct),
    feedbackIncorrect: withoutVerdict(spec.feedback?.incorrect && inline(spec.feedback.incorrect), strings.incorrect),
    submitLabel: strings.submit ?? 'Submit',
    canRetry: q.role === 'check' || q.role === 'scenario',
  };
  switch (spec.type) {
    case 'single-choice':
    case 'multiple-response':
      return {
        ...base,
        partial: 'choice',
        inputType: spec.type === 'single-choice' ? 'radio' : 'checkbox',
        options: spec.options.map((o, index) => ({ index, html: inline(o.text), feedback: withoutVerdict(o.feedback && inline(o.feedback), o.correct ? strings.correct : strings.incorrect) })),
      };
    case 'true-false':
      return { ...base, partial: 'choice', inputType: 'radio', options: [strings.true, strings.false].map((label, index) => ({ index, html: label ?? '' })) };
    case 'likert': {
      const labels = spec.scale ?? (strings.likertDefault ?? '').split('|').slice(0, DEFAULT_LIKERT_SIZE);
      return { ...base, partial: 'choice', inputType: 'radio', options: labels.map((l, index) => ({ index, html: inline(l) })) };
    }
    case 'scenario':
      return {
        ...base,
        partial: 'scenario',
        situation: spec.situation && renderMarkdown(spec.situation, env),
        submitLabel: strings.decide ?? 'Decide',
        inputType: 'radio',
        options: spec.options.map((o, index) => ({ index, html: inline(o.text), feedback: inline(o.consequence) })),
      };
    case 'fill-in':
    case 'open':
      return { ...base, partial: spec.type, maxLength: spec.maxLength };
    case 'matching': {
      const order = fixedPermutation(q.id, spec.pairs.length);
      return {
        ...base,
        partial: 'matching',
        sources: spec.pairs.map((p, index) => ({ index, html: inline(p.source) })),
        targets: order.map((index) => ({ index, html: inline(spec.pairs[index]!.target), text: plainText(spec.pairs[index]!.target) })),
      };
    }
    case 'sorting': {
      const cards = spec.categories.flatMap((c) => c.items);
      const targets = spec.categories.map((c, index) => ({ index, html: inline(c.name), text: plainText(c.name) }));
      return { ...base, partial: 'sorting', targets, items: fixedPermutation(q.id, cards.length).map((index) => ({ index, html: inline(cards[index]!) })) };
    }
    case 'ordering': {
      const order = fixedPermutation(q.id, spec.items.length);
      return { ...base, partial: 'ordering', items: order.map((index) => ({ index, html: inline(spec.items[index]!) })) };
    }
  }
}
