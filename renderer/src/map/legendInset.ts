import { useAppStore } from '../state/store.js';

/** Width of the floating legend when shown, so fitting to the project keeps clear of it. */
export function legendInset(): number {
  if (!useAppStore.getState().legendVisible) return 0;
  const el = document.querySelector<HTMLElement>('[data-testid="legend"]');
  return el ? el.offsetLeft + el.offsetWidth : 0;
}
