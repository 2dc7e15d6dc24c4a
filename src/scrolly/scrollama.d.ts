// Scrollama 3.2's bundled index.d.ts predates options it has (parent, container, root) and the offset() method;
// this is the part of its API the engine uses, typed from its source (src/entry.js).
declare module 'scrollama' {
  export interface ScrollamaStepResponse {
    element: HTMLElement;
    index: number;
    direction: 'up' | 'down';
  }
  export interface ScrollamaSetup {
    step: HTMLElement[] | NodeList | string;
    parent?: ParentNode;
    /** Trigger line: a fraction of the viewport height (0..1) or "123px". */
    offset?: number | string;
    progress?: boolean;
    threshold?: number;
    once?: boolean;
    debug?: boolean;
    container?: HTMLElement;
    root?: Element | null;
  }
  export interface ScrollamaInstance {
    setup(options: ScrollamaSetup): ScrollamaInstance;
    onStepEnter(callback: (response: ScrollamaStepResponse) => void): ScrollamaInstance;
    onStepExit(callback: (response: ScrollamaStepResponse) => void): ScrollamaInstance;
    resize(): ScrollamaInstance;
    offset(value: number | string): ScrollamaInstance;
    enable(): ScrollamaInstance;
    disable(): ScrollamaInstance;
    destroy(): ScrollamaInstance;
  }
  export default function scrollama(): ScrollamaInstance;
}
