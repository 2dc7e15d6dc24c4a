/**
 * Where the main thread's time goes in a scroll-through: `npx tsx scripts/bench/trace.ts URL|DIR [--mode reading|fling]
 * [--viewport phone|desktop] [--max-px N] [--out trace.json] [--light] [--cpu N] [--scroll script|wheel]`; a directory (dist/) is served compressed, as the bench does.
 * With --load, the page's load instead of a scroll (see load-trace.ts: what was fetched when, the first paint, each
 * largest-contentful-paint candidate and the main thread's tasks before it, or before --until MS); --reference traces the bench's
 * no-JavaScript reference page of the same build.
 * Records a Chromium trace (devtools.timeline) of one throttled scroll-through and prints the renderer main
 * thread's self time by event name (script, style, layout, paint, compositor commits, IntersectionObserver
 * work), each long task by its parts, the number of elements on the page, and with --profile script time by
 * function (--top N: how many functions per task, 10 unless told). --task-ms N breaks down tasks over N ms
 * instead of 50 (several short tasks between two frames hold them up as one long one does).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { referencePage, serveStatic } from './server.ts';
import { LOAD_OBSERVER, rendererMainThread, reportLoad, type LoadRecord, type TraceEvent } from './load-trace.ts';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium.ts';
import { PACED_SCROLL, SCROLL_MODES, SCROLL_OPTIONS, VIEWPORTS, cpuThrottlingFrom, scrollDriverFrom, settleAfterLoad, wheelScroll, type ScrollMode, type ViewportName } from './scroll.ts';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? undefined : args[i + 1];
};
const target = args.find((arg, i) => !arg.startsWith('--') && !args[i - 1]?.startsWith('--'));
const REFERENCE_PATH = '/bench-reference.html';
const served = target && !/^https?:/.test(target) && existsSync(target);
const server = served ? await serveStatic(target, { [REFERENCE_PATH]: referencePage(readFileSync(join(target, 'index.html'), 'utf8')) }) : null;
const url = server ? `${server.origin}${args.includes('--reference') ? REFERENCE_PATH : '/index.html'}` : target;
const loadMode = args.includes('--load');
if (!url) {
  console.error('usage: tsx scripts/bench/trace.ts URL [--mode reading|fling] [--viewport phone|desktop] [--max-px N] [--out FILE]');
  process.exit(2);
}
const mode = (option('mode') ?? 'reading') as ScrollMode;
/** --cpu N: the CPU slowdown, 4x (the bench's) unless told. */
SCROLL_OPTIONS.cpuThrottling = cpuThrottlingFrom(args);
/** --scroll wheel: moved by the browser's own scroll gesture instead of the page's script (scroll.ts says how they differ). */
SCROLL_OPTIONS.driver = scrollDriverFrom(args);
const viewport = (option('viewport') ?? 'phone') as ViewportName;
const maxPx = Number(option('max-px') ?? 0);
/** Tasks over this many ms are broken down (--task-ms; 50, a long task, unless told): smaller ones pile up too. */
const TASK_MS = Number(option('task-ms') ?? 50);

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
}

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_FLAGS] });
const context = await browser.newContext({ viewport: VIEWPORTS[viewport], deviceScaleFactor: 1, isMobile: viewport === 'phone', hasTouch: viewport === 'phone' });
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: SCROLL_OPTIONS.cpuThrottling });
// --light: the timeline's own categories only; the others (blink, cc, ...) slow a throttled page enough to turn
// 40 ms frames into long tasks. Not for --load: its report needs the navigation's start and the requests, which
// only the other categories record.
const TRACE_CATEGORIES = args.includes('--light') && !loadMode
  ? ['devtools.timeline', 'disabled-by-default-devtools.timeline']
  : ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'cc', 'latencyInfo', 'loading', 'blink.user_timing', 'netlog'];
// --invalidations: what made each style recalculation and layout necessary (node and reason), into --out's trace.
if (args.includes('--invalidations')) TRACE_CATEGORIES.push('disabled-by-default-devtools.timeline.invalidationTracking');
// --stacks: the script stack that forced each style recalculation and layout (a read of a box after a change).
if (args.includes('--stacks')) TRACE_CATEGORIES.push('disabled-by-default-devtools.timeline.stack');
if (loadMode) {
  await page.addInitScript({ content: LOAD_OBSERVER });
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
}
await page.goto(url, { waitUntil: 'networkidle' });
await settleAfterLoad(page);
if (loadMode) {
  const record = (await page.evaluate('window.__load')) as LoadRecord;
  const buffer = await browser.stopTracing();
  await browser.close();
  await server?.close();
  const out = option('out');
  if (out) writeFileSync(out, buffer);
  reportLoad(JSON.parse(buffer.toString('utf8')).traceEvents, record, url, viewport, option('until') === undefined ? undefined : Number(option('until')));
  process.exit(0);
}
if (args.includes('--profile')) {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
}
await browser.startTracing(page, { categories: TRACE_CATEGORIES });
if (SCROLL_OPTIONS.driver === 'wheel') {
  await wheelScroll(page, cdp, SCROLL_MODES[mode], maxPx);
} else {
  const pace = { pxPerTick: SCROLL_MODES[mode], tickMs: SCROLL_OPTIONS.tickMs, maxPx };
  await page.evaluate(`(${PACED_SCROLL})({ ...${JSON.stringify(pace)}, start: performance.now() })`);
}
// The last step's chart settles.
await page.waitForTimeout(1000);
const buffer = await browser.stopTracing();
const profile = args.includes('--profile') ? ((await cdp.send('Profiler.stop')) as { profile: CpuProfile }).profile : null;
const elements = await page.evaluate(() => document.querySelectorAll('*').length);
await browser.close();
await server?.close();
const out = option('out');
if (out) writeFileSync(out, buffer);

const events = (JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
// The renderer main thread of the page: the thread named CrRendererMain with the most complete events.
const main = rendererMainThread(events);
const complete = events
  .filter((event) => event.ph === 'X' && `${event.pid}:${event.tid}` === main && event.dur !== undefined)
  .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
// Self time: each event's duration less its children's.
const self = new Map<string, number>();
const stack: { end: number; name: string; label: string }[] = [];
const tasks: number[] = [];
/** Each long task's own self time by event (script named by function where the trace says). */
const longTasks: { start: number; ms: number; parts: Map<string, number> }[] = [];
let current: { start: number; end: number; ms: number; parts: Map<string, number> } | null = null;
const label = (event: TraceEvent): string => {
  const data = event.args?.data as { functionName?: string; url?: string; type?: string } | undefined;
  if (event.name === 'FunctionCall' && data) return `FunctionCall ${data.functionName || '(anonymous)'} ${String(data.url ?? '').split('/').pop()}`;
  if (event.name === 'EventDispatch' && data?.type) return `EventDispatch ${data.type}`;
  return event.name;
};
for (const event of complete) {
  while (stack.length && stack.at(-1)!.end <= event.ts) stack.pop();
  const parent = stack.at(-1);
  if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - event.dur!);
  else if (event.name === 'RunTask' || event.name === 'ThreadControllerImpl::RunTask') {
    tasks.push(event.dur! / 1000);
    current = event.dur! > TASK_MS * 1000 ? { start: event.ts, end: event.ts + event.dur!, ms: event.dur! / 1000, parts: new Map() } : null;
    if (current) longTasks.push(current);
  }
  if (current && event.ts < current.end) {
    const name = label(event);
    if (parent) current.parts.set(parent.label, (current.parts.get(parent.label) ?? 0) - event.dur!);
    current.parts.set(name, (current.parts.get(name) ?? 0) + event.dur!);
  }
  self.set(event.name, (self.get(event.name) ?? 0) + event.dur!);
  stack.push({ end: event.ts + event.dur!, name: event.name, label: label(event) });
}
const rows = [...self].sort((a, b) => b[1] - a[1]).slice(0, 25);
console.log(`${url}: ${viewport} ${mode}, ${SCROLL_OPTIONS.cpuThrottling}x CPU; ${elements} elements`);
console.log(`tasks: ${tasks.length}, long (> 50 ms): ${tasks.filter((ms) => ms > 50).length}, longest ${Math.max(0, ...tasks).toFixed(0)} ms, total ${(tasks.reduce((a, b) => a + b, 0) / 1000).toFixed(2)} s`);
console.log('main-thread self time by event:');
for (const [name, us] of rows) console.log(`  ${(us / 1000).toFixed(0).padStart(7)} ms  ${name}`);
console.log('long tasks, largest parts (self time):');
for (const task of longTasks.slice(0, Number(option('long') ?? 12))) {
  const parts = [...task.parts].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([name, us]) => `${name} ${(us / 1000).toFixed(0)}`);
  console.log(`  ${task.ms.toFixed(0)} ms: ${parts.join('; ')}`);
}
if (profile) {
  // Self time by function (file:line), from the CPU profile's samples.
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)!.callFrame;
    const key = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber + 1}`;
    selfUs.set(key, (selfUs.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
  });
  console.log('script self time by function:');
  for (const [name, us] of [...selfUs].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`  ${(us / 1000).toFixed(0).padStart(7)} ms  ${name}`);
  // Each long task's script by function, inclusive (a function's own time and its callees'), from the samples
  // taken inside the task (the profile and the trace share one clock). Build with FRONTLINES_NO_MINIFY=1 to read names.
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  let at = profile.startTime;
  const sampleTimes = profile.timeDeltas.map((delta) => (at += delta));
  console.log('long tasks, script by function (inclusive):');
  for (const task of longTasks.slice(0, Number(option('long') ?? 12))) {
    const inclusive = new Map<string, number>();
    profile.samples.forEach((id, i) => {
      if (sampleTimes[i]! < task.start || sampleTimes[i]! > task.start + task.ms * 1000) return;
      const seen = new Set<string>();
      for (let node: number | undefined = id; node !== undefined; node = parentOf.get(node)) {
        const frame = byId.get(node)!.callFrame;
        if (!frame.url || frame.url.startsWith('(')) continue;
        const key = `${frame.functionName || '(anon)'} ${frame.url.split('/').pop()!.replace(/-[\w-]{8}\.js$/, '')}:${frame.lineNumber + 1}`;
        if (seen.has(key)) continue;
        seen.add(key);
        inclusive.set(key, (inclusive.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
      }
    });
    const top = [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, Number(option('top') ?? 10)).map(([name, us]) => `${name} ${(us / 1000).toFixed(0)}`);
    console.log(`  ${task.ms.toFixed(0)} ms: ${top.join('; ')}`);
  }
}
