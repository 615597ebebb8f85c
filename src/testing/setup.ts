import { afterEach } from 'vitest';

/** jsdom has no matchMedia; MUI asks it for the system colour scheme. Node-environment tests have no window. */
function stubMatchMedia(): void {
  if (typeof window === 'undefined' || typeof window.matchMedia === 'function') return;
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addEventListener: () => {},
      removeEventListener: () => {},
      addListener: () => {},
      removeListener: () => {},
      dispatchEvent: () => false,
    }) as MediaQueryList;
}

stubMatchMedia();

afterEach(async () => {
  if (typeof window === 'undefined') return;
  // Unmounts what a jsdom test rendered, so one test's screen never leaks into the next.
  const { cleanup } = await import('@testing-library/react');
  cleanup();
});
