/**
 * The browser-mode access token: the server prints `http://127.0.0.1:PORT/?token=…`; the page
 * keeps the token in sessionStorage (reloads keep working) and takes it out of the address bar
 * (so it is not left in history or on screenshots).
 */
export const TOKEN_PARAM = 'token';
export const TOKEN_STORAGE_KEY = 'ccp.token';

/** Splits the token out of a URL; `cleanUrl` is the same URL without it (path, other params, hash kept). */
export function extractToken(href: string): { token: string | null; cleanUrl: string } {
  const url = new URL(href);
  const token = url.searchParams.get(TOKEN_PARAM);
  if (token === null) return { token: null, cleanUrl: href };
  url.searchParams.delete(TOKEN_PARAM);
  return { token: token || null, cleanUrl: url.pathname + url.search + url.hash };
}

export interface TokenEnvironment {
  href: string;
  storage: Pick<Storage, 'getItem' | 'setItem'> | null;
  replaceUrl(url: string): void;
}

/** Reads the token from the URL (first load) or from session storage (reloads). */
export function takeToken(env: TokenEnvironment): string | null {
  const { token, cleanUrl } = extractToken(env.href);
  if (token) {
    try {
      env.storage?.setItem(TOKEN_STORAGE_KEY, token);
    } catch {
      // Storage may be disabled; the token then lives only in this page's memory.
    }
    env.replaceUrl(cleanUrl);
    return token;
  }
  try {
    return env.storage?.getItem(TOKEN_STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}
