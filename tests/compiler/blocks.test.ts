import { compile } from '../../src/compiler';
import { renderSite } from '../../src/compiler/render';
import { ContentError, type Diagnostic } from '../../src/diagnostics';
import { courseCopy } from './helpers';

const basics = 'lessons/basics.en.md';
const fr = 'lessons/basics.fr.md';

/** A page of blocks appended to both languages of the fixture course. */
function withBlocks(en: string, frText = en): string {
  const page = (body: string) => (t: string) => `${t}\n# Blocks {#blocks}\n\n${body}\n`;
  return courseCopy({ [basics]: page(en), [fr]: page(frText) });
}

async function errorsOf(dir: string): Promise<Diagnostic[]> {
  try {
    await compile(dir, { targets: ['web'] });
  } catch (error) {
    if (error instanceof ContentError) return error.diagnostics.filter((d) => d.severity === 'error');
    throw error;
  }
  throw new Error('expected content errors');
}

/** Line of the first line of the appended page holding `needle` (the page starts after the fixture). */
async function firstError(body: string): Promise<Diagnostic & { text: string }> {
  const dir = withBlocks(body);
  const errors = (await errorsOf(dir)).filter((d) => d.file.endsWith('basics.en.md'));
  expect(errors.length).toBeGreaterThan(0);
  const { readFileSync } = await import('node:fs');
  const lines = readFileSync(`${dir}/${basics}`, 'utf8').split('\n');
  return { ...errors[0]!, text: lines[errors[0]!.line - 1] ?? '' };
}

describe('every block mistake is a positioned error with a hint and a rule', () => {
  test('unknown block suggests the nearest name, at the name', async () => {
    const d = await firstError('::: acordion\n## A\ntext\n:::');
    expect(d).toMatchObject({ rule: 'block/unknown', column: 5, hint: 'did you mean "accordion"?' });
    expect(d.text).toBe('::: acordion');
  });

  test('unknown attribute, at the attribute, with the known ones', async () => {
    const d = await firstError('::: note colour="red"\ntext\n:::');
    expect(d).toMatchObject({ rule: 'block/unknown-attribute', column: 10 });
    expect(d.hint).toContain('title');
  });

  test('attribute without quotes', async () => {
    const d = await firstError('::: quote by=Amina\ntext\n:::');
    expect(d).toMatchObject({ rule: 'block/malformed-attribute', hint: 'write by="Amina"' });
  });

  test('unclosed block', async () => {
    const d = await firstError('::: note\nnever closed');
    expect(d).toMatchObject({ rule: 'block/unclosed', column: 1 });
    expect(d.text).toBe('::: note');
  });

  test('a closing line that closes nothing', async () => {
    const d = await firstError('text\n\n:::\n');
    expect(d).toMatchObject({ rule: 'block/stray-close' });
    expect(d.text).toBe(':::');
  });

  test('inner block with more colons than the outer one', async () => {
    const errors = await errorsOf(withBlocks('::: two-column\n## A\na\n:::: note\nx\n::::\n## B\nb\n:::'));
    expect(errors).toContainEqual(expect.objectContaining({ rule: 'block/mismatched-close', hint: expect.stringContaining('fewer colons') }));
  });

  test('wrong number of items', async () => {
    const d = await firstError('::: two-column\n## Only one\ntext\n:::');
    expect(d).toMatchObject({ rule: 'block/item-count' });
    expect(d.message).toContain('needs 2');
  });

  test('page heading inside a block', async () => {
    const d = await firstError('::: note\n# Not a page\n:::');
    expect(d).toMatchObject({ rule: 'block/page-heading-inside' });
  });

  test('button without a link', async () => {
    const d = await firstError('::: button\nJust text\n:::');
    expect(d).toMatchObject({ rule: 'block/missing-link' });
  });

  test('sorting without its id: a missing required attribute, at the block name', async () => {
    const d = await firstError('::: sorting\nSort.\n## A\n- a\n## B\n- b\n:::');
    expect(d).toMatchObject({ rule: 'block/missing-attribute', column: 5, hint: 'add id="…" after "sorting"' });
  });

  test('sorting: a category without cards, and no prompt', async () => {
    const errors = await errorsOf(withBlocks('::: sorting id="s1"\n## A\n- a\n## B\nNo list here.\n:::'));
    expect(errors).toContainEqual(expect.objectContaining({ rule: 'block/missing-item', message: 'category "B" has no cards' }));
    expect(errors).toContainEqual(expect.objectContaining({ rule: 'block/missing-prompt' }));
  });

  test('a flag with a value that is not true or false', async () => {
    const d = await firstError('::: accordion required="yes"\n## A\na\n:::');
    expect(d).toMatchObject({ rule: 'block/invalid-attribute', column: 15 });
  });

  test('a continue gate inside another block', async () => {
    const d = await firstError(':::: accordion\n## A\n::: continue\n:::\n::::');
    expect(d).toMatchObject({ rule: 'block/not-top-level' });
    expect(d.text).toBe('::: continue');
  });

  test('tabs with one tab, a divider with text', async () => {
    const errors = await errorsOf(withBlocks('::: tabs\n## Only\nx\n:::\n\n::: divider\nText\n:::'));
    expect(errors).toContainEqual(expect.objectContaining({ rule: 'block/item-count', message: expect.stringContaining('needs 2 to 8') }));
    expect(errors).toContainEqual(expect.objectContaining({ rule: 'block/unexpected-content' }));
  });

  test('a translation with different blocks', async () => {
    const dir = withBlocks('::: accordion\n## A\na\n## B\nb\n:::', '::: accordion\n## A\na\n:::');
    const errors = await errorsOf(dir);
    expect(errors).toContainEqual(expect.objectContaining({ rule: 'translation/blocks-differ', file: expect.stringContaining('basics.fr.md') }));
  });

  test('all mistakes are reported together', async () => {
    const errors = await errorsOf(withBlocks('::: acordion\n:::\n\n::: note colour="x"\n:::\n\n::: two-column\n:::'));
    expect(errors.map((d) => d.rule)).toEqual(expect.arrayContaining(['block/unknown', 'block/unknown-attribute', 'block/item-count']));
  });
});

test('blocks render: callout, quote with attribution, nested block in a column, labelled table region', async () => {
  const dir = withBlocks('::: warning title="Mind"\nCareful.\n:::\n\n:::: two-column\n## Left\n::: tip\nIn.\n:::\n## Right\nR\n::::\n\n::: quote by="A. Person" source="2018"\nWords.\n:::');
  const { models } = await compile(dir, { targets: ['web'] });
  const site = await renderSite(models.find((m) => m.lang === 'en')!);
  const html = site.files.get('index.html') as string;
  expect(html).toContain('<aside class="cp-callout cp-callout-warning" aria-label="Warning"><p class="cp-callout-title">Mind</p>');
  expect(html).toMatch(/<section class="cp-column"[^>]*><h2[^>]*>Left<\/h2><aside class="cp-callout cp-callout-tip"/);
  expect(html).toContain('<figcaption><span class="cp-quote-by">A. Person</span><cite>2018</cite></figcaption>');
  expect(html).toContain('<div class="cp-table" role="region" tabindex="0" aria-label="A, B">');
  const css = site.files.get('coursepack.css') as string;
  expect(css).toContain('.cp-callout{');
  expect(css).not.toContain('.cp-accordion');
});
