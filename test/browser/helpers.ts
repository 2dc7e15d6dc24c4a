/** Small helpers shared by the browser tests. */
import { readCsv, type DatasetSchema } from '../../src/charts/shared/dataset.ts';

/** Resolves after `count` animation frames: long enough for observers and Lit updates to settle. */
export async function frames(count = 2): Promise<void> {
  for (let i = 0; i < count; i++) await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
}

/** Polls `condition` every frame until it holds; fails with `what` after `timeoutMs`. */
export async function until(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await frames(1);
  }
}

/** Reads one of the story's CSV files with its schema, as the build does. */
export async function storyRows<Row>(schema: DatasetSchema<Row>): Promise<Row[]> {
  const response = await fetch(`/story/data/${schema.file}`);
  const { rows, problems } = readCsv(schema, await response.text());
  if (problems.length) throw new Error(`${schema.file}: ${problems.map((p) => `${p.line}: ${p.message}`).join('; ')}`);
  return rows;
}

/**
 * Opens a chart's data table as a reader does, by its "Show the data" summary, and waits for its rows: a chart
 * renders its table only while it is open.
 */
export async function openTable(element: Element): Promise<void> {
  const details = element.shadowRoot!.querySelector('details')!;
  if (!details.open) {
    const toggled = new Promise((resolve) => details.addEventListener('toggle', resolve, { once: true }));
    details.querySelector('summary')!.click();
    await toggled;
  }
  await until(() => details.querySelector('table') !== null, 'the data table');
}

/** Adds markup to the page in a fresh container of the given width; removed by `cleanup()`. */
export function mount(markup: string, width = 640): HTMLElement {
  const container = document.createElement('div');
  container.className = 'fl-test-mount';
  container.style.width = `${width}px`;
  container.innerHTML = markup;
  document.body.append(container);
  return container;
}

export function cleanup(): void {
  for (const container of document.querySelectorAll('.fl-test-mount')) container.remove();
}

/** Waits until a chart element has drawn its current state (the base class sets data-drawn). */
export async function drawn(element: Element, timeoutMs = 5000): Promise<void> {
  await until(() => element.hasAttribute('data-drawn') && (element as unknown as { updateComplete?: unknown }).updateComplete !== undefined, `<${element.localName}> to draw`, timeoutMs);
  await (element as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  await frames(2);
}

/**
 * Waits until a chart's picture is final: its current state drawn and every transition of it ended (the chart's
 * `settled` promise). Fails with the chart's name after `timeoutMs` rather than hanging the file.
 */
export async function settled(element: Element, timeoutMs = 5000): Promise<void> {
  let timer = 0;
  const deadline = new Promise<never>((_, reject) => {
    timer = window.setTimeout(() => reject(new Error(`timed out waiting for <${element.localName}> to settle`)), timeoutMs);
  });
  try {
    await Promise.race([(element as unknown as { settled: Promise<void> }).settled, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Captures console.warn calls while `body` runs, less Lit's development-build notices (they link to
 * lit.dev/msg/). Lit issues each of those once per page, in whichever test first meets its case, so a test
 * counting a chart's own warnings would count one of them only when it happened to run first.
 */
export async function captureWarnings(body: () => Promise<void>): Promise<string[]> {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => {
    const text = args.map(String).join(' ');
    if (!text.includes('lit.dev/msg/')) warnings.push(text);
  };
  try {
    await body();
  } finally {
    console.warn = original;
  }
  return warnings;
}

/**
 * Makes the page report prefers-reduced-motion (or not) to the charts, which ask matchMedia at draw time;
 * returns the function that restores the real matchMedia.
 */
export function stubReducedMotion(matches: boolean): () => void {
  const original = window.matchMedia;
  window.matchMedia = ((query: string) => ({
    matches: matches && query.includes('reduce'),
    media: query,
    onchange: null,
    addListener() {},
    removeListener() {},
    addEventListener() {},
    removeEventListener() {},
    dispatchEvent: () => false,
  })) as typeof window.matchMedia;
  return () => {
    window.matchMedia = original;
  };
}

/**
 * Where a chart's text is placed, as its attributes say: its own x and y, and the transform of the group that
 * positions it (a label moves by its group, so that moving it does not lay its text out again).
 */
export function textPlace(text: Element): string {
  const group = text.parentElement?.matches('[class$="-at"]') ? text.parentElement.getAttribute('transform') : null;
  return `${text.getAttribute('x') ?? ''},${text.getAttribute('y') ?? ''}${group ? ` ${group}` : ''}`;
}
