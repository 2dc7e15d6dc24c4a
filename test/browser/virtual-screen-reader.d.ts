// The package's browser build has no types of its own in its exports map; they are its main entry's.
declare module '@guidepup/virtual-screen-reader/browser.js' {
  export * from '@guidepup/virtual-screen-reader';
}
