/** The basemap tile URL scheme, `ccp://tiles/{z}/{x}/{y}` (pure helpers). */
export const TILE_PROTOCOL = 'ccp';
export const TILE_URL_TEMPLATE = `${TILE_PROTOCOL}://tiles/{z}/{x}/{y}`;

/** Parses `ccp://tiles/z/x/y` (a trailing extension or query is tolerated). */
export function parseTileUrl(url: string): { z: number; x: number; y: number } | null {
  const m = /^ccp:\/\/tiles\/(\d+)\/(\d+)\/(\d+)(?:\.\w+)?(?:[?#].*)?$/.exec(url);
  if (!m) return null;
  return { z: Number(m[1]), x: Number(m[2]), y: Number(m[3]) };
}

/** Copies the bytes into an ArrayBuffer of exactly their length (a Uint8Array may view a larger buffer). */
export function toExactArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer) {
    return bytes.buffer;
  }
  return bytes.slice().buffer as ArrayBuffer;
}
