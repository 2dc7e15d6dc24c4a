/**
 * Tab in reading order through the scrolly sections. A section's graphic comes before its steps in the page, and
 * one graphic serves every step, so the browser's own order reaches the first chart's buttons once and then never
 * the charts of later steps. Here, Tab goes: a step's text, its links, then the chart that step shows ("Show the
 * data", Embed), then the next step's text, and Shift+Tab the same way back. Only Tab and Shift+Tab, only where
 * the next stop would otherwise be out of that order; every other key, and Tab everywhere else, keeps its default.
 */
import type { Story, StoryStep } from '../types/story.ts';
import type { FlStory } from '../scrolly/fl-story.ts';
import { activeStep, focusStep, stepText } from './step-focus.ts';

const TABBABLE = 'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';

function visible(element: HTMLElement): boolean {
  return element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden' && !(element as HTMLButtonElement).disabled;
}

function tabbablesIn(root: ParentNode): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(TABBABLE)].filter(visible);
}

/** A step's own stops: its text, then the links in it. */
function stepStops(step: StoryStep): HTMLElement[] {
  const text = stepText(step.id);
  return text ? [text, ...tabbablesIn(text)] : [];
}

/** The stops of the chart a step shows, when it shows: "Show the data" (inside the chart), then the Embed button. */
function chartStops(step: StoryStep): HTMLElement[] {
  const section = document.getElementById(step.section);
  const wrapper = section?.querySelector<HTMLElement>(`.scrolly-chart[data-chart="${step.chart}"]`);
  if (!wrapper || !wrapper.hasAttribute('data-active')) return [];
  const chart = wrapper.querySelector(step.tag);
  const inside = chart?.shadowRoot ? tabbablesIn(chart.shadowRoot) : [];
  return [...inside, ...tabbablesIn(wrapper)];
}

/** The focused element, looking into a chart's shadow root. */
function deepActive(): HTMLElement | null {
  let active = document.activeElement as HTMLElement | null;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement as HTMLElement;
  return active;
}

type Place = { readonly step: StoryStep; readonly kind: 'step' | 'chart'; readonly stops: HTMLElement[]; readonly at: number };

export function installFocusOrder(root: FlStory, story: Story, presenting: () => boolean): void {
  /** Where focus is in the reading order, or null when it is not on a step's or a shown chart's stop. */
  const locate = (element: HTMLElement | null): Place | null => {
    if (!element) return null;
    const stepElement = element.closest<HTMLElement>('.step');
    if (stepElement) {
      const step = story.steps.find((candidate) => candidate.id === stepElement.id);
      if (!step) return null;
      const stops = stepStops(step);
      return { step, kind: 'step', stops, at: stops.indexOf(element) };
    }
    const current = activeStep(root);
    if (!current) return null;
    const stops = chartStops(current);
    const at = stops.indexOf(element);
    return at >= 0 ? { step: current, kind: 'chart', stops, at } : null;
  };

  const move = (stop: HTMLElement | undefined): boolean => {
    if (!stop) return false;
    stop.focus();
    return true;
  };

  /** The first stop of a step in reading order: its text, scrolled into place. */
  const enterStep = (step: StoryStep | undefined): boolean => {
    if (!step) return false;
    focusStep(root, step.id);
    return true;
  };

  /** The last stop of a step: its chart's last button, once the step is shown; else its last link or its text. */
  const enterStepFromEnd = (step: StoryStep | undefined): boolean => {
    if (!step) return false;
    if (root.activeId !== step.id) root.goTo(step.id);
    return move(chartStops(step).at(-1) ?? stepStops(step).at(-1));
  };

  /**
   * Focus that leaves a section's reading order goes on to the page's next stop after the section, or back to the
   * stop before its steps (the section's skip link and step control, then the page above).
   */
  const leaveSection = (section: Element, forward: boolean): boolean => {
    const stepsBox = section.querySelector(':scope > .scrolly-steps');
    if (!stepsBox) return false;
    const all = tabbablesIn(document).filter((element) => !element.closest('.scrolly-chart, .scrolly-steps'));
    if (forward) return move(all.find((element) => !section.contains(element) && section.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING));
    return move(all.filter((element) => stepsBox.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_PRECEDING).at(-1));
  };

  const next = (place: Place): boolean => {
    const { step } = place;
    if (place.at >= 0 && place.at < place.stops.length - 1) return move(place.stops[place.at + 1]);
    if (place.kind === 'step') {
      // The step's chart shows its state only while the step is active: a step read after scrolling away is
      // brought back first.
      if (root.activeId !== step.id) root.goTo(step.id);
      const chart = chartStops(step);
      if (chart.length) return move(chart[0]);
    }
    const following = story.steps[step.index + 1];
    if (following && following.section === step.section) return enterStep(following);
    return leaveSection(document.getElementById(step.section)!, true);
  };

  const previous = (place: Place): boolean => {
    const { step } = place;
    if (place.at > 0) return move(place.stops[place.at - 1]);
    if (place.kind === 'chart') return move(stepStops(step).at(-1));
    const preceding = story.steps[step.index - 1];
    if (preceding && preceding.section === step.section) return enterStepFromEnd(preceding);
    return leaveSection(document.getElementById(step.section)!, false);
  };

  /** The direction of the Tab being handled, so focus arriving from outside a section can be placed. */
  let tabbing: 1 | -1 | 0 = 0;

  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Tab' || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || presenting()) return;
    const place = locate(deepActive());
    if (!place) {
      tabbing = event.shiftKey ? -1 : 1;
      setTimeout(() => (tabbing = 0));
      return;
    }
    if (event.shiftKey ? previous(place) : next(place)) event.preventDefault();
  });

  // Tab from outside a section lands where the page's order puts it (the graphic, first): start at the section's
  // first step instead, or, coming back up from below, at its last step's chart.
  document.addEventListener('focusin', () => {
    if (!tabbing || presenting()) return;
    const direction = tabbing;
    tabbing = 0;
    const host = document.activeElement as HTMLElement | null;
    const section = host?.closest<HTMLElement>('fl-scrolly');
    if (!host || !section || !host.closest('.scrolly-chart, .scrolly-steps')) return;
    const place = locate(deepActive());
    const steps = story.steps.filter((step) => step.section === section.id);
    if (direction > 0) {
      const shown = activeStep(root);
      const start = shown && shown.section === section.id ? shown : steps[0];
      if (!place || place.kind !== 'step' || place.step !== start || place.at !== 0) enterStep(start);
    } else if (!place || place.kind !== 'chart' || place.step !== steps.at(-1)) enterStepFromEnd(steps.at(-1));
  });
}
