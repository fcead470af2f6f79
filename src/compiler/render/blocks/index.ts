import type { BlockFamily, BlockNode, RenderContext } from './family';
import { accordion } from './accordion';
import { button } from './button';
import { callout } from './callout';
import { columns } from './columns';
import { divider } from './divider';
import { flashcards } from './flashcards';
import { gate } from './gate';
import { processSteps } from './process';
import { quote } from './quote';
import { sorting } from './sorting';
import { statement } from './statement';
import { audio, transcript, video } from './audio-video';
import { diagram } from './diagram';
import { figure } from './figure';
import { gallery } from './gallery';
import { labelledGraphic } from './labelled-graphic';
import { tabs } from './tabs';
import { timeline } from './timeline';

export type { BlockContent, BlockFamily, BlockItem, BlockNode, RenderContext, Report } from './family';

/** Every block family; a new family is a new file here plus its attributes in src/schema/blocks.ts. */
const families: readonly BlockFamily[] = [callout, quote, statement, columns, divider, button, accordion, tabs, flashcards, processSteps, timeline, sorting, gate, figure, gallery, diagram, video, audio, transcript, labelledGraphic];

const byName = new Map(families.flatMap((f) => f.names.map((n) => [n, f] as const)));

export function familyOf(name: string): BlockFamily | undefined {
  return byName.get(name);
}

export function knownBlockNames(): string[] {
  return [...byName.keys()];
}

export function renderBlock(node: BlockNode, ctx: RenderContext): string {
  return familyOf(node.name)?.render?.(node, ctx) ?? '';
}
