/**
 * An "Embed" button beside each chart of the story (in its scrolly graphic, outside the chart's shadow DOM). It
 * opens a dialog with the code that shows the chart as it is at that moment on another page. The dialog's code is
 * fetched on the first click: readers who never embed download a few hundred bytes, not the dialog.
 */
import type { Story } from '../types/story.ts';

const ICON =
  '<svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false"><path d="M8 7l-5 5 5 5M16 7l5 5-5 5" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/></svg>';

/** Adds an Embed button to every chart of the story's scrolly graphics; calling it again adds none twice. */
export function installEmbedButtons(story: Story, root: ParentNode = document): void {
  for (const wrapper of root.querySelectorAll<HTMLElement>('.scrolly-chart[data-chart]')) {
    const chart = story.charts[wrapper.dataset.chart ?? ''];
    if (!chart || wrapper.querySelector(':scope > .fl-embed-button')) continue;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'fl-embed-button';
    button.setAttribute('aria-haspopup', 'dialog');
    // The icon and the words are fixed markup; nothing from the story or the data goes into it.
    button.innerHTML = `${ICON}<span>Embed</span><span class="fl-sr-only"> this chart</span>`;
    button.addEventListener('click', () => {
      const element = wrapper.querySelector(chart.tag);
      if (!element) return;
      const state = Object.fromEntries(chart.attributes.map((name) => [name, element.getAttribute(name) ?? '']));
      // The step being read in this chart's section, for the dialog's link to it.
      const step = wrapper.closest('fl-scrolly')?.querySelector<HTMLElement>('.step.is-active')?.id;
      import('./embed-dialog.ts').then(
        ({ openEmbedDialog }) => openEmbedDialog({ chart: chart.name, tag: chart.tag, title: chart.title, state, opener: button, step }),
        (error: unknown) => console.warn(`The embed dialog could not be loaded: ${String(error)}`),
      );
    });
    wrapper.append(button);
  }
}
