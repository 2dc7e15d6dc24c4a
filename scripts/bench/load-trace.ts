/**
 * What a page's load does before its largest contentful paint, from a Chromium trace (devtools.timeline, loading)
 * and the page's own paint entries (`npx tsx scripts/bench/trace.ts dist --load [--reference]`): every request
 * with its priority, whether the browser held rendering for it and when it finished; the first paint; each LCP
 * candidate (element, size, time); the fonts as they load; and the renderer main thread's tasks up to the LCP,
 * each by its largest parts. Times are ms from the navigation's start.
 */

/** Installed before any page script: the paint entries, LCP candidates and font loads as the page sees them. */
export const LOAD_OBSERVER = String.raw`(() => {
  const load = { paints: [], lcp: [], fonts: [], shifts: 0 };
  window.__load = load;
  const describe = (node) => {
    if (!node) return '(removed)';
    if (node.nodeType !== 1) return node.parentElement ? describe(node.parentElement) : '#text';
    const classes = typeof node.className === 'string' && node.className.trim() ? '.' + node.className.trim().split(/\s+/).join('.') : '';
    const text = (node.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 40);
    return node.localName + (node.id ? '#' + node.id : '') + classes + (text ? ' "' + text + '"' : '');
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) load.paints.push({ name: entry.name, ms: entry.startTime });
  }).observe({ type: 'paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const box = entry.element ? entry.element.getBoundingClientRect() : null;
      load.lcp.push({ ms: entry.startTime, renderMs: entry.renderTime, size: entry.size, element: describe(entry.element), url: entry.url || '', box: box ? [Math.round(box.x), Math.round(box.y), Math.round(box.width), Math.round(box.height)] : null });
    }
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) load.shifts += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
  document.fonts.addEventListener('loadingdone', (event) => {
    for (const face of event.fontfaces) load.fonts.push({ ms: performance.now(), face: face.family + ' ' + face.weight + ' ' + face.style });
  });
})();`;

export interface LoadRecord {
  paints: { name: string; ms: number }[];
  lcp: { ms: number; renderMs: number; size: number; element: string; url: string; box: number[] | null }[];
  fonts: { ms: number; face: string }[];
  shifts: number;
}

/** A Chromium trace event, as much of it as the bench reads. */
export interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: Record<string, unknown>; frame?: string };
}

/**
 * The page's renderer main thread, as `pid:tid`: the one that parsed `url`'s HTML where the trace says (the
 * browser's own pages have renderer threads too), else the thread named CrRendererMain with the most complete events.
 */
export function rendererMainThread(events: readonly TraceEvent[], url?: string): string | undefined {
  const parser = url ? events.find((event) => event.name === 'ParseHTML' && (event.args as { beginData?: { url?: string } } | undefined)?.beginData?.url === url) : undefined;
  if (parser) return `${parser.pid}:${parser.tid}`;
  const threadNames = new Map<string, string>();
  for (const event of events) if (event.ph === 'M' && event.name === 'thread_name') threadNames.set(`${event.pid}:${event.tid}`, event.args?.name ?? '');
  const counts = new Map<string, number>();
  for (const event of events) {
    const key = `${event.pid}:${event.tid}`;
    if (event.ph === 'X' && threadNames.get(key) === 'CrRendererMain') counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

const ms = (value: number): string => `${value.toFixed(0).padStart(6)} ms`;

export function reportLoad(events: TraceEvent[], record: LoadRecord, url: string, viewport: string, untilMs?: number): void {
  const main = rendererMainThread(events, url);
  // Zero is the page's navigation start (the time origin of its paint entries).
  const starts = events.filter((event) => event.name === 'navigationStart' && `${event.pid}:${event.tid}` === main);
  const zero = starts.find((event) => (event.args?.data as { documentLoaderURL?: string } | undefined)?.documentLoaderURL === url)?.ts ?? starts.at(-1)?.ts ?? 0;
  const at = (ts: number): number => (ts - zero) / 1000;
  const lcp = record.lcp.at(-1)?.ms ?? Number.POSITIVE_INFINITY;

  console.log(`${url}: load, ${viewport}, 4x CPU, no network throttling`);
  console.log('requests (sent, response, finished; priority; render-blocking as the browser says):');
  const requests = new Map<string, { url: string; priority: string; blocking: string; sent: number; response?: number; done?: number; bytes?: number }>();
  for (const event of events) {
    const data = event.args?.data as Record<string, unknown> | undefined;
    const id = data?.requestId as string | undefined;
    if (!id) continue;
    if (event.name === 'ResourceSendRequest') {
      requests.set(id, { url: String(data!.url), priority: String(data!.priority ?? ''), blocking: String(data!.renderBlocking ?? ''), sent: at(event.ts) });
    } else if (event.name === 'ResourceReceiveResponse' && requests.has(id)) {
      requests.get(id)!.response = at(event.ts);
    } else if (event.name === 'ResourceFinish' && requests.has(id)) {
      const request = requests.get(id)!;
      request.done = typeof data!.finishTime === 'number' && data!.finishTime > 0 ? (data!.finishTime * 1e6 - zero) / 1000 : at(event.ts);
      request.bytes = Number(data!.encodedDataLength ?? 0);
    }
  }
  const origin = new URL(url).origin;
  for (const request of [...requests.values()].sort((a, b) => a.sent - b.sent)) {
    const name = request.url.startsWith(origin) ? request.url.slice(origin.length) : request.url.slice(0, 80);
    const after = request.done !== undefined && request.done > lcp ? '  (after the LCP)' : '';
    console.log(`  ${ms(request.sent)} ${ms(request.response ?? Number.NaN)} ${ms(request.done ?? Number.NaN)}  ${request.priority.padEnd(8)} ${request.blocking.padEnd(16)} ${String(request.bytes ?? '').padStart(7)} B  ${name}${after}`);
  }
  console.log('paints:');
  for (const paint of record.paints) console.log(`  ${ms(paint.ms)}  ${paint.name}`);
  for (const candidate of record.lcp) {
    console.log(`  ${ms(candidate.ms)}  LCP candidate: ${candidate.element}${candidate.url ? ` (${candidate.url.split('/').pop()})` : ''}, ${candidate.size} px² at [${candidate.box?.join(', ')}]`);
  }
  for (const font of record.fonts) console.log(`  ${ms(font.ms)}  font loaded: ${font.face}`);
  console.log(`  layout shift during load: ${record.shifts.toFixed(3)}`);

  // The main thread's tasks up to the LCP (or untilMs: the tasks after it, that Total Blocking Time counts), each by
  // its largest parts (self time).
  const end = untilMs ?? lcp + 50;
  const complete = events
    .filter((event) => event.ph === 'X' && `${event.pid}:${event.tid}` === main && event.dur !== undefined && at(event.ts) <= end && at(event.ts) >= -50)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const label = (event: TraceEvent): string => {
    const data = event.args?.data as { url?: string; functionName?: string; fileName?: string } | undefined;
    const file = String(data?.url ?? data?.fileName ?? '').split('/').pop();
    if (['EvaluateScript', 'v8.compileModule', 'v8.evaluateModule', 'FunctionCall', 'ParseHTML', 'v8.compile'].includes(event.name) && file) return `${event.name} ${file}`;
    return event.name;
  };
  const tasks: { start: number; ms: number; parts: Map<string, number> }[] = [];
  const stack: { end: number; label: string }[] = [];
  let current: { start: number; end: number; ms: number; parts: Map<string, number> } | null = null;
  for (const event of complete) {
    while (stack.length && stack.at(-1)!.end <= event.ts) stack.pop();
    const parent = stack.at(-1);
    if (!parent && (event.name === 'RunTask' || event.name === 'ThreadControllerImpl::RunTask')) {
      current = { start: at(event.ts), end: event.ts + event.dur!, ms: event.dur! / 1000, parts: new Map() };
      tasks.push(current);
    } else if (current && event.ts < current.end) {
      if (parent) current.parts.set(parent.label, (current.parts.get(parent.label) ?? 0) - event.dur!);
      current.parts.set(label(event), (current.parts.get(label(event)) ?? 0) + event.dur!);
    }
    stack.push({ end: event.ts + event.dur!, label: label(event) });
  }
  const busy = tasks.filter((task) => task.start <= lcp).reduce((sum, task) => sum + task.ms, 0);
  console.log(`main thread up to the LCP: ${tasks.filter((task) => task.start <= lcp).length} tasks, ${busy.toFixed(0)} ms busy; tasks over 5 ms${untilMs === undefined ? '' : ` up to ${untilMs} ms`}:`);
  for (const task of tasks.filter((task) => task.ms > 5)) {
    const parts = [...task.parts].filter(([name]) => name !== 'RunTask').sort((a, b) => b[1] - a[1]).slice(0, 5).map(([name, us]) => `${name} ${(us / 1000).toFixed(0)}`);
    console.log(`  ${ms(task.start)} ${task.ms.toFixed(0).padStart(5)} ms: ${parts.join('; ')}`);
  }
}
