/** The one live MapController, for commands that act on the map (zoom to project, print later). */
import type { MapController } from './MapController.js';

let current: MapController | null = null;

export function setMapController(c: MapController | null): void {
  current = c;
}

export function getMapController(): MapController | null {
  return current;
}
