import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';

/** templates/ sits at the repo root, two levels above both src/compiler/render and build/compiler/render. */
export const TEMPLATE_DIR = path.join(__dirname, '..', '..', '..', 'templates');

export interface Templates {
  course: Handlebars.TemplateDelegate;
  handout: Handlebars.TemplateDelegate;
  /** One question form; its context is a QuestionView plus the interface strings. */
  question: Handlebars.TemplateDelegate;
  /** Renders one registered partial (a page, a generated page) to a string. */
  partial(name: string, context: object): string;
  css: string;
  /** The print button of handout pages (no inline handlers: the CSP allows no inline script). */
  handoutScript: string;
}

let cached: Templates | undefined;

/** Compiles the layouts and registers one partial per question type, once per process. */
export function loadTemplates(): Templates {
  if (cached) return cached;
  const hbs = Handlebars.create();
  hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  const partialDir = path.join(TEMPLATE_DIR, 'partials');
  for (const file of readdirSync(partialDir).filter((f) => f.endsWith('.hbs'))) {
    hbs.registerPartial(file.replace(/\.hbs$/, ''), readFileSync(path.join(partialDir, file), 'utf8'));
  }
  const partials = new Map<string, Handlebars.TemplateDelegate>();
  const layout = (name: string) => hbs.compile(readFileSync(path.join(TEMPLATE_DIR, 'layouts', `${name}.hbs`), 'utf8'), { strict: false, noEscape: false });
  cached = {
    course: layout('course'),
    handout: layout('handout'),
    question: hbs.compile('{{> question}}'),
    partial: (name, context) => {
      let render = partials.get(name);
      if (!render) partials.set(name, (render = hbs.compile(`{{> ${name}}}`)));
      return render(context);
    },
    css: readFileSync(path.join(TEMPLATE_DIR, 'styles', 'coursepack.css'), 'utf8'),
    handoutScript: readFileSync(path.join(TEMPLATE_DIR, 'scripts', 'handout.js'), 'utf8'),
  };
  return cached;
}
