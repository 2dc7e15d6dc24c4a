/**
 * When the story fetches and defines each chart's code (src/scrolly/chart-loader.ts): a chart whose steps are near
 * the viewport is fetched and defined at once, one far down is only fetched once the page is idle, and defined
 * when its steps come near.
 */
import { expect } from 'chai';
import { loadChartsLazily } from '../../src/scrolly/chart-loader.ts';
import type { StoryStep } from '../../src/types/story.ts';
import { frames, until } from './helpers.ts';

const NEAR_TAG = 'fl-loader-near-test';
const FAR_TAG = 'fl-loader-far-test';

describe('the chart loader', () => {
  const fetched: string[] = [];
  const defined: string[] = [];
  let page: HTMLElement;

  before(() => {
    // One step on the first screen, one fifteen screens down.
    page = document.createElement('div');
    const step = (id: string) => Object.assign(document.createElement('div'), { id, className: 'step', textContent: id });
    const gap = (screens: number) => {
      const element = document.createElement('div');
      element.style.height = `${innerHeight * screens}px`;
      return element;
    };
    page.append(step('loader-near'), gap(15), step('loader-far'), gap(1));
    document.body.append(page);
    window.scrollTo({ top: 0, behavior: 'instant' });
    const steps = [
      { id: 'loader-near', tag: NEAR_TAG },
      { id: 'loader-far', tag: FAR_TAG },
    ] as unknown as StoryStep[];
    const loader = (tag: string) => () => {
      fetched.push(tag);
      return Promise.resolve(() => {
        defined.push(tag);
        customElements.define(tag, class extends HTMLElement {});
      });
    };
    loadChartsLazily(steps, { [NEAR_TAG]: loader(NEAR_TAG), [FAR_TAG]: loader(FAR_TAG) });
  });
  after(() => page.remove());

  it('defines the charts whose steps are near, and fetches the others once the page is idle without defining them', async () => {
    await until(() => fetched.includes(FAR_TAG), 'the far chart to be fetched without a scroll', 8000);
    await until(() => defined.includes(NEAR_TAG), 'the near chart to be defined', 8000);
    await frames(4);
    expect(defined, 'the far chart is fetched, not defined').to.deep.equal([NEAR_TAG]);
    expect(window.scrollY).to.equal(0);
  });

  it('defines a far chart once its step comes near', async () => {
    document.getElementById('loader-far')!.scrollIntoView();
    await until(() => defined.includes(FAR_TAG), 'the far chart to be defined once its step is near');
    expect(fetched.filter((tag) => tag === FAR_TAG), 'fetched once').to.have.length(1);
  });
});
