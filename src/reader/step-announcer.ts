/**
 * What a screen reader hears when the step changes: the sentence of the chart that step shows, once per step
 * change, from one polite live region in the page. The charts' own announcements are turned off in the story, so
 * nothing is said twice, and a sentence is only said if its step is still the one shown when the chart has drawn
 * it, so a chart that has already faded out says nothing. Where the step is, a screen reader hears from the step's
 * text ("Step 7 of 28", step-focus.ts), and presentation mode says its own "Slide N of M".
 */
import type { Story, StoryStep } from '../types/story.ts';
import type { FlStory } from '../scrolly/fl-story.ts';
import type { StepChangeDetail } from '../scrolly/step-change-event.ts';

type ChartElement = HTMLElement & { announceChanges?: boolean; updateComplete?: Promise<unknown> };

/** How long a chart may take to load its code and draw before its sentence is given up on. */
const DRAW_WAIT_MS = 8000;

export function installStepAnnouncer(root: FlStory, story: Story): HTMLElement {
  const live = document.createElement('div');
  live.className = 'fl-sr-only fl-step-live';
  live.setAttribute('role', 'status');
  live.setAttribute('aria-live', 'polite');
  (document.querySelector('main') ?? document.body).append(live);

  // The story speaks for its charts (each chart's element upgrades when its code loads).
  for (const tag of new Set(story.steps.map((step) => step.tag))) {
    void customElements.whenDefined(tag).then(() => {
      for (const element of root.querySelectorAll<ChartElement>(tag)) element.announceChanges = false;
    });
  }

  let latest = 0;
  const stepById = new Map(story.steps.map((step) => [step.id, step]));
  root.addEventListener('fl-step-change', (event) => {
    const { id } = (event as CustomEvent<StepChangeDetail>).detail;
    const step = stepById.get(id);
    if (!step) return;
    const token = ++latest;
    void sentenceWhenDrawn(root, step, () => token !== latest).then((sentence) => {
      // A later step change, or a step no longer shown, wins: its chart has faded out.
      if (token !== latest || !sentence || root.activeId !== step.id) return;
      live.textContent = sentence;
    });
  });
  return live;
}

/**
 * The chart's sentence for the step's state, once the chart has drawn that state; null if it never does, or once
 * a later step change has made the wait pointless.
 */
async function sentenceWhenDrawn(root: FlStory, step: StoryStep, superseded: () => boolean): Promise<string | null> {
  const element = root.querySelector<ChartElement>(`#${CSS.escape(step.section)} ${step.tag}`);
  if (!element) return null;
  const deadline = performance.now() + DRAW_WAIT_MS;
  for (;;) {
    if (customElements.get(step.tag)) {
      await element.updateComplete;
      const drawnState = element.getAttribute('data-drawn');
      const state = (element as unknown as { chartState?: unknown }).chartState;
      const description = element.shadowRoot?.querySelector('.description')?.textContent?.trim() ?? '';
      if (drawnState && drawnState === JSON.stringify(state) && description) return description;
    }
    if (superseded() || performance.now() > deadline) return null;
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}
