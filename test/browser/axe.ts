/** axe-core, loaded into a page under test (the built story's frame) and run over a document or one element. */

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[] }[];
}

type AxeWindow = Window & { axe?: { run(context: Document | Element, options: object): Promise<{ violations: AxeViolation[] }> } };

export async function runAxe(win: Window, context: Document | Element): Promise<AxeViolation[]> {
  const target = win as AxeWindow;
  if (!target.axe) {
    const script = win.document.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    const loaded = new Promise((resolve, reject) => {
      script.onload = resolve;
      script.onerror = reject;
    });
    win.document.head.append(script);
    await loaded;
  }
  return (await target.axe!.run(context, { resultTypes: ['violations'] })).violations;
}

/** One line per violation, naming where it is: the assertion message a failing test prints. */
export function describeViolations(violations: readonly AxeViolation[]): string {
  return violations
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)
    .join('\n');
}
