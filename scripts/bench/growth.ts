/**
 * The growth run's story: the article with its steps repeated, each copy's ids given a suffix (`-2`, `-3`, ...),
 * until it has at least the number of steps asked for. The steps stay one run, so they form one scrolly section
 * (the hardest case for the engine: nothing can be split by section). Front matter and the prose after the last
 * step are kept once.
 */
import { readFileSync, writeFileSync } from 'node:fs';

const STEP_BLOCK = /^::::step\{#([\w-]+)([^}\n]*)\}\n[\s\S]*?\n::::\n/gm;

/** Writes the long story to `outFile`; returns how many steps it has. */
export function writeLongStory(sourceFile: string, outFile: string, minSteps: number): number {
  const source = readFileSync(sourceFile, 'utf8');
  const blocks = [...source.matchAll(STEP_BLOCK)];
  if (!blocks.length) throw new Error(`${sourceFile}: no steps found`);
  const first = blocks[0]!.index!;
  const last = blocks.at(-1)!;
  const end = last.index! + last[0].length;
  const run = source.slice(first, end);
  const copies = Math.ceil(minSteps / blocks.length);
  const parts: string[] = [source.slice(0, first), run];
  for (let copy = 2; copy <= copies; copy++) {
    parts.push('\n', run.replace(/^::::step\{#([\w-]+)/gm, (_match, id: string) => `::::step{#${id}-${copy}`));
  }
  parts.push(source.slice(end));
  writeFileSync(outFile, parts.join(''));
  return blocks.length * copies;
}
