import type { Token } from '../../markdown';
import type { BlockContent, BlockFamily } from './family';

/** The bullet-list items of a category, as written (inline Markdown). */
function listItems(body: BlockContent[]): string[] {
  const out: string[] = [];
  let depth = 0;
  for (const t of body.flatMap((c): Token[] => c.tokens)) {
    if (t.type === 'list_item_open') depth++;
    else if (t.type === 'list_item_close') depth--;
    else if (t.type === 'inline' && depth > 0) out.push(t.content);
  }
  return out;
}

const prose = (content: BlockContent[]) =>
  content.flatMap((c) => c.tokens).filter((t) => t.type === 'inline').map((t) => t.content).join('\n\n');

/**
 * Sorting activity: the text before the first `##` is the prompt, each `##` a category, and the
 * bullet list under it the cards that belong there. It is a question (type sorting): answered,
 * scored, kept in the bookmark and reported as a matching interaction, card → category.
 */
export const sorting: BlockFamily = {
  names: ['sorting'],
  items: { min: 2, max: 6, what: 'category' },
  script: 'sorting',
  style: 'sorting',
  check(node, report) {
    if (!prose(node.intro)) report(node.line, 'block/missing-prompt', 'a sorting activity needs a prompt', 'write what to do before the first ## category, e.g. "Sort each situation into its category."');
    for (const item of node.items) {
      if (!listItems(item.body).length) report(item.line, 'block/missing-item', `category "${item.title}" has no cards`, 'list its cards under the heading as bullet points: "- card text"');
    }
  },
  toQuestion: (node) => ({
    id: node.attrs.id,
    type: 'sorting',
    prompt: prose(node.intro),
    ...(node.attrs.required === 'true' ? { required: true } : {}),
    categories: node.items.map((item) => ({ name: item.title, items: listItems(item.body) })),
  }),
};
