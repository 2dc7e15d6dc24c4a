/**
 * The Embed dialog: the code for a chart as it is now, as a custom element and as an iframe, each with a Copy
 * button. A modal <dialog>: focus moves into it and returns to the button that opened it, Esc closes it, and the
 * page's own keys (presentation mode's p and s) stay quiet while it is open. Copying uses the Clipboard API;
 * where that is missing or refused, the code is selected and the status line says how to copy it.
 */
import { snippets } from './snippet.ts';

export interface EmbedRequest {
  readonly chart: string;
  readonly tag: string;
  /** The chart's title (the registry's), for the iframe. */
  readonly title: string;
  readonly state: Readonly<Record<string, string>>;
  /** The button that opened the dialog: focus returns to it. */
  readonly opener: HTMLElement;
  /** The story step being read, if any: the dialog offers a link to its share page (s/<step>/). */
  readonly step?: string;
}

/**
 * Where the built site lives: this module is in assets/, one level below it. (Held in a variable so the bundler
 * does not take the URL for an asset to copy.) In development the page's own folder stands in.
 */
const SITE_FROM_MODULE = '../';
export function siteBase(): string {
  return import.meta.env.DEV ? new URL('./', document.baseURI).href : new URL(SITE_FROM_MODULE, import.meta.url).href;
}

let opener: HTMLElement | null = null;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, properties: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), properties);
  node.append(...children);
  return node;
}

interface CodeBlock {
  readonly section: HTMLElement;
  readonly code: HTMLTextAreaElement;
}

function codeBlock(key: string, heading: string, help: string, status: HTMLElement, copied = `Copied the code ${heading.toLowerCase()}.`, label = 'Copy code'): CodeBlock {
  const headingId = `fl-embed-${key}-heading`;
  const code = element('textarea', { className: 'fl-embed-code', readOnly: true, rows: 2, spellcheck: false, id: `fl-embed-${key}-code` });
  code.setAttribute('aria-labelledby', headingId);
  code.setAttribute('autocapitalize', 'off');
  code.setAttribute('autocomplete', 'off');
  const copy = element('button', { type: 'button', className: 'fl-embed-copy' }, label);
  copy.setAttribute('aria-describedby', headingId);
  copy.addEventListener('click', () => void copyCode(code, copied, status));
  const section = element(
    'section',
    { className: 'fl-embed-option' },
    element('h3', { id: headingId }, heading),
    element('p', { className: 'fl-embed-help' }, help),
    code,
    copy,
  );
  return { section, code };
}

async function copyCode(code: HTMLTextAreaElement, copied: string, status: HTMLElement): Promise<void> {
  status.textContent = '';
  try {
    if (!navigator.clipboard?.writeText) throw new Error('no Clipboard API');
    await navigator.clipboard.writeText(code.value);
    status.textContent = copied;
  } catch {
    // Not allowed here (an insecure page, a refused permission): select it, so one key press copies it.
    code.focus();
    code.select();
    status.textContent = `The ${code.id.endsWith('link-code') ? 'link' : 'code'} is selected: press Ctrl+C (\u2318C on a Mac) to copy it.`;
  }
}

function build(): { dialog: HTMLDialogElement; element: CodeBlock; iframe: CodeBlock; link: CodeBlock; preview: HTMLAnchorElement; status: HTMLElement } {
  const status = element('p', { className: 'fl-embed-status' });
  status.setAttribute('role', 'status');
  const custom = codeBlock(
    'element',
    'As an element',
    'One script and one tag: the chart draws in your page, as wide as its container, and takes your fonts and colours through CSS custom properties.',
    status,
  );
  const iframe = codeBlock('iframe', 'As an iframe', 'Where pages may not load scripts of their own: the chart on a page of its own, which frame.js (optional) keeps as tall as the chart.', status);
  const link = codeBlock(
    'link',
    'Link to this step',
    'A link to this step of the story: where it is shared, its preview shows this chart with the headline and its sources.',
    status,
    'Copied the link to this step.',
    'Copy link',
  );
  link.code.rows = 1;
  custom.code.autofocus = true;
  const preview = element('a', { target: '_blank', rel: 'noopener' }, 'Open the chart on its own page');
  const examples = element('a', { href: new URL('embed/example.html', siteBase()).href, target: '_blank', rel: 'noopener' }, 'More examples');
  const close = element('button', { type: 'button', className: 'fl-embed-close' }, 'Close');
  const created = element(
    'dialog',
    { className: 'fl-embed-dialog' },
    element(
      'div',
      { className: 'fl-embed-body' },
      element('div', { className: 'fl-embed-head' }, element('h2', { id: 'fl-embed-title' }, 'Embed this chart'), close),
      element('p', { className: 'fl-embed-intro' }, 'Paste either into a page to show this chart as it is now. It follows the reader\u2019s light or dark setting.'),
      link.section,
      custom.section,
      iframe.section,
      status,
      element('p', { className: 'fl-embed-links' }, preview, ' \u00b7 ', examples),
    ),
  );
  created.setAttribute('aria-labelledby', 'fl-embed-title');
  close.addEventListener('click', () => created.close());
  // A click on the backdrop (the dialog box itself, outside its content) closes it, as Esc does.
  created.addEventListener('click', (event) => {
    if (event.target === created) created.close();
  });
  // The dialog owns the keyboard while it is open: the page's shortcuts (p, s) must not act behind it.
  created.addEventListener('keydown', (event) => event.stopPropagation());
  created.addEventListener('close', () => {
    status.textContent = '';
    const back = opener;
    opener = null;
    if (back?.isConnected) back.focus();
  });
  document.body.append(created);
  return { dialog: created, element: custom, iframe, link, preview, status };
}

let parts: ReturnType<typeof build> | null = null;

/** Opens the dialog with the code for this chart and state. */
export function openEmbedDialog(request: EmbedRequest): HTMLDialogElement {
  parts ??= build();
  const { dialog } = parts;
  // A fresh id per snippet, so two iframes pasted into one page tell their height messages apart.
  const id = `${request.chart}-${Math.random().toString(36).slice(2, 8)}`;
  const code = snippets({ chart: request.chart, tag: request.tag, title: request.title, state: request.state, base: siteBase(), id });
  parts.element.code.value = code.element;
  parts.iframe.code.value = code.iframe;
  parts.preview.href = code.frameUrl;
  // The step's share page (built beside the story, src/drawings/share-page.ts); none outside a step.
  parts.link.section.hidden = !request.step;
  parts.link.code.value = request.step ? new URL(`s/${request.step}/`, siteBase()).href : '';
  parts.status.textContent = '';
  opener = request.opener;
  if (!dialog.open) dialog.showModal();
  // Each box as tall as its code once wrapped at this width (the style sheet caps it), so none opens scrolled.
  for (const box of [parts.link.code, parts.element.code, parts.iframe.code]) {
    box.style.height = 'auto';
    box.style.height = `${box.scrollHeight + box.offsetHeight - box.clientHeight}px`;
  }
  return dialog;
}
