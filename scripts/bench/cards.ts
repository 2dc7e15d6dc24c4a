/**
 * How long the build's drawings and share cards take from nothing (src/drawings/): every step drawn at both sizes,
 * then every step's card rendered to PNG, into an empty cache, so the figure is a cold build's, not a cached one's.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildStory } from '../../src/build/build.ts';
import { drawStory } from '../../src/drawings/draw.ts';
import { shareCards, storyDrawingsFrom } from '../../src/drawings/plugin.ts';

export interface CardFigures {
  readonly steps: number;
  /** Every step's chart at both sizes, as SVG. */
  readonly drawingsMs: number;
  /** Every step's card, as PNG, and its share page. */
  readonly cardsMs: number;
}

export async function measureCards(root = process.cwd()): Promise<CardFigures> {
  const cacheDir = mkdtempSync(join(tmpdir(), 'frontlines-cards-'));
  try {
    const built = buildStory({ root });
    const drawStart = performance.now();
    const { drawings, css } = await drawStory(built.story, built.datasets, { root, cacheDir });
    const drawingsMs = performance.now() - drawStart;
    const set = storyDrawingsFrom(built, drawings, css);
    const cardStart = performance.now();
    const cards = await shareCards(root, set, cacheDir);
    return { steps: cards.length, drawingsMs, cardsMs: performance.now() - cardStart };
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

// `npx tsx scripts/bench/cards.ts`: the figures alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  const figures = await measureCards();
  console.log(`${figures.steps} steps: drawings ${Math.round(figures.drawingsMs)} ms, cards ${Math.round(figures.cardsMs)} ms (cold)`);
}
